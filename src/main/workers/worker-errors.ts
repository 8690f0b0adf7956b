/**
 * Errors across a worker_threads boundary: a worker posts what it caught as a plain
 * object (structured clone keeps no class), and the host turns it back into what the
 * caller would have seen in-thread: a DossierError with its code, or an Error with its
 * name, errno code and stack.
 */
import { DossierError, isDossierError, type ErrorCode } from '../../core/result'

export interface SerializedError {
  name: string
  message: string
  /** DossierError code or Node errno code. */
  code?: string
  dossier: boolean
  stack?: string
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined, dossier: isDossierError(error), stack: error.stack }
  }
  return { name: 'Error', message: String(error), dossier: false }
}

/** The worker's error as the caller would have seen it in-thread (DossierError, or an Error with its errno code). */
export function deserializeError(e: SerializedError): Error {
  if (e.dossier && e.code) return new DossierError(e.code as ErrorCode, e.message)
  const error = new Error(e.message) as Error & { code?: string }
  error.name = e.name
  if (e.code) error.code = e.code
  if (e.stack) error.stack = e.stack
  return error
}
