/**
 * Matching keys for names: the one rule by which an alias, a query and a document's words
 * are compared (notes/entities.md, "Matching rules"). Built on the search folding
 * (src/core/search/fold.ts: NFKD, marks removed, lower case, ß/ł/… spelled out, invisible
 * format characters dropped), which already removes Arabic harakat and hamza/madda signs
 * (أ إ آ → ا, ؤ → و, ئ → ي) and Latin/Cyrillic accents (ё → е). On top of it:
 *
 * - Arabic letters folding does not reach: ٱ → ا, ة → ه, ى → ي, Persian ی → ي and ک → ك;
 *   tatweel (ـ) is dropped inside a word; Arabic-Indic digits (٠–٩, ۰–۹) become 0–9.
 * - Apostrophes and ayn/hamza signs (' ’ ʼ ʻ ʾ ʿ `) between letters are dropped and the word
 *   goes on ("Hay'at" = "Hayat", "Ma'arrat" = "Maarrat"), except an English possessive:
 *   "'s" / "’s" at a word's end is cut ("Tartous's" = "Tartous"). A trailing apostrophe
 *   ("forces'") ends the word.
 * - Hyphens and everything else that is not a letter or digit separate words:
 *   "al-Sharaa" = "al Sharaa".
 * - The Arabic article is dropped: the words al / el (Cyrillic аль / эль / ал / эл) before
 *   another word, after a space or hyphen; the assimilated forms (ash-, ad-, ar-, as-, at-,
 *   az-, an-, ez-, …, Cyrillic аш-, ад-, …) only before a hyphen and a word that starts with
 *   the same consonant ("ash-Sham", "ez-Zor"; not "ad-hoc"); and ال at the start of an
 *   Arabic word of at least 4 letters. So "Bashar al-Assad", "Bashar Al Assad" and
 *   "Bashar Assad" share one key, and "اللاذقية" = "لاذقيه".
 *
 * Every token keeps its offsets in the ORIGINAL text (through fold.ts' offset map); a token
 * whose article was dropped starts where the article started, so a mention of "al-Assad"
 * covers the article too.
 */
import { foldWithOffsets, isWordAt, toOriginalOffset } from '../search/fold'

/** One word of a text: its matching key and where it stands in the original text. */
export interface KeyToken {
  key: string
  /** Start in the original text, including a dropped article ("al-" of "al-Assad"). */
  start: number
  end: number
}

const ARABIC_EXTRA: ReadonlyMap<string, string> = new Map([
  ['\u0671', '\u0627'], // ٱ alef wasla → ا
  ['\u0629', '\u0647'], // ة taa marbuta → ه
  ['\u0649', '\u064A'], // ى alef maqsura → ي
  ['\u06CC', '\u064A'], // Persian yeh ی → ي
  ['\u06A9', '\u0643'], // keheh ک → ك
])
const TATWEEL = 0x0640
const APOSTROPHES: ReadonlySet<number> = new Set([0x27, 0x2019, 0x2bc, 0x2bb, 0x2be, 0x2bf, 0x60, 0x2018, 0xb4, 0x2032])
const HYPHENS: ReadonlySet<number> = new Set([0x2d, 0x2010, 0x2011, 0x2012, 0x2013])

/** The article words dropped before a space or a hyphen. */
const PLAIN_ARTICLES: ReadonlySet<string> = new Set(['al', 'el', 'аль', 'эль', 'ал', 'эл'])
/** Assimilated article: vowel + consonant(s), dropped before a hyphen and a word starting with that consonant. */
const ASSIMILATED_RE = /^(?:[ae]|[аэ])(sh|th|dh|[dnrstz]|ш|[днрстз])$/
const ARABIC_ARTICLE = '\u0627\u0644'

function mapChar(ch: string, code: number): string {
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660)
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0)
  return ARABIC_EXTRA.get(ch) ?? ch
}

/** Whether the UTF-16 unit is an ASCII letter or digit (the common case, without a look-up). */
function asciiWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)
}

/** A letter or digit that is part of a key: not tatweel, not an apostrophe-like modifier letter (ʾ ʿ ʼ ʻ). */
function isLetterAt(folded: string, i: number): boolean {
  const code = folded.charCodeAt(i)
  if (code < 0x80) return asciiWord(code)
  return code !== TATWEEL && !APOSTROPHES.has(code) && isWordAt(folded, i)
}

/** hashToken of the empty string (FNV-1a's offset basis): a key's hash starts here. */
const FNV_BASIS = 0x811c9dc5

