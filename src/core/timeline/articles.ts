/**
 * The timeline of publication dates (issue 15: "publication-date mode for articles",
 * decision 68): every article with a publication date is one item on its publication day,
 * whether or not it has passages, in lanes by outlet (when each outlet reported). An
 * article carries the tags of its passages, so the timeline's tag filter keeps the
 * articles with a passage so tagged (filterPassages in passages.ts works on both).
 * Pure, like passages.ts.
 */
import type { ArticleId, TagId } from '../ids'
import type { Highlight } from '../model'
import { publicationDay } from './event-date'
import { ENTITY_COLOURS, type ArticleRef, type Lane } from './passages'

/** Why an article is left off the publication-date timeline when it has no date at all (the legend's count already says so). */
export const NO_PUBLICATION_DATE = 'it has no publication date'

/** An article on its publication day. */
export interface DatedArticle {
  articleId: ArticleId
  title: string
  outlet: string | null
  start: string
  end: string
  precision: 'day'
  /** The tags of its passages, each once, in order of first use. */
  tagIds: TagId[]
  passageCount: number
}

/** An article left off, and why. */
export interface UndatedArticle {
  articleId: ArticleId
  tagIds: TagId[]
  reason: string
}

/** Each article on its publication day (articles in the order given), or why it has none. */
export function dateArticles(articles: readonly ArticleRef[], highlights: readonly Pick<Highlight, 'articleId' | 'tagIds'>[]): { dated: DatedArticle[]; undated: UndatedArticle[] } {
  const passages = new Map<string, { tags: Set<TagId>; count: number }>()
  for (const h of highlights) {
    const seen = passages.get(h.articleId) ?? { tags: new Set<TagId>(), count: 0 }
    seen.count++
    for (const t of h.tagIds) seen.tags.add(t)
    passages.set(h.articleId, seen)
  }
  const dated: DatedArticle[] = []
  const undated: UndatedArticle[] = []
  for (const a of articles) {
    const mine = passages.get(a.id)
    const tagIds = mine ? [...mine.tags] : []
    const day = publicationDay(a.published)
    if (day === null) {
      undated.push({ articleId: a.id, tagIds, reason: a.published ? `its publication date (${a.published}) is not a calendar day` : NO_PUBLICATION_DATE })
      continue
    }
    dated.push({ articleId: a.id, title: a.title, outlet: cleanOutlet(a.outlet), start: day, end: day, precision: 'day', tagIds, passageCount: mine?.count ?? 0 })
  }
  return { dated, undated }
}

const cleanOutlet = (outlet: string | null | undefined) => outlet?.replace(/\s+/g, ' ').trim() || null

export const NO_OUTLET_LANE: Lane = { key: 'no-outlet', label: 'No outlet', color: '#777777' }
export const OTHER_OUTLETS_LANE: Lane = { key: 'other-outlets', label: 'Other outlets', color: '#999999' }

/** Lanes of one outlet each at most; more outlets than this share "Other outlets". */
export const MAX_OUTLET_LANES = 12

/**
 * Lanes by outlet: the outlets with most articles first (then by name), up to
 * MAX_OUTLET_LANES, then "Other outlets" and "No outlet" when some article needs them.
 * Outlets are told apart by their name, ignoring case and spacing.
 */
export function outletLanes(articles: readonly Pick<DatedArticle, 'outlet'>[]): { lanes: Lane[]; lanesOf: (a: Pick<DatedArticle, 'outlet'>) => string[] } {
  const counts = new Map<string, { label: string; count: number }>()
  for (const a of articles) {
    if (a.outlet === null) continue
    const key = outletKey(a.outlet)
    const seen = counts.get(key) ?? { label: a.outlet, count: 0 }
    seen.count++
    counts.set(key, seen)
  }
  const order = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || a[1].label.localeCompare(b[1].label))
  const own = new Set(order.slice(0, MAX_OUTLET_LANES).map(([key]) => key))
  const lanes: Lane[] = order.slice(0, MAX_OUTLET_LANES).map(([key, o], i) => ({ key, label: o.label, color: ENTITY_COLOURS[i % ENTITY_COLOURS.length]! }))
  const lanesOf = (a: Pick<DatedArticle, 'outlet'>) => {
    if (a.outlet === null) return [NO_OUTLET_LANE.key]
    const key = outletKey(a.outlet)
    return [own.has(key) ? key : OTHER_OUTLETS_LANE.key]
  }
  if (order.length > MAX_OUTLET_LANES) lanes.push(OTHER_OUTLETS_LANE)
  if (articles.some((a) => a.outlet === null)) lanes.push(NO_OUTLET_LANE)
  return { lanes, lanesOf }
}

/** Lane key of an outlet: prefixed, so no outlet name can take a fixed lane's key. */
const outletKey = (outlet: string) => `outlet:${outlet.toLocaleLowerCase('en')}`
