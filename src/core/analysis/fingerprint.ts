/**
 * Text-reuse fingerprints: a compact, serialisable signature of an article's text from
 * which rewrites, paraphrases and republications of the same reporting are found.
 *
 * Two signals, because they catch different reuse:
 * - **Sampled 5-word shingles**: every shingle (5 consecutive words) is hashed, and the
 *   shingles whose hash is 0 modulo SAMPLE_MOD are kept ("modular sampling"). The choice
 *   depends on the shingle alone, so a passage two texts share is sampled the same way in
 *   both: shared samples estimate shared shingles, which gives resemblance (Jaccard) and
 *   containment (one text inside another), and, unlike a MinHash sketch, each sample can be
 *   weighted by how many articles of the notebook hold it, so boilerplate (a licence, mail
 *   headers, a formulaic opening) found in many articles counts for little (rewrites.ts).
 *   Catches copies, light edits and republications with a new intro; a machine paraphrase
 *   that swaps synonyms shares almost no 5-word runs and is invisible to it.
 * - **Sentence signatures**: for each sentence, the hashed stems of its content words
 *   (stop words dropped, words cut to five letters). Two fingerprints are compared by
 *   aligning sentences in order (see `paraphrase.ts`), weighting each shared stem by how
 *   rare it is in the two texts, so a rewrite that keeps the order of facts and their
 *   rare words (names, numbers, details) aligns, while two stories that only share a
 *   topic's frequent names and places do not.
 *
 * Hashes are 32-bit: words by FNV-1a then the murmur3 finaliser, shingles by folding
 * their words' hashes in order, so fingerprints are stable across runs and machines.
 * Changing any of this changes every fingerprint: bump FINGERPRINT_VERSION (stored
 * fingerprints of another version are recomputed from the text when next needed).
 */
import { fmix32, fnv1aMix } from '../hash'
import { z } from 'zod'

export const FINGERPRINT_VERSION = 2
export const SHINGLE_WORDS = 5
/** One shingle hash in SAMPLE_MOD is kept: those ≡ 0 (mod SAMPLE_MOD). */
export const SAMPLE_MOD = 4
/** At most this many samples (the first ones in text order): ~16,000 words of text. */
export const MAX_SAMPLES = 4096
/** Sentences with fewer distinct content stems carry too little to align. */
export const MIN_SENTENCE_STEMS = 5
/** Longer texts keep their first sentences only: enough to recognise reuse, bounded in size. */
export const MAX_SENTENCES = 400
/** Fingerprints read the first this many characters: bounds the time on huge files (a book-length PDF). */
export const MAX_CHARS = 1_000_000
const STEM_CHARS = 5

export const FingerprintSchema = z.object({
  version: z.literal(FINGERPRINT_VERSION),
  /** Normalised words in the text (its first MAX_CHARS characters). */
  words: z.number().int().nonnegative(),
  /** Distinct 5-word shingles (their hashes). */
  shingles: z.number().int().nonnegative(),
  /** The sampled shingle hashes (uint32, distinct, ascending): see SAMPLE_MOD. */
  samples: z.array(z.number().int().nonnegative().max(0xffffffff)).max(MAX_SAMPLES),
  /** Per sentence, the sorted distinct hashes (uint32) of its content-word stems. */
  sentences: z.array(z.array(z.number().int().nonnegative().max(0xffffffff))).max(MAX_SENTENCES),
})
export type Fingerprint = z.infer<typeof FingerprintSchema>


/** 32-bit hash of a string: FNV-1a over its UTF-16 code units, then fmix32. */
export function hash32(text: string): number {
  return fnv1aMix(text)
}

/**
 * Words for comparison: compatibility-decomposed, accents and case dropped, apostrophes
 * removed (`Russia’s` = `russias`), hyphenated words split (`power-sharing` = `power sharing`).
 */
export function comparisonWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
  const words = folded.match(/[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu) ?? []
  return words.map((w) => w.replace(/['’ʼ]/g, ''))
}

/** Order-dependent combination of word hashes into one shingle hash (no string building). */
function combine(hashes: readonly number[], from: number, to: number): number {
  let h = 0x9747b28c
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ hashes[i]!, 0x5bd1e995)
    h ^= h >>> 15
  }
  return fmix32(h ^ (to - from))
}

/** The distinct shingle hashes of a word sequence (the whole sequence if shorter than k). */
export function shingleHashes(words: readonly string[], k = SHINGLE_WORDS): Set<number> {
  const out = new Set<number>()
  if (words.length === 0) return out
  const hashes = words.map(hash32)
  if (words.length < k) {
    out.add(combine(hashes, 0, hashes.length))
    return out
  }
  for (let i = 0; i + k <= hashes.length; i++) out.add(combine(hashes, i, i + k))
  return out
}

const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing down during each either even ever every few for from further had has have having he her here hers herself ' +
    'him himself his how i if in into is it its itself just let me more most much my myself neither no nor not now of off on once only ' +
    'or other others our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those though through thus to too under until up upon very was we were what when where whether which while who whom ' +
    'whose why will with within without would yet you your yours yourself yourselves said says say saying told according reported ' +
    'reportedly report reports however since per via may might must shall us mr mrs ms one two three'
  ).split(' '),
)

/** Keyed by words of the text, so a Map: a plain object would answer `constructor` with Object's own function. */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
    thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
    twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
  }),
)

