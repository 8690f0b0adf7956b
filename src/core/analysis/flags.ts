/**
 * Damage flags on the stored text: characters lost in decoding (U+FFFD), mojibake (UTF-8
 * read as Windows-1252 or Latin-1, such as `â€™` for `’`), and extractions too short to
 * be the whole article. Format-level damage (undecodable bytes, a PDF without a text
 * layer) is found by the format extractors and reported with the same shape; control
 * characters removed on import are reported by src/core/text-hygiene.ts.
 */

export type TextFlagKind = 'replacement-character' | 'mojibake' | 'short-extraction' | 'control-characters'

export interface TextFlag {
  kind: TextFlagKind
  /** One sentence for the analyst, with examples. */
  detail: string
  count: number
  /** Offsets of each occurrence (first 100), where the damage is at a place in the text. */
  positions?: number[]
}

/** Fewer article words than this and the extraction probably missed the body. */
export const SHORT_EXTRACTION_WORDS = 80
const MAX_POSITIONS = 100

export function replacementCharacterFlag(text: string): TextFlag | null {
  const positions: number[] = []
  let count = 0
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    count++
    if (positions.length < MAX_POSITIONS) positions.push(i)
  }
  if (count === 0) return null
  const where = positions.slice(0, 5).join(', ') + (count > 5 ? ', …' : '')
  return {
    kind: 'replacement-character',
    count,
    positions,
    detail: `${count} U+FFFD replacement character${count === 1 ? '' : 's'} (�): characters were lost before or during decoding, at offset${count === 1 ? '' : 's'} ${where}.`,
  }
}

/** Windows-1252's characters for bytes 0x80–0x9F (the five undefined bytes map to C1 controls). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/** The byte a character stands for when UTF-8 was decoded as Windows-1252 or Latin-1. */
function byteOf(ch: string): number | null {
  const code = ch.charCodeAt(0)
  if (code >= 0xa0 && code <= 0xff) return code
  if (code >= 0x80 && code <= 0x9f) return code
  const i = CP1252_HIGH.indexOf(ch)
  return i === -1 ? null : 0x80 + i
}

/** Blocks a real misread character plausibly comes from; anything else is a coincidence of letters. */
const PLAUSIBLE: readonly [number, number][] = [
  [0xa0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x6ff], [0x1e00, 0x1eff],
  [0x2000, 0x20cf], [0x2100, 0x215f], [0x2190, 0x21ff], [0x2200, 0x22ff], [0x2500, 0x27bf],
  [0x3000, 0x30ff], [0x4e00, 0x9fff], [0xac00, 0xd7af], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0x1f000, 0x1faff],
]

/** Decodes the UTF-8 sequence the characters at `i` spell, if they spell one. */
export function misreadAt(text: string, i: number): { length: number; char: string } | null {
  const lead = byteOf(text[i]!)
  if (lead === null || lead < 0xc2 || lead > 0xf4) return null
  const need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3
  let code = lead & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07)
  for (let k = 1; k <= need; k++) {
    const ch = text[i + k]
    if (ch === undefined) return null
    const b = byteOf(ch)
    if (b === null || b < 0x80 || b > 0xbf) return null
    if (k === 1) {
      if (lead === 0xe0 && b < 0xa0) return null
      if (lead === 0xed && b > 0x9f) return null
      if (lead === 0xf0 && b < 0x90) return null
      if (lead === 0xf4 && b > 0x8f) return null
    }
    code = (code << 6) | (b & 0x3f)
  }
  if (!PLAUSIBLE.some(([lo, hi]) => code >= lo && code <= hi)) return null
  return { length: need + 1, char: String.fromCodePoint(code) }
}

export function mojibakeFlag(text: string): TextFlag | null {
  const positions: number[] = []
  const examples = new Map<string, string>()
  let count = 0
  // Only a character from Â to ô can start a misread sequence: jump between those.
  const leads = /[\u00C2-\u00F4]/g
  for (let found = leads.exec(text); found; found = leads.exec(text)) {
    const i = found.index
    const hit = misreadAt(text, i)
    // `â€` followed by a space or the end: `”` whose third byte (0x9D) was dropped.
    const truncated = !hit && text.startsWith('â€', i) && /^(?:\s|$)/.test(text.slice(i + 2, i + 3))
    if (!hit && !truncated) continue
    count++
    if (positions.length < MAX_POSITIONS) positions.push(i)
    const seen = truncated ? 'â€' : text.slice(i, i + hit!.length)
    if (examples.size < 3 && !examples.has(seen)) examples.set(seen, truncated ? '” (last byte lost)' : hit!.char)
    leads.lastIndex = i + (truncated ? 2 : hit!.length)
  }
  if (count === 0) return null
  const shown = [...examples].map(([bad, good]) => `"${bad}" for "${good}"`).join(', ')
  return {
    kind: 'mojibake',
    count,
    positions,
    detail: `${count} mojibake sequence${count === 1 ? '' : 's'} (UTF-8 text decoded as Windows-1252), such as ${shown}.`,
  }
}

export function shortExtractionFlag(articleWords: number): TextFlag | null {
  if (articleWords >= SHORT_EXTRACTION_WORDS) return null
  return {
    kind: 'short-extraction',
    count: articleWords,
    detail: `Only ${articleWords} word${articleWords === 1 ? '' : 's'} of article text (furniture and header left out); the extraction may have missed the body.`,
  }
}

/** Every flag that applies, in a fixed order. */
export function textFlags(text: string, articleWords: number): TextFlag[] {
  return [replacementCharacterFlag(text), mojibakeFlag(text), shortExtractionFlag(articleWords)].filter((f): f is TextFlag => f !== null)
}
