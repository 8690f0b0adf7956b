/**
 * Grades as they are shown (notes/sourcing.md): the Admiralty code of a passage
 * ("B2": source reliability B, information credibility 2) and a short citation carrying
 * it ("bne IntelliNews, 15 December 2024 (B2)"). A grade not given shows as "?" when the
 * other is given ("B?"); with neither, no code at all, so an ungraded source is never
 * made to look graded.
 */
import { formatCitationDate } from '../dates'
import { CREDIBILITY_WORDS, RELIABILITY_WORDS, type Attribution, type Credibility, type Reliability } from './schema'

/** "B2", "B?", "?3", or null when neither grade is given. */
export function gradeCode(reliability: Reliability | null | undefined, credibility: Credibility | number | null | undefined): string | null {
  if (!reliability && !credibility) return null
  return `${reliability ?? '?'}${credibility ?? '?'}`
}

/** "B2 (usually reliable; probably true)" for details and tooltips; null when ungraded. */
export function describeGrade(reliability: Reliability | null | undefined, credibility: Credibility | null | undefined): string | null {
  const code = gradeCode(reliability, credibility)
  if (code === null) return null
  const words = [reliability ? RELIABILITY_WORDS[reliability] : 'reliability not graded', credibility ? CREDIBILITY_WORDS[credibility] : 'credibility not graded']
  return `${code} (${words.join('; ')})`
}

export interface CitationParts {
  /** The outlet's name (the linked or matched outlet, else the article's outlet metadata). */
  outlet: string | null
  /** Stored publication date (`YYYY-MM-DD…`) or null. */
  published: string | null
  reliability?: Reliability | null
  credibility?: Credibility | null
  /** Used when there is no outlet. */
  title?: string | null
}

/** "bne IntelliNews, 15 December 2024 (B2)": what is known, in that order; "Unknown outlet" when neither outlet nor title is. */
export function citationText(parts: CitationParts): string {
  const who = parts.outlet?.trim() || (parts.title ? `“${parts.title.trim()}”` : 'Unknown outlet')
  const when = formatCitationDate(parts.published)
  const code = gradeCode(parts.reliability, parts.credibility)
  return `${[who, when].filter(Boolean).join(', ')}${code ? ` (${code})` : ''}`
}

/** `secondary: Reuters (“according to Reuters”)`, with `, not confirmed` for a suggestion saved as offered: for exports. */
export function attributionText(a: Attribution): string {
  const source = a.source ? `: ${a.source}` : ''
  const phrase = a.phrase ? ` (“${a.phrase}”)` : ''
  return `${a.kind}${source}${phrase}${a.confirmed ? '' : ', not confirmed'}`
}