/** A content word's stem, or null for stop words and fragments. */
export function contentStem(word: string): string | null {
  if (/^\d+$/.test(word)) return word.length >= 2 ? word : null
  const number = NUMBER_WORDS.get(word)
  if (number) return number
  if (word.length < 3 || STOP_WORDS.has(word)) return null
  return word.slice(0, STEM_CHARS)
}

const SENTENCE_BREAK = /(?<=[.!?…]["”’')\]]*)\s+(?=["“‘'([]?[\p{Lu}\p{N}])/u

/** Sentences of the text: each line, split again after sentence-final punctuation. */
export function sentencesOf(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line) => line.split(SENTENCE_BREAK))
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** The sorted distinct stem hashes of one sentence. */
export function sentenceSignature(sentence: string): number[] {
  const stems = new Set<number>()
  for (const word of comparisonWords(sentence)) {
    const stem = contentStem(word)
    if (stem) stems.add(hash32(stem))
  }
  return [...stems].sort((x, y) => x - y)
}

/** One 32-bit key per sentence signature (equal signatures, equal keys): counts repeated sentences across a notebook. */
export function sentenceKey(signature: readonly number[]): number {
  return combine(signature, 0, signature.length)
}

export interface FingerprintOptions {
  /** Ranges of the text to leave out (page furniture): they are replaced by line breaks. */
  ignore?: readonly { start: number; end: number }[]
}

export function fingerprint(text: string, options: FingerprintOptions = {}): Fingerprint {
  const whole = options.ignore && options.ignore.length > 0 ? blankRanges(text, options.ignore) : text
  const source = whole.length > MAX_CHARS ? whole.slice(0, MAX_CHARS) : whole
  const words = comparisonWords(source)
  const shingles = shingleHashes(words)
  const sentences: number[][] = []
  for (const sentence of sentencesOf(source)) {
    const signature = sentenceSignature(sentence)
    if (signature.length >= MIN_SENTENCE_STEMS) sentences.push(signature)
    if (sentences.length === MAX_SENTENCES) break
  }
  return { version: FINGERPRINT_VERSION, words: words.length, shingles: shingles.size, samples: sampleShingles(shingles), sentences }
}

/** `text` with each range replaced by one line break, so neighbours stay separate sentences. */
export function blankRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  let out = ''
  let at = 0
  for (const r of sorted) {
    if (r.start < at) continue
    out += `${text.slice(at, r.start)}\n`
    at = r.end
  }
  return out + text.slice(at)
}

/** The sampled shingle hashes: those ≡ 0 (mod SAMPLE_MOD), the first MAX_SAMPLES in text order, ascending. */
export function sampleShingles(shingles: Iterable<number>): number[] {
  const out: number[] = []
  for (const h of shingles) {
    if (h % SAMPLE_MOD !== 0) continue
    out.push(h)
    if (out.length === MAX_SAMPLES) break
  }
  return out.sort((x, y) => x - y)
}

/**
 * How many articles of the notebook hold a sample (the two texts compared included).
 * Given, each sample counts 1 / (1 + the articles holding it other than the two compared):
 * a passage only these two texts share counts fully, boilerplate found in hundreds of
 * articles counts for almost nothing. Not given, every sample counts 1.
 */
export type SampleArticles = (sample: number) => number

/** Weighted sums over two sorted sample lists: of each text's samples, and of those they share. */
export interface SampleOverlap {
  shared: number
  a: number
  b: number
}

export function sampleOverlap(sa: ArrayLike<number>, sb: ArrayLike<number>, articles?: SampleArticles): SampleOverlap {
  const weight = (h: number, holders: number) => (articles ? 1 / (1 + Math.max(0, articles(h) - holders)) : 1)
  let i = 0
  let j = 0
  let shared = 0
  let wa = 0
  let wb = 0
  while (i < sa.length || j < sb.length) {
    const x = i < sa.length ? sa[i]! : Infinity
    const y = j < sb.length ? sb[j]! : Infinity
    if (x === y) {
      const v = weight(x, 2)
      shared += v
      wa += v
      wb += v
      i++
      j++
    } else if (x < y) {
      wa += weight(x, 1)
      i++
    } else {
      wb += weight(y, 1)
      j++
    }
  }
  return { shared, a: wa, b: wb }
}

/** Estimated (weighted) Jaccard resemblance of the two texts' 5-word shingle sets (0..1), from their samples. */
export function similarity(a: Fingerprint, b: Fingerprint, articles?: SampleArticles): number {
  const o = sampleOverlap(a.samples, b.samples, articles)
  const union = o.a + o.b - o.shared
  return union > 0 ? o.shared / union : 0
}

/**
 * Estimated (weighted) share of each text's shingles found in the other, from the samples
 * they share. `exactContainment` is exact when both texts are at hand.
 */
export function containment(a: Fingerprint, b: Fingerprint, articles?: SampleArticles): { aInB: number; bInA: number } {
  const o = sampleOverlap(a.samples, b.samples, articles)
  if (o.shared === 0) return { aInB: 0, bInA: 0 }
  return { aInB: Math.min(1, o.shared / o.a), bInA: Math.min(1, o.shared / o.b) }
}

/** Exact share of each text's 5-word shingles that occur in the other (republication: one text inside another). */
export function exactContainment(a: string, b: string): { aInB: number; bInA: number } {
  const sa = shingleHashes(comparisonWords(a))
  const sb = shingleHashes(comparisonWords(b))
  if (sa.size === 0 || sb.size === 0) return { aInB: 0, bInA: 0 }
  let shared = 0
  for (const x of sa) if (sb.has(x)) shared++
  return { aInB: shared / sa.size, bInA: shared / sb.size }
}

