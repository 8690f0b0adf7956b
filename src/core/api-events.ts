/**
 * What main pushes to the renderer (api.ts re-exports these): the native menu's commands,
 * notebook switches and the progress of long jobs.
 */
import type { NotebookInfo } from './api'

/** Commands the native menu sends to the renderer, which runs them like its own buttons. */
export type MenuCommand =
  | 'import'
  | 'export-briefing'
  | 'import-annotations'
  | 'import-gazetteer'
  | 'paste-article'
  | 'undo'
  | 'redo'
  | 'search'
  | 'show-library'
  | 'show-reader'
  | 'show-passages'
  | 'show-tags'
  | 'show-briefings'
  | 'show-entities'
  | 'show-sources'
  | 'show-timeline'
  | 'show-map'
  | 'show-analysis'
  | 'shortcuts'

/** Progress of a long job (import batch, export); `total` 0 when not known yet. */
export interface JobProgress {
  job: 'import' | 'export'
  done: number
  total: number
  /** What is being worked on: a file name, or a stage such as "Laying out pages". */
  label: string
}

/** Messages main pushes to the renderer. */
export type DossierEvent =
  | { type: 'menu'; command: MenuCommand }
  | { type: 'notebook-changed'; notebook: NotebookInfo }
  | { type: 'progress'; progress: JobProgress }
