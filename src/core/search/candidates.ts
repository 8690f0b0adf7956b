// Candidate selection for the query plan: counting a lookup's postings (capped),
// collecting the documents that hold every lookup without scoring them, ruling
// candidates out by word filter, and the unscored ranking used when every word is common.
import type MiniSearch from 'minisearch'
import type { QueryCombination } from 'minisearch'
import type { ArticleId, HighlightId } from '../ids'
import { mayContainPhrase, mayContainWord } from './word-filter'
import type { DocStore, IndexedDoc } from './doc-store'

/**
 * A lookup with at least this many postings (documents x fields holding it) is "common":
 * scoring it in MiniSearch would take several milliseconds. Postings are counted up to
 * here only. When every lookup of a query is common, results are ranked by rankCommon.
 */
export const COMMON_POSTINGS = 2000

/** First cap when counting a query's postings: enough to tell a rare word from a common one. */
export const FIRST_COUNT_CAP = 256

/** One index lookup of a query: a word (or a prefix, `word` null), in the fields searched, and its posting count. */
export interface Lookup {
  query: QueryCombination
  word: string | null
  postings: number
}

/** A document in ranked order, with its score and the index terms it matched. */
export interface Ranked {
  id: string
  score: number
  terms: string[]
}

/** Thrown to stop MiniSearch iterating postings once a count is known to be large enough. */
const STOP_COUNTING = Symbol('stop counting')

/**
 * Documents holding every one of `lookups` (in `fields` instead of the lookups' own, and
 * among `within`, if given), that `keep` accepts. Collecting costs one cheap callback per
 * posting: MiniSearch calls boostDocument before scoring, and skips the document when it
 * returns 0.
 */
export function collectCandidates(
  mini: MiniSearch<IndexedDoc>,
  lookups: readonly QueryCombination[],
  keep: ((id: string) => boolean) | null,
  fields?: string[],
  within?: ReadonlySet<string>,
): Set<string> {
  let current: ReadonlySet<string> | null = within ?? null
  for (const q of lookups) {
    const next = new Set<string>()
    const previous: ReadonlySet<string> | null = current
    // A lookup's own options win over the search's (MiniSearch spreads them last): fields go into it.
    mini.search(fields ? { ...q, fields } : q, { boostDocument: (id: string) => ((previous === null || previous.has(id)) && next.add(id), 0) })
    current = next
    if (current.size === 0) break
  }
  if (current === null) return new Set()
  if (keep === null) return current === within ? new Set(current) : (current as Set<string>)
  const kept = new Set<string>()
  for (const id of current) if (keep(id)) kept.add(id)
  return kept
}

/** False when a document's word filter rules out one of the phrases or words. */
export function mayHold(store: DocStore, id: string, phrases: readonly (readonly string[])[], words: readonly string[]): boolean {
  const filter = (store.articles.get(id as ArticleId) ?? store.highlights.get(id as HighlightId))?.filter
  if (filter === undefined) return false
  return phrases.every((p) => mayContainPhrase(filter, p)) && words.every((w) => mayContainWord(filter, w))
}

/** The candidates (articles) holding every lookup in their title. */
export function titledOf(store: DocStore, candidates: ReadonlySet<string>, lookups: readonly QueryCombination[]): Set<string> {
  return collectCandidates(store.mini, lookups, null, ['title'], candidates)
}

/**
 * Ranking when every word of a query is common: scoring thousands of documents would
 * take tens of milliseconds, and among thousands of matches for common words BM25 says
 * little. Articles with the words in their title (`titled`) come first, then the rest;
 * each group newest first (a highlight by its article's date), undated last. No scoring
 * and no sorting: documents are grouped by day, linear in the matches.
 */
export function rankCommon(store: DocStore, candidates: Iterable<string>, titled: ReadonlySet<string>): string[] {
  const groups = [new Map<string, string[]>(), new Map<string, string[]>()]
  for (const id of candidates) {
    const article = store.articles.get(id as ArticleId) ?? store.articles.get(store.highlights.get(id as HighlightId)?.articleId as ArticleId)
    const day = article?.day ?? ''
    const group = groups[titled.has(id) ? 0 : 1]!
    const ids = group.get(day)
    if (ids === undefined) group.set(day, [id])
    else ids.push(id)
  }
  const ranked: string[] = []
  for (const group of groups) {
    for (const day of [...group.keys()].sort().reverse()) for (const id of group.get(day)!) ranked.push(id)
  }
  return ranked
}

/** How many postings (document x field) a lookup has, counting no further than `cap`. */
export function countPostings(mini: MiniSearch<IndexedDoc>, query: QueryCombination, cap: number): number {
  let n = 0
  try {
    mini.search(query, {
      boostDocument: () => {
        if (++n >= cap) throw STOP_COUNTING
        return 0
      },
    })
  } catch (e) {
    if (e !== STOP_COUNTING) throw e
  }
  return n
}
