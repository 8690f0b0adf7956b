/**
 * W3C Web Annotation import (see ./w3c): which of this notebook's articles an annotation's
 * `target.source` names. Built once per import (Maps over the catalog), so each distinct
 * source costs a few lookups, never a scan of every article:
 *
 * 1. the URL: exactly as stored, else by the same page spelled differently (scheme and host
 *    in any case, no fragment, no trailing slash);
 * 2. `urn:sha256:<hex>`: the hash of the stored, normalised text (`bodyHash`, what Dossier
 *    exports), or of the original file as imported (`source.originalHash`, for a producer
 *    that hashed the file it was given);
 * 3. failing both (a URL this notebook does not have, or the hash of a copy with other line
 *    ends, another Unicode form or a byte order mark), the annotations' quotes: see
 *    `placeSourcesByQuotes`. A hash only proves identity of exact bytes and cannot be
 *    recomputed from another copy, while quotes normalised as the stored text is (./w3c-parse)
 *    survive any such re-encoding.
 */
import type { Article } from '../model'
import { quoteSearch } from './quote-search'
import type { ParsedW3cAnnotation } from './w3c-parse'

const SHA256_URN = /^urn:sha256:([0-9a-f]{64})$/i

/** Quotes of one source used as evidence, longest first. */
const PROBE_QUOTES = 3
/** Evidence needed to name an article from quotes alone: this many characters of quote, all found in that one article. */
const MIN_PROBE_CHARS = 40

export interface SourceIndex {
  /** The articles a source names by URL or hash (usually one; several when copies share a URL). */
  resolve(source: string): readonly Article[]
}

export function indexSources(articles: readonly Article[]): SourceIndex {
  const byUrl = new Map<string, Article[]>()
  const byUrlKey = new Map<string, Article[]>()
  const byHash = new Map<string, Article[]>()
  const add = (map: Map<string, Article[]>, key: string | null, article: Article) => {
    if (key === null) return
    const list = map.get(key)
    if (list) {
      if (!list.includes(article)) list.push(article)
    } else map.set(key, [article])
  }
  for (const article of articles) {
    if (article.url !== null) {
      add(byUrl, article.url, article)
      add(byUrlKey, urlKey(article.url), article)
    }
    add(byHash, article.bodyHash.toLowerCase(), article)
    add(byHash, article.source.originalHash.toLowerCase(), article)
  }
  const resolved = new Map<string, readonly Article[]>()
  const lookUp = (source: string): readonly Article[] => {
    const hash = SHA256_URN.exec(source)?.[1]?.toLowerCase()
    if (hash) return byHash.get(hash) ?? []
    const exact = byUrl.get(source)
    if (exact) return exact
    const key = urlKey(source)
    return (key !== null && byUrlKey.get(key)) || []
  }
  return {
    resolve(source) {
      let articlesFound = resolved.get(source)
      if (!articlesFound) {
        articlesFound = lookUp(source)
        resolved.set(source, articlesFound)
      }
      return articlesFound
    },
  }
}

/** Scheme and host lower-cased, fragment and trailing slash dropped: the same page by any spelling. */
function urlKey(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i.exec(url.trim())
  if (!m) return null
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${m[3]!.replace(/\/+$/, '')}`
}

export type QuotePlacement = { article: Article } | { problem: string }

/**
 * For sources that name no article by URL or hash: the one article holding their quotes.
 * A source is placed when its longest quotes (up to three, together at least 40
 * characters) all occur in exactly one article's text; quotes found in several articles
 * (republished copies) leave it unplaced, with a message naming them. Every readable text
 * is searched once for all the sources' quotes together (./quote-search).
 */
export function placeSourcesByQuotes(
  unknown: ReadonlyMap<string, readonly ParsedW3cAnnotation[]>,
  articles: readonly Article[],
  textOf: (article: Article) => string | undefined,
  budget: { checks: number },
): Map<string, QuotePlacement> {
  const placements = new Map<string, QuotePlacement>()
  const probesOf = new Map<string, string[]>()
  for (const [source, annotations] of unknown) {
    const probes = [...new Set(annotations.flatMap((a) => (a.quote ? [a.quote.exact] : [])))].sort((a, b) => b.length - a.length).slice(0, PROBE_QUOTES)
    if (probes.reduce((n, q) => n + q.length, 0) < MIN_PROBE_CHARS) placements.set(source, { problem: '(its quotes are too short to tell which article they come from)' })
    else probesOf.set(source, probes)
  }
  if (probesOf.size === 0) return placements
  const search = quoteSearch([...probesOf.values()].flat(), budget)
  const holders = new Map<string, Set<Article>>() // quote -> the articles whose text holds it
  for (const article of articles) {
    const text = textOf(article)
    if (text === undefined) continue
    search.findAll(text, (quote) => {
      const set = holders.get(quote)
      if (set) set.add(article)
      else holders.set(quote, new Set([article]))
    })
  }
  for (const [source, probes] of probesOf) {
    const [first, ...rest] = probes.map((q) => holders.get(q) ?? new Set<Article>())
    const holding = [...first!].filter((article) => rest.every((set) => set.has(article)))
    if (holding.length === 1) placements.set(source, { article: holding[0]! })
    else if (holding.length > 1) {
      const titles = holding.slice(0, 3).map((a) => `“${a.title}”`)
      placements.set(source, { problem: `(its quotes occur in ${holding.length} articles: ${titles.join(', ')}${holding.length > 3 ? ', …' : ''})` })
    }
  }
  return placements
}
