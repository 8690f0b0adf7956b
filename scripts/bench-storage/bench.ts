/**
 * Storage benchmark with the REAL storage code: notebooks of 100, 1,000 and 10,000
 * articles (~5,000 words of real prose each, drawn from ../shared/corpus; ~10 highlights
 * each), measuring at each size:
 *   - open: NotebookSession.open + listArticles, in a fresh process (cold JIT, warm page cache)
 *   - highlight save p50/p99/max: createHighlight on random articles, to durable completion
 *   - peak RSS of that process (resourceUsage().maxRSS) and the notebook's size on disk
 *
 *   npm run bench:storage
 *   npm run bench:storage -- --sizes 100,1000
 *   options: --saves 200  --warmup 10  --corpus DIR  --cache DIR  --regenerate
 *            --generator merge|api  --jobs 2
 *
 * Notebooks are generated once into a cache under os.tmpdir(), keyed by size and by a hash
 * of the storage code (src/main/storage, notebook-session.ts, src/core), the generator
 * (corpus.ts, bench-worker.ts) and the corpus, so a storage change regenerates them in the
 * new layout. Each measurement runs on a fresh copy (content-addressed files hard-linked,
 * everything else copied), in a fresh process.
 *
 * Generation ('merge', the default) builds batches of 20 articles as separate notebooks
 * through the session API (importContents + createHighlight), then merges them: JSON files
 * with the same path are combined by concatenating their record arrays, other files are
 * content-addressed and linked. That keeps generation linear even for a one-file layout,
 * where building 10,000 articles save by save would rewrite a growing file 110,000 times.
 * The merged notebook is then opened and checked with the real code; if that fails the
 * benchmark falls back to 'api': one notebook built save by save.
 *
 * Goals (PASS/FAIL is printed; the exit code does not depend on them): save p99 at 10,000
 * articles <= 1.5x the p99 at 100; save p50 <= 10 ms; open(10,000) < 1 s. The last line is
 * `RESULT save_p99_ratio_10000_vs_100 <ratio>` (`n/a` if either size was not measured).
 */
import { execFileSync, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { GenerateJob, MeasureJob, MeasureResult, VerifyJob } from './bench-worker'
import { corpusAbsentMessage, corpusFiles, corpusHash, loadSentences } from '../shared/corpus'
import { WORDS_PER_ARTICLE } from './corpus'

/** Bump when generated notebooks change for reasons the storage hash does not see. */
const GENERATOR_VERSION = 1
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
const JOBS = args.jobs ? wholeNumber('jobs', args.jobs) : Math.max(1, Math.min(4, cpus().length))
const CORPUS_DIR = resolve(root, args.corpus ?? '../shared/corpus')
const CACHE_DIR = resolve(args.cache ?? join(tmpdir(), 'dossier-bench-cache'))
if (args.generator !== 'merge' && args.generator !== 'api') usage(`--generator must be merge or api, got ${args.generator}`)

// ---------------------------------------------------------------- workers

interface WorkerRun<T> {
  result: T
  seconds: number
}

function runWorker<T>(command: string, job: unknown, onProgress?: (n: number) => void): Promise<WorkerRun<T>> {
  const started = performance.now()
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [workerScript, command, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let progressed = 0
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      for (const m of chunk.matchAll(/^PROGRESS (\d+)$/gm)) {
        const n = Number(m[1])
        onProgress?.(n - progressed)
        progressed = n
      }
    })
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk
    })
    proc.on('error', fail)
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) return fail(new Error(`bench worker '${command}' failed (exit ${code}): ${err.trim().slice(-3000) || out.trim().slice(-1000)}`))
      done({ result: JSON.parse(line.slice(7)) as T, seconds: (performance.now() - started) / 1000 })
    })
  })
}

// ---------------------------------------------------------------- files

async function walk(dir: string, base = dir): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await walk(full, base)))
    else if (entry.isFile()) found.push(relative(base, full))
  }
  return found
}

/** Files named by their sha256 (bodies/, originals/): immutable, safe to hard-link. */
const CONTENT_ADDRESSED = /^[0-9a-f]{64}(\.[A-Za-z0-9]+)?$/
/**
 * Not part of a notebook's contents: the writer lock, backups, temp and quarantined
 * files, and the derived highlight-count cache (rebuilt when the merged notebook is
 * first opened and closed).
 */
