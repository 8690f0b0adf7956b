/**
 * The host side of a worker thread that runs jobs one at a time (the PDF renderer, the
 * import extractor). Jobs wait here, not in the worker: exactly one is posted at a time,
 * so the host always knows which job the worker is busy with, and
 *
 * - when the worker dies (out of memory, a crash, a missing script) only that job fails;
 *   the jobs behind it go to a fresh worker;
 * - `stop(job)` ends a job from outside (cancel, a time limit): a job still waiting is
 *   dropped, the job in hand is stopped by terminating the worker (its work is
 *   synchronous, there is no gentler way), and the next job starts a fresh one;
 * - the worker lives on between jobs (warm code, loaded libraries), does not keep the
 *   process alive while idle (unref), and is stopped after `idleTimeoutMs` without work.
 *
 * The worker script is a built file (see built-worker.ts); what the jobs and their
 * messages mean is the caller's business.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads'

export interface WorkerJob<M> {
  /** Posted to the worker when the job's turn comes; carries the job's `id`. */
  request: { id: number }
  /** Buffers to transfer (not copy) with the request. */
  transfer?: ArrayBuffer[]
  /** The request was posted: the worker is now working on this job. */
  onStart?: () => void
  /** A message the worker posted for this job: more to come, the job's last, or its last and the worker is to be replaced. */
  onMessage: (message: M) => JobStep
  /** The job cannot finish: the worker died while it ran, or the host was shut down. */
  onLost: (error: Error) => void
}

/**
 * After a message: 'wait' for more, 'done', or 'done-retire': done, and the next job gets a
 * fresh worker (the old one may still be busy with what the job left behind, or hold its
 * garbage).
 */
export type JobStep = 'wait' | 'done' | 'done-retire'

export interface WorkerJobsOptions {
  /** The built worker script (resolved when the first worker starts). */
  workerUrl: () => URL
  /** Named in errors: 'The PDF worker stopped …'. */
  label: string
  resourceLimits?: ResourceLimits
  /** Given to every worker started (`workerData`). */
  workerData?: unknown
  /** Stop the worker after this long without a job (default 2 minutes). */
  idleTimeoutMs?: number
}

/** A worker error or exit while a job ran: `code` is the worker's error code, e.g. ERR_WORKER_OUT_OF_MEMORY. */
export class WorkerLostError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
    this.name = 'WorkerLostError'
  }
}

export class WorkerJobs<M extends { id: number }> {
  readonly #options: WorkerJobsOptions
  readonly #waiting: WorkerJob<M>[] = []
  #current: WorkerJob<M> | null = null
  #worker: Worker | null = null
  #idleTimer: NodeJS.Timeout | null = null
  #shutDown: Error | null = null

  constructor(options: WorkerJobsOptions) {
    this.#options = options
  }

  /** Queues a job; it starts when the jobs before it are done. */
  run(job: WorkerJob<M>): void {
    if (this.#shutDown) return job.onLost(this.#shutDown)
    this.#waiting.push(job)
    this.#next()
  }

  /** Ends a job that will not be finished: dropped if waiting, the worker terminated if it is the job in hand. */
  async stop(job: WorkerJob<M>): Promise<void> {
    const at = this.#waiting.indexOf(job)
    if (at !== -1) {
      this.#waiting.splice(at, 1)
      return
    }
    if (this.#current !== job) return
    this.#current = null
    await this.#terminate()
    this.#next()
  }

  /** Stops the worker; every job not yet done is told `error` (onLost). Later jobs are refused with it. */
  async shutDown(error: Error): Promise<void> {
    this.#shutDown = error
    const lost = [...(this.#current ? [this.#current] : []), ...this.#waiting.splice(0)]
    this.#current = null
    for (const job of lost) job.onLost(error)
    await this.#terminate()
  }

  /** Whether a worker thread is running now (for tests and diagnostics). */
  get hasWorker(): boolean {
    return this.#worker !== null
  }

  #next(): void {
    if (this.#current || this.#shutDown) return
    const job = this.#waiting.shift()
    if (!job) return this.#idle()
    this.#current = job
    this.#busy()
    try {
      this.#ensureWorker().postMessage(job.request, job.transfer ?? [])
    } catch (error) {
      this.#current = null
      job.onLost(error instanceof Error ? error : new Error(String(error)))
      return this.#next()
    }
    job.onStart?.()
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker
    const { resourceLimits, workerData } = this.#options
    const worker = new Worker(this.#options.workerUrl(), { ...(resourceLimits ? { resourceLimits } : {}), ...(workerData !== undefined ? { workerData } : {}) })
    worker.on('message', (message: M) => {
      const job = this.#current
      if (this.#worker !== worker || !job || job.request.id !== message.id) return
      const step = job.onMessage(message)
      if (step === 'wait' || this.#current !== job) return
      this.#current = null
      if (step === 'done-retire') void this.#terminate()
      this.#next()
    })
    const lose = (error: WorkerLostError) => {
      if (this.#worker !== worker) return
      this.#worker = null
      const job = this.#current
      this.#current = null
      void worker.terminate()
      job?.onLost(error)
      this.#next()
    }
    worker.on('error', (error: Error & { code?: string }) => lose(new WorkerLostError(`The ${this.#options.label} failed: ${error.message}`, error.code)))
    worker.on('exit', (code) => lose(new WorkerLostError(`The ${this.#options.label} stopped before finishing (exit code ${code}).`, undefined)))
    this.#worker = worker
    return worker
  }

  async #terminate(): Promise<void> {
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
    if (!this.#worker) return
    this.#idleTimer = setTimeout(() => void this.#terminate(), this.#options.idleTimeoutMs ?? 120_000)
    this.#idleTimer.unref()
  }
}
