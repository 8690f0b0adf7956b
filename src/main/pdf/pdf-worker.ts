/**
 * worker_threads entry: renders briefing PDFs off the main thread, one job at a time, and
 * posts the bytes back (transferred, not copied), with progress on the way. Writing the
 * file is the caller's job (./render-in-worker), so terminating the worker (cancel) can
 * never leave a temp file behind.
 *
 * The worker lives on between exports: the second export no longer pays for loading pdfkit
 * and for fontkit's code running cold (a warm render of 50 pages takes about half the time
 * of a cold one). A `warm-up` job renders a small briefing and discards it, so the first
 * real export is fast too.
 *
 * Built as its own entry next to the main process (out/main/pdf-worker.js): see
 * render-in-worker.ts for how it is found.
 */
import { parentPort } from 'node:worker_threads'
import type { BriefingLayout } from '../../core/briefing'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import { serializeError, type SerializedError } from '../workers/worker-errors'
import { renderBriefingPdf, type PdfProgress } from './briefing-pdf'

export type PdfWorkerRequest =
  | { type: 'render'; id: number; layout: BriefingLayout; fontsDir: string; author?: string }
  | { type: 'warm-up'; id: number; fontsDir: string }

export type PdfWorkerMessage =
  | { type: 'progress'; id: number; progress: PdfProgress }
  | { type: 'done'; id: number; bytes: ArrayBuffer; pageCount: number; sectionPages: number[]; sourcesPage: number }
  | { type: 'error'; id: number; error: SerializedError }

async function handle(port: NonNullable<typeof parentPort>, request: PdfWorkerRequest): Promise<void> {
  const { id } = request
  const post = (message: PdfWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)
  let lastProgress = 0
  try {
    const layout = request.type === 'render' ? request.layout : warmUpLayout()
    const rendered = await renderBriefingPdf(layout, {
      fontsDir: request.fontsDir,
      author: request.type === 'render' ? request.author : undefined,
      onProgress: (progress) => {
        if (request.type !== 'render') return
        // At most ~20 messages a second, but always the first and last of each phase.
        const now = Date.now()
        if (progress.done !== 0 && progress.done !== progress.total && now - lastProgress < 50) return
        lastProgress = now
        post({ type: 'progress', id, progress })
      },
    })
    // A copy into a buffer of its own, so the transfer cannot detach pdfkit's pooled memory.
    const bytes = request.type === 'render' ? new Uint8Array(rendered.bytes).buffer : new ArrayBuffer(0)
    post({ type: 'done', id, bytes, pageCount: rendered.pageCount, sectionPages: rendered.sectionPages, sourcesPage: rendered.sourcesPage }, [bytes])
  } catch (error) {
    post({ type: 'error', id, error: serializeError(error) })
  }
}

/** A few pages exercising every face and an Arabic run: enough for fontkit and pdfkit to warm up. */
function warmUpLayout(): BriefingLayout {
  const tag = { id: 't-warm' as TagId, name: 'Warm-up', color: '#0072B2', description: 'Not exported.' }
  const words =
    'The convoy left the port at dawn while officials said negotiations would continue — “temporary” arrangements, ‘remain in place’, ' +
    'Sohtaoğlu told reporters on 14 December; the base at طرطوس and the airfield were quiet. '
  const passages = Array.from({ length: 24 }, (_, i) => ({
    number: i + 1,
    sectionNumber: 1,
    highlightId: `h-warm${i}` as HighlightId,
    articleId: 'a-warm' as ArticleId,
    quote: words.repeat(1 + (i % 3)),
    comment: i % 2 ? words : '',
    sourceNumber: 1,
    tags: [tag],
    target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' },
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    alsoIn: [],
  }))
  return {
    briefingId: null,
    title: 'Warm-up',
    author: 'Dossier',
    date: '2025-01-01',
    handling: 'WARM-UP',
    keyJudgments: words,
    generatedAt: '2025-01-01T00:00:00.000Z',
    multiTag: 'repeat',
    scope: { tags: [tag], untagged: false, articleCount: null, from: null, to: null },
    sections: [{ number: 1, tag, note: words, passages, references: [] }],
    sources: [{ number: 1, articleId: 'a-warm' as ArticleId, title: 'Warm-up', outlet: 'Dossier', author: null, published: '2025-01-01', url: 'https://example.org/', bodyHash: '0'.repeat(64), language: 'en', citedBy: [1] }],
    passageCount: passages.length,
    highlightCount: passages.length,
    warnings: [],
  }
}

if (parentPort) {
  const port = parentPort
  // One job at a time, in arrival order.
  let queue = Promise.resolve()
  port.on('message', (request: PdfWorkerRequest) => {
    queue = queue.then(() => handle(port, request))
  })
}
