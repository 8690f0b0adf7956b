/**
 * Briefing citations carry the grades (notes/sourcing.md): a source names its outlet as
 * the notebook knows it and its reliability; a passage's citation adds its credibility;
 * without outlets or grades, citations are as before.
 */
import { describe, expect, it } from 'vitest'
import { buildBriefing, formatCitation } from '../briefing'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { DEFAULT_TAGS, type Highlight } from '../model'
import { testArticle } from '../testing/test-article'
import { createOutlet, linkArticle } from './outlets'
import { emptyOutletsFile, type OutletId, type OutletsFile } from './schema'

const BASES = DEFAULT_TAGS[0]!.id
const articles = [testArticle('a-bne1', { title: 'Russia withdraws', published: '2024-12-15', outlet: 'IntelliNews' }), testArticle('a-two2', { title: 'Convoy stopped', published: null, outlet: null })]
const highlight = (id: string, articleId: string, credibility?: number): Highlight => ({
  id: id as HighlightId,
  articleId: articleId as ArticleId,
  target: { start: 0, end: 5, exact: 'Ships', prefix: '', suffix: '' },
  tagIds: [BASES as TagId],
  comment: '',
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
  ...(credibility !== undefined ? { credibility } : {}),
})

function outlets(): OutletsFile {
  const made = createOutlet(emptyOutletsFile(), { id: 'o-bne0000001' as OutletId, name: 'bne IntelliNews', aliases: ['IntelliNews'], reliability: { grade: 'B', why: 'Regional wire' } })
  if (!made.ok) throw new Error(made.error.message)
  const linked = linkArticle(made.value, 'a-two2' as ArticleId, 'o-bne0000001' as OutletId)
  if (!linked.ok) throw new Error(linked.error.message)
  return linked.value
}

const build = (withOutlets: boolean) =>
  buildBriefing({ title: 'Ports', tagIds: [BASES] }, { articles, tags: DEFAULT_TAGS, highlights: [highlight('h-0001', 'a-bne1', 2), highlight('h-0002', 'a-two2')], ...(withOutlets ? { outlets: outlets() } : {}) }, { generatedAt: '2025-03-02T00:00:00Z' })

describe('briefing citations with grades', () => {
  it('name the outlet as the notebook knows it, with reliability in the Sources list and the Admiralty code at each passage', () => {
    const b = build(true)
    const [first, second] = b.sections[0]!.passages
    expect(b.sources.map((s) => formatCitation(s))).toEqual(['[1] bne IntelliNews, “Russia withdraws”, 15 December 2024 (B).', '[2] bne IntelliNews, “Convoy stopped” (B).'])
    expect(formatCitation(b.sources[0]!, first!)).toBe('[1] bne IntelliNews, “Russia withdraws”, 15 December 2024 (B2).')
    expect(formatCitation(b.sources[1]!, second!)).toBe('[2] bne IntelliNews, “Convoy stopped” (B?).')
  })

  it('without outlets, sources keep their metadata and only a passage’s own credibility shows', () => {
    const b = build(false)
    const [first, second] = b.sections[0]!.passages
    expect(formatCitation(b.sources[0]!, first!)).toBe('[1] IntelliNews, “Russia withdraws”, 15 December 2024 (?2).')
    expect(formatCitation(b.sources[1]!, second!)).toBe('[2] “Convoy stopped”.')
    expect(b.sources[0]).not.toHaveProperty('reliability')
  })
})
