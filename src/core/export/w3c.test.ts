import { describe, expect, it } from 'vitest'
import { buildBriefing } from '../briefing'
import type { ArticleId } from '../ids'
import { DossierError } from '../result'
import { ARTICLES, claimedNotebook, gradedNotebook, HIGHLIGHTS, NOTEBOOK, PORTS, TAGS, TEXTS, textOf } from './testing/fixture-notebook'
import {
  ANNO_CONTEXT,
  articlesReferenced,
  codePointOffset,
  codePointConverter,
  eventDateBody,
  importW3cAnnotations,
  MAX_ANNOTATIONS_PER_FILE,
  parseW3cAnnotations,
  planW3cImport,
  readEventDateBody,
  sourceIri,
  toW3cCollection,
  utf16Offset,
  w3cItemsFromLayout,
  w3cItemsFromNotebook,
  type W3cAnnotation,
} from './w3c'

const GEN = '2026-11-21T13:57:00.000Z'
const exportAll = () => toW3cCollection(w3cItemsFromNotebook(NOTEBOOK), { label: 'All passages', generatedAt: GEN, textOf })
/** Through JSON text, as a file would travel. */
const viaFile = <T>(value: T): unknown => JSON.parse(JSON.stringify(value))

describe('toW3cCollection', () => {
  const collection = exportAll()
  const items = collection.first.items

  it('is an AnnotationCollection with an embedded first page holding every highlight', () => {
    expect(collection).toMatchObject({
      '@context': ANNO_CONTEXT,
      id: 'urn:dossier:collection:notebook:20261121T135700000Z',
      type: 'AnnotationCollection',
      label: 'All passages',
      total: HIGHLIGHTS.length,
      created: GEN,
      first: { id: 'urn:dossier:collection:notebook:20261121T135700000Z:page:1', type: 'AnnotationPage', startIndex: 0 },
    })
    expect(items).toHaveLength(HIGHLIGHTS.length)
  })

  it('writes each highlight as an Annotation with tagging and commenting bodies and both selectors', () => {
    const h = HIGHLIGHTS[0]!
    const a = items.find((x) => x.id === `urn:dossier:highlight:${h.id}`)!
    expect(a).toEqual<W3cAnnotation>({
      id: `urn:dossier:highlight:${h.id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: h.createdAt,
      modified: h.updatedAt,
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'Ports & shipping' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Cross-check with the AIS data.\nSecond line of the comment.', format: 'text/plain' },
      ],
      target: {
        source: 'https://example.org/news/russia-withdraws',
        selector: [
          { type: 'TextQuoteSelector', exact: h.target.exact, prefix: h.target.prefix, suffix: h.target.suffix },
          { type: 'TextPositionSelector', start: h.target.start, end: h.target.end },
        ],
      },
    })
  })

  it('identifies an article without URL by the URN of its body hash', () => {
    const a = items.find((x) => x.id.endsWith(HIGHLIGHTS[5]!.id))!
    expect(a.target.source).toBe(`urn:sha256:${'3'.repeat(64)}`)
  })

  it('uses an article’s URL as the source only when it is http(s), else the body-hash URN', () => {
    const sources = ['javascript:alert(1)', 'file:///home/analyst/a.txt', 'HTTPS://example.org/x'].map((url, i) =>
      sourceIri({ url, bodyHash: String(i + 1).repeat(64) }),
    )
    expect(sources).toEqual([`urn:sha256:${'1'.repeat(64)}`, `urn:sha256:${'2'.repeat(64)}`, 'HTTPS://example.org/x'])
  })

  it('leaves out empty bodies, and counts positions in code points', () => {
    const untagged = items.find((x) => x.id.endsWith(HIGHLIGHTS[6]!.id))!
    expect(untagged.body).toEqual([{ type: 'TextualBody', purpose: 'commenting', value: 'Untagged passage.', format: 'text/plain' }])
    const plain = items.find((x) => x.id.endsWith(HIGHLIGHTS[4]!.id))!
    expect(plain.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'People' }])
    // Article 2 starts with a ship emoji (two UTF-16 units, one code point).
    const after = HIGHLIGHTS[3]!
    expect(plain.target.selector[1].start).toBe(HIGHLIGHTS[4]!.target.start - 1)
    expect(items.find((x) => x.id.endsWith(after.id))!.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: after.target.start - 1, end: after.target.end - 1 })
    const noText = toW3cCollection(w3cItemsFromNotebook(NOTEBOOK), { label: 'x', generatedAt: GEN })
    expect(noText.first.items.find((x) => x.id.endsWith(after.id))!.target.selector[1].start).toBe(after.target.start)
  })

  it('exports a briefing’s distinct highlights (a repeated passage once)', () => {
    const layout = buildBriefing({ tagIds: [PORTS, 't-talks' as typeof PORTS] }, NOTEBOOK, { generatedAt: GEN })
    const c = toW3cCollection(w3cItemsFromLayout(layout), { label: layout.title, generatedAt: GEN, textOf }, 'briefing')
    expect(layout.passageCount).toBe(6)
    expect(c.total).toBe(5)
    expect(new Set(c.first.items.map((a) => a.id)).size).toBe(5)
  })
})

describe('W3C round trip', () => {
  it('export, then import into a notebook holding the same articles, recreates highlights, tags and comments', () => {
    const plan = importW3cAnnotations(viaFile(exportAll()), { articles: ARTICLES, tags: [], textOf })
    expect(plan.problems).toEqual([])
    expect(plan.total).toBe(HIGHLIGHTS.length)
    const tagName = new Map(TAGS.map((t) => [t.id, t.name]))
    const recreated = plan.drafts.map((d) => ({
      articleId: d.articleId,
      target: { start: d.start, end: d.end, exact: d.exact, prefix: d.prefix, suffix: d.suffix },
      tags: d.tagNames,
      comment: d.comment,
      createdAt: d.created,
      updatedAt: d.modified,
    }))
    const original = HIGHLIGHTS.map((h) => ({
      articleId: h.articleId,
      target: h.target,
      tags: TAGS.filter((t) => h.tagIds.includes(t.id)).map((t) => t.name),
      comment: h.comment,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
    }))
    expect(recreated).toEqual(original)
    expect(plan.drafts.every((d) => !d.relocated && d.duplicateOf === null)).toBe(true)
    expect(plan.newTagNames).toEqual(['Ports & shipping', 'Negotiations', 'People'])
    expect(tagName.size).toBe(3)
  })

  it('into the same notebook: every draft is marked as a duplicate and no tag is new', () => {
    const plan = importW3cAnnotations(viaFile(exportAll()), { ...NOTEBOOK, tags: TAGS.map((t) => ({ ...t, name: t.name.toUpperCase() })), textOf })
    expect(plan.drafts.map((d) => d.duplicateOf)).toEqual(HIGHLIGHTS.map((h) => h.id))
    expect(plan.newTagNames).toEqual([])
  })

  it('finds articles by body-hash URN and by URL spelled differently', () => {
    const c = viaFile(exportAll()) as { first: { items: W3cAnnotation[] } }
    c.first.items[0]!.target.source = 'HTTPS://EXAMPLE.ORG/news/russia-withdraws/#top'
    const parsed = parseW3cAnnotations(c)
    expect(articlesReferenced(parsed, ARTICLES).sort()).toEqual(ARTICLES.map((a) => a.id).sort())
    expect(planW3cImport(parsed, { articles: ARTICLES, tags: TAGS, textOf }).problems).toEqual([])
  })
})

describe('W3C import problems', () => {
  const base = () => viaFile(exportAll()) as { first: { items: Record<string, unknown>[] }; total: number }

  it('reports an unknown source, a missing quote and a shape error per annotation, importing the rest', () => {
    const c = base()
    ;(c.first.items[0]!.target as { source: string; selector: { exact?: string }[] }).source = 'https://elsewhere.example/a'
    // Its quote is in no article either, so nothing tells where it belongs.
    ;(c.first.items[0]!.target as { selector: { exact?: string }[] }).selector[0]!.exact = 'a sentence no article of this notebook holds, anywhere'
    const sel = (c.first.items[1]!.target as { selector: { exact?: string }[] }).selector
    sel[0]!.exact = 'words that are nowhere in the article'
    delete c.first.items[2]!.target
    const plan = importW3cAnnotations(c, { articles: ARTICLES, tags: TAGS, textOf })
    expect(plan.drafts).toHaveLength(HIGHLIGHTS.length - 3)
    expect(plan.problems.map((p) => [p.index, p.kind])).toEqual([
      [2, 'invalid'],
      [0, 'unknown-source'],
      [1, 'quote-not-found'],
    ])
    expect(plan.problems[1]!.message).toBe(`Annotation 1 (urn:dossier:highlight:${HIGHLIGHTS[0]!.id}): no article in this notebook matches its source https://elsewhere.example/a.`)
    expect(plan.problems[2]!.message).toMatch(/the quote “words that are nowhere in the article” is not in the text in “Russia withdraws/)
    expect(plan.problems[0]!.message).toMatch(/is not a valid annotation \(target:/)
  })

  it('places a source this notebook does not know (URL or hash) by its quotes, when they occur in one article only', () => {
    const c = base()
    const items = c.first.items as unknown as W3cAnnotation[]
    const first = items.filter((a) => a.target.source === ARTICLES[0]!.url)
    for (const a of first) a.target.source = 'https://mirror.example/russia-withdraws?amp=1'
    const third = items.filter((a) => a.target.source === `urn:sha256:${'3'.repeat(64)}`)
    for (const a of third) a.target.source = `urn:sha256:${'e'.repeat(64)}` // the hash of some other copy
    const plan = importW3cAnnotations(c, { articles: ARTICLES, tags: TAGS, textOf })
    expect(plan.problems).toEqual([])
    expect(plan.drafts.map((d) => [d.articleId, d.start, d.end])).toEqual(HIGHLIGHTS.map((h) => [h.articleId, h.target.start, h.target.end]))
    // A parsed file naming an unknown source needs every text: its quotes are looked for in all.
    expect(articlesReferenced(parseW3cAnnotations(c), ARTICLES).sort()).toEqual(ARTICLES.map((a) => a.id).sort())
  })

  it('leaves a source unplaced when its quotes occur in several articles, or are too short to tell', () => {
    const copy = { ...ARTICLES[0]!, id: 'a-0000000009' as ArticleId, url: 'https://example.org/republished', bodyHash: '9'.repeat(64) }
    const texts: Record<string, string> = { ...TEXTS, [copy.id]: TEXTS['a-0000000001']! }
    const quote = HIGHLIGHTS[0]!.target.exact
    const annotation = (source: string, exact: string) => ({ type: 'Annotation', target: { source, selector: { type: 'TextQuoteSelector', exact } } })
    const plan = importW3cAnnotations([annotation('https://unknown.example/a', quote), annotation('https://unknown.example/b', 'Tartus')], {
      articles: [...ARTICLES, copy],
      tags: TAGS,
      textOf: (id) => texts[id],
    })
    expect(plan.drafts).toEqual([])
    expect(plan.problems.map((p) => p.message)).toEqual([
      'Annotation 1: no article in this notebook matches its source https://unknown.example/a (its quotes occur in 2 articles: “Russia withdraws naval assets | ports *update*”, “Russia withdraws naval assets | ports *update*”).',
      'Annotation 2: no article in this notebook matches its source https://unknown.example/b (its quotes are too short to tell which article they come from).',
    ])
  })

  it('matches quotes taken from a copy with CRLF line ends or decomposed accents to the stored text', () => {
    // What a tool holding such copies writes: its own hash, its quotes and positions in its copy.
    const copy = (t: string) => t.replace(/\n/g, '\r\n').normalize('NFD')
    const across = 'arrangement [sic] would end.\n\nA second paragraph: =HYPERLINK'
    const text1 = TEXTS['a-0000000001']!
    const at = text1.indexOf(across)
    const mehmet = HIGHLIGHTS[3]!
    const annotation = (source: string, exact: string, start: number) => ({
      type: 'Annotation',
      target: { source, selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
    })
    const plan = importW3cAnnotations(
      [
        annotation(`urn:sha256:${'c'.repeat(64)}`, copy(across), copy(text1.slice(0, at)).length),
        annotation(`urn:sha256:${'d'.repeat(64)}`, copy(mehmet.target.exact), [...copy(TEXTS[mehmet.articleId]!.slice(0, mehmet.target.start))].length),
      ],
      { articles: ARTICLES, tags: TAGS, textOf },
    )
    expect(plan.problems).toEqual([])
    expect(plan.drafts.map((d) => [d.articleId, d.start, d.end, d.exact])).toEqual([
      ['a-0000000001', at, at + across.length, across],
      [mehmet.articleId, mehmet.target.start, mehmet.target.end, mehmet.target.exact],
    ])
  })

  it('refuses a file holding more annotations than one import may create, before reading them', () => {
    const items = Array.from({ length: MAX_ANNOTATIONS_PER_FILE + 1 }, () => ({}))
    expect(() => parseW3cAnnotations({ type: 'AnnotationPage', items })).toThrow(
      new DossierError('too-large', 'This file holds 50,001 annotations; at most 50,000 can be imported from one file, so nothing was imported: split it into smaller files.'),
    )
  })

  it('re-finds a quote whose position moved, by its unique occurrence or its context', () => {
    const c = base()
    const moved = (c.first.items[4]!.target as { selector: { start?: number; end?: number }[] }).selector[1]!
    moved.start = moved.start! + 5
    moved.end = moved.end! + 5
    const plan = importW3cAnnotations(c, { articles: ARTICLES, tags: TAGS, textOf })
    expect(plan.problems).toEqual([])
    const d = plan.drafts[4]!
    expect(d.relocated).toBe(true)
    expect([d.start, d.end]).toEqual([HIGHLIGHTS[4]!.target.start, HIGHLIGHTS[4]!.target.end])
  })

  it('accepts UTF-16 offsets from producers that write them', () => {
    const c = base()
    const sel = (c.first.items[4]!.target as { selector: { start?: number; end?: number }[] }).selector[1]!
    sel.start = HIGHLIGHTS[4]!.target.start
    sel.end = HIGHLIGHTS[4]!.target.end
    const d = importW3cAnnotations(c, { articles: ARTICLES, tags: TAGS, textOf }).drafts[4]!
    expect([d.start, d.end, d.relocated]).toEqual([HIGHLIGHTS[4]!.target.start, HIGHLIGHTS[4]!.target.end, false])
  })

  it('says when a quote is ambiguous, and when a text cannot be read', () => {
    const text = 'the base and the base and the base'
    const article = { ...ARTICLES[0]!, id: 'a-0000000009' as ArticleId, url: null, bodyHash: '9'.repeat(64) }
    const annotation = {
      type: 'Annotation',
      target: { source: `urn:sha256:${'9'.repeat(64)}`, selector: { type: 'TextQuoteSelector', exact: 'the base', prefix: 'x', suffix: 'y' } },
    }
    const ambiguous = importW3cAnnotations(annotation, { articles: [article], tags: [], textOf: () => text })
    expect(ambiguous.problems.map((p) => p.kind)).toEqual(['ambiguous-quote'])
    expect(ambiguous.problems[0]!.message).toMatch(/occurs 3 times/)
    const unreadable = importW3cAnnotations(annotation, { articles: [article], tags: [], textOf: () => undefined })
    expect(unreadable.problems.map((p) => p.kind)).toEqual(['text-unavailable'])
  })

  it('reads a page, a single annotation, an array, bodyValue and purpose arrays', () => {
    const annotation = {
      type: ['Annotation'],
      bodyValue: 'A plain comment',
      body: [{ type: 'TextualBody', purpose: ['tagging'], value: 'New tag' }, 'https://example.org/body-by-reference'],
      target: [{ source: ARTICLES[0]!.url!, selector: [{ type: 'TextPositionSelector', start: 22, end: 38 }] }],
    }
    for (const doc of [annotation, [annotation], { type: 'AnnotationPage', items: [annotation] }]) {
      const plan = importW3cAnnotations(doc, { articles: ARTICLES, tags: TAGS, textOf })
      expect(plan.problems).toEqual([])
      expect(plan.drafts[0]).toMatchObject({ exact: TEXTS['a-0000000001']!.slice(22, 38), tagNames: ['New tag'], comment: 'A plain comment' })
      expect(plan.newTagNames).toEqual(['New tag'])
    }
  })

  it('refuses a file that is not Web Annotation JSON, or a collection whose annotations are elsewhere', () => {
    expect(() => parseW3cAnnotations({ hello: 'world' })).toThrow(DossierError)
    expect(() => parseW3cAnnotations({ type: 'AnnotationCollection', first: 'https://example.org/page1' })).toThrow(/first page is only linked/)
    expect(() => parseW3cAnnotations({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [] } })).toThrow(/says it holds 3 annotations but includes 0/)
    const noSelector = importW3cAnnotations([{ type: 'Annotation', target: 'https://example.org/' }], { articles: ARTICLES, tags: TAGS, textOf })
    expect(noSelector.problems.map((p) => p.kind)).toEqual(['no-selector'])
  })
})

describe('offsets', () => {
  it('converts between UTF-16 units and code points', () => {
    const text = 'a🚢b😀c'
    expect([0, 1, 3, 4, 6, 7].map((u) => codePointOffset(text, u))).toEqual([0, 1, 2, 3, 4, 5])
    expect([0, 1, 2, 3, 4, 5].map((c) => utf16Offset(text, c))).toEqual([0, 1, 3, 4, 6, 7])
    expect(utf16Offset(text, 9)).toBe(11)
  })

  it('converts many offsets of one text as utf16Offset does', () => {
    for (const text of ['', 'abc', 'a🚢b😀c', '🚢🚢x', 'x\ud800y', 'end\ud83d', '😀']) {
      const toUtf16 = codePointConverter(text)
      for (let c = -1; c < text.length + 3; c++) expect([text, c, toUtf16(c)]).toEqual([text, c, utf16Offset(text, c)])
    }
  })
})

describe('grades and attribution in the W3C export', () => {
  const collection = toW3cCollection(w3cItemsFromNotebook(gradedNotebook()), { label: 'Graded', generatedAt: '2026-11-21T13:57:00.000Z', textOf })
  const first = collection.first.items[0]!

  it('adds the grade (assessing) and the attribution (describing) as bodies of their own', () => {
    expect(first.body!.filter((b) => b.purpose === 'assessing' || b.purpose === 'describing')).toEqual([
      { type: 'TextualBody', purpose: 'assessing', value: 'Grade B2 (usually reliable; probably true)', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'describing', value: 'Attribution: secondary: Reuters (“Reuters reports”)', format: 'text/plain' },
    ])
  })

  it('an import of the file does not take them for comments', () => {
    const plan = importW3cAnnotations(JSON.parse(JSON.stringify(collection)) as unknown, { articles: ARTICLES, tags: [], textOf })
    expect(plan.drafts.map((d) => d.comment)).toEqual(HIGHLIGHTS.map((h) => h.comment))
  })
})

describe('claims in the W3C export', () => {
  const collection = toW3cCollection(w3cItemsFromNotebook(claimedNotebook()), { label: 'Claimed', generatedAt: '2026-11-21T13:57:00.000Z', textOf })
  const claimBodies = (i: number) => collection.first.items[i]!.body!.filter((b) => b.value.startsWith('Claim: '))

  it('each passage of a claim gets a describing body naming the claim and its stance', () => {
    expect(claimBodies(0)).toEqual([{ type: 'TextualBody', purpose: 'describing', value: 'Claim: supports: Russian ships loaded equipment at Tartus', format: 'text/plain' }])
    expect(claimBodies(1).map((b) => b.value)).toEqual(['Claim: contradicts: Russian ships loaded equipment at Tartus'])
    expect(claimBodies(2)).toEqual([])
  })

  it('an import of the file does not take them for comments', () => {
    const plan = importW3cAnnotations(JSON.parse(JSON.stringify(collection)) as unknown, { articles: ARTICLES, tags: [], textOf })
    expect(plan.drafts.map((d) => d.comment)).toEqual(HIGHLIGHTS.map((h) => h.comment))
  })
})

describe('event dates in the W3C export (issue 15)', () => {
  const dated = () =>
    toW3cCollection(
      w3cItemsFromNotebook(NOTEBOOK).map((item) => ({ ...item, event: { start: '2025-01-21', end: '2025-01-22', precision: 'approximate' as const } })),
      { label: 'Dated', generatedAt: GEN, textOf },
    )

  it('each passage with an event date gets a describing body stating the period as an ISO 8601 interval', () => {
    const first = dated().first.items[0]!
    expect(first.body?.at(-1)).toEqual({ type: 'TextualBody', purpose: 'describing', value: 'Event date: 2025-01-21/2025-01-22 (approximate)', format: 'text/plain' })
    expect(eventDateBody({ start: '2024-12-13', end: '2024-12-13', precision: 'day' }).value).toBe('Event date: 2024-12-13')
    expect(readEventDateBody('Event date: 2024-12-13')).toEqual({ start: '2024-12-13', end: '2024-12-13', approximate: false })
    expect(readEventDateBody('Event date: soon')).toBeNull()
  })

  it('importing it back does not turn the event date into a comment', () => {
    const plan = importW3cAnnotations(viaFile(dated()), { articles: ARTICLES, tags: [], textOf })
    expect(plan.problems).toEqual([])
    expect(plan.drafts.map((d) => d.comment)).toEqual(importW3cAnnotations(viaFile(exportAll()), { articles: ARTICLES, tags: [], textOf }).drafts.map((d) => d.comment))
  })
})
