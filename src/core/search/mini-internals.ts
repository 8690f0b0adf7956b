// MiniSearch's private structures, read the way its own toJSON/loadJS and search read
// them (minisearch is pinned: decision 17): the radix tree of terms with their postings,
// and the short ids postings use.
import type MiniSearch from 'minisearch'
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
  _fieldIds: Record<string, number>
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
