/** Native dialogs behind the service's `Dialogs` interface. */
import { dialog, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { Dialogs } from '../dialogs'
import { SUPPORTED_EXTENSIONS } from '../import/extract'

export function createElectronDialogs(window: () => BrowserWindow | null, defaultDir: () => string): Dialogs {
  return {
    async chooseFilesToImport() {
      const options: Electron.OpenDialogOptions = {
        title: 'Import articles',
        buttonLabel: 'Import',
        properties: ['openFile', 'openDirectory', 'multiSelections'],
        filters: [{ name: 'Articles', extensions: SUPPORTED_EXTENSIONS.map((e) => e.replace(/^\./, '')) }],
      }
      const win = window()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : result.filePaths
    },
    async chooseNotebookFolder(mode) {
      const options: Electron.OpenDialogOptions = {
        title: mode === 'new' ? 'Create a notebook in a folder' : 'Open a notebook folder',
        buttonLabel: mode === 'new' ? 'Create notebook' : 'Open notebook',
        properties: ['openDirectory', 'createDirectory'],
      }
      const win = window()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseExportPath(suggestedName) {
      const options: Electron.SaveDialogOptions = {
        title: 'Export briefing',
        buttonLabel: 'Export',
        defaultPath: join(defaultDir(), suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }
      const win = window()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
