import { describe, expect, it } from 'vitest'
import type { PassageSummary } from '../../../core/api'
import { createBriefingDocument, excludePassage, makeBriefingId } from '../../../core/briefing-document'
import type { BriefingLayout } from '../../../core/briefing-types'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import { cardFromSummary, cardsFromLayout, missingExcludedCards, sourceLine } from './passage-cards'

describe('passage cards', () => {
  it('take quote, comment and the cited source’s title, outlet and date from the layout', () => {
    const layout = {
      sections: [{ passages: [{ highlightId: 'h-1', articleId: 'a-1', quote: 'Q', comment: 'C', sourceNumber: 2 }] }],
      sources: [
        { number: 1, title: 'Other', outlet: null, published: null },
        { number: 2, title: 'Cited', outlet: 'Wire', published: '2025-01-02T10:00:00Z' },
      ],
    } as unknown as BriefingLayout
    const [card] = cardsFromLayout(layout)
    expect(card).toEqual({ highlightId: 'h-1', articleId: 'a-1', quote: 'Q', comment: 'C', sourceTitle: 'Cited', outlet: 'Wire', published: '2025-01-02T10:00:00Z' })
    expect(sourceLine(card!)).toBe('Wire · 2 January 2025')
  })

  it('come from the passage list for passages the layout leaves out', () => {
    const summary = {
      highlight: { id: 'h-2', articleId: 'a-9', target: { exact: 'left out' }, comment: '' },
      articleTitle: 'Title',
      outlet: null,
      published: null,
    } as unknown as PassageSummary
    expect(cardFromSummary(summary)).toMatchObject({ highlightId: 'h-2', articleId: 'a-9', quote: 'left out', sourceTitle: 'Title' })
    expect(sourceLine(cardFromSummary(summary))).toBe('')
  })

  it('names the excluded passages whose cards are not known yet', () => {
    const tag = 't-bases' as TagId
    let doc = createBriefingDocument({ id: makeBriefingId('abcdef1234'), now: '2025-03-01T00:00:00.000Z', tags: [{ id: tag }] })
    doc = excludePassage(doc, tag, 'h-known' as HighlightId)
    doc = excludePassage(doc, tag, 'h-unknown' as HighlightId)
    const known = new Map([['h-known' as HighlightId, cardFromSummary({ highlight: { id: 'h-known', articleId: 'a-1' as ArticleId, target: { exact: 'x' }, comment: '' } } as unknown as PassageSummary)]])
    expect(missingExcludedCards(doc, known)).toEqual(['h-unknown'])
  })
})
