/**
 * The open article's entities (getArticleEntities: each with its mentions' offsets, most
 * mentioned first) and the notebook's entity records for their cards (listEntities), asked
 * again whenever the open article's view is replaced (it is after every change to the
 * article, and on reopening it, so entities added meanwhile show up). Keeps only the reply
 * to the latest request.
 */
import { useEffect, useState } from 'react'
import type { ArticleView } from '../../../core/api'
import type { ArticleEntity, EntitySummary } from '../../../core/api-entities'
import type { EntityId } from '../../../core/entities'
import { api, type ApiError } from '../api'

export interface ArticleEntities {
  /** Null while the first answer for this article is awaited. */
  entities: ArticleEntity[] | null
  summaries: ReadonlyMap<EntityId, EntitySummary>
  failure: ApiError | null
}

const NONE: ArticleEntities = { entities: null, summaries: new Map(), failure: null }

export function useArticleEntities(view: ArticleView | null): ArticleEntities {
  const [state, setState] = useState<{ view: ArticleView; value: ArticleEntities } | null>(null)
  useEffect(() => {
    if (!view) return
    let live = true
    void Promise.all([api.getArticleEntities({ articleId: view.article.id }), api.listEntities()]).then(([of, all]) => {
      if (!live) return
      setState({
        view,
        value: {
          entities: of.ok ? of.value : [],
          summaries: new Map(all.ok ? all.value.map((e) => [e.id, e]) : []),
          failure: of.ok ? (all.ok ? null : all.error) : of.error,
        },
      })
    })
    return () => {
      live = false
    }
  }, [view])
  if (!view || !state) return NONE
  // The previous answer stays while the same article's new view is asked about.
  return state.view.article.id === view.article.id ? state.value : NONE
}
