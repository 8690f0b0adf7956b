import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AnnotationImportReport } from '../../core/api'
import { HIGHLIGHTS, TAGS, TEXTS } from '../../core/export/testing/fixture-notebook'
import type { W3cCollection } from '../../core/export/w3c'
import { exportBriefing, importAnnotations as importOrCancel, type BriefingContext } from './briefing-ops'
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

/** The import's report (these imports create at most a few tags, so nothing asks and nothing cancels). */
async function importAnnotations(ctx: BriefingContext, file: string): Promise<AnnotationImportReport> {
  const report = await importOrCancel(ctx, file)
  if ('canceled' in report) throw new Error('the import was cancelled')
  return report
}

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
    // Neither its source nor its quote is in this notebook, so nothing tells where it belongs.
    const elsewhere = { source: 'https://example.com/not-here', selector: { type: 'TextQuoteSelector', exact: 'A sentence that no article of this notebook holds.' } }
    const foreign = { ...first!, id: 'urn:example:elsewhere', target: elsewhere }
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

describe('importing W3C annotations made on another copy of the articles', () => {
  it('places annotations made on a copy with CRLF line ends (its own hash, positions and quotes) on the stored articles', async () => {
    const c = await openTestNotebook(await tempDir('dossier-w3c-c-'), { highlights: false })
    try {
      // What another tool writes for the .txt files saved with Windows line ends: the hash of
      // those bytes, positions counted in them (code points), quotes as they read there.
      const crlf = (t: string) => t.replace(/\n/g, '\r\n')
      const items = HIGHLIGHTS.map((h, i) => {
        const copy = crlf(TEXTS[h.articleId]!)
        const start = [...crlf(TEXTS[h.articleId]!.slice(0, h.target.start))].length
        const exact = crlf(h.target.exact)
        return {
          id: `urn:example:${i}`,
          type: 'Annotation',
          body: [
            ...TAGS.filter((t) => h.tagIds.includes(t.id)).map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t.name })),
            ...(h.comment ? [{ type: 'TextualBody', purpose: 'commenting', value: h.comment }] : []),
          ],
          target: {
            source: `urn:sha256:${createHash('sha256').update(copy).digest('hex')}`,
            selector: [
              { type: 'TextQuoteSelector', exact, prefix: crlf(h.target.prefix), suffix: crlf(h.target.suffix) },
              { type: 'TextPositionSelector', start, end: start + [...exact].length },
            ],
          },
        }
      })
      const file = join(out, 'crlf-copy.jsonld')
      await writeFile(file, JSON.stringify({ type: 'AnnotationPage', items }))
      const report = await importAnnotations(c.ctx, file)
      expect(report).toEqual({ created: HIGHLIGHTS.length, skipped: 0, tagsCreated: [], problems: [] })
      const names = new Map(c.session.store.tags.map((t) => [t.id, t.name]))
      const placed = (await c.session.store.allHighlights()).map((h) => [h.articleId, h.target.start, h.target.end, h.tagIds.map((id) => names.get(id)).sort(), h.comment]).sort()
      const expected = HIGHLIGHTS.map((h) => [c.ids.get(h.articleId), h.target.start, h.target.end, TAGS.filter((t) => h.tagIds.includes(t.id)).map((t) => t.name).sort(), h.comment]).sort()
      expect(placed).toEqual(expected)
    } finally {
      await c.session.close()
    }
  })
})

