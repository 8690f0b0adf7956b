/**
 * What the notebook can offer about an article's missing details (notes/sourcing.md):
 * the outlets its text states (copyright line, "/ bne IntelliNews"), each matched against
 * the known outlets and aliases, and the dates stated on lines of their own near its top.
 * Offered in the details dialog and at import; nothing is linked or created from here.
 */
import type { ArticleDetailsSuggestion, ArticleSource } from '../../core/api-sourcing'
import { parseDateLine } from '../../core/date-lines'
import type { ArticleId } from '../../core/ids'
import { findStatedOutlets, type OutletMatcher, type StatedOutlet } from '../../core/sourcing'
import { articleOf, matcher, sourceOf, type SourcingContext } from './outlet-ops'

/** Lines read for a date: a dateline sits under the headline, never deep in the text. */
const DATE_LINES = 40

/** The stated outlets of a text, each with the known outlet it matches. */
export function statedOutlets(text: string, m: OutletMatcher): ArticleDetailsSuggestion['outlets'] {
  return findStatedOutlets(text).map((s: StatedOutlet) => {
    const known = m.byName(s.name)
    return { ...s, known: known === undefined ? null : { id: known.id, name: known.name } }
  })
}

export async function suggestArticleDetails(ctx: SourcingContext, articleId: ArticleId): Promise<ArticleDetailsSuggestion> {
  const article = articleOf(ctx.store, articleId)
  const text = await ctx.store.readBody(article.bodyHash)
  const dates: ArticleDetailsSuggestion['dates'] = []
  for (const line of text.split('\n', DATE_LINES)) {
    const stated = parseDateLine(line)
    if (stated !== null && !dates.some((d) => d.iso === stated.iso)) dates.push({ iso: stated.iso, line: line.trim() })
  }
  return { articleId: article.id, outlets: statedOutlets(text, await matcher(ctx)), dates }
}

export async function listArticleSources(ctx: SourcingContext): Promise<ArticleSource[]> {
  const m = await matcher(ctx)
  return ctx.store.articles.map((a) => sourceOf(m, a))
}
