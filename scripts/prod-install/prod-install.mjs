#!/usr/bin/env node
// The production-only suite: "the shipped app is the tested app" (issue 11).
//
//   npm run test:prod-install              (after `npm run build`; builds the fixture maker first)
//   node scripts/prod-install/prod-install.mjs [--keep] [--report FILE]
//
// electron-builder packs out/ plus the production dependencies only. This suite makes the
// same kind of tree and runs the built app code there:
//  1. copies package.json, package-lock.json, out/ (not out/scripts), bin/ and resources/
//     to a fresh folder under the system temp dir, and installs production dependencies
//     only (`npm ci --omit=dev --ignore-scripts --prefer-offline`: from npm's cache when it
//     holds them, as it does after the project's own npm ci);
//  2. static: every package that out/main and out/preload load at run time (imports,
//     import(), require, createRequire(…)(…)) must be declared in `dependencies` AND resolve
//     inside the copy with Node's own resolver; `electron` alone is exempt (the runtime
//     provides it). A load with a computed name fails too: it cannot be checked;
//  3. through the CLI in the copy (`node bin/dossier.js`): imports one .txt, .md, .html,
//     .pdf and .docx file, highlights a sentence of each (which proves the sentence is in
//     the stored text), then exports PDF, Markdown, CSV and W3C, and reads each file back
//     (the PDF with pdftotext where poppler-utils is installed).
// One check per package, per format imported and per format exported; the report goes to
// reports/prod-install.json and run-tests counts it. Exit 1 if any check failed.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { checkExport, EXPORT_CHECKS } from './export-checks.mjs'
import { declaredIn, EXEMPT_PACKAGES, findRuntimeImports, packageOf } from './runtime-imports.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: args } = parseArgs({ options: { keep: { type: 'boolean', default: false }, report: { type: 'string', default: join(root, 'reports', 'prod-install.json') } } })
const started = performance.now()
/** @type {{ name: string, status: 'passed' | 'failed' | 'skipped', detail: string }[]} */
const checks = []
const timings = {}
const check = (name, status, detail = '') => {
  checks.push({ name, status, detail })
  console.log(`${status === 'passed' ? 'ok  ' : status === 'failed' ? 'FAIL' : 'skip'}  ${name}${detail ? `: ${detail}` : ''}`)
}
const timed = async (label, fn) => {
  const t = performance.now()
  try {
    return await fn()
  } finally {
    timings[label] = Math.round(performance.now() - t)
  }
}

/** Runs a command; resolves with its exit code and output (never rejects). */
function run(command, argv, options = {}) {
  return new Promise((done) => {
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', (error) => done({ code: null, stdout, stderr: `${stderr}${error.message}` }))
    child.on('close', (code) => done({ code, stdout, stderr }))
  })
}
const firstLine = (text) => text.trim().split('\n').find(Boolean) ?? ''

function listFiles(dir, pattern) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && pattern.test(e.name))
    .map((e) => join(e.parentPath, e.name))
}

/** A node_modules folder above the copy would let Node resolve from outside it and hide a missing package. */
function nodeModulesAbove(dir) {
  for (let d = dirname(dir); ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return join(d, 'node_modules')
    if (dirname(d) === d) return null
  }
}

