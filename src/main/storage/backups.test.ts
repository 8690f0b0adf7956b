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

  it('backs up and restores briefing documents and the trash, but not the search cache', async () => {
    const dir = notebook()
    mkdirSync(join(dir, 'briefings'))
    mkdirSync(join(dir, 'trash'))
    writeFileSync(join(dir, 'briefings', 'b-1234abcd.json'), JSON.stringify({ id: 'b-1234abcd', title: 'Weekly' }))
    writeFileSync(join(dir, 'trash', 'a-5678efab.json'), JSON.stringify({ article: { id: 'a-5678efab' }, highlights: [] }))
    writeFileSync(join(dir, 'search-index.json'), '{}')
    const info = await createBackup(dir, 'manual', clock)
    expect(readdirSync(join(dir, 'backups', info.id)).sort()).toEqual(['annotations', 'backup.json', 'briefings', 'catalog.json', 'notebook.json', 'trash'])
    // The briefing is edited and the trash emptied after the backup; restoring brings both back.
    writeFileSync(join(dir, 'briefings', 'b-1234abcd.json'), JSON.stringify({ id: 'b-1234abcd', title: 'Changed' }))
    writeFileSync(join(dir, 'briefings', 'b-9999aaaa.json'), JSON.stringify({ id: 'b-9999aaaa', title: 'Newer' }))
    writeFileSync(join(dir, 'trash', 'a-5678efab.json'), '{}')
    await restoreFiles(dir, info.id)
    expect(JSON.parse(readFileSync(join(dir, 'briefings', 'b-1234abcd.json'), 'utf8')).title).toBe('Weekly')
    expect(readdirSync(join(dir, 'briefings'))).toEqual(['b-1234abcd.json'])
    expect(JSON.parse(readFileSync(join(dir, 'trash', 'a-5678efab.json'), 'utf8')).article.id).toBe('a-5678efab')
  })
})
