#!/usr/bin/env node
// Security scan with @doyensec/electronegativity over the TypeScript sources (src/) and
// package.json. Prints every finding (check id, file:line, description), writes
// reports/electronegativity.json, and exits 1 on ANY finding (the tool itself always exits 0).
//
//   node scripts/electronegativity.mjs                       scan src/ and package.json
//   node scripts/electronegativity.mjs --input some/dir ...  scan other inputs instead
//   node scripts/electronegativity.mjs --report out.json     write the report elsewhere
//
// Why the programmatic API and not the `electronegativity` bin: the bin requires
// `commander` without declaring it, and in this tree that resolves to the project's
// commander 14, whose API it cannot use ("version is not a function"). The API runs
// the same loader, parser and checks, and returns the findings plus parse errors.
//
// Why src/ and not out/: the TS sources parse fine (the tool uses Babel's TypeScript
// plugin) and findings point at the lines people edit; out/renderer is a minified React
// bundle, which only adds noise and bundle line numbers.
//
// It cannot pass vacuously:
//  - it lists the files the tool's own loader picks up and fails if an input has none;
//  - a file the tool cannot parse is NOT scanned, so a parse error fails the run;
//  - before the real scan it scans a known-bad fixture (nodeIntegration: true,
//    contextIsolation: false) and fails unless the tool flags it.
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const root = dirname(dirname(fileURLToPath(import.meta.url)))

/**
 * Checks left out, with the tool's documented exclusion option (-x / excludeFromScan):
 * - AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub,
 *   which is unreachable here and in CI: it only adds a timeout and never reports. Keeping
 *   Electron up to date is a dependency question (npm outdated / npm audit), not source.
 * - ElectronVersionJSONCheck is an inventory record ("electron version is X" from
 *   package.json), INFORMATIONAL by design, whose only consumer is the check above.
 */
const EXCLUDED_CHECKS = {
  AvailableSecurityFixesGlobalCheck: 'needs GitHub (unreachable); Electron updates are a dependency concern',
  ElectronVersionJSONCheck: 'informational record of the Electron version, input to the excluded check above',
}

const DEFAULT_INPUTS = ['src', 'package.json']

function parseArgs(argv) {
  const inputs = []
  let report = join(root, 'reports', 'electronegativity.json')
  let selfTest = true
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--input' || arg === '-i') inputs.push(argv[++i])
    else if (arg === '--report') report = resolve(argv[++i])
    else if (arg === '--no-self-test') selfTest = false
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node scripts/electronegativity.mjs [--input PATH]... [--report FILE] [--no-self-test]')
      process.exit(0)
    } else {
      console.error(`electronegativity: unknown argument ${arg}`)
      process.exit(2)
    }
  }
  if (inputs.some((input) => !input)) {
    console.error('electronegativity: --input needs a path')
    process.exit(2)
  }
  return { inputs: (inputs.length > 0 ? inputs : DEFAULT_INPUTS).map((p) => resolve(root, p)), report, selfTest }
}

/** The Electron version the app ships with: the installed package, else package.json's range. */
function electronVersion() {
  try {
    return require('electron/package.json').version // reads JSON only; does not fetch the binary
  } catch {
    const range = require(join(root, 'package.json')).devDependencies?.electron ?? ''
    return /\d+\.\d+\.\d+/.exec(range)?.[0]
  }
}

/**
 * The tool fetches updated UI translations from S3 on every run (got, 1 s timeout, with
 * retries: ~3 s per run, always failing on this closed network). Its bundled en-US
 * strings are what it falls back to anyway, so answer that request with an immediate
 * failure. Only the translations and the excluded GitHub check use `got`.
 */
function stubTranslationFetch() {
  const i18nPath = require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')
  const gotPath = createRequire(i18nPath).resolve('got')
  const offline = () => Promise.reject(new Error('electronegativity.mjs: network disabled'))
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] }
}

function loadTool() {
  try {
    stubTranslationFetch()
    const run = require('@doyensec/electronegativity')
    const { list_files: listFiles } = require('@doyensec/electronegativity/dist/util/file.js')
    const { CHECKS } = require('@doyensec/electronegativity/dist/finder/checks/AtomicChecks/index.js')
    // package.json only feeds the JSON checks (custom Electron arguments, disabled security warnings).
    const jsonChecks = CHECKS.map((check) => check.name).filter((name) => name.endsWith('JSONCheck') && !(name in EXCLUDED_CHECKS))
    if (jsonChecks.length === 0) throw new Error('no JSON checks found in the tool')
    return { run, listFiles, jsonChecks }
  } catch (error) {
    console.error(`electronegativity: cannot load @doyensec/electronegativity (${error.message}). Run npm ci first.`)
    process.exit(2)
  }
}

const display = (file) => (isAbsolute(file) && !relative(root, file).startsWith('..') ? relative(root, file) : file)

/** Drops the tool's "Could not retrieve updated translations" line (see stubTranslationFetch). */
async function quietly(fn) {
  const log = console.log
  console.log = (...args) => {
    if (!(args.length === 1 && /^Could not retrieve updated translations/.test(String(args[0])))) log(...args)
  }
  try {
    return await fn()
  } finally {
    console.log = log
  }
}

