// The persisted form of the index, in parts, so that a search need not load all of it:
// - a head: MiniSearch's document tables (ids, field lengths, counts: what BM25 needs) and
//   our entries (metadata, stamps, where each word filter lies), small;
// - the word filters, one binary block (Uint32 words);
// - the postings, in shards of terms by their first two characters (shard-keys.ts).
// A search loads the head, the filters and the shards of its words only; an index that
// changes saves the head, the filters and only the shards whose terms changed.
// MiniSearch's postings are read and written through its (private, pinned: decision 17)
// radix tree `_index` (mini-internals.ts), the way its own toJSON/loadJS do.
import MiniSearch from 'minisearch'
import { z } from 'zod'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { foldText, TOKENIZER_VERSION } from './fold'
import { shardKeyOf } from './shard-keys'
import { runSteps, runStepsInSlices } from '../steps'
import { termsOf, type TermData } from './mini-internals'
import { stampFromHex, stampToHex } from './stamp'
import { dayOf, INDEX_FORMAT_VERSION, miniSearchOptions, type ArticleEntry, type DocStore, type HighlightEntry, type IndexedDoc, type TextRange } from './doc-store'

export const FORMAT = 'dossier-search-index'

/** Why a saved index cannot be used (the failing half of SearchIndex's LoadResult). */
export interface LoadFailure {
  ok: false
  reason: 'not-an-index' | 'outdated' | 'corrupt'
  message: string
}

/** One shard: [term, { fieldId: { shortId: term frequency } }] for each of its terms. */
export type ShardEntries = [string, Record<string, Record<string, number>>][]

const Postings = z.record(z.string(), z.record(z.string(), z.number()))
export const ShardSchema = z.array(z.tuple([z.string(), Postings]))

const HeadSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number(),
  tokenizer: z.number(),
  fingerprint: z.string(),
  /** MiniSearch's toJSON() without its `index` (the postings live in shards). */
  mini: z.object({ documentCount: z.number(), nextId: z.number(), serializationVersion: z.number() }).loose(),
  /** [id, title, outlet, published, stamp, filter start, filter length, furniture] (filter in Uint32 words; furniture as start, end, start, end…) */
  articles: z.array(
    z.tuple([z.string(), z.string(), z.string().nullable(), z.string().nullable(), z.string(), z.number(), z.number(), z.array(z.number().int().nonnegative())]),
  ),
  /** [id, articleId, quote, comment, tagIds, stamp, filter start, filter length] */
  highlights: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.array(z.string()), z.string(), z.number(), z.number()])),
  /** Every shard the index has. */
  shards: z.array(z.string()),
  /** Uint32 words in the filters block. */
  filterWords: z.number().int().nonnegative(),
})
export type IndexHead = z.infer<typeof HeadSchema>

/** Loads saved shards by key (the caller knows where they are). */
export type ShardLoader = (keys: readonly string[]) => Promise<ShardEntries[]>

/** A partly loaded index: the shards its saved copy has, those loaded so far, and how to load more. */
export interface PartialShards {
  present: ReadonlySet<string>
  loaded: Set<string>
  load: ShardLoader
}

/** What a save writes: the head, the filters, and the shards asked for (all, or the changed ones). */
export interface IndexParts {
  head: IndexHead
  filters: Uint32Array
  shards: Map<string, ShardEntries>
  /**
   * Changed shards not in `shards`: of a partly loaded index, each read from its saved copy
   * and merged with the changes only when written (`shard(key)`), one at a time.
   */
  dirty?: ReadonlySet<string>
  /** Any shard of the index as it is now (for a saved copy that went missing, and `dirty`). */
  shard: (key: string) => ShardEntries | Promise<ShardEntries>
  /** The UTF-8 bytes of `JSON.stringify(shard(key))`, when the parts can write them more cheaply themselves (a build: merge-parts.ts); a view, valid until the next call. */
  shardBytes?: (key: string) => Uint8Array
}

