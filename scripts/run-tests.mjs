#!/usr/bin/env node
// `npm test`: runs every suite in order (each one even if an earlier one failed), streams
// their output, prints a summary table and, as the very last line, `N passed, N failed,
// N skipped` summed over all suites. Exits 1 if anything failed.
//
//   node scripts/run-tests.mjs                 all suites
//   node scripts/run-tests.mjs --only unit,e2e a subset (in the usual order)
//
// Reports go to reports/ (Playwright empties test-results/ when it starts).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { countChecks, countPlaywright, countSingleCheck, countVitest, formatDuration, formatTable, formatTotals, parseArgs, skipReasons, sumCounts } from './test-summary.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const reportsDir = join(root, 'reports')
const vitestReport = join(reportsDir, 'vitest.json')
const hostileReport = join(reportsDir, 'vitest-hostile.json')
const playwrightReport = join(reportsDir, 'playwright.json')
const prodInstallReport = join(reportsDir, 'prod-install.json')
const isWindows = process.platform === 'win32'

const firstExisting = (names) => names.map((name) => join(root, name)).find((file) => existsSync(file))
const eslintConfigNames = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts']
const playwrightConfigNames = ['playwright.config.ts', 'playwright.config.mts', 'playwright.config.js', 'playwright.config.mjs']

/** `npx --no -- cmd`: the project's own bin, never an offer to download a missing one (CI has no stdin).
 *  The `--` matters: without it npm swallows flags that directly follow the command. */
const npx = (...args) => ['npx', ['--no', '--', ...args]]
const npmRun = (script) => ['npm', ['run', '--silent', script]]

/**
 * @typedef {object} Suite
 * @property {string} name
 * @property {string} title
 * @property {() => [string, string[]]} command
 * @property {() => Record<string, string>} [env]
 * @property {() => { skip?: string, fail?: string } | undefined} [precheck]
 * @property {() => void} [before]
 * @property {(exitCode: number | null) => import('./test-summary.mjs').Counts} count
 */

/** @type {Suite[]} */
const suites = [
  {
    name: 'build',
    title: 'build (electron-vite build)',
    command: () => npx('electron-vite', 'build'),
    count: countSingleCheck,
  },
  {
    name: 'typecheck',
    title: 'typecheck (npm run typecheck)',
    command: () => npmRun('typecheck'),
    count: countSingleCheck,
  },
  {
    name: 'lint',
    title: 'lint (npm run lint)',
    precheck: () =>
      firstExisting(eslintConfigNames)
        ? undefined
        : { fail: `no ESLint config: expected ${eslintConfigNames[0]} in ${root}; lint cannot run` },
    command: () => npmRun('lint'),
    count: countSingleCheck,
  },
  {
    name: 'security',
    title: 'security (electronegativity)',
    command: () => [process.execPath, [join(root, 'scripts', 'electronegativity.mjs')]],
    count: countSingleCheck,
  },
  {
    name: 'unit',
    title: 'unit (vitest)',
    before: () => rmSync(vitestReport, { force: true }),
    command: () => npx('vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`),
    count: (exitCode) => countVitest(readJson(vitestReport), exitCode),
  },
  {
    // Issue 11: the built CLI imports a generated corpus of zip/PDF bombs, deep nesting,
    // huge lines and escapes, each file in a child process; each must fail alone (or
    // import cleanly) within 10 s and 600 MB, and the main thread must never stall.
    name: 'hostile',
    title: 'hostile input (vitest, scripts/hostile-input)',
    before: () => rmSync(hostileReport, { force: true }),
    command: () => npx('vitest', 'run', '--config', 'scripts/hostile-input/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${hostileReport}`),
    count: (exitCode) => countVitest(readJson(hostileReport), exitCode),
  },
  {
    // The shipped app is the tested app: the built code on a production-only install
    // (npm ci --omit=dev in a copy), every runtime import checked against `dependencies`,
    // every format imported and exported through the CLI there. Needs the build above.
    name: 'prod-install',
    title: 'prod-install (built app on production dependencies only)',
    before: () => rmSync(prodInstallReport, { force: true }),
    command: () => npmRun('test:prod-install'),
    count: (exitCode) => countChecks(readJson(prodInstallReport), exitCode, 'prod-install'),
  },
  {
    // One check: 200 SIGKILLs of a process saving highlights must lose nothing it
    // acknowledged, 20 SIGKILLs/SIGINTs of dossier import must keep every file it printed
    // as imported (and nothing half-there), and each part's control run must be caught.
    name: 'crash',
    title: 'crash (npm run test:crash: 200 save kills + 20 import kills, with controls)',
    command: () => npmRun('test:crash'),
    count: countSingleCheck,
  },
  {
    name: 'e2e',
    title: 'e2e (playwright)',
    precheck: () =>
      firstExisting(playwrightConfigNames)
        ? undefined
        : { skip: 'no playwright.config.ts yet: e2e suite skipped (not counted)' },
    before: () => rmSync(playwrightReport, { force: true }),
    command: () => npx('playwright', 'test', '--reporter=list,json'),
    env: () => ({ PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport }),
    count: (exitCode) => countPlaywright(readJson(playwrightReport), exitCode),
  },
]

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

/** Runs a command with inherited stdout/stderr (streamed) and no stdin; resolves to its exit code, null on a signal or spawn error. */
function run(command, args, extraEnv) {
  return new Promise((resolve) => {
    let settled = false
    const done = (code) => {
      if (!settled) {
        settled = true
        resolve(code)
      }
    }
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'inherit', 'inherit'],
      shell: isWindows && command !== process.execPath,
    })
    child.on('error', (error) => {
      console.error(`run-tests: could not start ${command}: ${error.message}`)
      done(null)
    })
    child.on('close', (code, signal) => {
      if (signal) console.error(`run-tests: ${command} was killed by ${signal}`)
      done(signal ? null : code)
    })
  })
}

