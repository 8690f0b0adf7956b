/**
 * App lifecycle: single-instance lock, the window, the native menu, IPC registration.
 * Everything it calls is Electron-free; this file only connects it to Electron.
 */
import { app, clipboard, dialog, Menu, session, type BrowserWindow } from 'electron'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { IPC_EVENT_CHANNEL, type ClipboardContent, type DossierEvent, type MenuCommand } from '../../core/api'
import { createApiHandlers } from '../api-handlers'
import { buildMenuTemplate } from '../menu-template'
import { defaultNotebookDir, findFontsDir } from '../paths'
import { createMainService } from '../service'
import { appPageUrl } from '../security'
import { readSettings, writeSettings } from '../settings'
import { registerAppScheme, serveAppProtocol } from './app-protocol'
import { backupNow, checkNotebookFromMenu, quitWith, restoreBackup } from './backup-menu'
import { createElectronDialogs, createElectronShell } from './dialogs'
import { registerIpcHandlers } from './ipc'
import { createMainWindow, hardenSession } from './window'

const here = dirname(fileURLToPath(import.meta.url))
const preloadPath = join(here, '../preload/index.cjs')
const rendererDir = join(here, '../renderer')
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
// The page the window shows and the only main frame trusted over IPC: app://dossier/index.html
// (served from rendererDir), or the dev server's page in development.
const appUrl = appPageUrl(devServerUrl)

// Custom schemes get their privileges before the app is ready, or never.
registerAppScheme()

let mainWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void app.whenReady().then(start)
}

/** How long after the window loads the import pipeline is loaded (the window's own first work comes first). */
const PRELOAD_IMPORT_AFTER_MS = 1_000

function emit(event: DossierEvent): void {
  mainWindow?.webContents.send(IPC_EVENT_CHANNEL, event)
}

async function start(): Promise<void> {
  const userData = app.getPath('userData')
  const settings = await readSettings(userData)
  const notebookDir = process.env.DOSSIER_NOTEBOOK || settings.lastNotebook || defaultNotebookDir(userData)
  const fontsDir = findFontsDir([join(process.resourcesPath, 'fonts'), join(app.getAppPath(), 'resources', 'fonts')])
  const starterGazetteerFile = [join(process.resourcesPath, 'gazetteer', 'syria-russia.json'), join(app.getAppPath(), 'resources', 'gazetteer', 'syria-russia.json')].find((f) => existsSync(f))

  const service = await createMainService({
    notebookDir,
    fontsDir,
    starterGazetteerFile,
    emit,
    dialogs: createElectronDialogs(() => mainWindow, () => app.getPath('documents')),
    shell: createElectronShell(),
    readClipboard: readSystemClipboard,
    rememberNotebook: (dir) => writeSettings(userData, { ...settings, lastNotebook: dir }),
    reportOpen: (dir, lines) =>
      void dialog.showMessageBox({ type: 'warning', title: 'Notebook recovered', message: `Dossier repaired the notebook at ${dir} while opening it.`, detail: lines.join('\n\n') }),
  })
  quitWith(service)
  // A backup at most once a day of use (and one on quit): checked now and every hour.
  const backupIfDue = () => void service.backupIfDue().catch((e: Error) => dialog.showErrorBox('Backup failed', `${e.message}\nYour notes are saved; only the backup copy could not be made.`))
  backupIfDue()
  setInterval(backupIfDue, 60 * 60 * 1000).unref()
  registerIpcHandlers(createApiHandlers(service), () => ({
    webContents: mainWindow?.webContents ?? null,
    appUrl,
  }))

  const send = (command: MenuCommand) => emit({ type: 'menu', command })
  const openNotebook = (mode: 'open' | 'new') => async () => {
    const result = await service.chooseNotebook({ mode }).catch((e: Error) => e)
    if (result instanceof Error) dialog.showErrorBox('Could not open the notebook', result.message)
  }
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(
        {
          newNotebook: openNotebook('new'),
          openNotebook: openNotebook('open'),
          send,
          backupNow: () => void backupNow(service),
          restoreBackup: () => void restoreBackup(service),
          checkNotebook: () => void checkNotebookFromMenu(service),
          showAbout: () => void dialog.showMessageBox({ type: 'info', title: 'About Dossier', message: `Dossier ${app.getVersion()}`, detail: 'An offline research notebook.' }),
        },
        process.platform,
      ),
    ),
  )

  hardenSession(session.defaultSession, devServerUrl)
  serveAppProtocol(session.defaultSession, rendererDir)
  mainWindow = createMainWindow(preloadPath, appUrl)
  // Once the window has loaded, the import pipeline is loaded in the background, so the
  // analyst's first import does not wait for it (a failure is logged; that import loads it).
  mainWindow.webContents.once('did-finish-load', () => setTimeout(() => void service.preloadImport(), PRELOAD_IMPORT_AFTER_MS))
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

/** The system clipboard's text and HTML flavours (Electron 45's asynchronous clipboard). */
async function readSystemClipboard(): Promise<ClipboardContent> {
  const content: ClipboardContent = { text: '' }
  for (const item of await clipboard.read()) {
    if (!content.html && item.types.includes('text/html')) content.html = await (await item.getType('text/html')).text()
    if (!content.text && item.types.includes('text/plain')) content.text = await (await item.getType('text/plain')).text()
  }
  return content
}