async function main() {
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first')
  const { writeFixtures } = await import(pathToFileURL(join(root, 'out', 'scripts', 'prod-install', 'fixtures.mjs')).href).catch(() => {
    throw new Error('out/scripts/prod-install/fixtures.mjs is missing: run `npm run test:prod-install` (it builds it)')
  })
  const work = mkdtempSync(join(tmpdir(), 'dossier-prod-install-'))
  const copy = join(work, 'app')
  const above = nodeModulesAbove(copy)
  if (above) throw new Error(`${above} exists above the copy, so packages could resolve from outside it; set TMPDIR to another folder`)
  // Nothing from outside the copy may supply a package: no NODE_PATH, a HOME without ~/.node_modules.
  const env = { ...process.env, HOME: work, USERPROFILE: work, NODE_OPTIONS: '' }
  delete env.NODE_PATH
  delete env.DOSSIER_NOTEBOOK
  try {
    await timed('copyMs', () => {
      mkdirSync(copy)
      for (const f of ['package.json', 'package-lock.json']) cpSync(join(root, f), join(copy, f))
      for (const d of ['bin', 'resources']) cpSync(join(root, d), join(copy, d), { recursive: true })
      cpSync(join(root, 'out'), join(copy, 'out'), { recursive: true, filter: (src) => relative(join(root, 'out'), src).split(sep)[0] !== 'scripts' })
    })
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const install = await timed('installMs', () =>
      // npm keeps the real HOME: its cache is there.
      run(npm, ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: copy, shell: process.platform === 'win32' }),
    )
    const hidden = join(copy, 'node_modules', '.package-lock.json')
    const devInstalled = existsSync(hidden) ? Object.entries(JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {}).filter(([, p]) => p.dev).map(([k]) => k) : []
    if (install.code !== 0) check('production-only install (npm ci --omit=dev)', 'failed', firstLine(install.stderr) || `exit ${install.code}`)
    else if (!existsSync(hidden) || devInstalled.length > 0 || existsSync(join(copy, 'node_modules', 'electron'))) check('production-only install (npm ci --omit=dev)', 'failed', `dev packages were installed: ${devInstalled.slice(0, 5).join(', ') || 'electron'}`)
    else check('production-only install (npm ci --omit=dev)', 'passed', `${Object.keys(JSON.parse(readFileSync(hidden, 'utf8')).packages ?? {}).length} packages, no dev package`)
    if (install.code !== 0) return

    await timed('staticMs', () => checkRuntimeImports(copy, env))
    const fixturesDir = join(work, 'fixtures')
    mkdirSync(fixturesDir)
    await timed('cliMs', async () => checkCli(copy, env, await writeFixtures(fixturesDir)))
  } finally {
    if (args.keep) console.log(`kept: ${work}`)
    else rmSync(work, { recursive: true, force: true })
  }
}

/** Step 2: what the built code loads must ship (be in dependencies) and be there (resolve in the copy). */
async function checkRuntimeImports(copy, env) {
  const { parseAst } = await import('vite')
  const packageJson = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'))
  // What the app and the CLI run. bin/dossier.js is left out: it only imports node: built-ins
  // and out/main/cli.js (by a computed file URL, which this scan could not follow anyway).
  const files = [join('out', 'main'), join('out', 'preload')].flatMap((dir) => listFiles(join(copy, dir), /\.(m?js|cjs)$/))
  /** @type {Map<string, { file: string, specifier: string, kind: string, line: number }[]>} */
  const byPackage = new Map()
  for (const file of files) {
    const { imports, dynamic } = findRuntimeImports(readFileSync(file, 'utf8'), parseAst)
    for (const d of dynamic) check(`runtime load at ${relative(copy, file)}:${d.line}`, 'failed', `computed ${d.kind} cannot be checked statically: ${d.source}`)
    for (const i of imports) {
      const name = packageOf(i.specifier)
      if (name === null) continue
      if (!byPackage.has(name)) byPackage.set(name, [])
      byPackage.get(name).push({ ...i, file })
    }
  }
  if (byPackage.size === 0) return check('runtime imports found in out/main and out/preload', 'failed', `none in ${files.length} file(s): the scan is not working`)
  const resolved = await resolveInCopy([...byPackage.values()].flat(), env)
  for (const [name, uses] of [...byPackage].sort(([a], [b]) => a.localeCompare(b))) {
    const where = uses.map((u) => `${relative(copy, u.file)}:${u.line} (${u.kind} '${u.specifier}')`)
    if (EXEMPT_PACKAGES.has(name)) {
      console.log(`      ${name}: exempt, ${EXEMPT_PACKAGES.get(name)}`)
      continue
    }
    const problems = []
    const declared = declaredIn(name, packageJson)
    if (declared !== 'dependencies') problems.push(declared ? `declared in ${declared}, which the packaged app does not get` : 'not declared in package.json')
    const failed = uses.filter((u) => !resolved.get(`${u.file}\0${u.kind}\0${u.specifier}`)?.ok)
    if (failed.length > 0) problems.push(`does not resolve in the production-only install (${failed.map((u) => `'${u.specifier}': ${resolved.get(`${u.file}\0${u.kind}\0${u.specifier}`)?.error}`).join('; ')})`)
    check(`runtime import '${name}' ships with the app`, problems.length ? 'failed' : 'passed', problems.length ? `${problems.join('; ')}; loaded at ${where.join(', ')}` : `${uses.length} use(s)`)
  }
}