function banner(text) {
  const bar = '='.repeat(Math.max(20, text.length + 4))
  console.log(`\n${bar}\n  ${text}\n${bar}`)
}

async function main() {
  const parsed = parseArgs(process.argv.slice(2), suites.map((s) => s.name))
  if (parsed.help || parsed.error) {
    if (parsed.error) console.error(`run-tests: ${parsed.error}`)
    console.log(`usage: node scripts/run-tests.mjs [--only ${suites.map((s) => s.name).join(',')}]`)
    process.exit(parsed.error ? 2 : 0)
  }
  const selected = parsed.only ? suites.filter((s) => parsed.only.includes(s.name)) : suites
  mkdirSync(reportsDir, { recursive: true })

  const rows = []
  for (const suite of selected) {
    banner(suite.title)
    const check = suite.precheck?.()
    if (check?.skip) {
      console.log(`NOTE: ${check.skip}`)
      rows.push({ name: suite.name, status: 'SKIPPED', counts: null, durationMs: null, note: check.skip })
      continue
    }
    if (check?.fail) {
      console.error(`FAILED: ${check.fail}`)
      rows.push({ name: suite.name, status: 'FAILED', counts: { passed: 0, failed: 1, skipped: 0, notes: [check.fail] }, durationMs: 0, note: check.fail })
      continue
    }
    suite.before?.()
    const started = performance.now()
    const [command, args] = suite.command()
    const exitCode = await run(command, args, suite.env?.())
    const durationMs = performance.now() - started
    const counts = suite.count(exitCode)
    const status = counts.failed > 0 ? 'FAILED' : 'ok'
    for (const note of counts.notes) console.log(`run-tests: ${suite.name}: ${note}`)
    console.log(`--- ${suite.name}: ${status} (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped) in ${formatDuration(durationMs)}`)
    rows.push({ name: suite.name, status, counts, durationMs, note: counts.notes.join('; ') })
  }

  const total = sumCounts(rows)
  banner('summary')
  console.log(formatTable(rows))
  const reportOf = { security: join(reportsDir, 'electronegativity.json'), unit: vitestReport, 'prod-install': prodInstallReport, e2e: playwrightReport }
  const reports = rows.filter((row) => row.status !== 'SKIPPED' && reportOf[row.name] && existsSync(reportOf[row.name])).map((row) => reportOf[row.name])
  if (reports.length > 0) console.log(`reports: ${reports.map((f) => relative(root, f)).join(', ')}`)
  const skipped = skipReasons(readJson(vitestReport), readJson(playwrightReport))
  if (skipped.length > 0) console.log(`skipped, and why:\n${skipped.map((r) => `  - ${r}`).join('\n')}`)
  console.log('')
  // Must stay the very last line: CI reads it.
  console.log(formatTotals(total))
  process.exitCode = total.failed > 0 ? 1 : 0
}

main().catch((error) => {
  console.error(error?.stack ?? String(error))
  console.log('0 passed, 1 failed, 0 skipped')
  process.exitCode = 1
})
