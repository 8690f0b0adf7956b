/**
 * Reader benchmark: the REAL ArticleReader (src/renderer, built into a bench page by
 * vite.page.config.ts) in Debian's Chromium, on a 10,000-word article of real prose
 * (sentences of ../shared/corpus, see scripts/shared/corpus.ts) with 1,000 highlights of
 * 3-40 words (seeded; some overlapping, a fifth with two tags, a few with none).
 *
 * Measured in the page with performance.now() (see page/main.tsx), over several runs:
 *   - show 1,000: a freshly opened reader (text shown, no highlights) is given the 1,000
 *     highlights; time until React has rendered and run the layout effects ("sync": Ranges,
 *     CSS highlights, margin bars measured and laid out) and until two animation frames
 *     later ("painted");
 *   - add one: the reader showing 1,000 is given a 1,001st (a different one each run);
 *   - scroll one screen: the reader showing 1,000 scrolls down by its height; the
 *     highlights and bars coming into the visible band are registered and drawn
 *     (highlights are only registered with CSS.highlights, and given margin buttons,
 *     within the scroll view plus a screen either side: see useVisibleBand.ts);
 *   - the same "show 1,000" with the old <mark>-segment rendering (page/naive.tsx), for
 *     comparison.
 * Chromium runs headless with vsync and the frame-rate limit off and
 * --run-all-compositor-stages-before-draw, so an animation frame runs as soon as the last
 * one is done: "painted" measures the frames' work (style, layout, paint) rather than
 * waiting for a display tick. The idle floor (two frames with nothing to do) is printed.
 *
 * Goals (PASS/FAIL printed; the exit code does not depend on them): show 1,000 painted,
 * median <= 50 ms; add one painted, median <= 16 ms. Last line:
 * `RESULT highlights_1000_ms <median painted ms for showing 1,000>`.
 *
 *   npm run bench:reader
 *   npm run bench:reader -- --runs 20 --words 10000 --highlights 1000 --corpus DIR --seed 7
 *   CHROMIUM_PATH=/path/to/chromium npm run bench:reader
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import sirv from 'sirv'
import { corpusAbsentMessage, corpusFiles, loadSentences, prng, randomInt } from '../shared/corpus'
import type { BenchGlobal, BenchInput, MeasureOptions, Mode, PageCheck, Timing } from './page/protocol'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/bench-reader
const root = resolve(here, '../../..')
const PAGE_DIR = resolve(root, 'out/scripts/bench-reader-page')

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    words: { type: 'string', default: '10000' },
    highlights: { type: 'string', default: '1000' },
    corpus: { type: 'string' },
    seed: { type: 'string', default: '20250115' },
  },
})
const RUNS = Number(args.runs)
const WORDS = Number(args.words)
const HIGHLIGHTS = Number(args.highlights)
const SEED = Number(args.seed)
const CORPUS_DIR = resolve(root, args.corpus ?? '../shared/corpus')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const GOAL_SHOW_MS = 50
const GOAL_ADD_MS = 16

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

interface Stats {
  median: number
  p95: number
}
function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }
}

/** ~`words` words of real prose in paragraphs of 3-6 sentences, and highlights over it. */
function makeInput(sentences: readonly string[]): BenchInput {
  const rand = prng(SEED)
  const paragraphs: string[] = []
  let words = 0
  while (words < WORDS) {
    const count = randomInt(rand, 3, 6)
    const chosen: string[] = []
    for (let i = 0; i < count && words < WORDS; i++) {
      const sentence = sentences[Math.floor(rand() * sentences.length)]!
      chosen.push(sentence)
      words += sentence.split(' ').length
    }
    paragraphs.push(chosen.join(' '))
  }
  const text = paragraphs.join('\n\n')
  const wordStarts: number[] = []
  for (const m of text.matchAll(/\S+/g)) wordStarts.push(m.index)
  const wordEnd = (i: number) => wordStarts[i]! + /^\S+/.exec(text.slice(wordStarts[i]!))![0].length
  const spans: BenchInput['spans'] = []
  // The highlights plus one spare per run for the "add one" measurements.
  for (let i = 0; i < HIGHLIGHTS + RUNS; i++) {
    const first = randomInt(rand, 0, wordStarts.length - 4)
    const last = Math.min(wordStarts.length - 1, first + randomInt(rand, 2, 39))
    const roll = rand()
    const tags = roll < 0.05 ? [] : roll < 0.25 ? [randomInt(rand, 0, 7), randomInt(rand, 0, 7)] : [randomInt(rand, 0, 7)]
    spans.push({ start: wordStarts[first]!, end: wordEnd(last), tags: [...new Set(tags)] })
  }
  return { text, spans }
}

