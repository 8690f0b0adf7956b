/**
 * PDF benchmark with the REAL briefing code: a briefing of about 50 pages built from real
 * passages (sentences of the corpus articles in ../shared/corpus, never copied into the
 * repo), rendered the way the app exports it: in a fresh worker thread
 * (PdfWorkerRenderer), written durably to a temp folder.
 *
 *   npm run bench:pdf
 *   npm run bench:pdf -- --pages 50 --runs 5 --corpus DIR --keep
 *
 * 1. A synthetic notebook: 18 articles made of corpus sentences (seeded, so every run
 *    builds the same notebook), 5 tags, passages of 1-3 consecutive sentences with 1-2
 *    tags and, for half of them, a comment.
 * 2. Calibration (not timed): the number of passages is scaled until the PDF has the target
 *    page count (within 2 pages).
 * 3. Timed, `--runs` times each, through the app's PdfWorkerRenderer (worker thread, then a
 *    durable write): the first export from a new worker (worker start, pdfkit load, cold
 *    code, font parsing, layout, drawing, font subsetting, write), the next export from the
 *    same worker, and the first export from a worker warmed up beforehand. While each
 *    runs, the main thread's longest event-loop stall is measured: what the window feels.
 *
 * Goal: first export from a cold worker, median <= 3 s (PASS/FAIL is printed; the exit
 * code does not depend on it). Last line: `RESULT pdf_50_pages_s <that median in s>`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { buildBriefing, type BriefingLayout } from '../../src/core/briefing'
import { createBriefingDocument, makeBriefingId, setSectionNote } from '../../src/core/briefing-document'
import type { ArticleId, HighlightId, TagId } from '../../src/core/ids'
import { emptyAnalysisFields, type Article, type Highlight, type Tag } from '../../src/core/model'
import { makeTextTarget } from '../../src/core/selectors'
import { renderBriefingPdf } from '../../src/main/pdf/briefing-pdf'
import { PdfWorkerRenderer } from '../../src/main/pdf/render-in-worker'
import { loadSentences, prng } from '../shared/corpus'

const here = dirname(fileURLToPath(import.meta.url)) // out/scripts/bench-pdf
const root = resolve(here, '../../..')

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    corpus: { type: 'string', default: join(root, '..', 'shared', 'corpus') },
    keep: { type: 'boolean', default: false },
  },
})
const TARGET_PAGES = Number(args.pages)
const RUNS = Math.max(1, Number(args.runs))
const GOAL_S = 3
const fontsDir = join(root, 'resources', 'fonts')
const workerUrl = pathToFileURL(join(here, 'pdf-worker.mjs'))

// ---------------------------------------------------------------------------------------
// A notebook and a briefing

const TAGS: Tag[] = [
  { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: 'Status of Russian bases in Syria: Tartus naval base, Khmeimim air base and others.' },
  { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: 'Movements of troops, vehicles, ships and aircraft leaving or returning.' },
  { id: 't-negotiations' as TagId, name: 'Negotiations', color: '#009E73', description: 'Talks between Moscow and the new authorities in Damascus, and their terms.' },
  { id: 't-economy' as TagId, name: 'Economy & sanctions', color: '#0072B2', description: 'Trade, ports, grain and the sanctions regime.' },
  { id: 't-people' as TagId, name: 'People', color: '#CC79A7', description: 'Who said what, and who decides.' },
]
const OUTLETS = ['bne IntelliNews', 'Anadolu Agency', 'The Moscow Times', 'Al-Monitor', 'Reuters', null]

interface Notebook {
  articles: Article[]
  highlights: Highlight[]
  texts: Map<ArticleId, { text: string; sentenceStarts: number[] }>
}

function makeNotebook(sentences: readonly string[], passages: number): Notebook {
  const rand = prng(0x5eed)
  const pick = () => sentences[Math.floor(rand() * sentences.length)]!
  const articles: Article[] = []
  const texts = new Map<ArticleId, { text: string; sentenceStarts: number[] }>()
  for (let i = 0; i < 18; i++) {
    const id = `a-${String(i).padStart(10, '0')}` as ArticleId
    const parts: string[] = []
    const sentenceStarts: number[] = []
    let length = 0
    for (let n = 0; n < 70; n++) {
      const s = pick()
      sentenceStarts.push(length)
      parts.push(s)
      length += s.length + 1
    }
    const text = parts.join(' ')
    texts.set(id, { text, sentenceStarts })
    const day = new Date(Date.UTC(2024, 11, 8 + i * 4)).toISOString().slice(0, 10)
    articles.push({
      id,
      title: pick().replace(/[.!?”"’)]+$/, '').split(' ').slice(0, 9).join(' '),
      outlet: OUTLETS[i % OUTLETS.length]!,
      author: i % 3 === 0 ? 'Staff correspondent' : null,
      published: i % 7 === 6 ? null : day,
      url: i % 2 === 0 ? `https://example.org/news/${2024 + (i > 5 ? 1 : 0)}/dispatch-${i + 1}` : null,
      metaSources: {},
      bodyHash: (i.toString(16) + 'b'.repeat(63)).slice(0, 64),
      wordCount: text.split(' ').length,
      charCount: text.length,
      importedAt: '2025-03-01T09:00:00.000Z',
      ...emptyAnalysisFields(),
      source: { fileName: `dispatch-${i + 1}.txt`, format: 'txt', originalFile: `originals/${'c'.repeat(64)}.txt`, originalHash: 'c'.repeat(64) },
    })
  }
  const highlights: Highlight[] = []
  for (let n = 0; n < passages; n++) {
    const article = articles[Math.floor(rand() * articles.length)]!
    const { text, sentenceStarts } = texts.get(article.id)!
    const first = Math.floor(rand() * (sentenceStarts.length - 3))
    const count = 1 + Math.floor(rand() * 3)
    const start = sentenceStarts[first]!
    const end = (sentenceStarts[first + count] ?? text.length + 1) - 1
    const tagIds = [TAGS[Math.floor(rand() * TAGS.length)]!.id]
    if (rand() < 0.25) tagIds.push(TAGS[Math.floor(rand() * TAGS.length)]!.id)
    highlights.push({
      id: `h-${String(n).padStart(10, '0')}` as HighlightId,
      articleId: article.id,
      target: makeTextTarget(text, start, end),
      tagIds: [...new Set(tagIds)],
      comment: rand() < 0.5 ? (rand() < 0.3 ? `${pick()} ${pick()}` : pick()) : '',
      createdAt: '2025-03-01T10:00:00.000Z',
      updatedAt: '2025-03-01T10:00:00.000Z',
    })
  }
  return { articles, highlights, texts }
}

function makeLayout(sentences: readonly string[], passages: number): BriefingLayout {
  const notebook = makeNotebook(sentences, passages)
  const rand = prng(0xb41e)
  const pick = () => sentences[Math.floor(rand() * sentences.length)]!
  let doc = createBriefingDocument({
    id: makeBriefingId('0000bench0'),
    now: '2026-11-21T13:57:00.000Z',
    tags: TAGS,
    title: 'Russia’s military posture in Syria after Assad — weekly briefing',
    author: 'Analyst Sohtaoğlu',
    handling: 'UNCLASSIFIED // FOR TRAINING',
    keyJudgments: [pick(), pick(), pick()].join('\n\n'),
  })
  for (const tag of TAGS) doc = setSectionNote(doc, tag.id, `${pick()} ${pick()}`)
  return buildBriefing(doc, { articles: notebook.articles, tags: TAGS, highlights: notebook.highlights }, { generatedAt: '2026-11-21T13:57:00.000Z' })
}

// ---------------------------------------------------------------------------------------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main(): Promise<void> {
  // Running prose only: lines of 15+ words, split into sentences of 6+ words.
  const sentences = loadSentences(args.corpus!, { what: 'bench:pdf', minSentences: 50 })
  console.log(`corpus: ${sentences.length} sentences from ${args.corpus}`)

  // Calibrate the number of passages to the target page count (in-process, not timed).
  let passages = Math.round(TARGET_PAGES * 4.2)
  let layout = makeLayout(sentences, passages)
  let pages = (await renderBriefingPdf(layout, { fontsDir })).pageCount
  for (let i = 0; i < 6 && Math.abs(pages - TARGET_PAGES) > 2; i++) {
    passages = Math.max(5, Math.round((passages * TARGET_PAGES) / pages))
    layout = makeLayout(sentences, passages)
    pages = (await renderBriefingPdf(layout, { fontsDir })).pageCount
  }
  const words = layout.sections.flatMap((s) => s.passages).reduce((n, p) => n + p.quote.split(/\s+/).length + p.comment.split(/\s+/).length, 0)
  console.log(`briefing: ${pages} pages, ${layout.sections.length} sections, ${layout.passageCount} passages, ${layout.sources.length} sources, ~${words} words`)

  const dir = await mkdtemp(join(tmpdir(), 'dossier-bench-pdf-'))
  try {
    let file = 0
    const stalls: number[] = []
    /** One export to a new file, timed, watching the main thread's longest stall meanwhile. */
    const exportOnce = async (renderer: PdfWorkerRenderer, label: string): Promise<number> => {
      const out = join(dir, `briefing-${++file}.pdf`)
      let last = performance.now()
      let longest = 0
      const ticker = setInterval(() => {
        const now = performance.now()
        longest = Math.max(longest, now - last - 10)
        last = now
      }, 10)
      let progressEvents = 0
      const t0 = performance.now()
      const result = await renderer.renderToFile(layout, out, { fontsDir, onProgress: () => progressEvents++ })
      const elapsed = performance.now() - t0
      clearInterval(ticker)
      stalls.push(longest)
      const size = (await readFile(out)).length
      console.log(`  ${label}: ${fmt(elapsed)} (${result.pageCount} pages, ${(size / 1024).toFixed(0)} KB, ${progressEvents} progress events, main thread stalled at most ${longest.toFixed(0)} ms)`)
      return elapsed
    }

    const cold: number[] = []
    const repeat: number[] = []
    const prewarmed: number[] = []
    const warmups: number[] = []
    for (let run = 1; run <= RUNS; run++) {
      console.log(`run ${run}`)
      // A new worker, as at the first export after the app starts.
      const fresh = new PdfWorkerRenderer({ workerUrl })
      cold.push(await exportOnce(fresh, 'first export, cold worker'))
      repeat.push(await exportOnce(fresh, 'next export, same worker '))
      await fresh.dispose()
      // A worker warmed up beforehand (e.g. when the briefing composer opens).
      const warmed = new PdfWorkerRenderer({ workerUrl })
      const w0 = performance.now()
      await warmed.prewarm(fontsDir)
      warmups.push(performance.now() - w0)
      prewarmed.push(await exportOnce(warmed, 'first export, pre-warmed '))
      await warmed.dispose()
    }
    // For comparison: in-process and warm (what the CLI does after its first export).
    const w0 = performance.now()
    await renderBriefingPdf(layout, { fontsDir })
    const inProcess = performance.now() - w0

    const line = (label: string, xs: number[]) => console.log(`${label}: median ${fmt(median(xs))} (min ${fmt(Math.min(...xs))}, max ${fmt(Math.max(...xs))})`)
    console.log('')
    line('first export, cold worker ', cold)
    line('first export, pre-warmed  ', prewarmed)
    line('next export, same worker  ', repeat)
    line('warm-up in the background ', warmups)
    console.log(`in-process, warm: ${fmt(inProcess)}`)
    console.log(`main thread: longest stall ${Math.max(...stalls).toFixed(0)} ms while rendering`)
    const med = median(cold)
    console.log(`goal: first export from a cold worker <= ${GOAL_S} s for ~${TARGET_PAGES} pages: ${med / 1000 <= GOAL_S ? 'PASS' : 'FAIL'}`)
    if (args.keep) console.log(`kept: ${dir}`)
    console.log(`RESULT pdf_${TARGET_PAGES}_pages_s ${(med / 1000).toFixed(2)}`)
  } finally {
    if (!args.keep) await rm(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
