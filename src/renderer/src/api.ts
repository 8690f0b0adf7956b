/**
 * The renderer's only door to the main process. This is the one module that reads
 * `window.dossier` (exposed by the preload); everything else imports `api` from here.
 *
 * Guarantees: every call resolves to a `Result`, never rejects. A missing bridge or a
 * broken IPC channel (bugs, not expected failures) still comes back as an `internal`
 * error value, so the UI can show it in the status region instead of failing silently.
 */
import {
  API_METHODS,
  type Canceled,
  type DossierApi,
  type DossierBridge,
  type DossierEvent,
} from '../../core/api'
import type { ApiError, Result } from '../../core/result'

declare global {
  interface Window {
    dossier: DossierBridge
  }
}

const NO_BRIDGE = 'The connection to Dossier’s main process is not available. Restart the app.'

function bridge(): DossierBridge | undefined {
  // The preload may be missing (e.g. the page opened outside Electron): stay usable.
  return typeof window !== 'undefined' ? (window.dossier as DossierBridge | undefined) : undefined
}

function internalError<T>(message: string): Result<T> {
  return { ok: false, error: { code: 'internal', message } }
}

async function invoke(method: keyof DossierApi, args: unknown[]): Promise<Result<unknown>> {
  const target = bridge()
  if (!target || typeof target[method] !== 'function') return internalError(NO_BRIDGE)
  try {
    const call = target[method] as (...a: unknown[]) => Promise<Result<unknown>>
    const result = await call(...args)
    if (result && typeof result === 'object' && 'ok' in result) return result
    return internalError(`Unexpected reply from ${method}.`)
  } catch (e) {
    return internalError(e instanceof Error ? e.message : String(e))
  }
}

/** The typed client: same methods as `DossierApi`, each resolving to a `Result`. */
export const api: DossierApi = Object.fromEntries(
  API_METHODS.map((method) => [method, (...args: unknown[]) => invoke(method, args)]),
) as unknown as DossierApi

/** Subscribes to events pushed by main (menu commands, notebook switches). */
export function onDossierEvent(listener: (event: DossierEvent) => void): () => void {
  const target = bridge()
  if (!target || typeof target.onEvent !== 'function') return () => {}
  return target.onEvent(listener)
}

/** True when a dialog-driven call was dismissed by the user. */
export function isCanceled(value: unknown): value is Canceled {
  return typeof value === 'object' && value !== null && (value as Partial<Canceled>).canceled === true
}

/** The value of a Result, or `undefined` after passing its error to `onError`. */
export function unwrap<T>(result: Result<T>, onError: (error: ApiError) => void): T | undefined {
  if (result.ok) return result.value
  onError(result.error)
  return undefined
}

export type { ApiError, Result }
