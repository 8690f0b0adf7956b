/**
 * bench:cli's measurements: each CLI command as a whole process (`node out/main/cli.js`),
 * run several times on a working copy of the cached notebook, with its wall time and peak
 * RSS; the app's open-to-listed in a fresh process; importing 20 more files.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { freshCopy } from '../shared/notebook-files'
import { type ProcessRun, spread, type Spread, timeProcess } from '../shared/process-timing'
import { foldText, STOP_WORDS } from '../../src/core/search'
import type { AppOpenResult, Picks, SearchWarmResult } from './worker'
import type { GazetteerResult, IndexBuildResult } from './index-build'
import { runWorker } from '../shared/worker-run'
import { SEARCH_DIR } from '../../src/main/search/index-files'
import { MENTIONS_FILE } from '../../src/main/storage/layout'

export interface Row {
  name: string
  /** What was run, for the table. */
  command: string
  wall: Spread
  rss: Spread
  note?: string
}

export interface MeasureContext {
  cli: string
  worker: string
  fontsDir: string
  seed: number
  /** The cached notebook (never changed). */
  cached: string
  work: string
  runs: number
  checkRuns: number
  importRuns: number
  extra: readonly string[]
  /** Which parts to measure: read, search, check, app, write, import (all by default). */
  only: ReadonlySet<string> | null
  log: (line: string) => void
}

const fmtS = (s: number): string => (Number.isNaN(s) ? 'n/a' : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`)

/** Runs the CLI with `args` on `notebook`; a command that fails stops the benchmark (its figures would mean nothing). */
async function cli(ctx: MeasureContext, notebook: string, args: string[], allow: 'ok' | 'exit1' | 'any' = 'ok'): Promise<ProcessRun> {
  const run = await timeProcess([ctx.cli, '--notebook', notebook, ...args])
  if (run.code !== 0 && allow !== 'any' && !(allow === 'exit1' && run.code === 1)) throw new Error(`dossier ${args.join(' ').slice(0, 200)} exited ${run.code}: ${run.stderr.trim().slice(-1500)}`)
  return run
}

async function series(ctx: MeasureContext, name: string, command: string, runs: number, once: (i: number) => Promise<ProcessRun>, warmup = true): Promise<Row> {
  if (warmup) await once(-1)
  const results: ProcessRun[] = []
  for (let i = 0; i < runs; i++) results.push(await once(i))
  const row = { name, command, wall: spread(results.map((r) => r.wallS)), rss: spread(results.map((r) => r.maxRssMB)) }
  ctx.log(`  ${command.padEnd(44)} median ${fmtS(row.wall.median)} (${fmtS(row.wall.min)}–${fmtS(row.wall.max)}), peak RSS ${row.rss.max.toFixed(0)} MB`)
  return row
}

async function copyOf(ctx: MeasureContext, label: string): Promise<string> {
  const dir = await mkdtemp(join(ctx.work, `${label}-`))
  await freshCopy(ctx.cached, join(dir, 'notebook'))
  return join(dir, 'notebook')
}

/** Every measurement; rows in the order of the table. */
export async function measureAll(ctx: MeasureContext, drawn: Picks): Promise<{ rows: Row[]; appOpen: Spread; appOpenRss: Spread; indexBuild: IndexBuildResult | null }> {
  // Common words are refused by search ("too common to search for"): a user would not type them alone.
  const searchable = drawn.search.filter((w) => !STOP_WORDS.has(foldText(w)))
  const picks = { ...drawn, search: searchable.length > 0 ? searchable : drawn.search }
  const rows: Row[] = []
  const wanted = (part: string): boolean => ctx.only === null || ctx.only.has(part)
  const nb = await copyOf(ctx, 'read')
  const pick = <T>(xs: readonly T[], i: number): T => xs[(i + xs.length) % xs.length]!
  ctx.log(`\nread-only commands (${ctx.runs} runs each after a warm-up run, on a working copy):`)
  rows.push({ ...(await series(ctx, 'version', 'dossier --version', ctx.runs, () => cli(ctx, nb, ['--version']))), note: 'Node start + loading the CLI: the floor' })
  if (wanted('read')) {
    rows.push(await series(ctx, 'tags', 'dossier tags', ctx.runs, () => cli(ctx, nb, ['tags'])))
    rows.push(await series(ctx, 'list', 'dossier list', ctx.runs, () => cli(ctx, nb, ['list'])))
    rows.push(await series(ctx, 'show', 'dossier show ID', ctx.runs, (i) => cli(ctx, nb, ['show', pick(picks.show, i)])))
  }
  if (wanted('search')) await measureSearch(ctx, nb, picks, rows)
  if (wanted('check')) rows.push(await series(ctx, 'check', 'dossier check', ctx.checkRuns, () => cli(ctx, nb, ['check'], 'exit1'), false))
  const app = wanted('app') ? await measureAppOpen(ctx, nb) : { appOpen: spread([]), appOpenRss: spread([]) }
  if (wanted('write')) await measureWrites(ctx, nb, picks, rows)
  await rm(join(nb, '..'), { recursive: true, force: true })
  if (wanted('import')) rows.push(await measureImport(ctx))
  const indexBuild = wanted('index') ? await measureIndexBuild(ctx, picks.search[0]!) : null
  return { rows, ...app, indexBuild }
}

async function measureSearch(ctx: MeasureContext, nb: string, picks: Picks, rows: Row[]): Promise<void> {
  const pick = <T>(xs: readonly T[], i: number): T => xs[(i + xs.length) % xs.length]!

  const hadIndex = existsSync(join(nb, SEARCH_DIR, 'head.json'))
  rows.push({ ...(await series(ctx, 'search-cold', 'dossier search WORD (first run)', 1, () => cli(ctx, nb, ['search', pick(picks.search, 0)]), false)), note: hadIndex ? 'the saved search index existed' : 'no saved search index yet' })
  // What the app does whenever it searches: open for writing, search, close (writes the cache).
  const { result: warmed } = await runWorker<SearchWarmResult>(ctx.worker, 'search-warm', { dir: nb, fontsDir: ctx.fontsDir, seed: ctx.seed, query: pick(picks.search, 1) })
  const searchCache = `the app's session searched once in ${fmtS(warmed.seconds)}, then ${existsSync(join(nb, SEARCH_DIR, 'head.json')) ? `${SEARCH_DIR}/ holds the saved index` : 'there is still no saved search index'}`
  ctx.log(`  (${searchCache})`)
  rows.push(await series(ctx, 'search', 'dossier search WORD (warm cache)', ctx.runs, (i) => cli(ctx, nb, ['search', pick(picks.search, i + 2)])))
}

