/**
 * The search box's little language, parsed into clauses that all must match (AND):
 *
 *   naval base          two words, anywhere in the document (title + body, or quote + comment)
 *   "naval base"        a phrase: the words adjacent and in this order (“curly” „low“ «guillemets» too)
 *   withdr*             a prefix: withdraw, withdrawal, withdrawn…  (at least 2 letters before *)
 *   al-Sharaa, Russia’s a word that folds into several tokens is a phrase of them
 *
 * Case and diacritics never matter (fold.ts). Stop words are ignored in word queries and
 * kept inside phrases. There is no OR, NOT or field syntax: "or" and "not" are just words.
 *
 * Never throws: malformed input gives warnings (the query still runs) or an `error`
 * (nothing to run) with a message meant for the user.
 */
import { STOP_WORDS, tokenize } from './fold'

export type QueryClause =
  /** One folded word that must occur. */
  | { kind: 'term'; raw: string; term: string }
  /** A folded prefix (2+ characters); some word starting with it must occur. */
  | { kind: 'prefix'; raw: string; term: string }
  /** Folded tokens that must occur adjacent and in order (stop words included). */
  | { kind: 'phrase'; raw: string; terms: string[] }

export type QueryIssueCode =
  | 'empty'
  | 'only-stopwords'
  | 'wildcard-alone'
  | 'unbalanced-quote'
  | 'stopwords-ignored'
  | 'prefix-too-short'
  | 'too-long'

export interface QueryIssue {
  code: QueryIssueCode
  message: string
}

export interface ParsedQuery {
  /** The input as given. */
  input: string
  clauses: QueryClause[]
  /** Things the parser changed or ignored; the query still runs. */
  warnings: QueryIssue[]
  /** Set when there is nothing to search for; `clauses` may still hold stop-word phrases. */
  error: QueryIssue | null
}

export const MAX_QUERY_CHARS = 500
export const MAX_CLAUSES = 32
export const MIN_PREFIX_CHARS = 2

const QUOTES = new Set(['"', '“', '”', '„', '‟', '«', '»'])

/** Terms a clause contributes to the index lookup (stop words are not indexed). */
export function indexTerms(clause: QueryClause): string[] {
  if (clause.kind === 'prefix') return [clause.term]
  if (clause.kind === 'term') return [clause.term]
  return clause.terms.filter((t) => !STOP_WORDS.has(t))
}

export function parseQuery(input: string): ParsedQuery {
  const warnings: QueryIssue[] = []
  let q = typeof input === 'string' ? input : ''
  if (q.length > MAX_QUERY_CHARS) {
    // Cut at the last space before the limit, so no word is cut into a different one.
    const space = q.slice(0, MAX_QUERY_CHARS + 1).search(/\s\S*$/)
    q = q.slice(0, space > 0 ? space : MAX_QUERY_CHARS)
    warnings.push({ code: 'too-long', message: `Only the first ${MAX_QUERY_CHARS} characters of the query are used.` })
  }

  // Split into quoted and unquoted segments. Any quote character opens or closes.
  const segments: { quoted: boolean; text: string }[] = []
  let current = ''
  let quoted = false
  for (const ch of q) {
    if (QUOTES.has(ch)) {
      segments.push({ quoted, text: current })
      current = ''
      quoted = !quoted
    } else current += ch
  }
  segments.push({ quoted, text: current })
  if (quoted) {
    warnings.push({ code: 'unbalanced-quote', message: 'A quotation mark is not closed: the rest of the query is searched as a phrase.' })
  }

  const clauses: QueryClause[] = []
  const stopwords: string[] = []
  let sawWildcardAlone = false
  const tooShort: string[] = []

  for (const segment of segments) {
    if (segment.quoted) {
      const terms = tokenize(segment.text)
      if (terms.length === 0) continue
      const raw = segment.text.trim()
      if (terms.length === 1 && !STOP_WORDS.has(terms[0]!)) clauses.push({ kind: 'term', raw, term: terms[0]! })
      else clauses.push({ kind: 'phrase', raw, terms })
      continue
    }
    for (const word of segment.text.split(/\s+/)) {
      if (word.length === 0) continue
      const isPrefix = /\*+$/.test(word)
      const terms = tokenize(word)
      if (terms.length === 0) {
        if (isPrefix && /^[^\p{L}\p{N}]*$/u.test(word)) sawWildcardAlone = true
        continue
      }
      if (isPrefix) {
        const last = terms[terms.length - 1]!
        const lead = terms.slice(0, -1)
        if (lead.length === 1 && !STOP_WORDS.has(lead[0]!)) clauses.push({ kind: 'term', raw: word, term: lead[0]! })
        else if (lead.length > 0) clauses.push({ kind: 'phrase', raw: word, terms: lead })
        if (last.length < MIN_PREFIX_CHARS) tooShort.push(word)
        else clauses.push({ kind: 'prefix', raw: word, term: last })
        continue
      }
      if (terms.length > 1) clauses.push({ kind: 'phrase', raw: word, terms })
      else if (STOP_WORDS.has(terms[0]!)) stopwords.push(word)
      else clauses.push({ kind: 'term', raw: word, term: terms[0]! })
    }
  }

  const unique = dedupe(clauses)
  if (unique.length > MAX_CLAUSES) {
    unique.length = MAX_CLAUSES
    warnings.push({ code: 'too-long', message: `Only the first ${MAX_CLAUSES} words and phrases of the query are used.` })
  }
  if (tooShort.length > 0) {
    warnings.push({
      code: 'prefix-too-short',
      message: `Ignored ${tooShort.map((w) => `“${w}”`).join(', ')}: type at least ${MIN_PREFIX_CHARS} letters before *.`,
    })
  }
  const searchable = unique.some((c) => indexTerms(c).length > 0)
  if (stopwords.length > 0 && searchable) {
    warnings.push({ code: 'stopwords-ignored', message: `Ignored common words: ${stopwords.join(', ')}.` })
  }

  let error: QueryIssue | null = null
  if (!searchable) {
    if (stopwords.length > 0 || unique.length > 0) {
      const words = [...stopwords, ...unique.map((c) => c.raw)]
      error = {
        code: 'only-stopwords',
        message: `${words.map((w) => `“${w}”`).join(', ')} ${words.length === 1 ? 'is' : 'are'} too common to search for: add a less common word.`,
      }
    } else if (sawWildcardAlone || tooShort.length > 0) {
      error = { code: 'wildcard-alone', message: `* finds words by their beginning: type at least ${MIN_PREFIX_CHARS} letters before it, as in withdr*.` }
    } else {
      error = { code: 'empty', message: 'Type a word or a "quoted phrase" to search for.' }
    }
  }
  return { input: q, clauses: unique, warnings, error }
}

function dedupe(clauses: QueryClause[]): QueryClause[] {
  const seen = new Set<string>()
  return clauses.filter((c) => {
    const key = c.kind === 'phrase' ? `p:${c.terms.join(' ')}` : `${c.kind}:${c.term}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
