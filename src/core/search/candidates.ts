// Candidate selection for the query plan: counting a lookup's postings (capped),
// collecting the documents that hold every lookup without scoring them, ruling
// candidates out by word filter, and the unscored ranking used when every word is common.
import type MiniSearch from 'minisearch'
import type { QueryCombination } from 'minisearch'
import type { ArticleId, HighlightId } from '../ids'
import { documentIdOf, forEachPosting, lookupOf, postingCount } from './mini-internals'
import { mayContainKeys, phraseKeys, wordKey, type FilterKey } from './word-filter'
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

/**
 * Documents holding every one of `lookups` (in `fields` instead of the lookups' own, and
 * among `within`, if given), that `keep` accepts, in the order the last lookup's postings
 * name them. Each lookup's postings are walked once by short id (mini-internals.ts
 * forEachPosting): a number set per step, string ids only for the documents kept.
 */
export function collectCandidates(
  mini: MiniSearch<IndexedDoc>,
  lookups: readonly QueryCombination[],
  keep: ((id: string) => boolean) | null,
  fields?: string[],
  within?: ReadonlySet<string>,
): Set<string> {
  if (lookups.length === 0) return new Set(within ?? [])
  let current: Set<number> | null = null
  for (const q of lookups) {
    const next = new Set<number>()
    const previous: Set<number> | null = current
    const l = lookupOf(mini, q)
    forEachPosting(mini, l.term, l.prefix, fields ?? l.fields, (shortId) => {
      if (previous !== null ? previous.has(shortId) : within === undefined || within.has(documentIdOf(mini, shortId))) next.add(shortId)
    })
    current = next
    if (current.size === 0) break
  }
  const kept = new Set<string>()
  for (const shortId of current!) {
    const id = documentIdOf(mini, shortId)
    if (keep === null || keep(id)) kept.add(id)
  }
  return kept
}

/** The word-filter keys of phrases and words, hashed once for all the candidates mayHold checks. */
export function filterKeysOf(phrases: readonly (readonly string[])[], words: readonly string[]): FilterKey[] {
  return [...phrases.flatMap((p) => phraseKeys(p)), ...words.map(wordKey)]
}

/** False when a document's word filter rules out one of the keys (filterKeysOf: phrases and words). */
export function mayHold(store: DocStore, id: string, keys: readonly FilterKey[]): boolean {
  const filter = (store.articles.get(id as ArticleId) ?? store.highlights.get(id as HighlightId))?.filter
  if (filter === undefined) return false
  return mayContainKeys(filter, keys)
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
  const l = lookupOf(mini, query)
  return postingCount(mini, l.term, l.prefix, l.fields, cap)
}
