/**
 * Full-text search over a notebook: articles (title + body) and highlights (quote +
 * comment) in one MiniSearch index (BM25+), with our folding, stop words, phrases checked
 * against the text, filters, snippets, incremental updates and a persisted form.
 *
 * The index does not keep article bodies: it asks `getText(articleId)` (sync or async)
 * for snippets and text checks, only for the hits it returns and the candidates it checks
 * on the way to `limit` hits. Per document it keeps a Bloom filter of words and adjacent
 * word pairs (word-filter.ts, ~1 KB for an article), which rules out most non-matching
 * candidates of a phrase or a common word without reading their text.
 *
 * Query plan (see `search`): words in many documents are the expensive part in
 * MiniSearch, which scores every posting. A query's rarest word supplies the candidates;
 * common words are checked per candidate (word filter, then the text of the hits
 * returned); when every word is common the matches are intersected without scoring and
 * ordered titles first, then newest (`ranking: 'title-then-date'`).
 *
 * Filters (all optional, combined with AND):
 * - kinds: 'article' and/or 'highlight'.
 * - tagIds + tagMode ('any' default, or 'all'): a highlight matches by its own tags; an
 *   article matches when its highlights carry the tags (any: at least one of them on some
 *   highlight; all: each of them on some highlight, not necessarily the same one).
 * - outlets: exact outlet names, case- and diacritic-insensitive. A highlight is filtered
 *   by its article's outlet.
 * - from / to: publication day `YYYY-MM-DD`, inclusive, compared with the first ten
 *   characters of `published` (the day as the source states it). Articles without a date
 *   (and their highlights) do not match a date filter.
 * - articleIds: only these articles and their highlights.
 */
import MiniSearch, { type Options, type Query } from 'minisearch'
import { z } from 'zod'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { buildWordFilter, filterFromBase64, filterToBase64, mayContainPhrase, mayContainWord } from './word-filter'
import { foldText, foldWithOffsets, splitWords, STOP_WORDS, TOKENIZER_VERSION, type FoldedText } from './fold'
import { containsNeedle, findMatches, needlesOf, type Needle } from './match'
import { indexTerms, parseQuery, type ParsedQuery } from './query'
import { makeSnippet, type Snippet } from './snippet'
import { stampFromHex, stampOf, StampSum, stampToHex, type Stamp } from './stamp'

/** Bump when the persisted shape or the MiniSearch options change: older files are refused. */
export const INDEX_FORMAT_VERSION = 1
const FORMAT = 'dossier-search-index'

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

export interface SearchIndexOptions {
  getText: GetText
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
}

export type SnippetField = 'title' | 'body' | 'quote' | 'comment'

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

export type LoadResult =
  | { ok: true; index: SearchIndex }
  | { ok: false; reason: 'not-an-index' | 'outdated' | 'corrupt'; message: string }

interface ArticleEntry {
  id: ArticleId
  title: string
  outlet: string | null
  outletKey: string | null
  published: string | null
  day: string | null
  stamp: Stamp
  /** Bloom filter of the words and adjacent word pairs of title and body (word-filter.ts). */
  filter: Uint32Array
}

interface HighlightEntry {
  id: HighlightId
  articleId: ArticleId
  quote: string
  comment: string
  tagIds: TagId[]
  stamp: Stamp
  /** Bloom filter of the words and word pairs of quote and comment (word-filter.ts). */
  filter: Uint32Array
}

interface IndexedDoc {
  id: string
  title?: string
  body?: string
  quote?: string
  comment?: string
}

