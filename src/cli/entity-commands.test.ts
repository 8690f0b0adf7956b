/**
 * `dossier entities …`, `dossier entity …` and `dossier search` with names: --json shapes,
 * what the notebook's files hold, one-line refusals with the notebook unchanged, and the
 * issue's done-means on the shared corpus (skipped when it is absent).
 */
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Entity } from '../core/entities'
import type { SearchResponse } from '../core/search/types'
import type { EntitySummary } from '../main/entities/entity-session'
import { tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')

// Our own fixture prose (not the corpus).
const TEXTS: Record<string, string> = {
  'one.txt': 'Jets left Khmeimim at dawn.\n\nOfficials in Tartus said the port was calm.',
  'two.txt': 'The Hmeimim airbase was quiet on Friday, a reporter said.',
  'three.txt': 'وصلت طائرات إلى قاعدة حميميم مساء الأحد.',
  'four.txt': 'Fishermen in Latakia watched the harbour.',
}

let tmp: string
let nb: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const json = async <T>(...args: string[]): Promise<T> => {
  const r = await dossier(...args, '--json')
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out) as T
}
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
const searchIds = async (...args: string[]) => (await json<SearchResponse>('search', ...args)).hits.map((h) => h.articleId).sort()

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-entities-')
  nb = join(tmp, 'nb')
  await mkdir(join(tmp, 'in'))
  for (const [name, text] of Object.entries(TEXTS)) await writeFile(join(tmp, 'in', name), text)
  expect((await dossier('import', join(tmp, 'in'))).code).toBe(0)
  // The day's backup now, so no later command makes one (it would change the file tree).
  expect((await dossier('backup')).code).toBe(0)
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('dossier entity / entities', () => {
  it('a notebook without entities.json has no entities, and says how to add some', async () => {
    expect(await json<EntitySummary[]>('entities')).toEqual([])
    expect((await dossier('entities')).out).toContain('dossier entities import-pack --starter')
  })

  it('entity add: saves the entity in entities.json, with aliases, kind and coordinates', async () => {
    const added = await json<Entity>('entity', 'add', 'Khmeimim Air Base', '--type', 'place', '--kind', 'base', '--alias', 'Khmeimim', '--alias', 'حميميم', '--lat', '35.401', '--lon', '35.949')
    expect(added).toMatchObject({ id: expect.stringMatching(/^e-[0-9a-f]{10}$/), name: 'Khmeimim Air Base', type: 'place', kind: 'base', coordinates: { lat: 35.401, lon: 35.949 } })
    expect(added.aliases).toEqual([{ text: 'Khmeimim', script: 'Latn' }, { text: 'حميميم', script: 'Arab' }])
    const file = JSON.parse(await readFile(join(nb, 'entities.json'), 'utf8')) as { version: number; entities: Entity[] }
    expect(file.version).toBe(1)
    expect(file.entities).toEqual([added])
  })

  it('entity alias, and entities lists aliases with mention counts from the mention index', async () => {
    const aliased = await json<Entity>('entity', 'alias', 'khmeimim', 'Hmeimim')
    expect(aliased.aliases.map((a) => a.text)).toEqual(['Khmeimim', 'حميميم', 'Hmeimim'])
    await json<Entity>('entity', 'add', 'Tartus', '--type', 'place', '--alias', 'Tartous')
    const list = await json<EntitySummary[]>('entities')
    expect(list.map((e) => [e.name, e.mentions, e.articles])).toEqual([
      ['Khmeimim Air Base', 3, 3],
      ['Tartus', 1, 1],
    ])
    expect(await readdir(nb)).toContain('mentions.json')
  })

  it('search: a name matches every spelling, says so, and --exact searches only what was typed', async () => {
    const r = await json<SearchResponse>('search', 'Hmeimim')
    expect(r.hits).toHaveLength(3)
    expect(r.expansions).toEqual([
      { raw: 'Hmeimim', entityId: expect.any(String), entity: 'Khmeimim Air Base', spellings: [{ text: 'Khmeimim', articles: 1 }, { text: 'حميميم', articles: 1 }] },
    ])
    expect((await dossier('search', 'Hmeimim')).out).toContain('“Hmeimim” is Khmeimim Air Base: also matched Khmeimim (1), حميميم (1). Use --exact')
    const exact = await json<SearchResponse>('search', 'Hmeimim', '--exact')
    expect(exact.hits).toHaveLength(1)
    expect(exact.expansions).toEqual([])
  })

  it('search --entity keeps the articles mentioning it', async () => {
    const all = await searchIds('said')
    expect(all).toHaveLength(2)
    expect(await searchIds('said', '--entity', 'Tartous')).toHaveLength(1)
  })

  it('merge, rename and delete change entities.json as asked', async () => {
    await json<Entity>('entity', 'add', 'Hmeymim', '--type', 'place')
    const merged = await json<Entity>('entity', 'merge', 'Khmeimim Air Base', 'Hmeymim')
    expect(merged.aliases.map((a) => a.text)).toContain('Hmeymim')
    const renamed = await json<Entity>('entity', 'rename', 'Tartus', 'Tartus city')
    expect(renamed.aliases.map((a) => a.text)).toEqual(['Tartus', 'Tartous'])
    const deleted = await json<{ deleted: Entity }>('entity', 'delete', 'Tartus city')
    expect(deleted.deleted.name).toBe('Tartus city')
    expect((await json<EntitySummary[]>('entities')).map((e) => e.name)).toEqual(['Khmeimim Air Base'])
  })

  it('refuses bad input with one line and leaves the notebook unchanged', async () => {
    await refused(1, '“Hmeimim” already belongs to Khmeimim Air Base', 'entity', 'add', 'Hmeimim', '--type', 'place')
    await json<Entity>('entity', 'add', 'Latakia', '--type', 'place')
    await refused(1, 'already belongs to Khmeimim Air Base', 'entity', 'alias', 'Latakia', 'HMEIMIM')
    await refused(1, 'The name is empty.', 'entity', 'add', '  ', '--type', 'place')
    await refused(1, 'is 10000 characters long', 'entity', 'add', 'x'.repeat(10_000), '--type', 'place')
    await refused(1, 'Invalid coordinates 95, 10', 'entity', 'add', 'Nowhere', '--type', 'place', '--lat', '95', '--lon', '10')
    await refused(1, 'Give both --lat and --lon', 'entity', 'add', 'Nowhere', '--type', 'place', '--lat', '35')
    await refused(2, 'latitude must be a number', 'entity', 'add', 'Nowhere', '--type', 'place', '--lat', 'north', '--lon', '10')
    await refused(2, /--type/, 'entity', 'add', 'Nowhere', '--type', 'planet')
    await refused(1, 'No entity is named “Atlantis”', 'entity', 'alias', 'Atlantis', 'Atlantida')
    await writeFile(join(tmp, 'bad-pack.json'), '{"version":1,"entities":[{"id":"e-x","name":"","type":"place","aliases":[]}],"rejected":[]}')
    await refused(1, 'The gazetteer file is malformed: entities.0.name', 'entities', 'import-pack', 'bad-pack.json')
    await writeFile(join(tmp, 'not-json.json'), '{"version":1,')
    await refused(1, 'The gazetteer file is not JSON', 'entities', 'import-pack', 'not-json.json')
    await refused(1, 'is not a suggestion id', 'entities', 'accept', 'nonsense')
  })

  it('import-pack --starter adds the starter gazetteer once; remove-pack takes it away again', async () => {
    const added = await json<{ added: { id: string; name: string }[]; skipped: { name: string; reason: string }[] }>('entities', 'import-pack', '--starter')
    expect(added.added.map((e) => e.name)).toContain('Tartus')
    // The notebook's own Khmeimim and Latakia keep their spellings: the pack's are skipped.
    expect(added.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['Khmeimim Air Base', 'Latakia']))
    const again = await json<{ added: unknown[] }>('entities', 'import-pack', '--starter')
    expect(again.added).toEqual([])
    const removed = await json<{ removed: { name: string }[] }>('entities', 'remove-pack', '--starter')
    expect(removed.removed).toHaveLength(added.added.length)
    expect((await json<EntitySummary[]>('entities')).map((e) => e.name)).toEqual(['Khmeimim Air Base', 'Latakia'])
  })
})

