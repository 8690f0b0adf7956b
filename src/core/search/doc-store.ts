// The indexed documents: the MiniSearch index with its options, the per-document entries
// (metadata, stamp, word filter) and their running stamp sum, incremental updates,
// fingerprints and the diff against a notebook.
import MiniSearch, { type Options } from 'minisearch'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { blankRanges } from '../analysis/fingerprint'
import { buildWordFilter } from './word-filter'
import { foldText, splitWords, STOP_WORDS, TOKENIZER_VERSION } from './fold'
import { shardKeyOf } from './shard-keys'
import { stampOf, StampSum, type Stamp } from './stamp'
import type { ArticleInput, HighlightInput, IndexDiff, TextRange } from './types'

export type { TextRange }

/** Bump when the persisted shape or the MiniSearch options change: older files are refused. */
export const INDEX_FORMAT_VERSION = 3

export interface ArticleEntry {
  id: ArticleId
  title: string
  outlet: string | null
  outletKey: string | null
  published: string | null
  day: string | null
  stamp: Stamp
  /** Page furniture of the body (the analysis' ranges): indexed apart, searched only on request. */
  furniture: readonly TextRange[]
  /** Bloom filter of the words and adjacent word pairs of title, body and furniture (word-filter.ts). */
  filter: Uint32Array
}

export interface HighlightEntry {
  id: HighlightId
  articleId: ArticleId
  quote: string
  comment: string
  tagIds: TagId[]
  stamp: Stamp
  /** Bloom filter of the words and word pairs of quote and comment (word-filter.ts). */
  filter: Uint32Array
}

export interface IndexedDoc {
  id: string
  title?: string
  body?: string
  quote?: string
  comment?: string
  furniture?: string
}

/**
 * The fields a search looks in: an article's furniture (taglines, related headlines,
 * cookie notices… that the reader folds away) only when asked for.
 */
export const SEARCH_FIELDS: readonly string[] = ['title', 'body', 'quote', 'comment']
export const SEARCH_FIELDS_WITH_FURNITURE: readonly string[] = [...SEARCH_FIELDS, 'furniture']

/**
 * An article's body split for indexing: the text with each furniture range replaced by a
 * line break, and the furniture's own text (its ranges, one per line).
 */
export function splitFurniture(text: string, furniture: readonly TextRange[]): { body: string; furniture: string } {
  if (furniture.length === 0) return { body: text, furniture: '' }
  return { body: blankRanges(text, furniture), furniture: furniture.map((r) => text.slice(r.start, r.end)).join('\n') }
}

export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Field boosts: a word in a title says more about an article than one in its body, and a
 * quote is what the analyst chose to keep, so it outranks a passing word in a comment.
 */
const BOOST = { title: 2, body: 1, quote: 1.5, comment: 1, furniture: 0.5 }

/**
 * addArticle tokenises the body once for both the word filter and MiniSearch: it leaves
 * the tokens here and MiniSearch's tokenizer picks them up for that exact string.
 */
let pretokenized: { text: string; tokens: string[] } | null = null

