/**
 * What the notebook can offer about an article's details (notes/sourcing.md): the outlet
 * and date its text states, read by the importer's own analysis (analyseText: signature,
 * source line, wire dateline, copyright holder; dateline and byline dates), the outlet
 * matched against the known outlets and aliases. Offered in the details dialog and the
 * import report; nothing is linked or created from here.
 */
import type { ArticleDetailsSuggestion, ArticleSource, StatedOutlet } from '../../core/api-sourcing'
import type { ArticleId } from '../../core/ids'
import type { Article } from '../../core/model'
import type { OutletMatcher } from '../../core/sourcing'
import { articleOf, matcher, sourceOf, type SourcingContext } from './outlet-ops'

export async function suggestArticleDetails(ctx: SourcingContext, articleId: ArticleId): Promise<ArticleDetailsSuggestion> {
  const article = articleOf(ctx.store, articleId)
  // Loaded when asked for: the analysis brings chrono-node (268 modules, 160 ms), which
  // every CLI command would otherwise load at start.
  const { analyseText } = await import('../../core/analysis/analyse')
  const { meta } = analyseText(await ctx.store.readBody(article.bodyHash), { fileName: article.source.fileName })
  const m = await matcher(ctx)
  const known = meta.outlet.value === null ? undefined : m.byName(meta.outlet.value)
  return {
    articleId: article.id,
    outlet: meta.outlet.value === null ? null : { name: meta.outlet.value, source: meta.outlet.source, known: known === undefined ? null : { id: known.id, name: known.name } },
    published: meta.published.value === null ? null : { iso: meta.published.value, source: meta.published.source },
  }
}

/** The outlet an imported article's text named (its outlet metadata, as analysed), with the known outlet it matches. */
export function statedOutletOf(article: Article, m: OutletMatcher): StatedOutlet | null {
  const name = article.outlet?.trim()
  if (!name) return null
  const match = m.outletOf(article)
  return { name, source: article.metaSources.outlet ?? 'the article’s metadata', known: match?.via === 'outlet metadata' ? match.outlet.name : null }
}

export async function listArticleSources(ctx: SourcingContext): Promise<ArticleSource[]> {
  const m = await matcher(ctx)
  return ctx.store.articles.map((a) => sourceOf(m, a))
}
