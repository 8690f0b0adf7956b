/**
 * `dossier check` (check-notebook.ts), part 2: every article's stored text (its body) and
 * original file. Each must be present and match its checksum. A missing or damaged body is
 * restored, with `repair`, from the newest verified backup holding it, else re-created from
 * its original only when that reproduces exactly its hash. A missing or damaged original
 * is restored from a backup.
 */
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Article, Catalog } from '../../core/model'
import { storedTextOf } from '../../core/import-text'
import { normaliseText } from '../../core/text'
import { decodeTextFile } from '../import/decode-text'
import { extractTextInWorker } from '../import/extract-in-worker'
import type { CheckRun } from './check-run'
import { writeFileDurably } from './durable-write'
import { BODIES_DIR, CATALOG_FILE, ORIGINALS_DIR } from './layout'
import { sha256Hex } from './notebook-store'
import { restoreContentFile } from './backups'
import { corruptPath, keepCopy } from './safe-moves'

/**
 * Checks every article's body and original; returns the hashes of the bodies that read
 * (verified or repaired). Texts and originals are not kept: one article's at a time, so
 * checking 10,000 articles costs the memory of one (readBody reads a body again).
 */
export async function checkArticles(run: CheckRun, catalog: Catalog): Promise<Set<string>> {
  const readable = new Set<string>()
  const originals = new Map<string, boolean>()
  const seenBodies = new Set<string>()
  for (const article of catalog.articles) {
    const original = await checkOriginal(run, article, originals)
    if (seenBodies.has(article.bodyHash)) continue
    seenBodies.add(article.bodyHash)
    const text = await checkBody(run, article, original)
    if (text !== null) readable.add(article.bodyHash)
  }
  return readable
}

/** A body checkArticles found readable, read again. */
export function readBody(run: CheckRun, bodyHash: string): Promise<string> {
  return readFile(join(run.dir, BODIES_DIR, `${bodyHash}.txt`), 'utf8')
}

/**
 * The original's bytes when present and matching its hash, else null (after reporting
 * why). An original several articles share is checked once; `verdicts` remembers whether
 * it was good, and a good one is read again for the next article rather than kept.
 */
async function checkOriginal(run: CheckRun, article: Article, verdicts: Map<string, boolean>): Promise<Uint8Array | null> {
  const file = article.source.originalFile
  const known = verdicts.get(file)
  if (known === false) return null
  if (known === true) return readFile(join(run.dir, file)).catch(() => null)
  const verdict = await (async (): Promise<Uint8Array | null> => {
    const name = file.startsWith(`${ORIGINALS_DIR}/`) ? file.slice(ORIGINALS_DIR.length + 1) : ''
    if (!name || name === '.' || name === '..' || /[/\\]/.test(name)) {
      await run.found(CATALOG_FILE, `Article ${article.id} ("${article.title}") names its original file as ${JSON.stringify(file)}, which is not a file in ${ORIGINALS_DIR}/.`, 'Nothing: the original is kept for provenance only, so the article still reads; re-import the file to restore it.')
      return null
    }
    const bytes = await readFile(join(run.dir, ORIGINALS_DIR, name)).catch((e: NodeJS.ErrnoException) => e)
    let problem: string
    if (bytes instanceof Error) {
      const why = bytes.code === 'ENOENT' ? 'is missing' : `cannot be read (${bytes.code ?? bytes.message})`
      problem = `${file}, the original file of article ${article.id} ("${article.title}"), ${why}.`
    } else {
      run.checkedFiles++
      const hash = sha256Hex(bytes)
      if (hash === article.source.originalHash) return bytes
      problem = `${file}, the original file of article ${article.id} ("${article.title}"), does not match its checksum (sha256 ${short(hash)}…, expected ${short(article.source.originalHash)}…): it was changed or damaged on disk.`
    }
    const backup = run.backups.find((b) => Object.hasOwn(b.manifest.files, file))
    if (!backup) {
      await run.found(file, problem, 'Nothing: no verified backup holds a copy of the original bytes; the article itself still reads from its stored text.')
      return null
    }
    const aside = bytes instanceof Error ? null : await corruptPath(run.dir, run.now(), file)
    const fixed = await run.found(file, problem, {
      will: `Restore it from backup ${backup.id}${aside ? ` (the damaged copy will be kept as ${aside})` : ''}.`,
      did: `Restored it from backup ${backup.id}${aside ? ` (the damaged copy is kept as ${aside})` : ''}.`,
      run: async () => {
        if (aside) await keepCopy(run.dir, file, aside)
        if (!(await restoreContentFile(run.dir, backup, file))) throw new Error(`backup ${backup.id} no longer holds an intact copy`)
      },
    })
    return fixed ? readFile(join(run.dir, file)) : null
  })()
  verdicts.set(file, verdict !== null)
  return verdict
}

