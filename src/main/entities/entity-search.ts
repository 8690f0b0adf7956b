/**
 * The notebook's search with names (issue 13): the query is parsed with its words and
 * phrases that name an entity expanded to every spelling (src/core/search/expand-names.ts),
 * unless `exact`; `entity` keeps only articles (and their highlights) that mention that
 * entity, from the mention index. The response says which names were expanded and, for
 * each spelling searched, how many articles of the notebook mention it (`expansions`).
 */
import type { EntityId } from '../../core/entities'
import { containsRun } from '../../core/search/expand-names'
import { tokenize } from '../../core/search/fold'
import { parseQuery } from '../../core/search/query'
import type { SearchExpansion, SearchResponse } from '../../core/search/types'
import type { ArticleId } from '../../core/ids'
import type { NotebookSearch, NotebookSearchQuery } from '../search/notebook-search'
import { findEntity, matcherOf, type EntityContext } from './entity-ops'

export interface NamesSearchQuery extends Omit<NotebookSearchQuery, 'parsed' | 'articleIds'> {
  /** Search only the spelling typed (no expansion). */
  exact?: boolean
  /** Only articles mentioning this entity (id, name or alias), and their highlights. */
  entity?: string
}

export async function searchWithNames(ctx: EntityContext, search: NotebookSearch, query: NamesSearchQuery): Promise<SearchResponse> {
  const { exact, entity, ...rest } = query
  const file = await ctx.store.entities()
  // The matcher (built on first use of this file: 2,500 spellings take the thread a while) only when names are expanded.
  const parsed = parseQuery(query.query, exact === true || file.entities.length === 0 ? {} : { names: (text) => matcherOf(file).expandQuery(text) })
  let articleIds: ArticleId[] | undefined
  if (entity !== undefined) {
    const named = findEntity(file, entity)
    const index = ctx.mentions()
    await index.whenReady()
    articleIds = [...index.articlesOf(named.id).keys()]
  }
  const response = await search.search({ ...rest, parsed, articleIds })
  if (parsed.expansions.length === 0) return { ...response, expansions: [] }
  const index = ctx.mentions()
  await index.whenReady()
  const expansions = parsed.expansions.map((e): SearchExpansion => {
    const bySpelling = [...index.articlesBySpelling(e.entityId as EntityId)].map(([text, ids]) => ({ terms: tokenize(text), ids }))
    return {
      raw: e.raw,
      entityId: e.entityId,
      entity: e.name,
      spellings: e.spellings.map((text) => {
        // Articles whose mentions used a spelling holding these words ("Khmeimim" counts "Khmeimim Air Base").
        const words = tokenize(text)
        const articles = new Set<ArticleId>()
        for (const s of bySpelling) if (containsRun(s.terms, words)) for (const id of s.ids) articles.add(id)
        return { text, articles: articles.size }
      }),
    }
  })
  return { ...response, expansions }
}
