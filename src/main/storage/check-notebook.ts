/**
 * `dossier check`: reads every file of a notebook and says, one sentence per problem,
 * what is wrong (notes/data-model.md describes the layout it checks).
 *
 * Without `repair` nothing is written, moved or deleted: not even the lock is taken.
 * With `repair` (under the writer lock) only what is safely fixable is fixed, and no data
 * is ever deleted: stale temp files are removed (they are unfinished copies of files that
 * are intact), orphan annotation files and failing backups go to `lost+found/`, a body is
 * re-created from its original only when that reproduces exactly its hash, and a damaged
 * JSON file is moved aside as `NAME.corrupt-<timestamp>` and restored from the newest
 * verified backup holding a valid copy. Everything else is reported and left as it is.
 *
 * The report: `problems` are what is wrong after this run (all of them without
 * `repair`), `repaired` what this run fixed. A notebook is healthy when `problems` is empty.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { SCHEMA_VERSION, type AnnotationFile, type Catalog, type Manifest } from '../../core/model'
import { DossierError, isDossierError } from '../../core/result'
import { backupIds, BACKUPS_DIR, findValidBackupCopy, verifyBackup, type BackupManifest } from './backups'
import { emptyClaimsFile } from '../../core/sourcing/schema'
import { checkAchClaimRows, type StoredMatrix } from './check-ach-claims'
import { checkClaims } from './check-claims'
import { checkLeftovers, checkUnreferenced } from './check-leftovers'
import { checkArticles, readBody } from './check-content'
import { findHighlightProblems } from './check-highlights'
import { findMetadataProblems } from './check-meta'
import { CheckRun, type Fix } from './check-run'
import { DurableJSONFile, UnreadableFileError, type Validate } from './durable-json-file'
import { writeFileDurably } from './durable-write'
import { ACH_MATRIX_FILE, ANNOTATION_FILE, CLAIMS_DOC, OUTLETS_DOC, validateAchMatrixOf, validateAnnotationsOf, validateCatalog, validateEntities, validateManifest } from './file-formats'
import { corruptPath, exists, keepCopy, lostAndFoundPath, moveTo } from './safe-moves'
import { acquireNotebookLock } from './notebook-lock'
import { ACH_DIR, ANNOTATIONS_DIR, CATALOG_FILE, ENTITIES_FILE, MANIFEST_FILE } from './layout'

export interface CheckProblem {
  /** Notebook-relative path (with `/`) of the file or folder the problem is in. */
  file: string
  /** One specific sentence. */
  message: string
  repairable: boolean
  /** In `problems`: what `repair` would do, or why it cannot. In `repaired`: what it did. */
  repair?: string
}

export interface CheckReport {
  /** Files read and checked (JSON files, bodies, originals, backup files). */
  checkedFiles: number
  /** What is wrong after this run: everything found without `repair`, what is left with it. */
  problems: CheckProblem[]
  /** What this run repaired (empty without `repair`). */
  repaired: CheckProblem[]
  /** Files kept for the user (damaged copies moved aside when a file was restored): not problems. */
  kept: { file: string; message: string }[]
}

export interface CheckOptions {
  /** Fix what is safely fixable. Takes the writer lock unless `lockHeld`. */
  repair?: boolean
  /** The caller (the app) already holds the writer lock on this notebook. */
  lockHeld?: boolean
  /** Label recorded in the lock while repairing ('cli', 'app'); default 'cli'. */
  app?: string
  /** ISO timestamp used in `NAME.corrupt-<timestamp>` names. */
  now?: () => string
}

export { LOST_AND_FOUND_DIR } from './safe-moves'

export async function checkNotebook(dir: string, options: CheckOptions = {}): Promise<CheckReport> {
  const info = await stat(dir).catch(() => null)
  if (!info) throw new DossierError('not-found', `There is no notebook at ${dir}.`)
  if (!info.isDirectory()) throw new DossierError('bad-request', `${dir} is a file, not a notebook folder.`)
  const present = await Promise.all([MANIFEST_FILE, CATALOG_FILE, ANNOTATIONS_DIR].map((name) => exists(join(dir, name))))
  if (!present.includes(true)) throw new DossierError('not-found', `There is no notebook at ${dir} (no ${MANIFEST_FILE} or ${CATALOG_FILE}).`)
  const repair = options.repair ?? false
  const lock = repair && !options.lockHeld ? await acquireNotebookLock(dir, { app: options.app ?? 'cli' }) : null
  try {
    return await new Checker(dir, repair, options.lockHeld ?? false, options.now ?? (() => new Date().toISOString())).run()
  } finally {
    await lock?.release()
  }
}

type JsonRead<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'damaged'; reason: string }

class Checker {
  readonly #run: CheckRun

  constructor(dir: string, repair: boolean, lockHeld: boolean, now: () => string) {
    this.#run = new CheckRun(dir, repair, lockHeld, now)
  }