/** The body text when present and matching its hash (or re-created), else null. */
async function checkBody(run: CheckRun, article: Article, original: Uint8Array | null): Promise<string | null> {
  const file = `${BODIES_DIR}/${article.bodyHash}.txt`
  const path = join(run.dir, file)
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => e)
  let problem: string
  if (bytes instanceof Error) {
    const why = bytes.code === 'ENOENT' ? 'is missing' : `cannot be read (${bytes.code ?? bytes.message})`
    problem = `${file}, the stored text of article ${article.id} ("${article.title}"), ${why}.`
  } else {
    run.checkedFiles++
    const hash = sha256Hex(bytes)
    if (hash === article.bodyHash) return bytes.toString('utf8')
    problem = `${file}, the stored text of article ${article.id} ("${article.title}"), does not match its checksum (sha256 ${short(hash)}…): it was changed or damaged on disk.`
  }

  const aside = bytes instanceof Error ? null : await corruptPath(run.dir, run.now(), file)
  const keep = (verb: string) => (aside ? ` (the damaged copy ${verb} kept as ${aside})` : '')
  // A backup holds the exact bytes (they are named by their hash): the surest way back.
  const backup = run.backups.find((b) => Object.hasOwn(b.manifest.files, file))
  if (backup) {
    const fixed = await run.found(file, problem, {
      will: `Restore it from backup ${backup.id}${keep('will be')}.`,
      did: `Restored it from backup ${backup.id}${keep('is')}.`,
      run: async () => {
        if (aside) await keepCopy(run.dir, file, aside)
        if (!(await restoreContentFile(run.dir, backup, file))) throw new Error(`backup ${backup.id} no longer holds an intact copy`)
      },
    })
    return fixed ? readFile(path, 'utf8') : null
  }

  const originalFile = article.source.originalFile
  if (!original) {
    await run.found(file, problem, `Nothing: it cannot be re-created, because its original file ${originalFile} is missing or damaged too; its highlights cannot be shown until it is back.`)
    return null
  }
  let text: string
  try {
    text = await rederiveBody(original, article)
  } catch (error) {
    await run.found(file, problem, `Nothing: it cannot be re-created, because its original file ${originalFile} cannot be decoded (${(error as Error).message.replace(/\.$/, '')}).`)
    return null
  }
  if (sha256Hex(text) !== article.bodyHash) {
    await run.found(file, problem, `Nothing: decoding its original file ${originalFile} gives a different text (it was imported by another version of Dossier), so re-creating it would move every highlight.`)
    return null
  }
  const fixed = await run.found(file, problem, {
    will: `Re-create it from its original file ${originalFile}, which reproduces exactly the stored text${keep('will be')}.`,
    did: `Re-created it from its original file ${originalFile}${keep('is')}.`,
    run: async () => {
      if (aside) await keepCopy(run.dir, file, aside)
      await mkdir(join(run.dir, BODIES_DIR), { recursive: true })
      await writeFileDurably(path, text)
    },
  })
  return fixed ? text : null
}

function short(hash: string): string {
  return hash.slice(0, 12)
}

/**
 * The stored text an original gives, the way import makes it: extractDocument (in the
 * import worker, extractTextInWorker), then
 * storedTextOf (control characters removed, then normaliseText), as draftArticleFromText
 * does. Bodies stored before control characters were removed are plain normaliseText of
 * the extraction, and a .txt imported by format 2 was decoded with decodeTextFile; when
 * the current way does not reproduce the hash, those are tried too.
 */
async function rederiveBody(original: Uint8Array, article: Article): Promise<string> {
  // In the import worker, with import's limits (time, memory, buffers): a hostile original
  // costs a refusal, never a hung or crashed check.
  const extracted = await extractTextInWorker(original, article.source.fileName)
  const text = storedTextOf(extracted).text
  const candidates = [() => text, () => normaliseText(extracted)]
  if (article.format === 'txt') candidates.push(() => normaliseText(decodeTextFile(original, article.source.fileName)))
  for (const candidate of candidates) {
    try {
      const derived = candidate()
      if (sha256Hex(derived) === article.bodyHash) return derived
    } catch {
      // decodeTextFile refuses what format 2 could not read: that original gives no text.
    }
  }
  return text
}
