/**
 * After each `dossier import` the crash test killed or interrupted, checks the notebook
 * with the REAL code (NotebookStore read-only, checkNotebook, the lock module) against
 * what the child printed:
 * - every file printed as `imported` is in the catalog, in the order printed, after every
 *   article the notebook held before; its body is there and matches its hash, its
 *   original is there, matches its hash and is the bytes of that file;
 * - every other article of the catalog is as intact (nothing half-there); the only
 *   articles saved but not printed are the last step's (a kill between the catalog write
 *   and the print), at most one step, and none after a clean exit;
 * - every `duplicate` names an article already saved, from the same file; after a clean
 *   exit the report accounts for every file, and every file saved before is a duplicate
 *   (or cancelled);
 * - `dossier check` finds nothing but content files no article refers to and temp files
 *   of dead processes (what a killed step leaves), and a repair (on a copy, so the next
 *   child meets the notebook as the kill left it) takes the dead child's lock, fixes
 *   them, releases the lock, and leaves a notebook that checks clean.
 */
import { execFile } from 'node:child_process'
import { readFile, rm, stat } from 'node:fs/promises'
import { promisify } from 'node:util'
import { basename, join } from 'node:path'
import type { ArticleId } from '../../src/core/ids'
import { STEP_ARTICLES } from '../../src/main/import/import-batch'
import { checkNotebook, type CheckProblem } from '../../src/main/storage/check-notebook'
import { TEMP_FILE } from '../../src/main/storage/file-formats'
import { ANALYSIS_DIR, BODIES_DIR, CATALOG_FILE, MANIFEST_FILE, ORIGINALS_DIR } from '../../src/main/storage/layout'
import { GARBLED_STALE_MS, isProcessAlive, LOCK_FILE, readLockHolder } from '../../src/main/storage/notebook-lock'
import { NotebookStore, sha256Hex } from '../../src/main/storage/notebook-store'
import { exists } from '../../src/main/storage/safe-moves'
import { sleep } from './figures'
import type { ImportFolder } from './import-files'

/** One notebook as the last verification left it. */
export interface NotebookState {
  dir: string
  /** Catalog article ids in catalog order. */
  order: ArticleId[]
}

export interface RunOutcome {
  /** What the parent sent: SIGKILL, or SIGINT (then it waited for the child to exit). */
  how: 'SIGKILL' | 'SIGINT'
  /** Whether the signal was sent (false: the child finished before its moment came). */
  signalled: boolean
  pid: number
  exitCode: number | null
  signal: NodeJS.Signals | null
  lines: readonly string[]
  /** Output after the last newline (a line cut short by the kill). */
  partial: string
  stderr: string
}

export interface RunFigures {
  /** Files printed as imported by this run. */
  printed: number
  duplicates: number
  /** Articles saved by the last step whose lines the kill prevented. */
  unprinted: number
  /** Content files no article refers to, and temp files, that check reported (all repaired on the copy). */
  unreferenced: number
  tempFiles: number
  /** The kill left the child's lock (stale: its process is dead). */
  staleLock: boolean
  /** The lock file was empty or unreadable (the kill fell inside its creation); waited until it was stale. */
  garbledLock: boolean
  /** The child was killed before it had created the notebook. */
  noNotebook: boolean
  /** The dead child's pid belonged to another process by the time of the check (lock not checked). */
  pidReused: boolean
  /** Milliseconds per step of the check, for --verbose. */
  ms: Record<string, number>
}

export type ImportVerdict = { ok: true; figures: RunFigures } | { ok: false; kind: string; detail: string }

class Violation extends Error {
  constructor(
    readonly kind: string,
    detail: string,
  ) {
    super(detail)
  }
}

const fail = (kind: string, detail: string): never => {
  throw new Violation(kind, detail)
}

interface Printed {
  imported: ArticleId[]
  duplicates: { id: ArticleId; file: string }[]
  failed: { file: string; message: string }[]
  totals: { imported: number; duplicates: number; failed: number } | null
}

