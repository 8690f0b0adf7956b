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
 * Query plan (see `search`, plan.ts): words in many documents are the expensive part in
 * MiniSearch, which scores every posting. A query's rarest word supplies the candidates;
 * common words are checked per candidate (word filter, then the text of the hits
 * returned); when every word is common the matches are intersected without scoring and
 * ordered titles first, then newest (`ranking: 'title-then-date'`).
 *
 * OR and NOT (query.ts): a query is expanded into alternatives (OR of ANDs), each planned
 * as above from its required words; excluded words rule its candidates out by their
 * postings (excluded phrases, where postings and word filters cannot, by the text). The
 * alternatives' candidates are merged: a document found by several adds their scores;
 * documents of all-common alternatives follow the scored ones, titles first then newest.
 *
 * Page furniture (leading and trailing lines that are not the article: taglines,
 * related headlines… found at import, `analysis/<bodyHash>.json`) is indexed in a field
 * of its own, from ranges given when an article is added (`getFurniture`): searches leave
 * it out, so it neither makes an article match nor gives its snippet, unless
 * `includeFurniture`. The body checked and quoted is the text with the furniture cut out.
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
 *
 * Modules: types.ts (public types), doc-store.ts (documents, updates, fingerprints, diff),
 * persist.ts (toJSON / loadJSON), filter.ts (filters), plan.ts (one alternative's plan,
 * exclusions, the merge of alternatives), candidates.ts (posting counts, candidates,
 * ranking of common words), results.ts (fields, hits and snippets).
 */
import type { ArticleId, HighlightId } from '../ids'
import { containsNeedle, needlesOf, type Needle } from './match'
import { parseQuery, type ParsedQuery } from './query'
import { COMMON_POSTINGS } from './candidates'
import { DocStore, fingerprintOf, INDEX_FORMAT_VERSION, SEARCH_FIELDS, SEARCH_FIELDS_WITH_FURNITURE } from './doc-store'
import { compileFilter } from './filter'
import { mergePlans, planAlternative, vetoesFor, wordsOf, type PlanContext } from './plan'
import { addShards, addShardsInSlices, checkHead, checkHeadInSlices, checkHeadRowsTrusted, restoreParts, restorePartsInSlices, storeToParts, type IndexHead, type IndexParts, type LoadFailure, type PartialShards, type ShardEntries, type ShardLoader } from './persist'
import { shardKeysFor } from './shard-keys'
import { termsOf } from './mini-internals'
import { fieldsOf, foldedOf, hitOf, type Field } from './results'
import {
  isPromise,
  type ArticleInput,
  type GetText,
  type HighlightInput,
  type IndexDiff,
  type SearchHit,
  type SearchIndexOptions,
  type SearchIssue,
  type SearchOptions,
  type SearchResponse,
  type TextRange,
} from './types'

export { checkHead, COMMON_POSTINGS, INDEX_FORMAT_VERSION, type IndexHead, type IndexParts, type ShardEntries, type ShardLoader }
export type {
  ArticleInput,
  GetText,
  HighlightInput,
  IndexDiff,
  MaybePromise,
  ResultKind,
  SearchFilters,
  SearchHit,
  SearchIndexOptions,
  SearchIssue,
  SearchOptions,
  SearchResponse,
  SearchExpansion,
  SnippetField,
  TextRange,
} from './types'

export type LoadResult = { ok: true; index: SearchIndex } | LoadFailure

const DEFAULT_LIMIT = 20
const MAX_LIMIT = 1000


/**
 * Above this share of discarded documents (and DIRT_MIN of them), postings are cleaned at
 * the next save (vacuumIfDirty): MiniSearch's own background vacuum is off (doc-store.ts).
 */
const DIRT_FACTOR = 0.2
const DIRT_MIN = 1_000

export class SearchIndex {
  #store = new DocStore()
  readonly #getText: GetText
  readonly #getFurniture: SearchIndexOptions['getFurniture']
  readonly #turn: SearchIndexOptions['turn']
  /**
   * Restored from parts with only some shards: the rest are loaded when a search needs
   * them. It can change all the same: documents added put their postings beside the
   * unloaded ones (merged when a shard is loaded or saved), removed ones are dropped from
   * the document tables, as MiniSearch's discard does.
   */
  #partial: PartialShards | null = null

  constructor(options: SearchIndexOptions) {
    this.#getText = options.getText
    this.#getFurniture = options.getFurniture
    this.#turn = options.turn
  }

  get articleCount(): number {
    return this.#store.articles.size
  }

  get highlightCount(): number {
    return this.#store.highlights.size
  }

  hasArticle(id: ArticleId): boolean {
    return this.#store.articles.has(id)
  }

  hasHighlight(id: HighlightId): boolean {
    return this.#store.highlights.has(id)
  }

  // ---------------------------------------------------------------- updates

  /** Whether every shard of the saved index is loaded (see #partial). */
  get complete(): boolean {
    return this.#partial === null
  }

