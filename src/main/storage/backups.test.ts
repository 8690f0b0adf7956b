import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BACKUPS_KEPT, createBackup, listBackups, restoreFiles, verifyBackup } from './backups'

function notebook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-backups-'))
  writeFileSync(join(dir, 'notebook.json'), JSON.stringify({ schemaVersion: 2, tags: [] }))
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ articles: [{ id: 'a-1' }, { id: 'a-2' }] }))
  return dir
}

let tick = 0
const clock = () => new Date(Date.UTC(2026, 10, 21, 12, 0, tick++))

describe('backups', () => {
  it('copies the notebook files, verifies them, and lists the backup with its article count', async () => {
    const dir = notebook()
    const info = await createBackup(dir, 'manual', clock)
    expect(info).toMatchObject({ reason: 'manual', fileCount: 2, articleCount: 2 })
    expect(await listBackups(dir)).toEqual([info])
    expect(readFileSync(join(dir, 'backups', info.id, 'catalog.json'), 'utf8')).toBe(readFileSync(join(dir, 'catalog.json'), 'utf8'))
  })

  it(`keeps the newest ${BACKUPS_KEPT}`, async () => {
    const dir = notebook()
    const made = []
    for (let i = 0; i < BACKUPS_KEPT + 2; i++) made.push(await createBackup(dir, `n${i}`, clock))
    const kept = await listBackups(dir)
    expect(kept.map((b) => b.id)).toEqual(made.slice(-BACKUPS_KEPT).reverse().map((b) => b.id))
  })

  it('detects a damaged backup', async () => {
    const dir = notebook()
    const info = await createBackup(dir, 'manual', clock)
    writeFileSync(join(dir, 'backups', info.id, 'catalog.json'), '{"articles": []}')
    await expect(verifyBackup(dir, info.id)).rejects.toThrow(/catalog\.json is missing or does not match its checksum/)
  })

  it('never backs up a file that does not parse, and leaves no partial backup', async () => {
    const dir = notebook()
    writeFileSync(join(dir, 'catalog.json'), '{"articles": [')
    await expect(createBackup(dir, 'manual', clock)).rejects.toThrow(/Could not back up/)
    expect(readdirSync(join(dir, 'backups'))).toEqual([])
  })

  it('restores files, removing annotation files the backup did not have', async () => {
    const dir = notebook()
    const info = await createBackup(dir, 'manual', clock)
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ articles: [] }))
    mkdirSync(join(dir, 'annotations'))
    writeFileSync(join(dir, 'annotations', 'a-9.json'), '{}')
    await restoreFiles(dir, info.id)
    expect(JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')).articles).toHaveLength(2)
    expect(readdirSync(join(dir, 'annotations'))).toEqual([])
  })
})
