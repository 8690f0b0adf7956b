/**
 * Builds a whole index from nothing straight into its saved form (persist.ts: head, word
 * filters, shards of terms), without a MiniSearch index in memory (decision 42).
 *
 * MiniSearch keeps a term's postings as a Map per field of a Map per document: at 10,000
 * articles that is ~600 MB of small Maps, and filling them was most of the build's time.
 * Here each document's tokens are numbered once (by their hash, without making a string of
 * each), counted, and its postings appended to flat typed arrays (term number, short id
 * and field, frequency: 12 bytes a posting), grouped by term when the part is done; the
 * merge (merge-parts.ts) reads the parts' groups as each shard is written, so a build holds
 * the postings once, compactly, and one shard's JSON at a time.
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
import { scanWords, STOP_WORDS } from './fold'
import { articleEntry, articleFields, prepareHighlight, SEARCH_FIELDS_WITH_FURNITURE, type ArticleEntry, type HighlightEntry, type IndexedDoc } from './doc-store'
import { articleRow, highlightRow, type IndexHead } from './persist'
import { hashToken, wordFilterOfHashes } from './word-filter'
import { StampSum } from './stamp'
import type { ArticleInput, HighlightInput, TextRange } from './types'

/** MiniSearch's field ids: the position of each field in its options (doc-store.ts miniSearchOptions). */
export const FIELDS = SEARCH_FIELDS_WITH_FURNITURE as readonly (keyof IndexedDoc)[]
export const FIELD_BITS = 3
/** Absent field in `fieldLengths` (MiniSearch leaves a hole in the document's array). */
export const NO_FIELD = -1

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
  /**
   * Postings grouped by the part's term number, in short id order within each: term i's
   * are entries termStarts[i] to termStarts[i + 1] of (short id << FIELD_BITS | field id)
   * and frequency. Grouped in the part's thread, so the merge only reads them.
   */
  termStarts: Int32Array
  postingDocs: Int32Array
  postingFreqs: Int32Array
}