  /** Adds an article, or replaces it (its highlights stay); `furniture`: ranges of `body` that are page furniture. */
  addArticle(article: ArticleInput, body: string, furniture: readonly TextRange[] = []): void {
    this.#store.addArticle(article, body, furniture)
  }

  /** Removes an article and every highlight of it. */
  removeArticle(id: ArticleId): void {
    this.#store.removeArticle(id)
  }

  addHighlight(highlight: HighlightInput): void {
    this.updateHighlight(highlight)
  }

  /** Adds or replaces a highlight. A change of tags only does not touch the full-text index. */
  updateHighlight(highlight: HighlightInput): void {
    this.#store.updateHighlight(highlight)
  }

  removeHighlight(id: HighlightId): void {
    this.#store.removeHighlight(id)
  }

  // ---------------------------------------------------------------- staleness

  /**
   * Changes whenever the indexed content changes: format and tokenizer versions, document
   * counts, and an order-independent 64-bit sum of per-document stamps (id, title, outlet,
   * date and body hash of articles; article, quote, comment and tags of highlights).
   * Compare with `SearchIndex.fingerprintOf(articles, highlights)` of the notebook.
   */
  fingerprint(): string {
    return this.#store.fingerprint()
  }

  /** The fingerprint an up-to-date index of these documents has, computed without one. */
  static fingerprintOf(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): string {
    return fingerprintOf(articles, highlights)
  }

