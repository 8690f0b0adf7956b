import { describe, expect, it } from 'vitest'
import {
  addSection,
  BriefingDocumentSchema,
  createBriefingDocument,
  excludePassage,
  includePassage,
  makeBriefingId,
  moveSection,
  moveSectionBy,
  movePassage,
  movePassageBy,
  normaliseBriefingDocument,
  parseBriefingDocument,
  removeSection,
  resetPassageOrder,
  setArticleFilter,
  setDateRange,
  setSectionNote,
  setSelectedTags,
  touchBriefingDocument,
  updateBriefingFields,
  type BriefingDocument,
} from './briefing-document'
import type { ArticleId, HighlightId, TagId } from './ids'
import { DEFAULT_TAGS } from './model'
import { DossierError } from './result'
import { frozen } from './testing/frozen'

const NOW = '2026-11-21T13:57:00.000Z'
const [BASES, CONVOYS, TALKS] = DEFAULT_TAGS.map((t) => t.id) as [TagId, TagId, TagId]
const h = (n: number) => `h-${String(n).padStart(10, '0')}` as HighlightId

const fresh = () => createBriefingDocument({ id: makeBriefingId('abcdef0123'), now: NOW, tags: DEFAULT_TAGS })

describe('createBriefingDocument', () => {
  it('makes one section per tag in the given order, with defaults that validate', () => {
    const doc = fresh()
    expect(doc.id).toBe('b-abcdef0123')
    expect(doc.title).toBe('Briefing')
    expect(doc.date).toBe('2026-11-21')
    expect(doc.multiTag).toBe('repeat')
    expect(doc.selection).toEqual({ tagIds: [BASES, CONVOYS, TALKS], articleIds: null, from: null, to: null })
    expect(doc.sections.map((s) => s.tagId)).toEqual([BASES, CONVOYS, TALKS])
    expect(doc.sections[0]).toEqual({ tagId: BASES, note: '', order: [], excluded: [] })
    expect(BriefingDocumentSchema.parse(doc)).toEqual(doc)
    expect(doc.createdAt).toBe(NOW)
    expect(doc.updatedAt).toBe(NOW)
  })

  it('takes title, author, handling, date, key judgments and mode', () => {
    const doc = createBriefingDocument({
      id: makeBriefingId('0000011111'),
      now: NOW,
      tags: [DEFAULT_TAGS[1]!],
      title: '  Weekly  ',
      author: 'Analyst Sohtaoğlu',
      handling: 'UNCLASSIFIED // FOR TRAINING',
      date: '2026-11-20',
      keyJudgments: 'One.\nTwo.',
      multiTag: 'cross-reference',
    })
    expect(doc).toMatchObject({ title: 'Weekly', author: 'Analyst Sohtaoğlu', handling: 'UNCLASSIFIED // FOR TRAINING', date: '2026-11-20', keyJudgments: 'One.\nTwo.', multiTag: 'cross-reference' })
  })

  it('refuses an impossible date', () => {
    expect(() => createBriefingDocument({ id: makeBriefingId('0000011111'), now: NOW, tags: [], date: '2025-02-30' })).toThrow(DossierError)
  })
})