describe('dossier entity edit / split', () => {
  const saved = async () => (JSON.parse(await readFile(join(nb, 'entities.json'), 'utf8')) as { entities: Entity[] }).entities
  const named = async (name: string) => (await saved()).find((e) => e.name === name)

  it('edit sets and clears type, kind, description and coordinates in entities.json', async () => {
    const edited = await json<Entity>('entity', 'edit', 'latakia', '--kind', 'city', '--lat', '35.52', '--lon', '35.79', '--description', 'Port city')
    expect(edited).toMatchObject({ name: 'Latakia', type: 'place', kind: 'city', coordinates: { lat: 35.52, lon: 35.79 }, description: 'Port city' })
    expect(await named('Latakia')).toEqual(edited)
    const cleared = await json<Entity>('entity', 'edit', 'Latakia', '--type', 'organisation', '--no-kind', '--no-coordinates', '--description', '')
    expect(cleared).toEqual({ id: edited.id, name: 'Latakia', type: 'organisation', aliases: [] })
    expect(await named('Latakia')).toEqual(cleared)
    expect((await dossier('entity', 'edit', 'Latakia', '--type', 'place')).out).toBe(`Edited ${edited.id}  Latakia  [place]\n`)
  })

  it('edit refuses bad input with one line and leaves the notebook unchanged', async () => {
    await refused(2, 'Nothing to change: give at least one of --type', 'entity', 'edit', 'Latakia')
    await refused(1, 'Invalid coordinates 95, 1', 'entity', 'edit', 'Latakia', '--lat', '95', '--lon', '1')
    await refused(1, 'Give both --lat and --lon', 'entity', 'edit', 'Latakia', '--lon', '1')
    await refused(2, 'give either --lat and --lon or --no-coordinates, not both', 'entity', 'edit', 'Latakia', '--lat', '1', '--lon', '2', '--no-coordinates')
    await refused(1, 'Only places have a kind or coordinates; Khmeimim Air Base is a person.', 'entity', 'edit', 'Hmeimim', '--type', 'person')
    await refused(2, /--kind/, 'entity', 'edit', 'Latakia', '--kind', 'planet')
    await refused(1, 'No entity is named “Atlantis”', 'entity', 'edit', 'Atlantis', '--type', 'place')
  })

  it('split moves the named aliases to a new entity, which keeps the type and kind', async () => {
    const before = await named('Khmeimim Air Base')
    expect(before!.aliases.map((a) => a.text)).toEqual(['Khmeimim', 'حميميم', 'Hmeimim', 'Hmeymim'])
    const r = await dossier('entity', 'split', 'Khmeimim Air Base', '--alias', 'hmeymim', '--name', 'Hmeymim village')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toMatch(/^Split e-[0-9a-f]{10} {2}Khmeimim Air Base {2}\[place base\] \(35\.401, 35\.949\)\n {4}also: Khmeimim \| حميميم \| Hmeimim\ninto e-[0-9a-f]{10} {2}Hmeymim village {2}\[place base\]\n {4}also: Hmeymim\n$/)
    const after = await saved()
    expect(after.find((e) => e.id === before!.id)!.aliases.map((a) => a.text)).toEqual(['Khmeimim', 'حميميم', 'Hmeimim'])
    expect(after.find((e) => e.name === 'Hmeymim village')).toMatchObject({ type: 'place', kind: 'base', aliases: [{ text: 'Hmeymim' }] })
    const asJson = await json<{ kept: Entity; created: Entity }>('entity', 'split', 'Hmeimim', '--alias', 'حميميم', '--name', 'حميميم', '--type', 'organisation')
    expect(asJson.kept.aliases.map((a) => a.text)).toEqual(['Khmeimim', 'Hmeimim'])
    expect(asJson.created).toEqual({ id: expect.stringMatching(/^e-/), name: 'حميميم', type: 'organisation', aliases: [] })
  })

  it('split refuses an unknown alias, the name, every spelling and a taken name, changing nothing', async () => {
    await refused(1, 'Khmeimim Air Base has no alias “Humaymim” to move.', 'entity', 'split', 'Khmeimim', '--alias', 'Humaymim', '--name', 'Humaymim')
    await refused(1, '“Khmeimim Air Base” is the name of Khmeimim Air Base, which keeps it', 'entity', 'split', 'Khmeimim', '--alias', 'Khmeimim Air Base', '--name', 'Base')
    await refused(1, 'That moves every spelling of Khmeimim Air Base', 'entity', 'split', 'Khmeimim', '--alias', 'Khmeimim Air Base', '--alias', 'Khmeimim', '--alias', 'Hmeimim', '--name', 'Base')
    await refused(1, '“Latakia” already belongs to Latakia', 'entity', 'split', 'Khmeimim', '--alias', 'Hmeimim', '--name', 'Latakia')
    await refused(1, 'The name is empty.', 'entity', 'split', 'Khmeimim', '--alias', 'Hmeimim', '--name', ' ')
    await refused(2, /--name/, 'entity', 'split', 'Khmeimim', '--alias', 'Hmeimim')
    await refused(2, /--alias/, 'entity', 'split', 'Khmeimim', '--name', 'Hmeimim')
    await refused(1, 'No entity is named “Atlantis”', 'entity', 'split', 'Atlantis', '--alias', 'A', '--name', 'B')
  })
})

