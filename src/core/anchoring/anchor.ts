/**
 * Re-anchoring a highlight's W3C selectors in a text, as hypothesis does
 * (client/src/annotator/anchoring/match-quote.ts): a pure string problem.
 *
 * 1. position: the stored offsets still hold the stored quote -> done.
 * 2. exact: every occurrence of the quote, ranked by agreement of the text around it with
 *    the stored prefix and suffix, then by distance from the old position.
 * 3. approximate: approx-string-match (Myers' bit-parallel algorithm) with up to
 *    `maxQuoteErrors(quote)` errors, ranked by a weighted sum of quote edit distance,
 *    prefix, suffix and position. Below `MIN_APPROXIMATE_SCORE` the highlight is an orphan.
 *
 * An exact occurrence whose context disagrees (say the passage was rewritten and the same
 * words happen to appear elsewhere) does not win outright: approximate candidates are
 * scored too and the best overall score wins; a short quote found several times with
 * none of them in context is an orphan rather than a guess.
 */
import approxSearch from 'approx-string-match'
import type { TextTarget } from '../model'
import { findOccurrences } from '../selectors'
import { anchoredEditDistance, boundedEditDistance, CONTEXT_SLACK, prefixScore, suffixScore } from './context-similarity'

export type AnchorMethod = 'position' | 'exact' | 'approximate'

export interface Anchor {
  /** UTF-16 offsets into the text the target was anchored in. */
  start: number
  end: number
  method: AnchorMethod
  /** Normalised score in [0, 1]: 1 for a position match; see `scoreCandidate`. */
  score: number
}

// Weights of the candidate score (the hypothesis values, which were tuned on real pages).
/** Similarity of the matched text to the quote: the quote is the highlight, so it dominates. */
const QUOTE_WEIGHT = 50
/** Similarity of the text before the match to the stored prefix (32 chars of context). */
const PREFIX_WEIGHT = 20
/** Similarity of the text after the match to the stored suffix; as important as the prefix. */
const SUFFIX_WEIGHT = 20
/**
 * Closeness to the old position, as a fraction of the text length. Small on purpose: it
 * only breaks ties between candidates whose quote and context agree equally well (a
 * phrase repeated with identical surroundings), since edits before a quote move it freely.
 */
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/**
 * Below this normalised score an approximate candidate is not accepted (orphan). With the
 * weights above (score = (50 q + 20 p + 20 s + 2 d) / 92), and d near 1, the mean context
 * agreement c = (p + s) / 2 must reach about 0.39 for a quote at 75% similarity (the most
 * errors the search allows), 0.20 at 90% and 0.08 at 95%. Unrelated text scores ~0.25
 * as context (see GOOD_CONTEXT), so a heavily edited quote needs its surroundings to
 * agree, while a long quote with a few words fixed is found even if both sides changed.
 */
export const MIN_APPROXIMATE_SCORE = 0.6

/**
 * An exact occurrence whose context agrees at least this much (weighted mean of prefix
 * and suffix scores) is accepted without looking for approximate candidates. Unrelated
 * context scores 0.25 on average by this measure (0.34 at the 95th percentile, 0.47 at the
 * 99th, measured on 2,000 random pairs of 32-character windows of a corpus article).
 */
const GOOD_CONTEXT = 0.5

/**
 * A quote shorter than this (the length of its stored context) carries little evidence on
 * its own: with errors, it is accepted only where its context agrees (so "Tartus" is not
 * re-anchored to "Tartous" in an unrelated sentence), and exactly only in context or when
 * it occurs once.
 */
const SHORT_QUOTE_CHARS = 32

/** Approximate candidates (best first) whose boundaries are re-fitted to the context. */
const REFINED_CANDIDATES = 5

/** Exact occurrences scored at most (a quote of one common word can occur thousands of times). */
const MAX_EXACT_CANDIDATES = 2000
/** Context fragment used to find approximate windows, and how many of its hits are tried. */
const CONTEXT_PROBE_CHARS = 12
const MAX_PROBE_HITS = 50

/**
 * Most errors (insertions, deletions, substitutions) an approximate match may have: a
 * quarter of the quote, capped at 32 so long quotes stay fast and do not match loosely
 * related passages. Quotes under 4 characters are only found exactly.
 */
export function maxQuoteErrors(quoteLength: number): number {
  return Math.min(32, Math.floor(quoteLength / 4))
}

interface Scored {
  start: number
  end: number
  score: number
  /** Weighted mean of the prefix and suffix agreement, in [0, 1]. */
  context: number
}

function scoreCandidate(text: string, target: TextTarget, start: number, end: number, errors: number): Scored {
  const quote = Math.max(0, 1 - errors / target.exact.length)
  const prefix = Math.max(0, prefixScore(text, start, target.prefix))
  const suffix = Math.max(0, suffixScore(text, end, target.suffix))
  const position = 1 - Math.min(1, Math.abs(start - target.start) / Math.max(1, text.length))
  const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * position
  return { start, end, score: raw / MAX_SCORE, context: (PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix) / (PREFIX_WEIGHT + SUFFIX_WEIGHT) }
}

function better(a: Scored | null, b: Scored): Scored {
  return a === null || b.score > a.score ? b : a
}

/**
 * Approximate matches of the quote. approx-string-match reports only the lowest-error
 * matches of a search, so a search over the whole text alone could miss the edited
 * passage at its place when a slightly closer look-alike exists elsewhere. Hence also
 * local searches: around the old position, after each hit of the end of the stored
 * prefix and before each hit of the start of the stored suffix.
 */
