/**
 * The message shown in the app's single status region (role="status"): progress
 * ("Exporting…"), results ("Imported 5 articles") and errors (the Result's message,
 * verbatim). A new message replaces the previous one. A message about a thing can name it
 * as its `topic` ("briefing:b-…"); changing that thing retracts the message, so the bar
 * never shows a name the thing no longer has. `settle()` drops a result that has been
 * read (the app calls it when the analyst moves to another view); progress and errors stay.
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
  /** What the message is about, so a change to it can retract the message. */
  topic?: string
}

export interface StatusControls {
  announce(kind: StatusKind, text: string, details?: string[], actions?: StatusAction[], topic?: string): void
  announceError(error: ApiError): void
  clear(): void
  /** Clears the message if it is about `topic`. */
  retract(topic: string): void
  /** Clears a success or info message that offers nothing more to do. */
  settle(): void
}

export function useStatus(): [StatusMessage | null, StatusControls] {
  const [status, setStatus] = useState<StatusMessage | null>(null)

  const announce = useCallback((kind: StatusKind, text: string, details: string[] = [], actions: StatusAction[] = [], topic?: string) => {
    setStatus((prev) => ({ kind, text, details, actions, serial: (prev?.serial ?? 0) + 1, ...(topic ? { topic } : {}) }))
  }, [])
  const announceError = useCallback((error: ApiError) => announce('error', error.message), [announce])
  const clear = useCallback(() => setStatus(null), [])
  const retract = useCallback((topic: string) => setStatus((prev) => (prev?.topic === topic ? null : prev)), [])
  const settle = useCallback(
    () => setStatus((prev) => (prev && (prev.kind === 'success' || prev.kind === 'info') && prev.actions.length === 0 && prev.details.length === 0 ? null : prev)),
    [],
  )

  const controls = useMemo(() => ({ announce, announceError, clear, retract, settle }), [announce, announceError, clear, retract, settle])
  return [status, controls]
}
