/**
 * Storage benchmark with the REAL storage code: notebooks of 100, 1,000 and 10,000
 * realistic articles (generated text whose sentences never repeat, lengths log-normal
 * around 800 words, see scripts/shared/realistic-text.ts; or with --real, real files of
 * this machine: man pages, Debian HTML documentation, PDFs), 10 highlights each,
 * measuring at each size:
 *   - open: NotebookSession.open + listArticles, in a fresh process (cold JIT, warm page cache)
 *   - highlight save p50/p99/max: createHighlight on random articles, to durable completion
 *   - peak RSS of that process (resourceUsage().maxRSS), the notebook's size on disk and
 *     catalog.json's bytes per article
 *
 *   npm run bench:storage
 *   npm run bench:storage -- --sizes 100,1000
 *   npm run bench:storage -- --real
 *   options: --saves 200  --warmup 10  --corpus DIR  --cache DIR  --regenerate
 *            --generator merge|api  --jobs 2
 *
 * Notebooks are generated once into a cache under os.tmpdir(), keyed by size and by a hash
 * of the storage code (src/main, src/core), this generator (bench-worker.ts, merge.ts) and
 * the article set, so a storage change regenerates them in the new layout. Each
 * measurement runs on a fresh copy (content-addressed files hard-linked, everything else
 * copied), in a fresh process.
 *
 * Generation ('merge', the default) imports batches of 20 articles as separate notebooks
 * through the session API (importContents + createHighlight), then merges them: JSON files
 * with the same path are combined by concatenating their record arrays, other files are
 * content-addressed and linked. That keeps generation linear even for a one-file layout,
 * where building 10,000 articles save by save would rewrite a growing file 110,000 times.
 * The merged notebook is then opened and checked with the real code; if that fails the
 * benchmark falls back to 'api': one notebook built save by save.
 *
 * Goals (PASS/FAIL is printed; the exit code does not depend on them): save p99 at 10,000
 * articles <= 1.5x the p99 at 100; save p50 <= 10 ms; open(10,000) < 1 s; catalog.json
 * < 3 KB per article. The last line is `RESULT save_p99_ratio_10000_vs_100 <ratio>` (`n/a`
 * if either size was not measured).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { GenerateJob, GenerateResult, MeasureJob, MeasureResult, VerifyJob } from './bench-worker'
import { describeSet, ensureArticleSet } from '../shared/article-set'
import { RealTextMissingError } from '../shared/man-pages'
import { diskUsage, freshCopy } from '../shared/notebook-files'
import { realFileSet } from '../shared/real-files'
import { runWorker as runScript, type WorkerRun } from '../shared/worker-run'
import { mergeBatches } from './merge'

/** Bump when generated notebooks change for reasons the storage hash does not see. */
const GENERATOR_VERSION = 2
const HIGHLIGHTS_PER_ARTICLE = 10
const BATCH_SIZE = 20

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/bench-storage
const root = resolve(here, '../../..')
const fontsDir = join(root, 'resources', 'fonts')
const workerScript = join(here, 'bench-worker.mjs')

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    saves: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '10' },
    corpus: { type: 'string' },
    cache: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    generator: { type: 'string', default: 'merge' },
    jobs: { type: 'string' },
    seed: { type: 'string', default: '1' },
    real: { type: 'boolean', default: false },
  },
})

const wholeNumber = (name: string, value: string, min = 1): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min) usage(`--${name} must be a whole number >= ${min}, got ${value}`)
  return n
}
function usage(message: string): never {
  console.error(`bench:storage: ${message}`)
  process.exit(2)
}
const SIZES = args.sizes.split(',').map((s) => wholeNumber('sizes', s.trim()))
const SAVES = wholeNumber('saves', args.saves)
const WARMUP = wholeNumber('warmup', args.warmup, 0)
const SEED = wholeNumber('seed', args.seed)
// At most 2 at once by default: the machines are shared.
const JOBS = args.jobs ? wholeNumber('jobs', args.jobs) : Math.max(1, Math.min(2, cpus().length))
const CORPUS_DIR = resolve(root, args.corpus ?? '../shared/corpus')
const CACHE_DIR = resolve(args.cache ?? join(tmpdir(), 'dossier-bench-cache'))
if (args.generator !== 'merge' && args.generator !== 'api') usage(`--generator must be merge or api, got ${args.generator}`)
const MODE = args.real ? 'real' : 'generated'