function entryOf(term: string, data: TermData): [string, Record<string, Record<string, number>>] {
  const postings: Record<string, Record<string, number>> = {}
  for (const [fieldId, freqs] of data) postings[fieldId] = Object.fromEntries(freqs)
  return [term, postings]
}

/** The terms of one shard, from the live index. */
function shardOf(mini: MiniSearch<IndexedDoc>, key: string): ShardEntries {
  const terms = termsOf(mini)
  const out: ShardEntries = []
  // A one-character key holds that one-character term only; longer terms start a two-character shard.
  if ([...key].length === 1) {
    const data = terms.get(key)
    if (data) out.push(entryOf(key, data))
    return out
  }
  for (const [term, data] of terms.atPrefix(key)) out.push(entryOf(term, data))
  // In term order, whatever order the terms were added in: an index loaded back meets them in
  // this order (a prefix's scores are summed in it), so the same documents load as the same index.
  return out.sort(byTerm)
}

const byTerm = (a: ShardEntries[number], b: ShardEntries[number]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)

/**
 * The store's parts. `which`: 'all' shards, or the store's dirty ones (those whose terms
 * changed since the last save; all after a rebuild or vacuum). The dirty set is taken:
 * a caller whose write fails gives it back with `markDirty`.
 */
export function storeToParts(store: DocStore, which: 'all' | 'dirty', partial: PartialShards | null = null): IndexParts {
  if (partial !== null && which === 'all') throw new Error('A partly loaded search index saves its changed shards only.')
  const mini = documentTables(store.mini)
  const keys = new Set<string>(partial?.present ?? [])
  for (const term of termsOf(store.mini).keys()) keys.add(shardKeyOf(term))
  const wanted = which === 'all' || store.dirty === 'all' ? keys : new Set([...store.dirty].filter((k) => keys.has(k)))
  store.dirty = new Set()
  const live = store.mini
  // A saved shard not loaded holds postings this index has not read: merged when written.
  const unread = (key: string) => partial !== null && partial.present.has(key) && !partial.loaded.has(key)
  const shards = new Map<string, ShardEntries>()
  const dirty = new Set<string>()
  for (const key of wanted) {
    if (unread(key)) dirty.add(key)
    else shards.set(key, shardOf(live, key))
  }
  const rows = documentRows([...store.articles.values()], [...store.highlights.values()])
  const head: IndexHead = {
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    fingerprint: store.fingerprint(),
    mini,
    articles: rows.articles,
    highlights: rows.highlights,
    shards: [...keys].sort(),
    filterWords: rows.filters.length,
  }
  const shard = (key: string): ShardEntries | Promise<ShardEntries> => (unread(key) ? partial!.load([key]).then(([saved]) => mergeShard(saved ?? [], shardOf(live, key))) : shardOf(live, key))
  return { head, filters: rows.filters, shards, dirty, shard }
}

/** An article's row in the head, its word filter at `start` (in Uint32 words) of the filters block. */
export function articleRow(a: ArticleEntry, start: number): IndexHead['articles'][number] {
  return [a.id, a.title, a.outlet, a.published, stampToHex(a.stamp), start, a.filter.length, a.furniture.flatMap((r) => [r.start, r.end])]
}

/** A highlight's row in the head (see articleRow). */
export function highlightRow(h: HighlightEntry, start: number): IndexHead['highlights'][number] {
  return [h.id, h.articleId, h.quote, h.comment, h.tagIds, stampToHex(h.stamp), start, h.filter.length]
}

/** The head's rows of the documents (in this order) and their word filters as one block. */
export function documentRows(articles: readonly ArticleEntry[], highlights: readonly HighlightEntry[]): { articles: IndexHead['articles']; highlights: IndexHead['highlights']; filters: Uint32Array } {
  let words = 0
  for (const a of articles) words += a.filter.length
  for (const h of highlights) words += h.filter.length
  const filters = new Uint32Array(words)
  let at = 0
  const place = (filter: Uint32Array): number => {
    filters.set(filter, at)
    at += filter.length
    return at - filter.length
  }
  return { articles: articles.map((a) => articleRow(a, place(a.filter))), highlights: highlights.map((h) => highlightRow(h, place(h.filter))), filters }
}

