/**
 * Finding a passage the user typed (`dossier highlight --quote`) in an article's stored
 * text. People retype or paste quotes with straight apostrophes where the text has curly
 * ones, in another case, with a space where the text breaks the line, a hyphen for a dash,
 * or decomposed accents; none of that should make the quote "not found".
 *
 * Matching: an exact occurrence (after NFC) wins, so a quote copied exactly keeps meaning
 * what it always did, occurrence numbers included. Otherwise both sides are folded
 * alike, character by character:
 * - the search folding (search/fold.ts): NFKD (ligatures, full-width forms, "…"), accents
 *   and other combining marks dropped, lower case, ı/ß/æ/… spelled out;
 * - every quotation mark and apostrophe (' ‘ ’ ‚ ‛ ʼ ′ ` ´ " “ ” „ ‟ ″ « » ‹ ›) is one mark,
 *   every dash or hyphen (- ‐ ‑ ‒ – — ― − ⁃ ﹘ ﹣) is one dash;
 * - a run of white space (spaces, tabs, line breaks, no-break spaces) is one space, and
 *   invisible format characters (soft hyphen, zero-width space/joiners, bidi marks) are
 *   ignored; the quote is trimmed.
 * A match must begin and end on whole characters of the stored text (folding "ß" gives
 * "ss": the quote "s" does not match half of it), and its end takes in the combining
 * marks of its last character. The highlight is then made on the stored span itself:
 * offsets are UTF-16 offsets into the stored text, `exact` is the stored text there.
 */
import { foldText } from '../search/fold'
import { findOccurrences } from '../selectors'

export interface QuoteSpan {
  /** UTF-16 offsets into the stored text, end exclusive. */
  start: number
  end: number
}

const QUOTE_MARKS = new Set([..."'‘’‚‛ʼ′`´\"“”„‟″«»‹›〝〞"])
const DASHES = new Set([...'-‐‑‒–—―−⁃﹘﹣'])
const WHITE_SPACE = /^\s$/u
const FORMAT_CHAR = /^\p{Cf}$/u
const COMBINING_MARK = /^\p{M}$/u

/**
 * Text folded for quote matching, with where each folded character comes from: `from[k]`
 * and `to[k]` are the stored-text offsets of the character (or white-space run) that
 * produced folded character k.
 */
export interface LooseText {
  text: string
  from: number[]
  to: number[]
}

/** Folded form of one character of the original (cached: texts reuse few characters). */
const foldCache = new Map<string, string>()
function foldOne(ch: string): string {
  let folded = foldCache.get(ch)
  if (folded === undefined) {
    folded = ''
    for (const c of foldText(ch)) {
      if (QUOTE_MARKS.has(c)) folded += "'"
      else if (DASHES.has(c)) folded += '-'
      else if (WHITE_SPACE.test(c)) folded += ' '
      else if (!FORMAT_CHAR.test(c)) folded += c
    }
    if (foldCache.size < 20_000) foldCache.set(ch, folded)
  }
  return folded
}

export function foldLoosely(text: string): LooseText {
  const chars: string[] = []
  // Folding may lengthen the text (ß, ligatures, …), so these grow as needed.
  const from: number[] = []
  const to: number[] = []
  for (let i = 0; i < text.length; ) {
    const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1
    const folded = foldOne(text.slice(i, i + width))
    for (const c of folded) {
      if (c === ' ' && chars[chars.length - 1] === ' ') {
        to[to.length - 1] = i + width // one space for the whole run
        continue
      }
      chars.push(c)
      // One entry per UTF-16 unit of the folded text (an emoji is two), as indexOf counts.
      for (let u = 0; u < c.length; u++) {
        from.push(i)
        to.push(i + width)
      }
    }
    i += width
  }
  return { text: chars.join(''), from, to }
}

/** Every place the quote occurs loosely (see the top of this file), overlapping ones included. */
export function findQuoteLoosely(text: string, quote: string): QuoteSpan[] {
  const needle = foldLoosely(quote).text.trim()
  if (needle.length === 0) return []
  const hay = foldLoosely(text)
  const spans: QuoteSpan[] = []
  for (let k = hay.text.indexOf(needle); k !== -1; k = hay.text.indexOf(needle, k + 1)) {
    const last = k + needle.length - 1
    // Whole characters only: not the second "s" of a folded "ß".
    if (k > 0 && hay.from[k - 1] === hay.from[k]) continue
    if (last + 1 < hay.text.length && hay.from[last + 1] === hay.from[last]) continue
    let end = hay.to[last]!
    while (end < text.length && COMBINING_MARK.test(String.fromCodePoint(text.codePointAt(end)!))) end += text.codePointAt(end)! > 0xffff ? 2 : 1
    spans.push({ start: hay.from[k]!, end })
  }
  return spans
}

/**
 * Where a typed quote is in the stored text: its exact occurrences (NFC) when there are
 * any, else its loose ones. More than one span means the quote is ambiguous.
 */
export function findQuote(text: string, quote: string): QuoteSpan[] {
  const exact = quote.normalize('NFC')
  const hits = findOccurrences(text, exact)
  return hits.length > 0 ? hits.map((start) => ({ start, end: start + exact.length })) : findQuoteLoosely(text, quote)
}
