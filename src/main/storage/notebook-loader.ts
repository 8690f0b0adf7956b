/**
 * Reads a notebook's JSON files on open: creates a new notebook when asked, refuses a newer
 * format, backs up and migrates an older one, and recovers damaged files from backups
 * (moving the damaged copy aside and recording what was done in the `OpenReport`).
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { createManifest, SCHEMA_VERSION, type Manifest } from '../../core/model'
import { DossierError } from '../../core/result'
import { createBackup, findValidBackupCopy } from './backups'
import { DurableJSONFile, UnreadableFileError, type Validate } from './durable-json-file'
import { writeFileDurably, type FileWriter } from './durable-write'
import { validateManifest } from './file-formats'
import { runMigrations } from './migrations'

import { ANNOTATIONS_DIR, CATALOG_FILE, MANIFEST_FILE } from './layout'

export { ANNOTATIONS_DIR, BODIES_DIR, BRIEFINGS_DIR, CATALOG_FILE, MANIFEST_FILE, ORIGINALS_DIR, TRASH_DIR, WRITTEN_DIRS } from './layout'

/** One damaged file found on open, and what was done about it. */
export interface RecoveredFile {
  file: string
  problem: string
  /** Where the damaged file was moved (notebook-relative); it is never deleted. */
  movedTo: string
  /** The backup it was restored from, or null when no backup held a readable copy. */
  restoredFrom: string | null
}

export interface OpenReport {
  recovered: RecoveredFile[]
  /**
   * Annotation files a read-only open could not read (it may not repair): their highlights
   * are left out of what it shows, and the file is left as it is.
   */
  skipped: { file: string; problem: string }[]
  migratedFrom: number | null
  removedTempFiles: number
}

export type Doc<T> = Low<T> & { adapter: DurableJSONFile<T> }

export interface OpenNotebookOptions {
  /** Create the folder and an empty notebook when none is there (default true). */
  create?: boolean
  /** Open without the writer lock; nothing is written, moved or migrated. */
  readOnly?: boolean
  /** Who holds the lock, for the message another process sees ('app', 'cli'). */
  app?: string
  now?: () => string
  /** Replaces files; durable by default. Only tests pass another (the crash test's control). */
  writer?: FileWriter
}

/** Reads the notebook's files on open, recovering damaged ones from backups. */
export class Loader {
  constructor(
    private readonly dir: string,
    private readonly readOnly: boolean,
    private readonly writer: FileWriter,
    private readonly now: () => string,
    private readonly report: OpenReport,
  ) {}

  async openManifest(create: boolean): Promise<Doc<Manifest>> {
    const path = join(this.dir, MANIFEST_FILE)
    const raw = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)))
    if (raw === null) {
      const hasData = (await readdir(this.dir)).some((n) => n === CATALOG_FILE || n === ANNOTATIONS_DIR)
      if (!hasData) {
        if (!create || this.readOnly) throw new DossierError('not-found', `There is no notebook at ${this.dir} (no ${MANIFEST_FILE}).`)
        return this.#createNotebook()
      }
    } else {
      const version = peekSchemaVersion(raw)
      if (version !== null && version > SCHEMA_VERSION) {
        throw new DossierError(
          'notebook-newer',
          `This notebook was written by a newer version of Dossier (format ${version}; this version reads up to ${SCHEMA_VERSION}). Update Dossier to open it; it was left untouched.`,
        )
      }
      if (version !== null && version < SCHEMA_VERSION) {
        if (this.readOnly) {
          throw new DossierError('notebook-newer', `This notebook is in an older format (${version}) and must be upgraded before it can be read: open it in the app or run a command that changes it.`)
        }
        await createBackup(this.dir, `before-migration-v${version}`)
        await runMigrations(this.dir, version, SCHEMA_VERSION, this.writer)
        this.report.migratedFrom = version
      }
    }
    return this.openDoc(MANIFEST_FILE, validateManifest, () => createManifest(this.now()))
  }

  /**
   * Opens one JSON file. Missing: `fallback()` (a new, empty document, written at the next
   * change). Damaged: moved aside and restored from the newest backup that holds a valid
   * copy; if none does, `fallback()`, and the report says so.
   */
  async openDoc<T>(file: string, validate: Validate<T>, fallback: () => T, options: { indent?: number; stamp?: string } = {}): Promise<Doc<T>> {
    const indent = options.indent ?? 1
    const adapter = new DurableJSONFile<T>(join(this.dir, file), validate, this.writer, indent, options.stamp && join(this.dir, options.stamp))
    let data: T | null
    try {
      data = await adapter.read()
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error
      data = await this.#recover(file, error.reason, validate)
      if (data === null) {
        // No backup had it: start this file empty, on disk too (the damaged copy is kept).
        data = fallback()
        await this.writer(join(this.dir, file), JSON.stringify(data, null, indent || undefined))
      }
    }
    return new Low<T>(adapter, data ?? fallback()) as Doc<T>
  }

  async #createNotebook(): Promise<Doc<Manifest>> {
    const manifest = createManifest(this.now())
    // Catalog first, manifest last: a notebook.json only ever exists beside a catalog.
    await this.writer(join(this.dir, CATALOG_FILE), JSON.stringify({ articles: [] }))
    await this.writer(join(this.dir, MANIFEST_FILE), JSON.stringify(manifest, null, 1))
    const adapter = new DurableJSONFile<Manifest>(join(this.dir, MANIFEST_FILE), validateManifest, this.writer)
    return new Low<Manifest>(adapter, manifest) as Doc<Manifest>
  }

  async #recover<T>(file: string, problem: string, validate: Validate<T>): Promise<T | null> {
    if (this.readOnly) {
      throw new DossierError(
        'notebook-unreadable',
        `The notebook file ${join(this.dir, file)} ${problem}. Nothing was changed. Run "dossier check --repair" (or open the notebook in the app) to move the damaged file aside and restore it from a backup.`,
      )
    }
    // Copy, then replace: if anything below fails, the damaged file is still where it was.
    const movedTo = `${file}.corrupt-${this.now().replace(/[:.]/g, '-')}`
    await writeFileDurably(join(this.dir, movedTo), await readFile(join(this.dir, file)))
    const copy = await findValidBackupCopy(this.dir, file, validate)
    if (copy) {
      await this.writer(join(this.dir, file), copy.bytes)
      this.report.recovered.push({ file, problem, movedTo, restoredFrom: copy.id })
      return copy.value
    }
    this.report.recovered.push({ file, problem, movedTo, restoredFrom: null })
    return null
  }
}

function peekSchemaVersion(raw: string): number | null {
  try {
    const value = JSON.parse(raw) as { schemaVersion?: unknown } | null
    return value && typeof value.schemaVersion === 'number' ? value.schemaVersion : null
  } catch {
    return null
  }
}
