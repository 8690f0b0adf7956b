/**
 * worker_threads entry: reads files to import (./prepare-file) off the main thread, one
 * at a time, inside limits the host (./extract-in-worker) enforces from outside: heap
 * (resourceLimits), wall time per file and per PDF page (it terminates this worker), and
 * here, before any reader is loaded, the cap on any one buffer (./buffer-cap, size from
 * workerData). The host is told before each PDF page, so it can time pages, and as soon
 * as a buffer is refused, so it can stop the file at once.
 *
 * Built as its own entry next to the main process (out/main/extract-worker.js).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serializeError, type SerializedError } from '../workers/worker-errors'
import { capBufferAllocations } from './buffer-cap'
import { bufferTooLarge, type ReaderLimits } from './extract-limits'
import type { PreparedFile } from './prepare-file'

export interface ExtractWorkerData {
  maxBufferBytes: number
}

/** `prepare` reads a file to import; `extract` only extracts its text (`dossier check` re-creating a body from its original). */
export type ExtractWorkerRequest = { type: 'prepare' | 'extract'; id: number; name: string; bytes: Uint8Array; limits: ReaderLimits }

export type ExtractWorkerMessage =
  | { type: 'page'; id: number; page: number; pages: number }
  /** A buffer over the cap was refused: the host stops the file now (the reader may take long to give up). */
  | { type: 'refused'; id: number }
  | { type: 'done'; id: number; prepared: PreparedFile }
  /** An `extract` request's text, UTF-8 encoded (its buffer transferred). */
  | { type: 'extracted'; id: number; text: Uint8Array }
  | { type: 'error'; id: number; error: SerializedError }

let inHand: number | null = null
const cap = capBufferAllocations((workerData as ExtractWorkerData).maxBufferBytes, () => {
  if (inHand !== null) parentPort?.postMessage({ type: 'refused', id: inHand } satisfies ExtractWorkerMessage)
})
// The readers (pdfjs, mammoth, jszip, jsdom, …) are loaded only now, so that every buffer
// they create, even one they keep a constructor for, is created under the cap.
const { prepareFile } = await import('./prepare-file')
const { extractDocument } = await import('./extract')

async function handle(port: NonNullable<typeof parentPort>, request: ExtractWorkerRequest): Promise<void> {
  const { id, name } = request
  const post = (message: ExtractWorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)
  cap.reset()
  inHand = id
  let outcome: { prepared: PreparedFile } | { text: Uint8Array } | { error: unknown }
  const options = { limits: request.limits, onPage: (page: number, pages: number) => post({ type: 'page', id, page, pages }) }
  try {
    outcome =
      request.type === 'extract'
        ? { text: new TextEncoder().encode((await extractDocument(request.bytes, name, options)).text) }
        : { prepared: await prepareFile(request.bytes, name, options) }
  } catch (error) {
    outcome = { error }
  }
  inHand = null
  // A refused buffer is the reason, however the reader reported (or swallowed) the error.
  if (cap.tripped !== null) outcome = { error: bufferTooLarge(name, (workerData as ExtractWorkerData).maxBufferBytes) }
  if ('error' in outcome) return post({ type: 'error', id, error: serializeError(outcome.error) })
  if ('text' in outcome) return post({ type: 'extracted', id, text: outcome.text }, [outcome.text.buffer as ArrayBuffer])
  const { body } = outcome.prepared
  const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : new Uint8Array(body)
  post({ type: 'done', id, prepared: { ...outcome.prepared, body: owned } }, [owned.buffer as ArrayBuffer])
}

if (parentPort) {
  const port = parentPort
  // The host posts one request at a time (../workers/worker-jobs); still, never two at once.
  let queue = Promise.resolve()
  port.on('message', (request: ExtractWorkerRequest) => {
    queue = queue.then(() => handle(port, request))
  })
}
