/**
 * Merging index parts (index-builder.ts) built on several threads into the saved form of
 * one index (persist.ts): the head and filters (`mergeHead`), and each shard of terms only
 * when it is written (`mergeTerms`), read from the parts' postings (grouped by term in each
 * part) without copying them. The two are separate so that several threads can each
 * write some of the shards, and one the head after them.
 */
import { TOKENIZER_VERSION } from './fold'
import { fingerprintText, INDEX_FORMAT_VERSION } from './doc-store'
import { FIELD_BITS, FIELDS, NO_FIELD, type IndexPart } from './index-builder'
import { FORMAT, type IndexHead, type IndexParts, type ShardEntries } from './persist'
import { JsonBytes } from './json-bytes'
import { shardKeyOf } from './shard-keys'
import { stampFromHex, StampSum } from './stamp'

/** What of a part the shards need (a thread writing shards is sent only this). */
export type PartTerms = Pick<IndexPart, 'firstId' | 'ids' | 'terms' | 'termStarts' | 'postingDocs' | 'postingFreqs'>
/** What of a part the head and filters need. */
export type PartHead = Pick<IndexPart, 'firstId' | 'ids' | 'articles' | 'highlights' | 'filters' | 'stampSum' | 'fieldLengths'>

/** The postings of the parts, by shard: what a writer of some of the shards needs (`mergeTerms`). */
export interface MergedTerms {
  /** Every shard key, sorted. */
  keys: string[]
  /** How many postings a shard has (to share the shards out evenly). */
  postings(key: string): number
  shard(key: string): ShardEntries
  /** The UTF-8 bytes of JSON.stringify(shard(key)), written directly: a view, valid until the next call. */
  shardBytes(key: string): Uint8Array
}

/** Checks that the parts follow one another in short id order. */
function checkOrder(parts: readonly Pick<IndexPart, 'firstId' | 'ids'>[]): void {
  let next = 0
  for (const p of parts) {
    if (p.firstId !== next) throw new Error(`Index parts do not follow one another: expected short id ${next}, got ${p.firstId}.`)
    next += p.ids.length
  }
}

/**
 * The saved form of the index the parts make together (given in short id order, every
 * article before every highlight): head and filters now, each shard when asked for, read
 * from the parts' postings (already grouped by term) without copying them.
 */
export function mergeParts(parts: readonly IndexPart[]): IndexParts {
  const terms = mergeTerms(parts)
  return { ...mergeHead(parts, terms.keys), shards: new Map(), shard: terms.shard, shardBytes: terms.shardBytes }
}

