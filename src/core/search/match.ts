/**
 * Finding a query's clauses in a text: for snippet marks and for checking phrases. The
 * text is folded once (fold.ts) and searched with indexOf, with word boundaries checked
 * by hand, then offsets are mapped back to the original. No regular expression is built
 * per query: a fresh RegExp runs interpreted at first, far too slowly on long texts.
 */
import { foldWithOffsets, isWordAt, isWordBefore, toOriginalOffset, type FoldedText } from './fold'
import type { QueryClause } from './query'

export interface Needle {
  /** Names the clause, e.g. `tartus`, `withdr*`, `"naval base"`. */
  key: string
  kind: 'term' | 'prefix' | 'phrase'
  /** Folded tokens: one for a term or prefix, in order for a phrase. */
  terms: readonly string[]
}

export interface MatchSpan {
  /** Offsets in the original (unfolded) text. */
  start: number
  end: number
  /** The needle's key. */
  key: string
}

/** Needles for a query's clauses: phrases first, longest first, so a phrase is marked whole. */
export function needlesOf(clauses: readonly QueryClause[]): Needle[] {
  const needles = clauses.map((c): Needle =>
    c.kind === 'phrase'
      ? { key: `"${c.terms.join(' ')}"`, kind: 'phrase', terms: c.terms }
      : { key: c.kind === 'prefix' ? `${c.term}*` : c.term, kind: c.kind, terms: [c.term] },
  )
  const rank = (n: Needle) => (n.kind === 'phrase' ? -n.terms.length : n.kind === 'term' ? 0 : 1)
  return needles.sort((a, b) => rank(a) - rank(b))
}

/** Skips one or more non-word characters; returns where the next word starts, or -1. */
function skipSeparators(text: string, at: number): number {
  if (at >= text.length || isWordAt(text, at)) return -1
  let i = at
  while (i < text.length && !isWordAt(text, i)) i++
  return i < text.length ? i : -1
}

/** The next occurrence of the needle in folded text at or after `from`, as [start, end). */
export function findNext(folded: string, needle: Needle, from: number): [number, number] | null {
  const first = needle.terms[0]
  if (first === undefined || first.length === 0) return null
  for (let i = folded.indexOf(first, from); i !== -1; i = folded.indexOf(first, i + 1)) {
    if (isWordBefore(folded, i)) continue
    let end = i + first.length
    if (needle.kind === 'prefix') {
      while (isWordAt(folded, end)) end++
      return [i, end]
    }
    if (isWordAt(folded, end)) continue
    let ok = true
    for (let k = 1; k < needle.terms.length && ok; k++) {
      const term = needle.terms[k]!
      const at = skipSeparators(folded, end)
      ok = at !== -1 && folded.startsWith(term, at) && !isWordAt(folded, at + term.length)
      end = at + term.length
    }
    if (ok) return [i, end]
  }
  return null
}

/** Whether folded text holds the phrase (or word). */
export function containsNeedle(folded: string, needle: Needle): boolean {
  return findNext(folded, needle, 0) !== null
}

/**
 * Every match of the needles in `text`, in text order, without overlaps (where two
 * overlap, the one listed first in `needles` wins, so phrases beat their own words).
 */
export function findMatches(text: string | FoldedText, needles: readonly Needle[]): MatchSpan[] {
  if (needles.length === 0) return []
  const folded = typeof text === 'string' ? foldWithOffsets(text) : text
  const raw: { start: number; end: number; key: string; rank: number }[] = []
  needles.forEach((needle, rank) => {
    for (let m = findNext(folded.text, needle, 0); m !== null; m = findNext(folded.text, needle, m[1])) {
      raw.push({ start: m[0], end: m[1], key: needle.key, rank })
    }
  })
  raw.sort((a, b) => a.start - b.start || a.rank - b.rank)
  const spans: MatchSpan[] = []
  let last = -1
  for (const r of raw) {
    if (r.start < last) continue
    spans.push({ start: toOriginalOffset(folded, r.start), end: toOriginalOffset(folded, r.end), key: r.key })
    last = r.end
  }
  return spans
}
