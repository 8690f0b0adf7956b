/**
 * Timeline benchmark (issue 15): the REAL TimelineChart (src/renderer, built into a bench
 * page by vite.page.config.ts) in Debian's Chromium at 1280 px, with 10,000 passages whose
 * quotes do not repeat (pairs of sentences of ../shared/corpus, see scripts/shared/corpus.ts),
 * in six tag lanes (a fifth of them in two), dated over three years with most in a dense
 * quarter (Dec 2024 - Feb 2025): 80 % days, 10 % ranges of 2-5 days, 5 % months, 5 %
 * approximate (seeded).
 *
 * Measured in the page with performance.now() (page/main.tsx), over several runs:
 *   - draw: a new chart showing every passage: until React has rendered it (window layout
 *     included) and until two animation frames later ("painted");
 *   - pan: the viewport moved by 1 % of its span each frame for 240 frames (2.4 spans, so
 *     the laid-out window is replaced on the way, as in a long drag); frames per second.
 * Chromium runs headless with vsync and the frame-rate limit off, so a frame runs as soon
 * as the last one is done: the frame rate is what the work allows, not the display's.
 *
 * Goals (PASS/FAIL printed; the exit code does not depend on them): draw painted median
 * <= 100 ms; pan >= 30 frames per second. Last lines: `RESULT timeline_10000_ms <median
 * painted>` and `RESULT timeline_pan_fps <median fps>`.
 *
 *   npm run bench:timeline
 *   npm run bench:timeline -- --runs 10 --passages 10000 --corpus DIR --seed 7
 */
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium, type Page } from 'playwright-core'
import sirv from 'sirv'
import type { TimelinePassage } from '../../src/core/api-timeline'
import { addDays, dayFromNumber, dayNumber, daysInMonth } from '../../src/core/timeline/event-date'
import type { Lane } from '../../src/core/timeline/passages'
import type { ArticleId, HighlightId, TagId } from '../../src/core/ids'
import { corpusAbsentMessage, corpusFiles, loadSentences, prng, randomInt } from '../shared/corpus'
import type { DrawTiming, PanTiming, TimelineBenchGlobal, TimelineBenchInput } from './page/protocol'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/bench-timeline
const root = resolve(here, '../../..')
const PAGE_DIR = resolve(root, 'out/scripts/bench-timeline-page')

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    passages: { type: 'string', default: '10000' },
    corpus: { type: 'string' },
    seed: { type: 'string', default: '20250121' },
  },
})
const RUNS = Number(args.runs)
const PASSAGES = Number(args.passages)
const SEED = Number(args.seed)
const CORPUS_DIR = resolve(root, args.corpus ?? '../shared/corpus')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const GOAL_DRAW_MS = 100
const GOAL_PAN_FPS = 30
const PAN_FRAMES = 240

const LANES: Lane[] = ['Bases', 'Convoys', 'Negotiations', 'Ports', 'Ships', 'Sanctions'].map((label, i) => ({
  key: `t-${label.toLowerCase()}`,
  label,
  color: ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#0072B2', '#D55E00'][i]!,
}))

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const fmt = (ms: number) => `${ms.toFixed(1)} ms`

function makeInput(sentences: readonly string[]): TimelineBenchInput {
  const rand = prng(SEED)
  const quotes = new Set<string>()
  const passages: TimelinePassage[] = []
  const denseFirst = dayNumber('2024-12-01')
  const wideFirst = dayNumber('2023-03-01')
  while (passages.length < PASSAGES) {
    const quote = `${sentences[Math.floor(rand() * sentences.length)]!} ${sentences[Math.floor(rand() * sentences.length)]!}`
    if (quotes.has(quote)) continue
    quotes.add(quote)
    const day = dayFromNumber(rand() < 0.7 ? denseFirst + randomInt(rand, 0, 89) : wideFirst + randomInt(rand, 0, 1000))
    const roll = rand()
    let start = day
    let end = day
    let precision: TimelinePassage['precision'] = 'day'
    if (roll < 0.1) end = addDays(day, randomInt(rand, 1, 4))
    else if (roll < 0.15) {
      start = `${day.slice(0, 7)}-01`
      end = `${day.slice(0, 7)}-${String(daysInMonth(Number(day.slice(0, 4)), Number(day.slice(5, 7)))).padStart(2, '0')}`
      precision = 'month'
    } else if (roll < 0.2) {
      end = addDays(day, 9)
      precision = 'approximate'
    }
    const first = LANES[randomInt(rand, 0, LANES.length - 1)]!.key
    const second = rand() < 0.2 ? LANES[randomInt(rand, 0, LANES.length - 1)]!.key : first
    const lanes = [...new Set([first, second])]
    const n = passages.length
    passages.push({
      highlightId: `h-${String(n).padStart(6, '0')}` as HighlightId,
      articleId: `a-${String(n % 400).padStart(6, '0')}` as ArticleId,
      quote,
      tagIds: lanes as TagId[],
      start,
      end,
      precision,
      dateSource: 'suggested',
      decided: false,
      lanes,
    })
  }
  return { passages, lanes: LANES }
}

