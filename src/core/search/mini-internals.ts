// MiniSearch's private structures, read the way its own toJSON/loadJS and search read
// them (minisearch is pinned: decision 17): the radix tree of terms with their postings,
// and the short ids postings use.
import type MiniSearch from 'minisearch'
import type { QueryCombination } from 'minisearch'
import type { IndexedDoc } from './doc-store'

/** A term's postings: field id -> (short document id -> term frequency). */
export type TermData = Map<number, Map<number, number>>

export interface TermMap extends Iterable<[string, TermData]> {
  atPrefix(prefix: string): TermMap
  get(term: string): TermData | undefined
  set(term: string, data: TermData): void
  keys(): Iterable<string>
  clear(): void
}

interface Internals {
  _index: TermMap
  _idToShortId: Map<string, number>
  _documentIds: Map<number, string>
  _fieldIds: Record<string, number>
  _dirtCount: number
  _options: { fields: string[] }
}

const internals = (mini: MiniSearch<IndexedDoc>): Internals => mini as unknown as Internals

export const termsOf = (mini: MiniSearch<IndexedDoc>): TermMap => internals(mini)._index

/**
 * Whether the document holds the (folded, indexed) term in one of `fields`: one look-up
 * in the term's postings, whatever their length. A discarded document's postings stay
 * until a vacuum, under a short id no live document has, so they never answer for it.
 */
export function postingHas(mini: MiniSearch<IndexedDoc>, term: string, id: string, fields: readonly string[]): boolean {
  const m = internals(mini)
  const shortId = m._idToShortId.get(id)
  const data = shortId === undefined ? undefined : m._index.get(term)
  if (data === undefined) return false
  for (const field of fields) if (data.get(m._fieldIds[field]!)?.has(shortId!) === true) return true
  return false
}

/**
 * Calls `visit` with the short id of each live document holding the term (or, with
 * `prefix`, a term starting with it) in one of `fields`, in the order MiniSearch's search
 * visits them (the term itself, then the longer terms in the tree's order; per term, the
 * fields in the order given; per field, its postings), once per posting: a document
 * holding the term in two fields is visited twice. `visit` returning true stops the walk.
 * This is what a MiniSearch search with a boostDocument returning 0 walks, without the
 * per-posting call with the document's string id (what made collecting candidates of
 * common words slow: notes/entities.md, "Search with names").
 */
export function forEachPosting(
  mini: MiniSearch<IndexedDoc>,
  term: string,
  prefix: boolean,
  fields: readonly string[],
  visit: (shortId: number) => boolean | void,
): void {
  const m = internals(mini)
  const fieldIds = fields.map((f) => m._fieldIds[f]!)
  const live = m._documentIds
  const walk = (data: TermData | undefined): boolean => {
    if (data === undefined) return false
    for (const fieldId of fieldIds) {
      const postings = data.get(fieldId)
      if (postings === undefined) continue
      for (const shortId of postings.keys()) if (live.has(shortId) && visit(shortId) === true) return true
    }
    return false
  }
  if (walk(m._index.get(term)) || !prefix) return
  for (const [longer, data] of m._index.atPrefix(term)) if (longer !== term && walk(data)) return
}

/**
 * Postings (document x field) of the term in `fields`, counted no further than `cap`: with
 * no discarded document in the index (every posting is a live document's) the sizes of its
 * field maps, else by walking them.
 */
export function postingCount(mini: MiniSearch<IndexedDoc>, term: string, prefix: boolean, fields: readonly string[], cap: number): number {
  const m = internals(mini)
  let n = 0
  if (!prefix && m._dirtCount === 0) {
    const data = m._index.get(term)
    if (data !== undefined) for (const f of fields) n += data.get(m._fieldIds[f]!)?.size ?? 0
    return Math.min(n, cap)
  }
  forEachPosting(mini, term, prefix, fields, () => ++n >= cap)
  return n
}

/** A lookup's term, whether it is a prefix, and its fields (MiniSearch's own when it names none). */
export function lookupOf(mini: MiniSearch<IndexedDoc>, query: QueryCombination): { term: string; prefix: boolean; fields: readonly string[] } {
  return { term: query.queries[0] as string, prefix: query.prefix === true, fields: query.fields ?? internals(mini)._options.fields }
}

/** The document's id (what MiniSearch was given) for a short id. */
export function documentIdOf(mini: MiniSearch<IndexedDoc>, shortId: number): string {
  return internals(mini)._documentIds.get(shortId)!
}
