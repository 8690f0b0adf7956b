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
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { SCHEMA_VERSION, type AnnotationFile, type Article, type Catalog, type Manifest } from '../../core/model'
import { DossierError, isDossierError } from '../../core/result'
import { normaliseText } from '../../core/text'
import { decodeTextFile } from '../import/decode-text'
import { extractDocument } from '../import/extract'
import { BACKUPS_DIR, findValidBackupCopy, verifyBackup, type BackupManifest } from './backups'
import { DurableJSONFile, UnreadableFileError, type Validate } from './durable-json-file'
import { writeFileDurably } from './durable-write'
import { ANNOTATION_FILE, TEMP_FILE, validateAnnotationsOf, validateCatalog, validateManifest } from './file-formats'
import { findHighlightProblems } from './check-highlights'
import { corruptPath, exists, keepCopy, lostAndFoundPath, moveTo } from './safe-moves'
import { acquireNotebookLock } from './notebook-lock'
import { ANNOTATIONS_DIR, BODIES_DIR, CATALOG_FILE, MANIFEST_FILE, ORIGINALS_DIR, WRITTEN_DIRS } from './layout'
import { sha256Hex } from './notebook-store'

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

/** Damaged files the store (or a repair) moved aside. */
const CORRUPT_FILE = /\.corrupt-[^/]*$/
/** The folders the notebook writes files in. */

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

/** A fix: what it will do and did (for the report), and doing it. */
interface Fix {
  will: string
  did: string
  run: () => Promise<void>
}

type JsonRead<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'damaged'; reason: string }

class Checker {
  readonly #problems: CheckProblem[] = []
  readonly #repaired: CheckProblem[] = []
  #checkedFiles = 0
  /** Verified backups, newest first. */
  #backups: { id: string; manifest: BackupManifest }[] = []

  constructor(
    private readonly dir: string,
    private readonly repair: boolean,
    private readonly lockHeld: boolean,
    private readonly now: () => string,
  ) {}

