/**
 * names.json and suggestions.json, the suggestions' caches: used while the articles (and,
 * for suggestions.json, the entities) are the same, never after an import, a deletion or
 * an entity change; rebuilt when damaged.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticleId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import { NAMES_VERSION, notebookNames, notebookSuggestions } from './name-cache'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const enc = (s: string) => new TextEncoder().encode(s)
let dir: string
let session: NotebookSession
const open = (readOnly = false) => NotebookSession.open(dir, { fontsDir: FONTS }, { readOnly })
const cacheFile = () => join(dir, 'names.json')
const suggestionsFile = () => join(dir, 'suggestions.json')
const suggestionsOrigin = async (s: NotebookSession) => (await notebookSuggestions(s.store, await s.entities.file())).origin
/** names.json: per article [id, body hash, example lines, names as [key, surface, count, line or -1]], and the lower-case counts. */
type NamesJson = { version: number; articles: string; per: [string, string, string[], [string, string, number, number][]][]; lower: [string, number][] }
const readCache = async () => JSON.parse(await readFile(cacheFile(), 'utf8')) as NamesJson
const surfaces = (cache: NamesJson) => cache.per.flatMap(([, , , names]) => names.map((n) => n[1]))
const labels = async (s: NotebookSession) => (await s.entities.suggest()).map((x) => x.label).sort()

// Our own fixture prose: the pair Hmeimim / Hmeymim, each capitalised twice mid-sentence.
const A = 'Jets left the Hmeimim base at dawn, and the Hmeimim runway was busy.'
const B = 'Reporters near Hmeymim saw the jets. Residents of Hmeymim heard them.'
const C = 'Convoys reached Tartus on Monday. The Tartous port was closed, and Tartus stayed calm; Tartous reopened.'

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dossier-names-')), 'nb')
  session = await open()
  await session.importContents([
    { name: 'a.txt', bytes: enc(A) },
    { name: 'b.txt', bytes: enc(B) },
  ])
}, 60_000)
afterEach(async () => {
  await session.close()
  await rm(join(dir, '..'), { recursive: true, force: true })
})

