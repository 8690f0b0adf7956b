/**
 * The crash test's import part: the BUILT CLI (`node out/main/cli.js --notebook DIR import
 * FOLDER`) killed at random moments, each kill checked by import-verify.ts.
 *
 * The folder (import-files.ts) is written once per run. Each run starts the CLI on a fresh
 * notebook or on the notebook the previous kill left (its stale lock, unreferenced files
 * and temp files untouched: the next child must take the lock over, and re-importing the
 * folder must report what was saved as duplicates), reads its stdout, and SIGKILLs it at a
 * random moment: before its first step is saved, mid-way (after a random number of
 * `imported` lines, plus a random delay inside the next step), or late (near or after its
 * last step, while it saves the reuse index, makes the first backup, releases the lock).
 * Some runs get SIGINT instead (after a random number of lines): they must exit 130 with
 * "Interrupted: N imported and saved", release the lock, and hold the same invariants.
 * Lanes (default 2) run chains of notebooks side by side, each with its own PRNG.
 *
 * The control runs the same CLI with lying-disk.ts preloaded (catalog saves acknowledged
 * before they happen): the check must catch a file printed as imported that is not there.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prng, randomInt } from '../shared/corpus'
import { Child } from './child'
import { cpuSeconds, median, pct, sleep } from './figures'
import { writeImportFolder, type ImportFolder } from './import-files'
import { verifyImport, type NotebookState, type RunFigures, type RunOutcome } from './import-verify'

export interface ImportCrashOptions {
  seed: number
  /** Runs ended by SIGKILL, and by SIGINT. */
  kills: number
  interrupts: number
  /** Chains of notebooks run side by side. */
  lanes: number
  /** The folder: this many .txt files, and `otherFiles` each of .md and .html. */
  txtFiles: number
  otherFiles: number
  keep: boolean
  verbose: boolean
  /** The built CLI (out/main/cli.js) and the control's preload (out/scripts/crash-test/lying-disk.mjs). */
  cli: string
  lyingDisk: string
}

/** A notebook is reused for at most this many runs in a row (each walks the files saved before as duplicates). */
const MAX_CHAIN = 4
/** Longest a child may take to reach its moment, or to exit after SIGINT. */
const RUN_TIMEOUT_MS = 180_000

export interface ImportCampaign {
  label: string
  control: boolean
  runs: number
  passed: number
  sigkills: number
  sigints: number
  /** Runs that finished before their moment came (no signal sent). */
  completed: number
  /** SIGKILLs that landed before the child's first step was saved / mid-way / after its last step. */
  beforeFirstStep: number
  midway: number
  afterLastStep: number
  printed: number
  duplicates: number
  unprinted: number
  runsWithUnreferenced: number
  unreferenced: number
  tempFiles: number
  staleLocks: number
  /** Runs started on the stale lock of a killed child that got far enough to need it. */
  takeovers: number
  garbledLocks: number
  pidReused: number
  notebooks: number
  childMs: number[]
  verifyMs: number[]
  seconds: number
  /** CPU seconds of the children and of this process (the checks) during the campaign; null off Linux. */
  cpu: { self: number; children: number } | null
  failure: { run: number; kind: string; detail: string; dir: string } | null
  keptDir: string | null
}

type Phase = 'early' | 'mid' | 'late'
/**
 * Where kills land, by weight. Every kill after the first printed step costs at least a
 * step (100 files) of import work, so early kills (cheap, and the ones that leave prepared
 * files no article refers to) are as frequent as mid-way ones; late ones cost a whole import.
 */
const SIGKILL_PHASES: readonly Phase[] = ['early', 'early', 'early', 'mid', 'mid', 'mid', 'mid', 'late', 'late']
const SIGINT_PHASES: readonly Phase[] = ['mid', 'mid', 'late']
/** The control kills only once something was printed: an early kill cannot catch a print ahead of the disk. */
const CONTROL_PHASES: readonly Phase[] = ['mid', 'mid', 'late']

