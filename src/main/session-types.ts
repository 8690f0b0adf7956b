/** The options and dependencies of a `NotebookSession` (notebook-session.ts). */
import type { ImportItem, JobProgress } from '../core/api'
import type { FileWriter } from './storage/durable-write'

export interface SessionDeps {
  fontsDir: string
  /** Named in the lock file so another process can say who holds the notebook. */
  app?: string
  now?: () => string
  randomHex?: () => string
}

export interface SessionOpenOptions {
  create?: boolean
  readOnly?: boolean
  app?: string
  writer?: FileWriter
}

/** Progress and cancellation for long jobs (import batches, exports). */
export interface JobControl {
  onProgress?: (progress: JobProgress) => void
  signal?: AbortSignal
  /** Imports: told after each commit step with the items it settled. */
  onCommitted?: (items: readonly ImportItem[]) => void
}
