/**
 * The native application menu as data. Electron-free (types only) so tests can check
 * that every command is there with its accelerator; electron/app.ts builds the menu.
 */
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  newNotebook(): void
  openNotebook(): void
  importFiles(): void
  exportBriefing(): void
  backupNow(): void
  restoreBackup(): void
  checkNotebook(): void
  showShortcuts(): void
  showAbout(): void
}

export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (isMac) {
    template.push({
      label: 'Dossier',
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    })
  }
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'New Notebook…', accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.newNotebook() },
        { label: 'Open Notebook…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openNotebook() },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Export Briefing…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportBriefing() },
        { type: 'separator' },
        { label: 'Back Up Now', click: () => actions.backupNow() },
        { label: 'Restore from Backup…', click: () => actions.restoreBackup() },
        { label: 'Check Notebook…', click: () => actions.checkNotebook() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'F1', click: () => actions.showShortcuts() },
        { label: 'About Dossier', click: () => actions.showAbout() },
      ],
    },
  )
  return template
}
