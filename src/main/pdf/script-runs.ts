/**
 * Splits text into runs that each need one font: Noto Sans has no Arabic and Noto Naskh
 * Arabic has no Latin, so a line mixing both is drawn as several runs.
 *
 * A run is Arabic when it holds characters whose Script_Extensions include Arabic (letters,
 * harakat, Arabic comma/semicolon/question mark, tatweel, Arabic-Indic digits), together
 * with the joiners/marks that belong to them and the spaces *between* two Arabic words, so
 * a multi-word Arabic name stays one shaped right-to-left run. Everything else (Latin,
 * European digits, curly quotes, dashes, surrounding spaces) is a non-Arabic run.
 *
 * No character is ever dropped or changed: `runs.map(r => r.text).join('') === text`.
 * This is not a bidi algorithm: runs keep logical order (see toolchain notes on pdfkit).
 */
export interface ScriptRun {
  text: string
  arabic: boolean
}

// One Arabic "word": an Arabic character followed by more Arabic characters or
// zero-width joiners / direction marks (ZWNJ, ZWJ, LRM, RLM, ALM).
const ARABIC_WORD = String.raw`\p{Script_Extensions=Arabic}[\p{Script_Extensions=Arabic}\u200c-\u200f\u061c]*`
const ARABIC_RUN = new RegExp(`${ARABIC_WORD}(?:[ \\u00a0]+${ARABIC_WORD})*`, 'gu')

export function containsArabic(text: string): boolean {
  return /\p{Script_Extensions=Arabic}/u.test(text)
}

export function splitScriptRuns(text: string): ScriptRun[] {
  if (!containsArabic(text)) return text.length > 0 ? [{ text, arabic: false }] : []
  const runs: ScriptRun[] = []
  let last = 0
  for (const match of text.matchAll(ARABIC_RUN)) {
    const start = match.index
    if (start > last) runs.push({ text: text.slice(last, start), arabic: false })
    runs.push({ text: match[0], arabic: true })
    last = start + match[0].length
  }
  if (last < text.length) runs.push({ text: text.slice(last), arabic: false })
  return runs
}

/**
 * Whitespace the fonts cannot draw, mapped to what it means on the page: pdfkit breaks
 * lines on \n only, and a tab, a stray \r or U+2028/2029 would print as a missing-glyph box
 * or a blank. Nothing else is touched (format controls such as ZWJ or RLM are drawn
 * invisibly by fontkit; a soft hyphen stays invisible mid-line).
 */
export function textForLayout(text: string): string {
  if (!/[\r\t\u2028\u2029]/.test(text)) return text
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ')
}
