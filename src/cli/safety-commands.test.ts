import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BackupInfo } from '../main/storage/backups'
import type { CheckReport } from '../main/storage/check-notebook'
import { runCliIn, type CliRun } from './test-cli'

let tmp: string

const dossier = (...args: string[]): Promise<CliRun> => runCliIn(tmp, ['--notebook', 'nb', ...args])

const ARTICLE = 'Convoy leaves the Tartus naval base\n\nDecember 15, 2024\n\nTrucks left the naval base at dawn, officials said.\n'

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-cli-safety-'))
  await writeFile(join(tmp, 'convoy.txt'), ARTICLE)
  expect((await dossier('import', 'convoy.txt')).code).toBe(0)
})

describe('dossier backups, backup and restore', () => {
  it('makes a backup after the first writing command, and lists it', async () => {
    const { code, out } = await dossier('backups', '--json')
    expect(code).toBe(0)
    const backups = JSON.parse(out) as BackupInfo[]
    expect(backups).toEqual([expect.objectContaining({ reason: 'daily', articleCount: 1 })])
    expect((await dossier('backups')).out).toMatch(/daily\s+1\s+\d+/)
  })

  it('restores a backup after backing up the current state', async () => {
    const { out } = await dossier('backup', '--json')
    const backup = JSON.parse(out) as BackupInfo
    await writeFile(join(tmp, 'second.txt'), 'A second article about the Khmeimim air base and its runway.\n')
    await dossier('import', 'second.txt')
    expect(JSON.parse((await dossier('list', '--json')).out)).toHaveLength(2)

    const restored = await dossier('restore', backup.id)
    expect(restored.code).toBe(0)
    expect(restored.out).toMatch(new RegExp(`Restored backup ${backup.id}: 1 articles, 0 highlights\\.\\nThe state before restoring is kept as backup .*before-restore`))
    expect(JSON.parse((await dossier('list', '--json')).out)).toHaveLength(1)
  })

  it('refuses an unknown backup id with one line, changing nothing', async () => {
    const before = await readFile(join(tmp, 'nb', 'catalog.json'), 'utf8')
    const { code, err } = await dossier('restore', 'no-such-backup')
    expect(code).toBe(1)
    expect(err).toMatch(/^dossier: There is no backup at .*no-such-backup\.\n$/)
    expect(await readFile(join(tmp, 'nb', 'catalog.json'), 'utf8')).toBe(before)
  })
})

describe('dossier check', () => {
  it('reports a clean notebook with exit 0', async () => {
    const { code, out } = await dossier('check')
    expect(code).toBe(0)
    expect(out).toMatch(/files checked: no problems\./)
  })

  it('reports a damaged stored text with exit 1, changes nothing, and --json gives the report', async () => {
    const catalog = JSON.parse(await readFile(join(tmp, 'nb', 'catalog.json'), 'utf8'))
    const body = join(tmp, 'nb', 'bodies', `${catalog.articles[0].bodyHash}.txt`)
    await writeFile(body, 'tampered')
    const { code, out, err } = await dossier('check', '--json')
    expect(code).toBe(1)
    expect(err).toMatch(/^dossier: \d+ problem\(s\) found in the notebook\.\n$/)
    const report = JSON.parse(out) as CheckReport
    expect(report.problems.some((p) => p.file.startsWith('bodies/') && p.repairable)).toBe(true)
    expect(await readFile(body, 'utf8')).toBe('tampered')

    const repaired = await dossier('check', '--repair')
    expect(repaired.code).toBe(0)
    expect(repaired.out).toMatch(/^repaired {2}bodies\//m)
    expect(await readFile(body, 'utf8')).toBe(ARTICLE.replace(/\n$/, '\n'))
  })
})

describe('one writer at a time', () => {
  it('refuses a writing command while another process holds the notebook, naming it; reading still works', async () => {
    await writeFile(join(tmp, 'nb', '.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-11-21T09:00:00.000Z', app: 'app' }))
    const { code, err } = await dossier('highlight', 'a-0000000000', '--quote', 'x', '--tag', 'Bases')
    expect(code).toBe(1)
    expect(err).toContain(`process ${process.ppid} (Dossier app) on host ${hostname()}`)
    expect((await dossier('list')).code).toBe(0)
  })
})