/** What MiniSearch's toJSON() holds besides the postings: its document tables, read the way toJSON reads them. */
function documentTables(mini: MiniSearch<IndexedDoc>): IndexHead['mini'] {
  const m = mini as unknown as {
    _documentCount: number
    _nextId: number
    _documentIds: Map<number, string>
    _fieldIds: Record<string, number>
    _fieldLength: Map<number, number[]>
    _avgFieldLength: number[]
    _storedFields: Map<number, unknown>
    _dirtCount: number
  }
  return {
    documentCount: m._documentCount,
    nextId: m._nextId,
    documentIds: Object.fromEntries(m._documentIds),
    fieldIds: m._fieldIds,
    fieldLength: Object.fromEntries(m._fieldLength),
    averageFieldLength: m._avgFieldLength,
    storedFields: Object.fromEntries(m._storedFields),
    dirtCount: m._dirtCount,
    serializationVersion: 2,
  }
}

/** Checks a saved head (parsed JSON): its format and versions, then its shape. */
export function checkHead(json: unknown): { ok: true; head: IndexHead } | LoadFailure {
  const start = z.object({ format: z.literal(FORMAT), version: z.number(), tokenizer: z.number() }).safeParse(json)
  if (!start.success) return { ok: false, reason: 'not-an-index', message: 'This is not a Dossier search index.' }
  if (start.data.version !== INDEX_FORMAT_VERSION || start.data.tokenizer !== TOKENIZER_VERSION) {
    return {
      ok: false,
      reason: 'outdated',
      message: `The search index has format ${start.data.version}/${start.data.tokenizer}; this version uses ${INDEX_FORMAT_VERSION}/${TOKENIZER_VERSION}.`,
    }
  }
  const head = HeadSchema.safeParse(json)
  if (!head.success) return { ok: false, reason: 'corrupt', message: `The search index is damaged: ${head.error.issues[0]?.message ?? 'bad shape'}.` }
  return { ok: true, head: head.data }
}

const damaged = (e: unknown): LoadFailure => ({ ok: false, reason: 'corrupt', message: `The search index is damaged: ${e instanceof Error ? e.message : String(e)}.` })

/**
 * Fills a new, empty store from a head, its filters and some of its shards (a search's
 * words, or all of them); null when everything adds up. More shards can be added later
 * with addShards. The store is clean: nothing to save until it changes.
 */
export function restoreParts(store: DocStore, head: IndexHead, filters: Uint32Array, shards: readonly ShardEntries[]): LoadFailure | null {
  return runSteps(restoreSteps(store, head, filters, shards))
}

/** Documents restored, or checked (zod is slower), between two turns of the event loop (restorePartsInSlices, checkHeadInSlices). */
const RESTORE_SLICE = 500
const CHECK_SLICE = 250

/** restoreParts with a turn of the event loop (`turn`) every few hundred documents: the app's main thread keeps turning. */
export async function restorePartsInSlices(store: DocStore, head: IndexHead, filters: Uint32Array, shards: readonly ShardEntries[], turn: () => Promise<void>): Promise<LoadFailure | null> {
  // MiniSearch's document tables too, in batches (its own loadJSAsync: at 10,000 articles,
  // loadJS held the thread for 40 ms).
  let mini: MiniSearch<IndexedDoc>
  try {
    mini = await MiniSearch.loadJSAsync(miniTables(head), miniSearchOptions())
  } catch (e) {
    return damaged(e)
  }
  return runStepsInSlices(restoreSteps(store, head, filters, shards, mini), turn)
}

/** checkHead of all but the document rows, taken as they are (a head this process just wrote: SearchIndex.fromPartsInSlices). */
export function checkHeadRowsTrusted(json: unknown): { ok: true; head: IndexHead } | LoadFailure {
  const { articles, highlights } = (json ?? {}) as { articles?: unknown; highlights?: unknown }
  if (!Array.isArray(articles) || !Array.isArray(highlights)) return checkHead(json)
  const rest = checkHead({ ...(json as object), articles: [], highlights: [] })
  if (!rest.ok) return rest
  return { ok: true, head: { ...rest.head, articles: articles as IndexHead['articles'], highlights: highlights as IndexHead['highlights'] } }
}

