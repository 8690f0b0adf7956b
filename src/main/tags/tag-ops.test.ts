import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HighlightId, TagId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { DossierError } from '../../core/result'
import { MANIFEST_FILE } from '../storage/notebook-store'
import { createTag, deleteTag, listPassages, listTagSummaries, mergeTags, restoreHighlight, restoreTag, updateTag } from './tag-ops'
import { BASES, CONVOYS, NEGOTIATIONS, openTestNotebook, type TestNotebook } from './tag-test-notebook'

let nb: TestNotebook
let ids = 0
const freshId = () => `t-new${++ids}` as TagId
const store = () => nb.session.store
const manifestTags = () => JSON.parse(readFileSync(join(nb.dir, MANIFEST_FILE), 'utf8')).tags as { id: string; name: string; color: string }[]
const stored = (articleId: string) => JSON.parse(readFileSync(join(nb.dir, 'annotations', `${articleId}.json`), 'utf8')).highlights as Highlight[]

async function rejects(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DossierError)
  expect(error).toMatchObject({ code, message: expect.stringMatching(message) })
}

/** Three highlights: convoy "Thirty trucks" [Convoys, Bases], convoy "withdrawal" [Bases], talks "Tartus naval base" [Bases, Negotiations]. */
async function highlightSome(): Promise<Highlight[]> {
  const s = nb.session
  return [
    await s.highlightQuote({ articleId: nb.convoy, quote: 'Thirty trucks left Khmeimim', tagNames: ['Convoys', 'Bases'], comment: 'count them' }),
    await s.highlightQuote({ articleId: nb.convoy, quote: 'withdrawal of equipment', tagNames: ['Bases'], comment: '' }),
    await s.highlightQuote({ articleId: nb.talks, quote: 'Tartus naval base', tagNames: ['Bases', 'Negotiations'], comment: '' }),
  ]
}

beforeEach(async () => {
  nb = await openTestNotebook()
})
afterEach(async () => {
  await nb.session.close()
})

