/**
 * The OS dialogs the service needs, as an interface. The Electron adapter implements it
 * with native dialogs; the e2e harness supplies its own answers. Nothing else differs
 * between the app and the harness. `null` means the user cancelled.
 */
export interface Dialogs {
  chooseFilesToImport(): Promise<string[] | null>
  chooseNotebookFolder(mode: 'open' | 'new'): Promise<string | null>
  chooseExportPath(suggestedName: string): Promise<string | null>
}
