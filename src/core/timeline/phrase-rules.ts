/**
 * The date phrases chrono-node does not read as one period, read by our own patterns:
 * day ranges joined by "and" ("21 and 22 January", "January 21 and 22", "between 5 and 9
 * March"; dashes and "to" too, so every day range is read one way), parts of a month or
 * year ("late January", "early 2025", "the end of March") and a year alone after a
 * preposition ("in 2015"). Month names must be capitalised: "march" and "may" are verbs.
 * Pure; suggest.ts resolves what these find against the publication date.
 */

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const

/** A capitalised month name, or its usual abbreviation with an optional full stop (a full name's is the sentence's). */
const MONTH = '(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)'
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?'
const JOIN = '\\s*(?:and|to|until|through|[-–—])\\s*'
const YEAR = '(?:,?\\s+((?:1[0-9]|20)\\d{2}))?'
const BETWEEN = '(?:(?:[Bb]etween|[Ff]rom)\\s+)?'
const AFTER = '(?![\\p{L}\\p{N}])'

/** What one pattern found: months 1-12, year null when the text states none. */
export interface PhraseMatch {
  index: number
  text: string
  rule: 'day-range' | 'part-of-month' | 'part-of-year' | 'year'
  year: number | null
  month?: number
  /** day-range: first and last day; part-of-month: which part. */
  days?: [number, number]
  part?: 'early' | 'mid' | 'late'
}

const PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => Omit<PhraseMatch, 'index' | 'text'> | null }[] = [
  {
    // 21 and 22 January 2025, between 5 and 9 March, 21-22 Jan
    re: new RegExp(`${BETWEEN}${DAY}${JOIN}${DAY}\\s+(?:of\\s+)?${MONTH}${YEAR}${AFTER}`, 'gu'),
    read: (m) => ({ rule: 'day-range', days: [Number(m[1]), Number(m[2])], month: monthNumber(m[3]!), year: m[4] ? Number(m[4]) : null }),
  },
  {
    // January 21 and 22, 2025; between December 13 and 15
    re: new RegExp(`${BETWEEN}${MONTH}\\s+${DAY}${JOIN}${DAY}${YEAR}${AFTER}`, 'gu'),
    read: (m) => ({ rule: 'day-range', days: [Number(m[2]), Number(m[3])], month: monthNumber(m[1]!), year: m[4] ? Number(m[4]) : null }),
  },
  {
    // late January, mid-March 2025, the end of December
    re: new RegExp(`(?<![\\p{L}])(early|mid|late|(?:the\\s+)?(?:start|beginning|middle|end)\\s+of)[\\s-]+${MONTH}${YEAR}${AFTER}`, 'giu'),
    read: (m) => (/^[A-Z]/.test(m[2]!) ? { rule: 'part-of-month', part: partOf(m[1]!), month: monthNumber(m[2]!), year: m[3] ? Number(m[3]) : null } : null),
  },
  {
    // early 2025, the end of 2024
    re: new RegExp(`(?<![\\p{L}])(early|mid|late|(?:the\\s+)?(?:start|beginning|middle|end)\\s+of)[\\s-]+((?:1[0-9]|20)\\d{2})${AFTER}`, 'giu'),
    read: (m) => ({ rule: 'part-of-year', part: partOf(m[1]!), year: Number(m[2]) }),
  },
  {
    // in 2015, since 2011, during 2024 (a year alone is read only after one of these words)
    re: new RegExp(`(?<![\\p{L}])(?:in|since|during|throughout|until|by)\\s+((?:1[0-9]|20)\\d{2})(?![\\p{L}\\p{N}/:-]|\\.\\d)`, 'giu'),
    read: (m) => ({ rule: 'year', year: Number(m[1]) }),
  },
]

/** Every phrase the patterns find, in text order, overlapping ones left to the first pattern. */
export function findPhrases(text: string): PhraseMatch[] {
  const found: PhraseMatch[] = []
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = read(m)
      if (!value) continue
      const match: PhraseMatch = { index: m.index, text: m[0], ...value }
      if (!found.some((f) => overlaps(f, match))) found.push(match)
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

export function overlaps(a: { index: number; text: string }, b: { index: number; text: string }): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length
}

function monthNumber(name: string): number {
  return MONTHS.findIndex((m) => m.startsWith(name.replace(/\.$/, '').slice(0, 3))) + 1
}

function partOf(words: string): 'early' | 'mid' | 'late' {
  const w = words.toLowerCase()
  if (w.startsWith('early') || w.includes('start') || w.includes('beginning')) return 'early'
  if (w.startsWith('mid') || w.includes('middle')) return 'mid'
  return 'late'
}
