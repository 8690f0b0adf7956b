/**
 * The timeline of publication dates (decision 68): the notebook's articles on their
 * publication days in lanes by outlet, filtered by the tags of their passages and a date
 * range, with those left off and why. The app's Timeline view (timeline-service.ts, mode
 * `published`) and `dossier timeline --by-publication` (src/cli) both read it here.
 */
import type { TimelineArticle } from '../../core/api-timeline'
import { dateArticles, outletLanes, type UndatedArticle } from '../../core/timeline/articles'
import { filterPassages, type Lane } from '../../core/timeline/passages'
import type { NotebookSession } from '../notebook-session'
import { figureFilter, type FigureRequest } from './figures'

export interface ArticleTimeline {
  lanes: (Lane & { count: number })[]
  articles: TimelineArticle[]
  undated: UndatedArticle[]
  highlightCount: number
  articleCount: number
}

export async function articleTimeline(session: NotebookSession, request: FigureRequest): Promise<ArticleTimeline> {
  const filter = figureFilter(request)
  const highlights = await session.store.allHighlights()
  session.store.assertNoneSkipped()
  const placed = dateArticles(session.store.articles, highlights)
  const shown = filterPassages(placed.dated, filter)
  const tagged = filter.tagIds && filter.tagIds.length > 0 ? new Set<string>(filter.tagIds) : null
  const { lanes, lanesOf } = outletLanes(shown)
  const articles = shown.map((a): TimelineArticle => ({ ...a, lanes: lanesOf(a) }))
  return {
    lanes: lanes.map((l) => ({ ...l, count: articles.filter((a) => a.lanes.includes(l.key)).length })),
    articles,
    undated: placed.undated.filter((u) => !tagged || u.tagIds.some((t) => tagged.has(t))),
    highlightCount: highlights.length,
    articleCount: session.store.articles.length,
  }
}
