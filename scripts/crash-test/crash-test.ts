/**
 * Crash test, with the REAL storage code: processes killed at random moments while they
 * save, each kill followed by a check of the notebook against what the process reported.
 *
 *   npm run test:crash                          both parts below, each with its control
 *   npm run test:crash -- --iterations 10000    more highlight-save kills
 *   npm run test:crash -- --import-kills 200    more import kills
 *   npm run test:crash -- --control             only the controls
 *   options: --control-iterations 300  --control-writer plain|deferred  --no-control
 *            --seed N  --max-kb 256  --min-delay 5  --max-delay 60  --pool 2  --keep  --verbose
 *            --no-saves  --no-import  --import-interrupts 4  --import-lanes 2
 *            --import-files 200  --import-control-runs 20
 *
 * 1. Highlight saves (save-crash.ts): a child saving highlights in a loop is SIGKILLed
 *    5-60 ms after its first acknowledged save; every acknowledged save must be there and
 *    nothing else but the one in flight. Control: a plain fs.writeFile writer must be caught.
 * 2. Imports (import-crash.ts): the BUILT CLI (out/main/cli.js, `npm run test:crash` builds
 *    it) imports a generated folder and is SIGKILLed (or SIGINTed) at random moments, on
 *    fresh notebooks and on the notebooks earlier kills left; every file it printed as
 *    imported must be there and intact, nothing half-there, `dossier check` must find only
 *    what a repair fixes, and the dead child's lock must be takeable. Control: the same CLI
 *    on a disk that acknowledges catalog saves early must be caught.
 *
 * Exit 0 only if every part passed and every control was detected (with --control alone:
 * 0 if the controls were detected).
 */
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { shorten } from './figures'
import { describeImportCampaign, importCampaign, writeFolder, type ImportCrashOptions } from './import-crash'
import type { WriterKind } from './protocol'
import { describeSaveCampaign, saveCampaign, WRITER_LABEL, type SaveCrashOptions } from './save-crash'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/crash-test
const root = resolve(here, '../../..')

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
    'no-saves': { type: 'boolean', default: false },
    'no-import': { type: 'boolean', default: false },
    'import-kills': { type: 'string', default: '16' },
    'import-interrupts': { type: 'string', default: '4' },
    'import-lanes': { type: 'string', default: '2' },
    'import-files': { type: 'string', default: '200' },
    'import-control-runs': { type: 'string', default: '20' },
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
const SEED = args.seed !== undefined ? positiveInt('seed', args.seed) : Math.floor(Math.random() * 2 ** 31)
const IMPORT_CONTROL_RUNS = positiveInt('import-control-runs', args['import-control-runs'])

const saveOptions: SaveCrashOptions = {
  seed: SEED,
  minDelay: positiveInt('min-delay', args['min-delay']),
  maxDelay: positiveInt('max-delay', args['max-delay']),
  maxFileBytes: positiveInt('max-kb', args['max-kb']) * 1024,
  pool: Math.max(1, positiveInt('pool', args.pool)),
  keep: args.keep,
  verbose: args.verbose,
  fontsDir: join(root, 'resources', 'fonts'),
  childScript: join(here, 'crash-child.mjs'),
}

const importOptions: ImportCrashOptions = {
  seed: SEED,
  kills: positiveInt('import-kills', args['import-kills']),
  interrupts: positiveInt('import-interrupts', args['import-interrupts']),
  lanes: Math.max(1, positiveInt('import-lanes', args['import-lanes'])),
  txtFiles: Math.max(2, positiveInt('import-files', args['import-files'])),
  otherFiles: 5,
  keep: args.keep,
  verbose: args.verbose,
  cli: join(root, 'out', 'main', 'cli.js'),
  lyingDisk: join(here, 'lying-disk.mjs'),
}

