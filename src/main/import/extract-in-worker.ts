/**
 * Reads files to import in a worker thread (./extract-worker), never on the main thread,
 * in the app as in the CLI and the tests: a hostile or huge file can cost at most its own
 * failure, and the main thread (the app's window) keeps turning while it is read.
 *
 * Per file, the host enforces from outside what the reader cannot be trusted to:
 * - wall time for the whole file (`fileMs`) and for each PDF page (`pageMs`, the worker
 *   says when a page starts);
 * - the worker's heap (`resourceLimits`; a worker that runs out dies, and only its file
 *   fails: "needs more than N MB of memory to read");
 * - the cap on any one buffer: the worker says when it refused one, and the file stops;
 * - cancel: the import's AbortSignal stops the file in hand at once.
 * Stopping means terminating the worker (the readers are synchronous); the next file gets
 * a fresh one (../workers/worker-jobs), as it does after a file that failed unexpectedly. Inside the worker, the readers' own caps apply
 * (./extract-limits), plus the cap on any one buffer.
 *
 * One worker is shared by the process (`sharedImportExtractor`): it stays warm between
 * files and batches, and does not keep the process alive while idle. The worker script
 * is the built `extract-worker.js`, beside the calling bundle or one folder up;
 * `configureImportExtractor` chooses another (the unit tests use a bundle they build).
 */
import { DossierError } from '../../core/result'
import { copyInSlices } from '../in-slices'
import { findBuiltWorker } from '../workers/built-worker'
import { deserializeError } from '../workers/worker-errors'
import { WorkerJobs, WorkerLostError, type WorkerJob } from '../workers/worker-jobs'
import { bufferTooLarge, DEFAULT_LIMITS, fileTimedOut, needsTooMuchMemory, pageTimedOut, type ExtractLimits, type ReaderLimits } from './extract-limits'
import type { ExtractWorkerData, ExtractWorkerMessage, ExtractWorkerRequest } from './extract-worker'
import type { PreparedFile } from './prepare-file'

export const EXTRACT_WORKER_ENTRY = 'extract-worker'

export function defaultExtractWorkerUrl(): URL {
  return findBuiltWorker(EXTRACT_WORKER_ENTRY, import.meta.url, 'import worker')
}

export interface ImportExtractorOptions {
  /** The built worker script (default: defaultExtractWorkerUrl()). */
  workerUrl?: URL
  /** Limits to change from DEFAULT_LIMITS. */
  limits?: Partial<ExtractLimits>
  /** Stop the worker after this long without a file (default 2 minutes). */
  idleTimeoutMs?: number
}

export class ImportExtractor {
  readonly limits: ExtractLimits
  readonly #jobs: WorkerJobs<ExtractWorkerMessage>
  #nextId = 1

