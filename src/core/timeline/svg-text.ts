/**
 * Text inside the figures' SVG (timeline-svg.ts, map-svg.ts): escaped for XML, with the
 * characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone
 * surrogates) removed, since an article's text may still hold them.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text or an attribute value, safe inside SVG markup. */
export function xml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** At most `max` characters (by code point), an ellipsis where cut; white space runs become one space. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = [...flat]
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** A number written for SVG coordinates: at most two decimals. */
export const n = (value: number) => String(Math.round(value * 100) / 100)
