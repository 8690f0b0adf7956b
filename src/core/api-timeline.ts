/**
 * The timeline part of the API contract (issue 15; notes/timeline.md): event dates of
 * passages in the reader, the timeline and the map of the app's Timeline view.
 * `DossierApi` extends `TimelineApi`, and `TIMELINE_API_METHODS` / `timelineApiArgSchemas`
 * join the contract's method list and argument validators (api.ts, api-schema.ts).
 *
 * The data is sent unlaid: the renderer lays the timeline out (core/timeline/layout.ts)
 * for the width and the zoom it shows, and projects the map (d3-geo) itself. Every change
 * of an event date returns what it replaced (`previous`): `setEventDate` with it undoes.
 */
import { z } from 'zod'
import type { EntityId } from './entities'
import { ArticleIdSchema, HighlightIdSchema, TagIdSchema, type ArticleId, type HighlightId, type TagId } from './ids'
import type { Highlight } from './model'
import type { Result } from './result'
import { EventDateSchema, eventDateProblem, type EventDate, type EventDateSuggestion } from './timeline/event-date'
import type { Basemap } from './timeline/map'
import type { DatedArticle } from './timeline/articles'
import type { DatedPassage, Lane } from './timeline/passages'

/** An event date as stored, checked by the one rule (real days, end not before start). */
export const CheckedEventDateSchema = EventDateSchema.strict().superRefine((d, ctx) => {
  const problem = eventDateProblem(d)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/** What a figure shows: tags (any of them; none: all) and a date range (a day, month or year each end). */
export interface TimelineFilter {
  tagIds?: TagId[]
  /** `2025-01-21`, `2025-01` or `2025`: from its first day. */
  from?: string
  /** `2025-01-21`, `2025-01` or `2025`: to its last day. */
  to?: string
}

/**
 * `event`: passages by their event date, in lanes by tag or entity. `published`: the
 * ARTICLES by their publication date (every dated article, with or without passages), in
 * lanes by outlet: when each outlet reported (decision 68).
 */
export type TimelineMode = 'event' | 'published'

/** A passage on the timeline, with the lanes it goes in (keys of `TimelineData.lanes`). */
export type TimelinePassage = DatedPassage & { lanes: string[] }

/** An article on the timeline of publication dates (core/timeline/articles.ts). */
export type TimelineArticle = DatedArticle & { lanes: string[] }

/** What the chart draws: passages (event dates) or articles (publication dates). */
export type TimelineItem = TimelinePassage | TimelineArticle

export const isTimelinePassage = (item: TimelineItem): item is TimelinePassage => 'highlightId' in item

export interface TimelineSource {
  articleId: ArticleId
  title: string
  outlet: string | null
  published: string | null
}

export interface TimelineData {
  mode: TimelineMode
  /** Lanes by tag or entity (event dates), by outlet (publication dates). */
  by: 'tag' | 'entity' | 'outlet'
  lanes: Lane[]
  /** Mode `event`: the dated passages (else empty). */
  passages: TimelinePassage[]
  /** Mode `published`: the dated articles (else empty). */
  articles: TimelineArticle[]
  /** Passages (mode `event`) or articles (`published`), after the tag filter, with no date in this mode, and the commonest reasons, most frequent first. */
  undated: { count: number; reasons: { reason: string; count: number }[] }
  /** Highlights in the notebook (0: the empty state of event dates says to highlight first). */
  highlightCount: number
  /** Articles in the notebook (0: the empty state of publication dates says to import first). */
  articleCount: number
  /** The articles the passages come from (hover shows the source). */
  sources: TimelineSource[]
}

/** A place of the map: its coordinates, its passages (after the filters) and its mentions in the notebook. */
export interface MapPlaceData {
  entityId: EntityId
  name: string
  lat: number
  lon: number
  passageIds: HighlightId[]
  mentions: number
}

export interface MapPassageData {
  highlightId: HighlightId
  articleId: ArticleId
  quote: string
  start?: string
  end?: string
}

export interface MapData {
  places: MapPlaceData[]
  /** Every passage some place lists, by id order of first mention. */
  passages: MapPassageData[]
  sources: TimelineSource[]
  /** Entities of type place (0: the empty state says to add places). */
  placeEntityCount: number
}

/** The suggestion for one highlight of an article, or null when its quote holds no date phrase. */
export interface EventDateSuggestionRow {
  highlightId: HighlightId
  suggestion: EventDateSuggestion | null
}

/** What a highlight's event date was before a change: a date, cleared (null) or undecided ('auto'). */
export type StoredEventDate = EventDate | null | 'auto'

export interface EventDateChange {
  highlight: Highlight
  /** Pass back to `setEventDate` to undo. */
  previous: StoredEventDate
}

export interface TimelineApi {
  /** Passages placed by event date in lanes by tag or by entity, or articles by publication date in lanes by outlet; filtered. */
  getTimeline(args: TimelineFilter & { mode?: TimelineMode; by?: 'tag' | 'entity' }): Promise<Result<TimelineData>>
  /** Places with coordinates and the passages (after the filters) naming each. */
  getMap(args: TimelineFilter): Promise<Result<MapData>>
  /** The offline basemap (Natural Earth land and borders, GeoJSON), read once. */
  getBasemap(): Promise<Result<Basemap>>
  /** The suggested event date of each highlight of an article (decided ones too: the reader shows where a date came from). */
  listEventDateSuggestions(args: { articleId: ArticleId }): Promise<Result<EventDateSuggestionRow[]>>
  /** Sets (a date), clears (null) or forgets (auto: the suggestion counts again) a highlight's event date. */
  setEventDate(args: { highlightId: HighlightId; eventDate: StoredEventDate }): Promise<Result<EventDateChange>>
  /** Stores the current suggestion as the highlight's event date (refused when there is none, or it is unresolved). */
  acceptEventDateSuggestion(args: { highlightId: HighlightId }): Promise<Result<EventDateChange>>
}

export const TIMELINE_API_METHODS = ['getTimeline', 'getMap', 'getBasemap', 'listEventDateSuggestions', 'setEventDate', 'acceptEventDateSuggestion'] as const satisfies readonly (keyof TimelineApi)[]

type MissingTimelineMethods = Exclude<keyof TimelineApi, (typeof TIMELINE_API_METHODS)[number]>
export const TIMELINE_API_METHODS_COMPLETE: [MissingTimelineMethods] extends [never] ? true : MissingTimelineMethods = true

/** A day, month or year as typed in a filter; its calendar rules are checked in main (figureFilter), with one line naming what is wrong. */
const Period = z.string().max(12)
const Filter = {
  tagIds: z.array(TagIdSchema).max(200).optional(),
  from: Period.optional(),
  to: Period.optional(),
}

export const timelineApiArgSchemas = {
  getTimeline: z.object({ ...Filter, mode: z.enum(['event', 'published']).optional(), by: z.enum(['tag', 'entity']).optional() }).strict(),
  getMap: z.object(Filter).strict(),
  getBasemap: z.undefined(),
  listEventDateSuggestions: z.object({ articleId: ArticleIdSchema }).strict(),
  setEventDate: z.object({ highlightId: HighlightIdSchema, eventDate: z.union([CheckedEventDateSchema, z.null(), z.literal('auto')]) }).strict(),
  acceptEventDateSuggestion: z.object({ highlightId: HighlightIdSchema }).strict(),
} satisfies Record<keyof TimelineApi, z.ZodType>
