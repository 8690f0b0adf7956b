/**
 * One damaged annotation file must not make every read-only command fail: commands that do
 * not need it work, those that show fewer highlights because of it say so, and those that
 * must not miss highlights (show of that article, export) refuse, pointing at
 * `dossier check --repair`. Nothing is changed on disk.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../core/api'
import { runCliIn, type CliRun } from './test-cli'

let dir: string
let damaged: string
let healthy: string
const dossier = (...args: string[]): Promise<CliRun> => runCliIn(dir, ['--notebook', 'nb', ...args])

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dossier-damaged-'))
  writeFileSync(join(dir, 'a.txt'), 'Convoy leaves the port\n\nA convoy of forty trucks left the port of Tartus on Monday.\n')
  writeFileSync(join(dir, 'b.txt'), 'Talks resume in Damascus\n\nNegotiators met in Damascus to discuss the lease of the naval base.\n')
  expect((await dossier('import', 'a.txt', 'b.txt')).code).toBe(0)
  const list = JSON.parse((await dossier('list', '--json')).out) as ArticleSummary[]
  damaged = list.find((a) => a.title.startsWith('Convoy'))!.id
  healthy = list.find((a) => a.title.startsWith('Talks'))!.id
  expect((await dossier('highlight', damaged, '--quote', 'forty trucks', '--tag', 'Convoys')).code).toBe(0)
  expect((await dossier('highlight', healthy, '--quote', 'lease of the naval base', '--tag', 'Bases')).code).toBe(0)
  expect((await dossier('backup')).code).toBe(0)
  // Damaged in place (a disk error, an editor): the folder's listing does not change.
  writeFileSync(join(dir, 'nb', 'annotations', `${damaged}.json`), '{"articleId": "')
})

describe('read-only commands beside one damaged annotation file', () => {
  it('list and tags work', async () => {
    expect((await dossier('list')).code).toBe(0)
    const tags = await dossier('tags')
    expect(tags.code).toBe(0)
    expect(tags.out).toMatch(/Bases/)
  })

  it('show of another article works', async () => {
    const r = await dossier('show', healthy)
    expect(r.code).toBe(0)
    expect(r.out).toContain('lease of the naval base')
  })

  it('show of that article refuses, naming the file and dossier check --repair', async () => {
    const r = await dossier('show', damaged)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(new RegExp(`annotations/${damaged}\\.json is not valid JSON.*Nothing was changed\\. Run "dossier check --repair"`))
  })

  it('search answers without its highlights and says what it left out', async () => {
    const r = await dossier('search', 'naval')
    expect(r.code).toBe(0)
    expect(r.out).toContain('naval')
    expect(r.err).toMatch(new RegExp(`annotations/${damaged}\\.json could not be read, so its highlights are left out`))
  })

  it('export refuses rather than leave the highlights out, and writes nothing', async () => {
    const r = await dossier('export', '--format', 'md', '--out', 'out.md', '--tag', 'Bases', '--tag', 'Convoys')
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/dossier check --repair/)
    expect(existsSync(join(dir, 'out.md'))).toBe(false)
  })

  it('changed nothing; check --repair then restores the file from the backup, and every command works again', async () => {
    expect(readFileSync(join(dir, 'nb', 'annotations', `${damaged}.json`), 'utf8')).toBe('{"articleId": "')
    const repair = await dossier('check', '--repair')
    expect(repair.out).toMatch(new RegExp(`repaired  annotations/${damaged}\\.json: .*Restored it from backup`))
    const show = await dossier('show', damaged)
    expect(show.code).toBe(0)
  })
})
