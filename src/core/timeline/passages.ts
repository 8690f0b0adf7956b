/**
 * Which passages a timeline or map shows, and when: each highlight's effective event date
 * (the analyst's decision, else a resolved suggestion: event-date.ts), the filters (tags,
 * a date range), the lanes a passage goes in (its tags, or the entities its quote
 * mentions), and the numbers of the sources (articles), in order of their first passage on
 * the timeline, as a figure's legend cites them. Pure: the suggester is passed in, so this
 * module does not load chrono-node.
 */
import type { ArticleId, HighlightId, TagId } from '../ids'
import type { Article, Highlight, Tag } from '../model'
import { effectiveEventDate, isUnresolved, type EventDateSuggestion, type EventPrecision } from './event-date'

export type Suggester = (text: string, published: string | null) => EventDateSuggestion | null

/** A passage with its event date. */
export interface DatedPassage {
  highlightId: HighlightId
  articleId: ArticleId
  quote: string
  tagIds: TagId[]
  start: string
  end: string
  precision: EventPrecision
  phrase?: string
  /** 'suggested' (the suggestion, accepted or not) or 'analyst' (typed). */
  dateSource: 'suggested' | 'analyst'
  /** Whether the analyst decided (a stored date) or the suggestion counts by default. */
  decided: boolean
}

/** A passage left off the timeline, and why. */
export interface UndatedPassage {
  highlightId: HighlightId
  articleId: ArticleId
  reason: string
}

export type ArticleRef = Pick<Article, 'id' | 'title' | 'outlet' | 'published'>

/** Every highlight's event date, or why it has none. */
export function datePassages(highlights: readonly Highlight[], articles: ReadonlyMap<string, ArticleRef>, suggest: Suggester): { dated: DatedPassage[]; undated: UndatedPassage[] } {
  const dated: DatedPassage[] = []
  const undated: UndatedPassage[] = []
  for (const h of highlights) {
    const published = articles.get(h.articleId)?.published ?? null
    const suggestion = h.eventDate === undefined ? suggest(h.target.exact, published) : null
    const date = effectiveEventDate(h.eventDate, suggestion)
    if (!date) {
      const reason = h.eventDate === null ? 'the analyst cleared its event date' : suggestion && isUnresolved(suggestion) ? suggestion.reason : 'its text holds no date phrase'
      undated.push({ highlightId: h.id, articleId: h.articleId, reason })
      continue
    }
    dated.push({
      highlightId: h.id,
      articleId: h.articleId,
      quote: h.target.exact,
      tagIds: h.tagIds,
      start: date.start,
      end: date.end,
      precision: date.precision,
      ...(date.phrase === undefined ? {} : { phrase: date.phrase }),
      dateSource: date.source,
      decided: h.eventDate !== undefined,
    })
  }
  return { dated, undated }
}

export interface PassageFilter {
  /** Keep passages carrying any of these tags (none given: all). */
  tagIds?: readonly TagId[]
  /** Keep passages whose period overlaps from..to (days, inclusive). */
  from?: string
  to?: string
}

export function filterPassages<P extends Pick<DatedPassage, 'tagIds' | 'start' | 'end'>>(passages: readonly P[], filter: PassageFilter): P[] {
  const tags = filter.tagIds && filter.tagIds.length > 0 ? new Set(filter.tagIds) : null
  return passages.filter((p) => (!tags || p.tagIds.some((t) => tags.has(t))) && (!filter.from || p.end >= filter.from) && (!filter.to || p.start <= filter.to))
}

/** A lane of the timeline: a tag, an entity, or the passages with neither. */
export interface Lane {
  key: string
  label: string
  color: string
}

export const UNTAGGED_LANE: Lane = { key: 'untagged', label: 'Untagged', color: '#777777' }
export const NO_ENTITY_LANE: Lane = { key: 'no-entity', label: 'No entity named', color: '#777777' }

