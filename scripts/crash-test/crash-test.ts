/**
 * Crash test for highlight saves, with the REAL storage code (NotebookSession).
 *
 *   npm run test:crash                          200 kills with the durable writer, then the control
 *   npm run test:crash -- --iterations 10000    more kills
 *   npm run test:crash -- --control             only the control (plain fs.writeFile)
 *   options: --control-iterations 300  --control-writer plain|deferred  --no-control
 *            --seed N  --max-kb 256  --min-delay 5  --max-delay 60  --pool 2  --keep  --verbose
 *
 * Each iteration: a child process (pre-spawned, so its start-up is hidden) opens the
 * notebook and saves highlights on one article in a loop, printing `SAVING n` before and
 * `ACK n id` after each durable save; the parent SIGKILLs it 5-60 ms after its first ACK,
 * then reopens the notebook with the real code and checks that (1) it opens, without
 * recovering damaged files; (2) every ACKed highlight is there, with its own comment;
 * (3) nothing else is, except the one save that was in flight when the child was killed;
 * (4) no highlight seen before has disappeared. Highlights pile up on ONE article so the
 * rewritten file grows to hundreds of KB (torn writes become likely); past --max-kb the
 * test continues on a fresh notebook.
 *
 * The control opens the child's notebook with a plain fs.writeFile writer (truncate +
 * write, no temp file, no fsync). The test must detect it as broken, which proves it can
 * fail. Exit 0 only if the durable run passed and the control was detected (with
 * --control alone: 0 if the control was detected). `--control-writer deferred` is a second
 * control, a writer that reports a save before writing it: it exercises the ACK checks.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { ArticleId } from '../../src/core/ids'
import { NotebookSession } from '../../src/main/notebook-session'
import { prng, randomInt } from '../shared/corpus'
import { commentTag, parseCommentTag, syntheticArticle, TEMP_FILE, type ChildConfig, type WriterKind } from './protocol'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/crash-test
const root = resolve(here, '../../..')
const fontsDir = join(root, 'resources', 'fonts')
const childScript = join(here, 'crash-child.mjs')

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    control: { type: 'boolean', default: false },
    'no-control': { type: 'boolean', default: false },
    'control-iterations': { type: 'string', default: '300' },
    'control-writer': { type: 'string', default: 'plain' },
    seed: { type: 'string' },
    'max-kb': { type: 'string', default: '256' },
    'min-delay': { type: 'string', default: '5' },
    'max-delay': { type: 'string', default: '60' },
    pool: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
})

const positiveInt = (name: string, value: string | undefined): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) usage(`--${name} must be a whole number, got ${value}`)
  return n
}
function usage(message: string): never {
  console.error(`crash test: ${message}`)
  process.exit(2)
}
const ITERATIONS = positiveInt('iterations', args.iterations)
const CONTROL_ITERATIONS = positiveInt('control-iterations', args['control-iterations'])
const CONTROL_WRITER = args['control-writer'] as WriterKind
if (CONTROL_WRITER !== 'plain' && CONTROL_WRITER !== 'deferred') usage(`--control-writer must be plain or deferred, got ${CONTROL_WRITER}`)
const WRITER_LABEL: Record<WriterKind, string> = {
  durable: 'durable writer (real code)',
  plain: 'control (plain fs.writeFile)',
  deferred: 'control (deferred writer: ACK before the write)',
}
const SEED = args.seed !== undefined ? positiveInt('seed', args.seed) : Math.floor(Math.random() * 2 ** 31)
const MAX_FILE_BYTES = positiveInt('max-kb', args['max-kb']) * 1024
const MIN_DELAY = positiveInt('min-delay', args['min-delay'])
const MAX_DELAY = positiveInt('max-delay', args['max-delay'])
const CHILD_TIMEOUT_MS = 30_000
/** Children started ahead of time: start-up (~100 ms, more under load) is about a run's length, so keep two warm. */
const POOL = Math.max(1, positiveInt('pool', args.pool))

// ---------------------------------------------------------------- child process handling

class Child {
  readonly proc: ChildProcess
  readonly lines: string[] = []
  readonly spawnedAt = performance.now()
  readyAt = 0
  stderr = ''
  readonly closed: Promise<void>
  #buffer = ''
  #listeners = new Set<() => void>()