async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(sirv(dir, { dev: false }))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html` }
}

const measure = (page: Page, mode: Mode, from: number, to: number, options: MeasureOptions = {}) =>
  page.evaluate(([m, f, t, o]) => (globalThis as unknown as BenchGlobal).bench.measure(m, f, t, o), [mode, from, to, options] as const) as Promise<Timing>

async function series(label: string, runs: () => Promise<Timing[]>): Promise<{ sync: Stats; painted: Stats }> {
  const timings = await runs()
  const sync = stats(timings.map((t) => t.sync))
  const painted = stats(timings.map((t) => t.painted))
  console.log(`${label.padEnd(34)} sync median ${fmt(sync.median)}, p95 ${fmt(sync.p95)}; painted median ${fmt(painted.median)}, p95 ${fmt(painted.p95)}`)
  return { sync, painted }
}

async function main(): Promise<void> {
  if (corpusFiles(CORPUS_DIR).length === 0) {
    console.error(corpusAbsentMessage('bench:reader', CORPUS_DIR))
    process.exit(2)
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:reader needs Chromium at ${CHROMIUM} (Debian's chromium package), and it is not there. Set CHROMIUM_PATH to another binary.`)
    process.exit(2)
  }
  if (!existsSync(resolve(PAGE_DIR, 'index.html'))) {
    console.error(`The bench page is not built at ${PAGE_DIR}: run npm run bench:reader (it builds the page first).`)
    process.exit(2)
  }
  const input = makeInput(loadSentences(CORPUS_DIR, { what: 'bench:reader' }))
  const words = input.text.split(/\s+/).length
  console.log(`Article: ${words} words, ${input.text.length} characters, ${input.text.split('\n\n').length} paragraphs; ${HIGHLIGHTS} highlights; ${RUNS} runs each`)

  const { server, url } = await serve(PAGE_DIR)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(url)
    await page.waitForFunction(() => typeof (globalThis as unknown as Partial<BenchGlobal>).bench === 'object')
    await page.evaluate((data) => (globalThis as unknown as BenchGlobal).bench.load(data), input)
    console.log(`Chromium ${browser.version()} (headless, vsync off)`)

    // Warm up (JIT, fonts, style) before timing anything.
    for (let i = 0; i < 3; i++) await measure(page, 'css', 0, HIGHLIGHTS, { fresh: true })
    const check: PageCheck = await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.check())
    console.log(
      `Check: ${check.highlights} highlights; in the visible band ${check.paintedRanges} ranges registered in the tag colour layers and ${check.bars} margin bars; ${check.marks} <mark> elements`,
    )
    const idle: number[] = []
    for (let i = 0; i < RUNS; i++) idle.push(await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.idleFrames()))
    console.log(`${'idle floor (two empty frames)'.padEnd(34)} median ${fmt(stats(idle).median)}, p95 ${fmt(stats(idle).p95)}`)

    const show = await series(`show ${HIGHLIGHTS} (CSS highlights)`, async () => {
      const out: Timing[] = []
      for (let i = 0; i < RUNS; i++) out.push(await measure(page, 'css', 0, HIGHLIGHTS, { fresh: true }))
      return out
    })
    const add = await series('add one to them', async () => {
      const out: Timing[] = []
      await measure(page, 'css', 0, HIGHLIGHTS, { fresh: true })
      for (let i = 0; i < RUNS; i++) out.push(await measure(page, 'css', HIGHLIGHTS, HIGHLIGHTS, { extra: [HIGHLIGHTS + i] }))
      return out
    })
    await series('scroll one screen', async () => {
      const out: Timing[] = []
      for (let i = 0; i < RUNS; i++) out.push(await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.scroll(800)))
      return out
    })
    for (let i = 0; i < 2; i++) await measure(page, 'naive', 0, HIGHLIGHTS)
    const naive = await series(`show ${HIGHLIGHTS} (old <mark> segments)`, async () => {
      const out: Timing[] = []
      for (let i = 0; i < RUNS; i++) out.push(await measure(page, 'naive', 0, HIGHLIGHTS))
      return out
    })
    const naiveCheck: PageCheck = await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.check())
    console.log(`(old approach: ${naiveCheck.marks} <mark> elements for the same highlights)`)
    console.log(`Speed-up over <mark> segments (painted medians): ${(naive.painted.median / show.painted.median).toFixed(1)}x`)
    console.log(`${show.painted.median <= GOAL_SHOW_MS ? 'PASS' : 'FAIL'} show ${HIGHLIGHTS} painted median ${fmt(show.painted.median)} (goal <= ${GOAL_SHOW_MS} ms)`)
    console.log(`${add.painted.median <= GOAL_ADD_MS ? 'PASS' : 'FAIL'} add one painted median ${fmt(add.painted.median)} (goal <= ${GOAL_ADD_MS} ms)`)
    console.log(`RESULT highlights_1000_ms ${show.painted.median.toFixed(1)}`)
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
