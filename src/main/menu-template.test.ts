import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, type MenuActions } from './menu-template'

const actions = (): MenuActions => ({
  newNotebook: vi.fn(),
  openNotebook: vi.fn(),
  importFiles: vi.fn(),
  exportBriefing: vi.fn(),
  backupNow: vi.fn(),
  restoreBackup: vi.fn(),
  checkNotebook: vi.fn(),
  showShortcuts: vi.fn(),
  showAbout: vi.fn(),
})
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[]
const find = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label?.replace('&', '') === label)

describe('application menu', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    expect(buildMenuTemplate(actions(), 'linux').map((m) => m.label?.replace('&', ''))).toEqual(['File', 'Edit', 'View', 'Help'])
  })

  it('adds the app menu first on macOS', () => {
    expect(buildMenuTemplate(actions(), 'darwin')[0]?.label).toBe('Dossier')
  })

  it('File holds new/open notebook, import and export with accelerators that run the actions', () => {
    const a = actions()
    const file = submenu(find(buildMenuTemplate(a, 'linux'), 'File'))
    const byLabel = Object.fromEntries(file.filter((i) => i.label).map((i) => [i.label, i]))
    expect(Object.keys(byLabel)).toEqual([
      'New Notebook…',
      'Open Notebook…',
      'Import Files…',
      'Export Briefing…',
      'Back Up Now',
      'Restore from Backup…',
      'Check Notebook…',
    ])
    expect(byLabel['Import Files…']?.accelerator).toBe('CmdOrCtrl+O')
    expect(byLabel['Export Briefing…']?.accelerator).toBe('CmdOrCtrl+E')
    const click = (label: string) => (byLabel[label]?.click as unknown as () => void)()
    click('Import Files…')
    click('Export Briefing…')
    click('Open Notebook…')
    click('New Notebook…')
    click('Back Up Now')
    click('Restore from Backup…')
    click('Check Notebook…')
    expect(a.backupNow).toHaveBeenCalledOnce()
    expect(a.restoreBackup).toHaveBeenCalledOnce()
    expect(a.checkNotebook).toHaveBeenCalledOnce()
    expect(a.importFiles).toHaveBeenCalledOnce()
    expect(a.exportBriefing).toHaveBeenCalledOnce()
    expect(a.openNotebook).toHaveBeenCalledOnce()
    expect(a.newNotebook).toHaveBeenCalledOnce()
  })

  it('Edit has undo and redo', () => {
    const edit = submenu(find(buildMenuTemplate(actions(), 'linux'), 'Edit'))
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(expect.arrayContaining(['undo', 'redo', 'copy', 'paste']))
  })

  it('Help lists the keyboard shortcuts', () => {
    const help = submenu(find(buildMenuTemplate(actions(), 'linux'), 'Help'))
    expect(help.map((i) => i.label)).toContain('Keyboard Shortcuts')
  })
})
