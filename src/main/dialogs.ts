import type { ExportFormat } from '../core/api'

/** A yes/no question the user answers in a message box ("cancel" is the safe default). */
export interface Confirmation {
  /** The window title (and the question's heading). */
  title: string
  /** One or two sentences: what will happen. */
  message: string
  /** More detail under the message ('' for none). */
  detail: string
  /** The label of the button that goes on, e.g. "Create 12 tags and import". */
  confirmLabel: string
}

/**
 * The OS dialogs the service needs, as an interface. The Electron adapter implements it
 * with native dialogs; the e2e harness supplies its own answers. Nothing else differs
 * between the app and the harness. `null` means the user cancelled.
 */
export interface Dialogs {
  chooseFilesToImport(): Promise<string[] | null>
  chooseNotebookFolder(mode: 'open' | 'new'): Promise<string | null>
  /** A save dialog for an export; `format` picks the file-type filter. */
  chooseExportPath(suggestedName: string, format: ExportFormat): Promise<string | null>
  /** An open dialog for a W3C Web Annotation (JSON-LD) file. */
  chooseAnnotationFile(): Promise<string | null>
  /** An open dialog for a gazetteer pack (a JSON file in the entities format). */
  chooseGazetteerFile(): Promise<string | null>
  /** Asks before a change larger than the user may expect; true to go on, false (or closing it) to cancel. */
  confirm(question: Confirmation): Promise<boolean>
}

/** The gazetteer dialog's file-type filter name (the e2e harness tells that dialog from the annotation one by it). */
export const GAZETTEER_FILTER_NAME = 'Gazetteer (entities JSON)'

/** Hands a finished export to the desktop: open it in its default program, or show it in its folder. */
export interface DesktopShell {
  openPath(path: string): Promise<void>
  showInFolder(path: string): void
}
