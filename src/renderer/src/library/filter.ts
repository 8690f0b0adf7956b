/**
 * Filtering the library table: free text over title, outlet and author (case- and
 * diacritic-insensitive, every word must match), one outlet, a date range, and damage flags.
 */
import type { ArticleSummary } from '../../../core/api'
import type { ArticleFlag } from '../../../core/model'

/** 'needs-details': articles without an outlet or a date (notes/sourcing.md). */
export type FlagFilter = '' | 'any' | 'needs-details' | ArticleFlag['kind']

export interface LibraryFilter {
  text: string
  /** '' for every outlet. */
  outlet: string
  /** `YYYY-MM-DD` bounds, inclusive; '' for open. */
  from: string
  to: string
  flag: FlagFilter
}

export const NO_FILTER: LibraryFilter = { text: '', outlet: '', from: '', to: '', flag: '' }

/** Lower case without diacritics: "Şam" and "sam", "Élysée" and "elysee" match. */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en')
}

export function isFiltering(filter: LibraryFilter): boolean {
  return filter.text.trim() !== '' || filter.outlet !== '' || filter.from !== '' || filter.to !== '' || filter.flag !== ''
}

/**
 * What an article still lacks for a citation: an outlet (neither in its metadata nor linked
 * by the analyst, `hasOutlet`) or a date. Empty when it has both.
 */
export function missingDetails(article: Pick<ArticleSummary, 'outlet' | 'published'>, hasOutlet: boolean): ('outlet' | 'date')[] {
  const missing: ('outlet' | 'date')[] = []
  if (!article.outlet?.trim() && !hasOutlet) missing.push('outlet')
  if (!article.published) missing.push('date')
  return missing
}

/** `linked`: articles with a known outlet (linked by the analyst or matched by web address), so they have one even without the metadata. */
export function matchesFilter(article: ArticleSummary, filter: LibraryFilter, linked: ReadonlySet<string> = new Set()): boolean {
  const words = foldText(filter.text).split(/\s+/).filter(Boolean)
  if (words.length > 0) {
    const haystack = foldText([article.title, article.outlet ?? '', article.author ?? ''].join(' '))
    if (!words.every((w) => haystack.includes(w))) return false
  }
  if (filter.outlet && (article.outlet ?? '') !== filter.outlet) return false
  if (filter.from || filter.to) {
    const day = article.published?.slice(0, 10)
    if (!day) return false
    if (filter.from && day < filter.from) return false
    if (filter.to && day > filter.to) return false
  }
  if (filter.flag === 'any' && article.flags.length === 0) return false
  if (filter.flag === 'needs-details') return missingDetails(article, linked.has(article.id)).length > 0
  if (filter.flag && filter.flag !== 'any' && !article.flags.some((f) => f.kind === filter.flag)) return false
  return true
}

export function filterArticles(articles: readonly ArticleSummary[], filter: LibraryFilter, linked?: ReadonlySet<string>): ArticleSummary[] {
  return articles.filter((a) => matchesFilter(a, filter, linked))
}

/** The outlets to offer in the outlet select, each once, in alphabetical order. */
export function outletsOf(articles: readonly ArticleSummary[]): string[] {
  const outlets = new Set<string>()
  for (const a of articles) if (a.outlet) outlets.add(a.outlet)
  return [...outlets].sort((a, b) => a.localeCompare(b))
}

/** The flag kinds present in the library, to offer in the flag select. */
export function flagKindsOf(articles: readonly ArticleSummary[]): ArticleFlag['kind'][] {
  const kinds = new Set<ArticleFlag['kind']>()
  for (const a of articles) for (const f of a.flags) kinds.add(f.kind)
  return [...kinds].sort()
}
