/**
 * A notebook is a folder:
 *   notebook.json          catalog: articles' metadata, tags, highlights (lowdb, durable writes)
 *   bodies/<sha256>.txt    stored article text, immutable, named by its hash
 *   originals/<sha256>.ext the imported file's original bytes, for provenance
 * Bodies stay out of notebook.json so a save rewrites only the small catalog.
 *
 * Guarantees: a notebook.json that cannot be read or validated is never written over
 * (opening fails with the reason); an update is visible in memory only after it is
 * durably on disk, so a failed save leaves the app's state as it was.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { Low } from 'lowdb'
import { createNotebookData, NotebookDataSchema, SCHEMA_VERSION, type NotebookData } from '../../core/model'
import { DossierError } from '../../core/result'
import { DurableJSONFile, UnreadableFileError } from './durable-json-file'
import { writeFileDurably, type FileWriter } from './durable-write'

export const CATALOG_FILE = 'notebook.json'
export const BODIES_DIR = 'bodies'
export const ORIGINALS_DIR = 'originals'

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

export interface OpenNotebookOptions {
  /** Create the folder and an empty notebook when none is there (default true). */
  create?: boolean
  now?: () => string
  /** Replaces files; durable by default. Only tests pass another (the crash test's control). */
  writer?: FileWriter
}

function validateNotebook(value: unknown): { ok: true; value: NotebookData } | { ok: false; reason: string } {
  const version = (value as { schemaVersion?: unknown }).schemaVersion
  if (typeof version === 'number' && version > SCHEMA_VERSION) {
    return { ok: false, reason: `schemaVersion ${version} is newer than this Dossier understands (${SCHEMA_VERSION})` }
  }
  const parsed = NotebookDataSchema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  return { ok: false, reason: `${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}` }
}

export class NotebookStore {
  #lock: Promise<unknown> = Promise.resolve()

  private constructor(
    readonly dir: string,
    private readonly db: Low<NotebookData>,
  ) {}

  static async open(dir: string, options: OpenNotebookOptions = {}): Promise<NotebookStore> {
    const create = options.create ?? true
    const now = options.now ?? (() => new Date().toISOString())
    const exists = await stat(dir).then(
      (s) => {
        if (!s.isDirectory()) throw new DossierError('bad-request', `${dir} is a file, not a notebook folder.`)
        return true
      },
      () => false,
    )
    if (!exists) {
      if (!create) throw new DossierError('not-found', `There is no notebook at ${dir}.`)
      await mkdir(dir, { recursive: true }).catch((e: Error) => {
        throw new DossierError('write-failed', `Cannot create the notebook folder ${dir}: ${e.message}`)
      })
    }

    const adapter = new DurableJSONFile<NotebookData>(join(dir, CATALOG_FILE), validateNotebook, options.writer)
    let data: NotebookData | null
    try {
      data = await adapter.read()
    } catch (error) {
      if (error instanceof UnreadableFileError) {
        const newer = /newer than this Dossier/.test(error.reason)
        throw new DossierError(
          newer ? 'notebook-newer' : 'notebook-unreadable',
          newer
            ? `This notebook was written by a newer version of Dossier (${error.reason}). Update Dossier to open it; it was left untouched.`
            : `The notebook file ${error.file} ${error.reason}. It was left untouched: Dossier will not write over a file it could not read.`,
        )
      }
      throw error
    }

    if (data === null) {
      if (!create) throw new DossierError('not-found', `There is no notebook at ${dir} (no ${CATALOG_FILE}).`)
      data = createNotebookData(now())
      await adapter.write(data).catch((e: Error) => {
        throw new DossierError('write-failed', `Cannot create a notebook in ${dir}: ${e.message}`)
      })
    }
    const db = new Low<NotebookData>(adapter, data)
    db.data = data
    return new NotebookStore(dir, db)
  }

  get name(): string {
    return basename(this.dir)
  }

  /** The committed state. Treat as read-only: change it only through `update`. */
  get data(): Readonly<NotebookData> {
    return this.db.data
  }

  /**
   * Applies `mutate` to a copy, writes the copy durably, and only then makes it current.
   * Updates run one at a time in call order. A failed write rejects with `write-failed`
   * and leaves `data` unchanged.
   */
  update<R>(mutate: (draft: NotebookData) => R): Promise<R> {
    const run = this.#lock.then(async () => {
      const draft = structuredClone(this.db.data)
      const result = mutate(draft)
      try {
        await this.db.adapter.write(draft)
      } catch (error) {
        throw new DossierError('write-failed', `Could not save the notebook (${(error as Error).message}); nothing was changed.`)
      }
      this.db.data = draft
      return result
    })
    this.#lock = run.catch(() => undefined)
    return run
  }

  /** Stores text under its hash (idempotent) and returns the hash. */
  async putBody(text: string): Promise<string> {
    const hash = sha256Hex(text)
    await this.#putImmutable(BODIES_DIR, `${hash}.txt`, text)
    return hash
  }

  async readBody(hash: string): Promise<string> {
    const file = join(this.dir, BODIES_DIR, `${hash}.txt`)
    let text: string
    try {
      text = await readFile(file, 'utf8')
    } catch (error) {
      throw new DossierError('notebook-unreadable', `The stored text ${file} is missing or unreadable (${(error as Error).message}).`)
    }
    if (sha256Hex(text) !== hash) {
      throw new DossierError('notebook-unreadable', `The stored text ${file} does not match its checksum: it was changed or damaged on disk.`)
    }
    return text
  }

  /** Keeps the original bytes of an imported file; returns its notebook-relative path. */
  async putOriginal(bytes: Uint8Array, extension: string): Promise<{ path: string; hash: string }> {
    const hash = sha256Hex(bytes)
    const name = `${hash}${extension.toLowerCase()}`
    await this.#putImmutable(ORIGINALS_DIR, name, bytes)
    return { path: `${ORIGINALS_DIR}/${name}`, hash }
  }

  async #putImmutable(sub: string, name: string, data: string | Uint8Array): Promise<void> {
    const folder = join(this.dir, sub)
    try {
      await mkdir(folder, { recursive: true })
      const target = join(folder, name)
      // Same name means same content (it is the hash), so an existing file is already right.
      const present = await stat(target).then(() => true, () => false)
      if (!present) await writeFileDurably(target, data)
    } catch (error) {
      throw new DossierError('write-failed', `Could not save ${sub}/${name} in the notebook (${(error as Error).message}).`)
    }
  }
}