  async run(): Promise<CheckReport> {
    const version = await this.#peekSchemaVersion()
    if (version !== null && version !== SCHEMA_VERSION) {
      this.#problems.push({
        file: MANIFEST_FILE,
        message:
          version > SCHEMA_VERSION
            ? `${MANIFEST_FILE} is in format ${version}, written by a newer version of Dossier; this version checks format ${SCHEMA_VERSION} only, so nothing else was checked.`
            : `${MANIFEST_FILE} is in the older format ${version}; open the notebook in Dossier (or run a command that changes it) to upgrade it to format ${SCHEMA_VERSION}, then check it again.`,
        repairable: false,
        repair: 'Nothing: the notebook is left untouched.',
      })
      return this.#report()
    }
    await this.#checkLeftovers()
    await this.#checkBackups()

    const manifest = await this.#checkJson(MANIFEST_FILE, validateManifest, 'Opening the notebook would start a new notebook.json with the default tags.')
    const catalog = await this.#checkJson(CATALOG_FILE, validateCatalog, 'Opening the notebook would start an empty catalog, losing the list of articles.')
    if (manifest) this.#checkTagsUnique(manifest)
    if (catalog) this.#checkArticlesUnique(catalog)

    const bodies = catalog ? await this.#checkArticles(catalog) : new Map<string, string>()
    const annotations = await this.#checkAnnotationFiles(catalog)
    this.#problems.push(...findHighlightProblems(annotations, manifest, catalog, bodies))
    return this.#report()
  }

  #report(): CheckReport {
    return { checkedFiles: this.#checkedFiles, problems: this.#problems, repaired: this.#repaired }
  }

  /**
   * Records a problem. `fix` is how to repair it, or why it cannot be. With `repair`, a
   * fix is run; returns whether it was (a failed fix stays a problem, saying why).
   */
  async #found(file: string, message: string, fix: Fix | string): Promise<boolean> {
    if (typeof fix === 'string') {
      this.#problems.push({ file, message, repairable: false, repair: fix })
      return false
    }
    if (!this.repair) {
      this.#problems.push({ file, message, repairable: true, repair: fix.will })
      return false
    }
    try {
      await fix.run()
      this.#repaired.push({ file, message, repairable: true, repair: fix.did })
      return true
    } catch (error) {
      this.#problems.push({ file, message, repairable: true, repair: `The repair failed: ${(error as Error).message}.` })
      return false
    }
  }

  // 5. Stale temp files and leftover damaged copies -------------------------------------

  async #checkLeftovers(): Promise<void> {
    for (const sub of WRITTEN_DIRS) {
      const names = (await readdir(join(this.dir, sub)).catch(() => [] as string[])).sort()
      for (const name of names) {
        const file = rel(sub, name)
        const temp = TEMP_FILE.exec(name)
        // With the lock held by this process (the app), its own temp files may be saves in progress.
        if (temp && this.lockHeld && Number(temp[1]) === process.pid) continue
        if (temp) {
          await this.#found(file, `${file} is a temporary file left by a save that did not finish (if Dossier has the notebook open, it may be a save in progress).`, {
            will: 'Remove it: it is an unfinished copy, and the file it was saving is intact.',
            did: 'Removed it.',
            run: () => rm(join(this.dir, file), { force: true }),
          })
        } else if (CORRUPT_FILE.test(name)) {
          this.#problems.push({
            file,
            message: `${file} is a damaged file that was moved aside when it could not be read; it is kept for you in case it holds changes the restored file lacks.`,
            repairable: false,
            repair: 'Nothing: it is kept for you. Delete it yourself once you no longer need it.',
          })
        }
      }
    }
  }

  // 6. Backups ----------------------------------------------------------------------------

  async #checkBackups(): Promise<void> {
    const names = (await readdir(join(this.dir, BACKUPS_DIR)).catch(() => [] as string[])).filter((n) => !n.endsWith('.partial'))
    for (const id of names.sort().reverse()) {
      const file = `${BACKUPS_DIR}/${id}`
      let manifest: BackupManifest
      try {
        manifest = await verifyBackup(this.dir, id)
      } catch (error) {
        const why = isDossierError(error) ? error.message : `its backup.json cannot be read (${(error as Error).message})`
        const target = await lostAndFoundPath(this.dir, file)
        await this.#found(file, `Backup ${id} does not verify: ${why}`, {
          will: `Move it to ${target}, so it is never used to restore from.`,
          did: `Moved it to ${target}.`,
          run: () => moveTo(this.dir, file, target),
        })
        continue
      }
      this.#checkedFiles += Object.keys(manifest.files).length + 1
      this.#backups.push({ id, manifest })
    }
  }

  // 1. The JSON files ---------------------------------------------------------------------

  async #peekSchemaVersion(): Promise<number | null> {
    const raw = await readFile(join(this.dir, MANIFEST_FILE), 'utf8').catch(() => null)
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
    const read = await readJson(join(this.dir, file), validate)
    if (read.kind !== 'missing') this.#checkedFiles++
    if (read.kind === 'ok') return read.value
    const message = read.kind === 'missing' ? `${file} is missing.` : `${file} ${read.reason}.`
    const restored = await this.#restoreFromBackup(file, validate, read.kind === 'damaged', ifLost)
    return (await this.#found(file, message, restored.fix)) ? restored.value : null
  }

  async #restoreFromBackup<T>(file: string, validate: Validate<T>, moveAside: boolean, ifLost: string): Promise<{ fix: Fix | string; value: T | null }> {
    const copy = await findValidBackupCopy(this.dir, file, validate, this.#backups)
    if (copy) {
      const { id, bytes, value } = copy
      const aside = moveAside ? await corruptPath(this.dir, this.now(), file) : null
      const keep = (verb: string) => (aside ? `; the damaged file ${verb} kept as ${aside}, with any changes made after that backup` : '')
      return {
        value,
        fix: {
          will: `Restore it from backup ${id}${keep('will be')}.`,
          did: `Restored it from backup ${id}${keep('is')}.`,
          run: async () => {
            if (aside) await keepCopy(this.dir, file, aside)
            await mkdir(dirname(join(this.dir, file)), { recursive: true })
            await writeFileDurably(join(this.dir, file), bytes)
          },
        },
      }
    }
    const none = this.#backups.length === 0 ? 'There is no verified backup to restore it from' : 'No verified backup holds a valid copy of it'
    return { value: null, fix: `${none}. ${ifLost}` }
  }

  #checkTagsUnique(manifest: Manifest): void {
    for (const [id, count] of duplicates(manifest.tags.map((t) => t.id))) {
      this.#problems.push({ file: MANIFEST_FILE, message: `Tag id ${id} is used by ${count} tags in ${MANIFEST_FILE}.`, repairable: false, repair: 'Nothing: which tag is meant cannot be known.' })
    }
  }

  #checkArticlesUnique(catalog: Catalog): void {
    for (const [id, count] of duplicates(catalog.articles.map((a) => a.id))) {
      this.#problems.push({ file: CATALOG_FILE, message: `Article id ${id} is used by ${count} articles in ${CATALOG_FILE}.`, repairable: false, repair: 'Nothing: which article is meant cannot be known.' })
    }
  }

  // 2. Bodies and originals ---------------------------------------------------------------

  /** Checks every article's body and original; returns the readable bodies by hash. */
  async #checkArticles(catalog: Catalog): Promise<Map<string, string>> {
    const bodies = new Map<string, string>()
    const originals = new Map<string, Uint8Array | null>()
    const seenBodies = new Set<string>()
    for (const article of catalog.articles) {
      const original = await this.#checkOriginal(article, originals)
      if (seenBodies.has(article.bodyHash)) continue
      seenBodies.add(article.bodyHash)
      const text = await this.#checkBody(article, original)
      if (text !== null) bodies.set(article.bodyHash, text)
    }
    return bodies
  }

  /** The original's bytes when present and matching its hash, else null (after reporting why). */
  async #checkOriginal(article: Article, cache: Map<string, Uint8Array | null>): Promise<Uint8Array | null> {
    const file = article.source.originalFile
    const cached = cache.get(file)
    if (cached !== undefined) return cached
    const verdict = await (async (): Promise<Uint8Array | null> => {
      const name = file.startsWith(`${ORIGINALS_DIR}/`) ? file.slice(ORIGINALS_DIR.length + 1) : ''
      if (!name || name === '.' || name === '..' || /[/\\]/.test(name)) {
        await this.#found(CATALOG_FILE, `Article ${article.id} ("${article.title}") names its original file as ${JSON.stringify(file)}, which is not a file in ${ORIGINALS_DIR}/.`, 'Nothing: the original is kept for provenance only, so the article still reads; re-import the file to restore it.')
        return null
      }
      const bytes = await readFile(join(this.dir, ORIGINALS_DIR, name)).catch((e: NodeJS.ErrnoException) => e)
      if (bytes instanceof Error) {
        const why = bytes.code === 'ENOENT' ? 'is missing' : `cannot be read (${bytes.code ?? bytes.message})`
        await this.#found(file, `${file}, the original file of article ${article.id} ("${article.title}"), ${why}.`, 'Nothing: there is no other copy of the original bytes; the article itself still reads from its stored text.')
        return null
      }
      this.#checkedFiles++
      const hash = sha256Hex(bytes)
      if (hash !== article.source.originalHash) {
        await this.#found(file, `${file}, the original file of article ${article.id} ("${article.title}"), does not match its checksum (sha256 ${short(hash)}…, expected ${short(article.source.originalHash)}…): it was changed or damaged on disk.`, 'Nothing: there is no other copy of the original bytes; the article itself still reads from its stored text.')
        return null
      }
      return bytes
    })()
    cache.set(file, verdict)
    return verdict
  }

  /** The body text when present and matching its hash (or re-created), else null. */
  async #checkBody(article: Article, original: Uint8Array | null): Promise<string | null> {
    const file = `${BODIES_DIR}/${article.bodyHash}.txt`
    const path = join(this.dir, file)
    const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => e)
    let problem: string
    if (bytes instanceof Error) {
      const why = bytes.code === 'ENOENT' ? 'is missing' : `cannot be read (${bytes.code ?? bytes.message})`
      problem = `${file}, the stored text of article ${article.id} ("${article.title}"), ${why}.`
    } else {
      this.#checkedFiles++
      const hash = sha256Hex(bytes)
      if (hash === article.bodyHash) return bytes.toString('utf8')
      problem = `${file}, the stored text of article ${article.id} ("${article.title}"), does not match its checksum (sha256 ${short(hash)}…): it was changed or damaged on disk.`
    }

    const originalFile = article.source.originalFile
    if (!original) {
      await this.#found(file, problem, `Nothing: it cannot be re-created, because its original file ${originalFile} is missing or damaged too; its highlights cannot be shown until it is back.`)
      return null
    }
    let text: string
    try {
      text = await rederiveBody(original, article)
    } catch (error) {
      await this.#found(file, problem, `Nothing: it cannot be re-created, because its original file ${originalFile} cannot be decoded (${(error as Error).message}).`)
      return null
    }
    if (sha256Hex(text) !== article.bodyHash) {
      await this.#found(file, problem, `Nothing: decoding its original file ${originalFile} gives a different text (it was imported by another version of Dossier), so re-creating it would move every highlight.`)
      return null
    }
    const aside = bytes instanceof Error ? null : await corruptPath(this.dir, this.now(), file)
    const keep = (verb: string) => (aside ? ` (the damaged copy ${verb} kept as ${aside})` : '')
    const fixed = await this.#found(file, problem, {
      will: `Re-create it from its original file ${originalFile}, which reproduces exactly the stored text${keep('will be')}.`,
      did: `Re-created it from its original file ${originalFile}${keep('is')}.`,
      run: async () => {
        if (aside) await keepCopy(this.dir, file, aside)
        await mkdir(join(this.dir, BODIES_DIR), { recursive: true })
        await writeFileDurably(path, text)
      },
    })
    return fixed ? text : null
  }

  // 1, 3. Annotation files ----------------------------------------------------------------

  /** Checks each annotation file; returns the readable ones of articles in the catalog. */
  async #checkAnnotationFiles(catalog: Catalog | null): Promise<{ file: string; data: AnnotationFile }[]> {
    const known = catalog ? new Set<string>(catalog.articles.map((a) => a.id)) : null
    const names = (await readdir(join(this.dir, ANNOTATIONS_DIR)).catch(() => [] as string[])).filter((n) => ANNOTATION_FILE.test(n)).sort()
    const files: { file: string; data: AnnotationFile }[] = []
    for (const name of names) {
      const file = `${ANNOTATIONS_DIR}/${name}`
      const articleId = name.slice(0, -'.json'.length)
      // Orphans only against a readable catalog: an unreadable one says nothing about which articles exist.
      if (known && !known.has(articleId)) {
        this.#checkedFiles++
        const target = await lostAndFoundPath(this.dir, file)
        await this.#found(file, `${file} holds highlights of article ${articleId}, which is not in ${CATALOG_FILE} (an orphan: Dossier ignores it).`, {
          will: `Move it to ${target}.`,
          did: `Moved it to ${target}.`,
          run: () => moveTo(this.dir, file, target),
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

function rel(sub: string, name: string): string {
  return sub ? `${sub}/${name}` : name
}

function short(hash: string): string {
  return hash.slice(0, 12)
}

/**
 * The stored text an original gives, the way import makes it: extractDocument, then the
 * same normalisation (normaliseText, as draftArticleFromText does). A .txt imported by
 * format 2 was decoded with decodeTextFile; when extraction does not reproduce its hash,
 * that decoder is tried too.
 */
async function rederiveBody(original: Uint8Array, article: Article): Promise<string> {
  const text = normaliseText((await extractDocument(original, article.source.fileName)).text)
  if (sha256Hex(text) === article.bodyHash || article.format !== 'txt') return text
  try {
    const legacy = normaliseText(decodeTextFile(original, article.source.fileName))
    return sha256Hex(legacy) === article.bodyHash ? legacy : text
  } catch {
    return text
  }
}
