/**
 * The crash test's first part: highlight saves, with the REAL storage code (NotebookSession).
 *
 * Each iteration: a child process (crash-child.ts, pre-spawned, so its start-up is hidden)
 * opens the notebook and saves highlights on one article in a loop, printing `SAVING n`
 * before and `ACK n id` after each durable save; the parent SIGKILLs it 5-60 ms after its
 * first ACK, then reopens the notebook with the real code and checks that (1) it opens,
 * without recovering damaged files; (2) every ACKed highlight is there, with its own
 * comment; (3) nothing else is, except the one save that was in flight when the child was
 * killed; (4) no highlight seen before has disappeared. Highlights pile up on ONE article
 * so the rewritten file grows to hundreds of KB (torn writes become likely); past
 * --max-kb the test continues on a fresh notebook.
 *
 * The control opens the child's notebook with a plain fs.writeFile writer (truncate +
 * write, no temp file, no fsync). The test must detect it as broken, which proves it can
 * fail. `--control-writer deferred` is a second control, a writer that reports a save
 * before writing it: it exercises the ACK checks.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ArticleId } from '../../src/core/ids'
import { NotebookSession } from '../../src/main/notebook-session'
import { prng, randomInt } from '../shared/corpus'
import { Child } from './child'
import { median, pct, sleep } from './figures'
import { commentTag, parseCommentTag, syntheticArticle, TEMP_FILE, type WriterKind } from './protocol'

export interface SaveCrashOptions {
  seed: number
  /** Kill this many ms after the child's first ACK (a random delay between the two). */
  minDelay: number
  maxDelay: number
  /** Past this size of the largest JSON file, continue on a fresh notebook. */
  maxFileBytes: number
  /** Children started ahead of time: start-up (~100 ms, more under load) is about a run's length, so keep two warm. */
  pool: number
  keep: boolean
  verbose: boolean
  fontsDir: string
  /** The built crash-child.mjs. */
  childScript: string
}

export const WRITER_LABEL: Record<WriterKind, string> = {
  durable: 'durable writer (real code)',
  plain: 'control (plain fs.writeFile)',
  deferred: 'control (deferred writer: ACK before the write)',
}

interface Epoch {
  index: number
  dir: string
  articleId: ArticleId
  /** Highlights that must be present from now on: ACKed, or seen on disk before. */
  mustHave: Map<string, { run: number; save: number }>
}

type SessionExtras = {
  close?: () => Promise<void>
  store?: { close?: () => Promise<void> }
  openReport?: { recovered?: unknown[] }
}

/** The redesigned store has a writer lock released by close(); the old one has none. */
async function closeSession(session: NotebookSession): Promise<void> {
  const s = session as unknown as SessionExtras
  if (typeof s.close === 'function') await s.close()
  else if (typeof s.store?.close === 'function') await s.store.close()
}

function recoveredFiles(session: NotebookSession): unknown[] {
  return (session as unknown as SessionExtras).openReport?.recovered ?? []
}

/** The redesigned store's RecoveredFile ({ file, problem, restoredFrom }), as one phrase. */
function describeRecovery(entry: unknown): string {
  const r = entry as { file?: unknown; problem?: unknown; restoredFrom?: unknown }
  if (typeof r.file !== 'string') return JSON.stringify(entry)
  return `${r.file} ${String(r.problem ?? 'was damaged')}, restored from ${r.restoredFrom ? `backup ${String(r.restoredFrom)}` : 'no backup (its data is lost)'}`
}

async function newEpoch(opts: SaveCrashOptions, base: string, index: number): Promise<Epoch> {
  const dir = join(base, `notebook-${index}`)
  const session = await NotebookSession.open(dir, { fontsDir: opts.fontsDir }, { create: true })
  const report = await session.importContents([{ name: 'withdrawal.txt', bytes: Buffer.from(syntheticArticle(opts.seed + index)) }])
  await closeSession(session)
  const item = report.items[0]
  if (!item || item.status !== 'imported' || !item.articleId) throw new Error(`could not import the test article: ${JSON.stringify(report)}`)
  return { index, dir, articleId: item.articleId, mustHave: new Map() }
}