const skipped = (rel: string): boolean => {
  const name = basename(rel)
  return name === '.lock' || name === 'highlight-counts.json' || rel.split(/[\\/]/)[0] === 'backups' || name.endsWith('.tmp') || name.includes('.corrupt-')
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  await link(from, to).catch(() => copyFile(from, to))
}

/** A fresh working copy of a cached notebook, so measuring never changes the cache. */
async function freshCopy(from: string, to: string): Promise<void> {
  for (const rel of await walk(from)) {
    if (basename(rel) === '.lock') continue
    if (CONTENT_ADDRESSED.test(basename(rel))) await linkOrCopy(join(from, rel), join(to, rel))
    else {
      await mkdir(dirname(join(to, rel)), { recursive: true })
      await copyFile(join(from, rel), join(to, rel))
      // Keep modification times, as `cp -p` would: the copy stands for the same notebook
      // at rest, and opening trusts its highlight-count cache by file times.
      const info = await stat(join(from, rel))
      await utimes(join(to, rel), info.atime, info.mtime)
    }
  }
}

async function diskUsage(dir: string): Promise<{ allocated: number; json: number; largestJson: number; files: number }> {
  let allocated = 0
  let json = 0
  let largestJson = 0
  const files = await walk(dir)
  for (const rel of files) {
    const info = await stat(join(dir, rel))
    allocated += info.blocks * 512
    if (rel.endsWith('.json')) {
      json += info.size
      largestJson = Math.max(largestJson, info.size)
    }
  }
  return { allocated, json, largestJson, files: files.length }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)
const idOf = (v: Json): string | null => (isObject(v) && typeof v.id === 'string' ? v.id : null)

/**
 * Combines the same JSON file from several batch notebooks: record arrays are concatenated
 * (a record whose id is already there, like a default tag, is kept once if it is identical;
 * the same id on different records is an error); objects are merged key by key; other
 * values must agree, except timestamps, where the first is kept.
 */
function mergeJson(values: Json[], file: string, path = ''): Json {
  const first = values[0]!
  if (values.length === 1) return first
  if (values.every(Array.isArray)) {
    const merged: Json[] = []
    const byId = new Map<string, Json>()
    for (const v of (values as Json[][]).flat()) {
      const id = idOf(v)
      if (id !== null && byId.has(id)) {
        if (JSON.stringify(byId.get(id)) !== JSON.stringify(v)) throw new Error(`${file}${path}: two different records share the id ${id}`)
        continue
      }
      if (id !== null) byId.set(id, v)
      merged.push(v)
    }
    return merged
  }
  if (values.every(isObject)) {
    const keys = [...new Set(values.flatMap((v) => Object.keys(v as object)))]
    return Object.fromEntries(
      keys.map((key) => [
        key,
        mergeJson(
          values.filter((v) => key in (v as object)).map((v) => (v as { [key: string]: Json })[key]!),
          file,
          `${path}.${key}`,
        ),
      ]),
    )
  }
  const text = JSON.stringify(first)
  if (values.every((v) => JSON.stringify(v) === text)) return first
  if (values.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))) return first
  throw new Error(`${file}${path}: batches disagree (${text.slice(0, 60)} vs ${JSON.stringify(values.find((v) => JSON.stringify(v) !== text)).slice(0, 60)}); the layout is not one the merge understands`)
}

async function mergeBatches(batchDirs: string[], target: string): Promise<void> {
  const docs = new Map<string, Json[]>()
  for (const dir of batchDirs) {
    for (const rel of await walk(dir)) {
      if (skipped(rel)) continue
      if (CONTENT_ADDRESSED.test(basename(rel))) {
        if (!existsSync(join(target, rel))) await linkOrCopy(join(dir, rel), join(target, rel))
      } else if (rel.endsWith('.json')) {
        const value = JSON.parse(await readFile(join(dir, rel), 'utf8')) as Json
        docs.set(rel, [...(docs.get(rel) ?? []), value])
      } else {
        throw new Error(`${rel}: neither JSON nor content-addressed; the layout is not one the merge understands`)
      }
    }
  }
  for (const [rel, values] of docs) {
    await mkdir(dirname(join(target, rel)), { recursive: true })
    await writeFile(join(target, rel), JSON.stringify(mergeJson(values, rel), null, 1))
  }
}

// ---------------------------------------------------------------- generation and cache

