/**
 * Analysis benchmark (issue 16): the REAL passages table (src/renderer, built into a bench
 * page by vite.page.config.ts) in Debian's Chromium with 10,000 passages whose quotes do
 * not repeat (one or two sentences of ../shared/corpus each, seeded), 50 tags (one to
 * three a passage), comments on a third, 20 outlets; and the co-occurrence computation
 * (src/core/cooccurrence) over the same passages with 50 tags, in Node as main runs it.
 *
 * Measured:
 *   - the table's frames while scrolling (a smooth run, 60 px a frame, and a fast one, a
 *     screen a frame) and while filtering (the filter text typed one key a frame, then
 *     cleared), each run several times; frames are timed in the page, rAF to rAF, with
 *     vsync and the frame-rate limit off, so a frame lasts as long as its work;
 *   - co-occurrence tag × tag (and, for information, with overlaps and by outlet): median
 *     of several runs after a warm-up.
 *
 * The figures judged are CPU times, which a machine busy with other work does not inflate:
 * each main-thread task's thread time from a Chromium trace (a frame's work is one task),
 * and this process's CPU time for the co-occurrence. Wall times are printed beside them;
 * on a quiet machine the two agree.
 *
 * Goals (PASS/FAIL printed; the exit code does not depend on them): the longest
 * main-thread task of all the scroll and filter runs <= 50 ms; co-occurrence tag × tag
 * median <= 100 ms.
 * Last lines: `RESULT passages_table_frame_ms <longest frame>` and
 * `RESULT cooccurrence_ms <median>`. Not run in CI.
 *
 *   npm run bench:analysis
 *   npm run bench:analysis -- --passages 10000 --tags 50 --runs 5 --corpus DIR --seed 7
 *   CHROMIUM_PATH=/path/to/chromium npm run bench:analysis
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import sirv from 'sirv'
import { cooccurrence, type CooccurrenceData, type CooccurrenceOptions } from '../../src/core/cooccurrence'
import type { ArticleId, HighlightId, TagId } from '../../src/core/ids'
import { corpusAbsentMessage, corpusFiles, loadSentences, prng, randomInt } from '../shared/corpus'
import type { BenchGlobal, BenchInput, BenchPassage, FrameRun } from './page/protocol'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/bench-analysis
const root = resolve(here, '../../..')
const PAGE_DIR = resolve(root, 'out/scripts/bench-analysis-page')

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    passages: { type: 'string', default: '10000' },
    tags: { type: 'string', default: '50' },
    corpus: { type: 'string' },
    seed: { type: 'string', default: '20250115' },
  },
})
const RUNS = Number(args.runs)
const PASSAGES = Number(args.passages)
const TAGS = Number(args.tags)
const SEED = Number(args.seed)
const CORPUS_DIR = resolve(root, args.corpus ?? '../shared/corpus')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const GOAL_FRAME_MS = 50
const GOAL_COOCCURRENCE_MS = 100
const ARTICLES = 400
const FILTER_TEXTS = ['russian base', 'tartus', 'the syrian government']

const fmt = (ms: number) => `${ms.toFixed(1)} ms`
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** 10,000 passages of one or two corpus sentences, no quote twice, with tags, comments, outlets and dates. */
function makePassages(sentences: readonly string[]): BenchPassage[] {
  const rand = prng(SEED)
  const seen = new Set<string>()
  const out: BenchPassage[] = []
  const outlets = Array.from({ length: 20 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)}`)
  let attempts = 0
  while (out.length < PASSAGES) {
    if (++attempts > PASSAGES * 50) throw new Error(`The corpus yields too few distinct quotes for ${PASSAGES} passages.`)
    const first = sentences[Math.floor(rand() * sentences.length)]!
    const quote = rand() < 0.3 && seen.has(first) === false ? first : `${first} ${sentences[Math.floor(rand() * sentences.length)]!}`
    if (seen.has(quote)) continue
    seen.add(quote)
    const count = randomInt(rand, 1, 3)
    const tags = [...new Set(Array.from({ length: count }, () => randomInt(rand, 0, TAGS - 1)))]
    const month = randomInt(rand, 1, 12)
    out.push({
      quote,
      tags,
      comment: rand() < 0.33 ? sentences[Math.floor(rand() * sentences.length)]!.split(' ').slice(0, 8).join(' ') : '',
      outlet: rand() < 0.9 ? outlets[randomInt(rand, 0, outlets.length - 1)]! : null,
      published: rand() < 0.85 ? `2024-${String(month).padStart(2, '0')}-${String(randomInt(rand, 1, 28)).padStart(2, '0')}` : null,
    })
  }
  return out
}

/** The same passages as the core's co-occurrence input: 400 articles, ranges laid out per article (a few overlapping). */
function cooccurrenceData(passages: readonly BenchPassage[]): CooccurrenceData {
  const tags = Array.from({ length: TAGS }, (_, i) => ({ id: `t-${String(i).padStart(4, '0')}` as TagId, name: `Tag ${i + 1}` }))
  const articles = Array.from({ length: ARTICLES }, (_, i) => ({ id: `a-${String(i).padStart(4, '0')}` as ArticleId, title: `Article ${i}`, outlet: `Outlet ${String.fromCharCode(65 + (i % 20))}` }))
  const offsets = new Array<number>(ARTICLES).fill(0)
  const highlights = passages.map((p, i) => {
    const a = i % ARTICLES
    const start = Math.max(0, offsets[a]! - (i % 7 === 0 ? 20 : 0)) // every 7th overlaps the one before
    offsets[a] = start + p.quote.length + 5
    return { id: `h-${String(i).padStart(6, '0')}` as HighlightId, articleId: articles[a]!.id, tagIds: p.tags.map((t) => tags[t]!.id), target: { start, end: start + p.quote.length } }
  })
  return { tags, articles, highlights }
}

/** Median wall time and CPU time (this process's user + system: what a loaded machine does not inflate) of one computation. */
function timeCooccurrence(data: CooccurrenceData, options: CooccurrenceOptions): { median: number; cpu: number; cells: number } {
  let cells = 0
  for (let i = 0; i < 3; i++) cooccurrence(data, options) // warm-up
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < Math.max(RUNS, 9); i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const grid = cooccurrence(data, options)
    times.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
    cells = grid.rows.length * grid.columns.length
  }
  return { median: median(times), cpu: median(cpu), cells }
}

interface TraceEvent {
  ph: string
  name: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/**
 * The page's main-thread tasks in a Chromium trace, in ms of wall time (dur) and of the
 * thread's own CPU time (tdur). A frame's work (rAF callbacks, style, layout, paint) is one
 * such task; on a loaded machine its wall time grows by waiting for a core, its CPU time does not.
 */
function mainThreadTasks(trace: Buffer): { wall: number[]; cpu: number[] } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const tasks = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
  return { wall: tasks.map((t) => (t.dur ?? 0) / 1000), cpu: tasks.map((t) => (t.tdur ?? 0) / 1000) }
}

async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(sirv(dir, { dev: false }))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html` }
}

