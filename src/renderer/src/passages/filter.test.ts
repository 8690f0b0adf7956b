import { describe, expect, it } from 'vitest'
import type { PassageSummary } from '../../../core/api'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { EMPTY_FILTER, articleOptions, filterPassages, foldForFilter, groupByTag, isFilterEmpty, outletOptions, sortPassages } from './filter'

const tag = (id: string, name: string): Tag => ({ id: id as TagId, name, color: '#E69F00', description: '' })
const TAGS = [tag('t-bases', 'Bases'), tag('t-convoys', 'Convoys'), tag('t-neg', 'Negotiations')]

function passage(id: string, tagIds: string[], extra: Partial<{ quote: string; comment: string; title: string; outlet: string | null; published: string | null; articleId: string }> = {}): PassageSummary {
  return {
    highlight: {
      id: `h-${id}` as HighlightId,
      articleId: (extra.articleId ?? 'a-0001') as ArticleId,
      target: { start: 0, end: 5, exact: extra.quote ?? `quote ${id}`, prefix: '', suffix: '' },
      tagIds: tagIds as TagId[],
      comment: extra.comment ?? '',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    },
    articleTitle: extra.title ?? 'Title',
    outlet: extra.outlet === undefined ? 'Reuters' : extra.outlet,
    published: extra.published === undefined ? '2025-01-10' : extra.published,
  }
}

const ids = (list: PassageSummary[]) => list.map((p) => p.highlight.id.slice(2))

describe('filterPassages', () => {
  const both = passage('both', ['t-bases', 't-convoys'])
  const bases = passage('bases', ['t-bases'])
  const convoys = passage('convoys', ['t-convoys'])
  const none = passage('none', [])
  const all = [both, bases, convoys, none]

  it('keeps everything with an empty filter', () => {
    expect(isFilterEmpty(EMPTY_FILTER)).toBe(true)
    expect(ids(filterPassages(all, EMPTY_FILTER))).toEqual(['both', 'bases', 'convoys', 'none'])
  })

  it('matches any of the chosen tags, or all of them', () => {
    const tagIds = ['t-bases', 't-convoys'] as TagId[]
    expect(ids(filterPassages(all, { ...EMPTY_FILTER, tagIds, tagMode: 'any' }))).toEqual(['both', 'bases', 'convoys'])
    expect(ids(filterPassages(all, { ...EMPTY_FILTER, tagIds, tagMode: 'all' }))).toEqual(['both'])
  })

  it('filters by outlet, article and inclusive date range (undated passages drop out)', () => {
    const list = [
      passage('jan', [], { published: '2025-01-10T08:00:00+02:00', outlet: 'AP' }),
      passage('feb', [], { published: '2025-02-01', articleId: 'a-0002' }),
      passage('undated', [], { published: null }),
    ]
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, outlet: 'AP' }))).toEqual(['jan'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, articleId: 'a-0002' as ArticleId }))).toEqual(['feb'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, from: '2025-01-10', to: '2025-01-31' }))).toEqual(['jan'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, from: '2025-01-11' }))).toEqual(['feb'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, to: '2025-02-01' }))).toEqual(['jan', 'feb'])
  })

  it('matches text without regard to case or diacritics, every word somewhere', () => {
    const list = [
      passage('turk', [], { quote: 'said Ali Sohtaoğlu on Monday' }),
      passage('comment', [], { comment: 'Check KHMEIMIM figures' }),
      passage('title', [], { title: 'Tartus lease' }),
    ]
    expect(foldForFilter('SOHTAOĞLU Işık')).toBe('sohtaoglu isik')
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, text: 'Sohtaoglu' }))).toEqual(['turk'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, text: 'khmeimim' }))).toEqual(['comment'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, text: 'tartus LEASE' }))).toEqual(['title'])
    expect(ids(filterPassages(list, { ...EMPTY_FILTER, text: 'tartus monday' }))).toEqual([])
  })
})

describe('groupByTag', () => {
  const both = passage('both', ['t-convoys', 't-bases'])
  const neg = passage('neg', ['t-neg'])
  const none = passage('none', [])
  const gone = passage('gone', ['t-deleted'])

  it('puts a passage in every one of its tags’ groups, in codebook order, untagged last', () => {
    const groups = groupByTag([none, both, neg, gone], TAGS)
    expect(groups.map((g) => [g.tag?.name ?? null, ids(g.passages)])).toEqual([
      ['Bases', ['both']],
      ['Convoys', ['both']],
      ['Negotiations', ['neg']],
      [null, ['none', 'gone']],
    ])
  })

  it('shows only the filtered tags’ groups when a tag filter is on', () => {
    const groups = groupByTag([both, neg], TAGS, ['t-convoys'] as TagId[])
    expect(groups.map((g) => g.tag?.name)).toEqual(['Convoys'])
  })
})

describe('options and order', () => {
  const list = [
    passage('a', [], { outlet: 'Reuters', title: 'Zeta', published: '2025-01-01', articleId: 'a-000z' }),
    passage('b', [], { outlet: 'AP', title: 'Alpha', published: '2025-03-01', articleId: 'a-000a' }),
    passage('c', [], { outlet: null, title: 'Alpha', published: null, articleId: 'a-000a' }),
  ]
  it('lists outlets and articles once, sorted', () => {
    expect(outletOptions(list)).toEqual(['AP', 'Reuters'])
    expect(articleOptions(list).map((a) => a.title)).toEqual(['Alpha', 'Zeta'])
  })
  it('sorts newest first with undated last', () => {
    expect(ids(sortPassages(list))).toEqual(['b', 'a', 'c'])
  })
})
