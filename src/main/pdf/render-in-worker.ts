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
 *   there is no gentler way); jobs queued behind it are resubmitted to a new worker.
 *
 * The worker script is the built `pdf-worker.js` (entry `src/main/pdf/pdf-worker.ts`). By
 * default it is looked for beside the calling bundle and one folder up (bundlers may put
 * this module in a chunks/ subfolder); pass `workerUrl` to choose.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { BriefingLayout } from '../../core/briefing'
import { DossierError, type ErrorCode } from '../../core/result'
import { writeFileDurably } from '../storage/durable-write'
import type { PdfProgress } from './briefing-pdf'
import type { PdfWorkerMessage, PdfWorkerRequest, SerializedError } from './pdf-worker'

export const PDF_WORKER_FILE = 'pdf-worker.js'

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
  const candidates = [new URL(`./${PDF_WORKER_FILE}`, import.meta.url), new URL(`../${PDF_WORKER_FILE}`, import.meta.url)]
  const found = candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)))
  if (!found) throw new Error(`The PDF worker (${PDF_WORKER_FILE}) was not found next to ${fileURLToPath(import.meta.url)}; is it part of the build?`)
  return found
}

interface Job {
  request: PdfWorkerRequest
  resolve: (value: WorkerPdfResult & { bytes: Uint8Array }) => void
  reject: (error: Error) => void
  onProgress?: (progress: PdfProgress) => void
  cleanup: () => void
}

export class PdfWorkerRenderer {
  readonly #options: PdfWorkerRendererOptions
  #worker: Worker | null = null
  #jobs = new Map<number, Job>()
  #nextId = 1
  #idleTimer: NodeJS.Timeout | null = null
  #disposed = false

  constructor(options: PdfWorkerRendererOptions = {}) {
    this.#options = options
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
    this.#failAll(new Error('The PDF renderer was shut down.'))
    await this.#stop()
  }

  #submit(request: PdfWorkerRequest, options: Pick<PdfJobOptions, 'onProgress' | 'signal'>): Promise<WorkerPdfResult & { bytes: Uint8Array }> {
    return new Promise((resolve, reject) => {
      if (this.#disposed) return reject(new Error('The PDF renderer was shut down.'))
      const { signal } = options
      if (signal?.aborted) return reject(abortError(signal))
      const onAbort = () => {
        const job = this.#jobs.get(request.id)
        if (!job) return
        this.#jobs.delete(request.id)
        job.reject(abortError(signal!))
        // Rendering is synchronous in the worker: stop it, and give the other jobs a new one.
        void this.#restart()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      const job: Job = { request, resolve, reject, onProgress: options.onProgress, cleanup: () => signal?.removeEventListener('abort', onAbort) }
      this.#jobs.set(request.id, job)
      try {
        this.#post(request)
      } catch (error) {
        this.#jobs.delete(request.id)
        job.cleanup()
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    })
  }

  #post(request: PdfWorkerRequest): void {
    this.#busy()
    this.#ensureWorker().postMessage(request)
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker
    const worker = new Worker(this.#options.workerUrl ?? defaultPdfWorkerUrl(), {
      resourceLimits: { maxYoungGenerationSizeMb: this.#options.youngGenerationMb ?? 48 },
    })
    worker.on('message', (message: PdfWorkerMessage) => this.#onMessage(message))
    worker.on('error', (error) => {
      if (this.#worker !== worker) return
      this.#worker = null
      this.#failAll(error)
    })
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return
      this.#worker = null
      this.#failAll(new Error(`The PDF worker stopped before finishing (exit code ${code}).`))
    })
    this.#worker = worker
    return worker
  }

  #onMessage(message: PdfWorkerMessage): void {
    const job = this.#jobs.get(message.id)
    if (!job) return // a job cancelled after the worker had started it
    if (message.type === 'progress') {
      job.onProgress?.(message.progress)
      return
    }
    this.#jobs.delete(message.id)
    job.cleanup()
    if (message.type === 'done') {
      const { type: _type, id: _id, bytes, ...rest } = message
      job.resolve({ ...rest, bytes: new Uint8Array(bytes) })
    } else {
      job.reject(deserializeError(message.error))
    }
    if (this.#jobs.size === 0) this.#idle()
  }

  /** Terminates the worker and resubmits the jobs it still held (jobs submitted meanwhile go to the new worker). */
  async #restart(): Promise<void> {
    const waiting = [...this.#jobs.values()].sort((a, b) => a.request.id - b.request.id)
    await this.#stop()
    if (this.#jobs.size === 0) return this.#idle()
    for (const job of waiting) {
      if (this.#jobs.get(job.request.id) !== job) continue
      try {
        this.#post(job.request)
      } catch (error) {
        this.#jobs.delete(job.request.id)
        job.cleanup()
        job.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }
  }

  async #stop(): Promise<void> {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
    const worker = this.#worker
    this.#worker = null
    if (worker) await worker.terminate()
  }

  #busy(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = null
    this.#worker?.ref()
  }

  #idle(): void {
    // An idle worker must not keep the process (the CLI, a test) alive.
    this.#worker?.unref()
    if (this.#idleTimer) clearTimeout(this.#idleTimer)
    this.#idleTimer = setTimeout(() => void this.#stop(), this.#options.idleTimeoutMs ?? 120_000)
    this.#idleTimer.unref()
  }

  #failAll(error: Error): void {
    const jobs = [...this.#jobs.values()]
    this.#jobs.clear()
    for (const job of jobs) {
      job.cleanup()
      job.reject(error)
    }
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

/** The worker's error as the caller would have seen it in-thread (DossierError, or an Error with its errno code). */
function deserializeError(e: SerializedError): Error {
  if (e.dossier && e.code) return new DossierError(e.code as ErrorCode, e.message)
  const error = new Error(e.message) as Error & { code?: string }
  error.name = e.name
  if (e.code) error.code = e.code
  if (e.stack) error.stack = e.stack
  return error
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason
  const error = new Error('The PDF export was cancelled.')
  error.name = 'AbortError'
  return error
}