describe('parseBriefingDocument', () => {
  it('refuses bad data with a message naming the field', () => {
    const bad = { ...fresh(), id: 'x-1', date: '21/11/2026' }
    expect(() => parseBriefingDocument(bad)).toThrow(/id: not a briefing id.*date: not a YYYY-MM-DD date/)
    expect(() => parseBriefingDocument(null)).toThrow(DossierError)
    expect(() => parseBriefingDocument({ ...fresh(), selection: { ...fresh().selection, from: '2025-02-01', to: '2025-01-01' } })).toThrow(/from must not be after to/)
  })

  it('restores the section invariant: duplicates dropped, missing sections created, stray ones dropped', () => {
    const doc = fresh()
    const drifted: BriefingDocument = {
      ...doc,
      selection: { ...doc.selection, tagIds: [CONVOYS, BASES, CONVOYS] },
      sections: [
        { tagId: TALKS, note: 'stray', order: [], excluded: [] },
        { tagId: BASES, note: 'kept', order: [h(1), h(1), h(2)], excluded: [h(3), h(3)] },
      ],
    }
    const fixed = parseBriefingDocument(drifted)
    expect(fixed.selection.tagIds).toEqual([CONVOYS, BASES])
    expect(fixed.sections).toEqual([
      { tagId: CONVOYS, note: '', order: [], excluded: [] },
      { tagId: BASES, note: 'kept', order: [h(1), h(2)], excluded: [h(3)] },
    ])
  })

  it('returns a consistent document unchanged (same object)', () => {
    const doc = fresh()
    expect(normaliseBriefingDocument(doc)).toBe(doc)
  })
})

