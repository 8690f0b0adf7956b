import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { W3cCollection } from '../../core/export/w3c'
import { exportBriefing, importAnnotations } from './briefing-ops'
import { openTestNotebook, tempDir, type TestNotebook } from './test-notebook'

let a: TestNotebook
let b: TestNotebook
let out: string

beforeAll(async () => {
  a = await openTestNotebook(await tempDir('dossier-w3c-a-'))
  // B holds the same texts (imported on its own, so with other article ids), no highlights,
  // and only the default codebook: the file's "Ports & shipping" and "People" are new to it.
  b = await openTestNotebook(await tempDir('dossier-w3c-b-'), { highlights: false, tags: false })
  out = await tempDir('dossier-w3c-out-')
})
afterAll(async () => {
  await a.session.close()
  await b.session.close()
})

/** What a user compares: per article text, the range, the quote, tag names and the comment. */
async function highlightsOf(nb: TestNotebook): Promise<string[]> {
  const { store } = nb.session
  const names = new Map(store.tags.map((t) => [t.id, t.name]))
  return (await store.allHighlights())
    .map((h) => JSON.stringify([store.article(h.articleId)!.bodyHash, h.target.start, h.target.end, h.target.exact, h.tagIds.map((id) => names.get(id)).sort(), h.comment]))
    .sort()
}

describe('importing W3C Web Annotations', () => {
  it('round trip: what notebook A exports, notebook B (same articles) imports as the same highlights; a second import adds nothing', async () => {
    const file = join(out, 'a.jsonld')
    const exported = await exportBriefing(a.ctx, file, { format: 'w3c' })
    const expected = await highlightsOf(a)
    // Every highlight of A, the comment-only one too, and the count says so.
    expect(expected).toHaveLength(7)
    expect(exported.passageCount).toBe(7)

    const report = await importAnnotations(b.ctx, file)
    expect(report).toEqual({ created: 7, skipped: 0, tagsCreated: expect.any(Array), problems: [] })
    expect([...report.tagsCreated].sort()).toEqual(['People', 'Ports & shipping'])
    expect(await highlightsOf(b)).toEqual(expected)
    const ports = b.session.store.tags.find((t) => t.name === 'Ports & shipping')!
    expect(ports).toMatchObject({ id: expect.stringMatching(/^t-/), color: expect.stringMatching(/^#[0-9A-F]{6}$/), description: '' })
    // Kept from the file: when each highlight was made.
    const aTimes = (await a.session.store.allHighlights()).map((h) => h.createdAt).sort()
    expect((await b.session.store.allHighlights()).map((h) => h.createdAt).sort()).toEqual(aTimes)

    const again = await importAnnotations(b.ctx, file)
    expect(again).toEqual({ created: 0, skipped: 7, tagsCreated: [], problems: [] })
    expect(await highlightsOf(b)).toEqual(expected)
  })

  it('reports annotations it cannot place and imports the rest', async () => {
    const collection = JSON.parse(await readFile(join(out, 'a.jsonld'), 'utf8')) as W3cCollection
    const [first] = collection.first.items
    const foreign = { ...first!, id: 'urn:example:elsewhere', target: { ...first!.target, source: 'https://example.com/not-here' } }
    const changed = { ...first!, id: 'urn:example:changed', body: [{ type: 'TextualBody', purpose: 'commenting', value: 'A new note on the same passage', format: 'text/plain' }] }
    const file = join(out, 'mixed.jsonld')
    await writeFile(file, JSON.stringify({ ...collection, total: 2, first: { ...collection.first, items: [foreign, changed] } }))
    const report = await importAnnotations(b.ctx, file)
    expect(report.created).toBe(1)
    expect(report.problems).toEqual([{ annotation: 'urn:example:elsewhere', message: expect.stringContaining('no article in this notebook matches its source https://example.com/not-here') }])
    const added = (await b.session.store.allHighlights()).find((h) => h.comment === 'A new note on the same passage')!
    expect(added.tagIds).toEqual([])
  })

  it('refuses a file that is not JSON, or not annotations, naming the problem and changing nothing', async () => {
    const before = JSON.stringify(await b.session.store.allHighlights())
    const notJson = join(out, 'broken.jsonld')
    await writeFile(notJson, '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": ')
    await expect(importAnnotations(b.ctx, notJson)).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/broken\.jsonld is not valid JSON \(.+\), so it cannot be a W3C Web Annotation file\./) })
    const other = join(out, 'other.json')
    await writeFile(other, JSON.stringify({ name: 'a package.json, say' }))
    await expect(importAnnotations(b.ctx, other)).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('Not a W3C Web Annotation file') })
    await expect(importAnnotations(b.ctx, join(out, 'missing.jsonld'))).rejects.toMatchObject({ code: 'not-found', message: `No such file: ${join(out, 'missing.jsonld')}` })
    expect(JSON.stringify(await b.session.store.allHighlights())).toBe(before)
  })
})
