/**
 * Display strings for article metadata: the library's "outlet · date · words ·
 * highlights" line, the excerpt a highlight shows in the side panel, and the reader
 * header's damage flags and rewrite links.
 */
import type { ArticleSummary } from '../../core/api'
import type { ArticleFlag, RewriteLink } from '../../core/model'
import { FLAG_NAMES, REWRITE_WORDS } from '../../core/article-labels'
import { formatCitationDate } from '../../core/dates'
import { plural } from './plural'

/** Parts of the library line; missing metadata is left out rather than shown as blank. */
export function libraryMetaParts(article: ArticleSummary): string[] {
  const parts: string[] = []
  if (article.outlet) parts.push(article.outlet)
  const date = formatCitationDate(article.published)
  if (date) parts.push(date)
  parts.push(plural(article.wordCount, 'word'))
  parts.push(plural(article.highlightCount, 'highlight'))
  return parts
}

/** A published value for the reader: the citation date, plus the time when one is stored. */
export function formatPublished(published: string | null): string | null {
  if (!published) return null
  const date = formatCitationDate(published)
  const time = /T(\d{2}:\d{2})/.exec(published)
  return time ? `${date}, ${time[1]}` : date
}

/** One-line excerpt of a quote: whitespace collapsed, cut at a word near `max` chars. */
export function excerpt(quote: string, max = 160): string {
  const flat = quote.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/** "Replacement characters (3)": a damage flag's name, with its count when it has one. */
export function flagLabel(flag: ArticleFlag): string {
  const name = FLAG_NAMES[flag.kind] ?? flag.kind
  return flag.count !== undefined ? `${name} (${flag.count})` : name
}

/** "Likely rewrite of <title> (82%)". */
export function rewriteLabel(link: RewriteLink & { title: string }): string {
  return `${REWRITE_WORDS[link.kind] ?? 'Related to'} ${link.title} (${Math.round(link.score * 100)}%)`
}
