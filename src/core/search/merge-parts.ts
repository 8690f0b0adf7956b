/**
 * Merging index parts (index-builder.ts) built on several threads into the saved form of
 * one index (persist.ts): the head and filters at once, each shard of terms only when it is
 * written, read from the parts' postings (grouped by term in each part) without copying them.
 */
import { TOKENIZER_VERSION } from './fold'
import { fingerprintText, INDEX_FORMAT_VERSION } from './doc-store'
import { FIELD_BITS, FIELDS, NO_FIELD, type IndexPart } from './index-builder'
import { FORMAT, type IndexHead, type IndexParts, type ShardEntries } from './persist'
import { shardKeyOf } from './shard-keys'
import { stampFromHex, StampSum } from './stamp'

/**
 * The saved form of the index the parts make together (given in short id order, every
 * article before every highlight): head and filters now, each shard when asked for, read
 * from the parts' postings (already grouped by term) without copying them.
 */
export function mergeParts(parts: readonly IndexPart[]): IndexParts {
  let next = 0
  for (const p of parts) {
    if (p.firstId !== next) throw new Error(`Index parts do not follow one another: expected short id ${next}, got ${p.firstId}.`)
    next += p.ids.length
  }
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
  const forEachRun = (t: number, run: (p: IndexPart, from: number, to: number) => void) => {
    for (let k = 0; k < parts.length; k++) {
      const local = localOf[k]![t]!
      if (local >= 0) run(parts[k]!, parts[k]!.termStarts[local]!, parts[k]!.termStarts[local + 1]!)
    }
  }
  const byShard = new Map<string, number[]>()
  for (let t = 0; t < terms.length; t++) {
    // A stop word is numbered (it counts in lengths and filters) but never posted.
    let postings = 0
    forEachRun(t, (_, from, to) => (postings += to - from))
    if (postings === 0) continue
    const key = shardKeyOf(terms[t]!)
    let list = byShard.get(key)
    if (list === undefined) byShard.set(key, (list = []))
    list.push(t)
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
  // JSON.stringify(shard(key)), written out directly: a term's postings are in short id
  // order, so each field's run of them is too, as JSON orders integer keys.
  const shardText = (key: string): string => {
    const out: string[] = []
    for (const t of termsOf(key)) {
      let text = `[${JSON.stringify(terms[t]!)},{`
      let fields = 0
      for (let field = 0; field < FIELDS.length; field++) {
        let n = 0
        forEachRun(t, (p, from, to) => {
          for (let at = from; at < to; at++) {
            const doc = p.postingDocs[at]!
            if ((doc & FIELD_MASK) !== field) continue
            text += `${n++ === 0 ? `${fields++ === 0 ? '' : ','}"${field}":{` : ','}"${doc >>> FIELD_BITS}":${p.postingFreqs[at]!}`
          }
        })
        if (n > 0) text += '}'
      }
      out.push(`${text}}]`)
    }
    return `[${out.join(',')}]`
  }
  const head: IndexHead = {
    format: FORMAT,
    version: INDEX_FORMAT_VERSION,
    tokenizer: TOKENIZER_VERSION,
    fingerprint: fingerprintText(articles.length, highlights.length, sum),
    mini: documentTables(parts),
    articles,
    highlights,
    shards: [...byShard.keys()].sort(),
    filterWords: filters.length,
  }
  // Nothing in `shards`: a save asks `shard(key)` for each, one at a time (index-files.ts).
  return { head, filters, shards: new Map(), shard, shardText }
}

/** MiniSearch's document tables (persist.ts documentTables) for the parts' documents, by its own rules. */
function documentTables(parts: readonly IndexPart[]): IndexHead['mini'] {
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