interface CompiledFilter {
  /** Whether any filter is set. */
  active: boolean
  kinds: ReadonlySet<ResultKind> | null
  tags: readonly TagId[] | null
  tagMode: 'any' | 'all'
  outlets: ReadonlySet<string> | null
  from: string | null
  to: string | null
  articles: ReadonlySet<ArticleId> | null
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/
const DEFAULT_LIMIT = 20
const MAX_LIMIT = 1000

/**
 * Field boosts: a word in a title says more about an article than one in its body, and a
 * quote is what the analyst chose to keep, so it outranks a passing word in a comment.
 */
const BOOST = { title: 2, body: 1, quote: 1.5, comment: 1 }

/**
 * addArticle tokenises the body once for both the word filter and MiniSearch: it leaves
 * the tokens here and MiniSearch's tokenizer picks them up for that exact string.
 */
let pretokenized: { text: string; tokens: string[] } | null = null

function miniSearchOptions(): Options<IndexedDoc> {
  return {
    fields: ['title', 'body', 'quote', 'comment'],
    idField: 'id',
    storeFields: [],
    // Documents: fold the whole field once, split into tokens, drop stop words.
    tokenize: (text) => (pretokenized !== null && pretokenized.text === text ? pretokenized.tokens : splitWords(foldText(text))),
    processTerm: (term) => (term.length === 0 || STOP_WORDS.has(term) ? null : term),
    searchOptions: {
      combineWith: 'AND',
      boost: BOOST,
      // Queries arrive parsed and folded, one term per string: use them as they are.
      tokenize: (text) => [text],
      processTerm: (term) => term,
    },
  }
}

function dayOf(published: string | null): string | null {
  const day = published?.slice(0, 10) ?? null
  return day !== null && DAY_RE.test(day) ? day : null
}

function highlightFilter(quote: string, comment: string): Uint32Array {
  return buildWordFilter([...splitWords(foldText(quote)), '', ...splitWords(foldText(comment))])
}

function articleStamp(a: ArticleInput): Stamp {
  return stampOf('a', a.id, a.title, a.outlet, a.published, a.bodyHash)
}

function highlightStamp(h: HighlightInput): Stamp {
  return stampOf('h', h.id, h.articleId, h.target.exact, h.comment, [...h.tagIds].sort())
}

/** A searchable field of a document; `folded` is filled in when first needed. */
interface Field {
  field: SnippetField
  text: string
  folded?: FoldedText
}

const foldedOf = (f: Field): FoldedText => (f.folded ??= foldWithOffsets(f.text))

/**
 * A lookup with at least this many postings (documents x fields holding it) is "common":
 * scoring it in MiniSearch would take several milliseconds. Postings are counted up to
 * here only. When every lookup of a query is common, results are ranked by #rankCommon.
 */
export const COMMON_POSTINGS = 2000

/** First cap when counting a query's postings: enough to tell a rare word from a common one. */
const FIRST_COUNT_CAP = 256

/** One index lookup of a query: a word (or a prefix, `word` null) and its posting count. */
interface Lookup {
  query: Query
  word: string | null
  postings: number
}

/** A document in ranked order, with its score and the index terms it matched. */
interface Ranked {
  id: string
  score: number
  terms: string[]
}

/** Thrown to stop MiniSearch iterating postings once a count is known to be large enough. */
const STOP_COUNTING = Symbol('stop counting')

const sameStamp = (a: Stamp, b: Stamp) => a[0] === b[0] && a[1] === b[1]

function isPromise<T>(v: MaybePromise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function'
}

export class SearchIndex {
  #mini: MiniSearch<IndexedDoc>
  readonly #getText: GetText
  readonly #articles = new Map<ArticleId, ArticleEntry>()
  readonly #highlights = new Map<HighlightId, HighlightEntry>()
  readonly #byArticle = new Map<ArticleId, Set<HighlightId>>()
  readonly #sum = new StampSum()

  constructor(options: SearchIndexOptions) {
    this.#getText = options.getText
    this.#mini = new MiniSearch(miniSearchOptions())
  }

  get articleCount(): number {
    return this.#articles.size
  }

  get highlightCount(): number {
    return this.#highlights.size
  }

  hasArticle(id: ArticleId): boolean {
    return this.#articles.has(id)
  }

  hasHighlight(id: HighlightId): boolean {
    return this.#highlights.has(id)
  }

  // ---------------------------------------------------------------- updates