describe('names.json (the suggestions cache)', () => {
  it('are written by the first suggest and read, not rebuilt, by the next process while nothing changed', async () => {
    const first = await session.entities.suggest()
    expect(first.map((x) => x.label)).toEqual(['Hmeimim ~ Hmeymim'])
    const cache = await readCache()
    expect(surfaces(cache)).toEqual(expect.arrayContaining(['Hmeimim', 'Hmeymim']))
    await session.close()
    session = await open(true)
    expect(await suggestionsOrigin(session)).toBe('cache')
    expect(JSON.stringify(await session.entities.suggest())).toBe(JSON.stringify(first))
    // The cached suggestions are what is shown: a label only the file holds.
    const saved = JSON.parse(await readFile(suggestionsFile(), 'utf8')) as { suggestions: { label: string }[] }
    saved.suggestions[0]!.label = 'from the cache'
    await writeFile(suggestionsFile(), JSON.stringify(saved))
    expect(await labels(session)).toEqual(['from the cache'])
    // Without suggestions.json, the names come from names.json: a name only it holds shows.
    await rm(suggestionsFile())
    const forged = cache.per.map(([id, hash, lines, names]) => [id, hash, lines, names.map((n) => (n[1] === 'Hmeymim' ? [n[0], 'Hmeymiim', n[2], n[3]] : n))])
    await writeFile(cacheFile(), JSON.stringify({ ...cache, per: forged }))
    await session.close()
    session = await open(true)
    expect((await notebookNames(session.store)).origin).toBe('cache')
    expect(await labels(session)).toEqual(['Hmeimim ~ Hmeymiim'])
  })

  it('after an import, a deletion and a re-import reads only the articles that changed, and equals a rebuild from nothing', async () => {
    await labels(session)
    const stale = await readCache()
    const reads = vi.spyOn(session.store, 'readBody')
    const hashOf = (file: string) => session.store.articles.find((a) => a.source.fileName === file)!.bodyHash
    const step = async () => {
      reads.mockClear()
      const origin = await suggestionsOrigin(session)
      return { origin, read: reads.mock.calls.map(([hash]) => hash) }
    }
    await session.importContents([{ name: 'c.txt', bytes: enc(C) }])
    expect(await step()).toEqual({ origin: 'updated', read: [hashOf('c.txt')] })
    expect(await labels(session)).toEqual(['Hmeimim ~ Hmeymim', 'Tartus ~ Tartous'])
    // Deleting an article reads its old body once more (for its lower-case words), nothing else.
    const b = session.store.articles.find((a) => a.source.fileName === 'b.txt')!
    await session.deleteArticle(b.id as ArticleId)
    expect(await step()).toEqual({ origin: 'updated', read: [b.bodyHash] })
    expect(await labels(session)).toEqual(['Tartus ~ Tartous'])
    await session.importContents([{ name: 'b.txt', bytes: enc(B) }])
    expect(await step()).toEqual({ origin: 'updated', read: [hashOf('b.txt')] })
    const kept = { names: (await notebookNames(session.store)).candidates, suggestions: await session.entities.suggest() }
    expect(kept.suggestions.map((x) => x.label).sort()).toEqual(['Hmeimim ~ Hmeymim', 'Tartus ~ Tartous'])
    const files = { names: await readFile(cacheFile(), 'utf8'), suggestions: JSON.parse(await readFile(suggestionsFile(), 'utf8')) as unknown }
    // From nothing, in a new process: the same names, suggestions and files.
    await session.close()
    await rm(cacheFile())
    await rm(suggestionsFile())
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('built')
    expect(JSON.stringify((await notebookNames(session.store)).candidates)).toBe(JSON.stringify(kept.names))
    expect(JSON.stringify(await session.entities.suggest())).toBe(JSON.stringify(kept.suggestions))
    expect(await readFile(cacheFile(), 'utf8')).toBe(files.names)
    expect(JSON.parse(await readFile(suggestionsFile(), 'utf8'))).toEqual(files.suggestions)
    // A stale names.json (from before all that) in a new process is brought in step, to the same names.
    await session.close()
    await writeFile(cacheFile(), JSON.stringify(stale))
    await rm(suggestionsFile())
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('updated')
    expect(JSON.stringify((await notebookNames(session.store)).candidates)).toBe(JSON.stringify(kept.names))
    expect(JSON.stringify(await session.entities.suggest())).toBe(JSON.stringify(kept.suggestions))
  })

  it('keeps a name’s example lines in its first three articles only, and reads the next one’s when one of those goes', async () => {
    const more = ['Pilots at Hmeymim waited.', 'Engineers in Hmeymim slept.', 'Drivers near Hmeymim talked.']
    await session.importContents(more.map((text, i) => ({ name: `more-${i}.txt`, bytes: enc(text) })))
    const hmeymim = async () => (await notebookNames(session.store)).candidates.find((c) => c.key === 'hmeymim')!
    expect((await hmeymim()).examples.map((e) => e.line)).toEqual([B, more[0], more[1]])
    const perArticle = new Map((await readCache()).per.map(([id, , l, names]) => [id, names.filter((n) => n[0] === 'hmeymim').map((n) => (n[3] === -1 ? '' : l[n[3]]))]))
    expect(session.store.articles.flatMap((a) => perArticle.get(a.id)!)).toEqual([B, more[0], more[1], ''])
    const reads = vi.spyOn(session.store, 'readBody')
    const b = session.store.articles.find((a) => a.source.fileName === 'b.txt')!
    await session.deleteArticle(b.id as ArticleId)
    expect((await hmeymim()).examples.map((e) => e.line)).toEqual(more)
    const last = session.store.articles.find((a) => a.source.fileName === 'more-2.txt')!
    expect(reads.mock.calls.map(([hash]) => hash)).toEqual([b.bodyHash, last.bodyHash])
    const kept = await readFile(cacheFile(), 'utf8')
    await session.close()
    await rm(cacheFile())
    session = await open()
    await notebookNames(session.store)
    expect(await readFile(cacheFile(), 'utf8')).toBe(kept)
  })

  it('is rebuilt from every body when an article that went has no body left to read', async () => {
    await labels(session)
    const b = session.store.articles.find((a) => a.source.fileName === 'b.txt')!
    await session.deleteArticle(b.id as ArticleId)
    await rm(join(dir, 'bodies', `${b.bodyHash}.txt`))
    expect((await notebookNames(session.store)).origin).toBe('built')
    expect(await labels(session)).toEqual([])
  })

  it('an entity change or a rejection is seen at once: suggestions are keyed by the entities too', async () => {
    expect(await labels(session)).toEqual(['Hmeimim ~ Hmeymim'])
    await session.entities.add({ name: 'Khmeimim', type: 'place', aliases: ['Hmeimim'] })
    expect(await suggestionsOrigin(session)).toBe('built')
    const after = await session.entities.suggest()
    expect(after.map((s) => [s.kind, s.label])).toEqual([['alias', 'Hmeymim ~ Khmeimim']])
    expect((await notebookNames(session.store)).origin).toBe('memory')
    await session.entities.reject(after[0]!.id)
    expect(await session.entities.suggest()).toEqual([])
  })

  it('a damaged or other-version file is rebuilt', async () => {
    await labels(session)
    await writeFile(suggestionsFile(), '{"version":2,"key":')
    expect(await suggestionsOrigin(session)).toBe('built')
    await writeFile(cacheFile(), '{"version":2,"articles":')
    await session.close()
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('built')
    expect((await readCache()).version).toBe(NAMES_VERSION)
    await writeFile(cacheFile(), JSON.stringify({ ...(await readCache()), version: 99 }))
    await session.close()
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('built')
  })
})
