// The persisted form of the index: the JSON shape and its schemas, serialising a DocStore,
// and checking and restoring a saved file (MiniSearch's index plus our entries) into one.
import MiniSearch from 'minisearch'
import { z } from 'zod'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { filterFromBase64, filterToBase64 } from './word-filter'
import { foldText, TOKENIZER_VERSION } from './fold'
import { stampFromHex, stampToHex } from './stamp'
import { dayOf, INDEX_FORMAT_VERSION, miniSearchOptions, type DocStore, type HighlightEntry, type IndexedDoc } from './doc-store'

const FORMAT = 'dossier-search-index'

/** Why a saved index cannot be used (the failing half of SearchIndex's LoadResult). */
export interface LoadFailure {
  ok: false
  reason: 'not-an-index' | 'outdated' | 'corrupt'
  message: string
}

export type IndexBody = z.infer<typeof BodySchema>

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

const HeadSchema = z.object({ format: z.literal(FORMAT), version: z.number(), tokenizer: z.number() })
const BodySchema = z.object({
  fingerprint: z.string(),
  articles: z.array(z.tuple([z.string(), z.string(), z.string().nullable(), z.string().nullable(), z.string(), z.string()])),
  highlights: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.array(z.string()), z.string(), z.string()])),
  index: z.object({ documentCount: z.number(), serializationVersion: z.number() }).loose(),
})

/** A plain JSON-able object of the store (SearchIndex.toJSON). */
export function storeToJSON(store: DocStore): SearchIndexJSON {
  return {
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    fingerprint: store.fingerprint(),
    articles: [...store.articles.values()].map((a) => [a.id, a.title, a.outlet, a.published, stampToHex(a.stamp), filterToBase64(a.filter)]),
    highlights: [...store.highlights.values()].map((h) => [h.id, h.articleId, h.quote, h.comment, h.tagIds, stampToHex(h.stamp), filterToBase64(h.filter)]),
    index: store.mini.toJSON(),
  }
}

/** Checks a saved index (a string or parsed): its head (format, versions), then its body. */
export function checkJSON(json: unknown): { ok: true; data: IndexBody } | LoadFailure {
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

const damaged = (e: unknown): LoadFailure => ({ ok: false, reason: 'corrupt', message: `The search index is damaged: ${e instanceof Error ? e.message : String(e)}.` })

/** MiniSearch's index from a checked body. */
export function loadMini(data: IndexBody): { ok: true; mini: MiniSearch<IndexedDoc> } | LoadFailure {
  try {
    return { ok: true, mini: MiniSearch.loadJS(data.index as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions()) }
  } catch (e) {
    return damaged(e)
  }
}

/** As loadMini, but MiniSearch rebuilds its maps in batches, yielding between them. */
export async function loadMiniAsync(data: IndexBody): Promise<{ ok: true; mini: MiniSearch<IndexedDoc> } | LoadFailure> {
  try {
    return { ok: true, mini: await MiniSearch.loadJSAsync(data.index as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions()) }
  } catch (e) {
    return damaged(e)
  }
}

/** Fills a new, empty store from a checked body and its MiniSearch index; null when all adds up. */
export function restoreInto(store: DocStore, data: IndexBody, mini: MiniSearch<IndexedDoc>): LoadFailure | null {
  store.mini = mini
  for (const [id, title, outlet, published, hex, filter64] of data.articles) {
    const stamp = stampFromHex(hex)
    const filter = filterFromBase64(filter64)
    if (stamp === null || filter === null || !mini.has(id)) return { ok: false, reason: 'corrupt', message: `The search index is damaged: article ${id}.` }
    const aid = id as ArticleId
    store.articles.set(aid, { id: aid, title, outlet, outletKey: outlet === null ? null : foldText(outlet.trim()), published, day: dayOf(published), stamp, filter })
    store.sum.add(stamp)
  }
  for (const [id, articleId, quote, comment, tagIds, hex, filter64] of data.highlights) {
    const stamp = stampFromHex(hex)
    const filter = filterFromBase64(filter64)
    if (stamp === null || filter === null || !mini.has(id)) return { ok: false, reason: 'corrupt', message: `The search index is damaged: highlight ${id}.` }
    const entry: HighlightEntry = { id: id as HighlightId, articleId: articleId as ArticleId, quote, comment, tagIds: tagIds as TagId[], stamp, filter }
    store.highlights.set(entry.id, entry)
    store.linkHighlight(entry)
    store.sum.add(stamp)
  }
  if (mini.documentCount !== store.articles.size + store.highlights.size || store.fingerprint() !== data.fingerprint) {
    return { ok: false, reason: 'corrupt', message: 'The search index is damaged: its documents do not add up.' }
  }
  return null
}
