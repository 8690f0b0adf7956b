/**
 * names.json and suggestions.json, the suggestions' caches: used while the articles (and,
 * for suggestions.json, the entities) are the same, never after an import, a deletion or
 * an entity change; rebuilt when damaged.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import { notebookNames, notebookSuggestions } from './name-cache'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const enc = (s: string) => new TextEncoder().encode(s)
let dir: string
let session: NotebookSession
const open = (readOnly = false) => NotebookSession.open(dir, { fontsDir: FONTS }, { readOnly })
const cacheFile = () => join(dir, 'names.json')
const suggestionsFile = () => join(dir, 'suggestions.json')
const suggestionsOrigin = async (s: NotebookSession) => (await notebookSuggestions(s.store, await s.entities.file())).origin
const readCache = async () => JSON.parse(await readFile(cacheFile(), 'utf8')) as { version: number; articles: string; candidates: { text: string }[] }
const labels = async (s: NotebookSession) => (await s.entities.suggest()).map((x) => x.label).sort()

// Our own fixture prose: the pair Hmeimim / Hmeymim, each capitalised twice mid-sentence.
const A = 'Jets left the Hmeimim base at dawn, and the Hmeimim runway was busy.'
const B = 'Reporters near Hmeymim saw the jets. Residents of Hmeymim heard them.'

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
    expect(cache.candidates.map((c) => c.text)).toEqual(expect.arrayContaining(['Hmeimim', 'Hmeymim']))
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
    const forged = cache.candidates.map((c) => (c.text === 'Hmeymim' ? { ...c, text: 'Hmeymiim' } : c))
    await writeFile(cacheFile(), JSON.stringify({ ...cache, candidates: forged }))
    await session.close()
    session = await open(true)
    expect((await notebookNames(session.store)).origin).toBe('cache')
    expect(await labels(session)).toEqual(['Hmeimim ~ Hmeymiim'])
  })

  it('is not used after an import or a deletion changed the articles', async () => {
    await labels(session)
    const stale = await readCache()
    await session.importContents([{ name: 'c.txt', bytes: enc('Convoys reached Tartus on Monday. The Tartous port was closed, and Tartus stayed calm; Tartous reopened.') }])
    expect(await labels(session)).toEqual(['Hmeimim ~ Hmeymim', 'Tartus ~ Tartous'])
    expect((await readCache()).articles).not.toBe(stale.articles)
    // A new process with the old file back: its key no longer matches, so it is rebuilt.
    await writeFile(cacheFile(), JSON.stringify(stale))
    await session.close()
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('built')
    const b = session.store.articles.find((a) => a.source.fileName === 'b.txt')!
    await session.deleteArticle(b.id as ArticleId)
    expect(await labels(session)).toEqual(['Tartus ~ Tartous'])
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
    await writeFile(suggestionsFile(), '{"version":1,"key":')
    expect(await suggestionsOrigin(session)).toBe('built')
    await writeFile(cacheFile(), '{"version":1,"articles":')
    await session.close()
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('built')
    expect((await readCache()).version).toBe(1)
    await writeFile(cacheFile(), JSON.stringify({ ...(await readCache()), version: 99 }))
    await session.close()
    session = await open()
    expect((await notebookNames(session.store)).origin).toBe('built')
  })
})
