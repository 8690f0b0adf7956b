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

interface RawToken {
  key: string
  /** Offsets in the folded text. */
  start: number
  end: number
  /** The folded text between the previous token and this one. */
  gap: string
}

/**
 * Scans folded text into raw tokens (keys without article handling). A key is built from
 * slices of the folded text, split only where a character is mapped or skipped.
 */
function scan(folded: string): RawToken[] {
  const tokens: RawToken[] = []
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
    while (i < n) {
      const code = folded.charCodeAt(i)
      if (code < 0x80 && asciiWord(code)) {
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
    if (from < end) key += folded.slice(from, end)
    tokens.push({ key, start, end, gap: folded.slice(lastEnd, start) })
    lastEnd = i
  }
  return tokens
}

function isHyphenGap(gap: string): boolean {
  return gap.length === 1 && HYPHENS.has(gap.charCodeAt(0))
}

/** Whether raw token `t` is an article to drop before `next`. */
function isArticle(t: RawToken, next: RawToken | undefined): boolean {
  if (next === undefined || t.key.length > 3) return false
  if (PLAIN_ARTICLES.has(t.key)) return isHyphenGap(next.gap) || /^ {1,2}$/.test(next.gap)
  const m = ASSIMILATED_RE.exec(t.key)
  return m !== null && isHyphenGap(next.gap) && next.key.startsWith(m[1]!)
}

/**
 * The words of `text` with their matching keys and original offsets (see the file comment).
 * Linear in the text's length.
 */
export function keyTokens(text: string): KeyToken[] {
  const folded = foldWithOffsets(text)
  const raw = scan(folded.text)
  const out: KeyToken[] = []
  let pendingStart = -1
  for (let k = 0; k < raw.length; k++) {
    const t = raw[k]!
    if (isArticle(t, raw[k + 1])) {
      if (pendingStart < 0) pendingStart = t.start
      continue
    }
    let key = t.key
    if (key.startsWith(ARABIC_ARTICLE) && key.length >= 4) key = key.slice(2)
    const start = pendingStart >= 0 ? pendingStart : t.start
    pendingStart = -1
    out.push({ key, start: toOriginalOffset(folded, start), end: toOriginalOffset(folded, t.end) })
  }
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
