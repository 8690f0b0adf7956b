/**
 * Text offsets for W3C Web Annotation: the model counts TextPositionSelector offsets in
 * Unicode code points; the notebook stores UTF-16 code units. The two differ only after a
 * character outside the BMP, such as an emoji. Used by the export (./w3c-export) and the
 * import (./w3c-match).
 */

/** Code points in `text` before UTF-16 offset `utf16`. */
export function codePointOffset(text: string, utf16: number): number {
  let pairs = 0
  for (let i = 0; i < utf16 - 1 && i < text.length - 1; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++
        i++
      }
    }
  }
  return utf16 - pairs
}

/** UTF-16 offset of code point number `codePoints` (text.length when past the end; -1 when negative). */
export function utf16Offset(text: string, codePoints: number): number {
  if (codePoints < 0) return -1
  let i = 0
  for (let n = 0; n < codePoints; n++) {
    if (i >= text.length) return text.length + (codePoints - n)
    const c = text.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1
  }
  return i
}
