/**
 * Builds a whole index from nothing straight into its saved form (persist.ts: head, word
 * filters, shards of terms), without a MiniSearch index in memory (decision 42).
 *
 * MiniSearch keeps a term's postings as a Map per field of a Map per document: at 10,000
 * articles that is ~600 MB of small Maps, and filling them was most of the build's time.
 * Here each document's terms are counted once and its postings appended to flat typed
 * arrays (term number, short id and field, frequency: 12 bytes a posting); the parts are
 * merged, sorted by term with a counting sort, and each shard is produced only when it is
 * written, so a build holds the postings once, compactly, and one shard's JSON at a time.
 *
 * The result is the index `SearchIndex.reconcile` would build and `toParts('all')` save
 * for the same documents added in the same order: the same head (MiniSearch's document
 * tables, with its field lengths and running averages computed by its own rules), the
 * same filters and the same postings (index-builder.test.ts checks this).
 *
 * Documents are added to parts (`IndexPart`), each covering a run of short ids from
 * `firstId`, so several threads can build parts of one index: articles first (in the
 * notebook's order), then highlights, as reconcile adds them.
 */
import { STOP_WORDS, TOKENIZER_VERSION } from './fold'
import { fingerprintText, INDEX_FORMAT_VERSION, prepareArticle, prepareHighlight, SEARCH_FIELDS_WITH_FURNITURE, type ArticleEntry, type HighlightEntry, type IndexedDoc } from './doc-store'
import { articleRow, FORMAT, highlightRow, type IndexHead, type IndexParts, type ShardEntries } from './persist'
import { shardKeyOf } from './shard-keys'
import { stampFromHex, StampSum } from './stamp'
import type { ArticleInput, HighlightInput, TextRange } from './types'

/** MiniSearch's field ids: the position of each field in its options (doc-store.ts miniSearchOptions). */
const FIELDS = SEARCH_FIELDS_WITH_FURNITURE as readonly (keyof IndexedDoc)[]
const FIELD_BITS = 3
/** Absent field in `fieldLengths` (MiniSearch leaves a hole in the document's array). */
const NO_FIELD = -1

/** One thread's share of a build: plain data and typed arrays, so it can cross a worker boundary. */
export interface IndexPart {
  /** Short id of the first document of the part. */
  firstId: number
  /** The head's rows of the part's documents, their filters at offsets into `filters` (persist.ts). */
  articles: IndexHead['articles']
  highlights: IndexHead['highlights']
  filters: Uint32Array
  /** The sum of the documents' stamps (stamp.ts), as hex. */
  stampSum: string
  /** Document ids in short id order (articles, then highlights). */
  ids: string[]
  /** Per document, FIELDS.length entries: unique tokens of the field, or NO_FIELD. */
  fieldLengths: Int32Array
  /** The part's own term numbering. */
  terms: string[]
  /** Per posting: term number, (short id << FIELD_BITS | field id), frequency. */
  postingTerms: Int32Array
  postingDocs: Int32Array
  postingFreqs: Int32Array
  postings: number
}

/** The typed arrays a part holds, to transfer rather than copy across a thread boundary. */
export function partBuffers(part: IndexPart): ArrayBuffer[] {
  return [part.fieldLengths, part.filters, part.postingTerms, part.postingDocs, part.postingFreqs].map((a) => a.buffer as ArrayBuffer)
}

class Growable {
  array = new Int32Array(1 << 16)
  length = 0
  push(value: number): void {
    if (this.length === this.array.length) {
      const next = new Int32Array(this.array.length * 2)
      next.set(this.array)
      this.array = next
    }
    this.array[this.length++] = value
  }
  take(): Int32Array {
    return this.array.slice(0, this.length)
  }
}

export class IndexBuilder {
  readonly #firstId: number
  readonly #articles: IndexHead['articles'] = []
  readonly #highlights: IndexHead['highlights'] = []
  readonly #filters = new Growable()
  readonly #sum = new StampSum()
  readonly #ids: string[] = []
  readonly #fieldLengths = new Growable()
  readonly #termIds = new Map<string, number>()
  readonly #terms: string[] = []
  readonly #postingTerms = new Growable()
  readonly #postingDocs = new Growable()
  readonly #postingFreqs = new Growable()

  constructor(firstId = 0) {
    this.#firstId = firstId
  }

  addArticle(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): void {
    const { entry, doc, tokens } = prepareArticle(article, text, furniture)
    this.#articles.push(articleRow(entry, this.#place(entry)))
    this.#add(doc, { title: tokens.title, body: tokens.body, furniture: tokens.furniture })
  }