/** What the runs so far say about the child's pace (medians, ms), for placing the next kills. */
class Pace {
  readonly #firstStep: number[] = []
  readonly #step: number[] = []
  readonly #close: number[] = []

  /** From spawn to the first printed step, on a fresh notebook. */
  firstStep(): number {
    return Math.round(this.#firstStep.length ? median(this.#firstStep) : 3_000)
  }

  /** Between two printed steps. */
  step(): number {
    return Math.round(this.#step.length ? median(this.#step) : 2_500)
  }

  /** From the last printed step to the exit. */
  close(): number {
    return Math.round(this.#close.length ? median(this.#close) : 1_500)
  }

  observe(child: Child, fresh: boolean): void {
    const times = child.lines.flatMap((line, i) => (line.startsWith('imported  ') ? [child.lineAt[i]!] : []))
    if (times.length === 0) return
    if (fresh) this.#firstStep.push(times[0]! - child.spawnedAt)
    for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! > 200) this.#step.push(times[i]! - times[i - 1]!)
    if (child.proc.exitCode !== null) this.#close.push(child.endedAt - times.at(-1)!)
  }
}

interface Lane {
  index: number
  rand: () => number
  state: NotebookState | null
  chain: number
  /** The last run on this notebook left a stale lock. */
  staleLock: boolean
}

export async function writeFolder(opts: ImportCrashOptions): Promise<{ folder: ImportFolder; base: string }> {
  const base = await mkdtemp(join(tmpdir(), 'dossier-crash-import-'))
  const folder = await writeImportFolder(join(base, 'files'), opts.seed, opts.txtFiles, opts.otherFiles)
  return { folder, base }
}

export async function importCampaign(opts: ImportCrashOptions, folder: ImportFolder, base: string, control: boolean, maxRuns: number): Promise<ImportCampaign> {
  const started = performance.now()
  const cpuAtStart = cpuSeconds()
  const c: ImportCampaign = {
    label: control ? 'import control (lying disk: catalog saves acknowledged 1.5 s before they happen)' : 'import (built CLI, real code)',
    control,
    runs: 0,
    passed: 0,
    sigkills: 0,
    sigints: 0,
    completed: 0,
    beforeFirstStep: 0,
    midway: 0,
    afterLastStep: 0,
    printed: 0,
    duplicates: 0,
    unprinted: 0,
    runsWithUnreferenced: 0,
    unreferenced: 0,
    tempFiles: 0,
    staleLocks: 0,
    takeovers: 0,
    garbledLocks: 0,
    pidReused: 0,
    notebooks: 0,
    childMs: [],
    verifyMs: [],
    seconds: 0,
    cpu: null,
    failure: null,
    keptDir: null,
  }
  // SIGINT runs spread evenly among the SIGKILL ones; the control only kills.
  const interrupts = control ? 0 : opts.interrupts
  const plan = Array.from({ length: maxRuns }, (_, i) => (interrupts > 0 && i % Math.ceil(maxRuns / interrupts) === Math.floor(maxRuns / interrupts / 2) ? 'SIGINT' : 'SIGKILL') as 'SIGKILL' | 'SIGINT')
  const lanes: Lane[] = Array.from({ length: control ? 1 : opts.lanes }, (_, index) => ({
    index,
    rand: prng((opts.seed * 31 + index * 7919 + (control ? 0x5bd1e995 : 0)) >>> 0),
    state: null,
    chain: 0,
    staleLock: false,
  }))
  const pace = new Pace()
  let notebookCount = 0

  const runLane = async (lane: Lane): Promise<void> => {
    for (let run = lane.index; run < plan.length && !c.failure; run += lanes.length) {
      const how = plan[run]!
      const { rand } = lane
      const remaining = folder.files.length - (lane.state?.order.length ?? 0)
      // A SIGINT run goes on the notebook in hand when it can: its full report must then list what was saved as duplicates.
      if (!lane.state || lane.chain >= MAX_CHAIN || remaining <= 1 || (how === 'SIGKILL' && rand() < 0.4)) {
        if (lane.state && !opts.keep) await rm(lane.state.dir, { recursive: true, force: true })
        lane.state = { dir: join(base, `notebook-${notebookCount++}`), order: [] }
        lane.chain = 0
        lane.staleLock = false
        c.notebooks++
      }
      const state = lane.state
      const fresh = state.order.length === 0
      const left = folder.files.length - state.order.length
      const phases = control ? CONTROL_PHASES : how === 'SIGINT' ? SIGINT_PHASES : SIGKILL_PHASES
      const phase = phases[randomInt(rand, 0, phases.length - 1)]!
      const args = [...(control ? ['--import', opts.lyingDisk] : []), opts.cli, '--notebook', state.dir, 'import', folder.dir]
      const child = new Child(args)
      const importedLines = () => child.lines.reduce((n, l) => (l.startsWith('imported  ') ? n + 1 : n), 0)
      let reached: 'met' | 'exited' | 'timeout'
      if (phase === 'early') {
        // Somewhere before the first step is printed (start-up, opening, preparing the first files).
        reached = await child.until(() => false, randomInt(rand, 0, pace.firstStep()))
        reached = reached === 'timeout' ? 'met' : reached
      } else {
        // Mid: somewhere in the step after the first printed one. Late: after the last step
        // (saving the reuse index, the first backup, releasing the lock, exiting).
        reached = await child.until(() => importedLines() >= (phase === 'mid' ? 1 : left), RUN_TIMEOUT_MS)
        if (reached === 'met') await sleep(randomInt(rand, 0, phase === 'mid' ? pace.step() : pace.close()))
      }
      let signalled = false
      let stuck: string | null = null
      if (reached === 'timeout') stuck = `no ${phase === 'early' ? 'exit' : 'imported line'} within ${RUN_TIMEOUT_MS / 1000} s`
      else if (!child.exited) {
        signalled = true
        if (how === 'SIGKILL') await child.kill('SIGKILL')
        else {
          child.proc.kill('SIGINT')
          if ((await child.until(() => false, RUN_TIMEOUT_MS)) === 'timeout') stuck = `still running ${RUN_TIMEOUT_MS / 1000} s after SIGINT`
        }
      }
      if (stuck) await child.kill('SIGKILL')
      await child.closed
      const lifeMs = performance.now() - child.spawnedAt
      c.childMs.push(lifeMs)
      pace.observe(child, fresh)
      const done = ++c.runs
      if (stuck) {
        c.failure = { run: run + 1, kind: 'child stuck', detail: `${stuck}; stderr: ${child.stderr.trim().slice(0, 400)}`, dir: state.dir }
        return
      }
      const outcome: RunOutcome = {
        how,
        signalled,
        pid: child.proc.pid!,
        exitCode: child.proc.exitCode,
        signal: child.proc.signalCode,
        lines: child.lines,
        partial: child.partialLine,
        stderr: child.stderr,
      }
      const startedOnStaleLock = lane.staleLock
      const verifyStarted = performance.now()
      const verdict = await verifyImport(state, folder, outcome)
      c.verifyMs.push(performance.now() - verifyStarted)
      if (!verdict.ok) {
        c.failure = { run: run + 1, kind: verdict.kind, detail: verdict.detail, dir: state.dir }
        return
      }
      c.passed++
      tally(c, verdict.figures, outcome, state.order.length === folder.files.length)
      if (startedOnStaleLock && (verdict.figures.printed > 0 || !signalled || how === 'SIGINT')) c.takeovers++
      lane.staleLock = verdict.figures.staleLock
      lane.chain++
      if (verdict.figures.pidReused) lane.chain = MAX_CHAIN // its lock looks held: start afresh
      if (opts.verbose) {
        const f = verdict.figures
        console.log(`  [${control ? 'control' : `lane ${lane.index}`}] run ${run + 1}: ${signalled ? how : 'finished'} (${phase}) after ${Math.round(lifeMs)} ms, ${f.printed} printed, ${f.duplicates} duplicates, ${f.unprinted} saved unprinted, ${state.order.length} in the notebook, ${f.unreferenced} unreferenced, ${f.tempFiles} temp${f.staleLock ? ', stale lock' : ''}; check ms ${JSON.stringify(f.ms)}`)
      }
      if (!opts.verbose && done % 10 === 0 && done < plan.length) console.log(`  [${c.label}] ${done}/${plan.length} runs, ${c.printed} files reported imported, ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
  }

  try {
    await Promise.all(lanes.map(runLane))
  } finally {
    c.seconds = (performance.now() - started) / 1000
    const cpuNow = cpuSeconds()
    if (cpuAtStart && cpuNow) c.cpu = { self: cpuNow.self - cpuAtStart.self, children: cpuNow.children - cpuAtStart.children }
    const keep = opts.keep || (c.failure !== null && !control)
    if (keep) c.keptDir = c.failure?.dir ?? base
    else for (const lane of lanes) if (lane.state) await rm(lane.state.dir, { recursive: true, force: true })
  }
  return c
}

function tally(c: ImportCampaign, f: RunFigures, outcome: RunOutcome, allSaved: boolean): void {
  if (!outcome.signalled) c.completed++
  else if (outcome.how === 'SIGINT') c.sigints++
  else {
    c.sigkills++
    if (f.printed === 0 && f.unprinted === 0 && !allSaved) c.beforeFirstStep++
    else if (allSaved) c.afterLastStep++
    else c.midway++
  }
  c.printed += f.printed
  c.duplicates += f.duplicates
  c.unprinted += f.unprinted
  if (f.unreferenced > 0) c.runsWithUnreferenced++
  c.unreferenced += f.unreferenced
  c.tempFiles += f.tempFiles
  if (f.staleLock) c.staleLocks++
  if (f.garbledLock) c.garbledLocks++
  if (f.pidReused) c.pidReused++
}

export function describeImportCampaign(c: ImportCampaign, folder: ImportFolder): void {
  const perRun = c.runs ? Math.round((c.seconds * 1000) / c.runs) : 0
  console.log(`\n${c.label}: ${c.runs} runs in ${c.seconds.toFixed(1)} s (${perRun} ms per run), ${c.notebooks} notebook(s), folder of ${folder.files.length} files (${Math.round(folder.bytes / 1024)} KB)`)
  console.log(`  SIGKILL: ${c.sigkills} (before the first step was saved ${c.beforeFirstStep}, mid-way ${c.midway}, after the last step ${c.afterLastStep}); SIGINT: ${c.sigints}; finished before their moment: ${c.completed}`)
  console.log(`  files reported imported: ${c.printed}, verified present and intact; saved by a step the kill kept from printing: ${c.unprinted}; duplicates reported on re-import: ${c.duplicates}`)
  console.log(`  left by kills and repaired (on a copy): ${c.unreferenced} unreferenced content files in ${c.runsWithUnreferenced} runs (${pct(c.runsWithUnreferenced, c.sigkills)} of kills), ${c.tempFiles} temp files`)
  console.log(`  stale locks left: ${c.staleLocks}, taken over by the next child: ${c.takeovers}${c.garbledLocks ? `, half-written locks waited out: ${c.garbledLocks}` : ''}${c.pidReused ? `, dead child's pid reused (lock check skipped): ${c.pidReused}` : ''}`)
  console.log(`  child ran ${Math.round(median(c.childMs))} ms, check ${Math.round(median(c.verifyMs))} ms (medians)`)
  if (c.cpu && c.runs) {
    const perRunCpu = (c.cpu.self + c.cpu.children) / c.runs
    console.log(`  CPU: children ${c.cpu.children.toFixed(1)} s, checks ${c.cpu.self.toFixed(1)} s (${perRunCpu.toFixed(1)} s per run: at least ${Math.round((perRunCpu * c.runs) / 2)} s on 2 idle cores)`)
  }
  if (c.failure) console.log(`  ${c.control ? 'DETECTED' : 'FAILED'} at run ${c.failure.run}: ${c.failure.kind}: ${c.failure.detail}`)
  if (c.keptDir) console.log(`  kept for inspection: ${c.keptDir}`)
}
