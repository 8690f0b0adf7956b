/**
 * The native application menu as data. Electron-free (types only) so tests can check
 * that every command is there with its accelerator; electron/app.ts builds the menu.
 * Accelerators come from the keymap (src/core/shortcuts.ts), which the renderer's keys and
 * the shortcuts list use too.
 */
import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../core/api'
import { accelerator } from '../core/shortcuts'

export interface MenuActions {
  newNotebook(): void
  openNotebook(): void
  /** Commands the renderer runs like its own buttons and keys. */
  send(command: MenuCommand): void
  backupNow(): void
  restoreBackup(): void
  checkNotebook(): void
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
        { label: 'New Notebook…', accelerator: accelerator('new-notebook', isMac), click: () => actions.newNotebook() },
        { label: 'Open Notebook…', accelerator: accelerator('open-notebook', isMac), click: () => actions.openNotebook() },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: accelerator('import', isMac), click: () => actions.send('import') },
        { label: 'Paste as New Article', accelerator: accelerator('paste-article', isMac), click: () => actions.send('paste-article') },
        { label: 'Import Annotations…', click: () => actions.send('import-annotations') },
        { label: 'Import Gazetteer File…', click: () => actions.send('import-gazetteer') },
        { label: 'Export Briefing…', accelerator: accelerator('export-briefing', isMac), click: () => actions.send('export-briefing') },
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
      // Undo and redo go to the renderer: in a text field they undo typing, elsewhere
      // they undo the last highlight, tag, comment or library change.
      submenu: [
        { label: 'Undo', accelerator: accelerator('undo', isMac), click: () => actions.send('undo') },
        { label: 'Redo', accelerator: accelerator('redo', isMac), click: () => actions.send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Search Notebook…', accelerator: accelerator('search', isMac), click: () => actions.send('search') },
      ],
    },
    {
      label: '&View',
      submenu: [
        { label: 'Library', accelerator: accelerator('show-library', isMac), click: () => actions.send('show-library') },
        { label: 'Reader', accelerator: accelerator('show-reader', isMac), click: () => actions.send('show-reader') },
        { label: 'Passages', accelerator: accelerator('show-passages', isMac), click: () => actions.send('show-passages') },
        { label: 'Tags', accelerator: accelerator('show-tags', isMac), click: () => actions.send('show-tags') },
        { label: 'Briefings', accelerator: accelerator('show-briefings', isMac), click: () => actions.send('show-briefings') },
        { label: 'Entities', accelerator: accelerator('show-entities', isMac), click: () => actions.send('show-entities') },
        { label: 'Sources', accelerator: accelerator('show-sources', isMac), click: () => actions.send('show-sources') },
        { label: 'Timeline', accelerator: accelerator('show-timeline', isMac), click: () => actions.send('show-timeline') },
        { label: 'Map', click: () => actions.send('show-map') },
        { label: 'Analysis', accelerator: accelerator('show-analysis', isMac), click: () => actions.send('show-analysis') },
        { type: 'separator' },
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
        { label: 'Keyboard Shortcuts', accelerator: accelerator('shortcuts', isMac), click: () => actions.send('shortcuts') },
        { label: 'About Dossier', click: () => actions.showAbout() },
      ],
    },
  )
  return template
}