const bench = (page: Page) => ({
  scroll: (frames: number, px: number) => page.evaluate(([f, p]) => (globalThis as unknown as BenchGlobal).bench.scroll(f, p), [frames, px] as const) as Promise<FrameRun>,
  filter: (text: string) => page.evaluate((t) => (globalThis as unknown as BenchGlobal).bench.filter(t), text) as Promise<FrameRun>,
  idle: (frames: number) => page.evaluate((f) => (globalThis as unknown as BenchGlobal).bench.idle(f), frames) as Promise<FrameRun>,
})

/** Prints a series' frames (wall) and main-thread tasks (CPU); returns the longest task's CPU time. */
function report(label: string, runs: FrameRun[], tasks: { wall: number[]; cpu: number[] }): number {
  const all = runs.flatMap((r) => r.frames)
  const longestCpu = Math.max(0, ...tasks.cpu)
  console.log(
    `${label.padEnd(30)} ${String(all.length).padStart(4)} frames, wall median ${fmt(median(all))}, longest ${fmt(Math.max(...all))}; ` +
      `longest main-thread task ${fmt(Math.max(0, ...tasks.wall))} wall, ${fmt(longestCpu)} CPU (rows rendered ${runs[0]!.renderedRows} of ${runs[0]!.rows})`,
  )
  return longestCpu
}

