/**
 * Text hygiene at the door: characters import removes before text is stored or shown.
 *
 * Article text (`removeControlCharacters`, run on new imports BEFORE `normaliseText`, see
 * notes/data-model.md): C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F)
 * other than tab, line feed and carriage return are removed; normaliseText then turns CR
 * and CRLF into LF. Vertical tab, form feed and NEL (U+0085) separate lines, as U+2028
 * does, so they become line feeds instead of joining the words around them. C1
 * characters that are bytes of a mojibake sequence (UTF-8 read as Latin-1: `â\u0080\u0099`
 * for `’`) are kept: there they are not controls but the evidence the mojibake flag
 * reports, and removing them would lose the character for good. What was removed is
 * recorded as a `control-characters` flag with its count.
 *
 * Metadata (`cleanMetaText`: title, outlet, author, URL): control characters are removed
 * (line-separating ones become a space) and so are the invisible format characters
 * (Unicode category Cf): bidi embeddings, overrides, isolates and marks (U+202A–U+202E,
 * U+2066–U+2069, U+200E/F, U+061C), zero-width space, word joiner, BOM (U+200B, U+2060,
 * U+FEFF), soft hyphen and tag characters. Two exceptions: ZWNJ and ZWJ (U+200C/D)
 * between two letters shape Persian, Indic and some Latin typography and cannot reorder
 * or hide anything, so they stay there; the prepended concatenation marks (U+0600–U+0605
 * and kin) are drawn, so they are not invisible. Removed rather than made visible: a title
 * is cited in briefings and exports, where a visible marker would be quoted as if the
 * outlet wrote it; the original file keeps the exact bytes, and the field's source says
 * what was removed. Search folds the same characters out (src/core/search/fold.ts).
 */
import { misreadAt, type TextFlag } from './analysis/flags'

/** Invisible format characters (Cf), less the prepended concatenation marks, which are drawn. */
export const INVISIBLE_FORMAT_RE = /(?![\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}])\p{Cf}/u
/** Controls that separate lines. */
const LINE_CONTROLS = /[\v\f\u0085]/
/** Controls (C0, DEL, C1) other than tab, LF and CR. */
const BODY_CONTROL = /(?![\t\n\r])\p{Cc}/u
const BODY_CONTROLS = new RegExp(BODY_CONTROL.source, 'gu')
const ZERO_WIDTH_JOINERS = /[\u200C\u200D]/
const LETTER = /[\p{L}\p{M}]/u

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'soft hyphen'],
  [0x061c, 'Arabic letter mark'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0xfeff, 'byte-order mark'],
  [0x000b, 'vertical tab'],
  [0x000c, 'form feed'],
  [0x0085, 'next line'],
])

const codeName = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}${NAMES.has(code) ? ` (${NAMES.get(code)})` : ''}`

/** Counts per code point, in order of first appearance. */
export type CharacterCounts = Map<number, number>

const bump = (counts: CharacterCounts, code: number) => counts.set(code, (counts.get(code) ?? 0) + 1)
const total = (counts: CharacterCounts) => [...counts.values()].reduce((a, b) => a + b, 0)
const listed = (counts: CharacterCounts) =>
  [...counts]
    .slice(0, 6)
    .map(([code, n]) => `${codeName(code)}${n > 1 ? ` ×${n}` : ''}`)
    .join(', ') + (counts.size > 6 ? ', …' : '')

export interface ControlCharacterRemoval {
  text: string
  /** Control characters removed. */
  removed: CharacterCounts
  /** Vertical tabs, form feeds and NELs turned into line feeds. */
  lineBreaks: CharacterCounts
}

/** Removes control characters from article text (see the file comment); the text is otherwise unchanged. */
export function removeControlCharacters(raw: string): ControlCharacterRemoval {
  const removed: CharacterCounts = new Map()
  const lineBreaks: CharacterCounts = new Map()
  if (!BODY_CONTROL.test(raw)) return { text: raw, removed, lineBreaks }
  const text = raw.replace(BODY_CONTROLS, (ch: string, at: number) => {
    const code = ch.charCodeAt(0)
    if (code >= 0x80 && inMojibake(raw, at)) return ch
    if (LINE_CONTROLS.test(ch)) {
      bump(lineBreaks, code)
      return '\n'
    }
    bump(removed, code)
    return ''
  })
  return { text, removed, lineBreaks }
}

/** Whether the C1 character at `at` is a continuation byte of a misread UTF-8 sequence. */
function inMojibake(text: string, at: number): boolean {
  for (let back = 1; back <= 3 && at - back >= 0; back++) {
    const hit = misreadAt(text, at - back)
    if (hit && hit.length > back) return true
  }
  return false
}

/** The `control-characters` flag for what `removeControlCharacters` changed, or null. */
export function controlCharactersFlag(removal: ControlCharacterRemoval): TextFlag | null {
  const removed = total(removal.removed)
  const breaks = total(removal.lineBreaks)
  if (removed + breaks === 0) return null
  const parts: string[] = []
  if (removed > 0) parts.push(`${removed} control character${removed === 1 ? '' : 's'} removed on import (${listed(removal.removed)}): they are invisible and not part of the article`)
  if (breaks > 0) parts.push(`${breaks} line-separating control${breaks === 1 ? '' : 's'} (${listed(removal.lineBreaks)}) turned into line breaks`)
  return { kind: 'control-characters', count: removed + breaks, detail: `${parts.join('; ')}. The original file keeps them.` }
}

export interface CleanedMeta {
  value: string
  /** Invisible and control characters removed. */
  removed: CharacterCounts
}

/** Cleans one metadata value (see the file comment) and collapses its white space. */
export function cleanMetaText(value: string): CleanedMeta {
  const removed: CharacterCounts = new Map()
  const chars = Array.from(value)
  const out: string[] = []
  chars.forEach((ch, i) => {
    const code = ch.codePointAt(0)!
    if (/[\t\n\r\v\f\u0085\u2028\u2029]/.test(ch)) out.push(' ')
    else if (BODY_CONTROL.test(ch)) bump(removed, code)
    else if (INVISIBLE_FORMAT_RE.test(ch)) {
      const between = ZERO_WIDTH_JOINERS.test(ch) && LETTER.test(chars[i - 1] ?? '') && LETTER.test(chars[i + 1] ?? '')
      if (between) out.push(ch)
      else bump(removed, code)
    } else out.push(ch)
  })
  return { value: out.join('').replace(/\s+/g, ' ').trim(), removed }
}

/** `1 invisible character removed: U+202E (right-to-left override)`, for a metadata source note. */
export function describeRemoved(removed: CharacterCounts): string | null {
  const n = total(removed)
  if (n === 0) return null
  return `${n} invisible or control character${n === 1 ? '' : 's'} removed: ${listed(removed)}`
}