describe('editing helpers are pure', () => {
  it('never mutate their input, and return the same object when nothing changes', () => {
    const doc = frozen(fresh())
    expect(moveSection(doc, BASES, 0)).toBe(doc)
    expect(moveSectionBy(doc, BASES, -1)).toBe(doc)
    expect(moveSectionBy(doc, TALKS, +1)).toBe(doc)
    expect(setSectionNote(doc, BASES, '')).toBe(doc)
    expect(includePassage(doc, BASES, h(1))).toBe(doc)
    expect(setSelectedTags(doc, [BASES, CONVOYS, TALKS])).toBe(doc)
    expect(addSection(doc, BASES)).toBe(doc)
    expect(setArticleFilter(doc, null)).toBe(doc)
    expect(setDateRange(doc, null, null)).toBe(doc)
    expect(updateBriefingFields(doc, { title: 'Briefing', multiTag: 'repeat' })).toBe(doc)
    expect(resetPassageOrder(doc, BASES)).toBe(doc)
    expect(touchBriefingDocument(doc, NOW)).toBe(doc)
  })

  it('moves sections by drag (index) and keyboard (delta), keeping their settings', () => {
    let doc = frozen(setSectionNote(fresh(), TALKS, 'Talks note'))
    doc = moveSection(doc, TALKS, 0)
    expect(doc.selection.tagIds).toEqual([TALKS, BASES, CONVOYS])
    expect(doc.sections.map((s) => s.tagId)).toEqual([TALKS, BASES, CONVOYS])
    expect(doc.sections[0]!.note).toBe('Talks note')
    doc = moveSectionBy(doc, BASES, +1)
    expect(doc.selection.tagIds).toEqual([TALKS, CONVOYS, BASES])
    expect(moveSection(doc, TALKS, 99).selection.tagIds).toEqual([CONVOYS, BASES, TALKS])
    expect(() => moveSection(doc, 't-nope' as TagId, 0)).toThrow(/no section for tag t-nope/)
  })

  it('moves a passage within the order the analyst sees, and stores that whole order', () => {
    const shown = [h(1), h(2), h(3), h(4)]
    const doc = frozen(fresh())
    const moved = movePassage(doc, CONVOYS, shown, h(4), 0)
    expect(moved.sections[1]!.order).toEqual([h(4), h(1), h(2), h(3)])
    expect(moved.sections[0]).toBe(doc.sections[0])
    const down = movePassageBy(moved, CONVOYS, moved.sections[1]!.order, h(4), +1)
    expect(down.sections[1]!.order).toEqual([h(1), h(4), h(2), h(3)])
    expect(movePassageBy(down, CONVOYS, down.sections[1]!.order, h(3), +1)).toBe(down)
    expect(resetPassageOrder(down, CONVOYS).sections[1]!.order).toEqual([])
    expect(() => movePassage(doc, CONVOYS, shown, h(9), 0)).toThrow(/not in this section/)
  })

  it('excludes and includes a passage per section', () => {
    const doc = frozen(fresh())
    const out = excludePassage(doc, BASES, h(1))
    expect(out.sections[0]!.excluded).toEqual([h(1)])
    expect(excludePassage(out, BASES, h(1))).toBe(out)
    expect(out.sections[1]!.excluded).toEqual([])
    expect(includePassage(out, BASES, h(1)).sections[0]!.excluded).toEqual([])
  })

  it('adds and removes sections; a removed section forgets its settings', () => {
    let doc = frozen(setSectionNote(fresh(), CONVOYS, 'n'))
    doc = removeSection(doc, CONVOYS)
    expect(doc.selection.tagIds).toEqual([BASES, TALKS])
    doc = addSection(doc, CONVOYS, 0)
    expect(doc.selection.tagIds).toEqual([CONVOYS, BASES, TALKS])
    expect(doc.sections[0]!.note).toBe('')
  })

  it('sets fields, refusing bad values', () => {
    const doc = frozen(fresh())
    const next = updateBriefingFields(doc, { title: '  ', author: ' Jane ', handling: ' SECRET ', date: '2026-01-02', keyJudgments: 'KJ', multiTag: 'cross-reference' })
    expect(next).toMatchObject({ title: 'Briefing', author: 'Jane', handling: 'SECRET', date: '2026-01-02', keyJudgments: 'KJ', multiTag: 'cross-reference' })
    expect(() => updateBriefingFields(doc, { date: '2026-13-01' })).toThrow(DossierError)
    expect(() => updateBriefingFields(doc, { handling: 'x'.repeat(201) })).toThrow(/too long/)
    expect(() => setSectionNote(doc, BASES, 'x'.repeat(20_001))).toThrow(/too long/)
  })

  it('dates follow the one date rule (storedDateProblem), days only, saying why', () => {
    const doc = frozen(fresh())
    expect(() => updateBriefingFields(doc, { date: '2025-02-29' })).toThrow('The date "2025-02-29" is not a real day: February 2025 has 28 days.')
    // A calendar day, but outside the years a stored date may have (1000-9999).
    expect(() => updateBriefingFields(doc, { date: '0999-12-31' })).toThrow('The date "0999-12-31" is not a real day: the year 999 is outside 1000–9999.')
    expect(() => updateBriefingFields(doc, { date: '2025-01-15T10:00+00:00' })).toThrow('The date "2025-01-15T10:00+00:00" is not a day: write YYYY-MM-DD, without a time.')
    expect(() => setDateRange(doc, '0500-01-01', null)).toThrow(/^The start of the date range "0500-01-01" is not a real day/)
    expect(() => setDateRange(doc, null, '2025-04-31')).toThrow('The end of the date range "2025-04-31" is not a real day: April 2025 has 30 days.')
    expect(() => createBriefingDocument({ id: makeBriefingId('0000011111'), now: NOW, tags: [], date: '0999-01-01' })).toThrow(/^The date "0999-01-01" is not a real day/)
    expect(updateBriefingFields(doc, { date: '1863-11-19' }).date).toBe('1863-11-19')
  })

  it('sets the article filter and the date range', () => {
    const a = 'a-0000000001' as ArticleId
    const doc = frozen(fresh())
    expect(setArticleFilter(doc, [a, a]).selection.articleIds).toEqual([a])
    expect(setDateRange(doc, '2025-01-01', null).selection).toMatchObject({ from: '2025-01-01', to: null })
    expect(() => setDateRange(doc, '2025-02-01', '2025-01-01')).toThrow(/starts \(2025-02-01\) after it ends/)
    expect(() => setDateRange(doc, '2025-1-1', null)).toThrow(DossierError)
  })

  it('touch sets updatedAt only', () => {
    const doc = frozen(fresh())
    const later = touchBriefingDocument(doc, '2026-11-22T00:00:00.000Z')
    expect(later).toEqual({ ...doc, updatedAt: '2026-11-22T00:00:00.000Z' })
  })
})
