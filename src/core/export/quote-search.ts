/**
 * Finding many quotes in a text in one pass (Rabin–Karp): every quote is keyed by a hash of
 * its first 16 UTF-16 units (or all of it, when shorter), and a rolling hash over the text
 * looks each window up in a Map, comparing the whole quote only where a key matches. The
 * cost is one pass over the text per distinct key length (at most 16), plus the candidate
 * comparisons, instead of one scan of the text per quote: the W3C import places thousands
 * of quotes in one article, or looks for the article that holds a foreign source's quotes.
 *
 * Quotes that share their first 16 units are compared one by one at each place that
 * prefix occurs; a file built to make that blow up (thousands of quotes with one common
 * start, against a text repeating it) is refused once MAX_CANDIDATE_CHECKS comparisons
 * have been made.
 */
import { DossierError } from '../result'

const WINDOW = 16
const BASE = 1_000_003
/** Whole-quote comparisons one import may make (real files need far fewer: about one per quote). */
export const MAX_CANDIDATE_CHECKS = 20_000_000

export interface QuoteSearch {
  /** Calls `onHit` for every occurrence (overlapping ones too) of every quote in `text`, in text order per quote. */
  findAll(text: string, onHit: (quote: string, start: number) => void): void
}

/** A search for these quotes (empty ones are ignored); `budget` counts comparisons across every text searched. */
export function quoteSearch(quotes: Iterable<string>, budget: { checks: number } = { checks: 0 }): QuoteSearch {
  // Key length -> key hash -> the quotes with that key.
  const byLength = new Map<number, Map<number, string[]>>()
  for (const quote of new Set(quotes)) {
    if (quote.length === 0) continue
    const width = Math.min(WINDOW, quote.length)
    let keys = byLength.get(width)
    if (!keys) byLength.set(width, (keys = new Map()))
    const key = hashOf(quote, 0, width)
    const group = keys.get(key)
    if (group) group.push(quote)
    else keys.set(key, [quote])
  }
  return {
    findAll(text, onHit) {
      for (const [width, keys] of byLength) {
        if (text.length < width) continue
        const top = power(width - 1) // BASE^(width-1): the weight of the unit leaving the window
        let h = hashOf(text, 0, width)
        for (let start = 0; ; start++) {
          const group = keys.get(h)
          if (group) {
            for (const quote of group) {
              if (++budget.checks > MAX_CANDIDATE_CHECKS) {
                throw new DossierError('too-large', 'The quotes in this file share their first words too often to be placed; nothing was imported.')
              }
              if (text.startsWith(quote, start)) onHit(quote, start)
            }
          }
          const next = start + width
          if (next >= text.length) break
          h = (Math.imul((h - Math.imul(text.charCodeAt(start), top)) | 0, BASE) + text.charCodeAt(next)) | 0
        }
      }
    },
  }
}

function hashOf(s: string, from: number, width: number): number {
  let h = 0
  for (let i = from; i < from + width; i++) h = (Math.imul(h, BASE) + s.charCodeAt(i)) | 0
  return h
}

function power(exponent: number): number {
  let p = 1
  for (let i = 0; i < exponent; i++) p = Math.imul(p, BASE)
  return p
}