/** FNV-1a (word-filter.ts hashToken) of text[start, end). */
function hashRange(text: string, start: number, end: number): number {
  let h = FNV_BASIS
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}

/**
 * The words of a folded text with their matching keys (`scanKeyWords`), in arrays reused
 * from one text to the next: word k is [starts[k], ends[k]) of the folded text (starting
 * at a dropped article before it); its key is keys[k] when set, else (the common case, no
 * string made) the folded text from keyStarts[k] to keyEnds[k]; hashes[k] is the key's
 * hashToken (word-filter.ts), so a caller can look a key up without making it.
 */
export class KeyWords {
  count = 0
  starts = new Int32Array(1024)
  ends = new Int32Array(1024)
  keyStarts = new Int32Array(1024)
  keyEnds = new Int32Array(1024)
  hashes = new Uint32Array(1024)
  /** Before the article pass, where the text since the previous word begins. */
  gaps = new Int32Array(1024)
  keys: (string | undefined)[] = []

  /** Word k's key. */
  keyOf(folded: string, k: number): string {
    return this.keys[k] ?? folded.slice(this.keyStarts[k], this.keyEnds[k])
  }

  /** Appends a raw word (its key plain when `key` is undefined); grows the arrays as needed. */
  push(start: number, end: number, gap: number, key: string | undefined, hash: number): void {
    const k = this.count++
    if (k === this.starts.length) {
      const size = k * 2
      for (const name of ['starts', 'ends', 'keyStarts', 'keyEnds', 'gaps'] as const) this[name] = grown(this[name], size)
      const hashes = new Uint32Array(size)
      hashes.set(this.hashes)
      this.hashes = hashes
    }
    this.starts[k] = start
    this.ends[k] = end
    this.keyStarts[k] = start
    this.keyEnds[k] = end
    this.gaps[k] = gap
    this.keys[k] = key
    this.hashes[k] = key === undefined ? hash : hashRange(key, 0, key.length)
  }
}

function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(size)
  next.set(array)
  return next
}

/** Scans folded text into raw words (keys without article handling). A key is built from slices of the folded text, split only where a character is mapped or skipped. */
function scan(folded: string, out: KeyWords): void {
  out.count = 0
  out.keys.length = 0
  let i = 0
  let lastEnd = 0
  const n = folded.length
  while (i < n) {
    if (!isLetterAt(folded, i)) {
      i++
      continue
    }
    const start = i
    let key = ''
    let from = i // start of the slice not yet added to `key`
    let end = i
    let h = FNV_BASIS // the hash of the word's text so far (its key's, when nothing is mapped or skipped)
    while (i < n) {
      const code = folded.charCodeAt(i)
      if (code < 0x80 && asciiWord(code)) {
        h = Math.imul(h ^ code, 0x01000193)
        end = ++i
        continue
      }
      if (code === TATWEEL) {
        key += folded.slice(from, i)
        from = ++i
        continue
      }
      if (isLetterAt(folded, i)) {
        const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1
        const ch = folded.slice(i, i + width)
        const mapped = mapChar(ch, folded.codePointAt(i)!)
        if (mapped !== ch) {
          key += folded.slice(from, i) + mapped
          from = i + width
        }
        h = Math.imul(h ^ code, 0x01000193)
        if (width === 2) h = Math.imul(h ^ folded.charCodeAt(i + 1), 0x01000193)
        i += width
        end = i
        continue
      }
      if (APOSTROPHES.has(code) && isLetterAt(folded, i + 1)) {
        // Possessive 's at the end of a word: cut it off.
        if (folded.charCodeAt(i + 1) === 115 && !isLetterAt(folded, i + 2) && !APOSTROPHES.has(folded.charCodeAt(i + 2))) {
          key += folded.slice(from, end)
          from = end
          i += 2
          break
        }
        key += folded.slice(from, i)
        from = ++i
        continue
      }
      break
    }
    // Nothing mapped or skipped: the key is the word's own text (made only if needed).
    if (from === start) out.push(start, end, lastEnd, undefined, h >>> 0)
    else out.push(start, end, lastEnd, from < end ? key + folded.slice(from, end) : key, 0)
    lastEnd = i
  }
}

/** Whether folded[from, to) is one hyphen, or (spacesToo) one or two spaces: the gap after an article. */
function articleGap(folded: string, from: number, to: number, spacesToo: boolean): boolean {
  if (to - from === 1 && HYPHENS.has(folded.charCodeAt(from))) return true
  return spacesToo && (to - from === 1 || to - from === 2) && folded.charCodeAt(from) === 32 && folded.charCodeAt(to - 1) === 32
}

