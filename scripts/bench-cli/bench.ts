/**
 * CLI benchmark at a real size: a notebook of 10,000 realistic articles (generated text
 * whose sentences never repeat, lengths log-normal around 800 words, see
 * scripts/shared/realistic-text.ts) with ~2 highlights per article over twelve tags, and
 * the BUILT CLI (`node out/main/cli.js`) timed as whole processes, Node's start included:
 *
 *   dossier tags | list | show ID | search WORD (first run, then with the app's cache) |
 *   check | highlight ID --quote Q --tag T | import 20 more files (long ones, HTML, PDFs)
 *
 * each several times (min / median / max) with its peak RSS; catalog.json bytes per
 * article; and the app's open-to-listed (createMainService + the listArticles handler, in
 * a fresh process). The notebook is built through `dossier import` and the session API
 * and cached under os.tmpdir(), keyed by the code (see notebook.ts).
 *
 *   npm run bench:cli
 *   npm run bench:cli -- --articles 1000
 *   npm run bench:cli -- --real          real files: man pages, Debian HTML docs, PDFs
 *   options: --runs 5  --check-runs 2  --import-runs 3  --import-batch 500  --seed 1
 *            --cache DIR  --regenerate  --corpus DIR
 *            --only read,search,check,app,write,import,index   (measure only these parts)
 *
 * Goals at 10,000 articles (PASS/FAIL printed; the exit code does not depend on them):
 * tags and show <= 0.5 s; search (warm cache) and highlight <= 1 s; the app's open <= 1 s;
 * catalog.json < 3 KB per article; every CLI command's peak RSS <= 400 MB; importing the 20
 * files peaks <= 600 MB; building the search and mention indexes from nothing (the app's
 * open, with bench:search's gazetteer of 500 entities) <= 8 s, event-loop stalls <= 50 ms,
 * the process's peak RSS meanwhile <= 400 MB. RESULT lines: cli_tags_<N>_s, cli_show_<N>_s,
 * cli_search_<N>_s, cli_highlight_<N>_s, app_open_<N>_s, catalog_bytes_per_article,
 * cli_peak_rss_<N>_mb, import_peak_rss_<N>_mb, index_build_<N>_s, index_build_stall_<N>_ms,
 * main_rss_<N>_mb (prefixed real_ with --real).
 */
import { existsSync, statSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { describeSet, ensureArticleSet } from '../shared/article-set'
import { RealTextMissingError } from '../shared/man-pages'
import { diskUsage } from '../shared/notebook-files'
import { realFileSet } from '../shared/real-files'
import { runWorker } from '../shared/worker-run'
import { measureAll, type Row } from './measure'
import { ensureNotebook } from './notebook'
import type { Picks } from './worker'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/bench-cli
const root = resolve(here, '../../..')
const fontsDir = join(root, 'resources', 'fonts')
const cli = join(root, 'out', 'main', 'cli.js')
const worker = join(here, 'worker.mjs')

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    real: { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    'check-runs': { type: 'string', default: '2' },
    'import-runs': { type: 'string', default: '3' },
    'import-batch': { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    cache: { type: 'string' },
    corpus: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
})
function whole(name: string, min = 1): number {
  const value = (args as Record<string, unknown>)[name] as string
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) {
    console.error(`bench:cli: --${name} must be a whole number >= ${min}, got ${value}`)
    process.exit(2)
  }
  return n
}
const SIZE = whole('articles', 10)
const RUNS = whole('runs')
const SEED = whole('seed')
const CACHE_DIR = resolve(args.cache ?? join(tmpdir(), 'dossier-bench-cache'))
const CORPUS_DIR = resolve(root, args.corpus ?? '../shared/corpus')
const MODE = args.real ? 'real' : 'generated'
const PARTS = ['read', 'search', 'check', 'app', 'write', 'import', 'index']
const ONLY = args.only ? new Set(args.only.split(',').map((p) => p.trim())) : null
for (const part of ONLY ?? []) {
  if (!PARTS.includes(part)) {
    console.error(`bench:cli: --only takes ${PARTS.join(', ')}; got ${part}`)
    process.exit(2)
  }
}
const log = (line: string): void => console.log(line)