  /** What differs between the index and these documents (the notebook's current state). */
  diff(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): IndexDiff {
    return this.#store.diff(articles, highlights)
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
      const got = this.#getText(id)
      const text = (isPromise(got) ? await got : got) ?? ''
      const furniture = text === '' || this.#getFurniture === undefined ? [] : await this.#getFurniture(article, text)
      this.addArticle(article, text, furniture)
    }
    const toIndex = new Set(diff.highlightsToIndex)
    for (const h of highlights) if (toIndex.has(h.id)) this.updateHighlight(h)
    return diff
  }

  // ---------------------------------------------------------------- search

  async search(input: string | ParsedQuery, options: SearchOptions = {}): Promise<SearchResponse> {
    const store = this.#store
    const query = typeof input === 'string' ? parseQuery(input) : input
    const failed = (error: SearchIssue): SearchResponse => ({ query, hits: [], total: 0, totalExact: true, ranking: 'relevance', error })
    if (query.error !== null) return failed(query.error)
    const filter = compileFilter(options)
    if ('code' in filter) return failed(filter)
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(options.limit ?? DEFAULT_LIMIT)))
    const withSnippets = options.snippets !== false
    const withFurniture = options.includeFurniture === true
    // Every word the query names, required or excluded: a NOT word rules candidates out by its postings.
    if (this.#partial !== null) await this.#loadShardsFor(wordsOf(query.alternatives))

    // Plan each alternative (plan.ts), then merge them into one ranking.
    const ctx: PlanContext = { store, fields: [...(withFurniture ? SEARCH_FIELDS_WITH_FURNITURE : SEARCH_FIELDS)], filter, counts: new Map() }
    const plans = query.alternatives.map((alt) => planAlternative(ctx, alt))
    const { entries, ranking } = mergePlans(store, plans)
    const needles = needlesOf(query.clauses)

    // Check candidates against the text where the index cannot decide (phrases, skipped
    // common words, excluded phrases a candidate may hold), best first, until `limit`
    // hits; count the rest (already through their word filters) without reading them,
    // unless countAll. A document matches when one of its alternatives does.
    const texts = new Map<ArticleId, string | null>()
    const hits: SearchHit[] = []
    const decided = (p: { checks: readonly Needle[]; vetoes: readonly unknown[] }) => p.checks.length === 0 && p.vetoes.length === 0
    if (plans.every(decided)) {
      // Nothing to check: the index decided every match; read texts only for the snippets shown.
      for (const entry of entries.slice(0, limit)) {
        const hit = hitOf(store, entry, withSnippets ? await fieldsOf(store, this.#getText, entry.id, texts, withFurniture) : null, needles)
        if (hit !== null) hits.push(hit)
      }
      return { query, hits, total: entries.length, totalExact: true, ranking, error: null }
    }
    let total = 0
    let estimated = false
    for (const entry of entries) {
      const id = entry.id
      const pending = entry.plans.some(decided) ? [] : entry.plans.map((plan) => ({ checks: plan.checks, vetoes: vetoesFor(ctx, plan, id) }))
      let fields: Field[] | null = null
      if (pending.length > 0 && !pending.some(decided)) {
        if (hits.length >= limit && options.countAll !== true) {
          // An excluded phrase its word pairs allow is most likely there: not counted.
          if (pending.some((p) => p.vetoes.length === 0)) total++
          estimated = true
          continue
        }
        fields = await fieldsOf(store, this.#getText, id, texts, withFurniture)
        const has = (n: Needle) => fields!.some((f) => containsNeedle(foldedOf(f).text, n))
        if (fields === null || !pending.some((p) => p.checks.every(has) && !p.vetoes.some(has))) continue
      }
      total++
      if (hits.length < limit) {
        if (withSnippets) fields ??= await fieldsOf(store, this.#getText, id, texts, withFurniture)
        const hit = hitOf(store, entry, withSnippets ? fields : null, needles)
        if (hit !== null) hits.push(hit)
      }
    }
    return { query, hits, total, totalExact: !estimated, ranking, error: null }
  }

  // ---------------------------------------------------------------- persistence

  /**
   * The index in parts to save (persist.ts): the head, the word filters, and the shards of
   * terms: all of them, or only those changed since the last save ('dirty', which takes
   * them: a failed save gives them back with markDirty).
   */
  toParts(which: 'all' | 'dirty'): IndexParts {
    return storeToParts(this.#store, which, this.#partial)
  }

  /**
   * After a save of every change (toParts, then the files written): forgets the postings
   * held in memory, loaded or added, so that what stays is the head and the filters and
   * the shards the next searches load, read from the saved copy `load` reads (its shards
   * are `saved`). False, and nothing forgotten, when something changed since toParts.
   */
  releaseShards(saved: readonly string[], load: ShardLoader): boolean {
    const store = this.#store
    if (store.dirty === 'all' || store.dirty.size > 0) return false
    termsOf(store.mini).clear()
    this.#partial = { present: new Set(saved), loaded: new Set(), load }
    return true
  }

  /** Shards to save again (their save failed), or all of them. */
  markDirty(keys: Iterable<string> | 'all'): void {
    const store = this.#store
    if (keys === 'all' || store.dirty === 'all') store.dirty = 'all'
    else for (const k of keys) store.dirty.add(k)
  }

  /** Cleans discarded documents' postings when they are many (then every shard is saved again). */
  async vacuumIfDirty(): Promise<void> {
    const mini = this.#store.mini
    if (this.#partial !== null || mini.dirtCount < DIRT_MIN || mini.dirtFactor < DIRT_FACTOR) return
    await mini.vacuum()
    this.#store.dirty = 'all'
  }

  /**
   * Restores a saved index from its head and filters. `shards`: every shard's entries (a
   * complete index, which can change), or a loader: then each search loads the shards of
   * its words first, and the index cannot change (see complete). Never throws: a head of
   * another format or tokenizer is `outdated`, anything that does not add up `corrupt`.
   */
  static fromParts(head: unknown, filters: Uint32Array, shards: readonly ShardEntries[] | ShardLoader, options: SearchIndexOptions, written = false): LoadResult {
    const checked = written ? checkHeadRowsTrusted(head) : checkHead(head)
    if (!checked.ok) return checked
    const index = new SearchIndex(options)
    return index.#restored(checked.head, shards, restoreParts(index.#store, checked.head, filters, typeof shards === 'function' ? [] : shards))
  }

  /**
   * fromParts with a turn of the event loop (`turn`) every few thousand documents, for the
   * app's main thread: at 10,000 articles a whole head took it for a quarter of a second.
   * The same index, or the same failure.
   */
  static async fromPartsInSlices(head: unknown, filters: Uint32Array, shards: readonly ShardEntries[] | ShardLoader, options: SearchIndexOptions, turn: () => Promise<void>, written = false): Promise<LoadResult> {
    // `written`: the very text this process's build wrote; its rows (most of a head) are
    // what that build made, so only the rest is checked (the rows' check, 250 ms of the
    // main thread and as much garbage at 10,000 articles, guards against damage on disk).
    const checked = written ? checkHeadRowsTrusted(head) : await checkHeadInSlices(head, turn)
    if (!checked.ok) return checked
    const index = new SearchIndex(options)
    return index.#restored(checked.head, shards, await restorePartsInSlices(index.#store, checked.head, filters, typeof shards === 'function' ? [] : shards, turn))
  }

  #restored(head: IndexHead, shards: readonly ShardEntries[] | ShardLoader, failed: LoadFailure | null): LoadResult {
    if (failed) return failed
    if (typeof shards === 'function') this.#partial = { present: new Set(head.shards), loaded: new Set(), load: shards }
    return { ok: true, index: this }
  }

  /** The shards a search's words need, loaded once each. */
  async #loadShardsFor(words: readonly { term: string; prefix: boolean }[]): Promise<void> {
    const partial = this.#partial!
    const keys = new Set<string>()
    for (const { term, prefix } of words) {
      for (const key of shardKeysFor(term, prefix, partial.present)) if (!partial.loaded.has(key)) keys.add(key)
    }
    if (keys.size === 0) return
    const turn = this.#turn
    if (turn === undefined) {
      const failed = addShards(this.#store, await partial.load([...keys]))
      if (failed) throw new Error(failed.message)
      for (const k of keys) partial.loaded.add(k)
      return
    }
    // One shard at a time, with turns between (a search beside it adding the same shard
    // adds nothing twice: addShards keeps the postings it has).
    for (const key of keys) {
      const shards = await partial.load([key])
      await turn()
      const failed = await addShardsInSlices(this.#store, shards, turn)
      if (failed) throw new Error(failed.message)
      partial.loaded.add(key)
      await turn()
    }
  }
}
