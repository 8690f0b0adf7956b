/**
 * The service methods of the timeline API (src/core/api-timeline.ts) on the open notebook:
 * the Timeline view's data (passages by event date, or articles by publication date, in lanes), its map
 * (places with coordinates), the offline basemap, and the reader's event dates. Filters
 * are read by figures.ts' `figureFilter`, as the CLI reads them.
 */
import type { MapData, TimelineApi, TimelineData, TimelinePassage, TimelineSource } from '../../core/api-timeline'
import type { ArticleId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { DossierError } from '../../core/result'
import { entityLanes, filterPassages, tagLanes, type ArticleRef } from '../../core/timeline/passages'
import type { NotebookSession } from '../notebook-session'
import { articleTimeline } from './article-timeline'
import { loadBasemap } from './basemap'
import { eventDateChangeFor, loadSuggester } from './event-dates'
import { buildMap, entityMatcher, figureFilter, notebookPassages } from './figures'

type TimelineService = {
  [K in keyof TimelineApi]: TimelineApi[K] extends (...args: infer P) => Promise<{ ok: true; value: infer R } | { ok: false }> ? (...args: P) => Promise<R> : never
}

export function createTimelineService(session: () => NotebookSession): TimelineService {
  const change = async (highlightId: Highlight['id'], next: (h: Highlight) => Promise<Highlight['eventDate'] | 'auto'>) => {
    const notebook = session()
    const before = await notebook.getHighlight(highlightId)
    const eventDate = await next(before)
    const highlight = await notebook.updateHighlight({ highlightId, eventDate })
    return { highlight, previous: before.eventDate === undefined ? ('auto' as const) : before.eventDate }
  }
  return {
    getTimeline: (request) => timelineData(session(), request),
    getMap: (request) => mapData(session(), request),
    getBasemap: () => loadBasemap(),
    async listEventDateSuggestions({ articleId }) {
      const notebook = session()
      const article = notebook.store.article(articleId)
      if (article === undefined) throw new DossierError('not-found', 'That article is not in this notebook any more.')
      const suggest = await loadSuggester()
      return (await notebook.store.loadHighlights(articleId)).map((h) => ({ highlightId: h.id, suggestion: suggest(h.target.exact, article.published) }))
    },
    setEventDate: ({ highlightId, eventDate }) => change(highlightId, async () => eventDate),
    acceptEventDateSuggestion: ({ highlightId }) => change(highlightId, (h) => eventDateChangeFor(session().store, h, 'accept')),
  }
}

async function timelineData(session: NotebookSession, request: Parameters<TimelineApi['getTimeline']>[0]): Promise<TimelineData> {
  const filter = figureFilter(request)
  const mode = request.mode ?? 'event'
  if (mode === 'published') {
    // The articles themselves, on their publication days, in lanes by outlet (decision 68).
    const timeline = await articleTimeline(session, request)
    return {
      mode,
      by: 'outlet',
      lanes: timeline.lanes.map(({ key, label, color }) => ({ key, label, color })),
      passages: [],
      articles: timeline.articles,
      undated: undatedSummary(timeline.undated),
      highlightCount: timeline.highlightCount,
      articleCount: timeline.articleCount,
      sources: sourcesOf(timeline.articles, new Map(session.store.articles.map((a) => [a.id as string, a]))),
    }
  }
  const { highlights, articles, dated, undated } = await notebookPassages(session)
  const tagged = filter.tagIds && filter.tagIds.length > 0 ? new Set<string>(filter.tagIds) : null
  const shownTags = (h: Pick<Highlight, 'tagIds'>) => !tagged || h.tagIds.some((t) => tagged.has(t))
  const by = request.by ?? 'tag'
  const passages = filterPassages(dated, filter)
  const tagsOf = new Map(highlights.map((h) => [h.id as string, h]))
  const undatedShown = undated.filter((u) => shownTags(tagsOf.get(u.highlightId) ?? { tagIds: [] }))
  const matcher = by === 'entity' ? await entityMatcher(session) : null
  const lanes = matcher ? entityLanes(passages, (p) => matcher.mentionsIn(p.quote)) : tagLanes(passages, session.store.tags, filter.tagIds)
  return {
    mode,
    by,
    lanes: lanes.lanes,
    passages: passages.map((p): TimelinePassage => ({ ...p, lanes: lanes.lanesOf(p) })),
    articles: [],
    undated: undatedSummary(undatedShown),
    highlightCount: highlights.length,
    articleCount: session.store.articles.length,
    sources: sourcesOf(passages, articles),
  }
}

/** How many were left off, and the commonest reasons first. */
function undatedSummary(undated: readonly { reason: string }[]): TimelineData['undated'] {
  const reasons = new Map<string, number>()
  for (const u of undated) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1)
  return { count: undated.length, reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count) }
}

function sourcesOf(passages: readonly { articleId: ArticleId }[], articles: ReadonlyMap<string, ArticleRef>): TimelineSource[] {
  const ids = new Set(passages.map((p) => p.articleId))
  return [...ids].flatMap((id) => {
    const a = articles.get(id)
    return a ? [{ articleId: a.id, title: a.title, outlet: a.outlet, published: a.published }] : []
  })
}

async function mapData(session: NotebookSession, request: Parameters<TimelineApi['getMap']>[0]): Promise<MapData> {
  const figure = await buildMap(session, request)
  const passages = new Map(figure.places.flatMap((place) => place.passages.map((p) => [p.highlightId as string, p] as const)))
  const articles = new Map<string, ArticleRef>(session.store.articles.map((a) => [a.id, a]))
  const entities = (await session.store.entities()).entities
  return {
    places: figure.places.map((place) => ({
      entityId: place.entityId as MapData['places'][number]['entityId'],
      name: place.name,
      lat: place.lat,
      lon: place.lon,
      passageIds: place.passages.map((p) => p.highlightId),
      mentions: place.mentions ?? 0,
    })),
    passages: [...passages.values()].map((p) => ({ highlightId: p.highlightId, articleId: p.articleId, quote: p.quote, ...(p.start && p.end ? { start: p.start, end: p.end } : {}) })),
    sources: sourcesOf([...passages.values()], articles),
    placeEntityCount: entities.filter((e) => e.type === 'place').length,
  }
}
