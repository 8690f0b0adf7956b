import { describe, expect, it } from 'vitest'
import {
  buildBriefing,
  describeScope,
  formatAlsoIn,
  formatCitation,
  formatCitedBy,
  formatNumberList,
  sectionName,
  sectionPassageIds,
  type BriefingLayout,
} from './briefing'
import {
  createBriefingDocument,
  excludePassage,
  makeBriefingId,
  moveSection,
  movePassage,
  setArticleFilter,
  setDateRange,
  setSectionNote,
  setUntagged,
  updateBriefingFields,
  type BriefingDocument,
} from './briefing-document'
import type { ArticleId, HighlightId, TagId } from './ids'
import { DEFAULT_TAGS, type Article, type Highlight } from './model'
import { DossierError } from './result'
import { testArticle } from './testing/test-article'

const article = (id: string, title: string, published: string | null, outlet: string | null = null): Article => testArticle(id, { title, published, outlet })
const highlight = (id: string, articleId: string, start: number, exact: string, tags: string[], comment = ''): Highlight => ({
  id: id as HighlightId,
  articleId: articleId as ArticleId,
  target: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
  tagIds: tags as TagId[],
  comment,
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
})

const articles = [article('a-late', 'Late piece', '2025-02-01', 'Outlet B'), article('a-early', 'Early piece', '2024-12-15', 'Outlet A'), article('a-nodate', 'Undated piece', null)]
const highlights = [
  highlight('h-1111', 'a-late', 5, 'ships “Sparta” left', ['t-convoys', 't-bases']),
  highlight('h-2222', 'a-early', 40, 'second in early', ['t-bases'], 'note'),
  highlight('h-3333', 'a-early', 10, 'first in early', ['t-bases']),
  highlight('h-4444', 'a-nodate', 0, 'undated', ['t-bases']),
]

describe('buildBriefing', () => {
  it('makes one section per tag in tag order, passages in date then text order, sources numbered by first citation', () => {
    const b = buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: '2025-03-02T00:00:00Z', title: '  Weekly  ' })
    expect(b.title).toBe('Weekly')
    expect(b.sections.map((s) => s.tag?.name)).toEqual(['Bases', 'Convoys'])
    expect(b.sections[0]!.passages.map((p) => p.quote)).toEqual(['first in early', 'second in early', 'ships “Sparta” left', 'undated'])
    expect(b.sources.map((s) => [s.number, s.title])).toEqual([[1, 'Early piece'], [2, 'Late piece'], [3, 'Undated piece']])
    expect(b.sections[1]!.passages[0]!.sourceNumber).toBe(2)
    expect(b.passageCount).toBe(5)
  })

  it('keeps only the chosen tags, in the chosen order', () => {
    const b = buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: 'x'.repeat(10), tagIds: ['t-convoys' as TagId] })
    expect(b.sections.map((s) => s.tag?.name)).toEqual(['Convoys'])
    expect(b.sources).toHaveLength(1)
  })

  it('refuses an empty selection with a message naming the tags', () => {
    const run = () => buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: 'x'.repeat(10), tagIds: ['t-negotiations' as TagId] })
    expect(run).toThrow(DossierError)
    expect(run).toThrow(/Negotiations/)
  })

  it('refuses an unknown tag id', () => {
    expect(() => buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: 'x'.repeat(10), tagIds: ['t-nope' as TagId] })).toThrow(/t-nope/)
  })

  it('formats a citation with only the fields the source has', () => {
    const source = { number: 2, articleId: 'a-x' as ArticleId, title: 'T', outlet: 'bne IntelliNews', author: null, published: '2024-12-15', url: null, bodyHash: 'a'.repeat(64), language: null, citedBy: [] }
    expect(formatCitation(source)).toBe('[2] bne IntelliNews, “T”, 15 December 2024.')
    expect(formatCitation({ ...source, number: 1, outlet: null, published: null })).toBe('[1] “T”.')
    expect(formatCitation({ ...source, author: 'Jane Roe' })).toBe('[2] bne IntelliNews, “T”, by Jane Roe, 15 December 2024.')
  })

  it('keeps the original simple call and the (request, data, options) call equivalent', () => {
    const a = buildBriefing({ articles, tags: DEFAULT_TAGS, highlights, generatedAt: '2025-03-02T00:00:00Z', title: 'W' })
    const b = buildBriefing({ title: 'W' }, { articles, tags: DEFAULT_TAGS, highlights }, { generatedAt: '2025-03-02T00:00:00Z' })
    expect(b).toEqual(a)
    expect(a.briefingId).toBeNull()
    expect(a.date).toBe('2025-03-02')
    expect(a.warnings).toEqual([])
  })
})

