import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { chordsFor, KEYMAP, type KeyBinding } from '../core/shortcuts'
import { buildMenuTemplate, type MenuActions } from './menu-template'

const actions = (): MenuActions => ({
  newNotebook: vi.fn(),
  openNotebook: vi.fn(),
  send: vi.fn(),
  backupNow: vi.fn(),
  restoreBackup: vi.fn(),
  checkNotebook: vi.fn(),
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
      'Paste as New Article',
      'Import Annotations…',
      'Import Gazetteer File…',
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
    click('Import Gazetteer File…')
    expect(a.backupNow).toHaveBeenCalledOnce()
    expect(a.restoreBackup).toHaveBeenCalledOnce()
    expect(a.checkNotebook).toHaveBeenCalledOnce()
    expect(a.send).toHaveBeenCalledWith('import')
    expect(a.send).toHaveBeenCalledWith('export-briefing')
    expect(a.send).toHaveBeenCalledWith('import-gazetteer')
    expect(a.openNotebook).toHaveBeenCalledOnce()
    expect(a.newNotebook).toHaveBeenCalledOnce()
  })

  it('Edit sends undo, redo and search to the renderer, and keeps the clipboard roles', () => {
    const a = actions()
    const edit = submenu(find(buildMenuTemplate(a, 'linux'), 'Edit'))
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll'])
    const byLabel = Object.fromEntries(edit.filter((i) => i.label).map((i) => [i.label, i]))
    expect(byLabel['Undo']?.accelerator).toBe('CmdOrCtrl+Z')
    expect(byLabel['Redo']?.accelerator).toBe('Ctrl+Y')
    expect(byLabel['Search Notebook…']?.accelerator).toBe('CmdOrCtrl+K')
    for (const label of ['Undo', 'Redo', 'Search Notebook…']) (byLabel[label]?.click as unknown as () => void)()
    expect(vi.mocked(a.send).mock.calls.map((c) => c[0])).toEqual(['undo', 'redo', 'search'])
  })

  it('View switches between the seven views with Ctrl/Cmd+1..7', () => {
    const a = actions()
    const view = submenu(find(buildMenuTemplate(a, 'linux'), 'View')).filter((i) => i.accelerator?.startsWith('CmdOrCtrl+') && /\d$/.test(i.accelerator))
    expect(view.map((i) => [i.label, i.accelerator])).toEqual([
      ['Library', 'CmdOrCtrl+1'],
      ['Reader', 'CmdOrCtrl+2'],
      ['Passages', 'CmdOrCtrl+3'],
      ['Tags', 'CmdOrCtrl+4'],
      ['Briefings', 'CmdOrCtrl+5'],
      ['Entities', 'CmdOrCtrl+6'],
      ['Sources', 'CmdOrCtrl+7'],
      ['Timeline', 'CmdOrCtrl+8'],
      ['Analysis', 'CmdOrCtrl+9'],
    ])
    for (const item of view) (item.click as unknown as () => void)()
    expect(vi.mocked(a.send).mock.calls.map((c) => c[0])).toEqual(['show-library', 'show-reader', 'show-passages', 'show-tags', 'show-briefings', 'show-entities', 'show-sources', 'show-timeline', 'show-analysis'])
    const map = submenu(find(buildMenuTemplate(a, 'linux'), 'View')).find((i) => i.label === 'Map')
    ;(map?.click as unknown as () => void)()
    expect(a.send).toHaveBeenLastCalledWith('show-map')
  })

  it('Help shows the keyboard shortcuts in the app (F1)', () => {
    const a = actions()
    const help = submenu(find(buildMenuTemplate(a, 'linux'), 'Help'))
    const item = help.find((i) => i.label === 'Keyboard Shortcuts')
    expect(item?.accelerator).toBe('F1')
    ;(item?.click as unknown as () => void)()
    expect(a.send).toHaveBeenCalledWith('shortcuts')
  })
})

describe('menu accelerators and the keymap', () => {
  const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    template.flatMap((m) => [m, ...items((m.submenu ?? []) as MenuItemConstructorOptions[])])

  it('gives each command the keymap’s chord, and has an item for every menu or app binding', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      const isMac = platform === 'darwin'
      const a = actions()
      const withKeys = items(buildMenuTemplate(a, platform)).filter((i) => i.accelerator)
      const bindings = (KEYMAP as readonly KeyBinding[]).filter((b) => b.scope === 'app' || b.scope === 'menu')
      expect(withKeys.map((i) => i.accelerator).sort()).toEqual(bindings.map((b) => chordsFor(b, isMac)[0]!.replace('Mod+', 'CmdOrCtrl+')).sort())
      for (const item of withKeys) {
        vi.mocked(a.send).mockClear()
        ;(item.click as unknown as () => void)()
        const binding = bindings.find((b) => chordsFor(b, isMac)[0]!.replace('Mod+', 'CmdOrCtrl+') === item.accelerator)!
        if (binding.command) expect(a.send, `${item.label}`).toHaveBeenCalledWith(binding.command)
      }
    }
  })
})
