/**
 * The notebook's text-reuse index: what rewrite detection needs to know about every
 * stored article without reading every fingerprint (a 10,000-article notebook holds
 * hundreds of megabytes of them).
 *
 * Per article (an entry): its shingle count, its sampled shingles, the keys of its
 * sentences, its content stems and a sketch of them. Across articles: for each sample,
 * each sentence key and each content stem, how many articles hold it, which is what tells boilerplate (a licence,
 * mail headers, a formulaic opening: held by many) from reuse between two texts (held by
 * few), and which articles hold a sample, which gives the candidates for a new article
 * without comparing it with every other.
 *
 * Layout: entries by ordinal; a sorted "base" of (sample, ordinal) keys, and of sentence
 * keys, built once from the entries present when it was last compacted; a small "delta"
 * of what was added since, folded into the base when it grows. Removal clears the entry
 * (its postings are skipped). Serialised as bytes (toBytes / fromBytes); the caller adds
 * a checksum and decides where it lives.
 */
import type { Fingerprint } from './fingerprint'
import { sentenceKey } from './fingerprint'
import { SKETCH, sketchSimilarity, stemSketch, stemsOf } from './stems'

/** Bump when the byte layout or what an entry holds changes: an index of another format is rebuilt. */
export const REUSE_INDEX_FORMAT = 2
/** Ordinals take the low bits of a base key (sample * 2^ORD_BITS + ordinal): exact in a float64 below 2^53. */
const ORD_BITS = 21
const ORD_SCALE = 2 ** ORD_BITS
const MAX_ORDINALS = ORD_SCALE - 1
const MAGIC = [0x44, 0x58, 0x52, 0x49] // "DXRI"

export interface ReuseEntry {
  id: string
  shingles: number
  /** Sampled shingle hashes, ascending, distinct (Fingerprint.samples). */
  samples: Uint32Array
  /** sentenceKey() of each sentence signature, ascending, distinct. */
  sentenceKeys: Uint32Array
  /** The content stems of every sentence (stemsOf), ascending, distinct. */
  stems: Uint32Array
  /** stemSketch() of the fingerprint. */
  sketch: Uint32Array
}

export function entryOf(id: string, fp: Fingerprint): ReuseEntry {
  const keys = new Set<number>()
  for (const s of fp.sentences) keys.add(sentenceKey(s))
  return {
    id,
    shingles: fp.shingles,
    samples: Uint32Array.from(fp.samples),
    sentenceKeys: Uint32Array.from(keys).sort(),
    stems: stemsOf(fp),
    sketch: stemSketch(fp),
  }
}

export class ReuseIndex {
  #entries: (ReuseEntry | null)[] = []
  readonly #ordinal = new Map<string, number>()
  #live = 0
  /** Sorted sample * ORD_SCALE + ordinal, for the entries present at the last compaction. */
  #baseSamples = new Float64Array(0)
  /** Sorted sentence keys (one per holding entry), and the entry holding each. */
  #baseSentences = new Uint32Array(0)
  #baseSentenceOrds = new Uint32Array(0)
  readonly #deltaSamples = new Map<number, number[]>()
  readonly #deltaSentences = new Map<number, number[]>()
  #deltaSize = 0
  /** How many live articles hold each content stem (a count is all rewrite detection needs of stems). */
  readonly #stemArticles = new Map<number, number>()

  get size(): number {
    return this.#live
  }

  has(id: string): boolean {
    return this.#ordinal.has(id)
  }