async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(sirv(dir, { dev: false }))
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html` }
}

const bench = (page: Page) => ({
  draw: () => page.evaluate(() => (globalThis as unknown as TimelineBenchGlobal).bench.draw()) as Promise<DrawTiming>,
  pan: (frames: number, step: number) => page.evaluate(([f, s]) => (globalThis as unknown as TimelineBenchGlobal).bench.pan(f, s), [frames, step] as const) as Promise<PanTiming>,
})

async function main(): Promise<void> {
  if (corpusFiles(CORPUS_DIR).length === 0) {
    console.error(corpusAbsentMessage('bench:timeline', CORPUS_DIR))
    process.exit(2)
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`bench:timeline needs Chromium at ${CHROMIUM} (Debian's chromium package), and it is not there. Set CHROMIUM_PATH to another binary.`)
    process.exit(2)
  }
  if (!existsSync(resolve(PAGE_DIR, 'index.html'))) {
    console.error(`The bench page is not built at ${PAGE_DIR}: run npm run bench:timeline (it builds the page first).`)
    process.exit(2)
  }
  const input = makeInput(loadSentences(CORPUS_DIR, { what: 'bench:timeline' }))
  console.log(`${input.passages.length} passages (distinct quotes), ${LANES.length} lanes; ${RUNS} runs each`)
  const { server, url } = await serve(PAGE_DIR)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu-vsync', '--disable-frame-rate-limit', '--run-all-compositor-stages-before-draw'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (e) => console.error('page error:', e.message))
    await page.goto(url)
    await page.waitForFunction(() => typeof (globalThis as unknown as Partial<TimelineBenchGlobal>).bench === 'object')
    await page.evaluate((data) => (globalThis as unknown as TimelineBenchGlobal).bench.load(data), input)
    console.log(`Chromium ${browser.version()} (headless, vsync off)`)
    const b = bench(page)
    for (let i = 0; i < 3; i++) await b.draw() // warm up: JIT, fonts, styles
    const draws: DrawTiming[] = []
    for (let i = 0; i < RUNS; i++) draws.push(await b.draw())
    const painted = median(draws.map((d) => d.painted))
    console.log(`draw 10,000: sync median ${fmt(median(draws.map((d) => d.sync)))}; painted median ${fmt(painted)}; ${draws[0]!.marks} marks drawn`)
    const pans: PanTiming[] = []
    for (let i = 0; i < Math.max(3, Math.round(RUNS / 3)); i++) {
      await b.draw()
      pans.push(await b.pan(PAN_FRAMES, 0.01))
    }
    const fps = median(pans.map((p) => (p.frames * 1000) / p.ms))
    console.log(`pan ${PAN_FRAMES} frames: median ${fps.toFixed(1)} frames per second; worst frame ${fmt(Math.max(...pans.map((p) => p.worst)))}`)
    console.log(`${painted <= GOAL_DRAW_MS ? 'PASS' : 'FAIL'} draw painted median ${fmt(painted)} (goal <= ${GOAL_DRAW_MS} ms)`)
    console.log(`${fps >= GOAL_PAN_FPS ? 'PASS' : 'FAIL'} pan ${fps.toFixed(1)} fps (goal >= ${GOAL_PAN_FPS})`)
    console.log(`RESULT timeline_10000_ms ${painted.toFixed(1)}`)
    console.log(`RESULT timeline_pan_fps ${fps.toFixed(1)}`)
  } finally {
    await browser.close()
    server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