/** Runs the tool on one input; returns its findings, parse errors and the files its loader scanned. */
async function scan(tool, input, version) {
  const isDir = statSync(input).isDirectory()
  const files = isDir ? ((await tool.listFiles(input)) ?? []) : [input]
  // A lone package.json gets only the JSON checks: the project-wide checks (CSP present,
  // navigation limited, permission handler set) must see the sources, or they misfire.
  const packageJsonOnly = !isDir && basename(input) === 'package.json'
  const result = await quietly(() =>
    tool.run({
      input,
      isRelative: false,
      electronVersionOverride: version,
      ...(packageJsonOnly ? { customScan: tool.jsonChecks } : { excludeFromScan: Object.keys(EXCLUDED_CHECKS) }),
    }),
  )
  return { input, files, issues: result.issues ?? [], errors: result.errors ?? [] }
}

async function selfTest(tool, version) {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-selftest-'))
  try {
    writeFileSync(
      join(dir, 'bad-window.ts'),
      [
        "import { BrowserWindow } from 'electron'",
        'export function open(): BrowserWindow {',
        '  const options: Electron.BrowserWindowConstructorOptions = { webPreferences: { nodeIntegration: true, contextIsolation: false } }',
        '  return new BrowserWindow({ width: 800, webPreferences: { nodeIntegration: true, contextIsolation: false } })',
        '}',
        '',
      ].join('\n'),
    )
    const { issues, errors } = await scan(tool, dir, version)
    const ids = new Set(issues.map((issue) => issue.id))
    const missing = ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK'].filter((id) => !ids.has(id))
    if (missing.length > 0 || errors.some((e) => !e.tolerable)) {
      console.error(`electronegativity: SELF-TEST FAILED: a known-bad fixture was not flagged (missing ${missing.join(', ') || '-'}; parse errors: ${errors.map((e) => e.message).join('; ') || 'none'}).`)
      console.error('The scanner is not working, so a clean result would mean nothing.')
      return false
    }
    console.log(`self-test: known-bad fixture flagged (${[...ids].sort().join(', ')})`)
    return true
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function formatIssue(issue) {
  const where = issue.file === 'N/A' ? '(project-wide)' : `${display(issue.file)}:${issue.location?.line ?? 0}`
  const level = `${issue.severity?.name ?? '?'}/${issue.confidence?.name ?? '?'}${issue.manualReview ? ', review' : ''}`
  const lines = [`  ${issue.id}  ${where}  [${level}]`, `      ${issue.description}`]
  if (issue.sample) lines.push(`      > ${String(issue.sample).slice(0, 160)}`)
  lines.push(`      https://github.com/doyensec/electronegativity/wiki/${issue.id}`)
  return lines.join('\n')
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const tool = loadTool()
  const version = electronVersion()
  if (!version) {
    console.error('electronegativity: cannot tell the Electron version (node_modules/electron missing?). Run npm ci first.')
    process.exit(2)
  }
  console.log(`electronegativity: Electron ${version}; excluded checks: ${Object.entries(EXCLUDED_CHECKS).map(([k, why]) => `${k} (${why})`).join('; ')}`)

  let ok = true
  if (options.selfTest) ok = (await selfTest(tool, version)) && ok

  const scans = []
  for (const input of options.inputs) {
    try {
      statSync(input)
    } catch {
      console.error(`electronegativity: input ${display(input)} does not exist`)
      ok = false
      continue
    }
    const result = await scan(tool, input, version)
    scans.push(result)
    console.log(`scanned ${display(input)}: ${result.files.length} file(s)`)
    if (result.files.length === 0) {
      console.error(`electronegativity: nothing to scan in ${display(input)}: refusing to pass vacuously`)
      ok = false
    }
    for (const error of result.errors) {
      if (error.tolerable) console.log(`  warning: ${display(error.file)}: ${error.message}`)
      else {
        console.error(`  PARSE ERROR (file not scanned): ${display(error.file)}: ${error.message}`)
        ok = false
      }
    }
  }

  const issues = scans.flatMap((s) => s.issues)
  const report = {
    tool: `@doyensec/electronegativity ${require('@doyensec/electronegativity/package.json').version}`,
    electronVersion: version,
    excludedChecks: EXCLUDED_CHECKS,
    scans: scans.map((s) => ({
      input: display(s.input),
      files: s.files.map(display),
      parseErrors: s.errors.map((e) => ({ file: display(e.file), message: e.message, tolerable: e.tolerable })),
    })),
    findings: issues.map((issue) => ({
      id: issue.id,
      file: issue.file === 'N/A' ? null : display(issue.file),
      line: issue.location?.line ?? null,
      column: issue.location?.column ?? null,
      severity: issue.severity?.name,
      confidence: issue.confidence?.name,
      manualReview: Boolean(issue.manualReview),
      description: issue.description,
      sample: issue.sample ?? null,
    })),
  }
  mkdirSync(dirname(options.report), { recursive: true })
  writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`)

  const fileCount = scans.reduce((n, s) => n + s.files.length, 0)
  if (issues.length > 0) {
    console.log(`\n${issues.length} finding(s) in ${fileCount} scanned file(s):`)
    for (const issue of issues) console.log(formatIssue(issue))
    console.log('\nFix the code, or if a finding is a false positive, add an inline `// eng-disable CHECK_ID` on that line with a comment saying why.')
    ok = false
  } else {
    console.log(`no findings in ${fileCount} scanned file(s)`)
  }
  console.log(`report: ${display(options.report)}`)
  process.exit(ok ? 0 : 1)
}

main().catch((error) => {
  console.error(`electronegativity: ${error?.stack ?? error}`)
  process.exit(2)
})