  constructor(options: ImportExtractorOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits }
    this.#jobs = new WorkerJobs({
      label: 'import worker',
      workerUrl: () => options.workerUrl ?? defaultExtractWorkerUrl(),
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
      workerData: { maxBufferBytes: this.limits.maxBufferBytes } satisfies ExtractWorkerData,
      idleTimeoutMs: options.idleTimeoutMs,
    })
  }

  /** Extracts and drafts one file in the worker. Rejects with a DossierError naming the file for every way it can fail. */
  async prepare(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<PreparedFile> {
    if (signal?.aborted) throw cancelledWhileReading(name)
    // A copy of its own goes to the worker (transferred): the caller keeps `bytes` to store as
    // the original. (Not bytes.slice(): on a Buffer that is a view, maybe of Node's shared pool.)
    return this.#run('prepare', await copyInSlices(bytes), name, signal)
  }

  /**
   * Extracts only the text of one file in the worker, within the same limits (what
   * `dossier check` does to re-create a body from its stored original). Rejects as `prepare`.
   */
  async extractText(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<string> {
    if (signal?.aborted) throw cancelledWhileReading(name)
    return new TextDecoder().decode(await this.#run('extract', await copyInSlices(bytes), name, signal))
  }

  #run(type: 'prepare', copy: Uint8Array, name: string, signal: AbortSignal | undefined): Promise<PreparedFile>
  #run(type: 'extract', copy: Uint8Array, name: string, signal: AbortSignal | undefined): Promise<Uint8Array>
  #run(type: 'prepare' | 'extract', copy: Uint8Array, name: string, signal: AbortSignal | undefined): Promise<PreparedFile | Uint8Array> {
    const { fileMs, pageMs, heapMb, maxBufferBytes, ...readerLimits } = this.limits
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(cancelledWhileReading(name))
      let fileTimer: NodeJS.Timeout | undefined
      let pageTimer: NodeJS.Timeout | undefined
      const finish = () => {
        clearTimeout(fileTimer)
        clearTimeout(pageTimer)
        signal?.removeEventListener('abort', onAbort)
      }
      // Ends the job from here: the worker is terminated, the next file gets a new one.
      const stop = (error: DossierError) => {
        finish()
        reject(error)
        void this.#jobs.stop(job)
      }
      const request: ExtractWorkerRequest = { type, id: this.#nextId++, name, bytes: copy, limits: readerLimits satisfies ReaderLimits }
      const job: WorkerJob<ExtractWorkerMessage> = {
        request,
        transfer: [copy.buffer as ArrayBuffer],
        onStart: () => {
          fileTimer = setTimeout(() => stop(fileTimedOut(name, fileMs)), fileMs)
        },
        onMessage: (message) => {
          if (message.type === 'page') {
            clearTimeout(pageTimer)
            pageTimer = setTimeout(() => stop(pageTimedOut(name, message.page, message.pages, pageMs)), pageMs)
            return 'wait'
          }
          if (message.type === 'refused') {
            stop(bufferTooLarge(name, maxBufferBytes))
            return 'wait'
          }
          finish()
          if (message.type === 'done') {
            resolve(message.prepared)
            return 'done'
          }
          if (message.type === 'extracted') {
            resolve(message.text)
            return 'done'
          }
          const error = deserializeError(message.error)
          reject(error)
          // A reader's refusal leaves the worker as it was; after anything else (a bug, an
          // error no reader expected) the worker is replaced, with whatever it left behind.
          return error instanceof DossierError ? 'done' : 'done-retire'
        },
        onLost: (error) => {
          finish()
          reject(lostWorkerError(error, name, heapMb))
        },
      }
      const onAbort = () => stop(cancelledWhileReading(name))
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#jobs.run(job)
    })
  }

  /** Fails files not yet read and stops the worker. */
  async dispose(): Promise<void> {
    await this.#jobs.shutDown(new Error('The import worker was shut down.'))
  }
}

function cancelledWhileReading(name: string): DossierError {
  return new DossierError('canceled', `Not imported: the import was cancelled while ${name} was being read.`)
}

function lostWorkerError(error: Error, name: string, heapMb: number): DossierError {
  if (error instanceof WorkerLostError && error.code === 'ERR_WORKER_OUT_OF_MEMORY') return needsTooMuchMemory(name, heapMb)
  return new DossierError('internal', `${name} could not be read: ${error.message}`)
}

let sharedOptions: ImportExtractorOptions = {}
let shared: ImportExtractor | null = null

/** The process-wide extractor (created on first use, with the options last configured). */
export function sharedImportExtractor(): ImportExtractor {
  return (shared ??= new ImportExtractor(sharedOptions))
}

/** Sets the options of the shared extractor; one already running is shut down (files it holds fail). */
export async function configureImportExtractor(options: ImportExtractorOptions): Promise<void> {
  const previous = shared
  shared = null
  sharedOptions = options
  await previous?.dispose()
}

/** Extracts the text of one stored original, in the shared worker (the same limits as import). */
export function extractTextInWorker(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<string> {
  return sharedImportExtractor().extractText(bytes, name, signal)
}

/** Extracts and drafts one file to import, in the shared worker. */
export function prepareInWorker(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<PreparedFile> {
  return sharedImportExtractor().prepare(bytes, name, signal)
}