/**
 * checkHead with the head's documents checked a few thousand at a time, with a turn of
 * the event loop between: the same verdict (a head passes when every document does) and
 * the same head (its document rows are the ones given, each checked).
 */
export async function checkHeadInSlices(json: unknown, turn: () => Promise<void>): Promise<{ ok: true; head: IndexHead } | LoadFailure> {
  const { articles, highlights } = (json ?? {}) as { articles?: unknown; highlights?: unknown }
  if (!Array.isArray(articles) || !Array.isArray(highlights)) return checkHead(json)
  const rest = checkHead({ ...(json as object), articles: [], highlights: [] })
  if (!rest.ok) return rest
  for (const [rows, schema] of [[articles, HeadSchema.shape.articles], [highlights, HeadSchema.shape.highlights]] as const) {
    for (let at = 0; at < rows.length; at += CHECK_SLICE) {
      await turn()
      const checked = schema.safeParse(rows.slice(at, at + CHECK_SLICE))
      if (!checked.success) return { ok: false, reason: 'corrupt', message: `The search index is damaged: ${checked.error.issues[0]?.message ?? 'bad shape'}.` }
    }
  }
  return { ok: true, head: { ...rest.head, articles: articles as IndexHead['articles'], highlights: highlights as IndexHead['highlights'] } }
}

/** The head's MiniSearch tables as loadJS takes them, with no postings (those are in the shards). */
function miniTables(head: IndexHead): ReturnType<MiniSearch['toJSON']> {
  const tables = head.mini as unknown as ReturnType<MiniSearch['toJSON']>
  // Its own copy of the averages (loadJS keeps the array it is given, and changes it as documents come and go).
  return { ...tables, averageFieldLength: [...tables.averageFieldLength], index: [] }
}

/** restoreParts' work, pausing (yielding) every RESTORE_SLICE documents; returns what restoreParts returns. */
function* restoreSteps(store: DocStore, head: IndexHead, filters: Uint32Array, shards: readonly ShardEntries[], loaded?: MiniSearch<IndexedDoc>): Generator<void, LoadFailure | null> {
  let mini: MiniSearch<IndexedDoc>
  if (loaded) mini = loaded
  else {
    try {
      mini = MiniSearch.loadJS(miniTables(head), miniSearchOptions())
    } catch (e) {
      return damaged(e)
    }
    yield
  }
  // A document's field lengths are saved as JSON, where the fields it lacks (a highlight's
  // title and body) became null: a hole again, or discarding the document would count
  // them as fields of length 0 in the averages (MiniSearch visits every entry but holes).
  for (const lengths of (mini as unknown as { _fieldLength: Map<number, (number | null)[]> })._fieldLength.values()) {
    for (let i = 0; i < lengths.length; i++) if (lengths[i] === null) delete lengths[i]
  }
  store.mini = mini
  yield
  if (head.filterWords !== filters.length) return { ok: false, reason: 'corrupt', message: 'The search index is damaged: its word filters do not match its head.' }
  const filterAt = (start: number, length: number): Uint32Array | null => (start + length <= filters.length && length > 0 ? filters.subarray(start, start + length) : null)
  let done = 0
  for (const [id, title, outlet, published, hex, start, length, flat] of head.articles) {
    if (++done % RESTORE_SLICE === 0) yield
    const stamp = stampFromHex(hex)
    const filter = filterAt(start, length)
    const furniture = rangesOf(flat)
    if (stamp === null || filter === null || furniture === null || !mini.has(id)) return { ok: false, reason: 'corrupt', message: `The search index is damaged: article ${id}.` }
    const aid = id as ArticleId
    store.articles.set(aid, { id: aid, title, outlet, outletKey: outlet === null ? null : foldText(outlet.trim()), published, day: dayOf(published), stamp, furniture, filter })
    store.sum.add(stamp)
  }
  for (const [id, articleId, quote, comment, tagIds, hex, start, length] of head.highlights) {
    if (++done % RESTORE_SLICE === 0) yield
    const stamp = stampFromHex(hex)
    const filter = filterAt(start, length)
    if (stamp === null || filter === null || !mini.has(id)) return { ok: false, reason: 'corrupt', message: `The search index is damaged: highlight ${id}.` }
    const entry: HighlightEntry = { id: id as HighlightId, articleId: articleId as ArticleId, quote, comment, tagIds: tagIds as TagId[], stamp, filter }
    store.highlights.set(entry.id, entry)
    store.linkHighlight(entry)
    store.sum.add(stamp)
  }
  if (mini.documentCount !== store.articles.size + store.highlights.size || store.fingerprint() !== head.fingerprint) {
    return { ok: false, reason: 'corrupt', message: 'The search index is damaged: its documents do not add up.' }
  }
  const failed = addShards(store, shards)
  store.dirty = new Set()
  return failed
}