  /** Adds an article, or replaces it (its highlights stay). */
  addArticle(article: ArticleInput, body: string): void {
    this.#dropArticleDoc(article.id)
    const titleTokens = splitWords(foldText(article.title))
    const bodyTokens = splitWords(foldText(body))
    const entry: ArticleEntry = {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      outletKey: article.outlet === null ? null : foldText(article.outlet.trim()),
      published: article.published,
      day: dayOf(article.published),
      stamp: articleStamp(article),
      // An empty token between title and body: no phrase pair spans the two.
      filter: buildWordFilter([...titleTokens, '', ...bodyTokens]),
    }
    pretokenized = { text: body, tokens: bodyTokens }
    try {
      this.#mini.add({ id: article.id, title: article.title, body })
    } finally {
      pretokenized = null
    }
    this.#articles.set(article.id, entry)
    this.#sum.add(entry.stamp)
  }

  /** Removes an article and every highlight of it. */
  removeArticle(id: ArticleId): void {
    this.#dropArticleDoc(id)
    for (const h of [...(this.#byArticle.get(id) ?? [])]) this.removeHighlight(h)
  }

  addHighlight(highlight: HighlightInput): void {
    this.updateHighlight(highlight)
  }

  /** Adds or replaces a highlight. A change of tags only does not touch the full-text index. */
  updateHighlight(highlight: HighlightInput): void {
    const old = this.#highlights.get(highlight.id)
    const stamp = highlightStamp(highlight)
    if (old !== undefined && sameStamp(old.stamp, stamp)) return
    if (old !== undefined && old.quote === highlight.target.exact && old.comment === highlight.comment && old.articleId === highlight.articleId) {
      this.#sum.remove(old.stamp)
      old.tagIds = [...highlight.tagIds]
      old.stamp = stamp
      this.#sum.add(stamp)
      return
    }
    if (old !== undefined) this.removeHighlight(highlight.id)
    const entry: HighlightEntry = {
      id: highlight.id,
      articleId: highlight.articleId,
      quote: highlight.target.exact,
      comment: highlight.comment,
      tagIds: [...highlight.tagIds],
      stamp,
      filter: highlightFilter(highlight.target.exact, highlight.comment),
    }
    this.#mini.add({ id: highlight.id, quote: entry.quote, comment: entry.comment })
    this.#highlights.set(entry.id, entry)
    this.#linkHighlight(entry)
    this.#sum.add(stamp)
  }

  removeHighlight(id: HighlightId): void {
    const old = this.#highlights.get(id)
    if (old === undefined) return
    this.#mini.discard(id)
    this.#highlights.delete(id)
    this.#byArticle.get(old.articleId)?.delete(id)
    if (this.#byArticle.get(old.articleId)?.size === 0) this.#byArticle.delete(old.articleId)
    this.#sum.remove(old.stamp)
  }

  #dropArticleDoc(id: ArticleId): void {
    const old = this.#articles.get(id)
    if (old === undefined) return
    this.#mini.discard(id)
    this.#articles.delete(id)
    this.#sum.remove(old.stamp)
  }

  #linkHighlight(entry: HighlightEntry): void {
    let set = this.#byArticle.get(entry.articleId)
    if (set === undefined) this.#byArticle.set(entry.articleId, (set = new Set()))
    set.add(entry.id)
  }

  // ---------------------------------------------------------------- staleness

  /**
   * Changes whenever the indexed content changes: format and tokenizer versions, document
   * counts, and an order-independent 64-bit sum of per-document stamps (id, title, outlet,
   * date and body hash of articles; article, quote, comment and tags of highlights).
   * Compare with `SearchIndex.fingerprintOf(articles, highlights)` of the notebook.
   */
  fingerprint(): string {
    return `${INDEX_FORMAT_VERSION}.${TOKENIZER_VERSION}-${this.#articles.size}-${this.#highlights.size}-${this.#sum.hex()}`
  }

  /** The fingerprint an up-to-date index of these documents has, computed without one. */
  static fingerprintOf(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): string {
    const sum = new StampSum()
    const articleIds = new Set<ArticleId>()
    for (const a of articles) {
      if (articleIds.has(a.id)) continue
      articleIds.add(a.id)
      sum.add(articleStamp(a))
    }
    const highlightIds = new Set<HighlightId>()
    for (const h of highlights) {
      if (highlightIds.has(h.id)) continue
      highlightIds.add(h.id)
      sum.add(highlightStamp(h))
    }
    return `${INDEX_FORMAT_VERSION}.${TOKENIZER_VERSION}-${articleIds.size}-${highlightIds.size}-${sum.hex()}`
  }

  /** What differs between the index and these documents (the notebook's current state). */
  diff(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): IndexDiff {
    const wantArticles = new Set<ArticleId>()
    const articlesToIndex: ArticleId[] = []
    for (const a of articles) {
      wantArticles.add(a.id)
      const have = this.#articles.get(a.id)
      if (have === undefined || !sameStamp(have.stamp, articleStamp(a))) articlesToIndex.push(a.id)
    }
    const wantHighlights = new Set<HighlightId>()
    const highlightsToIndex: HighlightId[] = []
    for (const h of highlights) {
      wantHighlights.add(h.id)
      const have = this.#highlights.get(h.id)
      if (have === undefined || !sameStamp(have.stamp, highlightStamp(h))) highlightsToIndex.push(h.id)
    }
    return {
      articlesToIndex,
      articlesToRemove: [...this.#articles.keys()].filter((id) => !wantArticles.has(id)),
      highlightsToIndex,
      highlightsToRemove: [...this.#highlights.keys()].filter((id) => !wantHighlights.has(id)),
    }
  }

  /**
   * Brings the index in line with the notebook, reading bodies through `getText` only for
   * articles that are new or changed. On an empty index this is the full build. An article
   * whose text cannot be read is indexed by its title only.
   */
  async reconcile(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): Promise<IndexDiff> {
    const diff = this.diff(articles, highlights)
    for (const id of diff.articlesToRemove) this.removeArticle(id)
    for (const id of diff.highlightsToRemove) this.removeHighlight(id)
    const byId = new Map(articles.map((a) => [a.id, a]))
    for (const id of diff.articlesToIndex) {
      const article = byId.get(id)!
      const text = this.#getText(id)
      this.addArticle(article, (isPromise(text) ? await text : text) ?? '')
    }
    const toIndex = new Set(diff.highlightsToIndex)
    for (const h of highlights) if (toIndex.has(h.id)) this.updateHighlight(h)
    return diff
  }

  // ---------------------------------------------------------------- search

  async search(input: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResponse> {
    const query = typeof input === 'string' ? parseQuery(input) : input
    const failed = (error: SearchIssue): SearchResponse => ({ query, hits: [], total: 0, totalExact: true, ranking: 'relevance', error })
    if (query.error !== null) return failed(query.error)
    const filter = compileFilter(options)
    if ('code' in filter) return failed(filter)
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)))
    const withSnippets = options.snippets !== false

    // One index lookup per distinct word or prefix (a phrase contributes its non-stop words).
    const lookups = new Map<string, Lookup>()
    for (const clause of query.clauses) {
      if (clause.kind === 'prefix') lookups.set(`${clause.term}*`, { query: { queries: [clause.term], prefix: true }, word: null, postings: 0 })
      else for (const term of indexTerms(clause)) lookups.set(term, { query: { queries: [term] }, word: term, postings: 0 })
    }
    const needles = needlesOf(query.clauses)
    const phrases = needles.filter((n) => n.kind === 'phrase')
    const paired = phrases.filter((n) => n.terms.length > 1).map((n) => n.terms)

    // Plan. MiniSearch scores every posting of every word it is asked for (~1-3 µs each,
    // with its result objects), and even skipping a document costs a callback per
    // posting; for a word in most articles that is nearly all of a query's time. So count
    // each lookup's postings, in rounds with a rising cap (a boostDocument that returns 0
    // skips scoring; counting stops at the cap), and:
    // - words that reach the cap while another lookup does not are not looked up at all:
    //   the rarer lookups supply the candidates, and those words are checked per
    //   candidate with the article's word filter and then, for the hits returned, against
    //   the text (as phrases are);
    // - if every lookup is common (COMMON_POSTINGS), intersect them all without scoring
    //   and rank by #rankCommon.
    const plan = [...lookups.values()]
    let cap = 0
    for (const round of [FIRST_COUNT_CAP, COMMON_POSTINGS]) {
      cap = round
      for (const l of plan) l.postings = this.#countPostings(l.query, cap)
      if (plan.some((l) => l.postings < cap)) break
    }
    plan.sort((a, b) => a.postings - b.postings)
    const common = plan.every((l) => l.postings >= COMMON_POSTINGS)
    const skipped = common ? [] : plan.filter((l) => l.postings >= cap && l.word !== null)
    const scored = plan.filter((l) => !skipped.includes(l))
    const skippedWords = skipped.map((l) => l.word!)
    const checks: Needle[] = [...phrases, ...skippedWords.map((w): Needle => ({ key: w, kind: 'term', terms: [w] }))]
    const ranking: SearchResponse['ranking'] = common ? 'title-then-date' : 'relevance'

    let candidates: Set<string> | null = null
    if (common || plan.length > 1 || paired.length > 0) {
      const prefilter = paired.length > 0 || skippedWords.length > 0
      candidates = this.#candidates(
        (common ? plan : scored.slice(0, 1)).map((l) => l.query),
        filter.active || prefilter ? (id) => (!filter.active || this.#passes(id, filter)) && (!prefilter || this.#mayHold(id, paired, skippedWords)) : null,
      )
      if (candidates.size === 0) return { query, hits: [], total: 0, totalExact: true, ranking, error: null }
    }

    // Rank: BM25 over the candidates, for the words not skipped; or, when every word is
    // common, without scoring thousands of documents (see #rankCommon).
    let ranked: Ranked[]
    if (common && candidates !== null) ranked = this.#rankCommon(candidates, plan.map((l) => l.query), [...lookups.keys()])
    else {
      const allowed = candidates
      const boostDocument =
        allowed !== null ? (id: string) => (allowed.has(id) ? 1 : 0) : filter.active ? (id: string) => (this.#passes(id, filter) ? 1 : 0) : undefined
      ranked = this.#mini
        .search({ combineWith: 'AND', queries: scored.map((l) => l.query) }, boostDocument === undefined ? {} : { boostDocument })
        .map((r) => ({ id: r.id as string, score: r.score, terms: [...r.terms, ...skippedWords] }))
    }

    const texts = new Map<ArticleId, string | null>()
    const hits: SearchHit[] = []
    if (checks.length === 0) {
      for (const r of ranked.slice(0, limit)) {
        const hit = this.#hit(r, withSnippets ? await this.#fields(r.id, texts) : null, needles)
        if (hit !== null) hits.push(hit)
      }
      return { query, hits, total: ranked.length, totalExact: true, ranking, error: null }
    }

    // Phrases and skipped common words: check candidates against the text, best first,
    // until `limit` hits; count the rest (already through their word filters) without
    // reading them, unless countAll.
    let verified = 0
    let unverified = 0
    for (const r of ranked) {
      const id = r.id
      if (hits.length >= limit && options.countAll !== true) {
        unverified++
        continue
      }
      const fields = await this.#fields(id, texts)
      if (fields === null || !checks.every((n) => fields.some((f) => containsNeedle(foldedOf(f).text, n)))) continue
      verified++
      if (hits.length < limit) {
        const hit = this.#hit(r, withSnippets ? fields : null, needles)
        if (hit !== null) hits.push(hit)
      }
    }
    return { query, hits, total: verified + unverified, totalExact: unverified === 0, ranking, error: null }
  }

  /**
   * Documents holding every one of `lookups` (in `fields`, and among `within`, if given),
   * that `keep` accepts. Collecting costs one cheap callback per posting: MiniSearch calls
   * boostDocument before scoring, and skips the document when it returns 0.
   */
  #candidates(lookups: readonly Query[], keep: ((id: string) => boolean) | null, fields?: string[], within?: ReadonlySet<string>): Set<string> {
    let current: ReadonlySet<string> | null = within ?? null
    for (const q of lookups) {
      const next = new Set<string>()
      const previous: ReadonlySet<string> | null = current
      this.#mini.search(q, { ...(fields ? { fields } : {}), boostDocument: (id: string) => ((previous === null || previous.has(id)) && next.add(id), 0) })
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
  #mayHold(id: string, phrases: readonly (readonly string[])[], words: readonly string[]): boolean {
    const filter = (this.#articles.get(id as ArticleId) ?? this.#highlights.get(id as HighlightId))?.filter
    if (filter === undefined) return false
    return phrases.every((p) => mayContainPhrase(filter, p)) && words.every((w) => mayContainWord(filter, w))
  }

  /**
   * Ranking when every word of a query is common: scoring thousands of documents would
   * take tens of milliseconds, and among thousands of matches for common words BM25 says
   * little. Articles with the words in their title come first, then the rest; each group
   * newest first (a highlight by its article's date), undated last. No scoring and no
   * sorting: documents are grouped by day, linear in the matches.
   */
  #rankCommon(candidates: ReadonlySet<string>, lookups: readonly Query[], keys: string[]): Ranked[] {
    const titled = this.#candidates(lookups, null, ['title'], candidates)
    const groups = [new Map<string, string[]>(), new Map<string, string[]>()]
    for (const id of candidates) {
      const article = this.#articles.get(id as ArticleId) ?? this.#articles.get(this.#highlights.get(id as HighlightId)?.articleId as ArticleId)
      const day = article?.day ?? ''
      const group = groups[titled.has(id) ? 0 : 1]!
      const ids = group.get(day)
      if (ids === undefined) group.set(day, [id])
      else ids.push(id)
    }
    const ranked: Ranked[] = []
    for (const group of groups) {
      for (const day of [...group.keys()].sort().reverse()) for (const id of group.get(day)!) ranked.push({ id, score: 0, terms: keys })
    }
    return ranked
  }

  /** How many postings (document x field) a lookup has, counting no further than `cap`. */
  #countPostings(query: Query, cap: number): number {
    let n = 0
    try {
      this.#mini.search(query, {
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

  #passes(id: string, f: CompiledFilter): boolean {
    const article = this.#articles.get(id as ArticleId)
    if (article !== undefined) {
      if (f.kinds !== null && !f.kinds.has('article')) return false
      if (f.articles !== null && !f.articles.has(article.id)) return false
      if (!articleMeta(article, f)) return false
      if (f.tags !== null) {
        const carried = new Set<TagId>()
        for (const hid of this.#byArticle.get(article.id) ?? []) for (const t of this.#highlights.get(hid)?.tagIds ?? []) carried.add(t)
        return f.tagMode === 'all' ? f.tags.every((t) => carried.has(t)) : f.tags.some((t) => carried.has(t))
      }
      return true
    }
    const highlight = this.#highlights.get(id as HighlightId)
    if (highlight === undefined) return false
    if (f.kinds !== null && !f.kinds.has('highlight')) return false
    if (f.articles !== null && !f.articles.has(highlight.articleId)) return false
    if (f.outlets !== null || f.from !== null || f.to !== null) {
      const parent = this.#articles.get(highlight.articleId)
      if (parent === undefined || !articleMeta(parent, f)) return false
    }
    if (f.tags !== null) {
      return f.tagMode === 'all' ? f.tags.every((t) => highlight.tagIds.includes(t)) : f.tags.some((t) => highlight.tagIds.includes(t))
    }
    return true
  }

  /** The searchable fields of a document with their text, snippet-preference first. */
  async #fields(id: string, texts: Map<ArticleId, string | null>): Promise<Field[] | null> {
    const article = this.#articles.get(id as ArticleId)
    if (article !== undefined) {
      let body = texts.get(article.id)
      if (body === undefined) {
        const got = this.#getText(article.id)
        body = (isPromise(got) ? await got : got) ?? null
        texts.set(article.id, body)
      }
      return body === null
        ? [{ field: 'title', text: article.title }]
        : [
            { field: 'body', text: body },
            { field: 'title', text: article.title },
          ]
    }
    const highlight = this.#highlights.get(id as HighlightId)
    if (highlight === undefined) return null
    return [
      { field: 'quote', text: highlight.quote },
      { field: 'comment', text: highlight.comment },
    ]
  }

  #hit(r: Ranked, fields: readonly Field[] | null, needles: readonly Needle[]): SearchHit | null {
    const id = r.id
    const terms = [...r.terms, ...needles.filter((n) => n.kind === 'phrase').map((n) => n.terms.join(' '))]
    let field: SnippetField | null = null
    let snippet: Snippet | null = null
    if (fields !== null) {
      for (const f of fields) {
        const matches = findMatches(foldedOf(f), needles)
        if (matches.length > 0) {
          field = f.field
          snippet = makeSnippet(f.text, matches)
          break
        }
      }
      if (snippet === null) {
        const first = fields.find((f) => f.text.length > 0) ?? fields[0]
        if (first !== undefined) {
          field = first.field
          snippet = makeSnippet(first.text, [])
        }
      }
    }
    const base = { score: r.score, field, snippet, terms }
    const article = this.#articles.get(id as ArticleId)
    if (article !== undefined) return { ...base, kind: 'article', id: article.id, articleId: article.id }
    const highlight = this.#highlights.get(id as HighlightId)
    if (highlight !== undefined) return { ...base, kind: 'highlight', id: highlight.id, articleId: highlight.articleId }
    return null
  }

  // ---------------------------------------------------------------- persistence

  /** A plain JSON-able object (JSON.stringify(index) works too). */
  toJSON(): SearchIndexJSON {
    return {
      format: FORMAT,
      version: INDEX_FORMAT_VERSION,
      tokenizer: TOKENIZER_VERSION,
      fingerprint: this.fingerprint(),
      articles: [...this.#articles.values()].map((a) => [a.id, a.title, a.outlet, a.published, stampToHex(a.stamp), filterToBase64(a.filter)]),
      highlights: [...this.#highlights.values()].map((h) => [h.id, h.articleId, h.quote, h.comment, h.tagIds, stampToHex(h.stamp), filterToBase64(h.filter)]),
      index: this.#mini.toJSON(),
    }
  }

  /**
   * Restores an index saved with `toJSON` (as a string or parsed). Never throws: a file of
   * another format version or tokenizer is `outdated`, anything unreadable `corrupt`;
   * either way the caller rebuilds (e.g. `new SearchIndex(...).reconcile(...)`).
   */
  static loadJSON(json: string | unknown, options: SearchIndexOptions): LoadResult {
    const checked = checkJSON(json)
    if (!checked.ok) return checked
    let mini: MiniSearch<IndexedDoc>
    try {
      mini = MiniSearch.loadJS(checked.data.index as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions())
    } catch (e) {
      return { ok: false, reason: 'corrupt', message: `The search index is damaged: ${e instanceof Error ? e.message : String(e)}.` }
    }
    return SearchIndex.#restore(checked.data, mini, options)
  }

  /**
   * As `loadJSON`, but MiniSearch rebuilds its maps in batches, yielding to the event loop
   * between them (its loadJSAsync), so a large index loads without freezing the process.
   */
  static async loadJSONAsync(json: string | unknown, options: SearchIndexOptions): Promise<LoadResult> {
    const checked = checkJSON(json)
    if (!checked.ok) return checked
    let mini: MiniSearch<IndexedDoc>
    try {
      mini = await MiniSearch.loadJSAsync(checked.data.index as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions())
    } catch (e) {
      return { ok: false, reason: 'corrupt', message: `The search index is damaged: ${e instanceof Error ? e.message : String(e)}.` }
    }
    return SearchIndex.#restore(checked.data, mini, options)
  }

  static #restore(data: z.infer<typeof BodySchema>, mini: MiniSearch<IndexedDoc>, options: SearchIndexOptions): LoadResult {
    const index = new SearchIndex(options)
    index.#mini = mini
    for (const [id, title, outlet, published, hex, filter64] of data.articles) {
      const stamp = stampFromHex(hex)
      const filter = filterFromBase64(filter64)
      if (stamp === null || filter === null || !mini.has(id)) return { ok: false, reason: 'corrupt', message: `The search index is damaged: article ${id}.` }
      const aid = id as ArticleId
      index.#articles.set(aid, { id: aid, title, outlet, outletKey: outlet === null ? null : foldText(outlet.trim()), published, day: dayOf(published), stamp, filter })
      index.#sum.add(stamp)
    }
    for (const [id, articleId, quote, comment, tagIds, hex, filter64] of data.highlights) {
      const stamp = stampFromHex(hex)
      const filter = filterFromBase64(filter64)
      if (stamp === null || filter === null || !mini.has(id)) return { ok: false, reason: 'corrupt', message: `The search index is damaged: highlight ${id}.` }
      const entry: HighlightEntry = { id: id as HighlightId, articleId: articleId as ArticleId, quote, comment, tagIds: tagIds as TagId[], stamp, filter }
      index.#highlights.set(entry.id, entry)
      index.#linkHighlight(entry)
      index.#sum.add(stamp)
    }
    if (mini.documentCount !== index.#articles.size + index.#highlights.size || index.fingerprint() !== data.fingerprint) {
      return { ok: false, reason: 'corrupt', message: 'The search index is damaged: its documents do not add up.' }
    }
    return { ok: true, index }
  }
}

function checkJSON(json: unknown): { ok: true; data: z.infer<typeof BodySchema> } | Extract<LoadResult, { ok: false }> {
  let data: unknown = json
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json)
    } catch {
      return { ok: false, reason: 'corrupt', message: 'The search index file is not valid JSON.' }
    }
  }
  const head = HeadSchema.safeParse(data)
  if (!head.success) return { ok: false, reason: 'not-an-index', message: 'This is not a Dossier search index.' }
  if (head.data.version !== INDEX_FORMAT_VERSION || head.data.tokenizer !== TOKENIZER_VERSION) {
    return {
      ok: false,
      reason: 'outdated',
      message: `The search index has format ${head.data.version}/${head.data.tokenizer}; this version uses ${INDEX_FORMAT_VERSION}/${TOKENIZER_VERSION}.`,
    }
  }
  const body = BodySchema.safeParse(data)
  if (!body.success) return { ok: false, reason: 'corrupt', message: `The search index is damaged: ${body.error.issues[0]?.message ?? 'bad shape'}.` }
  return { ok: true, data: body.data }
}

const HeadSchema = z.object({ format: z.literal(FORMAT), version: z.number(), tokenizer: z.number() })
const BodySchema = z.object({
  fingerprint: z.string(),
  articles: z.array(z.tuple([z.string(), z.string(), z.string().nullable(), z.string().nullable(), z.string(), z.string()])),
  highlights: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.array(z.string()), z.string(), z.string()])),
  index: z.object({ documentCount: z.number(), serializationVersion: z.number() }).loose(),
})