describe('passages without a tag', () => {
  const commentOnly = highlight('h-7777', 'a-early', 70, 'a comment but no tag', [], 'Why does this matter?')
  const deletedTag = highlight('h-8888', 'a-late', 30, 'only a deleted tag', ['t-deleted'])
  const all = { articles, tags: DEFAULT_TAGS, highlights: [...highlights, commentOnly, deletedTag] }
  const GEN_AT = { generatedAt: '2025-03-02T00:00:00Z' }

  it('are the last section of a briefing of every passage, numbered on, in date order', () => {
    const b = buildBriefing({ title: 'All' }, all, GEN_AT)
    expect(b.sections.map((s) => [s.number, sectionName(s), s.passages.map((p) => `${p.number}:${p.highlightId}`)])).toEqual([
      [1, 'Bases', ['1:h-3333', '2:h-2222', '3:h-1111', '4:h-4444']],
      [2, 'Convoys', ['5:h-1111']],
      [3, 'Untagged passages', ['6:h-7777', '7:h-8888']],
    ])
    const untagged = b.sections[2]!
    expect(untagged.tag).toBeNull()
    expect(untagged.passages[0]).toMatchObject({ quote: 'a comment but no tag', comment: 'Why does this matter?', tags: [], alsoIn: [] })
    expect(b.passageCount).toBe(7)
    expect(b.highlightCount).toBe(6)
    // Negotiations has no passages: its section is left out, and so is its name from the scope.
    expect(b.scope).toMatchObject({ tags: DEFAULT_TAGS.filter((t) => t.id !== TALKS), untagged: true })
    expect(describeScope(b)).toBe('Tags: Bases, Convoys; passages without a tag')
  })

  it('are not named in the scope when there are none, though every passage was asked for', () => {
    const b = buildBriefing({ title: 'All' }, data, GEN_AT)
    expect(b.sections.map((s) => sectionName(s))).toEqual(['Bases', 'Convoys'])
    expect(b.scope.untagged).toBe(false)
    expect(describeScope(b)).toBe('Tags: Bases, Convoys')
  })

  it('are left out when tags are chosen, unless asked for', () => {
    const chosen = buildBriefing({ tagIds: [CONVOYS] }, all, GEN_AT)
    expect(chosen.sections.map((s) => sectionName(s))).toEqual(['Convoys'])
    expect(chosen.scope.untagged).toBe(false)
    const asked = buildBriefing({ tagIds: [CONVOYS], untagged: true }, all, GEN_AT)
    expect(asked.sections.map((s) => sectionName(s))).toEqual(['Convoys', 'Untagged passages'])
  })

  it('are in a stored briefing only when its selection asks for them (stored before the option: no)', () => {
    const b = buildBriefing(doc([BASES, CONVOYS, TALKS]), all, GEN)
    expect(b.sections.map((s) => sectionName(s))).toEqual(['Bases', 'Convoys'])
    expect(b.scope.untagged).toBe(false)
    const asked = buildBriefing(setUntagged(doc([BASES, CONVOYS, TALKS]), true), all, GEN)
    expect(asked.sections.map((s) => [sectionName(s), s.passages.map((p) => p.highlightId)])).toEqual([
      ['Bases', ['h-3333', 'h-2222', 'h-1111', 'h-4444']],
      ['Convoys', ['h-1111']],
      ['Untagged passages', ['h-7777', 'h-8888']],
    ])
    expect(describeScope(asked)).toBe('Tags: Bases, Convoys; passages without a tag')
    expect(setUntagged(setUntagged(doc([BASES]), true), false)).toEqual(doc([BASES]))
  })

  it('make a briefing on their own in a notebook without tags, and an empty one says so', () => {
    const b = buildBriefing({}, { articles, tags: [], highlights: [commentOnly] }, GEN_AT)
    expect(b.sections.map((s) => [sectionName(s), s.passages.length])).toEqual([['Untagged passages', 1]])
    expect(describeScope(b)).toBe('Passages without a tag')
    expect(() => buildBriefing({}, { articles, tags: [], highlights: [] }, GEN_AT)).toThrow(/^No passages are highlighted: there is nothing to put in a briefing\.$/)
  })
})

