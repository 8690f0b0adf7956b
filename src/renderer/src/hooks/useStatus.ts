/**
 * The message shown in the app's single status region (role="status"): progress
 * ("Exporting…"), results ("Imported 5 articles") and errors (the Result's message,
 * verbatim). A new message replaces the previous one.
 */
import { useCallback, useMemo, useState } from 'react'
import type { ApiError } from '../api'

export type StatusKind = 'info' | 'busy' | 'success' | 'error'

/** A follow-up the message offers, e.g. "Open" after an export. */
export interface StatusAction {
  label: string
  run(): void
}

export interface StatusMessage {
  kind: StatusKind
  text: string
  /** Extra lines, e.g. one per file that failed to import. */
  details: string[]
  /** Buttons shown with the message until the next one replaces it. */
  actions: StatusAction[]
  /** Increases with every message, so a repeated text still counts as new. */
  serial: number
}

export interface StatusControls {
  announce(kind: StatusKind, text: string, details?: string[], actions?: StatusAction[]): void
  announceError(error: ApiError): void
  clear(): void
}

export function useStatus(): [StatusMessage | null, StatusControls] {
  const [status, setStatus] = useState<StatusMessage | null>(null)

  const announce = useCallback((kind: StatusKind, text: string, details: string[] = [], actions: StatusAction[] = []) => {
    setStatus((prev) => ({ kind, text, details, actions, serial: (prev?.serial ?? 0) + 1 }))
  }, [])
  const announceError = useCallback((error: ApiError) => announce('error', error.message), [announce])
  const clear = useCallback(() => setStatus(null), [])

  const controls = useMemo(() => ({ announce, announceError, clear }), [announce, announceError, clear])
  return [status, controls]
}
