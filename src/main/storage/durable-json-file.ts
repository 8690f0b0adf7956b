/**
 * A lowdb adapter that refuses to guess. `read()` returns null only when the file does
 * not exist; an empty, truncated, NUL-filled, non-JSON, `null` or schema-invalid file is
 * an error (lowdb's own JSONFile would turn `null` into defaults and later overwrite the
 * file). `write()` validates what it is given (a bug never reaches the disk), is durable
 * (see durable-write.ts), and writes are applied in order.
 *
 * With a `stamp` file (the catalog: 10,000 articles take ~150-300 ms to validate, on every
 * command), each write also records the size and sha256 of the text it wrote; a read
 * whose bytes hash to that stamp is the very text a validated write produced, and skips
 * the schema (hashing 10 MB takes ~25 ms). Any other file is validated in full, as before.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileAtomically, writeFileDurably, type FileWriter } from './durable-write'

/** A turn of the event loop that lets timers run too (an immediate queued from I/O runs before them). */
const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'UnreadableFileError'
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string }
export interface Validate<T> {
  (value: unknown): Checked<T>
  /**
   * The same check with a turn of the event loop (`turn`) between its steps (the schema,
   * then the rules a schema cannot state): reading a large file does not hold the thread
   * for both (entities.json at 2,000 spellings: 60 ms whole, cold).
   */
  inSteps?: (value: unknown, turn: () => Promise<void>) => Promise<Checked<T>>
}

export class DurableJSONFile<T> implements Adapter<T> {
  #queue: Promise<void> = Promise.resolve()

  constructor(
    readonly file: string,
    private readonly validate: Validate<T>,
    private readonly writer: FileWriter = writeFileDurably,
    /** JSON indentation: 1 keeps small files readable; 0 (compact) for the large catalog. */
    private readonly indent = 1,
    /** Where to record what was written, so reading it back need not validate it again (see above). */
    private readonly stamp?: string,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new UnreadableFileError(this.file, `cannot be read (${(error as Error).message})`)
    }
    const raw = bytes.toString('utf8')
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
    if (this.stamp && (await stampMatches(this.stamp, bytes))) return parsed as T
    const checked = this.validate.inSteps ? await this.validate.inSteps(parsed, turn) : this.validate(parsed)
    if (!checked.ok) throw new UnreadableFileError(this.file, `does not match the notebook format (${checked.reason})`)
    return checked.value
  }

  write(data: T): Promise<void> {
    const checked = this.validate(data)
    if (!checked.ok) return Promise.reject(new Error(`refusing to write ${this.file}: what was to be saved does not match the notebook format (${checked.reason})`))
    const text = JSON.stringify(data, null, this.indent || undefined)
    const run = this.#queue.then(async () => {
      await this.writer(this.file, text)
      if (this.stamp) await writeStamp(this.stamp, text).catch(() => undefined) // losing it only costs a full validation
    })
    // Keep the queue alive after a failure; the caller still sees this write's rejection.
    this.#queue = run.catch(() => undefined)
    return run
  }
}

interface Stamp {
  size: number
  sha256: string
}

async function writeStamp(file: string, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8')
  const stamp: Stamp = { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }
  await writeFileAtomically(file, JSON.stringify(stamp))
}

/** Whether these bytes are the very text a validated write recorded in `file`. */
async function stampMatches(file: string, bytes: Buffer): Promise<boolean> {
  try {
    const stamp = JSON.parse(await readFile(file, 'utf8')) as Partial<Stamp>
    return stamp.size === bytes.length && stamp.sha256 === createHash('sha256').update(bytes).digest('hex')
  } catch {
    return false
  }
}