/**
 * Whether raw word k is an article to drop before word k + 1. Every article word (plain
 * and assimilated) starts with a, e, а or э: a word starting otherwise is none, without
 * making its key.
 */
function isArticle(folded: string, words: KeyWords, k: number): boolean {
  if (k + 1 >= words.count) return false
  const own = words.keys[k]
  const length = own === undefined ? words.ends[k]! - words.starts[k]! : own.length
  if (length > 3) return false
  const first = own === undefined ? folded.charCodeAt(words.starts[k]!) : own.charCodeAt(0)
  if (first !== 0x61 && first !== 0x65 && first !== 0x430 && first !== 0x44d) return false
  const key = words.keyOf(folded, k)
  const gap = words.gaps[k + 1]!
  const next = words.starts[k + 1]!
  if (PLAIN_ARTICLES.has(key)) return articleGap(folded, gap, next, true)
  const m = ASSIMILATED_RE.exec(key)
  return m !== null && articleGap(folded, gap, next, false) && words.keyOf(folded, k + 1).startsWith(m[1]!)
}

/**
 * The words of folded text with their matching keys, the articles dropped (see the file
 * comment), into `out`. Linear in the text's length; a word's key is made only when it
 * differs from the word's text or it might be an article.
 */
export function scanKeyWords(folded: string, out: KeyWords): void {
  scan(folded, out)
  const raw = out.count
  let kept = 0
  let pendingStart = -1
  for (let k = 0; k < raw; k++) {
    if (isArticle(folded, out, k)) {
      if (pendingStart < 0) pendingStart = out.starts[k]!
      continue
    }
    let key = out.keys[k]
    let keyStart = out.keyStarts[k]!
    let hash = out.hashes[k]!
    const keyEnd = out.keyEnds[k]!
    // The Arabic article ال at the start of a word of 4+ letters.
    if (key === undefined ? keyEnd - keyStart >= 4 && folded.charCodeAt(keyStart) === 0x627 && folded.charCodeAt(keyStart + 1) === 0x644 : key.length >= 4 && key.startsWith(ARABIC_ARTICLE)) {
      if (key === undefined) hash = hashRange(folded, (keyStart += 2), keyEnd)
      else hash = hashRange((key = key.slice(2)), 0, key.length)
    }
    out.starts[kept] = pendingStart >= 0 ? pendingStart : out.starts[k]!
    out.ends[kept] = out.ends[k]!
    out.keyStarts[kept] = keyStart
    out.keyEnds[kept] = keyEnd
    out.keys[kept] = key
    out.hashes[kept] = hash
    pendingStart = -1
    kept++
  }
  out.count = kept
  out.keys.length = kept
}

/** keyTokens' scratch (it is synchronous: one text at a time). */
const sharedWords = new KeyWords()

/**
 * The words of `text` with their matching keys and original offsets (see the file comment).
 * Linear in the text's length.
 */
export function keyTokens(text: string): KeyToken[] {
  const folded = foldWithOffsets(text)
  const words = sharedWords
  scanKeyWords(folded.text, words)
  const out: KeyToken[] = []
  for (let k = 0; k < words.count; k++) out.push({ key: words.keyOf(folded.text, k), start: toOriginalOffset(folded, words.starts[k]!), end: toOriginalOffset(folded, words.ends[k]!) })
  return out
}

/** The matching key of a name, alias or query: its keys joined by one space ('' if it has no word). */
export function nameKey(text: string): string {
  return keyTokens(text)
    .map((t) => t.key)
    .join(' ')
}

/** The writing system of a name: ISO 15924 code of its first letter's script, or undefined. */
export function detectScript(text: string): 'Latn' | 'Arab' | 'Cyrl' | 'Grek' | 'Hebr' | undefined {
  for (const ch of text) {
    if (/\p{Script=Latin}/u.test(ch)) return 'Latn'
    if (/\p{Script=Arabic}/u.test(ch) && /\p{L}/u.test(ch)) return 'Arab'
    if (/\p{Script=Cyrillic}/u.test(ch)) return 'Cyrl'
    if (/\p{Script=Greek}/u.test(ch)) return 'Grek'
    if (/\p{Script=Hebrew}/u.test(ch)) return 'Hebr'
  }
  return undefined
}
