/**
 * Snippets: a short window of a field's text around its best cluster of matches, with the
 * matched words (and whole phrases) marked as [start, end) offsets into the snippet.
 */
import type { MatchSpan } from './match'

export const SNIPPET_CHARS = 200
/** Characters shown before the first match in a window, when there are that many. */
const LEAD_CHARS = 50
/** How far a window edge may move to avoid cutting a word. */
const SNAP_CHARS = 20

export interface Snippet {
  /** One line: each white-space character of the source became a space; "…" marks a cut. */
  text: string
  /** Matched words and phrases as [start, end) offsets into `text`, sorted, not overlapping. */
  ranges: [number, number][]
}

/** Picks the window of `maxChars` covering the most distinct matches (then the most matches). */
export function makeSnippet(text: string, matches: readonly MatchSpan[], maxChars = SNIPPET_CHARS): Snippet {
  let from = 0
  if (matches.length > 0 && text.length > maxChars) {
    let best = { i: 0, distinct: 0, count: 0 }
    let j = 0
    const counts = new Map<string, number>()
    // Two pointers: window [matches[i].start, matches[i].start + maxChars - LEAD_CHARS).
    for (let i = 0; i < matches.length; i++) {
      const limit = matches[i]!.start + maxChars - LEAD_CHARS
      while (j < matches.length && matches[j]!.end <= limit) {
        const key = matches[j]!.key
        counts.set(key, (counts.get(key) ?? 0) + 1)
        j++
      }
      const count = j - i
      if (counts.size > best.distinct || (counts.size === best.distinct && count > best.count)) best = { i, distinct: counts.size, count }
      if (j > i) {
        const key = matches[i]!.key
        const n = (counts.get(key) ?? 1) - 1
        if (n === 0) counts.delete(key)
        else counts.set(key, n)
      } else j = i + 1
    }
    from = Math.max(0, matches[best.i]!.start - LEAD_CHARS)
  }
  let to = Math.min(text.length, from + maxChars)
  if (to === text.length) from = Math.max(0, to - maxChars)
  // Do not cut words: move the start forward past a space, and the end back before one.
  if (from > 0) {
    const space = text.slice(from, from + SNAP_CHARS).search(/\s/)
    if (space >= 0) from += space + 1
    else if (isLowSurrogate(text.charCodeAt(from))) from++
  }
  if (to < text.length) {
    const tail = text.slice(Math.max(from, to - SNAP_CHARS), to)
    const space = tail.search(/\s\S*$/)
    if (space >= 0) to = Math.max(from, to - SNAP_CHARS) + space
    else if (isLowSurrogate(text.charCodeAt(to))) to--
  }
  const lead = from > 0 ? '…' : ''
  const body = text.slice(from, to).replace(/\s/g, ' ')
  const ranges: [number, number][] = []
  let last = -1
  for (const m of matches) {
    const s = Math.max(m.start, from)
    const e = Math.min(m.end, to)
    if (e <= s || s < last) continue // outside the window, or inside a range already marked
    ranges.push([s - from + lead.length, e - from + lead.length])
    last = e
  }
  return { text: lead + body + (to < text.length ? '…' : ''), ranges }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
