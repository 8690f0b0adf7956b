/**
 * Lays text out in lines for the PDF, right-to-left runs included: pdfkit has no bidi
 * algorithm, so a line mixing English and Arabic would otherwise come out in the wrong
 * order. For each paragraph (text between \n):
 *
 * 1. every character gets a font: Noto Naskh Arabic for Arabic script (plus the spaces
 *    and joiners inside an Arabic phrase, see ./script-runs), the Latin face otherwise;
 * 2. lines are broken greedily at spaces in logical order (a word wider than the line is
 *    cut, preferably after / - ? & =), measured with the real fonts;
 * 3. each line is reordered with the Unicode Bidirectional Algorithm (bidi-js, UAX #9):
 *    embedding levels for the paragraph, then rule L2 applied to runs of one level and
 *    one font, mirrored characters (brackets) swapped at odd levels;
 * 4. each run is handed to pdfkit in the order fontkit needs: fontkit shapes an Arabic
 *    string and reverses it itself, so an Arabic run at an odd (right-to-left) level is
 *    passed in logical order; any run whose direction differs from what fontkit will do
 *    (neutrals at a right-to-left level, Arabic-Indic digits at a left-to-right level) is
 *    reversed by grapheme here.
 *
 * The paragraph direction (isRightToLeftParagraph): an English quote that mentions or even
 * opens with an Arabic name stays left-to-right and left-aligned; a quote in Arabic is
 * right-to-left and right-aligned.
 * Nothing is dropped or changed except that line-break spaces are not drawn; every
 * character of a line appears in exactly one run.
 */
import bidiFactory from 'bidi-js'
import { splitScriptRuns, textForLayout } from './script-runs'

export type FontKey = 'regular' | 'bold' | 'italic' | 'serif' | 'arabic'
export type LatinFontKey = Exclude<FontKey, 'arabic'>

/** Width of `text` drawn in `font` at size 1 (so a size-s width is s times this). */
export type MeasureText = (font: FontKey, text: string) => number

export interface LineRun {
  /** What to hand pdfkit, already in the order that makes it draw in visual order. */
  text: string
  /** The run's characters as written (logical order, unmirrored): what it says, for tagged PDF. */
  logical: string
  /** Where the run starts in the paragraph: sorting by it gives the reading (logical) order. */
  start: number
  font: FontKey
  /** Offset from the line's start edge, in points. */
  x: number
  width: number
  /** Drawn right-to-left (an odd bidi level). */
  rtl: boolean
}

export interface TextLine {
  runs: LineRun[]
  width: number
  /** 'right' for a right-to-left paragraph. */
  align: 'left' | 'right'
}

const bidi = bidiFactory()

/** Characters of right-to-left scripts and the explicit RTL controls (fast path: none -> no bidi). */
const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067]|\ud802[\udc00-\udfff]|\ud803[\udc00-\udeff]|\ud83a[\udc00-\udfff]|\ud83b[\udc00-\udeff]/
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/gu
const LETTER = /\p{L}/gu
const FIRST_LETTER = /\p{L}/u
/** fontkit picks the direction from the first character of a specific (non-Common) script. */
const FIRST_SPECIFIC_SCRIPT = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u
const BREAK_AFTER = /[/\-?&=]/
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * Right-to-left when the first letter is right-to-left (UAX #9 rules P2/P3, as
 * `dir="auto"` does) and right-to-left letters outnumber the others: an English quote that
 * opens with an Arabic name stays left-to-right.
 */
export function isRightToLeftParagraph(text: string): boolean {
  if (!RTL_CHARS.test(text)) return false
  const first = text.match(FIRST_LETTER)?.[0]
  if (first === undefined || !RTL_SCRIPT.test(first)) return false
  const rtl = text.match(RTL_LETTER)?.length ?? 0
  const ltr = (text.match(LETTER)?.length ?? 0) - rtl
  return rtl > ltr
}

/**
 * Lays out `text` at `size` points in lines no wider than `maxWidth`. An empty paragraph
 * (a blank line) yields a line without runs, so blank lines keep their height.
 */
