/**
 * The passages view's filters and grouping, kept pure so they are tested without a DOM.
 *
 * Text matching folds both sides the way search does (NFD, combining marks removed,
 * lower-cased, dotless ı as i), so "Sohtaoglu" finds "Sohtaoğlu".
 */
import type { PassageSummary } from '../../../core/api'
import type { EntityId } from '../../../core/entities'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'

export type TagMode = 'any' | 'all'

export interface PassageFilter {
  tagIds: TagId[]
  tagMode: TagMode
  /** Exact outlet name, or null for every outlet. */
  outlet: string | null
  articleId: ArticleId | null
  /** Only passages that mention this entity (under any spelling), or null. */
  entityId: EntityId | null
  /** `YYYY-MM-DD` (inclusive) or '' for no bound. */
  from: string
  to: string
  text: string
}

export const EMPTY_FILTER: PassageFilter = { tagIds: [], tagMode: 'any', outlet: null, articleId: null, entityId: null, from: '', to: '', text: '' }

export function isFilterEmpty(filter: PassageFilter): boolean {
  return (
    filter.tagIds.length === 0 &&
    filter.outlet === null &&
    filter.articleId === null &&
    filter.entityId === null &&
    filter.from === '' &&
    filter.to === '' &&
    filter.text.trim() === ''
  )
}

const MARKS = /\p{M}+/gu

/** Case- and diacritic-insensitive form of a text. */
export function foldForFilter(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ı/g, 'i')
}

function matchesTags(tagIds: readonly TagId[], wanted: readonly TagId[], mode: TagMode): boolean {
  if (wanted.length === 0) return true
  return mode === 'all' ? wanted.every((id) => tagIds.includes(id)) : wanted.some((id) => tagIds.includes(id))
}

/** The date part (`YYYY-MM-DD`) of a stored published value, or null. */
function day(published: string | null): string | null {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : null
}

/**
 * Each passage's folded text, made once per passage object (the list from main is kept
 * until it is fetched again), so typing in the filter over 10,000 passages does not fold
 * them all again at every key.
 */
const haystacks = new WeakMap<PassageSummary, string>()
function haystackOf(p: PassageSummary): string {
  let text = haystacks.get(p)
  if (text === undefined) haystacks.set(p, (text = foldForFilter([p.highlight.target.exact, p.highlight.comment, p.articleTitle, p.outlet ?? ''].join('\n'))))
  return text
}

/**
 * The passages the filter keeps. `mentioning` is the set of passages that mention the
 * filter's entity (api.listEntityPassages); with an entity chosen and no set yet, none.
 */
export function filterPassages(passages: readonly PassageSummary[], filter: PassageFilter, mentioning?: ReadonlySet<HighlightId>): PassageSummary[] {
  const words = foldForFilter(filter.text).split(/\s+/).filter(Boolean)
  return passages.filter((p) => {
    if (filter.entityId !== null && !mentioning?.has(p.highlight.id)) return false
    if (!matchesTags(p.highlight.tagIds, filter.tagIds, filter.tagMode)) return false
    if (filter.outlet !== null && p.outlet !== filter.outlet) return false
    if (filter.articleId !== null && p.highlight.articleId !== filter.articleId) return false
    if (filter.from || filter.to) {
      const d = day(p.published)
      if (d === null) return false
      if (filter.from && d < filter.from) return false
      if (filter.to && d > filter.to) return false
    }
    if (words.length > 0) {
      const haystack = haystackOf(p)
      if (!words.every((w) => haystack.includes(w))) return false
    }
    return true
  })
}

export interface PassageGroup {
  /** null: the untagged group. */
  tag: Tag | null
  passages: PassageSummary[]
}

/**
 * Groups passages by tag in codebook order; a passage with several tags is in each of
 * their groups, untagged passages come last. When `onlyTagIds` is non-empty (the tag
 * filter), only those tags get groups. Empty groups are left out. Within a group,
 * passages keep their given order.
 */
export function groupByTag(passages: readonly PassageSummary[], tags: readonly Tag[], onlyTagIds: readonly TagId[] = []): PassageGroup[] {
  const groups: PassageGroup[] = []
  const shown = onlyTagIds.length > 0 ? tags.filter((t) => onlyTagIds.includes(t.id)) : tags
  for (const tag of shown) {
    const items = passages.filter((p) => p.highlight.tagIds.includes(tag.id))
    if (items.length > 0) groups.push({ tag, passages: items })
  }
  const known = new Set(tags.map((t) => t.id))
  // Untagged: no tag at all, or only tags the codebook no longer has.
  const untagged = onlyTagIds.length > 0 ? [] : passages.filter((p) => !p.highlight.tagIds.some((id) => known.has(id)))
  if (untagged.length > 0) groups.push({ tag: null, passages: untagged })
  return groups
}

/** Sorting inside the view: by article date (newest first, undated last), then article title, then position. */
export function sortPassages(passages: readonly PassageSummary[]): PassageSummary[] {
  return [...passages].sort((a, b) => {
    const da = day(a.published) ?? ''
    const db = day(b.published) ?? ''
    if (da !== db) return da < db ? 1 : -1
    if (a.articleTitle !== b.articleTitle) return a.articleTitle.localeCompare(b.articleTitle)
    return a.highlight.target.start - b.highlight.target.start
  })
}

/** The outlets passages come from, sorted, for the outlet filter. */
export function outletOptions(passages: readonly PassageSummary[]): string[] {
  const set = new Set<string>()
  for (const p of passages) if (p.outlet) set.add(p.outlet)
  return [...set].sort((a, b) => a.localeCompare(b))
}

/** The articles passages come from, by title, for the article filter. */
export function articleOptions(passages: readonly PassageSummary[]): { id: ArticleId; title: string }[] {
  const map = new Map<ArticleId, string>()
  for (const p of passages) if (!map.has(p.highlight.articleId)) map.set(p.highlight.articleId, p.articleTitle)
  return [...map].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title))
}