describe('the codebook', () => {
  it('lists tags in codebook order with how many highlights carry each', async () => {
    await highlightSome()
    const summaries = await listTagSummaries(store())
    expect(summaries.map((t) => [t.name, t.highlightCount])).toEqual([
      ['Bases', 3],
      ['Convoys', 1],
      ['Negotiations', 1],
    ])
  })

  it('creates a tag with a trimmed name and the next unused palette colour, at the end', async () => {
    const tag = await createTag(store(), { name: '  Air   defence ', description: '  S-400 batteries  ' }, freshId)
    expect(tag).toMatchObject({ name: 'Air defence', color: '#F0E442', description: 'S-400 batteries' })
    expect(manifestTags().at(-1)).toMatchObject({ id: tag.id, name: 'Air defence', color: '#F0E442' })
    const next = await createTag(store(), { name: 'Ports' }, freshId)
    expect(next.color).toBe('#0072B2')
  })

  it('cycles through the palette once every colour is used, and keeps a colour that is given', async () => {
    const colors: string[] = []
    for (let i = 0; i < 6; i++) colors.push((await createTag(store(), { name: `Tag ${i}` }, freshId)).color)
    expect(colors).toEqual(['#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999', '#E69F00'])
    expect((await createTag(store(), { name: 'Mine', color: '#12ab34' }, freshId)).color).toBe('#12AB34')
    await rejects(createTag(store(), { name: 'Bad', color: 'red' }, freshId), 'bad-request', /"red" is not of the form #rrggbb/)
  })

  it('accepts hierarchical names, trimming around each "/", and refuses an empty level', async () => {
    expect((await createTag(store(), { name: ' Bases /  Tartus ' }, freshId)).name).toBe('Bases/Tartus')
    await rejects(createTag(store(), { name: 'Bases//Tartus' }, freshId), 'bad-request', /empty level/)
    await rejects(createTag(store(), { name: '/Tartus' }, freshId), 'bad-request', /empty level/)
    await rejects(createTag(store(), { name: '   ' }, freshId), 'bad-request', /name is empty/)
    await rejects(createTag(store(), { name: 'x'.repeat(101) }, freshId), 'bad-request', /101 characters long; at most 100/)
    await rejects(createTag(store(), { name: 'Ok', description: 'd'.repeat(501) }, freshId), 'bad-request', /at most 500/)
  })

  it('refuses a name that another tag has in any case, naming that tag, and writes nothing', async () => {
    const before = nb.snapshot()
    await rejects(createTag(store(), { name: 'bases' }, freshId), 'tag-exists', /already a tag named "Bases"/)
    await rejects(createTag(store(), { name: 'CONVOYS ' }, freshId), 'tag-exists', /"Convoys"/)
    expect(nb.snapshot()).toBe(before)
  })

  it('renames, recolours and describes a preloaded tag; a rename to itself in another case is allowed', async () => {
    const renamed = await updateTag(store(), { tagId: BASES, name: 'Military bases', color: '#000000', description: 'Tartus and Khmeimim' })
    expect(renamed).toEqual({ id: BASES, name: 'Military bases', color: '#000000', description: 'Tartus and Khmeimim' })
    expect(manifestTags()[0]).toEqual(renamed)
    expect((await updateTag(store(), { tagId: BASES, name: 'MILITARY bases' })).name).toBe('MILITARY bases')
    await rejects(updateTag(store(), { tagId: BASES, name: 'convoys' }), 'tag-exists', /"Convoys"/)
    await rejects(updateTag(store(), { tagId: 't-nope' as TagId, name: 'X' }), 'unknown-tag', /no tag with id t-nope/)
    expect(manifestTags()[0]!.name).toBe('MILITARY bases')
  })
})

describe('deleting and merging tags, and undoing it', () => {
  it('deletes a tag from the codebook and every highlight, keeping highlights left without tags', async () => {
    const [a, b, c] = await highlightSome()
    const removal = await deleteTag(store(), BASES)
    expect(removal).toEqual({
      tag: expect.objectContaining({ id: BASES, name: 'Bases' }),
      index: 0,
      highlights: [
        { highlightId: a!.id, tagIds: [CONVOYS, BASES] },
        { highlightId: b!.id, tagIds: [BASES] },
        { highlightId: c!.id, tagIds: [BASES, NEGOTIATIONS] },
      ],
    })
    expect(manifestTags().map((t) => t.name)).toEqual(['Convoys', 'Negotiations'])
    expect(stored(nb.convoy).map((h) => h.tagIds)).toEqual([[CONVOYS], []])
    expect(stored(nb.talks).map((h) => h.tagIds)).toEqual([[NEGOTIATIONS]])
    expect(stored(nb.convoy)[1]!.updatedAt).toBe(b!.updatedAt)
  })

  it('delete then restore gives byte-identical annotation files and manifest', async () => {
    await highlightSome()
    await createTag(store(), { name: 'Ports' }, freshId)
    const before = nb.snapshot()
    const removal = await deleteTag(store(), CONVOYS)
    expect(nb.snapshot()).not.toBe(before)
    const tag = await restoreTag(store(), removal)
    expect(tag.id).toBe(CONVOYS)
    expect(nb.snapshot()).toBe(before)
  })

  it('merges one tag into another without duplicates, keeping order, and restore undoes it exactly', async () => {
    const [a, b, c] = await highlightSome()
    const before = nb.snapshot()
    const removal = await mergeTags(store(), BASES, NEGOTIATIONS)
    expect(removal.tag.id).toBe(BASES)
    expect(removal.highlights).toEqual([
      { highlightId: a!.id, tagIds: [CONVOYS, BASES] },
      { highlightId: b!.id, tagIds: [BASES] },
      { highlightId: c!.id, tagIds: [BASES, NEGOTIATIONS] },
    ])
    expect(stored(nb.convoy).map((h) => h.tagIds)).toEqual([
      [CONVOYS, NEGOTIATIONS],
      [NEGOTIATIONS],
    ])
    expect(stored(nb.talks).map((h) => h.tagIds)).toEqual([[NEGOTIATIONS]])
    expect((await listTagSummaries(store())).map((t) => [t.name, t.highlightCount])).toEqual([
      ['Convoys', 1],
      ['Negotiations', 3],
    ])
    await restoreTag(store(), removal)
    expect(nb.snapshot()).toBe(before)
  })

  it('refuses to merge a tag into itself or into an unknown tag', async () => {
    await rejects(mergeTags(store(), BASES, BASES), 'bad-request', /into itself/)
    await rejects(mergeTags(store(), BASES, 't-gone' as TagId), 'unknown-tag', /t-gone/)
    await rejects(deleteTag(store(), 't-gone' as TagId), 'unknown-tag', /t-gone/)
  })

  it('a highlight given the tag while it is being deleted loses it too, and gets it back on restore', async () => {
    const [, , c] = await highlightSome()
    const deleting = deleteTag(store(), CONVOYS)
    await store().updateHighlights(nb.talks, (hs) => void hs.find((h) => h.id === c!.id)!.tagIds.push(CONVOYS))
    const removal = await deleting
    expect(stored(nb.talks).find((h) => h.id === c!.id)!.tagIds).toEqual([BASES, NEGOTIATIONS])
    expect(removal.highlights).toContainEqual({ highlightId: c!.id, tagIds: [BASES, NEGOTIATIONS, CONVOYS] })
    await restoreTag(store(), removal)
    expect(stored(nb.talks).find((h) => h.id === c!.id)!.tagIds).toEqual([BASES, NEGOTIATIONS, CONVOYS])
  })

  it('refuses a merge whose target tag was deleted meanwhile, leaving the highlights as they were', async () => {
    await highlightSome()
    const convoyBefore = stored(nb.convoy)
    const merging = mergeTags(store(), CONVOYS, NEGOTIATIONS)
    await store().updateManifest((m) => void m.tags.splice(m.tags.findIndex((t) => t.id === NEGOTIATIONS), 1))
    await rejects(merging, 'unknown-tag', new RegExp(NEGOTIATIONS))
    expect(stored(nb.convoy)).toEqual(convoyBefore)
    expect(manifestTags().map((t) => t.id)).toContain(CONVOYS)
  })

  it('restores at a clamped place, skips highlights deleted since, and drops tags no longer in the codebook', async () => {
    const [a, b] = await highlightSome()
    const removal = await deleteTag(store(), BASES)
    await deleteTag(store(), NEGOTIATIONS)
    await nb.session.deleteHighlight(b!.id)
    await restoreTag(store(), { ...removal, index: 99 })
    expect(manifestTags().map((t) => t.id)).toEqual([CONVOYS, BASES])
    expect(stored(nb.convoy)).toEqual([expect.objectContaining({ id: a!.id, tagIds: [CONVOYS, BASES] })])
    expect(stored(nb.talks)[0]!.tagIds).toEqual([BASES])
  })

  it('refuses to restore a tag whose id or name is in the codebook again', async () => {
    const removal = await deleteTag(store(), BASES)
    await createTag(store(), { name: 'bases' }, freshId)
    const before = nb.snapshot()
    await rejects(restoreTag(store(), removal), 'tag-exists', /"bases"/)
    await rejects(restoreTag(store(), { ...removal, tag: { ...removal.tag, id: CONVOYS, name: 'Other' } }), 'tag-exists', /"Convoys" is already/)
    expect(nb.snapshot()).toBe(before)
  })

  it('leaves the notebook unchanged when the manifest cannot be written after the highlights were', async () => {
    await highlightSome()
    const before = nb.snapshot()
    nb.failWrites(/notebook\.json$/)
    await rejects(deleteTag(store(), BASES), 'write-failed', /no space left/)
    await rejects(mergeTags(store(), BASES, CONVOYS), 'write-failed', /no space left/)
    nb.failWrites(null)
    expect(nb.snapshot()).toBe(before)
    expect((await listTagSummaries(store())).map((t) => t.highlightCount)).toEqual([3, 1, 1])
  })

  it('leaves the notebook unchanged when the second annotation file cannot be written', async () => {
    await highlightSome()
    const before = nb.snapshot()
    nb.failWrites(new RegExp(`${nb.talks}\\.json$`))
    await rejects(deleteTag(store(), BASES), 'write-failed', /no space left/)
    nb.failWrites(null)
    expect(nb.snapshot()).toBe(before)
  })

  it('takes the restored tag back out when a highlight cannot be restored', async () => {
    await highlightSome()
    const removal = await deleteTag(store(), BASES)
    const before = nb.snapshot()
    nb.failWrites(new RegExp(`${nb.talks}\\.json$`))
    await rejects(restoreTag(store(), removal), 'write-failed', /no space left/)
    nb.failWrites(null)
    expect(nb.snapshot()).toBe(before)
  })
})

describe('restoring a deleted highlight', () => {
  it('puts it back with the same id, dates, tags and comment, in its old place', async () => {
    const [a, b] = await highlightSome()
    const file = readFileSync(join(nb.dir, 'annotations', `${nb.convoy}.json`), 'utf8')
    await nb.session.deleteHighlight(a!.id)
    const restored = await restoreHighlight(store(), a!)
    expect(restored).toEqual(a)
    expect(stored(nb.convoy).map((h) => h.id)).toEqual([a!.id, b!.id])
    expect(readFileSync(join(nb.dir, 'annotations', `${nb.convoy}.json`), 'utf8')).toBe(file)
  })

  it('stores the offsets where the quote is found, and returns an existing highlight unchanged', async () => {
    const [a] = await highlightSome()
    await nb.session.deleteHighlight(a!.id)
    const moved = { ...a!, target: { ...a!.target, start: a!.target.start + 5, end: a!.target.end + 5 } }
    expect((await restoreHighlight(store(), moved)).target).toEqual(a!.target)
    const again = await restoreHighlight(store(), { ...a!, comment: 'changed' })
    expect(again.comment).toBe('count them')
    expect(stored(nb.convoy)).toHaveLength(2)
  })

  it('puts an orphan (its quote no longer in the article) back exactly as it was; refuses one of an unknown article', async () => {
    const [a, b] = await highlightSome()
    const orphan: Highlight = { ...a!, target: { start: 0, end: 30, exact: 'Quite different words entirely here', prefix: 'zzz', suffix: 'qqq' } }
    await store().updateHighlights(nb.convoy, (hs) => void hs.splice(0, 1, orphan))
    await nb.session.deleteHighlight(a!.id)
    expect(await restoreHighlight(store(), orphan)).toEqual(orphan)
    expect(stored(nb.convoy)).toEqual([orphan, b])
    const before = nb.snapshot()
    await rejects(restoreHighlight(store(), { ...a!, articleId: 'a-missing00' as Highlight['articleId'] }), 'not-found', /a-missing00/)
    expect(nb.snapshot()).toBe(before)
  })

  it('rebuilds the context of a quote it finds from the text, whatever context the caller sent', async () => {
    const [a] = await highlightSome()
    await nb.session.deleteHighlight(a!.id)
    const padded = { ...a!, target: { ...a!.target, prefix: 'x'.repeat(5000), suffix: 'y'.repeat(5000) } }
    const restored = await restoreHighlight(store(), padded)
    expect(restored.target).toEqual(a!.target)
    expect(stored(nb.convoy).find((h) => h.id === a!.id)!.target).toEqual(a!.target)
  })

  it('leaves out tags deleted from the codebook since', async () => {
    const [, , c] = await highlightSome()
    await nb.session.deleteHighlight(c!.id)
    await deleteTag(store(), NEGOTIATIONS)
    expect((await restoreHighlight(store(), c!)).tagIds).toEqual([BASES])
  })
})

describe('the passages', () => {
  it('lists every highlight with its article, by publication date then position', async () => {
    const [a, b, c] = await highlightSome()
    const later = await nb.session.highlightQuote({ articleId: nb.convoy, quote: 'Convoy turned back', tagNames: [], comment: 'headline' })
    const passages = await listPassages(store())
    expect(passages.map((p) => p.highlight.id)).toEqual([later.id, a!.id, b!.id, c!.id] as HighlightId[])
    expect(passages[0]).toEqual({ highlight: later, articleTitle: 'Convoy turned back at the Tartus gate', outlet: null, published: '2024-12-15' })
    expect(passages[3]).toMatchObject({ articleTitle: 'Moscow and Damascus resume talks on the naval base', published: '2025-01-20' })
  })
})