async function measureAppOpen(ctx: MeasureContext, nb: string): Promise<{ appOpen: Spread; appOpenRss: Spread }> {
  ctx.log(`\nthe app's open-to-listed (createMainService + listArticles handler, fresh process, ${ctx.runs} runs):`)
  const opens: AppOpenResult[] = []
  const openRss: number[] = []
  for (let i = -1; i < ctx.runs; i++) {
    const run = await timeProcess([ctx.worker, 'app-open', JSON.stringify({ dir: nb, fontsDir: ctx.fontsDir, seed: ctx.seed })], { keepStdout: true })
    const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '))
    if (run.code !== 0 || !line) throw new Error(`app-open failed (exit ${run.code}): ${run.stderr.trim().slice(-1500)}`)
    if (i >= 0) {
      opens.push(JSON.parse(line.slice(7)) as AppOpenResult)
      openRss.push(run.maxRssMB)
    }
  }
  const appOpen = spread(opens.map((o) => o.openS))
  const appOpenRss = spread(openRss)
  ctx.log(`  open + list ${opens[0]?.articles ?? 0} articles: median ${fmtS(appOpen.median)} (${fmtS(appOpen.min)}–${fmtS(appOpen.max)}); process peak RSS ${appOpenRss.max.toFixed(0)} MB`)
  return { appOpen, appOpenRss }
}