/** Temp files a killed durable write left behind: proof the kill landed inside the write. */
async function tempFiles(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const sub of ['', 'annotations']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[])
    for (const name of names) if (TEMP_FILE.test(name)) found.push(join(dir, sub, name))
  }
  return found
}

async function largestJsonFile(dir: string): Promise<number> {
  let largest = 0
  for (const sub of ['', 'annotations']) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[])
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const info = await stat(join(dir, sub, name)).catch(() => null)
      if (info?.isFile()) largest = Math.max(largest, info.size)
    }
  }
  return largest
}

interface Verdict {
  ok: boolean
  kind?: string
  detail?: string
  present?: number
  persistedInFlight?: boolean
}

/**
 * Reopens the notebook in this process with the real code and checks it against what the
 * child acknowledged. `inFlight` is the save the child had started but not ACKed when killed.
 */
async function verify(opts: SaveCrashOptions, epoch: Epoch, run: number, acked: Map<number, string>, inFlight: number | null): Promise<Verdict> {
  let session: NotebookSession
  try {
    session = await NotebookSession.open(epoch.dir, { fontsDir: opts.fontsDir }, { create: false })
  } catch (error) {
    return { ok: false, kind: 'reopen failed', detail: (error as Error).message }
  }
  try {
    const recovered = recoveredFiles(session)
    if (recovered.length > 0) return { ok: false, kind: 'opened only by recovering damaged files', detail: recovered.map(describeRecovery).join('; ') }
    const summary = session.listArticles().find((a) => a.id === epoch.articleId)
    if (!summary) return { ok: false, kind: 'article missing', detail: `${epoch.articleId} is no longer in the library` }
    let highlights: { id: string; comment: string }[]
    try {
      highlights = (await session.getArticle(epoch.articleId)).highlights
    } catch (error) {
      return { ok: false, kind: 'article unreadable', detail: (error as Error).message }
    }
    if (summary.highlightCount !== highlights.length) {
      return { ok: false, kind: 'inconsistent', detail: `the library says ${summary.highlightCount} highlights, the article has ${highlights.length}` }
    }
    const present = new Map(highlights.map((h) => [h.id, h]))
    if (present.size !== highlights.length) return { ok: false, kind: 'duplicate highlight ids', detail: `${highlights.length - present.size} duplicates` }

    for (const [save, id] of acked) epoch.mustHave.set(id, { run, save })
    const missing = [...epoch.mustHave].filter(([id]) => !present.has(id))
    if (missing.length > 0) {
      const ackedNow = missing.filter(([, o]) => o.run === run).length
      return {
        ok: false,
        kind: ackedNow === missing.length ? 'ACKed highlight missing' : 'highlight lost',
        detail: `${missing.length} of ${epoch.mustHave.size} expected highlights are gone (${ackedNow} ACKed in the last run), e.g. ${missing
          .slice(0, 3)
          .map(([id, o]) => `${id} (run ${o.run} save ${o.save})`)
          .join(', ')}`,
      }
    }
    let persistedInFlight = false
    for (const h of highlights) {
      const origin = parseCommentTag(h.comment)
      const expected = epoch.mustHave.get(h.id)
      if (expected) {
        if (!origin || origin.run !== expected.run || origin.save !== expected.save) {
          return { ok: false, kind: 'wrong content', detail: `${h.id} should come from ${commentTag(expected.run, expected.save)}, its comment starts ${JSON.stringify(h.comment.slice(0, 40))}` }
        }
        continue
      }
      // Not ACKed: allowed only if it is the one save that was in flight when the child died.
      if (!persistedInFlight && origin && origin.run === run && inFlight !== null && origin.save === inFlight) {
        persistedInFlight = true
        epoch.mustHave.set(h.id, origin)
        continue
      }
      return { ok: false, kind: 'unknown highlight', detail: `${h.id} (${JSON.stringify(h.comment.slice(0, 40))}) was never ACKed and was not the save in flight (${inFlight ?? 'none'})` }
    }
    return { ok: true, present: present.size, persistedInFlight }
  } finally {
    await closeSession(session)
  }
}