/** Lanes by tag: the chosen tags (else every tag with a passage) in codebook order, then Untagged if any passage has no tag shown. */
export function tagLanes(passages: readonly Pick<DatedPassage, 'tagIds'>[], tags: readonly Tag[], chosen?: readonly TagId[]): { lanes: Lane[]; lanesOf: (p: Pick<DatedPassage, 'tagIds'>) => string[] } {
  const used = new Set(passages.flatMap((p) => p.tagIds))
  const shown = chosen && chosen.length > 0 ? chosen.map((id) => tags.find((t) => t.id === id)).filter((t): t is Tag => t !== undefined) : tags.filter((t) => used.has(t.id))
  const keys = new Set<string>(shown.map((t) => t.id))
  const lanesOf = (p: Pick<DatedPassage, 'tagIds'>) => {
    const mine = p.tagIds.filter((t) => keys.has(t))
    return mine.length > 0 ? mine : [UNTAGGED_LANE.key]
  }
  const lanes: Lane[] = shown.map((t) => ({ key: t.id, label: t.name, color: t.color }))
  if (passages.some((p) => lanesOf(p)[0] === UNTAGGED_LANE.key)) lanes.push(UNTAGGED_LANE)
  return { lanes, lanesOf }
}

/** Okabe-Ito colours for entity (and outlet: articles.ts) lanes, in turn. */
export const ENTITY_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const

/**
 * Lanes by entity: each entity a passage's quote names (`mentionsOf` gives their ids and
 * names), most passages first; passages naming none go in "No entity named".
 */
export function entityLanes<P extends { highlightId: string }>(passages: readonly P[], mentionsOf: (p: P) => { id: string; name: string }[]): { lanes: Lane[]; lanesOf: (p: P) => string[] } {
  const named = new Map<string, { name: string; count: number }>()
  const byPassage = new Map<string, string[]>()
  for (const p of passages) {
    const ids: string[] = []
    for (const e of mentionsOf(p)) {
      if (ids.includes(e.id)) continue
      ids.push(e.id)
      const seen = named.get(e.id) ?? { name: e.name, count: 0 }
      seen.count++
      named.set(e.id, seen)
    }
    byPassage.set(p.highlightId, ids)
  }
  const order = [...named.entries()].sort((a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name))
  const lanes: Lane[] = order.map(([id, e], i) => ({ key: id, label: e.name, color: ENTITY_COLOURS[i % ENTITY_COLOURS.length]! }))
  const lanesOf = (p: P) => {
    const ids = byPassage.get(p.highlightId) ?? []
    return ids.length > 0 ? ids : [NO_ENTITY_LANE.key]
  }
  if (passages.some((p) => (byPassage.get(p.highlightId) ?? []).length === 0)) lanes.push(NO_ENTITY_LANE)
  return { lanes, lanesOf }
}

/** A numbered source of a figure's legend. */
export interface NumberedSource {
  number: number
  articleId: ArticleId
  title: string
  outlet: string | null
  published: string | null
}

/** Sources numbered 1.. in order of their earliest passage (then title; undated last), each article once. */
export function numberSources(passages: readonly { articleId: ArticleId; start?: string }[], articles: ReadonlyMap<string, ArticleRef>): NumberedSource[] {
  const first = new Map<string, string>()
  for (const p of passages) {
    // Undated passages (on a map) count after every dated one.
    const start = p.start ?? '~'
    const seen = first.get(p.articleId)
    if (seen === undefined || start < seen) first.set(p.articleId, start)
  }
  const ids = [...first.keys()].filter((id) => articles.has(id))
  ids.sort((a, b) => compare(first.get(a)!, first.get(b)!) || articles.get(a)!.title.localeCompare(articles.get(b)!.title) || a.localeCompare(b))
  return ids.map((id, i) => {
    const a = articles.get(id)!
    return { number: i + 1, articleId: a.id, title: a.title, outlet: a.outlet, published: a.published }
  })
}

/** Code-unit order: days sort as strings, and '~' (undated) after every day, which localeCompare would not do. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
