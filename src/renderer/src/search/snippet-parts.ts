/**
 * Search result display helpers: a snippet cut into plain and matched pieces (the
 * matched ones are shown in <mark>), the result count line, and the arguments sent to
 * `api.search` from the dialog's filters.
 */
import type { DossierApi } from '../../../core/api'
import type { EntityId } from '../../../core/entities'
import type { TagId } from '../../../core/ids'
import type { Snippet } from '../../../core/search/snippet'
import { plural } from '../plural'

export interface SnippetPart {
  text: string
  match: boolean
}

/**
 * Splits a snippet at its match ranges. Ranges out of bounds, empty or overlapping an
 * earlier one are ignored, so a malformed snippet still shows all of its text once.
 */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const { text } = snippet
  const parts: SnippetPart[] = []
  let at = 0
  const ranges = [...snippet.ranges].sort((a, b) => a[0] - b[0])
  for (const [rawStart, rawEnd] of ranges) {
    if (rawStart < at) continue
    const start = rawStart
    const end = Math.min(rawEnd, text.length)
    if (end <= start) continue
    if (start > at) parts.push({ text: text.slice(at, start), match: false })
    parts.push({ text: text.slice(start, end), match: true })
    at = end
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false })
  return parts
}

/** "12 results", "1 result", "about 12 results" when the total is an estimate. */
export function resultCountLabel(total: number, exact: boolean): string {
  const label = plural(total, 'result')
  return exact || total === 0 ? label : `about ${label}`
}

export interface SearchDialogFilters {
  tagIds: TagId[]
  outlet: string | null
  /** `YYYY-MM-DD` or ''. */
  from: string
  to: string
  /** Also search page furniture (SearchOptions.includeFurniture). */
  includeFurniture?: boolean
  /** Only the spelling typed: words naming an entity are not searched as its other spellings. */
  exact?: boolean
  /** Only articles (and their highlights) that mention this entity. */
  entityId?: EntityId | null
}

export const NO_SEARCH_FILTERS: SearchDialogFilters = { tagIds: [], outlet: null, from: '', to: '' }

export type SearchArgs = Parameters<DossierApi['search']>[0]

export const SEARCH_LIMIT = 50

/** The `api.search` arguments for a query and the dialog's filters (empty filters left out). */
export function searchArgs(query: string, filters: SearchDialogFilters): SearchArgs {
  const args: SearchArgs = { query: query.trim(), limit: SEARCH_LIMIT }
  if (filters.tagIds.length > 0) {
    args.tagIds = filters.tagIds
    args.tagMode = 'any'
  }
  if (filters.outlet !== null) args.outlets = [filters.outlet]
  if (filters.from) args.from = filters.from
  if (filters.to) args.to = filters.to
  if (filters.includeFurniture === true) args.includeFurniture = true
  if (filters.exact === true) args.exact = true
  if (filters.entityId) args.entityId = filters.entityId
  return args
}

/** The distinct outlets of the notebook's articles, sorted, for the outlet filter. */
export function outletsOf(articles: readonly { outlet: string | null }[]): string[] {
  return [...new Set(articles.flatMap((a) => (a.outlet ? [a.outlet] : [])))].sort((a, b) => a.localeCompare(b))
}
