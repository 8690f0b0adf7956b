import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectImportFiles } from './collect-files'
import { SUPPORTED_EXTENSIONS } from './extract'

describe('collectImportFiles', () => {
  it('walks folders recursively, skipping hidden files and the folder\'s own README or licence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-collect-'))
    mkdirSync(join(dir, 'more'))
    for (const name of ['a.txt', 'b.md', 'README.md', 'LICENSE', 'licence.txt', '.hidden.txt', 'more/c.html', 'more/readme.txt', 'more/notes.xyz']) {
      writeFileSync(join(dir, name), 'x')
    }
    const { files, problems } = await collectImportFiles([dir], SUPPORTED_EXTENSIONS)
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(['a.txt', 'b.md', 'more/c.html'])
    expect(problems).toEqual([])
  })

  it('imports a README named explicitly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-collect-'))
    writeFileSync(join(dir, 'README.md'), '# Notes')
    const { files } = await collectImportFiles([join(dir, 'README.md')], SUPPORTED_EXTENSIONS)
    expect(files.map((f) => basename(f))).toEqual(['README.md'])
  })
})
