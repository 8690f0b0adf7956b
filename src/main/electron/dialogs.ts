/** Native dialogs behind the service's `Dialogs` interface. */
import { dialog, shell, type BrowserWindow } from 'electron'
import { join } from 'node:path'
import type { ExportFormat } from '../../core/api'
import { DossierError } from '../../core/result'
import { GAZETTEER_FILTER_NAME, type DesktopShell, type Dialogs } from '../dialogs'
import { SUPPORTED_EXTENSIONS } from '../import/formats'

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
    async chooseExportPath(suggestedName, format) {
      const options: Electron.SaveDialogOptions = {
        title: 'Export briefing',
        buttonLabel: 'Export',
        defaultPath: join(defaultDir(), suggestedName),
        filters: [EXPORT_FILTERS[format]],
      }
      const win = window()
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async chooseAnnotationFile() {
      const options: Electron.OpenDialogOptions = {
        title: 'Import annotations',
        buttonLabel: 'Import',
        properties: ['openFile'],
        filters: [{ name: 'W3C Web Annotations', extensions: ['jsonld', 'json'] }],
      }
      const win = window()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async chooseGazetteerFile() {
      const options: Electron.OpenDialogOptions = {
        title: 'Import gazetteer file',
        buttonLabel: 'Import',
        properties: ['openFile'],
        filters: [{ name: GAZETTEER_FILTER_NAME, extensions: ['json'] }],
      }
      const win = window()
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async confirm(question) {
      const options: Electron.MessageBoxOptions = {
        type: 'question',
        title: question.title,
        message: question.message,
        detail: question.detail,
        buttons: [question.confirmLabel, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      }
      const win = window()
      const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)
      return result.response === 0
    },
  }
}

const EXPORT_FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  md: { name: 'Markdown', extensions: ['md'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  w3c: { name: 'W3C Web Annotations', extensions: ['jsonld'] },
}

/** The desktop shell behind the service's `DesktopShell`. */
export function createElectronShell(): DesktopShell {
  return {
    async openPath(path) {
      const error = await shell.openPath(path)
      if (error) throw new DossierError('open-failed', `Could not open ${path}: ${error}`)
    },
    showInFolder(path) {
      shell.showItemInFolder(path)
    },
  }
}
