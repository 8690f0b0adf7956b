/**
 * Sorting the passages table by one column (components/passages/PassagesTable.tsx).
 * Missing values (no comment, no outlet, no date, no grade) sort last in both directions,
 * as in the library table; ties keep the order the passages came in (stable sort). Each
 * passage's key is computed once, so 10,000 rows sort without re-reading them per compare.
 */
import type { PassageSummary } from '../../../core/api'
import type { Tag } from '../../../core/model'
import type { SortDirection } from '../library/sort'

export type PassageSortKey = 'quote' | 'tags' | 'comment' | 'outlet' | 'published' | 'event' | 'grade'

export interface PassageSort {
  key: PassageSortKey
  direction: SortDirection
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

function keyOf(p: PassageSummary, key: PassageSortKey, tagNames: ReadonlyMap<string, string>): string | number | null {
  const h = p.highlight
  switch (key) {
    case 'quote':
      return h.target.exact.trim()
    case 'tags':
      return h.tagIds.flatMap((id) => tagNames.get(id) ?? []).join(', ') || null
    case 'comment':
      return h.comment.trim() || null
    case 'outlet':
      return p.outlet?.trim() || null
    case 'published':
      return p.published?.slice(0, 10) || null
    case 'event':
      return h.eventDate?.start ?? null
    case 'grade':
      return h.credibility ?? null
  }
}

/** Dates and grades compare as plain strings and numbers; text through the collator. */
export function sortPassageRows(passages: readonly PassageSummary[], sort: PassageSort, tags: readonly Tag[]): PassageSummary[] {
  const tagNames = new Map(tags.map((t) => [t.id as string, t.name]))
  const sign = sort.direction === 'ascending' ? 1 : -1
  const text = sort.key !== 'published' && sort.key !== 'event' && sort.key !== 'grade'
  const keyed = passages.map((p) => ({ p, k: keyOf(p, sort.key, tagNames) }))
  keyed.sort((x, y) => {
    const a = x.k
    const b = y.k
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
    if (text) return sign * collator.compare(String(a), String(b))
    return sign * (a < b ? -1 : a > b ? 1 : 0)
  })
  return keyed.map((k) => k.p)
}

/** A header click: a new column starts ascending (dates newest first), the same one flips. */
export function nextPassageSort(current: PassageSort | null, key: PassageSortKey): PassageSort {
  if (current?.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
  return { key, direction: key === 'published' || key === 'event' ? 'descending' : 'ascending' }
}
