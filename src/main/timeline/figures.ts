/**
 * The timeline and the map of a notebook (issue 15), for the CLI now and the app and
 * briefings later: every highlight with its event date (decided or suggested), the
 * figure's filters (tags, a date range), lanes by tag or entity, the layout, the map's
 * places, the numbered sources, and the SVG of each.
 */
import type { TagId } from '../../core/ids'
import { buildMatcher, type Entity } from '../../core/entities'
import { DossierError } from '../../core/result'
import { parseEventDateInput } from '../../core/timeline/event-date'
import { layoutTimeline, type TimelineLayout } from '../../core/timeline/layout'
import { filterMapPassages, placesOnMap, type MapPassage, type MapPlace } from '../../core/timeline/map'
import { mapSvg } from '../../core/timeline/map-svg'
import { datePassages, entityLanes, filterPassages, numberSources, tagLanes, type ArticleRef, type DatedPassage, type Lane, type NumberedSource, type PassageFilter, type UndatedPassage } from '../../core/timeline/passages'
import { timelinePlotWidth, timelineSvg } from '../../core/timeline/timeline-svg'
import type { NotebookSession } from '../notebook-session'
import { loadBasemap } from './basemap'
import { loadSuggester } from './event-dates'

export interface FigureRequest {
  tagIds?: TagId[]
  /** A day, month or year (`2025-01-21`, `2025-01`, `2025`): from its first day. */
  from?: string
  /** A day, month or year: to its last day. */
  to?: string
}

export interface TimelineRequest extends FigureRequest {
  by?: 'tag' | 'entity'
  width?: number
  title?: string
}

export interface TimelineFigure {
  by: 'tag' | 'entity'
  passages: DatedPassage[]
  undated: UndatedPassage[]
  lanes: Lane[]
  lanesOf: (p: DatedPassage) => string[]
  layout: TimelineLayout
  sources: NumberedSource[]
  svg(): string
}

export interface MapFigure {
  places: MapPlace[]
  passageCount: number
  sources: NumberedSource[]
  svg(): Promise<string>
}

/** The filter a request states, its dates checked (one line naming what is wrong). */
export function figureFilter(request: FigureRequest): PassageFilter {
  const read = (value: string | undefined, which: 'from' | 'to') => {
    if (value === undefined) return undefined
    const parsed = parseEventDateInput(value)
    if (!parsed.ok) throw new DossierError('bad-request', `--${which}: ${parsed.message}`)
    return which === 'from' ? parsed.value.start : parsed.value.end
  }
  const from = read(request.from, 'from')
  const to = read(request.to, 'to')
  if (from && to && to < from) throw new DossierError('bad-request', `--to (${to}) is before --from (${from}).`)
  return { tagIds: request.tagIds, from, to }
}

/** Every highlight of the notebook with its event date (decided, else a resolved suggestion), or why it has none. */
export async function notebookPassages(session: NotebookSession) {
  const highlights = await session.store.allHighlights()
  session.store.assertNoneSkipped()
  const articles = new Map<string, ArticleRef>(session.store.articles.map((a) => [a.id, a]))
  const { dated, undated } = datePassages(highlights, articles, await loadSuggester())
  return { highlights, articles, dated, undated }
}

export async function entityMatcher(session: NotebookSession): Promise<{ entities: Entity[]; mentionsIn: (text: string) => { id: string; name: string }[] }> {
  return mentionsMatcher((await session.store.entities()).entities)
}

/** The entities a text names (id and name), by the entities matcher: lanes by entity, and the map's places. */
export function mentionsMatcher(entities: Entity[]): { entities: Entity[]; mentionsIn: (text: string) => { id: string; name: string }[] } {
  const matcher = buildMatcher(entities)
  const names = new Map(entities.map((e) => [e.id as string, e.name]))
  return { entities, mentionsIn: (text) => matcher.findMentions(text).map((m) => ({ id: m.entityId, name: names.get(m.entityId) ?? m.alias })) }
}

export async function buildTimeline(session: NotebookSession, request: TimelineRequest = {}): Promise<TimelineFigure> {
  const filter = figureFilter(request)
  const { articles, dated, undated, highlights } = await notebookPassages(session)
  const passages = filterPassages(dated, filter)
  const tagged = filter.tagIds && filter.tagIds.length > 0 ? new Set<string>(filter.tagIds) : null
  const tagsOf = new Map(highlights.map((h) => [h.id as string, h.tagIds]))
  const undatedShown = tagged ? undated.filter((u) => (tagsOf.get(u.highlightId) ?? []).some((t) => tagged.has(t))) : undated
  const by = request.by ?? 'tag'
  const matcher = by === 'entity' ? await entityMatcher(session) : null
  const lanes = matcher ? entityLanes(passages, (p) => matcher.mentionsIn(p.quote)) : tagLanes(passages, session.store.tags, request.tagIds)
  const width = request.width ?? 1200
  const layout = layoutTimeline(passages, lanes.lanes, lanes.lanesOf, { plotWidth: timelinePlotWidth(width) })
  const sources = numberSources(passages, articles)
  return {
    by,
    passages,
    undated: undatedShown,
    lanes: lanes.lanes,
    lanesOf: lanes.lanesOf,
    layout,
    sources,
    svg: () => timelineSvg(layout, { title: request.title, width, sources, undatedCount: undatedShown.length }),
  }
}

export interface MapRequest extends FigureRequest {
  title?: string
  width?: number
  height?: number
}

/** The places of the notebook's entities with coordinates, sized by the passages (after the filters) naming each. */
export async function buildMap(session: NotebookSession, request: MapRequest = {}): Promise<MapFigure> {
  const filter = figureFilter(request)
  const { articles, dated, highlights } = await notebookPassages(session)
  const dates = new Map(dated.map((p) => [p.highlightId as string, p]))
  const all: MapPassage[] = highlights.map((h) => {
    const d = dates.get(h.id)
    return { highlightId: h.id, articleId: h.articleId, quote: h.target.exact, tagIds: h.tagIds, ...(d ? { start: d.start, end: d.end } : {}) }
  })
  const passages = filterMapPassages(all, filter)
  const { entities, mentionsIn } = await entityMatcher(session)
  const counts = new Map((await session.entities.list()).map((e) => [e.id as string, e.mentions]))
  const places = placesOnMap(entities, passages, (text) => mentionsIn(text).map((m) => m.id), counts)
  const shown = places.flatMap((p) => p.passages)
  const sources = numberSources(shown, articles)
  const tagNames = (request.tagIds ?? []).map((id) => session.store.tags.find((t) => t.id === id)?.name ?? id)
  const subtitle = [tagNames.length > 0 ? `Tags: ${tagNames.join(', ')}` : 'All tags', filter.from || filter.to ? `event dates ${filter.from ?? '…'} to ${filter.to ?? '…'}` : 'any date'].join('; ')
  return {
    places,
    passageCount: new Set(shown.map((p) => p.highlightId)).size,
    sources,
    svg: async () => mapSvg(places, await loadBasemap(), { title: request.title, width: request.width, height: request.height, sources, subtitle }),
  }
}