async function savePart(onlyControl: boolean, withControl: boolean, lines: string[]): Promise<boolean> {
  let ok = true
  const o = saveOptions
  console.log(`highlight saves: kill ${o.minDelay}-${o.maxDelay} ms after the first ACK, new notebook past ${o.maxFileBytes / 1024} KB`)
  if (!onlyControl) {
    console.log(`durable writer: ${ITERATIONS} kills...`)
    const real = await saveCampaign(o, 'durable', ITERATIONS, Math.max(50, Math.round(ITERATIONS / 20)))
    describeSaveCampaign(o, real)
    const failed = real.failure ? 1 : 0
    if (failed || real.passed !== ITERATIONS) ok = false
    lines.push(`crash test: ${real.passed} passed, ${failed} failed`)
  }
  if (withControl) {
    console.log(`\n${WRITER_LABEL[CONTROL_WRITER]}, not crash-safe: up to ${CONTROL_ITERATIONS} kills, stopping at the first detected failure...`)
    const control = await saveCampaign(o, CONTROL_WRITER, CONTROL_ITERATIONS, 100)
    describeSaveCampaign(o, control)
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
  return ok
}

/** Failures of the child itself, not of the notebook it left: they prove nothing about the check. */
const TEST_ERRORS = new Set(['child stuck', 'child failed', 'child died'])

async function importPart(onlyControl: boolean, withControl: boolean, lines: string[]): Promise<boolean> {
  const o = importOptions
  if (!existsSync(o.cli)) usage(`the built CLI ${o.cli} is missing: run "npx electron-vite build" first (npm run test:crash does)`)
  let ok = true
  let keepBase = o.keep
  const { folder, base } = await writeFolder(o)
  try {
    const runs = o.kills + o.interrupts
    console.log(`\nimports: ${folder.files.length} files (${Math.round(folder.bytes / 1024)} KB) in ${folder.dir}; the built CLI ${o.cli}`)
    if (!onlyControl) {
      console.log(`real code: ${o.kills} SIGKILLs and ${o.interrupts} SIGINTs, ${o.lanes} lanes...`)
      const real = await importCampaign(o, folder, base, false, runs)
      describeImportCampaign(real, folder)
      const failed = real.failure ? 1 : 0
      if (failed || real.passed !== runs) ok = false
      if (failed) keepBase = true // the failed notebook is in it
      lines.push(
        `crash test import: ${real.passed} passed, ${failed} failed (${real.sigkills} SIGKILLs, ${real.sigints} SIGINTs, ${real.completed} finished first; ${real.printed} files reported imported, all verified, in ${real.seconds.toFixed(1)} s)`,
      )
    }
    if (withControl) {
      console.log(`\nimport control, not crash-safe: up to ${IMPORT_CONTROL_RUNS} kills, stopping at the first detected failure...`)
      const control = await importCampaign(o, folder, base, true, IMPORT_CONTROL_RUNS)
      describeImportCampaign(control, folder)
      const detected = control.failure !== null && !TEST_ERRORS.has(control.failure.kind)
      if (!detected) ok = false
      lines.push(
        detected
          ? `crash test import control: 1 passed, 0 failed (detected after ${control.runs} runs: ${control.failure!.kind}: ${shorten(control.failure!.detail)})`
          : control.failure
            ? `crash test import control: 0 passed, 1 failed (the control could not run: ${control.failure.kind}: ${control.failure.detail})`
            : `crash test import control: 0 passed, 1 failed (${control.runs} runs with catalog saves acknowledged early went undetected: this test cannot tell)`,
      )
    }
  } finally {
    if (!keepBase) await rm(base, { recursive: true, force: true })
  }
  return ok
}

async function main(): Promise<number> {
  const onlyControl = args.control
  const withControl = onlyControl || !args['no-control']
  console.log(`crash test: seed ${SEED} (rerun with --seed ${SEED})`)
  const lines: string[] = []
  let ok = true
  if (!args['no-saves']) ok = (await savePart(onlyControl, withControl, lines)) && ok
  if (!args['no-import']) ok = (await importPart(onlyControl, withControl, lines)) && ok
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