function approximateCandidates(text: string, target: TextTarget): { start: number; end: number; errors: number }[] {
  const quote = target.exact
  const maxErrors = maxQuoteErrors(quote.length)
  if (maxErrors === 0) return []
  const found = new Map<string, { start: number; end: number; errors: number }>()
  const searchIn = (from: number, to: number) => {
    const lo = Math.max(0, from)
    const hi = Math.min(text.length, to)
    if (hi - lo < quote.length - maxErrors) return
    for (const m of approxSearch(lo === 0 && hi === text.length ? text : text.slice(lo, hi), quote, maxErrors)) {
      const c = { start: m.start + lo, end: m.end + lo, errors: m.errors }
      if (c.end > c.start) found.set(`${c.start}:${c.end}`, c)
    }
  }
  searchIn(0, text.length)
  const span = quote.length + maxErrors
  searchIn(target.start - span, target.end + span)
  const prefixProbe = target.prefix.slice(-CONTEXT_PROBE_CHARS)
  if (prefixProbe.trim().length >= 4) {
    for (const hit of findOccurrences(text, prefixProbe).slice(0, MAX_PROBE_HITS)) {
      const at = hit + prefixProbe.length
      searchIn(at - maxErrors, at + span)
    }
  }
  const suffixProbe = target.suffix.slice(0, CONTEXT_PROBE_CHARS)
  if (suffixProbe.trim().length >= 4) {
    for (const hit of findOccurrences(text, suffixProbe).slice(0, MAX_PROBE_HITS)) searchIn(hit - span, hit + maxErrors)
  }
  return [...found.values()]
}

/**
 * Finds where `target` belongs in `text`. Returns null when nothing matches well enough:
 * the caller keeps the highlight as an orphan (never drops it).
 */
export function anchorTarget(text: string, target: TextTarget): Anchor | null {
  const quote = target.exact
  if (quote.length === 0 || quote.length > text.length + maxQuoteErrors(quote.length)) return null
  if (target.end - target.start === quote.length && text.slice(target.start, target.end) === quote) {
    return { start: target.start, end: target.end, method: 'position', score: 1 }
  }

  let bestExact: Scored | null = null
  const occurrences = findOccurrences(text, quote)
  for (const start of occurrences.slice(0, MAX_EXACT_CANDIDATES)) {
    bestExact = better(bestExact, scoreCandidate(text, target, start, start + quote.length, 0))
  }
  if (bestExact !== null && bestExact.context >= GOOD_CONTEXT) return { ...pick(bestExact), method: 'exact' }

  const maxErrors = maxQuoteErrors(quote.length)
  const approx = approximateCandidates(text, target)
    .filter((c) => c.errors > 0) // exact occurrences were scored above
    .map((c) => scoreCandidate(text, target, c.start, c.end, c.errors))
    .sort((a, b) => b.score - a.score)
  let bestApprox: Scored | null = null
  for (const c of approx.slice(0, REFINED_CANDIDATES)) {
    bestApprox = better(bestApprox, c)
    // Re-fit the boundaries to the stored context, then re-measure the quote on the new span.
    const start = refineBoundary(text, c.start, target.prefix, maxErrors, 0, c.end - 1, true)
    const end = refineBoundary(text, c.end, target.suffix, maxErrors, start + 1, text.length, false)
    if (start === c.start && end === c.end) continue
    const errors = boundedEditDistance(quote, text.slice(start, end), maxErrors)
    if (errors <= maxErrors) bestApprox = better(bestApprox, scoreCandidate(text, target, start, end, errors))
  }
  if (
    bestApprox !== null &&
    bestApprox.score >= MIN_APPROXIMATE_SCORE &&
    (quote.length >= SHORT_QUOTE_CHARS || bestApprox.context >= GOOD_CONTEXT) &&
    (bestExact === null || bestApprox.score > bestExact.score)
  ) {
    return { ...pick(bestApprox), method: 'approximate' }
  }
  // An exact occurrence whose context changed is still accepted when the quote says enough
  // by itself: long, or found only once. A short quote found several times, none in its
  // context, is ambiguous: better an orphan the analyst re-attaches than a wrong place.
  if (bestExact !== null && (quote.length >= SHORT_QUOTE_CHARS || occurrences.length === 1)) return { ...pick(bestExact), method: 'exact' }
  return null
}

/**
 * approx-string-match returns the span with the fewest errors, which for an insertion at
 * the edge of a quote ("returned almost empty" for "returned empty") stops short of the
 * edited words. Moves a boundary by up to `maxErrors` characters to where the stored
 * context (prefix before a start, suffix after an end) agrees best; ties go to the
 * boundary nearest the original. An empty context leaves the boundary alone.
 */
function refineBoundary(text: string, at: number, context: string, maxErrors: number, min: number, max: number, isStart: boolean): number {
  if (context.length === 0) return at
  const distance = (pos: number): number =>
    isStart
      ? anchoredEditDistance(context, text.slice(Math.max(0, pos - context.length - CONTEXT_SLACK), pos), true)
      : anchoredEditDistance(context, text.slice(pos, pos + context.length + CONTEXT_SLACK), false)
  let best = at
  let bestDistance = distance(at)
  for (let pos = Math.max(min, at - maxErrors); pos <= Math.min(max, at + maxErrors); pos++) {
    if (pos === at) continue
    const d = distance(pos)
    if (d < bestDistance || (d === bestDistance && Math.abs(pos - at) < Math.abs(best - at))) {
      best = pos
      bestDistance = d
    }
  }
  return best
}

function pick(s: Scored): { start: number; end: number; score: number } {
  return { start: s.start, end: s.end, score: Math.round(s.score * 1000) / 1000 }
}