  async run(): Promise<CheckReport> {
    const version = await this.#peekSchemaVersion()
    if (version !== null && version !== SCHEMA_VERSION) {
      this.#run.problems.push({
        file: MANIFEST_FILE,
        message:
          version > SCHEMA_VERSION
            ? `${MANIFEST_FILE} is in format ${version}, written by a newer version of Dossier; this version checks format ${SCHEMA_VERSION} only, so nothing else was checked.`
            : `${MANIFEST_FILE} is in the older format ${version}; open the notebook in Dossier (or run a command that changes it) to upgrade it to format ${SCHEMA_VERSION}, then check it again.`,
        repairable: false,
        repair: 'Nothing: the notebook is left untouched.',
      })
      return this.#run.report()
    }
    await checkLeftovers(this.#run)
    await this.#checkBackups()

    const manifest = await this.#checkJson(MANIFEST_FILE, validateManifest, 'Opening the notebook would start a new notebook.json with the default tags.')
    const catalog = await this.#checkJson(CATALOG_FILE, validateCatalog, 'Opening the notebook would start an empty catalog, losing the list of articles.')
    // entities.json is optional (absent = no entities); a present one must read.
    if (await exists(join(this.#run.dir, ENTITIES_FILE))) {
      await this.#checkJson(ENTITIES_FILE, validateEntities, 'Opening the notebook would start with no entities (names, places and aliases).')
    }
    const matrices = await this.#checkAchMatrices()
    // So are outlets.json and claims.json (notes/sourcing.md).
    if (await exists(join(this.#run.dir, OUTLETS_DOC.name))) await this.#checkJson(OUTLETS_DOC.name, OUTLETS_DOC.validate, 'Opening the notebook would start with no outlets, their grades and the article links.')
    const claimsPresent = await exists(join(this.#run.dir, CLAIMS_DOC.name))
    const claims = claimsPresent ? await this.#checkJson(CLAIMS_DOC.name, CLAIMS_DOC.validate, 'Opening the notebook would start with no claims.') : null
    // Absent claims.json = no claims; a damaged one says nothing about which claims exist.
    if (claims || !claimsPresent) await checkAchClaimRows(this.#run, matrices, claims ?? emptyClaimsFile())
    if (manifest) this.#checkTagsUnique(manifest)
    if (catalog) this.#checkArticlesUnique(catalog)
    if (catalog) await checkUnreferenced(this.#run, catalog)
    if (catalog) this.#run.problems.push(...findMetadataProblems(catalog))

    const readable = catalog ? await checkArticles(this.#run, catalog) : new Set<string>()
    const annotations = await this.#checkAnnotationFiles(catalog)
    const textOf = async (bodyHash: string) => (readable.has(bodyHash) ? readBody(this.#run, bodyHash).catch(() => undefined) : undefined)
    this.#run.problems.push(...(await findHighlightProblems(annotations, manifest, catalog, textOf)))
    if (claims && catalog) await checkClaims(this.#run, claims, catalog, annotations.map((a) => a.data))
    return this.#run.report()
  }

  // 5. Leftovers: see check-leftovers.ts

  // 6. Backups ----------------------------------------------------------------------------

  async #checkBackups(): Promise<void> {
    const checked = new Set<string>() // objects shared by several backups are read once
    for (const id of await backupIds(this.#run.dir)) {
      const file = `${BACKUPS_DIR}/${id}`
      let manifest: BackupManifest
      try {
        manifest = await verifyBackup(this.#run.dir, id, checked)
      } catch (error) {
        const why = isDossierError(error) ? error.message : `its backup.json cannot be read (${(error as Error).message})`
        const target = await lostAndFoundPath(this.#run.dir, file)
        await this.#run.found(file, `Backup ${id} does not verify: ${why}`, {
          will: `Move it to ${target}, so it is never used to restore from.`,
          did: `Moved it to ${target}.`,
          run: () => moveTo(this.#run.dir, file, target),
        })
        continue
      }
      this.#run.checkedFiles += Object.keys(manifest.files).length + 1
      this.#run.backups.push({ id, manifest })
    }
  }

  // 1. The JSON files ---------------------------------------------------------------------

  async #peekSchemaVersion(): Promise<number | null> {
    const raw = await readFile(join(this.#run.dir, MANIFEST_FILE), 'utf8').catch(() => null)
    if (raw === null) return null
    try {
      const value = JSON.parse(raw) as { schemaVersion?: unknown } | null
      return value && typeof value.schemaVersion === 'number' ? value.schemaVersion : null
    } catch {
      return null
    }
  }

  /**
   * Reads and validates one JSON file; a missing or damaged one is restored (with `repair`)
   * from the newest verified backup holding a valid copy. Returns what the file now holds,
   * or null when it is still missing or damaged.
   */
  async #checkJson<T>(file: string, validate: Validate<T>, ifLost: string): Promise<T | null> {
    const read = await readJson(join(this.#run.dir, file), validate)
    if (read.kind !== 'missing') this.#run.checkedFiles++
    if (read.kind === 'ok') return read.value
    const message = read.kind === 'missing' ? `${file} is missing.` : `${file} ${read.reason}.`
    const restored = await this.#restoreFromBackup(file, validate, read.kind === 'damaged', ifLost)
    return (await this.#run.found(file, message, restored.fix)) ? restored.value : null
  }

  async #restoreFromBackup<T>(file: string, validate: Validate<T>, moveAside: boolean, ifLost: string): Promise<{ fix: Fix | string; value: T | null }> {
    const copy = await findValidBackupCopy(this.#run.dir, file, validate, this.#run.backups)
    if (copy) {
      const { id, bytes, value } = copy
      const aside = moveAside ? await corruptPath(this.#run.dir, this.#run.now(), file) : null
      const keep = (verb: string) => (aside ? `; the damaged file ${verb} kept as ${aside}, with any changes made after that backup` : '')
      return {
        value,
        fix: {
          will: `Restore it from backup ${id}${keep('will be')}.`,
          did: `Restored it from backup ${id}${keep('is')}.`,
          run: async () => {
            if (aside) await keepCopy(this.#run.dir, file, aside)
            await mkdir(dirname(join(this.#run.dir, file)), { recursive: true })
            await writeFileDurably(join(this.#run.dir, file), bytes)
          },
        },
      }
    }
    const none = this.#run.backups.length === 0 ? 'There is no verified backup to restore it from' : 'No verified backup holds a valid copy of it'
    return { value: null, fix: `${none}. ${ifLost}` }
  }

  #checkTagsUnique(manifest: Manifest): void {
    for (const [id, count] of duplicates(manifest.tags.map((t) => t.id))) {
      this.#run.problems.push({ file: MANIFEST_FILE, message: `Tag id ${id} is used by ${count} tags in ${MANIFEST_FILE}.`, repairable: false, repair: 'Nothing: which tag is meant cannot be known.' })
    }
  }

  #checkArticlesUnique(catalog: Catalog): void {
    for (const [id, count] of duplicates(catalog.articles.map((a) => a.id))) {
      this.#run.problems.push({ file: CATALOG_FILE, message: `Article id ${id} is used by ${count} articles in ${CATALOG_FILE}.`, repairable: false, repair: 'Nothing: which article is meant cannot be known.' })
    }
  }

  // 2. Bodies and originals: see check-content.ts

  // 1, 3. Annotation files ----------------------------------------------------------------

  /** Checks each annotation file; returns the readable ones of articles in the catalog. */
  async #checkAnnotationFiles(catalog: Catalog | null): Promise<{ file: string; data: AnnotationFile }[]> {
    const known = catalog ? new Set<string>(catalog.articles.map((a) => a.id)) : null
    const names = (await readdir(join(this.#run.dir, ANNOTATIONS_DIR)).catch(() => [] as string[])).filter((n) => ANNOTATION_FILE.test(n)).sort()
    const files: { file: string; data: AnnotationFile }[] = []
    for (const name of names) {
      const file = `${ANNOTATIONS_DIR}/${name}`
      const articleId = name.slice(0, -'.json'.length)
      // Orphans only against a readable catalog: an unreadable one says nothing about which articles exist.
      if (known && !known.has(articleId)) {
        this.#run.checkedFiles++
        const target = await lostAndFoundPath(this.#run.dir, file)
        await this.#run.found(file, `${file} holds highlights of article ${articleId}, which is not in ${CATALOG_FILE} (an orphan: Dossier ignores it).`, {
          will: `Move it to ${target}.`,
          did: `Moved it to ${target}.`,
          run: () => moveTo(this.#run.dir, file, target),
        })
        continue
      }
      const validate = validateAnnotationsOf(articleId)
      const data = await this.#checkJson(file, validate, 'Opening the notebook would start it empty, losing the highlights of that article (the damaged file is kept).')
      if (data) files.push({ file, data })
    }
    return files
  }

  // 1, 4. Highlights: see check-highlights.ts

  /** ACH matrices (ach/<id>.json): each must read; a damaged one is restored from a backup with `repair`, the damaged file kept aside. */
  async #checkAchMatrices(): Promise<StoredMatrix[]> {
    const names = (await readdir(join(this.#run.dir, ACH_DIR)).catch(() => [] as string[])).sort()
    const matrices: StoredMatrix[] = []
    for (const name of names) {
      const id = ACH_MATRIX_FILE.exec(name)?.[1]
      const file = `${ACH_DIR}/${name}`
      const matrix = id ? await this.#checkJson(file, validateAchMatrixOf(id), 'The matrix is kept as it is; ACH commands report it damaged until it is restored or moved away.') : null
      if (matrix) matrices.push({ file, matrix })
    }
    return matrices
  }

}

// ---------------------------------------------------------------------------------------

/** Reads like the store does (durable-json-file.ts), so "damaged" means what it means on open. */
async function readJson<T>(path: string, validate: Validate<T>): Promise<JsonRead<T>> {
  try {
    const value = await new DurableJSONFile<T>(path, validate).read()
    return value === null ? { kind: 'missing' } : { kind: 'ok', value }
  } catch (error) {
    if (error instanceof UnreadableFileError) return { kind: 'damaged', reason: error.reason }
    throw error
  }
}

function duplicates(ids: readonly string[]): [string, number][] {
  const counts = new Map<string, number>()
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
  return [...counts].filter(([, n]) => n > 1)
}
