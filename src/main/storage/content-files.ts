/**
 * The notebook's content-addressed and derived files, for NotebookStore: bodies (checked
 * against their hash on read), analysis files (derived: written atomically without fsync,
 * unusable ones read as missing), immutable files named by their hash, and the folder
 * chores of opening (the notebook folder, a dead writer's temp files).
 */
import { readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { AnalysisFileSchema, AnalysisFurnitureSchema, type AnalysisFile, type Highlight } from '../../core/model'
import { DossierError, isDossierError } from '../../core/result'
import { diskError, writeFileAtomically, type FileWriter } from './durable-write'
import { TEMP_FILE, validateAnnotationsOf } from './file-formats'
import { isProcessAlive } from './notebook-lock'
import { ANALYSIS_DIR, ANNOTATIONS_DIR, BODIES_DIR, WRITTEN_DIRS } from './layout'
import { createHash } from 'node:crypto'

/** The sha256 of a body or file, as its name and checksum. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** A stored text, checked against its hash. */
export async function readBodyFile(dir: string, hash: string): Promise<string> {
  const file = join(dir, BODIES_DIR, `${hash}.txt`)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw unreadableBody(file, error)
  }
  return checkedBody(file, text, hash)
}

/**
 * readBodyFile, synchronously: for a worker thread reading thousands of bodies (the index
 * builds), where the thread has nothing else to do and one read costs a tenth of what
 * the thread pool's four round trips do.
 */
export function readBodyFileSync(dir: string, hash: string): string {
  const file = join(dir, BODIES_DIR, `${hash}.txt`)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw unreadableBody(file, error)
  }
  return checkedBody(file, text, hash)
}

function unreadableBody(file: string, error: unknown): DossierError {
  return new DossierError('notebook-unreadable', `The stored text ${file} is missing or unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Run "dossier check" to see what can be repaired.`)
}

function checkedBody(file: string, text: string, hash: string): string {
  if (sha256Hex(text) !== hash) {
    throw new DossierError('notebook-unreadable', `The stored text ${file} does not match its checksum: it was changed or damaged on disk.`)
  }
  return text
}

/** A text's analysis, or null when its file is missing or unusable (the caller recomputes it). */
export function readAnalysisFile(dir: string, bodyHash: string): Promise<AnalysisFile | null> {
  return readAnalysisAs(dir, bodyHash, AnalysisFileSchema)
}

/**
 * Only the furniture of a text's analysis (showing an article, indexing it for search):
 * the fingerprint, most of the file, is not validated, which at 10,000 articles is most of
 * building a search index.
 */
export async function readFurnitureFile(dir: string, bodyHash: string): Promise<AnalysisFile['furniture'] | null> {
  return (await readAnalysisAs(dir, bodyHash, AnalysisFurnitureSchema))?.furniture ?? null
}

/** readFurnitureFile, synchronously (see readBodyFileSync). */
export function readFurnitureFileSync(dir: string, bodyHash: string): AnalysisFile['furniture'] | null {
  let raw: string
  try {
    raw = readFileSync(analysisPath(dir, bodyHash), 'utf8')
  } catch {
    return null
  }
  return parseAnalysis(raw, bodyHash, AnalysisFurnitureSchema)?.furniture ?? null
}

/**
 * The highlights in an article's annotation file, read synchronously (a worker indexing
 * thousands of them, see readBodyFileSync), checked as the store checks it: [] when there
 * is no file (an article without highlights); null when the file cannot be read or does
 * not match the format, which only the store may deal with (it moves a damaged file aside
 * and restores it from a backup, or, read-only, reports it).
 */
export function readHighlightsFileSync(dir: string, articleId: string): Highlight[] | null {
  let raw: string
  try {
    raw = readFileSync(join(dir, ANNOTATIONS_DIR, `${articleId}.json`), 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : null
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return null
  }
  const checked = validateAnnotationsOf(articleId)(parsed)
  return checked.ok ? checked.value.highlights : null
}

const analysisPath = (dir: string, bodyHash: string) => join(dir, ANALYSIS_DIR, `${bodyHash}.json`)

async function readAnalysisAs<T extends { bodyHash: string }>(dir: string, bodyHash: string, schema: z.ZodType<T>): Promise<T | null> {
  let raw: string
  try {
    raw = await readFile(analysisPath(dir, bodyHash), 'utf8')
  } catch {
    return null
  }
  return parseAnalysis(raw, bodyHash, schema)
}

function parseAnalysis<T extends { bodyHash: string }>(raw: string, bodyHash: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success && parsed.data.bodyHash === bodyHash ? parsed.data : null
  } catch {
    return null
  }
}

/** Writes a text's analysis atomically, without fsync: it is recomputed if lost. */
export async function writeAnalysisFile(dir: string, analysis: AnalysisFile): Promise<void> {
  try {
    await mkdir(join(dir, ANALYSIS_DIR), { recursive: true })
    await writeFileAtomically(join(dir, ANALYSIS_DIR, `${analysis.bodyHash}.json`), JSON.stringify(analysis))
  } catch (error) {
    throw diskError(error) ?? new DossierError('write-failed', `Could not save the analysis of a text in the notebook (${(error as Error).message}).`)
  }
}

/** Writes `sub/name` unless it exists: the name is the content's hash, so an existing file is already right. */
export async function putContentFile(dir: string, sub: string, name: string, data: string | Uint8Array, writer: FileWriter): Promise<void> {
  const folder = join(dir, sub)
  try {
    await mkdir(folder, { recursive: true })
    const target = join(folder, name)
    const present = await stat(target).then(
      () => true,
      () => false,
    )
    if (!present) await writer(target, data)
  } catch (error) {
    throw diskError(error) ?? (isDossierError(error) ? error : new DossierError('write-failed', `Could not save ${sub}/${name} in the notebook (${(error as Error).message}).`))
  }
}

export async function ensureFolder(dir: string, create: boolean): Promise<void> {
  const info = await stat(dir).catch(() => null)
  if (info && !info.isDirectory()) throw new DossierError('bad-request', `${dir} is a file, not a notebook folder.`)
  if (info) return
  if (!create) throw new DossierError('not-found', `There is no notebook at ${dir}.`)
  await mkdir(dir, { recursive: true }).catch((e: Error) => {
    throw diskError(e) ?? new DossierError('write-failed', `Cannot create the notebook folder ${dir}: ${e.message}`)
  })
}

/** Temp files a killed process left behind; only the lock holder removes them. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0
  for (const sub of WRITTEN_DIRS) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[])
    for (const name of names) {
      const temp = TEMP_FILE.exec(name)
      // Another live process may be writing a cache beside us (derived files are written
      // atomically by readers too): only a dead process's leftovers go.
      if (!temp || (Number(temp[1]) !== process.pid && isProcessAlive(Number(temp[1])))) continue
      await rm(join(dir, sub, name), { force: true })
      removed++
    }
  }
  return removed
}