async function measureWrites(ctx: MeasureContext, nb: string, picks: Picks, rows: Row[]): Promise<void> {

  ctx.log(`\nwriting commands (on the same copy; the first writing command makes the daily backup if one is due):`)
  const first = await cli(ctx, nb, ['highlight', picks.highlight[0]!.id, `--quote=${picks.highlight[0]!.quote}`, '--tag', picks.highlight[0]!.tag])
  ctx.log(`  first writing command: dossier highlight ${fmtS(first.wallS)}, peak RSS ${first.maxRssMB.toFixed(0)} MB`)
  rows.push(
    await series(ctx, 'highlight', 'dossier highlight ID --quote Q --tag T', ctx.runs, (i) => {
      const h = picks.highlight[i + 2]!
      return cli(ctx, nb, ['highlight', h.id, `--quote=${h.quote}`, '--tag', h.tag])
    }),
  )
}

async function measureImport(ctx: MeasureContext): Promise<Row> {
  ctx.log(`\nimporting ${ctx.extra.length} more files into a fresh copy (${ctx.importRuns} runs; \`dossier backup\` first, so no daily backup is due during the import):`)
  const imports: ProcessRun[] = []
  let importFailure: string | null = null
  for (let i = 0; i < ctx.importRuns; i++) {
    const copy = await copyOf(ctx, 'import')
    await cli(ctx, copy, ['backup'])
    // An import that fails (nothing imported, or the process dies: out of memory) is measured and reported, not fatal.
    const run = await cli(ctx, copy, ['import', ...ctx.extra], 'any')
    imports.push(run)
    if (run.code !== 0) {
      importFailure = /heap out of memory/.test(run.stderr) ? 'JavaScript heap out of memory (the process died; its peak RSS is not known)' : (run.stderr.trim().split('\n').pop() ?? `exit ${run.code}`)
    }
    ctx.log(`    run ${i + 1}: ${fmtS(run.wallS)}, peak RSS ${run.maxRssMB.toFixed(0)} MB${run.code !== 0 ? `, FAILED: ${importFailure}` : ''}`)
    await rm(join(copy, '..'), { recursive: true, force: true })
  }
  const importRow: Row = {
    name: 'import',
    command: `dossier import (${ctx.extra.length} files)`,
    wall: spread(imports.map((r) => r.wallS)),
    rss: spread(imports.map((r) => r.maxRssMB)),
    ...(importFailure ? { note: `FAILED: ${importFailure.slice(0, 80)}` } : {}),
  }
  return importRow
}

/** Building the search and mention indexes from nothing, as the app does on open (./index-build.ts); one run. */
async function measureIndexBuild(ctx: MeasureContext, query: string): Promise<IndexBuildResult> {
  const nb = await copyOf(ctx, 'index')
  const { result: gaz } = await runWorker<GazetteerResult>(ctx.worker, 'gazetteer', { dir: nb, fontsDir: ctx.fontsDir })
  await rm(join(nb, SEARCH_DIR), { recursive: true, force: true })
  await rm(join(nb, MENTIONS_FILE), { force: true })
  ctx.log(`\nbuilding the search and mention indexes from nothing (the app's open, a gazetteer of ${gaz.entities} entities and ${gaz.aliases} aliases; load ${loadavg()[0]!.toFixed(2)}):`)
  const run = await timeProcess([ctx.worker, 'index-build', JSON.stringify({ dir: nb, fontsDir: ctx.fontsDir, query })], { keepStdout: true })
  const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (run.code !== 0 || !line) throw new Error(`index-build failed (exit ${run.code}): ${run.stderr.trim().slice(-1500)}`)
  const r = JSON.parse(line.slice(7)) as IndexBuildResult
  ctx.log(`  open ${fmtS(r.openS)}, then both indexes ready in ${fmtS(r.buildS)} (search ${fmtS(r.searchS)}, mentions ${fmtS(r.mentionsS)}: ${r.mentions.toLocaleString('en-US')} mentions; ${r.cpuS.toFixed(1)} s of CPU)${r.offThread ? ', in worker threads' : ', IN THE MAIN THREAD (no built index worker)'}`)
  ctx.log(`  main event loop: longest stall ${r.maxStallMs.toFixed(0)} ms, p99 ${r.p99StallMs.toFixed(0)} ms; process peak RSS ${r.peakRssMB.toFixed(0)} MB while building, ${run.maxRssMB.toFixed(0)} MB over the whole process; load ${loadavg()[0]!.toFixed(2)}`)
  await rm(join(nb, '..'), { recursive: true, force: true })
  return r
}