/** Resolves each use with Node itself, from a probe module in the same folder as the file that loads it. */
async function resolveInCopy(uses, env) {
  const results = new Map()
  const byDir = new Map()
  for (const use of uses) byDir.set(dirname(use.file), [...(byDir.get(dirname(use.file)) ?? []), use])
  for (const [dir, list] of byDir) {
    const probe = join(dir, '.prod-install-resolve-probe.mjs')
    writeFileSync(
      probe,
      `import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
const out = JSON.parse(process.argv[2]).map(({ kind, specifier }) => {
  try { return { ok: true, path: kind === 'import' ? import.meta.resolve(specifier) : require.resolve(specifier) } }
  catch (e) { return { ok: false, error: e.code ?? e.message } }
})
process.stdout.write(JSON.stringify(out))
`,
    )
    const { code, stdout, stderr } = await run(process.execPath, [probe, JSON.stringify(list.map(({ kind, specifier }) => ({ kind, specifier })))], { cwd: dir, env })
    rmSync(probe)
    const answers = code === 0 ? JSON.parse(stdout) : list.map(() => ({ ok: false, error: `resolve probe failed: ${firstLine(stderr)}` }))
    list.forEach((u, i) => results.set(`${u.file}\0${u.kind}\0${u.specifier}`, answers[i]))
  }
  return results
}

/** Step 3: the CLI in the copy imports every format and exports every format. */
async function checkCli(copy, env, fixtures) {
  const notebook = join(dirname(copy), 'notebook')
  const cli = (...argv) => run(process.execPath, [join(copy, 'bin', 'dossier.js'), '--notebook', notebook, '--json', ...argv], { cwd: dirname(copy), env })
  const itemsOf = (result) => {
    try {
      const { items } = JSON.parse(result.stdout)
      return Array.isArray(items) ? items : null // { ok: false, error }: the command itself failed
    } catch {
      return null
    }
  }
  // All five in one batch, as a user imports a folder. If the batch itself dies, import
  // each file alone, so one format's failure does not hide how the others fare.
  const batch = await cli('import', ...fixtures.map((f) => f.file))
  const batchItems = itemsOf(batch)
  const highlighted = []
  for (const fixture of fixtures) {
    const name = `import .${fixture.format} through the CLI`
    const imported = batchItems ? batch : await cli('import', fixture.file)
    const item = (batchItems ?? itemsOf(imported))?.find((i) => i.source === fixture.file)
    if (!item) {
      check(name, 'failed', `exit ${imported.code}: ${firstLine(imported.stderr)}`)
      continue
    }
    if (item.status !== 'imported') {
      check(name, 'failed', `${item.status}: ${item.error?.message ?? ''}`)
      continue
    }
    // The quote must be in the stored text, or the CLI refuses it (quote-not-found).
    const highlight = await cli('highlight', item.articleId, '--quote', fixture.marker, '--tag', 'Bases')
    if (highlight.code !== 0) {
      check(name, 'failed', `imported as "${item.title}", but highlighting its sentence failed: ${firstLine(highlight.stderr)}`)
      continue
    }
    check(name, 'passed', `"${item.title}", sentence found and highlighted`)
    highlighted.push(fixture.marker)
  }
  if (highlighted.length === 0) {
    for (const format of Object.keys(EXPORT_CHECKS)) check(`export ${format} through the CLI`, 'failed', 'nothing was imported, so there is nothing to export')
    return
  }
  // Exports only read the notebook, so they run side by side.
  await Promise.all(
    Object.keys(EXPORT_CHECKS).map(async (format) => {
      const out = join(dirname(copy), `briefing-${format}.${format === 'w3c' ? 'jsonld' : format}`)
      const exported = await cli('export', '--format', format, '--out', out, '--tag', 'Bases', '--title', 'Production-only check')
      const name = `export ${format} through the CLI`
      if (exported.code !== 0) return check(name, 'failed', `exit ${exported.code}: ${firstLine(exported.stderr)}`)
      const result = JSON.parse(exported.stdout)
      const verdict = await checkExport(format, result.path, highlighted, result.passageCount)
      check(name, verdict.status, verdict.detail)
    }),
  )
}

function finish(error) {
  if (error) check('production-only suite', 'failed', error.message)
  const count = (status) => checks.filter((c) => c.status === status).length
  timings.totalMs = Math.round(performance.now() - started)
  mkdirSync(dirname(args.report), { recursive: true })
  writeFileSync(args.report, `${JSON.stringify({ suite: 'prod-install', timings, checks }, null, 2)}\n`)
  console.log(`\ntimings: ${Object.entries(timings).map(([k, v]) => `${k.replace(/Ms$/, '')} ${(v / 1000).toFixed(1)} s`).join(', ')}`)
  console.log(`report: ${relative(root, args.report)}`)
  console.log(`prod-install: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`)
  process.exitCode = count('failed') > 0 ? 1 : 0
}

main().then(() => finish(), finish)