export function miniSearchOptions(): Options<IndexedDoc> {
  return {
    fields: [...SEARCH_FIELDS_WITH_FURNITURE],
    idField: 'id',
    storeFields: [],
    // Vacuuming rewrites postings of every term, in the background: the index is saved in
    // shards of terms, changed shards only, so vacuuming is done explicitly (vacuumIfDirty).
    autoVacuum: false,
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

export function dayOf(published: string | null): string | null {
  const day = published?.slice(0, 10) ?? null
  return day !== null && DAY_RE.test(day) ? day : null
}

function articleStamp(a: ArticleInput): Stamp {
  return stampOf('a', a.id, a.title, a.outlet, a.published, a.bodyHash)
}

function highlightStamp(h: HighlightInput): Stamp {
  return stampOf('h', h.id, h.articleId, h.target.exact, h.comment, [...h.tagIds].sort())
}

const sameStamp = (a: Stamp, b: Stamp) => a[0] === b[0] && a[1] === b[1]

/**
 * What the index takes of an article: its entry (metadata, stamp, word filter), the
 * document MiniSearch indexes (fields present as MiniSearch sees them) and each field's
 * tokens. One rule for the live index (DocStore) and the off-thread builder (index-builder.ts).
 */
export function prepareArticle(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): {
  entry: ArticleEntry
  doc: IndexedDoc
  tokens: { title: string[]; body: string[]; furniture: string[] }
} {
  const { doc, tokens, ranges } = articleTokens(article, text, furniture)
  // An empty token between the fields: no phrase pair spans two. The furniture's words
  // are in too: a filter may only say "maybe", never miss a word a search looks for.
  const entry = articleEntry(article, ranges, buildWordFilter([...tokens.title, '', ...tokens.body, '', ...tokens.furniture]))
  return { entry, doc, tokens }
}

/** An article's document and tokens (prepareArticle without its entry), and its furniture ranges as kept. */
export function articleTokens(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): {
  doc: IndexedDoc
  tokens: { title: string[]; body: string[]; furniture: string[] }
  ranges: TextRange[]
} {
  const { doc, folded, ranges } = articleFields(article, text, furniture)
  return { doc, tokens: { title: splitWords(folded.title), body: splitWords(folded.body), furniture: splitWords(folded.furniture) }, ranges }
}

/** An article's document, its fields' folded text (articleTokens' tokens are their words) and its furniture ranges as kept. */
export function articleFields(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): {
  doc: IndexedDoc
  folded: { title: string; body: string; furniture: string }
  ranges: TextRange[]
} {
  const ranges = furniture
    .filter((r) => r.start < r.end && r.end <= text.length)
    .map((r) => ({ start: r.start, end: r.end }))
    .sort((a, b) => a.start - b.start)
  const { body, furniture: extra } = splitFurniture(text, ranges)
  const doc: IndexedDoc = { id: article.id, title: article.title, body, ...(extra === '' ? {} : { furniture: extra }) }
  return { doc, folded: { title: foldText(article.title), body: foldText(body), furniture: foldText(extra) }, ranges }
}

/** An article's entry, given its word filter (of title, '', body, '', furniture tokens: see prepareArticle). */
export function articleEntry(article: ArticleInput, ranges: readonly TextRange[], filter: Uint32Array): ArticleEntry {
  return {
    id: article.id,
    title: article.title,
    outlet: article.outlet,
    outletKey: article.outlet === null ? null : foldText(article.outlet.trim()),
    published: article.published,
    day: dayOf(article.published),
    stamp: articleStamp(article),
    furniture: ranges,
    filter,
  }
}

/** Only what the index takes of a highlight (what a worker is sent or reads): anchors and dates stay out. */
export function highlightInput(h: HighlightInput): HighlightInput {
  return { id: h.id, articleId: h.articleId, target: { exact: h.target.exact }, comment: h.comment, tagIds: h.tagIds }
}

/** What the index takes of a highlight (see prepareArticle); `stamp` when the caller has it. */
export function prepareHighlight(highlight: HighlightInput, stamp: Stamp = highlightStamp(highlight)): {
  entry: HighlightEntry
  doc: IndexedDoc
  tokens: { quote: string[]; comment: string[] }
} {
  const quote = splitWords(foldText(highlight.target.exact))
  const comment = splitWords(foldText(highlight.comment))
  const entry: HighlightEntry = {
    id: highlight.id,
    articleId: highlight.articleId,
    quote: highlight.target.exact,
    comment: highlight.comment,
    tagIds: [...highlight.tagIds],
    stamp,
    filter: buildWordFilter([...quote, '', ...comment]),
  }
  return { entry, doc: { id: highlight.id, quote: entry.quote, comment: entry.comment }, tokens: { quote, comment } }
}

/** Everything the index holds; SearchIndex updates it, search and persistence read it. */
export class DocStore {
  /** Replaced as a whole when an index is restored from JSON (persist.ts). */
  mini: MiniSearch<IndexedDoc>
  readonly articles = new Map<ArticleId, ArticleEntry>()
  readonly highlights = new Map<HighlightId, HighlightEntry>()
  readonly byArticle = new Map<ArticleId, Set<HighlightId>>()
  readonly sum = new StampSum()
  /** Shard keys (shardKeyOf) whose terms changed since the last save; 'all' after a rebuild or vacuum. */
  dirty: Set<string> | 'all' = 'all'

  constructor() {
    this.mini = new MiniSearch(miniSearchOptions())
  }

  /** Adds an article, or replaces it (its highlights stay); `furniture` ranges index `text`. */
  addArticle(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): void {
    this.#dropArticleDoc(article.id)
    const { entry, doc, tokens } = prepareArticle(article, text, furniture)
    pretokenized = { text: doc.body!, tokens: tokens.body }
    try {
      this.mini.add(doc)
    } finally {
      pretokenized = null
    }
    this.#touch(tokens.title)
    this.#touch(tokens.body)
    this.#touch(tokens.furniture)
    this.articles.set(article.id, entry)
    this.sum.add(entry.stamp)
  }

  /** Removes an article and every highlight of it. */
  removeArticle(id: ArticleId): void {
    this.#dropArticleDoc(id)
    for (const h of [...(this.byArticle.get(id) ?? [])]) this.removeHighlight(h)
  }

  /** Adds or replaces a highlight. A change of tags only does not touch the full-text index. */
  updateHighlight(highlight: HighlightInput): void {
    const old = this.highlights.get(highlight.id)
    const stamp = highlightStamp(highlight)
    if (old !== undefined && sameStamp(old.stamp, stamp)) return
    if (old !== undefined && old.quote === highlight.target.exact && old.comment === highlight.comment && old.articleId === highlight.articleId) {
      this.sum.remove(old.stamp)
      old.tagIds = [...highlight.tagIds]
      old.stamp = stamp
      this.sum.add(stamp)
      return
    }
    if (old !== undefined) this.removeHighlight(highlight.id)
    const { entry, doc, tokens } = prepareHighlight(highlight, stamp)
    this.mini.add(doc)
    this.#touch(tokens.quote)
    this.#touch(tokens.comment)
    this.highlights.set(entry.id, entry)
    this.linkHighlight(entry)
    this.sum.add(stamp)
  }

  removeHighlight(id: HighlightId): void {
    const old = this.highlights.get(id)
    if (old === undefined) return
    this.mini.discard(id)
    this.highlights.delete(id)
    this.byArticle.get(old.articleId)?.delete(id)
    if (this.byArticle.get(old.articleId)?.size === 0) this.byArticle.delete(old.articleId)
    this.sum.remove(old.stamp)
  }

  #dropArticleDoc(id: ArticleId): void {
    const old = this.articles.get(id)
    if (old === undefined) return
    this.mini.discard(id)
    this.articles.delete(id)
    this.sum.remove(old.stamp)
  }

  /** Marks the shards of these tokens as changed (see `dirty`). */
  #touch(tokens: readonly string[]): void {
    if (this.dirty === 'all') return
    for (const t of tokens) if (t.length > 0 && !STOP_WORDS.has(t)) this.dirty.add(shardKeyOf(t))
  }

  linkHighlight(entry: HighlightEntry): void {
    let set = this.byArticle.get(entry.articleId)
    if (set === undefined) this.byArticle.set(entry.articleId, (set = new Set()))
    set.add(entry.id)
  }

  /** See SearchIndex.fingerprint. */
  fingerprint(): string {
    return fingerprintText(this.articles.size, this.highlights.size, this.sum)
  }

  /** What differs between the index and these documents (the notebook's current state). */
  diff(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): IndexDiff {
    const wantArticles = new Set<ArticleId>()
    const articlesToIndex: ArticleId[] = []
    for (const a of articles) {
      wantArticles.add(a.id)
      const have = this.articles.get(a.id)
      if (have === undefined || !sameStamp(have.stamp, articleStamp(a))) articlesToIndex.push(a.id)
    }
    const wantHighlights = new Set<HighlightId>()
    const highlightsToIndex: HighlightId[] = []
    for (const h of highlights) {
      wantHighlights.add(h.id)
      const have = this.highlights.get(h.id)
      if (have === undefined || !sameStamp(have.stamp, highlightStamp(h))) highlightsToIndex.push(h.id)
    }
    return {
      articlesToIndex,
      articlesToRemove: [...this.articles.keys()].filter((id) => !wantArticles.has(id)),
      highlightsToIndex,
      highlightsToRemove: [...this.highlights.keys()].filter((id) => !wantHighlights.has(id)),
    }
  }
}

/** The fingerprint an up-to-date index of these documents has, computed without one. */
export function fingerprintOf(articles: readonly ArticleInput[], highlights: readonly HighlightInput[]): string {
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
  return fingerprintText(articleIds.size, highlightIds.size, sum)
}

/** An index's fingerprint from its document counts and stamp sum (see SearchIndex.fingerprint). */
export function fingerprintText(articles: number, highlights: number, sum: StampSum): string {
  return `${INDEX_FORMAT_VERSION}.${TOKENIZER_VERSION}-${articles}-${highlights}-${sum.hex()}`
}
