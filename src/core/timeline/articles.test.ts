import { describe, expect, it } from 'vitest'
import type { ArticleId, TagId } from '../ids'
import { dateArticles, MAX_OUTLET_LANES, NO_OUTLET_LANE, OTHER_OUTLETS_LANE, outletLanes } from './articles'
import { filterPassages, type ArticleRef } from './passages'

const article = (n: number, published: string | null, outlet: string | null = null): ArticleRef => ({ id: `a-${String(n).padStart(10, '0')}` as ArticleId, title: `Article ${n}`, outlet, published })
const bases = 't-bases' as TagId
const ports = 't-ports' as TagId

describe('articles by publication date', () => {
  it('places every article with a real publication day, passages or not, with its passages’ tags; says why the others are left off', () => {
    const articles = [article(1, '2025-01-15T00:30:00+02:00', 'bne IntelliNews'), article(2, '2024-12-15'), article(3, null), article(4, '2025-02-30')]
    const highlights = [
      { articleId: articles[0]!.id, tagIds: [bases] },
      { articleId: articles[0]!.id, tagIds: [ports, bases] },
    ]
    const { dated, undated } = dateArticles(articles, highlights)
    expect(dated).toEqual([
      { articleId: articles[0]!.id, title: 'Article 1', outlet: 'bne IntelliNews', start: '2025-01-15', end: '2025-01-15', precision: 'day', tagIds: [bases, ports], passageCount: 2 },
      { articleId: articles[1]!.id, title: 'Article 2', outlet: null, start: '2024-12-15', end: '2024-12-15', precision: 'day', tagIds: [], passageCount: 0 },
    ])
    expect(undated.map((u) => u.reason)).toEqual(['it has no publication date', 'its publication date (2025-02-30) is not a calendar day'])
    // The timeline's filters work on articles as on passages: a tag of a passage, the publication day.
    expect(filterPassages(dated, { tagIds: [ports] }).map((a) => a.title)).toEqual(['Article 1'])
    expect(filterPassages(dated, { to: '2024-12-31' }).map((a) => a.title)).toEqual(['Article 2'])
  })

  it('puts lanes by outlet, most articles first, one lane per outlet whatever its case or spacing, and "No outlet" last', () => {
    const dated = dateArticles([article(1, '2025-01-01', 'Reuters'), article(2, '2025-01-02', ' reuters '), article(3, '2025-01-03', 'AP'), article(4, '2025-01-04')], []).dated
    const { lanes, lanesOf } = outletLanes(dated)
    expect(lanes.map((l) => l.label)).toEqual(['Reuters', 'AP', NO_OUTLET_LANE.label])
    expect(dated.map((a) => lanes.find((l) => l.key === lanesOf(a)[0])?.label)).toEqual(['Reuters', 'Reuters', 'AP', 'No outlet'])
  })

  it('gives outlets beyond the first few one shared lane, and an outlet named like a fixed lane its own', () => {
    const names = [...Array.from({ length: MAX_OUTLET_LANES + 2 }, (_, i) => `Outlet ${String(i).padStart(2, '0')}`), 'no-outlet']
    const dated = dateArticles(names.map((name, i) => article(i, '2025-01-01', name)).concat([article(99, '2025-01-02', 'Outlet 13')]), []).dated
    const { lanes, lanesOf } = outletLanes(dated)
    expect(lanes).toHaveLength(MAX_OUTLET_LANES + 1)
    expect(lanes[0]!.label).toBe('Outlet 13')
    expect(lanes.at(-1)).toEqual(OTHER_OUTLETS_LANE)
    expect(new Set(lanes.map((l) => l.key)).size).toBe(lanes.length)
    expect(lanesOf({ outlet: 'no-outlet' })).not.toEqual([NO_OUTLET_LANE.key])
  })
})
