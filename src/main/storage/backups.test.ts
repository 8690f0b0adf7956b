import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BACKUPS_KEPT, createBackup, listBackups, restoreFiles, verifyBackup } from './backups'
import { sha256Hex } from './notebook-store'

function notebook(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-backups-'))
  writeFileSync(join(dir, 'notebook.json'), JSON.stringify({ schemaVersion: 2, tags: [] }))
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ articles: [{ id: 'a-1' }, { id: 'a-2' }] }))
  return dir
}

const BODY = `bodies/${sha256Hex('Convoy turned back.')}.txt`

/** The notebook with one body and one original (content-addressed files). */
function withContent(dir: string): string {
  mkdirSync(join(dir, 'bodies'))
  mkdirSync(join(dir, 'originals'))
  writeFileSync(join(dir, BODY), 'Convoy turned back.')
  writeFileSync(join(dir, 'originals', `${sha256Hex('Convoy turned back.\r\n')}.txt`), 'Convoy turned back.\r\n')
  return dir
}

const manifestOf = (dir: string, id: string) => JSON.parse(readFileSync(join(dir, 'backups', id, 'backup.json'), 'utf8')) as { files: Record<string, string> }
/** Where a backup keeps its copy of a file: one object per content. */
const copyOf = (dir: string, id: string, file: string) => join(dir, 'backups', 'objects', manifestOf(dir, id).files[file]!)

let tick = 0
const clock = () => new Date(Date.UTC(2026, 10, 21, 12, 0, tick++))

describe('backups', () => {
  it('copies the notebook files, verifies them, and lists the backup with its article count', async () => {
    const dir = notebook()
    const info = await createBackup(dir, 'manual', clock)
    expect(info).toMatchObject({ reason: 'manual', fileCount: 2, articleCount: 2 })
    expect(await listBackups(dir)).toEqual([info])
    expect(readFileSync(copyOf(dir, info.id, 'catalog.json'), 'utf8')).toBe(readFileSync(join(dir, 'catalog.json'), 'utf8'))
  })

  it('keeps real copies: a file damaged in place in the notebook leaves its backup intact', async () => {
    const dir = notebook()
    const info = await createBackup(dir, 'manual', clock)
    writeFileSync(join(dir, 'catalog.json'), '{"articles": [') // damaged in place (same inode)
    await verifyBackup(dir, info.id)
    expect(JSON.parse(readFileSync(copyOf(dir, info.id, 'catalog.json'), 'utf8')).articles).toHaveLength(2)
  })

  it('backs up bodies and originals, copying each content once however many backups hold it', async () => {
    const dir = withContent(notebook())
    const first = await createBackup(dir, 'first', clock)
    const objects = readdirSync(join(dir, 'backups', 'objects')).sort()
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ articles: [{ id: 'a-1' }] }))
    const second = await createBackup(dir, 'second', clock)
    const after = readdirSync(join(dir, 'backups', 'objects')).sort()
    // Only the changed catalog is new; the body, the original and notebook.json are shared.
    expect(after.filter((o) => !objects.includes(o))).toEqual([sha256Hex(readFileSync(join(dir, 'catalog.json')))])
    expect(second.fileCount).toBe(4)
    // A body deleted from the notebook comes back from the backup, checked against its name.
    rmSync(join(dir, BODY))
    await restoreFiles(dir, first.id)
    expect(readFileSync(join(dir, BODY), 'utf8')).toBe('Convoy turned back.')
  })

  it('never backs up a body that no longer matches its name', async () => {
    const dir = withContent(notebook())
    writeFileSync(join(dir, BODY), 'tampered')
    const info = await createBackup(dir, 'manual', clock)
    expect(info.fileCount).toBe(3) // notebook.json, catalog.json, the original
  })

  it('deletes the objects no kept backup refers to', async () => {
    const dir = notebook()
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) {
      writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ articles: Array.from({ length: i }, (_, k) => ({ id: `a-${k}` })) }))
      await createBackup(dir, `n${i}`, clock)
    }
    // notebook.json (unchanged) plus the catalogs of the kept backups.
    expect(readdirSync(join(dir, 'backups', 'objects'))).toHaveLength(1 + BACKUPS_KEPT)
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
    writeFileSync(copyOf(dir, info.id, 'catalog.json'), '{"articles": []}')
    await expect(verifyBackup(dir, info.id)).rejects.toThrow(/catalog\.json is missing or does not match its checksum/)
  })

  it('never backs up a file that does not parse, and leaves no partial backup', async () => {
    const dir = notebook()
    writeFileSync(join(dir, 'catalog.json'), '{"articles": [')
    await expect(createBackup(dir, 'manual', clock)).rejects.toThrow(/^Could not back up the notebook: catalog\.json is damaged \(.*\); run "dossier check --repair"/)
    expect(readdirSync(join(dir, 'backups')).filter((n) => n !== 'objects')).toEqual([])
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
    expect(Object.keys(manifestOf(dir, info.id).files).sort()).toEqual(['briefings/b-1234abcd.json', 'catalog.json', 'notebook.json', 'trash/a-5678efab.json'])
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