describe('limits of one import, each refused whole before anything is written', () => {
  /** One annotation on a quote of the fixture's first article, carrying these tags. */
  const annotationWith = (tags: string[]) => ({
    type: 'Annotation',
    body: tags.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value })),
    target: { source: 'https://example.org/news/elsewhere', selector: { type: 'TextQuoteSelector', exact: HIGHLIGHTS[0]!.target.exact } },
  })
  const tagNames = (n: number, word = 'Imported tag') => Array.from({ length: n }, (_, i) => `${word} ${i + 1}`)

  it('more than five new tags: asked first, and cancelling (or not asking) imports nothing', async () => {
    const file = join(out, 'six-tags.jsonld')
    await writeFile(file, JSON.stringify(annotationWith(tagNames(6))))
    const before = JSON.stringify([b.session.store.tags, await b.session.store.allHighlights()])
    const asked: string[][] = []
    expect(await importOrCancel(b.ctx, file, { confirmNewTags: (names) => (asked.push([...names]), false) })).toEqual({ canceled: true })
    expect(asked).toEqual([tagNames(6)])
    await expect(importOrCancel(b.ctx, file)).rejects.toMatchObject({
      code: 'needs-confirmation',
      message: `${file} would create 6 new tags (Imported tag 1, Imported tag 2, Imported tag 3, Imported tag 4, Imported tag 5 and 1 more); nothing was imported without confirming that.`,
    })
    expect(JSON.stringify([b.session.store.tags, await b.session.store.allHighlights()])).toBe(before)
    expect(await importOrCancel(b.ctx, file, { confirmNewTags: () => true })).toMatchObject({ created: 1, tagsCreated: tagNames(6) })
  })

  it('more than 200 new tags: refused even when confirmed', async () => {
    const file = join(out, 'word-list.jsonld')
    await writeFile(file, JSON.stringify({ type: 'AnnotationPage', items: tagNames(201, 'Word').map((name) => annotationWith([name])) }))
    const before = JSON.stringify([b.session.store.tags, await b.session.store.allHighlights()])
    await expect(importOrCancel(b.ctx, file, { confirmNewTags: () => true })).rejects.toMatchObject({
      code: 'too-large',
      message: `${file} would create 201 new tags (Word 1, Word 2, Word 3, Word 4, Word 5 and 196 more); one import may create at most 200, so nothing was imported.`,
    })
    expect(JSON.stringify([b.session.store.tags, await b.session.store.allHighlights()])).toBe(before)
  })

  it('more than 50,000 annotations: refused', async () => {
    const file = join(out, 'huge.jsonld')
    const one = annotationWith([])
    await writeFile(file, JSON.stringify(Array.from({ length: 50_001 }, () => one)))
    const before = JSON.stringify(await b.session.store.allHighlights())
    await expect(importOrCancel(b.ctx, file)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^This file holds 50,001 annotations; at most 50,000/) })
    expect(JSON.stringify(await b.session.store.allHighlights())).toBe(before)
  })
})

describe('a write that fails part way', () => {
  it('stops, says what was already imported, and a second import completes it', async () => {
    const d = await openTestNotebook(await tempDir('dossier-w3c-d-'), { highlights: false })
    try {
      const file = join(out, 'a.jsonld') // every highlight of notebook A, on its three articles
      const failOn = d.ids.get('a-0000000002')!
      const store = d.session.store
      const real = store.updateHighlights.bind(store)
      store.updateHighlights = (async (articleId, mutate) => {
        if (articleId === failOn) throw new Error('The disk is full.')
        return real(articleId, mutate)
      }) as typeof store.updateHighlights
      const onOtherArticles = HIGHLIGHTS.filter((h) => h.articleId !== 'a-0000000002').length
      await expect(importAnnotations(d.ctx, file)).rejects.toMatchObject({
        code: 'write-failed',
        message: `The import stopped: The disk is full. Before that it imported ${onOtherArticles} of ${HIGHLIGHTS.length} annotations. Importing the same file again adds the rest (what is already there is skipped).`,
      })
      expect(await store.allHighlights()).toHaveLength(onOtherArticles)
      store.updateHighlights = real
      expect(await importAnnotations(d.ctx, file)).toMatchObject({ created: HIGHLIGHTS.length - onOtherArticles, skipped: onOtherArticles })
    } finally {
      await d.session.close()
    }
  })
})
