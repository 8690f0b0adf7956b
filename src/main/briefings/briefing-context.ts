/**
 * What the briefing functions (storage, preview, export, W3C import) need from the open
 * notebook session: one interface for all of them.
 */
import type { EntitySession } from '../entities/entity-session'
import type { NotebookStore } from '../storage/notebook-store'
import type { ExportFs } from './export-writer'

export interface BriefingContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
  fontsDir: string
  /** The notebook's entities and mention index, for entity sections and the index of entities (none: no entity is known). */
  entities?: Pick<EntitySession, 'mentionIndex' | 'file'>
  /** The built PDF worker script; by default the one beside the bundle (tests pass one they built; see export-briefing). */
  pdfWorkerUrl?: URL
  /** Only tests: how an export's final rename is done (to simulate a file held by another program). */
  exportFs?: ExportFs
}
