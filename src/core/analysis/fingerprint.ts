/**
 * Text-reuse fingerprints: a compact, serialisable signature of an article's text from
 * which rewrites, paraphrases and republications of the same reporting are found.
 *
 * Two signals, because they catch different reuse:
 * - **MinHash over 5-word shingles** (128 hashes of a fixed seeded family): estimates the
 *   Jaccard resemblance of the word sequences, and with the shingle counts, how much of
 *   one text is contained in the other. Catches copies, light edits and republications
 *   with a new intro; a machine paraphrase that swaps synonyms shares almost no 5-word
 *   runs and is invisible to it.
 * - **Sentence signatures**: for each sentence, the hashed stems of its content words
 *   (stop words dropped, words cut to five letters). Two fingerprints are compared by
 *   aligning sentences in order (see `paraphrase.ts`), weighting each shared stem by how
 *   rare it is in the two texts, so a rewrite that keeps the order of facts and their
 *   rare words (names, numbers, details) aligns, while two stories that only share a
 *   topic's frequent names and places do not.
 *
 * Hashes are 32-bit: words by FNV-1a then the murmur3 finaliser, shingles by folding
 * their words' hashes in order; the MinHash family is
 * h_i(x) = fmix32(x XOR seed_i), a bijection of the 32-bit space for each of 128 seeds
 * drawn from splitmix32 with a fixed seed, so fingerprints are stable across runs and
 * machines. Changing any of this changes every fingerprint: bump FINGERPRINT_VERSION.
 */
import { fmix32, fnv1aMix } from '../hash'
import { z } from 'zod'

export const FINGERPRINT_VERSION = 1
export const SHINGLE_WORDS = 5
export const MINHASH_SIZE = 128
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
  /** MINHASH_SIZE minimum hash values (uint32); all 0xFFFFFFFF for a text without words. */
  minhash: z.array(z.number().int().nonnegative().max(0xffffffff)).length(MINHASH_SIZE),
  /** Per sentence, the sorted distinct hashes (uint32) of its content-word stems. */
  sentences: z.array(z.array(z.number().int().nonnegative().max(0xffffffff))).max(MAX_SENTENCES),
})
export type Fingerprint = z.infer<typeof FingerprintSchema>


/** 32-bit hash of a string: FNV-1a over its UTF-16 code units, then fmix32. */
export function hash32(text: string): number {
  return fnv1aMix(text)
}

/** splitmix32: the fixed seeds of the MinHash family. */
function seeds(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count)
  let state = seed >>> 0
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
    out[i] = (z ^ (z >>> 15)) >>> 0
  }
  return out
}
const SEEDS = seeds(MINHASH_SIZE, 0x5eed_d055)

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

export function minhash(hashes: Iterable<number>): number[] {
  const mins = new Uint32Array(MINHASH_SIZE).fill(0xffffffff)
  for (const x of hashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32(x ^ SEEDS[i]!)
      if (v < mins[i]!) mins[i] = v
    }
  }
  return Array.from(mins)
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

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12',
  thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
  twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
}

/** A content word's stem, or null for stop words and fragments. */
export function contentStem(word: string): string | null {
  if (/^\d+$/.test(word)) return word.length >= 2 ? word : null
  const number = NUMBER_WORDS[word]
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
  return { version: FINGERPRINT_VERSION, words: words.length, shingles: shingles.size, minhash: minhash(shingles), sentences }
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

/** Estimated Jaccard resemblance of the two texts' 5-word shingle sets (0..1). */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  if (a.shingles === 0 || b.shingles === 0) return 0
  let same = 0
  for (let i = 0; i < MINHASH_SIZE; i++) if (a.minhash[i] === b.minhash[i]) same++
  return same / MINHASH_SIZE
}

/**
 * Estimated share of each text's shingles found in the other, from the Jaccard estimate
 * and the set sizes: |A∩B| = J(|A|+|B|)/(1+J). Noisy when the sizes differ a lot (the
 * Jaccard estimate is then small); `exactContainment` is exact when both texts are at hand.
 */
export function containment(a: Fingerprint, b: Fingerprint): { aInB: number; bInA: number } {
  const j = similarity(a, b)
  if (j === 0) return { aInB: 0, bInA: 0 }
  const shared = (j * (a.shingles + b.shingles)) / (1 + j)
  return { aInB: Math.min(1, shared / a.shingles), bInA: Math.min(1, shared / b.shingles) }
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