describe.skipIf(!existsSync(CORPUS))('done means, on the shared corpus (skipped when /work/shared/corpus is absent)', () => {
  let corpusTmp: string
  const run = (...args: string[]) => runCliIn(corpusTmp, ['--notebook', 'corpus', ...args])
  const found = async (...args: string[]) => {
    const r = await run('search', ...args, '--limit', '1000', '--json')
    expect(r.code, r.err).toBe(0)
    return new Set((JSON.parse(r.out) as SearchResponse).hits.filter((h) => h.kind === 'article').map((h) => h.articleId))
  }
  const mentioning = async (entityId: string) => {
    const list = JSON.parse((await run('entities', '--json')).out) as EntitySummary[]
    return list.find((e) => e.id === entityId)!
  }

  beforeAll(async () => {
    corpusTmp = await tempDir('dossier-cli-entities-corpus-')
    const files = (await readdir(CORPUS)).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS, f))
    expect((await run('import', ...files)).code).toBe(0)
    expect((await run('entities', 'import-pack', '--starter')).code).toBe(0)
  }, 120_000)
  afterAll(async () => {
    await rm(corpusTmp, { recursive: true, force: true })
  })

  it('Hmeimim and Tartous find every article mentioning the base or the port under any spelling; طرطوس finds the Latin ones', async () => {
    const base = await mentioning('e-khmeimim')
    const port = await mentioning('e-tartus')
    expect(base.articles).toBeGreaterThan(1)
    expect(port.articles).toBeGreaterThan(1)
    // What the files say, read here without Dossier: the articles holding a spelling as a whole word.
    const fileOf = new Map((JSON.parse((await run('list', '--json')).out) as { id: string; sourceFileName: string }[]).map((a) => [a.id, a.sourceFileName]))
    const texts = new Map(await Promise.all([...fileOf.values()].map(async (f) => [f, await readFile(join(CORPUS, f), 'utf8')] as const)))
    const holding = (spellings: readonly string[]) => {
      const word = new RegExp(`(?<![\\p{L}\\p{N}])(?:${spellings.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'iu')
      return [...texts].filter(([, text]) => word.test(text)).map(([f]) => f).sort()
    }
    const files = (ids: Set<string>) => [...ids].map((id) => fileOf.get(id)!).sort()
    const spellingsOf = (e: EntitySummary) => [e.name, ...e.aliases.map((x) => x.text)]
    const anyBase = holding(spellingsOf(base))
    const anyPort = holding(spellingsOf(port))
    expect(anyBase.length).toBe(base.articles)
    expect(anyPort.length).toBe(port.articles)
    expect(files(await found('Hmeimim'))).toEqual(expect.arrayContaining(anyBase))
    expect(files(await found('Tartous'))).toEqual(expect.arrayContaining(anyPort))
    expect(files(await found('طرطوس'))).toEqual(expect.arrayContaining(anyPort))
    // --exact finds only the spelling typed: exactly the articles holding it.
    expect(files(await found('Hmeimim', '--exact'))).toEqual(holding(['Hmeimim']))
    expect(files(await found('Tartous', '--exact'))).toEqual(holding(['Tartous']))
    expect(holding(['Hmeimim']).length).toBeLessThan(anyBase.length)
    expect(holding(['Tartous']).length).toBeLessThan(anyPort.length)
    expect(files(await found('طرطوس', '--exact'))).toEqual(holding(['طرطوس']))
  })
})
