/**
 * The worker wrapper with the REAL worker: pdf-worker.ts bundled with vite into a temp
 * folder by ../workers/test-worker-build (as the app build does; Node cannot run the .ts entry).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing, type BriefingLayout } from '../../core/briefing'
import type { HighlightId, TagId } from '../../core/ids'
import type { Highlight, Tag } from '../../core/model'
import { makeTextTarget } from '../../core/selectors'
import { testArticle } from '../../core/testing/test-article'
import { renderBriefingPdf, type PdfProgress } from './briefing-pdf'
import { PdfWorkerRenderer, renderBriefingPdfInWorker } from './render-in-worker'
import { buildTestPdfWorker, type TestPdfWorker } from '../workers/test-worker-build'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const FONTS_DIR = join(ROOT, 'resources', 'fonts')

let dir: string
let worker: TestPdfWorker
let workerUrl: URL

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-pdf-worker-'))
  worker = await buildTestPdfWorker('test-pdf-worker-')
  workerUrl = worker.url
}, 60_000)

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await worker.remove()
})

/** A briefing of `n` passages of ordinary prose with an Arabic name in each. */
function makeLayout(n: number): BriefingLayout {
  const tag: Tag = { id: 't-ports' as TagId, name: 'Ports', color: '#0072B2', description: 'Port calls.' }
  const sentence = 'Harbour officials in طرطوس said the berths on the northern quay had been cleared by the end of the week, and that traffic would resume — “soon”. '
  const text = sentence.repeat(n)
  const article = testArticle('a-0000000001', { title: 'Ports', outlet: 'Outlet', published: '2025-01-01', wordCount: 1, charCount: text.length })
  const highlights: Highlight[] = Array.from({ length: n }, (_, i) => ({
    id: `h-${String(i).padStart(10, '0')}` as HighlightId,
    articleId: article.id,
    target: makeTextTarget(text, i * sentence.length, (i + 1) * sentence.length - 1),
    tagIds: [tag.id],
    comment: i % 2 ? 'Worth a follow-up.' : '',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }))
  return buildBriefing({ title: 'Worker test' }, { articles: [article], tags: [tag], highlights }, { generatedAt: '2026-11-21T13:57:00.000Z' })
}

describe('PdfWorkerRenderer', () => {
  it('renders in the worker exactly what the main thread would, reporting progress', async () => {
    const renderer = new PdfWorkerRenderer({ workerUrl })
    try {
      const layout = makeLayout(40)
      const progress: PdfProgress[] = []
      const out = join(dir, 'worker.pdf')
      const result = await renderer.renderToFile(layout, out, { fontsDir: FONTS_DIR, onProgress: (p) => progress.push(p) })
      const inThread = await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })
      expect(result).toEqual({ pageCount: inThread.pageCount, sectionPages: inThread.sectionPages, sourcesPage: inThread.sourcesPage })
      expect(Buffer.compare(await readFile(out), inThread.bytes)).toBe(0)
      expect(progress[0]).toMatchObject({ phase: 'layout', done: 0 })
      expect(progress.some((p) => p.phase === 'draw' && p.done === p.total && p.total === result.pageCount)).toBe(true)
      expect(progress.at(-1)).toEqual({ phase: 'finish', done: 1, total: 1 })
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    } finally {
      await renderer.dispose()
    }
  }, 60_000)

  it('keeps the main thread free while rendering', async () => {
    const renderer = new PdfWorkerRenderer({ workerUrl })
    try {
      await renderer.prewarm(FONTS_DIR)
      let ticks = 0
      const timer = setInterval(() => ticks++, 5)
      const started = performance.now()
      await renderer.render(makeLayout(60), { fontsDir: FONTS_DIR })
      const elapsed = performance.now() - started
      clearInterval(timer)
      // The event loop kept turning: at least a third of the possible 5 ms ticks happened.
      expect(ticks).toBeGreaterThan(elapsed / 5 / 3)
    } finally {
      await renderer.dispose()
    }
  }, 60_000)

  it('cancels a render: rejects with AbortError, writes nothing, and the next job still runs', async () => {
    const renderer = new PdfWorkerRenderer({ workerUrl })
    try {
      const out = join(dir, 'cancelled.pdf')
      const controller = new AbortController()
      const big = renderer.renderToFile(makeLayout(300), out, {
        fontsDir: FONTS_DIR,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'layout' && p.done > 0) controller.abort()
        },
      })
      const queued = renderer.render(makeLayout(3), { fontsDir: FONTS_DIR })
      queued.catch(() => undefined) // awaited below; never left unhandled if an assertion fails first
      await expect(big).rejects.toMatchObject({ name: 'AbortError' })
      expect((await readdir(dir)).filter((f) => f.startsWith('cancelled') || f.includes('.cancelled.pdf'))).toEqual([])
      // The job queued behind the cancelled one went to a new worker.
      expect((await queued).pageCount).toBeGreaterThanOrEqual(2)
      const already = new AbortController()
      already.abort()
      await expect(renderer.render(makeLayout(3), { fontsDir: FONTS_DIR, signal: already.signal })).rejects.toMatchObject({ name: 'AbortError' })
    } finally {
      await renderer.dispose()
    }
  }, 60_000)

  it('passes errors back as the main thread would see them, leaving the target as it was', async () => {
    const renderer = new PdfWorkerRenderer({ workerUrl })
    try {
      const out = join(dir, 'keep.pdf')
      await writeFile(out, 'older bytes')
      await expect(renderer.renderToFile(makeLayout(2), out, { fontsDir: join(dir, 'no-fonts') })).rejects.toThrow(/^Cannot load the PDF font NotoSans-Regular\.ttf/)
      expect(await readFile(out, 'utf8')).toBe('older bytes')
      // A write error keeps its errno code, for the caller's message.
      await expect(renderer.renderToFile(makeLayout(2), join(dir, 'missing', 'x.pdf'), { fontsDir: FONTS_DIR })).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await renderer.dispose()
    }
  }, 60_000)

  it('rejects jobs after dispose, and a missing worker script clearly', async () => {
    const renderer = new PdfWorkerRenderer({ workerUrl })
    await renderer.dispose()
    await expect(renderer.render(makeLayout(1), { fontsDir: FONTS_DIR })).rejects.toThrow(/shut down/)
    const broken = new PdfWorkerRenderer({ workerUrl: pathToFileURL(join(dir, 'nope.mjs')) })
    await expect(broken.render(makeLayout(1), { fontsDir: FONTS_DIR })).rejects.toThrow()
    await broken.dispose()
  }, 30_000)

  it('renderBriefingPdfInWorker uses a shared renderer', async () => {
    const out = join(dir, 'shared.pdf')
    const result = await renderBriefingPdfInWorker(makeLayout(2), out, { fontsDir: FONTS_DIR, workerUrl })
    expect(result.pageCount).toBeGreaterThanOrEqual(2)
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
  }, 60_000)

})