export function layoutText(text: string, font: LatinFontKey, size: number, maxWidth: number, measure: MeasureText): TextLine[] {
  const lines: TextLine[] = []
  for (const paragraph of textForLayout(text).split('\n')) lines.push(...layoutParagraph(paragraph, font, size, maxWidth, measure))
  return lines
}

interface Token {
  start: number
  /** End of the word without its trailing spaces. */
  inkEnd: number
  end: number
  /** Only spaces (they open the paragraph). */
  space: boolean
  /** Width with the trailing spaces. */
  width: number
  /** Width without them. */
  ink: number
}

interface Range {
  start: number
  inkEnd: number
  end: number
  width: number
  ink: number
}

function layoutParagraph(par: string, latin: LatinFontKey, size: number, maxWidth: number, measure: MeasureText): TextLine[] {
  if (par.length === 0) return [{ runs: [], width: 0, align: 'left' }]
  const fonts = fontMap(par, latin)
  const rtl = isRightToLeftParagraph(par)
  const levels = RTL_CHARS.test(par) ? bidi.getEmbeddingLevels(par, rtl ? 'rtl' : 'ltr').levels : null
  const width = (start: number, end: number) => measureSpan(par, fonts, start, end, measure) * size

  // Tokens: a word with the spaces after it (how pdfkit splits and caches text when it
  // draws, so measuring here shapes exactly the strings the drawing will reuse), or the
  // spaces opening the paragraph.
  const space = measure(latin, ' ') * size
  const tokens: Token[] = []
  for (const m of par.matchAll(/[^ \u200b]+[ \u200b]*|[ \u200b]+/g)) {
    const start = m.index
    const end = start + m[0].length
    const trailing = m[0].length - m[0].trimEnd().length
    const inkEnd = end - trailing
    const full = width(start, end)
    tokens.push({ start, end, inkEnd, space: inkEnd === start, width: full, ink: inkEnd === start ? 0 : full - trailing * space })
  }

  // Greedy line filling in logical order. Spaces opening the paragraph stay on its first
  // line; a line ends after its last word's spaces (drawn, but not counted in its width).
  const ranges: Range[] = []
  let line: Range | null = null
  for (const token of tokens) {
    if (token.space) {
      line = { start: token.start, inkEnd: token.start, end: token.end, width: token.width, ink: 0 }
      continue
    }
    if (line && line.width + token.ink <= maxWidth) {
      line.ink = line.width + token.ink
      line.width += token.width
      line.inkEnd = token.inkEnd
      line.end = token.end
      continue
    }
    if (line && line.inkEnd > line.start) ranges.push(line)
    const first = ranges.length === 0
    const start: number = first && line ? line.start : token.start
    const lead: number = first && line ? line.width : 0
    if (lead + token.ink <= maxWidth) {
      line = { start, inkEnd: token.inkEnd, end: token.end, width: lead + token.width, ink: lead + token.ink }
      continue
    }
    // A word wider than the line: cut it into pieces that fit; the last piece starts a line.
    let from = start
    for (;;) {
      const cut = cutToFit(par, fonts, from, token.inkEnd, maxWidth / size, measure)
      if (cut >= token.inkEnd) {
        const ink = width(from, token.inkEnd)
        line = { start: from, inkEnd: token.inkEnd, end: token.end, width: ink + (token.width - token.ink), ink }
        break
      }
      ranges.push({ start: from, inkEnd: cut, end: cut, width: 0, ink: 0 })
      from = cut
    }
  }
  if (line && line.inkEnd > line.start) ranges.push(line)
  if (ranges.length === 0) return [{ runs: [], width: 0, align: 'left' }]
  // Right-to-left lines do not draw their break spaces (they would sit on the wrong side).
  return ranges.map((r) => buildLine(par, fonts, levels, rtl, r.start, levels ? r.inkEnd : r.end, r.inkEnd, size, measure))
}

