/**
 * entities.json and mentions.json on disk: absent = no entities (no format change), every
 * change saved and undoable by the file it returns, a damaged file moved aside and
 * restored from a backup (never overwritten), backed up, reported by check; the mention
 * index kept in step with the notebook and surviving a restart as a cache.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkNotebook } from '../storage/check-notebook'
import { NotebookSession } from '../notebook-session'
import { MentionIndex } from './mention-index'
import type { ArticleId } from '../../core/ids'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const enc = (s: string) => new TextEncoder().encode(s)
let dir: string
let session: NotebookSession
const open = (readOnly = false) => NotebookSession.open(dir, { fontsDir: FONTS }, { readOnly })

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dossier-entities-')), 'nb')
  session = await open()
  await session.importContents([
    { name: 'a.txt', bytes: enc('Jets left Khmeimim at dawn. Tartus was calm.') },
    { name: 'b.txt', bytes: enc('The Hmeimim airbase was quiet.') },
  ])
})
afterEach(async () => {
  await session.close()
  await rm(join(dir, '..'), { recursive: true, force: true })
})

describe('entities.json', () => {
  it('a notebook without it reads as having no entities, and opening does not write one', async () => {
    expect((await session.entities.file()).entities).toEqual([])
    expect(await readdir(dir)).not.toContain('entities.json')
  })

  it('each change is saved; restoring the file it returned undoes it exactly', async () => {
    const made = await session.entities.add({ name: 'Khmeimim', type: 'place', aliases: ['Hmeimim'] })
    const before = await readFile(join(dir, 'entities.json'), 'utf8')
    const renamed = await session.entities.rename('Hmeimim', 'Khmeimim Air Base')
    expect(renamed.value.name).toBe('Khmeimim Air Base')
    expect(JSON.parse(await readFile(join(dir, 'entities.json'), 'utf8')).entities[0].name).toBe('Khmeimim Air Base')
    await session.entities.restore(renamed.previous)
    expect(await readFile(join(dir, 'entities.json'), 'utf8')).toBe(before)
    expect(made.previous.entities).toEqual([])
  })

  it('a refused change writes nothing', async () => {
    await session.entities.add({ name: 'Khmeimim', type: 'place' })
    const before = await readFile(join(dir, 'entities.json'), 'utf8')
    await expect(session.entities.add({ name: 'KHMEIMIM', type: 'place' })).rejects.toThrow('already belongs to Khmeimim')
    expect(await readFile(join(dir, 'entities.json'), 'utf8')).toBe(before)
  })

  it('is backed up; a damaged one is moved aside and restored from the backup, and check reports it', async () => {
    await session.entities.add({ name: 'Khmeimim', type: 'place' })
    const backup = await session.backup('test')
    const good = await readFile(join(dir, 'entities.json'), 'utf8')
    await session.close()
    await writeFile(join(dir, 'entities.json'), '{"version":1,"entities":[{"id":"e-1"')
    const report = await checkNotebook(dir)
    expect(report.problems.map((p) => p.file)).toContain('entities.json')
    session = await open()
    expect((await session.entities.file()).entities.map((e) => e.name)).toEqual(['Khmeimim'])
    expect(session.openReport.recovered).toEqual([{ file: 'entities.json', problem: expect.stringContaining('is not valid JSON'), movedTo: expect.stringMatching(/^entities\.json\.corrupt-/), restoredFrom: backup.id }])
    expect(await readFile(join(dir, 'entities.json'), 'utf8')).toBe(good)
    const aside = (await readdir(dir)).find((n) => n.startsWith('entities.json.corrupt-'))!
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{"version":1,"entities":[{"id":"e-1"')
  })

  it('two entities sharing a spelling make the file damaged (a word names one entity), even after a stamped write', async () => {
    // A write records what it wrote (entities.stamp.json): that very text is read back unchecked, any other is checked.
    await session.entities.add({ name: 'Khmeimim', type: 'place' })
    expect(JSON.parse(await readFile(join(dir, 'entities.stamp.json'), 'utf8'))).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    await session.close()
    const e = (id: string, name: string) => ({ id, name, type: 'place', aliases: [] })
    await writeFile(join(dir, 'entities.json'), JSON.stringify({ version: 1, entities: [e('e-a', 'Tartus'), e('e-b', 'TARTUS')], rejected: [] }))
    session = await open(true)
    await expect(session.entities.file()).rejects.toThrow(/entities\.json .*same spelling.*dossier check --repair/)
  })
})

describe('the mention index', () => {
  it('follows entity and catalog changes, and is read back from mentions.json after a restart', async () => {
    await session.entities.add({ name: 'Khmeimim', type: 'place', aliases: ['Hmeimim'] })
    const counts = async () => Object.fromEntries((await session.entities.list()).map((e) => [e.name, [e.mentions, e.articles]]))
    expect(await counts()).toEqual({ Khmeimim: [2, 2] })
    await session.entities.add({ name: 'Tartus', type: 'place' })
    await session.importContents([{ name: 'c.txt', bytes: enc('Ships left Tartus.') }])
    expect(await counts()).toEqual({ Khmeimim: [2, 2], Tartus: [2, 2] })
    await session.close()

    const cache = JSON.parse(await readFile(join(dir, 'mentions.json'), 'utf8')) as { articles: [string, string, unknown[]][] }
    expect(cache.articles).toHaveLength(3)
    session = await open(true)
    const index = MentionIndex.open(session.store)
    await index.whenReady()
    expect(index.origin).toBe('cache')
    // The file holds each article's body hash and mentions as [entity, start, end, spelling].
    for (const [id, bodyHash, rows] of cache.articles) {
      expect(bodyHash).toBe(session.store.article(id as ArticleId)?.bodyHash)
      expect(rows).toEqual(index.mentionsIn(id as ArticleId).map((m) => [m.entityId, m.start, m.end, m.alias]))
    }
    expect(cache.articles.flatMap(([, , rows]) => rows)).toHaveLength(4)
    expect([...index.counts().values()]).toEqual([
      { mentions: 2, articles: 2 },
      { mentions: 2, articles: 2 },
    ])
    await index.close()
  })

  it('finds the same mentions when it scans the bodies in an index worker', async () => {
    await session.entities.add({ name: 'Khmeimim', type: 'place', aliases: ['Hmeimim'] })
    await session.entities.add({ name: 'Tartus', type: 'place' })
    await session.close()
    session = await open(true)
    const mentionsOf = async (inWorkerFrom: number) => {
      await rm(join(dir, 'mentions.json'), { force: true })
      const index = MentionIndex.open(session.store, { inWorkerFrom })
      await index.whenReady()
      const found = session.store.articles.map((a) => index.mentionsIn(a.id))
      await index.close()
      return found
    }
    const inWorker = await mentionsOf(1)
    expect(inWorker.flat().map((m) => m.alias).sort()).toEqual(['Hmeimim', 'Khmeimim', 'Tartus'])
    expect(inWorker).toEqual(await mentionsOf(Infinity))
  })

  it('a damaged cache is rebuilt from the notebook', async () => {
    await session.entities.add({ name: 'Khmeimim', type: 'place', aliases: ['Hmeimim'] })
    await session.close()
    await writeFile(join(dir, 'mentions.json'), 'garbage')
    session = await open(true)
    const index = MentionIndex.open(session.store)
    await index.whenReady()
    expect(index.origin).toBe('built')
    expect([...index.counts().values()]).toEqual([{ mentions: 2, articles: 2 }])
    await index.close()
  })
})
