// The public types of the search index: the documents it takes, the search options and
// filters, and the responses it gives.
import type { ArticleId, HighlightId, TagId } from '../ids'
import type { ParsedQuery } from './query'
import type { Snippet } from './snippet'

/** What the index needs of an article (the model's `Article` fits). */
export interface ArticleInput {
  id: ArticleId
  title: string
  outlet: string | null
  published: string | null
  /** Identifies the body: re-index when it changes. */
  bodyHash: string
}

/** What the index needs of a highlight (the model's `Highlight` fits). */
export interface HighlightInput {
  id: HighlightId
  articleId: ArticleId
  target: { exact: string }
  comment: string
  tagIds: readonly TagId[]
}

export type MaybePromise<T> = T | Promise<T>
/** The stored text (body) of an article, or null/undefined when it cannot be read. */
export type GetText = (articleId: ArticleId) => MaybePromise<string | null | undefined>

/** A range of an article's stored text: [start, end) in UTF-16 code units. */
export interface TextRange {
  start: number
  end: number
}

export interface SearchIndexOptions {
  getText: GetText
  /**
   * The page furniture of an article whose text `reconcile` indexes (ranges of that text:
   * the analysis' furniture). Without it, articles are indexed without furniture.
   */
  getFurniture?: (article: ArticleInput, text: string) => MaybePromise<readonly TextRange[]>
  /**
   * A turn of the event loop, taken between the shards a search loads (each one parsed,
   * then added): on the app's main thread a first search's shards held it 50-80 ms at once.
   */
  turn?: () => Promise<void>
}

export type ResultKind = 'article' | 'highlight'

export interface SearchFilters {
  kinds?: readonly ResultKind[]
  tagIds?: readonly TagId[]
  tagMode?: 'any' | 'all'
  outlets?: readonly string[]
  /** `YYYY-MM-DD`, inclusive. */
  from?: string
  /** `YYYY-MM-DD`, inclusive. */
  to?: string
  articleIds?: readonly ArticleId[]
}

export interface SearchOptions extends SearchFilters {
  /** Most hits returned (default 20, at most 1000). */
  limit?: number
  /**
   * Queries with phrases (or with common words beside a rarer one) read and check the
   * candidates' text only until `limit` hits are found; the other candidate articles are
   * counted if their word filter allows the phrase or word, so `total` is then an estimate
   * (`totalExact: false`; too high by about 1% of the candidates that do not match). Set
   * to check them all (reads every such article's text).
   */
  countAll?: boolean
  /** Build snippets (default true). Without them article texts are read only for phrases. */
  snippets?: boolean
  /**
   * Also search articles' page furniture (taglines, related headlines, cookie notices…
   * that the reader folds away; found at import). Default false: furniture neither makes
   * an article match nor gives its snippet.
   */
  includeFurniture?: boolean
}

/** Where a snippet comes from; 'furniture' only when the search asked for it (includeFurniture). */
export type SnippetField = 'title' | 'body' | 'quote' | 'comment' | 'furniture'

interface HitBase {
  score: number
  articleId: ArticleId
  /** Where the snippet comes from, and the snippet (null when `snippets: false`). */
  field: SnippetField | null
  snippet: Snippet | null
  /** Matched index terms (folded; prefix queries give the words found) and phrases. */
  terms: string[]
}
export type SearchHit = (HitBase & { kind: 'article'; id: ArticleId }) | (HitBase & { kind: 'highlight'; id: HighlightId })

export interface SearchIssue {
  code: string
  message: string
}

export interface SearchResponse {
  query: ParsedQuery
  /** Best first. */
  hits: SearchHit[]
  /** Matching documents (articles + highlights); an estimate when `totalExact` is false. */
  total: number
  totalExact: boolean
  /**
   * How hits are ordered: 'relevance' (BM25+ with field boosts), or 'title-then-date' when
   * every word of the query is common (see COMMON_POSTINGS): articles with the words in
   * their title first, then all other matches; each group newest first.
   */
  ranking: 'relevance' | 'title-then-date'
  /** Why nothing was searched (the query's error, or a bad filter); null when it ran. */
  error: SearchIssue | null
  /**
   * Words and phrases searched as every spelling of the entity they name, each spelling
   * with the number of articles of the notebook that mention it (the mention index).
   * Set by the notebook's search (src/main/entities); absent from the bare index's answer.
   */
  expansions?: SearchExpansion[]
}

/** One name a search expanded: "Hmeimim" -> Khmeimim Air Base, also matched Khmeimim (14), حميميم (2). */
export interface SearchExpansion {
  /** The query's text as typed. */
  raw: string
  entityId: string
  entity: string
  /** The spellings searched besides the typed text, with the articles mentioning each. */
  spellings: { text: string; articles: number }[]
}

/** The documents that need work to bring the index in line with the notebook. */
export interface IndexDiff {
  /** Not in the index, or changed (title, outlet, date or body hash). */
  articlesToIndex: ArticleId[]
  /** In the index but no longer in the notebook (their highlights go with them). */
  articlesToRemove: ArticleId[]
  highlightsToIndex: HighlightId[]
  highlightsToRemove: HighlightId[]
}

export function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function'
}