/** The parts' postings by shard, each shard's entries (or their JSON) made only when asked for. */
export function mergeTerms(parts: readonly PartTerms[]): MergedTerms {
  checkOrder(parts)
  // One term numbering for all parts; for each term, its number in each part (-1: none).
  const termIds = new Map<string, number>()
  const terms: string[] = []
  const remaps = parts.map((p) =>
    Int32Array.from(p.terms, (term) => {
      let id = termIds.get(term)
      if (id === undefined) {
        id = terms.length
        termIds.set(term, id)
        terms.push(term)
      }
      return id
    }),
  )
  const localOf = remaps.map((remap) => {
    const local = new Int32Array(terms.length).fill(-1)
    remap.forEach((t, i) => (local[t] = i))
    return local
  })
  remaps.length = 0
  // A term's postings: each part's run of them in turn (parts in short id order, so the postings are too).
  const forEachRun = (t: number, run: (p: PartTerms, from: number, to: number) => void) => {
    for (let k = 0; k < parts.length; k++) {
      const local = localOf[k]![t]!
      if (local >= 0) run(parts[k]!, parts[k]!.termStarts[local]!, parts[k]!.termStarts[local + 1]!)
    }
  }
  const byShard = new Map<string, number[]>()
  const counts = new Map<string, number>()
  for (let t = 0; t < terms.length; t++) {
    // A stop word is numbered (it counts in lengths and filters) but never posted.
    let postings = 0
    forEachRun(t, (_, from, to) => (postings += to - from))
    if (postings === 0) continue
    const key = shardKeyOf(terms[t]!)
    let list = byShard.get(key)
    if (list === undefined) byShard.set(key, (list = []))
    list.push(t)
    counts.set(key, (counts.get(key) ?? 0) + postings)
  }
  const termsOf = (key: string) => [...(byShard.get(key) ?? [])].sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0))
  const FIELD_MASK = (1 << FIELD_BITS) - 1

  const shard = (key: string): ShardEntries => {
    const out: ShardEntries = []
    for (const t of termsOf(key)) {
      const postings: Record<string, Record<string, number>> = {}
      forEachRun(t, (p, from, to) => {
        for (let at = from; at < to; at++) (postings[String(p.postingDocs[at]! & FIELD_MASK)] ??= {})[String(p.postingDocs[at]! >>> FIELD_BITS)] = p.postingFreqs[at]!
      })
      out.push([terms[t]!, postings])
    }
    return out
  }
  // JSON.stringify(shard(key)), written out directly as bytes: a term's postings are in
  // short id order, so each field's run of them is too, as JSON orders integer keys.
  const json = new JsonBytes()
  const shardBytes = (key: string): Uint8Array => {
    json.reset()
    json.char(0x5b) // [
    termsOf(key).forEach((t, k) => {
      if (k > 0) json.char(0x2c) // ,
      json.char(0x5b)
      json.string(terms[t]!)
      json.raw(',{')
      let fields = 0
      for (let field = 0; field < FIELDS.length; field++) {
        let n = 0
        forEachRun(t, (p, from, to) => {
          for (let at = from; at < to; at++) {
            const doc = p.postingDocs[at]!
            if ((doc & FIELD_MASK) !== field) continue
            if (n++ === 0) {
              if (fields++ > 0) json.char(0x2c)
              json.char(0x22) // "
              json.int(field)
              json.raw('":{"')
            } else json.raw(',"')
            json.int(doc >>> FIELD_BITS)
            json.raw('":')
            json.int(p.postingFreqs[at]!)
          }
        })
        if (n > 0) json.char(0x7d) // }
      }
      json.raw('}]')
    })
    json.char(0x5d) // ]
    return json.view()
  }
  return { keys: [...byShard.keys()].sort(), postings: (key) => counts.get(key) ?? 0, shard, shardBytes }
}

/** The head (naming these shard keys) and the word filters of the index the parts make together. */
export function mergeHead(parts: readonly PartHead[], shards: readonly string[]): { head: IndexHead; filters: Uint32Array } {
  checkOrder(parts)
  // The parts' rows and filters, one after another: filter offsets move by the words before.
  const articles: IndexHead['articles'] = []
  const highlights: IndexHead['highlights'] = []
  const filters = new Uint32Array(parts.reduce((n, p) => n + p.filters.length, 0))
  const sum = new StampSum()
  let words = 0
  for (const p of parts) {
    for (const row of p.articles) articles.push([row[0], row[1], row[2], row[3], row[4], row[5] + words, row[6], row[7]])
    for (const row of p.highlights) highlights.push([row[0], row[1], row[2], row[3], row[4], row[5], row[6] + words, row[7]])
    filters.set(p.filters, words)
    words += p.filters.length
    sum.add(stampFromHex(p.stampSum) ?? [0, 0])
  }
  const head: IndexHead = {
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    fingerprint: fingerprintText(articles.length, highlights.length, sum),
    mini: documentTables(parts),
    articles,
    highlights,
    shards: [...shards],
    filterWords: filters.length,
  }
  return { head, filters }
}

/** MiniSearch's document tables (persist.ts documentTables) for the parts' documents, by its own rules. */
function documentTables(parts: readonly PartHead[]): IndexHead['mini'] {
  const documentIds: Record<string, string> = {}
  const fieldLength: Record<string, number[]> = {}
  const averageFieldLength: number[] = []
  const fieldIds: Record<string, number> = {}
  FIELDS.forEach((f, i) => (fieldIds[f] = i))
  let count = 0
  for (const p of parts) {
    p.ids.forEach((id, k) => {
      const shortId = p.firstId + k
      documentIds[shortId] = id
      const lengths: number[] = []
      for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) {
        const length = p.fieldLengths[k * FIELDS.length + fieldId]!
        if (length === NO_FIELD) continue
        // MiniSearch's addFieldLength: the running average over every document added so far.
        lengths[fieldId] = length
        averageFieldLength[fieldId] = ((averageFieldLength[fieldId] || 0) * count + length) / (count + 1)
      }
      fieldLength[shortId] = lengths
      count++
    })
  }
  return { documentCount: count, nextId: count, documentIds, fieldIds, fieldLength, averageFieldLength, storedFields: {}, dirtCount: 0, serializationVersion: 2 }
}