/** The furthest grapheme boundary after `from` where [from, cut) fits; preferably just after / - ? & =. */
function cutToFit(par: string, fonts: FontKey[], from: number, end: number, maxUnits: number, measure: MeasureText): number {
  let best = -1
  let preferred = -1
  let total = 0
  for (const { segment, index } of graphemes.segment(par.slice(from, end))) {
    const at = from + index
    total += measure(fonts[at]!, segment)
    if (total > maxUnits) break
    best = at + segment.length
    if (BREAK_AFTER.test(segment)) preferred = best
  }
  if (best === -1) return from + (par.codePointAt(from)! > 0xffff ? 2 : 1) // not even one grapheme fits: take it anyway
  return preferred > from && best < end ? preferred : best
}

/** The font of every UTF-16 unit of the paragraph. */
function fontMap(par: string, latin: LatinFontKey): FontKey[] {
  const fonts: FontKey[] = new Array<FontKey>(par.length)
  let at = 0
  for (const run of splitScriptRuns(par)) {
    fonts.fill(run.arabic ? 'arabic' : latin, at, at + run.text.length)
    at += run.text.length
  }
  return fonts
}

/** Width in size-1 units of [start, end), measured per font segment as it will be drawn. */
function measureSpan(par: string, fonts: FontKey[], start: number, end: number, measure: MeasureText): number {
  let total = 0
  let from = start
  for (let i = start + 1; i <= end; i++) {
    if (i === end || fonts[i] !== fonts[from]) {
      total += measure(fonts[from]!, par.slice(from, i))
      from = i
    }
  }
  return total
}

interface LogicalRun {
  start: number
  end: number
  level: number
  font: FontKey
}

function buildLine(
  par: string,
  fonts: FontKey[],
  levels: Uint8Array | null,
  rtlParagraph: boolean,
  start: number,
  end: number,
  inkEnd: number,
  size: number,
  measure: MeasureText,
): TextLine {
  // Runs of one level and one font, in logical order.
  const logical: LogicalRun[] = []
  for (let i = start; i < end; i++) {
    const level = levels ? levels[i]! : 0
    const last = logical.at(-1)
    if (last && last.level === level && last.font === fonts[i]) last.end = i + 1
    else logical.push({ start: i, end: i + 1, level, font: fonts[i]! })
  }
  // UAX #9 L2, on runs: from the highest level down to the lowest odd level, reverse every
  // maximal sequence of runs at that level or higher.
  const visual = [...logical]
  if (levels) {
    const max = Math.max(...visual.map((r) => r.level))
    const minOdd = Math.min(...visual.map((r) => (r.level % 2 === 1 ? r.level : Infinity)))
    for (let level = max; level >= minOdd && Number.isFinite(minOdd); level--) {
      for (let i = 0; i < visual.length; ) {
        if (visual[i]!.level < level) {
          i++
          continue
        }
        let j = i
        while (j + 1 < visual.length && visual[j + 1]!.level >= level) j++
        const reversed = visual.slice(i, j + 1).reverse()
        visual.splice(i, reversed.length, ...reversed)
        i = j + 1
      }
    }
  }
  const runs: LineRun[] = []
  let x = 0
  let trailing = 0
  for (const run of visual) {
    const rtl = run.level % 2 === 1
    const logical = par.slice(run.start, run.end)
    let text = logical
    if (rtl) text = mirror(text)
    const fontkitReverses = RTL_SCRIPT.test(text.match(FIRST_SPECIFIC_SCRIPT)?.[0] ?? '')
    if (rtl !== fontkitReverses) text = reverseGraphemes(text)
    const width = measure(run.font, text) * size
    runs.push({ text, logical, start: run.start, font: run.font, x, width, rtl })
    x += width
  }
  // Break spaces at the end (left-to-right lines only) are drawn but take no room.
  if (end > inkEnd) trailing = measure(fonts[inkEnd]!, ' ') * size * (end - inkEnd)
  return { runs, width: x - trailing, align: rtlParagraph ? 'right' : 'left' }
}

function mirror(text: string): string {
  let out = ''
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch
  return out
}

function reverseGraphemes(text: string): string {
  return Array.from(graphemes.segment(text), (s) => s.segment)
    .reverse()
    .join('')
}
