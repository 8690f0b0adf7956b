/**
 * Renders briefing PDFs in a worker thread, so the app's main process (and with it the
 * window) stays responsive while pdfkit lays out and draws, and reports progress.
 *
 * - The worker only renders; the bytes come back (transferred) and are written here with
 *   the same durable write as writeBriefingPdf (temp file, fsync, rename), async I/O that
 *   does not block. A cancelled or crashed render leaves nothing on disk, and a failed
 *   write leaves the target as it was.
 * - One worker serves every export (jobs run one at a time) and stays alive between them,
 *   so only the first export pays for loading pdfkit and for cold code; `prewarm` takes
 *   even that off the first export. The worker is stopped after `idleTimeoutMs` without a
 *   job and does not keep the process alive while idle.
 * - Cancel (AbortSignal): the worker is terminated at once (rendering is synchronous, so
 *   there is no gentler way); jobs queued behind it go to a new worker. A worker that
 *   dies fails only the job it was rendering. (The job plumbing is ../workers/worker-jobs.)
 *
 * The worker script is the built `pdf-worker.js` (entry `src/main/pdf/pdf-worker.ts`). By
 * default it is looked for beside the calling bundle and one folder up (bundlers may put
 * this module in a chunks/ subfolder); pass `workerUrl` to choose.
 */
import type { BriefingLayout } from '../../core/briefing'
import { writeFileDurably } from '../storage/durable-write'
import { findBuiltWorker } from '../workers/built-worker'
import { deserializeError } from '../workers/worker-errors'
import { WorkerJobs, type WorkerJob } from '../workers/worker-jobs'
import type { PdfProgress } from './briefing-pdf'
import type { PdfWorkerMessage, PdfWorkerRequest } from './pdf-worker'

export const PDF_WORKER_ENTRY = 'pdf-worker'

export interface PdfJobOptions {
  /** Directory holding the fonts (resources/fonts). */
  fontsDir: string
  /** Document info Author; defaults to the briefing's author, else 'Dossier'. */
  author?: string
  onProgress?: (progress: PdfProgress) => void
  /** Cancels the job: it rejects with an AbortError (or the signal's reason). */
  signal?: AbortSignal
}

export interface WorkerPdfResult {
  pageCount: number
  /** 1-based page where each section starts. */
  sectionPages: number[]
  sourcesPage: number
}

export interface PdfWorkerRendererOptions {
  /** The built worker script (default: defaultPdfWorkerUrl()). */
  workerUrl?: URL
  /** Stop the worker after this long without a job (default 2 minutes). */
  idleTimeoutMs?: number
  /** V8 young generation for the worker (default 48 MB; shaping allocates many short-lived objects). */
  youngGenerationMb?: number
}

/** The built worker beside this bundle, or one folder up; throws if neither exists. */
export function defaultPdfWorkerUrl(): URL {
  return findBuiltWorker(PDF_WORKER_ENTRY, import.meta.url, 'PDF worker')
}

export class PdfWorkerRenderer {
  readonly #jobs: WorkerJobs<PdfWorkerMessage>
  #nextId = 1
  #disposed = false

  constructor(options: PdfWorkerRendererOptions = {}) {
    this.#jobs = new WorkerJobs({
      label: 'PDF worker',
      workerUrl: () => options.workerUrl ?? defaultPdfWorkerUrl(),
      resourceLimits: { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 48 },
      idleTimeoutMs: options.idleTimeoutMs,
    })
  }

  /** Starts the worker and warms it up with a small throw-away render. Resolves when warm. */
  prewarm(fontsDir: string): Promise<void> {
    return this.#submit({ type: 'warm-up', id: this.#nextId++, fontsDir }, {}).then(() => undefined)
  }

  /** Renders `layout`; resolves with the PDF bytes (nothing is written). */
  render(layout: BriefingLayout, options: PdfJobOptions): Promise<WorkerPdfResult & { bytes: Uint8Array }> {
    return this.#submit({ type: 'render', id: this.#nextId++, layout, fontsDir: options.fontsDir, author: options.author }, options)
  }

  /** Renders `layout` and writes it durably to `outPath`. */
  async renderToFile(layout: BriefingLayout, outPath: string, options: PdfJobOptions): Promise<WorkerPdfResult> {
    const { bytes, ...result } = await this.render(layout, options)
    options.signal?.throwIfAborted()
    await writeFileDurably(outPath, bytes)
    options.onProgress?.({ phase: 'finish', done: 1, total: 1 })
    return result
  }

  /** Rejects pending jobs and stops the worker. */
  async dispose(): Promise<void> {
    this.#disposed = true
    await this.#jobs.shutDown(new Error('The PDF renderer was shut down.'))
  }

  #submit(request: PdfWorkerRequest, options: Pick<PdfJobOptions, 'onProgress' | 'signal'>): Promise<WorkerPdfResult & { bytes: Uint8Array }> {
    return new Promise((resolve, reject) => {
      if (this.#disposed) return reject(new Error('The PDF renderer was shut down.'))
      const { signal } = options
      if (signal?.aborted) return reject(abortError(signal))
      const done = () => signal?.removeEventListener('abort', onAbort)
      const job: WorkerJob<PdfWorkerMessage> = {
        request,
        onMessage: (message) => {
          if (message.type === 'progress') {
            options.onProgress?.(message.progress)
            return 'wait'
          }
          done()
          if (message.type === 'done') {
            const { type: _type, id: _id, bytes, ...rest } = message
            resolve({ ...rest, bytes: new Uint8Array(bytes) })
          } else {
            reject(deserializeError(message.error))
          }
          return 'done'
        },
        onLost: (error) => {
          done()
          reject(error)
        },
      }
      // Rendering is synchronous in the worker: cancel stops it, and the jobs behind it get a new one.
      const onAbort = () => {
        done()
        reject(abortError(signal!))
        void this.#jobs.stop(job)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#jobs.run(job)
    })
  }
}

const shared = new Map<string, PdfWorkerRenderer>()

/** The process-wide renderer for a worker script (created on first use). */
export function sharedPdfRenderer(workerUrl?: URL): PdfWorkerRenderer {
  const url = workerUrl ?? defaultPdfWorkerUrl()
  let renderer = shared.get(url.href)
  if (!renderer) {
    renderer = new PdfWorkerRenderer({ workerUrl: url })
    shared.set(url.href, renderer)
  }
  return renderer
}

export interface WorkerPdfOptions extends PdfJobOptions {
  workerUrl?: URL
}

/** Renders `layout` in the shared worker and writes it durably to `outPath`. */
export function renderBriefingPdfInWorker(layout: BriefingLayout, outPath: string, options: WorkerPdfOptions): Promise<WorkerPdfResult> {
  return sharedPdfRenderer(options.workerUrl).renderToFile(layout, outPath, options)
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason
  const error = new Error('The PDF export was cancelled.')
  error.name = 'AbortError'
  return error
}