/** Furniture ranges from their saved form (start, end, start, end…), or null when that does not add up. */
function rangesOf(flat: readonly number[]): TextRange[] | null {
  if (flat.length % 2 !== 0) return null
  const out: TextRange[] = []
  for (let i = 0; i < flat.length; i += 2) {
    if (flat[i]! >= flat[i + 1]!) return null
    out.push({ start: flat[i]!, end: flat[i + 1]! })
  }
  return out
}

/** A saved shard with the postings added since (which win: they are of documents the saved copy does not have). */
function mergeShard(saved: ShardEntries, added: ShardEntries): ShardEntries {
  const byTermKey = new Map<string, Record<string, Record<string, number>>>()
  for (const [term, postings] of saved) byTermKey.set(term, postings)
  for (const [term, postings] of added) {
    const into = byTermKey.get(term)
    if (into === undefined) byTermKey.set(term, postings)
    else for (const fieldId of Object.keys(postings)) into[fieldId] = { ...into[fieldId], ...postings[fieldId] }
  }
  return [...byTermKey].sort(byTerm)
}

/**
 * Adds loaded shards' postings to a restored store (as MiniSearch's loadJS does). A term
 * the store already has (documents added to a partly loaded index) keeps its postings
 * and gains the saved ones.
 */
export function addShards(store: DocStore, shards: readonly ShardEntries[]): LoadFailure | null {
  return runSteps(addShardSteps(store, shards))
}

/** Postings of shards added between two turns of the event loop (`addShardsInSlices`): a few milliseconds. */
const ADD_SLICE = 10_000

/** addShards with a turn of the event loop (`turn`) every few thousand postings: a large shard held the app's main thread 20-50 ms. */
export function addShardsInSlices(store: DocStore, shards: readonly ShardEntries[], turn: () => Promise<void>): Promise<LoadFailure | null> {
  return runStepsInSlices(addShardSteps(store, shards), turn)
}

/** addShards' work, pausing (yielding) after every ADD_SLICE postings or so; returns what addShards returns. */
function* addShardSteps(store: DocStore, shards: readonly ShardEntries[]): Generator<void, LoadFailure | null> {
  const terms = termsOf(store.mini)
  let done = 0
  try {
    for (const shard of shards) {
      for (const [term, data] of shard) {
        if (done >= ADD_SLICE) {
          done = 0
          yield
        }
        const fields: TermData = terms.get(term) ?? new Map()
        for (const fieldId of Object.keys(data)) {
          let freqs = fields.get(Number(fieldId))
          if (freqs === undefined) fields.set(Number(fieldId), (freqs = new Map()))
          for (const [shortId, freq] of Object.entries(data[fieldId]!)) {
            if (!freqs.has(Number(shortId))) freqs.set(Number(shortId), freq)
            done++
          }
        }
        terms.set(term, fields)
      }
    }
  } catch (e) {
    return damaged(e)
  }
  return null
}
