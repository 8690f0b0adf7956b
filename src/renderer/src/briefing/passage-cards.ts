/**
 * What the composer shows for a passage (quote, comment, source), whether it comes from
 * the built preview or, for an excluded passage the preview leaves out, from the notebook's
 * passage list. Excluded passages are not in the layout, so the composer remembers the
 * cards it has seen and asks for the rest.
 */
import type { PassageSummary } from '../../../core/api'
import type { BriefingDocument } from '../../../core/briefing-document'
import type { BriefingLayout } from '../../../core/briefing-types'
import type { ArticleId, HighlightId } from '../../../core/ids'
import { formatDate } from '../dates'

export interface PassageCard {
  highlightId: HighlightId
  articleId: ArticleId
  quote: string
  comment: string
  sourceTitle: string
  outlet: string | null
  published: string | null
}

export function cardsFromLayout(layout: BriefingLayout): PassageCard[] {
  const cards: PassageCard[] = []
  for (const section of layout.sections) {
    for (const p of section.passages) {
      const source = layout.sources[p.sourceNumber - 1]
      cards.push({
        highlightId: p.highlightId,
        articleId: p.articleId,
        quote: p.quote,
        comment: p.comment,
        sourceTitle: source?.title ?? '',
        outlet: source?.outlet ?? null,
        published: source?.published ?? null,
      })
    }
  }
  return cards
}

export function cardFromSummary(p: PassageSummary): PassageCard {
  return {
    highlightId: p.highlight.id,
    articleId: p.highlight.articleId,
    quote: p.highlight.target.exact,
    comment: p.highlight.comment,
    sourceTitle: p.articleTitle,
    outlet: p.outlet,
    published: p.published,
  }
}

/** Excluded passages of the document whose cards are not known yet. */
export function missingExcludedCards(doc: BriefingDocument, known: ReadonlyMap<HighlightId, PassageCard>): HighlightId[] {
  const missing = new Set<HighlightId>()
  for (const s of doc.sections) for (const id of s.excluded) if (!known.has(id)) missing.add(id)
  return [...missing]
}

/** `Reuters · 3 March 2025` style source line (title shown separately). */
export function sourceLine(card: Pick<PassageCard, 'outlet' | 'published'>): string {
  return [card.outlet, card.published ? formatDate(card.published) : null].filter((x): x is string => Boolean(x)).join(' · ')
}
