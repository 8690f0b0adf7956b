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
import { fmix32 } from '../hash'
import { scanWords, STOP_WORDS, TOKENIZER_VERSION } from './fold'
import { articleEntry, articleFields, fingerprintText, INDEX_FORMAT_VERSION, prepareHighlight, SEARCH_FIELDS_WITH_FURNITURE, type ArticleEntry, type HighlightEntry, type IndexedDoc } from './doc-store'
import { articleRow, FORMAT, highlightRow, type IndexHead, type IndexParts, type ShardEntries } from './persist'
import { shardKeyOf } from './shard-keys'
import { hashToken, wordFilterOfHashes } from './word-filter'
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
    if (this.length === this.array.length) this.array = grown(this.array, this.length + 1)
    this.array[this.length++] = value
  }
  take(): Int32Array {
    return this.array.slice(0, this.length)
  }
}

/** `array` with room for at least `size` elements (doubled), its contents kept. */
function grown<T extends Int32Array | Uint32Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array
  let length = Math.max(array.length, 1024)
  while (length < size) length *= 2
  const next = new (array.constructor as new (n: number) => T)(length)
  next.set(array)
  return next
}

/** hashToken('') (word-filter.ts): the empty token between an article's fields in its filter. */
const EMPTY_HASH = 0x811c9dc5

export class IndexBuilder {
  readonly #firstId: number
  readonly #articles: IndexHead['articles'] = []
  readonly #highlights: IndexHead['highlights'] = []
  readonly #filters = new Growable()
  readonly #sum = new StampSum()
  readonly #docIds: string[] = []
  readonly #fieldLengths = new Growable()
  /**
   * Every token seen (stop words too: they count in field lengths and filters), numbered
   * once, with its filter hash and whether it is indexed: a document's tokens are looked
   * up once each, then counted, filtered and posted by number.
   */
  readonly #terms: string[] = []
  /** Open-addressing table of term numbers + 1 (0: empty), by token hash: a token is found without making its string. */
  #slots = new Int32Array(1 << 12)
  #hashes = new Uint32Array(1 << 12)
  #kept = new Uint8Array(1 << 12)
  /** Per term number, scratch: the field it was last counted in (a serial number), and its count there. */
  #seen = new Int32Array(1 << 12)
  #counts = new Int32Array(1 << 12)
  #visit = 0
  /** Scratch: a document's tokens as term numbers (separators -1), their hashes and word flags, and a field's distinct terms. */
  #seq = new Int32Array(1 << 12)
  #seqHashes = new Uint32Array(1 << 12)
  #seqWords = new Uint8Array(1 << 12)
  #touched = new Int32Array(1 << 12)
  readonly #postingTerms = new Growable()
  readonly #postingDocs = new Growable()
  readonly #postingFreqs = new Growable()

  constructor(firstId = 0) {
    this.#firstId = firstId
  }

  addArticle(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): void {
    const { doc, folded, ranges } = articleFields(article, text, furniture)
    // Title, '', body, '', furniture: the tokens prepareArticle builds the filter of.
    this.#room(folded.title.length + folded.body.length + folded.furniture.length + 2)
    const titleEnd = this.#numberText(folded.title, 0)
    const bodyEnd = this.#numberText(folded.body, this.#separator(titleEnd))
    const at = this.#numberText(folded.furniture, this.#separator(bodyEnd))
    const entry = articleEntry(article, ranges, wordFilterOfHashes(this.#seqHashes, this.#seqWords, at))
    this.#articles.push(articleRow(entry, this.#place(entry)))
    this.#add(doc.id, [[0, titleEnd], [titleEnd + 1, bodyEnd], null, null, doc.furniture === undefined ? null : [bodyEnd + 1, at]])
  }

  addHighlight(highlight: HighlightInput): void {
    const { entry, doc, tokens } = prepareHighlight(highlight)
    this.#highlights.push(highlightRow(entry, this.#place(entry)))
    this.#room(tokens.quote.length + tokens.comment.length)
    const end = this.#number(tokens.comment, this.#number(tokens.quote, 0))
    this.#add(doc.id, [null, null, doc.quote === undefined ? null : [0, tokens.quote.length], doc.comment === undefined ? null : [tokens.quote.length, end]])
  }

  /** Keeps the document's word filter (and its stamp): where it starts in the part's block. */
  #place(entry: ArticleEntry | HighlightEntry): number {
    const start = this.#filters.length
    for (const word of entry.filter) this.#filters.push(word | 0)
    this.#sum.add(entry.stamp)
    return start
  }

  #room(tokens: number): void {
    this.#seq = grown(this.#seq, tokens)
    this.#seqHashes = grown(this.#seqHashes, tokens)
    this.#seqWords = grown(this.#seqWords, tokens)
    this.#touched = grown(this.#touched, tokens)
  }