/** Everything that decides what a generated notebook looks like on disk. */
function cacheKey(): string {
  const hash = createHash('sha256').update(`generator ${GENERATOR_VERSION} batch ${BATCH_SIZE} highlights ${HIGHLIGHTS_PER_ARTICLE} words ${WORDS_PER_ARTICLE}\n`)
  const sources: string[] = [join(root, 'src/main/notebook-session.ts'), join(root, 'scripts/shared/corpus.ts'), join(root, 'scripts/bench-storage/corpus.ts'), join(root, 'scripts/bench-storage/bench-worker.ts')]
  const collect = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name)
      if (entry.isDirectory()) collect(full)
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) sources.push(full)
    }
  }
  collect(join(root, 'src/main/storage'))
  collect(join(root, 'src/core'))
  for (const file of sources.sort()) hash.update(relative(root, file)).update(readFileSync(file))
  hash.update(corpusHash(CORPUS_DIR))
  return hash.digest('hex').slice(0, 12)
}

function formatSeconds(s: number): string {
  return s < 90 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

async function generate(size: number, dir: string, generator: 'merge' | 'api'): Promise<void> {
  const started = performance.now()
  const work = await mkdtemp(join(CACHE_DIR, `tmp-n${size}-`))
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
    await Promise.all(
      perJob.map((mine) => runWorker('generate', { corpusDir: CORPUS_DIR, fontsDir, root: join(work, 'batches'), batches: mine, highlightsPerArticle: HIGHLIGHTS_PER_ARTICLE } satisfies GenerateJob, progress)),
    )
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
    await runWorker('verify', { dir: notebook, fontsDir, articles: size, highlights: size * HIGHLIGHTS_PER_ARTICLE } satisfies VerifyJob)
    const seconds = (performance.now() - started) / 1000
    await writeFile(join(work, 'info.json'), JSON.stringify({ size, generator, seconds, createdAt: new Date().toISOString() }, null, 1))
    await rm(dir, { recursive: true, force: true })
    await rename(work, dir)
    console.log(`    generated in ${formatSeconds(seconds)} (${generator})`)
  } catch (error) {
    await rm(work, { recursive: true, force: true })
    throw error
  }
}

async function ensureNotebook(size: number, key: string): Promise<string> {
  await mkdir(CACHE_DIR, { recursive: true })
  const dir = join(CACHE_DIR, `n${size}-${key}`)
  for (const name of await readdir(CACHE_DIR)) {
    const stale = name.startsWith(`n${size}-`) && name !== `n${size}-${key}`
    const leftover = name.startsWith(`tmp-n${size}-`)
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
  console.log(`  generating ${size} articles x ~${WORDS_PER_ARTICLE} words, ${HIGHLIGHTS_PER_ARTICLE} highlights each, into ${dir}`)
  if (args.generator === 'merge') {
    try {
      await generate(size, dir, 'merge')
      return join(dir, 'notebook')
    } catch (error) {
      console.log(`  the merged notebook did not check out (${(error as Error).message.split('\n')[0]}); building it save by save instead`)
    }
  }
  await generate(size, dir, 'api')
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
}

/** Nearest-rank percentile. */
function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

async function measureSize(size: number, key: string): Promise<Row> {
  console.log(`\n${size} articles`)
  const cached = await ensureNotebook(size, key)
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
    if (result.articles !== size) throw new Error(`the notebook lists ${result.articles} articles, expected ${size}`)
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
  const head = ['articles', 'open+list', 'save p50', 'save p99', 'save max', 'read p50', 'peak RSS', 'disk', 'JSON total', 'largest JSON']
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
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padStart(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n')
}

async function main(): Promise<void> {
  if (corpusFiles(CORPUS_DIR).length === 0) {
    console.error(corpusAbsentMessage('bench:storage', CORPUS_DIR))
    process.exit(2)
  }
  const sentences = loadSentences(CORPUS_DIR, { what: 'bench:storage', minSentences: 20 })
  const key = cacheKey()
  console.log(`storage benchmark: sizes ${SIZES.join(', ')}; ${SAVES} timed saves per size; corpus ${CORPUS_DIR} (${sentences.length} sentences); cache ${CACHE_DIR} (key ${key})`)

  const rows: Row[] = []
  for (const size of SIZES) rows.push(await measureSize(size, key))

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
  console.log(`RESULT save_p99_ratio_10000_vs_100 ${ratio === null ? 'n/a' : ratio.toFixed(2)}`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
