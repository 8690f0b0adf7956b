/**
 * A lowdb adapter that refuses to guess. `read()` returns null only when the file does
 * not exist; an empty, truncated, NUL-filled, non-JSON, `null` or schema-invalid file is
 * an error (lowdb's own JSONFile would turn `null` into defaults and later overwrite the
 * file). `write()` is durable (see durable-write.ts) and writes are applied in order.
 */
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileDurably, type FileWriter } from './durable-write'

export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'UnreadableFileError'
  }
}

export type Validate<T> = (value: unknown) => { ok: true; value: T } | { ok: false; reason: string }

export class DurableJSONFile<T> implements Adapter<T> {
  #queue: Promise<void> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly validate: Validate<T>,
    private readonly writer: FileWriter = writeFileDurably,
    /** JSON indentation: 1 keeps small files readable; 0 (compact) for the large catalog. */
    private readonly indent = 1,
  ) {}

  async read(): Promise<T | null> {
    let raw: string
    try {
      raw = await readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new UnreadableFileError(this.file, `cannot be read (${(error as Error).message})`)
    }
    if (raw.trim().length === 0) {
      throw new UnreadableFileError(this.file, raw.length === 0 ? 'is empty' : 'holds only whitespace')
    }
    if (raw.includes('\u0000')) throw new UnreadableFileError(this.file, 'contains NUL bytes (damaged on disk)')
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch (error) {
      throw new UnreadableFileError(this.file, `is not valid JSON (${(error as Error).message})`)
    }
    if (parsed === null) throw new UnreadableFileError(this.file, 'holds null instead of a notebook')
    const checked = this.validate(parsed)
    if (!checked.ok) throw new UnreadableFileError(this.file, `does not match the notebook format (${checked.reason})`)
    return checked.value
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, this.indent || undefined)
    const run = this.#queue.then(() => this.writer(this.file, text))
    // Keep the queue alive after a failure; the caller still sees this write's rejection.
    this.#queue = run.catch(() => undefined)
    return run
  }
}
