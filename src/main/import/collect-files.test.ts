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
    expect(problems.every((p) => p.status === 'skipped')).toBe(true)
    expect(problems.map((p) => p.source.slice(dir.length + 1)).sort()).toEqual(['.hidden.txt', 'LICENSE', 'README.md', 'licence.txt', 'more/notes.xyz', 'more/readme.txt'])
  })

  it('reports every file a folder walk leaves out, with the reason, and does not search hidden folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-collect-'))
    mkdirSync(join(dir, '.git'))
    for (const name of ['a.txt', 'notes.xyz', '.DS_Store', 'README.md', '.git/config.txt']) writeFileSync(join(dir, name), 'x')
    const { files, problems } = await collectImportFiles([dir], SUPPORTED_EXTENSIONS)
    expect(files.map((f) => basename(f))).toEqual(['a.txt'])
    const reasons = new Map(problems.map((p) => [p.source.slice(dir.length + 1), p.reason]))
    expect(reasons.get('notes.xyz')).toMatch(/^not a format Dossier imports \(\.xyz; it reads \.txt, /)
    expect(reasons.get('.DS_Store')).toBe('hidden file')
    expect(reasons.get('.git')).toBe('hidden folder, not searched')
    expect(reasons.get('README.md')).toMatch(/^describes the folder/)
    expect(reasons.has('.git/config.txt')).toBe(false)
    expect(problems.every((p) => p.status === 'skipped' && p.error === undefined)).toBe(true)
  })

  it('still says a folder holds nothing to import when it only holds files it skips', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-collect-'))
    writeFileSync(join(dir, 'notes.xyz'), 'x')
    const { files, problems } = await collectImportFiles([dir], SUPPORTED_EXTENSIONS)
    expect(files).toEqual([])
    expect(problems.map((p) => p.status)).toEqual(['skipped', 'failed'])
    expect(problems[1]!.error?.code).toBe('no-importable-files')
  })

  it('imports a README named explicitly', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-collect-'))
    writeFileSync(join(dir, 'README.md'), '# Notes')
    const { files } = await collectImportFiles([join(dir, 'README.md')], SUPPORTED_EXTENSIONS)
    expect(files.map((f) => basename(f))).toEqual(['README.md'])
  })
})