  constructor() {
    this.proc = spawn(process.execPath, [childScript], { stdio: ['pipe', 'pipe', 'pipe'] })
    this.proc.stdout!.setEncoding('utf8')
    this.proc.stdout!.on('data', (chunk: string) => {
      this.#buffer += chunk
      const parts = this.#buffer.split('\n')
      this.#buffer = parts.pop()!
      for (const line of parts) {
        if (line === 'READY') this.readyAt = performance.now()
        this.lines.push(line)
      }
      this.#notify()
    })
    this.proc.stderr!.setEncoding('utf8')
    this.proc.stderr!.on('data', (chunk: string) => {
      if (this.stderr.length < 20_000) this.stderr += chunk
    })
    this.proc.stdin!.on('error', () => undefined) // EPIPE if it died early
    // 'close' fires after the process exited AND its stdout was drained.
    this.closed = new Promise((done) => this.proc.on('close', () => done()))
    this.closed.then(() => this.#notify())
  }

  #notify(): void {
    for (const listener of this.#listeners) listener()
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null
  }

  /** Resolves with the first line matching `test`; rejects if the child ends first or on timeout. */
  waitFor(test: (line: string) => boolean, what: string): Promise<string> {
    return new Promise((resolveLine, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${what} from the child within ${CHILD_TIMEOUT_MS / 1000} s`)), CHILD_TIMEOUT_MS)
      const finish = (error: Error | null, line?: string): void => {
        clearTimeout(timer)
        this.#listeners.delete(check)
        if (error) reject(error)
        else resolveLine(line!)
      }
      const check = (): void => {
        const line = this.lines.find(test)
        if (line !== undefined) return finish(null, line)
        const failure = this.lines.find((l) => l.startsWith('ERROR '))
        if (failure) return finish(new Error(`the child failed: ${failure.slice(6)}`))
        if (this.exited) return finish(new Error(`the child exited (code ${this.proc.exitCode}, signal ${this.proc.signalCode}) before ${what}${this.stderr ? `; stderr: ${this.stderr.trim().slice(0, 2000)}` : ''}`))
      }
      this.#listeners.add(check)
      check()
    })
  }

  send(config: ChildConfig): void {
    this.proc.stdin!.write(`GO ${JSON.stringify(config)}\n`)
  }

  async kill(): Promise<void> {
    if (!this.exited) this.proc.kill('SIGKILL')
    await this.closed
  }
}

// ---------------------------------------------------------------- the notebook under test

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

async function newEpoch(base: string, index: number): Promise<Epoch> {
  const dir = join(base, `notebook-${index}`)
  const session = await NotebookSession.open(dir, { fontsDir }, { create: true })
  const report = await session.importContents([{ name: 'withdrawal.txt', bytes: Buffer.from(syntheticArticle(SEED + index)) }])
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
async function verify(epoch: Epoch, run: number, acked: Map<number, string>, inFlight: number | null): Promise<Verdict> {
  let session: NotebookSession
  try {
    session = await NotebookSession.open(epoch.dir, { fontsDir }, { create: false })
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

interface Campaign {
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

async function campaign(writer: WriterKind, maxKills: number, progressEvery: number): Promise<Campaign> {
  const started = performance.now()
  const control = writer !== 'durable'
  const label = WRITER_LABEL[writer]
  const base = await mkdtemp(join(tmpdir(), `dossier-crash-${writer}-`))
  const rand = prng(SEED ^ (control ? 0x5bd1e995 : 0))
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
  let epoch = await newEpoch(base, 0)
  const warm: Child[] = Array.from({ length: POOL }, () => new Child())
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
        child.send({ dir: epoch.dir, fontsDir, articleId: epoch.articleId, run, seed: (SEED * 7919 + run * 104729 + (control ? 1 : 0)) >>> 0, writer })
        warm.push(new Child()) // its start-up overlaps the next runs
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
      await sleep(randomInt(rand, MIN_DELAY, MAX_DELAY))
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

      const verdict = await verify(epoch, run, acked, inFlight)
      if (!verdict.ok) {
        result.failure = { ...verdict, atKill: run }
        break
      }
      lap('reopen and check')
      result.passed++
      if (verdict.persistedInFlight) result.persistedInFlight++
      if (args.verbose && maxKills <= 200) console.log(`  [${label}] kill ${run}: ${acked.size} ACKed, in flight ${inFlight ?? '-'}, ${verdict.present} highlights on disk`)

      // The old store never removes a killed writer's temp files; do it so disk use stays flat.
      const leftovers = await tempFiles(epoch.dir)
      if (leftovers.length > 0) {
        result.tempFilesNotCleaned++
        await Promise.all(leftovers.map((f) => rm(f, { force: true })))
      }
      const size = await largestJsonFile(epoch.dir)
      result.largestFile = Math.max(result.largestFile, size)
      if (size > MAX_FILE_BYTES) {
        await rm(epoch.dir, { recursive: true, force: true })
        epoch = await newEpoch(base, epoch.index + 1)
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
    const keep = args.keep || (result.failure !== null && !control)
    if (keep) result.keptDir = epoch.dir
    else await rm(base, { recursive: true, force: true })
  }
  return result
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}

/** One line: paths cut to the notebook-relative part, at most ~140 characters. */
const shorten = (text: string): string => {
  const short = text.replace(/\/\S*\/notebook-\d+\//g, '').split(/\.\s+(?=[A-Z])/)[0]!
  return short.length > 140 ? `${short.slice(0, 137)}...` : short
}
const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`)
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)]! : 0
}

function describe(c: Campaign): void {
  console.log(`\n${c.label}: ${c.kills} kills in ${c.seconds.toFixed(1)} s (${c.kills ? Math.round((c.seconds * 1000) / c.kills) : 0} ms per kill), ${c.notebooks} notebook(s)`)
  console.log(`  highlights ACKed: ${c.acked} (up to ${c.maxAckedPerRun} per child run); saves in flight at the kill and found on disk anyway: ${c.persistedInFlight}`)
  console.log(`  kills during a save call (SAVING without ACK): ${c.inFlightAtKill} of ${c.kills} (${pct(c.inFlightAtKill, c.kills)})`)
  if (!c.control) {
    console.log(`  kills inside the durable file write (temp file left behind): ${c.tempFilesLeft} (${pct(c.tempFilesLeft, c.kills)})`)
    if (c.tempFilesNotCleaned > 0) console.log(`  temp files still there after the reopen (store does not clean them up; the test removed them): ${c.tempFilesNotCleaned} runs`)
  }
  console.log(`  largest rewritten JSON file: ${Math.round(c.largestFile / 1024)} KB; child start-up ${Math.round(median(c.childStartMs))} ms (hidden: pre-spawned), open ${Math.round(median(c.openMs))} ms (medians)`)
  if (args.verbose && c.kills > 0) {
    console.log(`  time per kill: ${Object.entries(c.phases).map(([name, ms]) => `${name} ${(ms / c.kills).toFixed(1)} ms`).join(', ')}`)
  }
  if (c.failure) console.log(`  ${c.control ? 'DETECTED' : 'FAILED'} at kill ${c.failure.atKill}: ${c.failure.kind}: ${c.failure.detail}`)
  if (c.keptDir) console.log(`  notebook kept for inspection: ${c.keptDir}`)
}

async function main(): Promise<number> {
  const onlyControl = args.control
  const withControl = onlyControl || !args['no-control']
  console.log(`crash test: seed ${SEED} (rerun with --seed ${SEED}), kill ${MIN_DELAY}-${MAX_DELAY} ms after the first ACK, new notebook past ${MAX_FILE_BYTES / 1024} KB`)
  const lines: string[] = []
  let ok = true

  if (!onlyControl) {
    console.log(`durable writer: ${ITERATIONS} kills...`)
    const real = await campaign('durable', ITERATIONS, Math.max(50, Math.round(ITERATIONS / 20)))
    describe(real)
    const failed = real.failure ? 1 : 0
    if (failed || real.passed !== ITERATIONS) ok = false
    lines.push(`crash test: ${real.passed} passed, ${failed} failed`)
  }
  if (withControl) {
    console.log(`\n${WRITER_LABEL[CONTROL_WRITER]}, not crash-safe: up to ${CONTROL_ITERATIONS} kills, stopping at the first detected failure...`)
    const control = await campaign(CONTROL_WRITER, CONTROL_ITERATIONS, 100)
    describe(control)
    // Only a failed check of the reopened notebook counts; a child that could not run is a test error.
    const detected = control.failure !== null && control.failure.kind !== 'child failed'
    if (!detected) ok = false
    lines.push(
      detected
        ? `crash test control: 1 passed, 0 failed (corruption detected after ${control.failure!.atKill} kills: ${control.failure!.kind}: ${shorten(control.failure!.detail ?? '')})`
        : control.failure
          ? `crash test control: 0 passed, 1 failed (the control could not run: ${control.failure.detail})`
          : `crash test control: 0 passed, 1 failed (${control.kills} kills with a writer that is not crash-safe went undetected: this test cannot tell a broken writer from a durable one)`,
    )
  }
  console.log('')
  for (const line of lines) console.log(line)
  return ok ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    console.log('crash test: 0 passed, 1 failed (the test itself crashed)')
    process.exit(1)
  },
)