const runWorker = <T>(command: string, job: unknown, onProgress?: (n: number) => void): Promise<WorkerRun<T>> => runScript<T>(workerScript, command, job, onProgress)

/** The article files (in order; the first n make the notebook of size n) and what identifies them. */
interface Input {
  files: string[]
  key: string
}

// ---------------------------------------------------------------- generation and cache

/** Everything that decides what a generated notebook looks like on disk. */
function cacheKey(input: Input): string {
  const hash = createHash('sha256').update(`generator ${GENERATOR_VERSION} batch ${BATCH_SIZE} highlights ${HIGHLIGHTS_PER_ARTICLE} input ${input.key}\n`)
  const sources: string[] = [join(root, 'scripts/bench-storage/bench-worker.ts'), join(root, 'scripts/bench-storage/merge.ts')]
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'electron' && entry.name !== 'fixtures') collect(full)
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) sources.push(full)
    }
  }
  collect(join(root, 'src/main'))
  collect(join(root, 'src/core'))
  for (const file of sources.sort()) hash.update(relative(root, file)).update(readFileSync(file))
  return hash.digest('hex').slice(0, 12)
}

function formatSeconds(s: number): string {
  return s < 90 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

async function generate(size: number, dir: string, generator: 'merge' | 'api', input: Input): Promise<void> {
  const started = performance.now()
  const work = await mkdtemp(join(CACHE_DIR, `tmp-storage-${MODE}-n${size}-`))
  try {
    const batchSize = generator === 'merge' ? BATCH_SIZE : size
    const batches = Array.from({ length: Math.ceil(size / batchSize) }, (_, index) => ({ index, first: index * batchSize, count: Math.min(batchSize, size - index * batchSize) }))
    const jobs = generator === 'merge' ? Math.min(JOBS, batches.length) : 1
    let done = 0
    let reported = 0
    const progress = (n: number): void => {
      done += n
      if (done - reported >= Math.max(100, size / 10) || done === size) {
        reported = done
        const elapsed = (performance.now() - started) / 1000
        console.log(`    ${done}/${size} articles (${formatSeconds(elapsed)}${done < size ? `, ~${formatSeconds((elapsed / done) * (size - done))} left` : ''})`)
      }
    }
    const perJob = Array.from({ length: jobs }, (_, j) => batches.filter((_, i) => i % jobs === j))
    const made = await Promise.all(
      perJob.map((mine) =>
        runWorker<GenerateResult>('generate', { files: input.files, tolerant: args.real, fontsDir, root: join(work, 'batches'), batches: mine, highlightsPerArticle: HIGHLIGHTS_PER_ARTICLE } satisfies GenerateJob, progress),
      ),
    )
    const articles = made.reduce((n, m) => n + m.result.articles, 0)
    const highlights = made.reduce((n, m) => n + m.result.highlights, 0)
    const leftOut = made.flatMap((m) => m.result.leftOut)
    if (leftOut.length > 0) console.log(`    ${leftOut.length} files were not imported, e.g. ${leftOut.slice(0, 3).join('; ')}`)
    const notebook = join(work, 'notebook')
    if (generator === 'merge') {
      await mergeBatches(
        batches.map((b) => join(work, 'batches', `batch-${b.index}`)),
        notebook,
      )
    } else {
      await rename(join(work, 'batches', 'batch-0'), notebook)
    }
    await rm(join(work, 'batches'), { recursive: true, force: true })
    try {
      execFileSync('sync')
    } catch {
      // not fatal: the data is in the page cache either way
    }
    await runWorker('verify', { dir: notebook, fontsDir, articles, highlights } satisfies VerifyJob)
    const seconds = (performance.now() - started) / 1000
    await writeFile(join(work, 'info.json'), JSON.stringify({ size, articles, generator, seconds, createdAt: new Date().toISOString() }, null, 1))
    await rm(dir, { recursive: true, force: true })
    await rename(work, dir)
    console.log(`    generated in ${formatSeconds(seconds)} (${generator})`)
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }
}

async function ensureNotebook(size: number, input: Input): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true })
  const key = cacheKey(input)
  const prefix = `storage-${MODE}-n${size}-`
  const dir = join(CACHE_DIR, `${prefix}${key}`)
  for (const name of await readdir(CACHE_DIR)) {
    const stale = (name.startsWith(prefix) && name !== `${prefix}${key}`) || name.startsWith(`n${size}-`)
    const leftover = name.startsWith(`tmp-storage-${MODE}-n${size}-`)
    if (stale || leftover) {
      console.log(`  removing ${stale ? 'a cached notebook built by other storage code' : 'an unfinished generation'}: ${join(CACHE_DIR, name)}`)
      await rm(join(CACHE_DIR, name), { recursive: true, force: true })
    }
  }
  if (!args.regenerate && existsSync(join(dir, 'info.json'))) {
    const info = JSON.parse(await readFile(join(dir, 'info.json'), 'utf8')) as { generator: string; seconds: number; createdAt: string }
    console.log(`  using the cached notebook ${dir} (generated ${info.createdAt} in ${formatSeconds(info.seconds)}; --regenerate to rebuild)`)
    return join(dir, 'notebook')
  }
  console.log(`  generating ${size} ${args.real ? 'real files' : 'realistic articles'}, ${HIGHLIGHTS_PER_ARTICLE} highlights each, into ${dir}`)
  const mine = { files: input.files.slice(0, size), key: input.key }
  if (args.generator === 'merge') {
    try {
      await generate(size, dir, 'merge', mine)
      return join(dir, 'notebook')
    } catch (error) {
      console.log(`  the merged notebook did not check out (${(error as Error).message.split('\n')[0]}); building it save by save instead`)
    }
  }
  await generate(size, dir, 'api', mine)
  return join(dir, 'notebook')
}