// ---------------------------------------------------------------------------------------
// Built from a stored document

const [BASES, CONVOYS, TALKS] = DEFAULT_TAGS.map((t) => t.id) as [TagId, TagId, TagId]
const data = { articles, tags: DEFAULT_TAGS, highlights }
const GEN = { generatedAt: '2026-11-21T13:57:00.000Z' }
const doc = (tags: TagId[] = [BASES, CONVOYS]) =>
  createBriefingDocument({ id: makeBriefingId('0123456789'), now: GEN.generatedAt, tags: tags.map((id) => ({ id })), title: 'Doc', author: 'A. Analyst', handling: 'UNCLASSIFIED' })
const numbers = (b: BriefingLayout) => b.sections.map((s) => [s.tag?.name, s.passages.map((p) => `${p.number}:${p.highlightId}`)])

describe('buildBriefing from a BriefingDocument', () => {
  it('names in its scope only the sections it holds: a chosen tag whose section was left out is not listed', () => {
    const b = buildBriefing(doc([BASES, TALKS, CONVOYS]), data, GEN)
    expect(b.sections.map((s) => sectionName(s))).toEqual(['Bases', 'Convoys'])
    expect(b.warnings.map((w) => w.kind)).toEqual(['section-empty'])
    expect(b.scope.tags.map((t) => t.name)).toEqual(['Bases', 'Convoys'])
    expect(describeScope(b)).toBe('Tags: Bases, Convoys')
    // A section kept for its note alone is in the briefing, so in its scope.
    const noted = buildBriefing(setSectionNote(doc([BASES, TALKS]), TALKS, 'No talks this week.'), data, GEN)
    expect(describeScope(noted)).toBe('Tags: Bases, Negotiations')
  })

  it('carries the title block fields and numbers passages 1..n across sections (repeat mode)', () => {
    const b = buildBriefing(doc(), data, GEN)
    expect(b).toMatchObject({ briefingId: 'b-0123456789', title: 'Doc', author: 'A. Analyst', handling: 'UNCLASSIFIED', date: '2026-11-21', multiTag: 'repeat' })
    expect(numbers(b)).toEqual([
      ['Bases', ['1:h-3333', '2:h-2222', '3:h-1111', '4:h-4444']],
      ['Convoys', ['5:h-1111']],
    ])
    expect(b.sections.map((s) => s.number)).toEqual([1, 2])
    expect(b.passageCount).toBe(5)
    expect(b.highlightCount).toBe(4)
    // The repeated passage points at its copy, both ways.
    expect(b.sections[0]!.passages[2]!.alsoIn).toEqual([{ sectionNumber: 2, tagName: 'Convoys', passageNumber: 5 }])
    expect(b.sections[1]!.passages[0]!.alsoIn).toEqual([{ sectionNumber: 1, tagName: 'Bases', passageNumber: 3 }])
    expect(b.sections[1]!.references).toEqual([])
  })

  it('prints a multi-tag passage once with cross-references in cross-reference mode', () => {
    const d = updateBriefingFields(moveSection(doc(), CONVOYS, 0), { multiTag: 'cross-reference' })
    const b = buildBriefing(d, data, GEN)
    expect(numbers(b)).toEqual([
      ['Convoys', ['1:h-1111']],
      ['Bases', ['2:h-3333', '3:h-2222', '4:h-4444']],
    ])
    expect(b.sections[0]!.passages[0]!.alsoIn).toEqual([{ sectionNumber: 2, tagName: 'Bases', passageNumber: null }])
    expect(b.sections[1]!.references).toEqual([{ highlightId: 'h-1111', passageNumber: 1, sectionNumber: 1, tagName: 'Convoys', quote: 'ships “Sparta” left' }])
    expect(b.passageCount).toBe(4)
    expect(formatAlsoIn(b.sections[0]!.passages[0]!.alsoIn)).toBe('See also §2 Bases')
  })

  it('puts the analyst’s order first and the rest in date order, and drops excluded passages', () => {
    let d = doc([BASES])
    d = movePassage(d, BASES, ['h-3333', 'h-2222', 'h-1111', 'h-4444'] as HighlightId[], 'h-4444' as HighlightId, 0)
    d = { ...d, sections: [{ ...d.sections[0]!, order: ['h-4444', 'h-1111'] as HighlightId[] }] }
    d = excludePassage(d, BASES, 'h-2222' as HighlightId)
    const b = buildBriefing(d, data, GEN)
    expect(sectionPassageIds(b, BASES)).toEqual(['h-4444', 'h-1111', 'h-3333'])
    expect(b.sources.map((s) => [s.number, s.title, s.citedBy])).toEqual([
      [1, 'Undated piece', [1]],
      [2, 'Late piece', [2]],
      [3, 'Early piece', [3]],
    ])
  })

  it('in cross-reference mode a passage excluded from its first section lands in the next', () => {
    let d = updateBriefingFields(doc(), { multiTag: 'cross-reference' })
    d = excludePassage(d, BASES, 'h-1111' as HighlightId)
    const b = buildBriefing(d, data, GEN)
    expect(numbers(b)).toEqual([
      ['Bases', ['1:h-3333', '2:h-2222', '3:h-4444']],
      ['Convoys', ['4:h-1111']],
    ])
    expect(b.sections[1]!.passages[0]!.alsoIn).toEqual([])
  })

  it('keeps section notes, skips sections left empty (with a warning) unless they have a note', () => {
    let d = doc([BASES, TALKS, CONVOYS])
    d = setSectionNote(d, BASES, 'Bases note\nline two')
    const b = buildBriefing(d, data, GEN)
    expect(b.sections.map((s) => [s.number, s.tag?.name, s.note])).toEqual([
      [1, 'Bases', 'Bases note\nline two'],
      [2, 'Convoys', ''],
    ])
    expect(b.warnings).toEqual([{ kind: 'section-empty', tagId: TALKS, message: 'Section Negotiations has no passages and was left out.' }])
    const withNote = buildBriefing(setSectionNote(d, TALKS, 'Nothing yet; watch this.'), data, GEN)
    expect(withNote.sections.map((s) => s.tag?.name)).toEqual(['Bases', 'Negotiations', 'Convoys'])
    expect(withNote.sections[1]!.passages).toEqual([])
  })

  it('filters by article and by publication date range; undated articles are left out of a range, with a warning', () => {
    const byArticle = buildBriefing(setArticleFilter(doc(), ['a-early' as ArticleId]), data, GEN)
    expect(byArticle.sections.flatMap((s) => s.passages.map((p) => p.quote))).toEqual(['first in early', 'second in early'])
    expect(byArticle.scope.articleCount).toBe(1)

    const ranged = buildBriefing(setDateRange(doc(), '2025-01-01', '2025-12-31'), data, GEN)
    expect(ranged.sections.flatMap((s) => s.passages.map((p) => p.quote))).toEqual(['ships “Sparta” left', 'ships “Sparta” left'])
    expect(ranged.warnings).toEqual([
      { kind: 'undated-left-out', articleIds: ['a-nodate'], passageCount: 1, message: '1 passage from 1 undated article was left out by the date range.' },
    ])
    expect(describeScope(ranged)).toBe('Tags: Bases, Convoys · published between 1 January 2025 and 31 December 2025')
  })

  it('reports stale references in a stored document as warnings and builds the rest', () => {
    let d = doc([BASES, 't-deleted' as TagId])
    d = { ...d, sections: [{ ...d.sections[0]!, order: ['h-gone1' as HighlightId] }, d.sections[1]!] }
    d = setArticleFilter(d, ['a-early' as ArticleId, 'a-deleted' as ArticleId])
    const b = buildBriefing(d, data, GEN)
    expect(b.warnings.map((w) => w.kind)).toEqual(['tag-missing', 'article-missing', 'passage-missing'])
    expect(b.warnings.map((w) => w.message)).toEqual([
      'Tag t-deleted is no longer in the notebook; its section was left out.',
      'Article a-deleted, chosen for this briefing, is no longer in the notebook.',
      'Passage h-gone1, placed in this briefing, no longer exists (its highlight or its article was deleted).',
    ])
    expect(b.passageCount).toBe(2)
  })

  it('refuses a selected passage whose article is gone, naming the passage and the article', () => {
    const orphan = highlight('h-5555', 'a-deleted', 0, 'a quote from a deleted article', ['t-bases'])
    const run = () => buildBriefing(doc(), { ...data, highlights: [...highlights, orphan] }, GEN)
    expect(run).toThrow(DossierError)
    expect(run).toThrow(/“a quote from a deleted article” \(h-5555\) belongs to article a-deleted, which is no longer in the notebook/)
    try {
      run()
    } catch (e) {
      expect((e as DossierError).code).toBe('not-found')
    }
    // Excluded, it is no obstacle.
    expect(() => buildBriefing(excludePassage(doc(), BASES, 'h-5555' as HighlightId), { ...data, highlights: [...highlights, orphan] }, GEN)).not.toThrow()
  })

  describe('an empty selection says which choice emptied it', () => {
    const expectEmpty = (d: BriefingDocument, message: RegExp) => {
      try {
        buildBriefing(d, data, GEN)
        expect.unreachable()
      } catch (e) {
        expect(e).toBeInstanceOf(DossierError)
        expect((e as DossierError).code).toBe('empty-selection')
        expect((e as DossierError).message).toMatch(message)
      }
    }
    it('no tags', () => expectEmpty(doc([]), /^The briefing has no tags selected: choose at least one tag\.$/))
    it('deleted tags', () => expectEmpty(doc(['t-old' as TagId]), /no tags selected \(the 1 tag it named was deleted\)/))
    it('no passages carry the tags', () => expectEmpty(doc([TALKS]), /^No highlighted passages carry Negotiations: there is nothing to put in a briefing\.$/))
    it('articles', () => expectEmpty(setArticleFilter(doc([CONVOYS]), ['a-early' as ArticleId]), /^None of the 1 passage tagged Convoys comes from the 1 chosen article\.$/))
    it('dates', () =>
      expectEmpty(
        setDateRange(doc(), '2026-01-01', null),
        /^None of the 5 passages tagged Bases or Convoys comes from an article published on or after 1 January 2026 \(undated articles are left out/,
      ))
    it('exclusions', () => expectEmpty(excludePassage(doc([CONVOYS]), CONVOYS, 'h-1111' as HighlightId), /^Every passage tagged Convoys \(1\) is excluded from this briefing\.$/))
  })

  it('reproduces quotes and comments exactly as stored, including whitespace', () => {
    const odd = highlight('h-6666', 'a-early', 90, '  “Sohtaoğlu” — said:\n\n\tطرطوس…  ', ['t-bases'], ' note\n ')
    const b = buildBriefing(doc([BASES]), { ...data, highlights: [...highlights, odd] }, GEN)
    const p = b.sections[0]!.passages.find((x) => x.highlightId === 'h-6666')!
    expect(p.quote).toBe('  “Sohtaoğlu” — said:\n\n\tطرطوس…  ')
    expect(p.comment).toBe(' note\n ')
    expect(p.tags.map((t) => t.name)).toEqual(['Bases'])
  })
})

describe('number formatting', () => {
  it('collapses runs of three or more with an en dash', () => {
    expect(formatNumberList([9, 1, 3, 4, 5, 7, 8])).toBe('1, 3–5, 7, 8, 9'.replace('7, 8, 9', '7–9'))
    expect(formatNumberList([2, 1])).toBe('1, 2')
    expect(formatCitedBy([4])).toBe('Cited in passage 4')
    expect(formatCitedBy([1, 2, 3, 6])).toBe('Cited in passages 1–3, 6')
  })
})