  ids(): string[] {
    return [...this.#ordinal.keys()]
  }

  entry(id: string): ReuseEntry | undefined {
    const ord = this.#ordinal.get(id)
    return ord === undefined ? undefined : (this.#entries[ord] ?? undefined)
  }

  /** Adds an article (replacing one with the same id). */
  add(entry: ReuseEntry): void {
    this.remove(entry.id)
    if (this.#entries.length >= MAX_ORDINALS) this.#compact()
    const ord = this.#entries.length
    this.#entries.push(entry)
    this.#ordinal.set(entry.id, ord)
    this.#live++
    for (const s of entry.samples) push(this.#deltaSamples, s, ord)
    for (const k of entry.sentenceKeys) push(this.#deltaSentences, k, ord)
    this.#deltaSize += entry.samples.length + entry.sentenceKeys.length
    for (const stem of entry.stems) this.#stemArticles.set(stem, (this.#stemArticles.get(stem) ?? 0) + 1)
    if (this.#deltaSize > Math.max(50_000, this.#baseSamples.length / 4)) this.#compact()
  }

  remove(id: string): void {
    const ord = this.#ordinal.get(id)
    if (ord === undefined) return
    for (const stem of this.#entries[ord]!.stems) {
      const n = (this.#stemArticles.get(stem) ?? 1) - 1
      if (n > 0) this.#stemArticles.set(stem, n)
      else this.#stemArticles.delete(stem)
    }
    this.#entries[ord] = null
    this.#ordinal.delete(id)
    this.#live--
  }

  /**
   * How many articles hold this sample. Weighting asks this of every sample of every pair
   * compared, and a common sample has thousands of holders: with no article removed since
   * the last compaction it is a count of the sample's range (two binary searches), not a
   * walk over its holders.
   */
  sampleArticles(sample: number): number {
    if (this.#live === this.#entries.length) {
      const from = sample * ORD_SCALE
      return lowerBound64(this.#baseSamples, from + ORD_SCALE) - lowerBound64(this.#baseSamples, from) + (this.#deltaSamples.get(sample)?.length ?? 0)
    }
    let n = 0
    this.#forSample(sample, () => void n++)
    return n
  }

  /** How many articles hold this content stem. */
  stemArticles(stem: number): number {
    return this.#stemArticles.get(stem) ?? 0
  }

  /** How many articles hold a sentence with this key (counted as sampleArticles counts). */
  sentenceArticles(key: number): number {
    if (this.#live === this.#entries.length) {
      return lowerBound32(this.#baseSentences, key + 1) - lowerBound32(this.#baseSentences, key) + (this.#deltaSentences.get(key)?.length ?? 0)
    }
    let n = 0
    this.#forSentence(key, () => void n++)
    return n
  }

  /**
   * Every other article holding any of the entry's samples or sentence keys, however many
   * hold them: the articles whose reuse scores the entry's arrival may have changed (what
   * they share with others became more common).
   */
  neighbours(entry: ReuseEntry): Set<string> {
    const ords = new Set<number>()
    const add = (ord: number) => void ords.add(ord)
    for (const s of entry.samples) this.#forSample(s, add)
    for (const k of entry.sentenceKeys) this.#forSentence(k, add)
    const out = new Set<string>()
    for (const ord of ords) {
      const id = this.#entries[ord]!.id
      if (id !== entry.id) out.add(id)
    }
    return out
  }

  #forSentence(key: number, visit: (ord: number) => void): void {
    const sorted = this.#baseSentences
    for (let i = lowerBound32(sorted, key); i < sorted.length && sorted[i] === key; i++) if (this.#entries[this.#baseSentenceOrds[i]!]) visit(this.#baseSentenceOrds[i]!)
    for (const ord of this.#deltaSentences.get(key) ?? []) if (this.#entries[ord]) visit(ord)
  }

  /**
   * Articles sharing at least one sample with `entry` that at most `maxHolders` articles
   * hold (frequent samples, which boilerplate makes, give no candidates), with how many
   * such samples each shares. The entry itself is left out.
   */
  sharing(entry: ReuseEntry, maxHolders: number): Map<string, number> {
    const counts = new Map<number, number>()
    const self = this.#ordinal.get(entry.id)
    const holders: number[] = []
    for (const s of entry.samples) {
      if (this.sampleArticles(s) > maxHolders) continue
      holders.length = 0
      this.#forSample(s, (ord) => void holders.push(ord))
      if (holders.length > maxHolders) continue
      for (const ord of holders) if (ord !== self) counts.set(ord, (counts.get(ord) ?? 0) + 1)
    }
    const out = new Map<string, number>()
    for (const [ord, n] of counts) out.set(this.#entries[ord]!.id, n)
    return out
  }

  /** The `count` articles whose stem sketches are most like `entry`'s (ties: the earlier added first), excluding some. */
  nearestByStems(entry: ReuseEntry, count: number, exclude: ReadonlySet<string>): string[] {
    const best: { id: string; score: number }[] = []
    for (const other of this.#entries) {
      if (!other || other.id === entry.id || exclude.has(other.id)) continue
      const score = sketchSimilarity(entry.sketch, other.sketch)
      if (score === 0 || (best.length === count && score <= best[best.length - 1]!.score)) continue
      let at = best.length
      while (at > 0 && best[at - 1]!.score < score) at--
      best.splice(at, 0, { id: other.id, score })
      if (best.length > count) best.pop()
    }
    return best.map((b) => b.id)
  }

  #forSample(sample: number, visit: (ord: number) => void): void {
    const keys = this.#baseSamples
    const from = sample * ORD_SCALE
    for (let i = lowerBound64(keys, from); i < keys.length && keys[i]! < from + ORD_SCALE; i++) {
      const ord = keys[i]! - from
      if (this.#entries[ord]) visit(ord)
    }
    for (const ord of this.#deltaSamples.get(sample) ?? []) if (this.#entries[ord]) visit(ord)
  }

  /** Renumbers the live entries and rebuilds the sorted base from them; the delta is emptied. */
  #compact(): void {
    const live = this.#entries.filter((e): e is ReuseEntry => e !== null)
    this.#entries = live
    this.#ordinal.clear()
    live.forEach((e, ord) => this.#ordinal.set(e.id, ord))
    let samples = 0
    let sentences = 0
    for (const e of live) {
      samples += e.samples.length
      sentences += e.sentenceKeys.length
    }
    const keys = new Float64Array(samples)
    const sentenceKeys = new Float64Array(sentences)
    let i = 0
    let j = 0
    live.forEach((e, ord) => {
      for (const s of e.samples) keys[i++] = s * ORD_SCALE + ord
      for (const k of e.sentenceKeys) sentenceKeys[j++] = k * ORD_SCALE + ord
    })
    keys.sort()
    sentenceKeys.sort()
    this.#baseSamples = keys
    this.#baseSentences = new Uint32Array(sentences)
    this.#baseSentenceOrds = new Uint32Array(sentences)
    for (let k = 0; k < sentences; k++) {
      const key = sentenceKeys[k]!
      const ord = key % ORD_SCALE
      this.#baseSentences[k] = (key - ord) / ORD_SCALE
      this.#baseSentenceOrds[k] = ord
    }
    this.#deltaSamples.clear()
    this.#deltaSentences.clear()
    this.#deltaSize = 0
  }

  // ------------------------------------------------------------------ bytes

  /** The live entries as bytes (little-endian); see fromBytes. */
  toBytes(fingerprintVersion: number): Uint8Array {
    const live = this.#entries.filter((e): e is ReuseEntry => e !== null)
    let words = 4
    for (const e of live) words += 1 + Math.ceil(e.id.length / 4) + 4 + SKETCH + e.samples.length + e.sentenceKeys.length + e.stems.length
    const view = new DataView(new ArrayBuffer(words * 4))
    let at = 0
    const u32 = (v: number) => {
      view.setUint32(at, v, true)
      at += 4
    }
    MAGIC.forEach((b, k) => view.setUint8(k, b))
    at = 4
    u32(REUSE_INDEX_FORMAT)
    u32(fingerprintVersion)
    u32(live.length)
    for (const e of live) {
      u32(e.id.length)
      for (let k = 0; k < Math.ceil(e.id.length / 4) * 4; k++) {
        const code = k < e.id.length ? e.id.charCodeAt(k) : 0
        if (code > 0x7f) throw new Error(`reuse index ids must be ASCII: ${JSON.stringify(e.id)}`)
        view.setUint8(at++, code)
      }
      u32(e.shingles)
      u32(e.samples.length)
      u32(e.sentenceKeys.length)
      u32(e.stems.length)
      for (const v of e.sketch) u32(v)
      for (const v of e.samples) u32(v)
      for (const v of e.sentenceKeys) u32(v)
      for (const v of e.stems) u32(v)
    }
    return new Uint8Array(view.buffer)
  }

  /**
   * Reads toBytes' output. Throws a plain Error naming what is wrong when the bytes are
   * not an index, of another format or fingerprint version, or cut short.
   */
  static fromBytes(bytes: Uint8Array, fingerprintVersion: number): ReuseIndex {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    let at = 0
    const u32 = () => {
      if (at + 4 > view.byteLength) throw new Error('the index ends early')
      const v = view.getUint32(at, true)
      at += 4
      return v
    }
    if (view.byteLength < 16 || MAGIC.some((b, k) => view.getUint8(k) !== b)) throw new Error('not a reuse index')
    at = 4
    const format = u32()
    const version = u32()
    if (format !== REUSE_INDEX_FORMAT || version !== fingerprintVersion) throw new Error(`index format ${format}/${version}, not ${REUSE_INDEX_FORMAT}/${fingerprintVersion}`)
    const count = u32()
    const index = new ReuseIndex()
    const array = (n: number) => {
      if (at + n * 4 > view.byteLength) throw new Error('the index ends early')
      const out = new Uint32Array(n)
      for (let k = 0; k < n; k++) out[k] = view.getUint32(at + k * 4, true)
      at += n * 4
      return out
    }
    for (let n = 0; n < count; n++) {
      const idLength = u32()
      if (idLength === 0 || idLength > 64) throw new Error('an entry has no valid id')
      let id = ''
      for (let k = 0; k < idLength; k++) id += String.fromCharCode(view.getUint8(at + k))
      at += Math.ceil(idLength / 4) * 4
      const shingles = u32()
      const samples = u32()
      const sentences = u32()
      const stems = u32()
      const entry: ReuseEntry = { id, shingles, sketch: array(SKETCH), samples: array(samples), sentenceKeys: array(sentences), stems: array(stems) }
      index.#entries.push(entry)
      for (const stem of entry.stems) index.#stemArticles.set(stem, (index.#stemArticles.get(stem) ?? 0) + 1)
      if (index.#ordinal.has(id)) throw new Error(`${id} is in the index twice`)
      index.#ordinal.set(id, index.#entries.length - 1)
      index.#live++
    }
    if (at !== view.byteLength) throw new Error('the index has trailing bytes')
    index.#compact()
    return index
  }
}

function push(map: Map<number, number[]>, key: number, ord: number): void {
  const list = map.get(key)
  if (list) list.push(ord)
  else map.set(key, [ord])
}

/** First index whose value is >= x. */
function lowerBound64(sorted: Float64Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

function lowerBound32(sorted: Uint32Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}
