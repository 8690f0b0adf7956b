import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultNotebookDir, findFontsDir, userDataDir } from './paths'

describe('paths', () => {
  it('puts user data where Electron does for productName Dossier', () => {
    expect(userDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Dossier')
    expect(userDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe('/cfg/Dossier')
    expect(userDataDir('darwin', {}, '/Users/ana')).toBe('/Users/ana/Library/Application Support/Dossier')
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')).toContain('Dossier')
  })

  it('keeps the default notebook under user data', () => {
    expect(defaultNotebookDir('/home/ana/.config/Dossier')).toBe('/home/ana/.config/Dossier/notebooks/Dossier')
  })

  it('finds the fonts folder, or says where it looked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'))
    writeFileSync(join(dir, 'NotoSans-Regular.ttf'), '')
    expect(findFontsDir(['/nowhere', dir], {})).toBe(dir)
    expect(() => findFontsDir(['/nowhere'], {})).toThrow(/\/nowhere/)
  })
})