  /** Puts the tokens' numbers (and hashes) in the scratch sequence from `at`; returns where they end. */
  #number(tokens: readonly string[], at: number): number {
    for (const token of tokens) at = this.#put(at, this.#intern(token, 0, token.length, hashToken(token)))
    return at
  }

  /** #number for the words of a folded text (splitWords' tokens), without making a string of each. */
  #numberText(folded: string, at: number): number {
    scanWords(folded, (start, end) => {
      // hashToken of the word, inline.
      let h = 0x811c9dc5
      for (let i = start; i < end; i++) h = Math.imul(h ^ folded.charCodeAt(i), 0x01000193)
      at = this.#put(at, this.#intern(folded, start, end, h >>> 0))
    })
    return at
  }

  #put(at: number, id: number): number {
    this.#seq[at] = id
    this.#seqHashes[at] = this.#hashes[id]!
    this.#seqWords[at] = 1
    return at + 1
  }

  /** The number of the term text[start, end) (whose hashToken is `hash`), numbering it if new. */
  #intern(text: string, start: number, end: number, hash: number): number {
    const slots = this.#slots
    const mask = slots.length - 1
    const length = end - start
    for (let slot = fmix32(hash) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1
      if (id < 0) break
      if (this.#hashes[id] !== hash) continue
      const term = this.#terms[id]!
      if (term.length !== length) continue
      let i = 0
      while (i < length && term.charCodeAt(i) === text.charCodeAt(start + i)) i++
      if (i === length) return id
    }
    // A copy of its own: a slice would keep the whole folded text it came from alive.
    const term = length === text.length ? text : [...text.slice(start, end)].join('')
    const id = this.#terms.length
    this.#terms.push(term)
    if (id === this.#hashes.length) {
      this.#hashes = grown(this.#hashes, id + 1)
      this.#kept = grown(this.#kept, id + 1)
      this.#seen = grown(this.#seen, id + 1)
      this.#counts = grown(this.#counts, id + 1)
    }
    this.#hashes[id] = hash
    this.#kept[id] = length > 0 && !STOP_WORDS.has(term) ? 1 : 0
    if ((id + 1) * 2 > slots.length) this.#rehash(slots.length * 2)
    else this.#slot(slots, hash, id)
    return id
  }

  #slot(slots: Int32Array, hash: number, id: number): void {
    const mask = slots.length - 1
    let slot = fmix32(hash) & mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = id + 1
  }

  #rehash(size: number): void {
    this.#slots = new Int32Array(size)
    for (let id = 0; id < this.#terms.length; id++) this.#slot(this.#slots, this.#hashes[id]!, id)
  }

  #separator(at: number): number {
    this.#seq[at] = -1
    this.#seqHashes[at] = EMPTY_HASH
    this.#seqWords[at] = 0
    return at + 1
  }

  /**
   * Indexes one document as MiniSearch's add does: per field present (its tokens a range
   * of the scratch sequence), its unique tokens and each kept term's frequency.
   */
  #add(docId: string, fields: readonly ([number, number] | null)[]): void {
    const shortId = this.#firstId + this.#docIds.length
    this.#docIds.push(docId)
    for (let fieldId = 0; fieldId < FIELDS.length; fieldId++) {
      const range = fields[fieldId] ?? null
      if (range === null) {
        this.#fieldLengths.push(NO_FIELD)
        continue
      }
      const visit = ++this.#visit
      let distinct = 0
      for (let i = range[0]; i < range[1]; i++) {
        const id = this.#seq[i]!
        if (this.#seen[id] !== visit) {
          this.#seen[id] = visit
          this.#counts[id] = 1
          this.#touched[distinct++] = id
        } else this.#counts[id]!++
      }
      this.#fieldLengths.push(distinct)
      // In the order first seen, as MiniSearch adds them (the merge sorts by term anyway).
      for (let k = 0; k < distinct; k++) {
        const id = this.#touched[k]!
        if (this.#kept[id] === 0) continue
        this.#postingTerms.push(id)
        this.#postingDocs.push((shortId << FIELD_BITS) | fieldId)
        this.#postingFreqs.push(this.#counts[id]!)
      }
    }
  }

  get documentCount(): number {
    return this.#docIds.length
  }

  /** The part built so far (the builder is not to be used after). */
  part(): IndexPart {
    return {
      firstId: this.#firstId,
      articles: this.#articles,
      highlights: this.#highlights,
      filters: new Uint32Array(this.#filters.take().buffer),
      stampSum: this.#sum.hex(),
      ids: this.#docIds,
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
    // A stop word is numbered (it counts in lengths and filters) but never posted.
    if (starts[t] === starts[t + 1]) continue
    const key = shardKeyOf(terms[t]!)
    let list = byShard.get(key)
    if (list === undefined) byShard.set(key, (list = []))
    list.push(t)
  }
  const termsOf = (key: string) => [...(byShard.get(key) ?? [])].sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0))

  const shard = (key: string): ShardEntries => {
    const out: ShardEntries = []
    for (const t of termsOf(key)) {
      const postings: Record<string, Record<string, number>> = {}
      for (let at = starts[t]!; at < starts[t + 1]!; at++) {
        const field = String(docs[at]! & ((1 << FIELD_BITS) - 1))
        ;(postings[field] ??= {})[String(docs[at]! >>> FIELD_BITS)] = freqs[at]!
      }
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
        for (let at = starts[t]!; at < starts[t + 1]!; at++) {
          if ((docs[at]! & ((1 << FIELD_BITS) - 1)) !== field) continue
          text += `${n++ === 0 ? `${fields++ === 0 ? '' : ','}"${field}":{` : ','}"${docs[at]! >>> FIELD_BITS}":${freqs[at]!}`
        }
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