// ---------------------------------------------------------------- one campaign of kills

export interface Campaign {
  label: string
  control: boolean
  writer: WriterKind
  kills: number
  passed: number
  failure: (Verdict & { atKill: number }) | null
  acked: number
  maxAckedPerRun: number
  inFlightAtKill: number
  persistedInFlight: number
  tempFilesLeft: number
  tempFilesNotCleaned: number
  notebooks: number
  largestFile: number
  childStartMs: number[]
  openMs: number[]
  seconds: number
  /** Wall time per phase of an iteration (ms, summed), printed with --verbose. */
  phases: Record<string, number>
  keptDir: string | null
}

export async function saveCampaign(opts: SaveCrashOptions, writer: WriterKind, maxKills: number, progressEvery: number): Promise<Campaign> {
  const started = performance.now()
  const control = writer !== 'durable'
  const label = WRITER_LABEL[writer]
  const base = await mkdtemp(join(tmpdir(), `dossier-crash-${writer}-`))
  const rand = prng(opts.seed ^ (control ? 0x5bd1e995 : 0))
  const result: Campaign = {
    label,
    control,
    writer,
    kills: 0,
    passed: 0,
    failure: null,
    acked: 0,
    maxAckedPerRun: 0,
    inFlightAtKill: 0,
    persistedInFlight: 0,
    tempFilesLeft: 0,
    tempFilesNotCleaned: 0,
    notebooks: 1,
    largestFile: 0,
    childStartMs: [],
    openMs: [],
    seconds: 0,
    phases: {},
    keptDir: null,
  }
  let epoch = await newEpoch(opts, base, 0)
  const warm: Child[] = Array.from({ length: opts.pool }, () => new Child([opts.childScript]))
  try {
    for (let run = 1; run <= maxKills; run++) {
      const child = warm.shift()!
      let t = performance.now()
      const lap = (name: string): void => {
        const now = performance.now()
        result.phases[name] = (result.phases[name] ?? 0) + now - t
        t = now
      }
      try {
        await child.waitFor((l) => l === 'READY', 'READY')
        lap('wait for a ready child')
        result.childStartMs.push(child.readyAt - child.spawnedAt)
        const goAt = performance.now()
        child.send({ dir: epoch.dir, fontsDir: opts.fontsDir, articleId: epoch.articleId, run, seed: (opts.seed * 7919 + run * 104729 + (control ? 1 : 0)) >>> 0, writer })
        warm.push(new Child([opts.childScript])) // its start-up overlaps the next runs
        await child.waitFor((l) => l.startsWith('OPENED '), 'OPENED')
        result.openMs.push(performance.now() - goAt)
        lap('child opens the notebook')
        await child.waitFor((l) => l.startsWith('ACK '), 'a first ACK')
        lap('first save')
      } catch (error) {
        await child.kill()
        result.failure = { ok: false, kind: 'child failed', detail: (error as Error).message, atKill: run }
        break
      }
      await sleep(randomInt(rand, opts.minDelay, opts.maxDelay))
      lap('random delay')
      await child.kill()
      lap('kill')
      result.kills++

      const acked = new Map<number, string>()
      let lastSaving: number | null = null
      for (const line of child.lines) {
        const [word, n, id] = line.split(' ')
        if (word === 'SAVING') lastSaving = Number(n)
        else if (word === 'ACK') acked.set(Number(n), id!)
        else if (word === 'ERROR') result.failure = { ok: false, kind: 'child failed', detail: line.slice(6), atKill: run }
      }
      if (result.failure) break
      const inFlight = lastSaving !== null && !acked.has(lastSaving) ? lastSaving : null
      if (inFlight !== null) result.inFlightAtKill++
      result.acked += acked.size
      result.maxAckedPerRun = Math.max(result.maxAckedPerRun, acked.size)
      if ((await tempFiles(epoch.dir)).length > 0) result.tempFilesLeft++

      const verdict = await verify(opts, epoch, run, acked, inFlight)
      if (!verdict.ok) {
        result.failure = { ...verdict, atKill: run }
        break
      }
      lap('reopen and check')
      result.passed++
      if (verdict.persistedInFlight) result.persistedInFlight++
      if (opts.verbose && maxKills <= 200) console.log(`  [${label}] kill ${run}: ${acked.size} ACKed, in flight ${inFlight ?? '-'}, ${verdict.present} highlights on disk`)

      // The old store never removes a killed writer's temp files; do it so disk use stays flat.
      const leftovers = await tempFiles(epoch.dir)
      if (leftovers.length > 0) {
        result.tempFilesNotCleaned++
        await Promise.all(leftovers.map((f) => rm(f, { force: true })))
      }
      const size = await largestJsonFile(epoch.dir)
      result.largestFile = Math.max(result.largestFile, size)
      if (size > opts.maxFileBytes) {
        await rm(epoch.dir, { recursive: true, force: true })
        epoch = await newEpoch(opts, base, epoch.index + 1)
        result.notebooks++
      }
      lap('housekeeping')
      if (run % progressEvery === 0 && run < maxKills) {
        console.log(`  [${label}] ${run}/${maxKills} kills, ${result.acked} highlights ACKed, ${((performance.now() - started) / 1000).toFixed(1)} s`)
      }
    }
  } finally {
    await Promise.all(warm.map((c) => c.kill()))
    result.seconds = (performance.now() - started) / 1000
    const keep = opts.keep || (result.failure !== null && !control)
    if (keep) result.keptDir = epoch.dir
    else await rm(base, { recursive: true, force: true })
  }
  return result
}


