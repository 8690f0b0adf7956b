/**
 * Folding and tokenising for search: the same rules index documents, parse queries,
 * verify phrases and mark snippets, so what the index matches is what gets marked.
 *
 * Folding: NFKD (decomposes accents and compatibility forms such as ligatures "ﬁ" and
 * full-width letters), combining marks removed (\p{M}), lower-cased, then a few letters
 * that have no decomposition are spelled out: dotless ı -> i (Turkish; dotted İ already
 * becomes I + U+0307 under NFKD, so i), ß -> ss, æ -> ae, œ -> oe, ø -> o, ł -> l,
 * đ/ð -> d, þ -> th. So Sohtaoglu finds Sohtaoğlu, SOHTAOĞLU and Sohtaoğlu written
 * with a combining breve. Stripping marks also drops Arabic short vowels (harakat),
 * which is what Arabic search wants, and Indic vowel signs, consistently on both sides.
 * Invisible format characters (bidi controls, zero-width space and joiners, soft hyphen:
 * INVISIBLE_FORMAT_RE of src/core/text-hygiene.ts) fold to nothing, so a word is found by
 * the letters it shows: "Tar\u200Btus" and "Tar\u00ADtus" are "tartus".
 *
 * Tokens: maximal runs of letters and digits (\p{L}, \p{N}) in the folded text. Anything
 * else separates words: "Russia’s" is russia + s, "al-Sharaa" is al + sharaa, "1,200" is
 * 1 + 200. The query parser turns such a word into a phrase, so it still matches exactly.
 */

import { INVISIBLE_FORMAT_RE } from '../text-hygiene'

/**
 * Bump when folding, tokenising or stop words change: an index built otherwise is stale.
 * 2: invisible format characters fold to nothing.
 */
export const TOKENIZER_VERSION = 2

const SPELLED: Readonly<Record<string, string>> = { ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ς: 'σ' }
const SPELLED_RE = /[ıßæœøłđðþς]/g
const MARKS_RE = /\p{M}+/gu
const NON_ASCII_RUN_RE = /[\u0080-\uffff]+/g

/** Folded form of each non-ASCII character seen (bounded: text rarely uses many). */
const charCache = new Map<string, string>()
const CHAR_CACHE_MAX = 20_000

function foldChar(ch: string): string {
  let folded = charCache.get(ch)
  if (folded === undefined) {
    folded = INVISIBLE_FORMAT_RE.test(ch) ? '' : ch.normalize('NFKD').replace(MARKS_RE, '').toLowerCase().replace(SPELLED_RE, (c) => SPELLED[c] ?? c)
    if (charCache.size < CHAR_CACHE_MAX) charCache.set(ch, folded)
  }
  return folded
}

/**
 * Folded text and where its offsets come from. Folding works character by character
 * (ASCII stretches just lower-cased), so it is the same whether applied to a whole text
 * or to a word of it, and every folded offset maps back to the original: `breaks` holds
 * [folded offset, original offset] pairs from which offsets run in step again (empty when
 * the folded text is exactly as long as the original at every point).
 */
export interface FoldedText {
  text: string
  breaks: [number, number][]
}

function foldInto(text: string, breaks: [number, number][] | null): string {
  NON_ASCII_RUN_RE.lastIndex = 0
  let m = NON_ASCII_RUN_RE.exec(text)
  if (m === null) return text.toLowerCase()
  const pieces: string[] = []
  let last = 0
  let out = 0 // length of the folded text so far
  for (; m !== null; m = NON_ASCII_RUN_RE.exec(text)) {
    const ascii = text.slice(last, m.index).toLowerCase()
    pieces.push(ascii)
    out += ascii.length
    const run = m[0]
    for (let i = 0; i < run.length; ) {
      const code = run.charCodeAt(i)
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < run.length ? 2 : 1
      const folded = foldChar(run.slice(i, i + width))
      pieces.push(folded)
      out += folded.length
      i += width
      if (breaks !== null && folded.length !== width) breaks.push([out, m.index + i])
    }
    last = m.index + run.length
  }
  pieces.push(text.slice(last).toLowerCase())
  return pieces.join('')
}

