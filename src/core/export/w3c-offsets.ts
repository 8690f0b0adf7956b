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

/**
 * `utf16Offset` for many offsets into one text: one pass over the text to find its
 * surrogate pairs, then a binary search per offset (the import converts thousands of
 * positions in one article; `utf16Offset` would walk the text from the start each time).
 * Same results as `utf16Offset(text, codePoints)`.
 */
export function codePointConverter(text: string): (codePoints: number) => number {
  // The code point index of each surrogate pair's first unit (strictly increasing).
  const pairAt: number[] = []
  let codePointLength = 0
  for (let i = 0; i < text.length; i++, codePointLength++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairAt.push(codePointLength)
        i++
      }
    }
  }
  return (codePoints) => {
    if (codePoints < 0) return -1
    if (codePoints >= codePointLength) return text.length + (codePoints - codePointLength)
    // Pairs wholly before code point `codePoints` each add one UTF-16 unit.
    let lo = 0
    let hi = pairAt.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (pairAt[mid]! < codePoints) lo = mid + 1
      else hi = mid
    }
    return codePoints + lo
  }
}