// ---------------------------------------------------------------- measuring and reporting

interface Row {
  size: number
  openMs: number
  p50: number
  p99: number
  max: number
  readP50: number
  rssMB: number
  diskMB: number
  jsonMB: number
  largestJsonKB: number
  /** catalog.json's bytes per article (NaN without a catalog.json). */
  catalogPerArticle: number
}

/** Nearest-rank percentile. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

async function measureSize(size: number, input: Input): Promise<Row> {
  console.log(`\n${size} articles`)
  const cached = await ensureNotebook(size, input)
  const built = JSON.parse(await readFile(join(cached, '..', 'info.json'), 'utf8')) as { articles?: number }
  const work = await mkdtemp(join(tmpdir(), `dossier-bench-n${size}-`))
  try {
    const dir = join(work, 'notebook')
    await freshCopy(cached, dir)
    const usage = await diskUsage(dir)
    console.log(`  measuring on a fresh copy: open + list, then ${WARMUP} warm-up and ${SAVES} timed saves...`)
    const started = performance.now()
    let saved = 0
    const progress = (n: number): void => {
      saved += n
      const elapsed = (performance.now() - started) / 1000
      // Only worth a line when saves are slow (the one-file layout at 10,000 articles).
      if (elapsed > 20 && saved % 40 === 0) console.log(`    ${saved}/${WARMUP + SAVES} saves (${formatSeconds(elapsed)})`)
    }
    const { result } = await runWorker<MeasureResult>('measure', { dir, fontsDir, saves: SAVES, warmup: WARMUP, seed: SEED } satisfies MeasureJob, progress)
    const expected = built.articles ?? size
    if (result.articles !== expected) throw new Error(`the notebook lists ${result.articles} articles, expected ${expected}`)
    const row: Row = {
      size,
      openMs: result.openMs,
      p50: percentile(result.saveMs, 0.5),
      p99: percentile(result.saveMs, 0.99),
      max: Math.max(...result.saveMs),
      readP50: percentile(result.readMs, 0.5),
      rssMB: result.maxRssMB,
      diskMB: usage.allocated / 2 ** 20,
      jsonMB: usage.json / 2 ** 20,
      largestJsonKB: usage.largestJson / 1024,
      catalogPerArticle: existsSync(join(dir, 'catalog.json')) ? statSync(join(dir, 'catalog.json')).size / result.articles : Number.NaN,
    }
    console.log(`  open ${fmtMs(row.openMs)}, save p50 ${fmtMs(row.p50)} p99 ${fmtMs(row.p99)}, peak RSS ${row.rssMB.toFixed(0)} MB`)
    return row
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`
}

function table(rows: Row[]): string {
  const head = ['articles', 'open+list', 'save p50', 'save p99', 'save max', 'read p50', 'peak RSS', 'disk', 'JSON total', 'largest JSON', 'catalog/article']
  const body = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    fmtMs(r.openMs),
    fmtMs(r.p50),
    fmtMs(r.p99),
    fmtMs(r.max),
    fmtMs(r.readP50),
    `${r.rssMB.toFixed(0)} MB`,
    `${r.diskMB.toFixed(1)} MB`,
    `${r.jsonMB.toFixed(2)} MB`,
    r.largestJsonKB >= 1024 ? `${(r.largestJsonKB / 1024).toFixed(1)} MB` : `${r.largestJsonKB.toFixed(0)} KB`,
    Number.isNaN(r.catalogPerArticle) ? 'n/a' : `${(r.catalogPerArticle / 1024).toFixed(1)} KB`,
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padStart(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

async function main(): Promise<void> {
  const largest = Math.max(...SIZES)
  let input: Input
  if (args.real) {
    const set = await realFileSet(largest, { what: 'bench:storage --real', log: console.log })
    input = { files: set.files, key: set.key }
    console.log(`storage benchmark on real files: ${set.counts.txt} manual pages as text, ${set.counts.html} HTML pages, ${set.counts.pdf} PDFs`)
  } else {
    const set = await ensureArticleSet(largest, { what: 'bench:storage', seed: SEED, corpusDir: CORPUS_DIR, log: console.log })
    input = { files: set.articles.map((a) => join(set.dir, a.file)), key: set.contentKey }
    console.log(`storage benchmark on realistic articles (${set.dir}): ${describeSet(set.info)}`)
  }
  console.log(`sizes ${SIZES.join(', ')} (the first n files); ${SAVES} timed saves per size; cache ${CACHE_DIR}`)

  const rows: Row[] = []
  for (const size of SIZES) rows.push(await measureSize(size, input))

  console.log(`\nHighlight saves are timed to durable completion; open is NotebookSession.open + listArticles in a fresh process.\n`)
  console.log(table(rows))

  const bySize = new Map(rows.map((r) => [r.size, r]))
  const small = bySize.get(100)
  const large = bySize.get(10000)
  const ratio = small && large ? large.p99 / small.p99 : null
  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL')
  console.log('\nGoals')
  console.log(ratio === null ? '  save p99 at 10,000 / at 100 <= 1.5: n/a (needs sizes 100 and 10000)' : `  save p99 at 10,000 / at 100 <= 1.5: ${ratio.toFixed(2)}  ${verdict(ratio <= 1.5)}`)
  for (const r of rows) console.log(`  save p50 <= 10 ms at ${r.size.toLocaleString('en-US')}: ${fmtMs(r.p50)}  ${verdict(r.p50 <= 10)}`)
  console.log(large ? `  open 10,000 < 1 s: ${fmtMs(large.openMs)}  ${verdict(large.openMs < 1000)}` : '  open 10,000 < 1 s: n/a (size 10000 not measured)')
  for (const r of rows) {
    const kb = r.catalogPerArticle / 1024
    console.log(`  catalog.json < 3 KB per article at ${r.size.toLocaleString('en-US')}: ${Number.isNaN(kb) ? 'n/a (no catalog.json)' : `${kb.toFixed(1)} KB  ${verdict(kb < 3)}`}`)
  }
  console.log(`RESULT save_p99_ratio_10000_vs_100 ${ratio === null ? 'n/a' : ratio.toFixed(2)}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(error instanceof RealTextMissingError ? 2 : 1)
})