export function describeSaveCampaign(opts: SaveCrashOptions, c: Campaign): void {
  console.log(`\n${c.label}: ${c.kills} kills in ${c.seconds.toFixed(1)} s (${c.kills ? Math.round((c.seconds * 1000) / c.kills) : 0} ms per kill), ${c.notebooks} notebook(s)`)
  console.log(`  highlights ACKed: ${c.acked} (up to ${c.maxAckedPerRun} per child run); saves in flight at the kill and found on disk anyway: ${c.persistedInFlight}`)
  console.log(`  kills during a save call (SAVING without ACK): ${c.inFlightAtKill} of ${c.kills} (${pct(c.inFlightAtKill, c.kills)})`)
  if (!c.control) {
    console.log(`  kills inside the durable file write (temp file left behind): ${c.tempFilesLeft} (${pct(c.tempFilesLeft, c.kills)})`)
    if (c.tempFilesNotCleaned > 0) console.log(`  temp files still there after the reopen (store does not clean them up; the test removed them): ${c.tempFilesNotCleaned} runs`)
  }
  console.log(`  largest rewritten JSON file: ${Math.round(c.largestFile / 1024)} KB; child start-up ${Math.round(median(c.childStartMs))} ms (hidden: pre-spawned), open ${Math.round(median(c.openMs))} ms (medians)`)
  if (opts.verbose && c.kills > 0) {
    console.log(`  time per kill: ${Object.entries(c.phases).map(([name, ms]) => `${name} ${(ms / c.kills).toFixed(1)} ms`).join(', ')}`)
  }
  if (c.failure) console.log(`  ${c.control ? 'DETECTED' : 'FAILED'} at kill ${c.failure.atKill}: ${c.failure.kind}: ${c.failure.detail}`)
  if (c.keptDir) console.log(`  notebook kept for inspection: ${c.keptDir}`)
}