class Growable {
  array = new Int32Array(1 << 16)
  length = 0
  /** Allocates the part's own copy of the contents (`alloc`: shared memory, say). */
  copy(alloc: Alloc): Int32Array {
    const out = alloc(this.length)
    out.set(this.array.subarray(0, this.length))
    return out
  }
  push(value: number): void {
    if (this.length === this.array.length) this.array = grown(this.array, this.length + 1)
    this.array[this.length++] = value
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

/** Allocates an Int32Array of `length` zeros: where a part's arrays go (a worker puts them in shared memory). */
export type Alloc = (length: number) => Int32Array

/**
 * A builder's working arrays, which grow with the documents and the vocabulary: a thread
 * that builds one part after another gives each the same ones (`new IndexBuilder(firstId,
 * scratch)`), so that a build allocates them once rather than once a part (freed, they
 * stayed with the allocator: ~100 MB of a 10,000-article build's peak).
 */
export class BuilderScratch {
  readonly filters = new Growable()
  readonly fieldLengths = new Growable()
  readonly postingTerms = new Growable()
  readonly postingDocs = new Growable()
  readonly postingFreqs = new Growable()
  /** Open-addressing table of pairs (term number + 1, or 0: empty; the term's hash as int32), by hash. */
  slots = new Int32Array(1 << 13)
  hashes = new Uint32Array(1 << 12)
  kept = new Uint8Array(1 << 12)
  seen = new Int32Array(1 << 12)
  counts = new Int32Array(1 << 12)
  visit = 0
  seq = new Int32Array(1 << 12)
  seqHashes = new Uint32Array(1 << 12)
  seqWords = new Uint8Array(1 << 12)
  touched = new Int32Array(1 << 12)
  #inUse = false

  /** Takes the arrays for a new builder: emptied (the previous builder's part was taken). */
  take(): this {
    if (this.#inUse) throw new Error('BuilderScratch is in use by another builder.')
    this.#inUse = true
    for (const g of [this.filters, this.fieldLengths, this.postingTerms, this.postingDocs, this.postingFreqs]) g.length = 0
    this.slots.fill(0)
    return this
  }

  release(): void {
    this.#inUse = false
  }
}

export class IndexBuilder {
  readonly #firstId: number
  readonly #articles: IndexHead['articles'] = []
  readonly #highlights: IndexHead['highlights'] = []
  readonly #sum = new StampSum()
  readonly #docIds: string[] = []
  /**
   * Every token seen (stop words too: they count in field lengths and filters), numbered
   * once, with its filter hash and whether it is indexed: a document's tokens are looked
   * up once each, then counted, filtered and posted by number. The arrays (an
   * open-addressing table of term numbers + 1 by token hash, so a token is found without
   * making its string; per term its hash, whether kept, and scratch for counting; a
   * document's tokens as term numbers) are the scratch's (`BuilderScratch`).
   */
  readonly #terms: string[] = []
  readonly #s: BuilderScratch

  constructor(firstId = 0, scratch: BuilderScratch = new BuilderScratch()) {
    this.#firstId = firstId
    this.#s = scratch.take()
  }

  addArticle(article: ArticleInput, text: string, furniture: readonly TextRange[] = []): void {
    const { doc, folded, ranges } = articleFields(article, text, furniture)
    // Title, '', body, '', furniture: the tokens prepareArticle builds the filter of.
    this.#room(folded.title.length + folded.body.length + folded.furniture.length + 2)
    const titleEnd = this.#numberText(folded.title, 0)
    const bodyEnd = this.#numberText(folded.body, this.#separator(titleEnd))
    const at = this.#numberText(folded.furniture, this.#separator(bodyEnd))
    const entry = articleEntry(article, ranges, wordFilterOfHashes(this.#s.seqHashes, this.#s.seqWords, at))
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
    const start = this.#s.filters.length
    for (const word of entry.filter) this.#s.filters.push(word | 0)
    this.#sum.add(entry.stamp)
    return start
  }

  #room(tokens: number): void {
    this.#s.seq = grown(this.#s.seq, tokens)
    this.#s.seqHashes = grown(this.#s.seqHashes, tokens)
    this.#s.seqWords = grown(this.#s.seqWords, tokens)
    this.#s.touched = grown(this.#s.touched, tokens)
  }

  /** Puts the tokens' numbers (and hashes) in the scratch sequence from `at`; returns where they end. */
  #number(tokens: readonly string[], at: number): number {
    for (const token of tokens) {
      const hash = hashToken(token)
      at = this.#put(at, this.#intern(token, 0, token.length, hash), hash)
    }
    return at
  }

  /** #number for the words of a folded text (splitWords' tokens), without making a string of each. */
  #numberText(folded: string, at: number): number {
    scanWords(folded, (start, end) => {
      // hashToken of the word, inline.
      let h = 0x811c9dc5
      for (let i = start; i < end; i++) h = Math.imul(h ^ folded.charCodeAt(i), 0x01000193)
      at = this.#put(at, this.#intern(folded, start, end, h >>> 0), h >>> 0)
    })
    return at
  }

  /** Appends term `id` (whose hash is `hash`) to the scratch sequence. */
  #put(at: number, id: number, hash: number): number {
    const s = this.#s
    s.seq[at] = id
    s.seqHashes[at] = hash
    s.seqWords[at] = 1
    return at + 1
  }

  /**
   * The number of the term text[start, end) (whose hashToken is `hash`), numbering it if
   * new. The table holds pairs (term number + 1, hash), so a probe reads one place in
   * memory rather than two (the look-up is most of a build's CPU, and mostly cache misses).
   */
  #intern(text: string, start: number, end: number, hash: number): number {
    const slots = this.#s.slots
    const mask = (slots.length >> 1) - 1
    const length = end - start
    const signed = hash | 0
    const terms = this.#terms
    for (let slot = fmix32(hash) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot << 1]! - 1
      if (id < 0) break
      if (slots[(slot << 1) | 1] !== signed) continue
      const term = terms[id]!
      if (term.length !== length) continue
      let i = 0
      while (i < length && term.charCodeAt(i) === text.charCodeAt(start + i)) i++
      if (i === length) return id
    }
    // A copy of its own: a slice would keep the whole folded text it came from alive.
    const term = length === text.length ? text : [...text.slice(start, end)].join('')
    const id = terms.length
    terms.push(term)
    const s = this.#s
    if (id === s.hashes.length) {
      s.hashes = grown(s.hashes, id + 1)
      s.kept = grown(s.kept, id + 1)
      s.seen = grown(s.seen, id + 1)
      s.counts = grown(s.counts, id + 1)
    }
    s.hashes[id] = hash
    s.kept[id] = length > 0 && !STOP_WORDS.has(term) ? 1 : 0
    // At most half full: (id + 1) terms in slots.length / 2 places.
    if ((id + 1) * 4 > slots.length) this.#rehash(slots.length * 2)
    else this.#slot(slots, hash, id)
    return id
  }

  #slot(slots: Int32Array, hash: number, id: number): void {
    const mask = (slots.length >> 1) - 1
    let slot = fmix32(hash) & mask
    while (slots[slot << 1] !== 0) slot = (slot + 1) & mask
    slots[slot << 1] = id + 1
    slots[(slot << 1) | 1] = hash | 0
  }

  #rehash(size: number): void {
    const s = this.#s
    s.slots = new Int32Array(size)
    for (let id = 0; id < this.#terms.length; id++) this.#slot(s.slots, s.hashes[id]!, id)
  }

  #separator(at: number): number {
    this.#s.seq[at] = -1
    this.#s.seqHashes[at] = EMPTY_HASH
    this.#s.seqWords[at] = 0
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
        this.#s.fieldLengths.push(NO_FIELD)
        continue
      }
      const visit = ++this.#s.visit
      let distinct = 0
      for (let i = range[0]; i < range[1]; i++) {
        const id = this.#s.seq[i]!
        if (this.#s.seen[id] !== visit) {
          this.#s.seen[id] = visit
          this.#s.counts[id] = 1
          this.#s.touched[distinct++] = id
        } else this.#s.counts[id]!++
      }
      this.#s.fieldLengths.push(distinct)
      // In the order first seen, as MiniSearch adds them (the merge sorts by term anyway).
      for (let k = 0; k < distinct; k++) {
        const id = this.#s.touched[k]!
        if (this.#s.kept[id] === 0) continue
        this.#s.postingTerms.push(id)
        this.#s.postingDocs.push((shortId << FIELD_BITS) | fieldId)
        this.#s.postingFreqs.push(this.#s.counts[id]!)
      }
    }
  }

  get documentCount(): number {
    return this.#docIds.length
  }

  /**
   * The part built so far, its arrays from `alloc` (the builder is not to be used after:
   * its scratch goes to the next builder).
   */
  part(alloc: Alloc = (length) => new Int32Array(length)): IndexPart {
    const s = this.#s
    // Postings grouped by term: a counting sort, stable (short ids stay in order).
    const count = s.postingTerms.length
    const terms = s.postingTerms.array
    const termStarts = alloc(this.#terms.length + 1)
    for (let i = 0; i < count; i++) termStarts[terms[i]! + 1]!++
    for (let t = 0; t < this.#terms.length; t++) termStarts[t + 1]! += termStarts[t]!
    const fill = termStarts.slice(0, this.#terms.length)
    const postingDocs = alloc(count)
    const postingFreqs = alloc(count)
    const [docs, freqs] = [s.postingDocs.array, s.postingFreqs.array]
    for (let i = 0; i < count; i++) {
      const at = fill[terms[i]!]!++
      postingDocs[at] = docs[i]!
      postingFreqs[at] = freqs[i]!
    }
    const filters = s.filters.copy(alloc)
    const part: IndexPart = {
      firstId: this.#firstId,
      articles: this.#articles,
      highlights: this.#highlights,
      filters: new Uint32Array(filters.buffer, filters.byteOffset, filters.length),
      stampSum: this.#sum.hex(),
      ids: this.#docIds,
      fieldLengths: s.fieldLengths.copy(alloc),
      terms: this.#terms,
      termStarts,
      postingDocs,
      postingFreqs,
    }
    s.release()
    return part
  }
}