  addHighlight(highlight: HighlightInput): void {
    const { entry, doc, tokens } = prepareHighlight(highlight)
    this.#highlights.push(highlightRow(entry, this.#place(entry)))
    this.#add(doc, { quote: tokens.quote, comment: tokens.comment })
  }

  /** Keeps the document's word filter (and its stamp): where it starts in the part's block. */
  #place(entry: ArticleEntry | HighlightEntry): number {
    const start = this.#filters.length
    for (const word of entry.filter) this.#filters.push(word | 0)
    this.#sum.add(entry.stamp)
    return start
  }

  /** Indexes one document as MiniSearch's add does: per field present, its unique tokens and each kept term's frequency. */
  #add(doc: IndexedDoc, tokens: Partial<Record<keyof IndexedDoc, string[]>>): void {
    const shortId = this.#firstId + this.#ids.length
    this.#ids.push(doc.id)
    for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) {
      const field = FIELDS[fieldId]!
      const list = tokens[field]
      if (doc[field] === undefined || list === undefined) {
        this.#fieldLengths.push(NO_FIELD)
        continue
      }
      this.#fieldLengths.push(new Set(list).size)
      const freqs = new Map<string, number>()
      for (const term of list) if (term.length > 0 && !STOP_WORDS.has(term)) freqs.set(term, (freqs.get(term) ?? 0) + 1)
      for (const [term, freq] of freqs) {
        let id = this.#termIds.get(term)
        if (id === undefined) {
          id = this.#terms.length
          this.#termIds.set(term, id)
          this.#terms.push(term)
        }
        this.#postingTerms.push(id)
        this.#postingDocs.push((shortId << FIELD_BITS) | fieldId)
        this.#postingFreqs.push(freq)
      }
    }
  }

  get documentCount(): number {
    return this.#ids.length
  }

  /** The part built so far (the builder is not to be used after). */
  part(): IndexPart {
    return {
      firstId: this.#firstId,
      articles: this.#articles,
      highlights: this.#highlights,
      filters: new Uint32Array(this.#filters.take().buffer),
      stampSum: this.#sum.hex(),
      ids: this.#ids,
      fieldLengths: this.#fieldLengths.take(),
      terms: this.#terms,
      postingTerms: this.#postingTerms.take(),
      postingDocs: this.#postingDocs.take(),
      postingFreqs: this.#postingFreqs.take(),
      postings: this.#postingTerms.length,
    }
  }
}

/**
 * The saved form of the index the parts make together (given in short id order, every
 * article before every highlight): head and filters now, each shard when asked for. The
 * parts' postings are taken (emptied) as they are merged.
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
  // One term numbering for all parts, then postings grouped by term (a counting sort, stable: short ids stay in order).
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
  const starts = new Int32Array(terms.length + 1)
  parts.forEach((p, k) => {
    for (let i = 0; i < p.postings; i++) starts[remaps[k]![p.postingTerms[i]!]! + 1]!++
  })
  for (let t = 0; t < terms.length; t++) starts[t + 1]! += starts[t]!
  const total = starts[terms.length]!
  const docs = new Int32Array(total)
  const freqs = new Int32Array(total)
  const fill = starts.slice(0, terms.length)
  parts.forEach((p, k) => {
    const remap = remaps[k]!
    for (let i = 0; i < p.postings; i++) {
      const at = fill[remap[p.postingTerms[i]!]!]!++
      docs[at] = p.postingDocs[i]!
      freqs[at] = p.postingFreqs[i]!
    }
  })
  // The parts' postings are in `docs` and `freqs` now: let them go (a build holds the postings once).
  for (const p of parts) {
    p.postingTerms = p.postingDocs = p.postingFreqs = new Int32Array(0)
    p.postings = 0
  }
  remaps.length = 0
  const byShard = new Map<string, number[]>()
  for (let t = 0; t < terms.length; t++) {
    const key = shardKeyOf(terms[t]!)
    let list = byShard.get(key)
    if (list === undefined) byShard.set(key, (list = []))
    list.push(t)
  }

  const shard = (key: string): ShardEntries => {
    const out: ShardEntries = []
    const ids = [...(byShard.get(key) ?? [])].sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0))
    for (const t of ids) {
      const postings: Record<string, Record<string, number>> = {}
      for (let at = starts[t]!; at < starts[t + 1]!; at++) {
        const field = String(docs[at]! & ((1 << FIELD_BITS) - 1))
        ;(postings[field] ??= {})[String(docs[at]! >>> FIELD_BITS)] = freqs[at]!
      }
      out.push([terms[t]!, postings])
    }
    return out
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
  return { head, filters, shards: new Map(), shard }
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
