/**
 * `dossier tag create|rename|recolor|describe|merge|delete`: each through the session, with
 * --json shapes, exit codes, --yes before highlights lose a tag, and an unchanged notebook
 * (every file, byte for byte) whenever a command is refused.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleView, TagSummary } from '../core/api'
import type { Tag } from '../core/model'
import { openTestNotebook, tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'
import { rm } from 'node:fs/promises'

let tmp: string
let nb: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
const tags = async () => JSON.parse((await dossier('tags', '--json')).out) as TagSummary[]
const tag = async (name: string) => (await tags()).find((t) => t.name === name)

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-tags-')
  nb = join(tmp, 'nb')
  const made = await openTestNotebook(nb)
  await made.session.close()
  // The day's backup now, so no later command makes one (it would change the file tree).
  expect((await dossier('backup')).code).toBe(0)
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('dossier tag', () => {
  it('create: adds a tag at the end of the codebook (colour without #, description)', async () => {
    const r = await dossier('tag', 'create', ' Bases / Tartus ', '--color', '0072b2', '--description', 'The naval base at Tartus', '--json')
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const created = JSON.parse(r.out) as Tag
    expect(created).toEqual({ id: expect.stringMatching(/^t-[0-9a-f]{10}$/), name: 'Bases/Tartus', color: '#0072B2', description: 'The naval base at Tartus' })
    expect((await tags()).at(-1)).toEqual({ ...created, highlightCount: 0 })
    const human = await dossier('tag', 'create', 'Logistics')
    expect(human.out).toMatch(/^Created tag "Logistics" \(t-[0-9a-f]{10}, #[0-9A-F]{6}\)\.\n$/)
  })

  it('create: refuses a name already taken (any case), a bad colour, an empty name, changing nothing', async () => {
    const dup = await refused(1, 'There is already a tag named "People"', 'tag', 'create', 'PEOPLE', '--json')
    expect(JSON.parse(dup.out)).toEqual({ ok: false, error: { code: 'tag-exists', message: expect.stringContaining('"People"') } })
    await refused(1, 'The colour "blue" is not of the form #rrggbb', 'tag', 'create', 'Air', '--color', 'blue')
    await refused(1, 'The tag name is empty', 'tag', 'create', '  ')
    const usage = await refused(2, "missing required argument 'name'", 'tag', 'create')
    expect(usage.err).toContain('Run "dossier tag create --help" for its usage.')
  })

  it('rename, recolor (or recolour) and describe, naming the tag by name or by id', async () => {
    const renamed = await dossier('tag', 'rename', 'people', 'Persons')
    expect(renamed).toEqual({ code: 0, err: '', out: 'Renamed tag "People" to "Persons".\n' })
    const id = (await tag('Persons'))!.id
    const recoloured = await dossier('tag', 'recolour', id, '#d55e00', '--json')
    expect(JSON.parse(recoloured.out)).toMatchObject({ id, name: 'Persons', color: '#D55E00' })
    expect((await dossier('tag', 'recolor', 'Persons', 'CC79A7')).out).toBe('Tag "Persons" is now #CC79A7.\n')
    expect((await dossier('tag', 'describe', 'Persons', 'Who said what')).out).toBe('Tag "Persons": Who said what\n')
    expect(await tag('Persons')).toMatchObject({ description: 'Who said what', highlightCount: 2 })
    expect((await dossier('tag', 'describe', 'Persons', '')).out).toBe('Tag "Persons" has no description now.\n')
    // Highlights keep the tag through a rename: they name it by id.
    const articles = JSON.parse((await dossier('list', '--json')).out) as { id: string }[]
    const shown = await Promise.all(articles.map(async (a) => JSON.parse((await dossier('show', a.id, '--json')).out) as ArticleView))
    expect(shown.flatMap((v) => v.highlights).filter((h) => h.tagIds.includes(id))).toHaveLength(2)
  })

  it('rename, recolor and describe refuse bad values and unknown tags, changing nothing', async () => {
    await refused(1, 'There is already a tag named "Convoys"', 'tag', 'rename', 'Persons', 'convoys')
    await refused(1, 'There is no tag named "Nobody"', 'tag', 'rename', 'Nobody', 'Somebody')
    await refused(1, 'is not of the form #rrggbb', 'tag', 'recolor', 'Persons', '#12345')
    await refused(1, 'The description is 501 characters long', 'tag', 'describe', 'Persons', 'x'.repeat(501))
    const json = await refused(1, 'There is no tag named', 'tag', 'describe', 'Nobody', 'x', '--json')
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'unknown-tag' } })
  })

  it('delete: refused without --yes while highlights carry the tag, saying how many; done with --yes', async () => {
    const r = await refused(1, 'dossier: 2 highlights carry the tag "Persons"; deleting it takes it off them (they stay, with their other tags). Nothing was changed: run again with --yes to delete it.\n', 'tag', 'delete', 'Persons', '--json')
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: { code: 'needs-confirmation', message: expect.stringMatching(/^2 highlights carry/) } })
    const persons = (await tag('Persons'))!
    const done = await dossier('tag', 'delete', 'Persons', '--yes', '--json')
    expect(done.code).toBe(0)
    expect(JSON.parse(done.out)).toEqual({ deleted: { id: persons.id, name: 'Persons', color: persons.color, description: '' }, highlightsChanged: 2 })
    expect(await tag('Persons')).toBeUndefined()
    // The highlights stay, without the tag.
    const articles = JSON.parse((await dossier('list', '--json')).out) as { highlightCount: number }[]
    expect(articles.reduce((n, a) => n + a.highlightCount, 0)).toBe(7)
  })

  it('delete: a tag no highlight carries goes without --yes, and says so', async () => {
    expect(await dossier('tag', 'delete', 'bases')).toEqual({ code: 0, err: '', out: 'Deleted tag "Bases"; no highlight carried it.\n' })
    await refused(1, 'There is no tag named "Bases"', 'tag', 'delete', 'Bases')
  })

  it('merge: refused without --yes while highlights carry the tag; with --yes they carry the other one', async () => {
    await refused(1, '4 highlights carry the tag "Ports & shipping"; merging moves them to "Negotiations"', 'tag', 'merge', 'Ports & shipping', 'Negotiations')
    await refused(1, 'A tag cannot be merged into itself', 'tag', 'merge', 'Negotiations', 'negotiations', '--yes')
    await refused(1, 'There is no tag named "Nowhere"', 'tag', 'merge', 'Negotiations', 'Nowhere', '--yes')
    const ports = (await tag('Ports & shipping'))!
    const into = (await tag('Negotiations'))!
    const r = await dossier('tag', 'merge', 'Ports & shipping', 'Negotiations', '--yes', '--json')
    expect(r.code).toBe(0)
    const { highlightCount: _count, ...intoTag } = into
    expect(JSON.parse(r.out)).toEqual({ merged: { id: ports.id, name: ports.name, color: ports.color, description: ports.description }, into: intoTag, highlightsChanged: 4 })
    // 4 highlights of Ports and 2 of Negotiations, one of them carrying both: 5 now.
    expect(await tag('Negotiations')).toMatchObject({ highlightCount: 5 })
    expect(await tag('Ports & shipping')).toBeUndefined()
    expect((await dossier('tag', 'merge', 'Logistics', 'Convoys')).out).toBe('Merged tag "Logistics" into "Convoys"; no highlight carried it.\n')
  })

  it('a group without its command is a usage error (exit 2), with the one JSON failure shape', async () => {
    const r = await refused(2, /^dossier: /, 'tag', 'frobnicate')
    expect(r.err).toContain("unknown command 'frobnicate'")
    const bare = await dossier('tag', '--json')
    expect(bare.code).toBe(2)
    expect(JSON.parse(bare.out)).toEqual({ ok: false, error: { code: 'bad-request', message: 'No tag command given.' } })
  })
})