export interface SearchIndexJSON {
  format: typeof FORMAT
  version: number
  tokenizer: number
  fingerprint: string
  /** [id, title, outlet, published, stamp, word filter (base64)] */
  articles: [string, string, string | null, string | null, string, string][]
  /** [id, articleId, quote, comment, tagIds, stamp, word filter (base64)] */
  highlights: [string, string, string, string, string[], string, string][]
  /** MiniSearch's own serialised index. */
  index: ReturnType<MiniSearch['toJSON']>
}

function articleMeta(a: ArticleEntry, f: CompiledFilter): boolean {
  if (f.outlets !== null && (a.outletKey === null || !f.outlets.has(a.outletKey))) return false
  if (f.from !== null && (a.day === null || a.day < f.from)) return false
  if (f.to !== null && (a.day === null || a.day > f.to)) return false
  return true
}

function compileFilter(o: SearchFilters): CompiledFilter | SearchIssue {
  for (const [name, value] of [
    ['from', o.from],
    ['to', o.to],
  ] as const) {
    if (value !== undefined && !DAY_RE.test(value)) return { code: 'bad-filter', message: `The ${name} date must be written YYYY-MM-DD (got “${value}”).` }
  }
  if (o.from !== undefined && o.to !== undefined && o.from > o.to) {
    return { code: 'bad-filter', message: `The date range is empty: ${o.from} is after ${o.to}.` }
  }
  const f = {
    kinds: o.kinds === undefined ? null : new Set(o.kinds),
    tags: o.tagIds === undefined || o.tagIds.length === 0 ? null : [...o.tagIds],
    tagMode: o.tagMode ?? 'any',
    outlets: o.outlets === undefined || o.outlets.length === 0 ? null : new Set(o.outlets.map((s) => foldText(s.trim()))),
    from: o.from ?? null,
    to: o.to ?? null,
    articles: o.articleIds === undefined ? null : new Set(o.articleIds),
  }
  return { ...f, active: f.kinds !== null || f.tags !== null || f.outlets !== null || f.from !== null || f.to !== null || f.articles !== null }
}