/** Case- and diacritic-insensitive form of `text` (may change its length). */
export function foldText(text: string): string {
  return foldInto(text, null)
}

/** `foldText` with the offset map back to `text` (see `toOriginalOffset`). */
export function foldWithOffsets(text: string): FoldedText {
  const breaks: [number, number][] = []
  return { text: foldInto(text, breaks), breaks }
}

/** The offset in the original text of offset `at` of its folded form. */
export function toOriginalOffset(folded: FoldedText, at: number): number {
  const { breaks } = folded
  let lo = 0
  let hi = breaks.length - 1
  let base: [number, number] = [0, 0]
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (breaks[mid]![0] <= at) {
      base = breaks[mid]!
      lo = mid + 1
    } else hi = mid - 1
  }
  return base[1] + (at - base[0])
}

/** The folded tokens of `text`, in order, stop words included. */
export function tokenize(text: string): string[] {
  return splitWords(foldText(text))
}

const WORD_CHAR_RE = /^[\p{L}\p{N}]$/u
const wordCharCache = new Map<number, boolean>()

function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90)
  let word = wordCharCache.get(cp)
  if (word === undefined) {
    word = WORD_CHAR_RE.test(String.fromCodePoint(cp))
    wordCharCache.set(cp, word)
  }
  return word
}

/** Whether the character starting at `i` is a letter or digit (false past the end). */
export function isWordAt(text: string, i: number): boolean {
  return i < text.length && isWordCodePoint(text.codePointAt(i)!)
}

/** Whether the character ending at `i` is a letter or digit (false at the start). */
export function isWordBefore(text: string, i: number): boolean {
  if (i <= 0) return false
  const c = text.charCodeAt(i - 1)
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2)
    if (hi >= 0xd800 && hi <= 0xdbff) return isWordCodePoint(text.codePointAt(i - 2)!)
  }
  return isWordCodePoint(c)
}

/**
 * Splits (folded) text into its maximal runs of letters and digits (\p{L}, \p{N}).
 * A hand-written loop: three times faster than `split` with a Unicode-property regex,
 * which matters when indexing thousands of articles.
 */
export function splitWords(text: string): string[] {
  const words: string[] = []
  scanWords(text, (start, end) => words.push(text.slice(start, end)))
  return words
}

/** The words splitWords would return, as [start, end) offsets given to `word` in order (no strings made). */
export function scanWords(text: string, word: (start: number, end: number) => void): void {
  let start = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let isWord: boolean
    let width = 1
    if (c < 0x80) isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      isWord = isWordCodePoint(text.codePointAt(i)!)
      width = 2
    } else isWord = isWordCodePoint(c)
    if (isWord) {
      if (start < 0) start = i
    } else if (start >= 0) {
      word(start, i)
      start = -1
    }
    i += width - 1
  }
  if (start >= 0) word(start, text.length)
}

/**
 * English stop words: not indexed (they are in most documents and would triple the
 * index) and dropped from word queries. Phrases still check them in the text, so
 * "the naval base" matches only where "the" stands before "naval base". Single letters
 * are here too: they are mostly the "s" of "Russia’s" and the "t" of "don’t".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...'abcdefghijklmnopqrstuvwxyz'.split(''),
  'about', 'above', 'after', 'again', 'against', 'all', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by',
  'can', 'could', 'did', 'do', 'does', 'doing', 'down', 'during', 'each', 'few', 'for', 'from', 'further',
  'had', 'has', 'have', 'having', 'he', 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how',
  'if', 'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'me', 'more', 'most', 'my', 'myself',
  'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our', 'ours', 'ourselves', 'out', 'over', 'own',
  'same', 'she', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'theirs', 'them', 'themselves', 'then',
  'there', 'these', 'they', 'this', 'those', 'through', 'to', 'too', 'under', 'until', 'up', 'very',
  'was', 'we', 'were', 'what', 'when', 'where', 'which', 'while', 'who', 'whom', 'why', 'will', 'with', 'would',
  'you', 'your', 'yours', 'yourself', 'yourselves',
])