const IMPORTED = /^imported {2}(a-[0-9a-f]+)(?: {2}|$)/
const DUPLICATE = /^duplicate (a-[0-9a-f]+) {2}(.+) \(already in the notebook as /
const FAILED = /^failed {4}(.+?): (.*)$/
const TOTALS = /^Imported (\d+), duplicates (\d+), failed (\d+)\.$/
const REWRITE = /^ {2}a-[0-9a-f]+ is a likely rewrite of /
/** What a cancelled file's line says: the files not reached, and the one being read when the signal came (its worker is stopped). */
export const CANCELLED = /^Not imported: the import was cancelled (?:before this file|while .+ was being read)\.$/

function parseOutput(outcome: RunOutcome): Printed {
  const printed: Printed = { imported: [], duplicates: [], failed: [], totals: null }
  // A line cut short still counts if its id is complete: it was printed after its step was saved.
  const partial = /^imported {2}a-[0-9a-f]+ {2}/.test(outcome.partial) ? [outcome.partial] : []
  for (const line of [...outcome.lines, ...partial]) {
    let m: RegExpExecArray | null
    if ((m = IMPORTED.exec(line))) printed.imported.push(m[1] as ArticleId)
    else if ((m = DUPLICATE.exec(line))) printed.duplicates.push({ id: m[1] as ArticleId, file: basename(m[2]!) })
    else if ((m = FAILED.exec(line))) printed.failed.push({ file: basename(m[1]!), message: m[2]! })
    else if ((m = TOTALS.exec(line))) printed.totals = { imported: Number(m[1]), duplicates: Number(m[2]), failed: Number(m[3]) }
    else if (REWRITE.test(line)) continue // not expected (no sentence repeats), and not a crash-safety matter
    else if (line !== outcome.partial) fail('unexpected output', `the child printed ${JSON.stringify(line.slice(0, 120))}`)
  }
  return printed
}

/** How the child ended, against what was done to it; returns whether it exited cleanly (its own exit, lock released). */
function checkExit(outcome: RunOutcome, printed: Printed): boolean {
  const stderr = outcome.stderr.trim().slice(0, 600)
  if (outcome.signal === 'SIGKILL' && outcome.how === 'SIGKILL' && outcome.signalled) return false
  if (outcome.signal !== null) fail('child died', `the child ended by ${outcome.signal} (sent: ${outcome.signalled ? outcome.how : 'nothing'})${stderr ? `; stderr: ${stderr}` : ''}`)
  if (outcome.how === 'SIGINT' && outcome.signalled && outcome.exitCode === 130 && /Interrupted: everything reported is saved/.test(outcome.stderr)) {
    // SIGINT after the import had finished, while the notebook was being closed: its report is complete.
    if (printed.failed.length > 0) fail('import failed', `a file failed: ${JSON.stringify(printed.failed[0])}`)
  } else if (outcome.how === 'SIGINT' && outcome.signalled && outcome.exitCode === 130) {
    const m = /Interrupted: (\d+) imported and saved/.exec(outcome.stderr)
    if (!m) fail('SIGINT not reported', `exit 130 without an "Interrupted: N imported and saved" line; stderr: ${stderr}`)
    if (Number(m![1]) !== printed.imported.length) fail('SIGINT miscounted', `stderr says ${m![1]} imported and saved, stdout listed ${printed.imported.length}`)
    if (printed.failed.some((f) => !CANCELLED.test(f.message))) fail('import failed', `a file failed: ${JSON.stringify(printed.failed.find((f) => !CANCELLED.test(f.message)))}`)
  } else if (outcome.exitCode !== 0) {
    fail('child failed', `exit code ${outcome.exitCode} (sent: ${outcome.signalled ? outcome.how : 'nothing'}); stderr: ${stderr}`)
  } else if (printed.failed.length > 0) fail('import failed', `a file failed: ${JSON.stringify(printed.failed[0])}`)
  if (!printed.totals) fail('no totals', 'the child exited without its "Imported N, duplicates D, failed F." line')
  if (printed.totals!.imported !== printed.imported.length) fail('totals wrong', `totals say ${printed.totals!.imported} imported, ${printed.imported.length} were listed`)
  return true
}

/** Re-reads every article of the catalog; throws what is missing or damaged. */
async function checkArticles(store: NotebookStore, folder: ImportFolder): Promise<void> {
  const fileByHash = new Map(folder.files.map((f) => [f.hash, f.name]))
  const seenBodies = new Set<string>()
  const seenOriginals = new Set<string>()
  for (const a of store.articles) {
    if (seenBodies.has(a.bodyHash)) fail('imported twice', `${a.id} (${a.source.fileName}) has the same text as an article before it`)
    if (seenOriginals.has(a.source.originalHash)) fail('imported twice', `${a.id} (${a.source.fileName}) has the same original as an article before it`)
    seenBodies.add(a.bodyHash)
    seenOriginals.add(a.source.originalHash)
    try {
      await store.readBody(a.bodyHash) // throws when missing or not matching its hash
    } catch (error) {
      fail('half-there: body', `${a.id} (${a.source.fileName}): ${(error as Error).message}`)
    }
    const original = await readFile(join(store.dir, a.source.originalFile)).catch(() => null)
    if (!original) fail('half-there: original', `${a.id} (${a.source.fileName}): ${a.source.originalFile} is missing`)
    if (sha256Hex(original!) !== a.source.originalHash) fail('half-there: original', `${a.id}: ${a.source.originalFile} does not match its hash`)
    if (fileByHash.get(a.source.originalHash) !== a.source.fileName) fail('wrong content', `${a.id} says it is ${a.source.fileName}, its original is ${fileByHash.get(a.source.originalHash) ?? 'no file of the folder'}`)
  }
}

/** The catalog against what was there before and what the child printed; returns how many saved articles were not printed. */
function checkCatalog(state: NotebookState, ids: readonly ArticleId[], printed: Printed, cleanExit: boolean, store: NotebookStore): number {
  if (new Set(ids).size !== ids.length) fail('duplicate ids', `${ids.length - new Set(ids).size} article ids appear twice in ${CATALOG_FILE}`)
  const present = new Set(ids)
  const lost = state.order.filter((id) => !present.has(id))
  if (lost.length > 0) fail('article lost', `${lost.length} of ${state.order.length} articles saved before this run are gone, e.g. ${lost.slice(0, 3).join(', ')}`)
  if (ids.slice(0, state.order.length).some((id, i) => id !== state.order[i])) fail('catalog reordered', 'the articles saved before this run are no longer first, in their order')
  const fresh = ids.slice(state.order.length)
  const missing = printed.imported.filter((id) => !present.has(id))
  if (missing.length > 0) {
    fail('reported imported, not in the notebook', `${missing.length} of ${printed.imported.length} files printed as imported are not in ${CATALOG_FILE}, e.g. ${missing.slice(0, 3).join(', ')}`)
  }
  if (printed.imported.some((id, i) => fresh[i] !== id)) fail('order', `the files printed as imported are not the first ${printed.imported.length} new articles of ${CATALOG_FILE}, in order`)
  const unprinted = fresh.length - printed.imported.length
  if (cleanExit && unprinted > 0) fail('saved, not reported', `${unprinted} articles were saved but not printed, though the child exited normally`)
  if (unprinted > STEP_ARTICLES) fail('saved, not reported', `${unprinted} articles were saved but not printed: more than one step (${STEP_ARTICLES})`)
  const before = new Set(state.order)
  for (const d of printed.duplicates) {
    if (!before.has(d.id)) fail('duplicate of nothing', `${d.file} was reported as a duplicate of ${d.id}, which was not in the notebook before this run`)
    if (store.article(d.id)?.source.fileName !== d.file) fail('duplicate of the wrong article', `${d.file} was reported as a duplicate of ${d.id}, which is ${store.article(d.id)?.source.fileName}`)
  }
  return unprinted
}

/**
 * After a clean exit (finished, or stopped by SIGINT) the report accounts for every file of
 * the folder: imported now, a duplicate of an article saved before, or (SIGINT) cancelled;
 * every file saved before is reported as a duplicate unless it was cancelled.
 */
function checkFullReport(state: NotebookState, printed: Printed, folder: ImportFolder, store: NotebookStore): void {
  const accounted = printed.imported.length + printed.duplicates.length + printed.failed.length
  if (accounted !== folder.files.length) fail('report incomplete', `the report lists ${accounted} of the ${folder.files.length} files`)
  const reported = new Set([...printed.duplicates.map((d) => d.file), ...printed.failed.map((f) => f.file)])
  const unreported = state.order.filter((id) => !reported.has(store.article(id)?.source.fileName ?? ''))
  if (unreported.length > 0) fail('duplicate not reported', `${unreported.length} files saved before this run were neither reported as duplicates nor cancelled, e.g. ${unreported[0]}`)
}

/** `dossier check` may find only what a killed step leaves: unreferenced content files and temp files of dead processes. */
function leftover(p: CheckProblem): 'unreferenced' | 'temp' | null {
  if (!p.repairable) return null
  const inContent = [BODIES_DIR, ORIGINALS_DIR, ANALYSIS_DIR].some((d) => p.file.startsWith(`${d}/`))
  if (inContent && /belongs to no article/.test(p.message) && !TEMP_FILE.test(basename(p.file))) return 'unreferenced'
  const temp = TEMP_FILE.exec(basename(p.file))
  if (temp && /temporary file/.test(p.message) && !isProcessAlive(Number(temp[1]))) return 'temp'
  return null
}

/** Waits until an empty or garbled lock is old enough to be taken over (GARBLED_STALE_MS); true if it was one. */
async function settleGarbledLock(dir: string): Promise<boolean> {
  const file = join(dir, LOCK_FILE)
  const raw = await readFile(file, 'utf8').catch(() => null)
  if (raw === null) return false
  try {
    JSON.parse(raw)
    return false
  } catch {
    const age = Date.now() - (await stat(file)).mtimeMs
    await sleep(Math.max(0, GARBLED_STALE_MS - age + 200))
    return true
  }
}

async function checkLock(dir: string, outcome: RunOutcome, cleanExit: boolean, figures: RunFigures): Promise<void> {
  const present = await exists(join(dir, LOCK_FILE))
  if (cleanExit) {
    if (present) fail('lock not released', `${LOCK_FILE} is still there after the child exited ${outcome.exitCode}`)
    return
  }
  figures.staleLock = present
  figures.garbledLock = await settleGarbledLock(dir)
  const holder = await readLockHolder(dir)
  if (holder === null) return
  if (holder.pid === outcome.pid && !isProcessAlive(outcome.pid)) return
  if (holder.pid === outcome.pid) figures.pidReused = true // it is dead (we waited for it): another process got its pid
  else fail('lock held', `${LOCK_FILE} names process ${holder.pid}, not the killed child ${outcome.pid}`)
}

/** What `dossier check` reports, then a repair on a copy (taking the dead child's lock) that must leave it clean. */
async function checkAndRepairCopy(dir: string, figures: RunFigures, lap: (name: string) => void): Promise<void> {
  const report = await checkNotebook(dir)
  lap('check')
  for (const p of report.problems) {
    const kind = leftover(p)
    if (kind === 'unreferenced') figures.unreferenced++
    else if (kind === 'temp') figures.tempFiles++
    else fail('check found a problem', `${p.file}: ${p.message}`)
  }
  if (report.kept.length > 0) fail('damaged file', `check lists ${report.kept[0]!.file} as a damaged file moved aside`)
  if (figures.pidReused) return // the copy's lock would look held by the unrelated process
  const copy = `${dir}-repair`
  // cp -a: a real copy (the repair must not touch the notebook the next child gets), with
  // timestamps (a half-written lock's age decides whether it may be taken over); fs.cp is ~10x slower here.
  await promisify(execFile)('cp', ['-a', dir, copy])
  lap('copy')
  try {
    const repair = await checkNotebook(copy, { repair: true }) // takes the lock the dead child left
    lap('repair')
    if (repair.problems.length > 0) fail('repair left problems', `${repair.problems[0]!.file}: ${repair.problems[0]!.message} (${repair.problems[0]!.repair ?? ''})`)
    if (repair.repaired.length !== report.problems.length) fail('repair', `check found ${report.problems.length} problems, repair fixed ${repair.repaired.length}`)
    if (await exists(join(copy, LOCK_FILE))) fail('lock not released', `the repair left ${LOCK_FILE}`)
    const again = await checkNotebook(copy)
    if (again.problems.length > 0) fail('not clean after repair', `${again.problems[0]!.file}: ${again.problems[0]!.message}`)
    lap('check again')
  } catch (error) {
    if (error instanceof Violation) throw error
    fail('repair failed', (error as Error).message)
  } finally {
    await rm(copy, { recursive: true, force: true })
  }
}

/** Checks the notebook after one run; on success updates `state` to what is now saved. */
export async function verifyImport(state: NotebookState, folder: ImportFolder, outcome: RunOutcome): Promise<ImportVerdict> {
  const figures: RunFigures = { printed: 0, duplicates: 0, unprinted: 0, unreferenced: 0, tempFiles: 0, staleLock: false, garbledLock: false, noNotebook: false, pidReused: false, ms: {} }
  let t = performance.now()
  const lap = (name: string): void => {
    const now = performance.now()
    figures.ms[name] = (figures.ms[name] ?? 0) + Math.round(now - t)
    t = now
  }
  try {
    const printed = parseOutput(outcome)
    figures.printed = printed.imported.length
    figures.duplicates = printed.duplicates.length
    const cleanExit = checkExit(outcome, printed)
    const hasNotebook = (await exists(join(state.dir, CATALOG_FILE))) || (await exists(join(state.dir, MANIFEST_FILE)))
    if (!hasNotebook) {
      // Killed before it had created the notebook: then it cannot have printed anything.
      if (state.order.length > 0) fail('notebook lost', `${state.dir} no longer holds a notebook`)
      if (printed.imported.length > 0 || printed.duplicates.length > 0) fail('reported imported, no notebook', `${printed.imported.length} files printed as imported, and there is no notebook`)
      if (cleanExit) fail('no notebook', 'the child exited normally and left no notebook')
      figures.noNotebook = true
      if (await exists(state.dir)) await checkLock(state.dir, outcome, cleanExit, figures)
      return { ok: true, figures }
    }
    let store: NotebookStore
    try {
      store = await NotebookStore.open(state.dir, { readOnly: true, create: false })
    } catch (error) {
      return { ok: false, kind: 'reopen failed', detail: (error as Error).message }
    }
    let ids: ArticleId[]
    try {
      ids = store.articles.map((a) => a.id)
      figures.unprinted = checkCatalog(state, ids, printed, cleanExit, store)
      if (cleanExit) checkFullReport(state, printed, folder, store)
      lap('open')
      await checkArticles(store, folder)
      lap('articles')
    } finally {
      await store.close()
    }
    await checkLock(state.dir, outcome, cleanExit, figures)
    await checkAndRepairCopy(state.dir, figures, lap)
    state.order = ids
    return { ok: true, figures }
  } catch (error) {
    if (error instanceof Violation) return { ok: false, kind: error.kind, detail: error.message }
    throw error
  }
}
