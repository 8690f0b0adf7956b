/**
 * Sorting the library table by one column. Missing values (no outlet, no date) sort
 * last in both directions, so reversing a column never buries the dated articles under
 * the undated ones. Ties keep the order the articles came in (Array.prototype.sort is stable).
 */
import type { ArticleSummary } from '../../../core/api'

export type SortKey = 'title' | 'outlet' | 'published' | 'words' | 'highlights' | 'flags' | 'rewrites'
export type SortDirection = 'ascending' | 'descending'

export interface SortState {
  key: SortKey
  direction: SortDirection
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

type Value = string | number | null

function valueOf(article: ArticleSummary, key: SortKey): Value {
  switch (key) {
    case 'title':
      return article.title
    case 'outlet':
      return article.outlet?.trim() || null
    case 'published':
      return article.published?.trim() || null
    case 'words':
      return article.wordCount
    case 'highlights':
      return article.highlightCount
    case 'flags':
      return article.flags.length
    case 'rewrites':
      return article.rewrites.length
  }
}

function compareValues(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  // Dates are `YYYY-MM-DD` or ISO date-times: plain string order is date order.
  return collator.compare(String(a), String(b))
}

export function sortArticles(articles: readonly ArticleSummary[], sort: SortState): ArticleSummary[] {
  const sign = sort.direction === 'ascending' ? 1 : -1
  const useCollator = sort.key !== 'published'
  return [...articles].sort((x, y) => {
    const a = valueOf(x, sort.key)
    const b = valueOf(y, sort.key)
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
    if (!useCollator) return sign * (a < b ? -1 : a > b ? 1 : 0)
    return sign * compareValues(a, b)
  })
}

/** Clicking a header: a new column starts in its natural direction, the same column flips. */
export function nextSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  const numeric = key !== 'title' && key !== 'outlet'
  // Newest, longest, most highlighted first feels natural for numbers and dates.
  return { key, direction: numeric ? 'descending' : 'ascending' }
}