const fmtS = (s: number): string => (Number.isNaN(s) ? 'n/a' : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`)
const fmtMB = (mb: number): string => (Number.isNaN(mb) ? 'n/a' : `${mb.toFixed(0)} MB`)

function table(rows: Row[]): string {
  const head = ['command', 'runs', 'min', 'median', 'max', 'peak RSS', '']
  const body = rows.map((r) => [r.command, String(r.wall.n), fmtS(r.wall.min), fmtS(r.wall.median), fmtS(r.wall.max), fmtMB(r.rss.max), r.note ?? ''])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 6 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

async function main(): Promise<void> {
  if (!existsSync(cli)) {
    console.error(`bench:cli measures the built CLI, and ${cli} is missing: run \`npx electron-vite build\` first (npm run bench:cli does).`)
    process.exit(2)
  }
  const started = performance.now()
  console.log(`bench:cli: ${SIZE.toLocaleString('en-US')} articles of ${args.real ? 'real files' : 'realistic generated text'}; ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(2)}`)

  let files: string[]
  let extra: string[]
  let inputKey: string
  if (args.real) {
    const set = await realFileSet(SIZE, { what: 'bench:cli --real', log })
    ;({ files, extra, key: inputKey } = set)
    console.log(`  real files: ${set.counts.txt} manual pages as text, ${set.counts.html} HTML pages, ${set.counts.pdf} PDFs; ${extra.length} more to import`)
  } else {
    const set = await ensureArticleSet(SIZE, { what: 'bench:cli', seed: SEED, corpusDir: CORPUS_DIR, log })
    files = set.articles.map((a) => join(set.dir, a.file))
    extra = set.extra
    inputKey = set.contentKey
    console.log(`  article set ${set.dir} (content ${set.contentKey}, generated in ${set.info.seconds.toFixed(0)} s): ${describeSet(set.info)}`)
  }

  const { dir: cached, info } = await ensureNotebook({
    mode: MODE,
    files,
    inputKey,
    cacheDir: CACHE_DIR,
    cli,
    worker,
    fontsDir,
    seed: SEED,
    importBatch: whole('import-batch'),
    regenerate: args.regenerate,
    log,
  })
  const usage = await diskUsage(cached)
  const articles = info.articles
  const catalogBytes = existsSync(join(cached, 'catalog.json')) ? statSync(join(cached, 'catalog.json')).size : Number.NaN
  console.log(`\nnotebook: ${articles.toLocaleString('en-US')} articles, ${info.highlights.toLocaleString('en-US')} highlights, ${info.tags} tags; ${(usage.allocated / 2 ** 20).toFixed(0)} MB on disk in ${usage.files.toLocaleString('en-US')} files`)
  const entries = [...usage.byEntry].sort((a, b) => b[1] - a[1])
  console.log(`  bytes per article: ${entries.map(([name, bytes]) => `${name} ${(bytes / articles).toFixed(0)}`).join(', ')}`)

  const work = await mkdtemp(join(tmpdir(), 'dossier-bench-cli-'))
  try {
    const { result: picks } = await runWorker<Picks>(worker, 'pick', { dir: cached, fontsDir, seed: SEED, count: RUNS + 3 })
    const { rows, appOpen, appOpenRss, indexBuild } = await measureAll(
      { cli, worker, fontsDir, seed: SEED, cached, work, runs: RUNS, checkRuns: whole('check-runs'), importRuns: whole('import-runs'), extra, only: ONLY, log },
      picks,
    )
    rows.push({ name: 'app-open', command: "app open-to-listed (in process)", wall: appOpen, rss: appOpenRss })

    console.log(`\n${SIZE.toLocaleString('en-US')} ${args.real ? 'real files' : 'realistic articles'} (${articles.toLocaleString('en-US')} imported), whole-process wall time and peak RSS:\n`)
    console.log(table(rows))

    const byName = new Map(rows.map((r) => [r.name, r]))
    const median = (name: string): number => byName.get(name)?.wall.median ?? Number.NaN
    const cliRows = rows.filter((r) => r.name !== 'app-open' && r.name !== 'import')
    const cliPeak = Math.max(...cliRows.map((r) => r.rss.max))
    const importPeak = byName.get('import')?.rss.max ?? Number.NaN
    const perArticle = catalogBytes / articles
    const p = args.real ? 'real_' : ''
    const results: [string, number, number, string, (v: number) => string][] = [
      [`${p}cli_tags_${SIZE}_s`, median('tags'), 0.5, '<=', (v) => v.toFixed(2)],
      [`${p}cli_show_${SIZE}_s`, median('show'), 0.5, '<=', (v) => v.toFixed(2)],
      [`${p}cli_search_${SIZE}_s`, median('search'), 1, '<=', (v) => v.toFixed(2)],
      [`${p}cli_highlight_${SIZE}_s`, median('highlight'), 1, '<=', (v) => v.toFixed(2)],
      [`${p}app_open_${SIZE}_s`, appOpen.median, 1, '<=', (v) => v.toFixed(2)],
      [`${p}catalog_bytes_per_article`, perArticle, 3072, '<', (v) => v.toFixed(0)],
      [`${p}cli_peak_rss_${SIZE}_mb`, cliPeak, 400, '<=', (v) => v.toFixed(0)],
      [`${p}import_peak_rss_${SIZE}_mb`, importPeak, 600, '<=', (v) => v.toFixed(0)],
      [`${p}index_build_${SIZE}_s`, indexBuild?.buildS ?? Number.NaN, 8, '<=', (v) => v.toFixed(2)],
      [`${p}index_build_stall_${SIZE}_ms`, indexBuild?.maxStallMs ?? Number.NaN, 50, '<=', (v) => v.toFixed(0)],
      [`${p}main_rss_${SIZE}_mb`, indexBuild?.peakRssMB ?? Number.NaN, 400, '<=', (v) => v.toFixed(0)],
    ]
    console.log(`\nGoals (at 10,000 articles; medians of whole-process wall time; peak RSS the largest of the runs)`)
    console.log(`  other figures: list ${fmtS(median('list'))}, check ${fmtS(median('check'))}, search first run ${fmtS(median('search-cold'))}, import of ${extra.length} files ${fmtS(median('import'))}`)
    if (Number.isNaN(catalogBytes)) console.log('  there is no catalog.json: the layout changed; see the bytes per article above')
    for (const [name, value, goal, op, show] of results) {
      const pass = !Number.isNaN(value) && (op === '<' ? value < goal : value <= goal)
      console.log(`RESULT ${name} ${Number.isNaN(value) ? 'n/a' : show(value)} ${pass ? 'PASS' : 'FAIL'} (goal ${op} ${goal}${Number.isNaN(value) ? '; not measured, or the command died' : ''})`)
    }
    console.log(`\ntotal bench time ${fmtS((performance.now() - started) / 1000)}; load average at the end ${loadavg()[0]!.toFixed(2)}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  if (error instanceof RealTextMissingError) {
    console.error(error.message)
    process.exit(2)
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