async function main(): Promise<void> {
  if (corpusFiles(CORPUS_DIR).length === 0) {
    console.error(corpusAbsentMessage('bench:analysis', CORPUS_DIR))
    process.exit(2)
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:analysis needs Chromium at ${CHROMIUM} (Debian's chromium package), and it is not there. Set CHROMIUM_PATH to another binary.`)
    process.exit(2)
  }
  if (!existsSync(resolve(PAGE_DIR, 'index.html'))) {
    console.error(`The bench page is not built at ${PAGE_DIR}: run npm run bench:analysis (it builds the page first).`)
    process.exit(2)
  }
  const passages = makePassages(loadSentences(CORPUS_DIR, { what: 'bench:analysis', unique: true }))
  console.log(`${passages.length} passages (${new Set(passages.map((p) => p.quote)).size} distinct quotes), ${TAGS} tags, ${ARTICLES} articles; ${RUNS} runs each`)

  const data = cooccurrenceData(passages)
  const tagByTag = timeCooccurrence(data, { by: 'tag' })
  const overlap = timeCooccurrence(data, { by: 'tag', overlap: true })
  const byOutlet = timeCooccurrence(data, { by: 'outlet' })
  console.log(`${'co-occurrence tag × tag'.padEnd(36)} median ${fmt(tagByTag.median)} wall, ${fmt(tagByTag.cpu)} CPU (${tagByTag.cells} cells)`)
  console.log(`${'co-occurrence tag × tag, overlaps'.padEnd(36)} median ${fmt(overlap.median)} wall, ${fmt(overlap.cpu)} CPU`)
  console.log(`${'co-occurrence tag × outlet'.padEnd(36)} median ${fmt(byOutlet.median)} wall, ${fmt(byOutlet.cpu)} CPU`)

  const { server, url } = await serve(PAGE_DIR)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'] })
  let longest: number
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(url)
    await page.waitForFunction(() => typeof (globalThis as unknown as Partial<BenchGlobal>).bench === 'object')
    const input: BenchInput = { passages, tagCount: TAGS }
    await page.evaluate((i) => (globalThis as unknown as BenchGlobal).bench.load(i), input)
    console.log(`Chromium ${browser.version()} (headless, vsync off)`)
    const b = bench(page)
    await b.scroll(60, 200) // warm-up (JIT, style)
    await b.filter(FILTER_TEXTS[0]!)
    const traced = async (run: () => Promise<FrameRun[]>) => {
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] })
      const runs = await run()
      return { runs, tasks: mainThreadTasks(await browser.stopTracing()) }
    }
    const repeat = (one: () => Promise<FrameRun>) => async () => {
      const out: FrameRun[] = []
      for (let i = 0; i < RUNS; i++) out.push(await one())
      return out
    }
    const idle = await traced(repeat(() => b.idle(60)))
    report('idle floor', idle.runs, idle.tasks)
    const smooth = await traced(repeat(() => b.scroll(150, 60)))
    const fast = await traced(repeat(() => b.scroll(60, 640)))
    const typed = await traced(async () => (await repeat(async () => b.filter(FILTER_TEXTS[0]!))()).concat(await repeat(() => b.filter(FILTER_TEXTS[1]!))(), await repeat(() => b.filter(FILTER_TEXTS[2]!))()))
    longest = Math.max(report('scroll 60 px a frame', smooth.runs, smooth.tasks), report('scroll a screen a frame', fast.runs, fast.tasks), report('filter typed a key a frame', typed.runs, typed.tasks))
  } finally {
    await browser.close()
    server.close()
  }
  console.log(`${longest <= GOAL_FRAME_MS ? 'PASS' : 'FAIL'} passages table longest frame's work ${fmt(longest)} CPU (goal <= ${GOAL_FRAME_MS} ms)`)
  console.log(`${tagByTag.cpu <= GOAL_COOCCURRENCE_MS ? 'PASS' : 'FAIL'} co-occurrence of ${TAGS} tags median ${fmt(tagByTag.cpu)} CPU (goal <= ${GOAL_COOCCURRENCE_MS} ms)`)
  console.log(`RESULT passages_table_frame_ms ${longest.toFixed(1)}`)
  console.log(`RESULT cooccurrence_ms ${tagByTag.cpu.toFixed(1)}`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
