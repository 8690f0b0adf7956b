/**
 * Text for the sourcing part of a briefing (./briefing-sourcing), shared by the PDF and
 * the Markdown export: a cited claim's lines under its key judgment, and the notes of the
 * Sources list (rewrite clusters, damage).
 */
import type { BriefingClaim, BriefingClaimPassage, BriefingSourcing } from './briefing-sourcing-types'
import { formatNumberList } from './briefing-format'

/**
 * A cited claim as it is printed under its key judgment:
 *   Claim: “Ships loaded at Tartus”
 *   3 passages, 2 independent sources: [2] and [3] are one report.
 *   Supporting: passage 2 [2]; passage 3 [3]; passage 1 [1] (B2).
 * then, when some passages contradict it, a line for them.
 */
export function claimLines(claim: BriefingClaim): string[] {
  const lines = [`Claim: “${claim.statement}”`, `${claim.supporting.explanation}.`]
  const supporting = claim.passages.filter((p) => p.stance === 'supports')
  const contradicting = claim.passages.filter((p) => p.stance === 'contradicts')
  if (supporting.length > 0) lines.push(`Supporting: ${supporting.map(claimPassageText).join('; ')}.`)
  if (contradicting.length > 0) lines.push(`Contradicting (${contradicting.length}, ${claim.contradicting.independentSources} independent): ${contradicting.map(claimPassageText).join('; ')}.`)
  return lines
}

/** `passage 2 [2] (B2)`, `[4] (B?), not quoted here`, `bne IntelliNews, 15 December 2024 (B2)`, `a deleted passage`. */
export function claimPassageText(p: BriefingClaimPassage): string {
  if (!p.present) return 'a deleted passage'
  const grade = p.grade ? ` (${p.grade})` : ' (ungraded)'
  if (p.passageNumbers.length > 0) return `passage ${formatNumberList(p.passageNumbers)}${p.sourceNumber !== null ? ` [${p.sourceNumber}]` : ''}${grade}`
  if (p.sourceNumber !== null) return `[${p.sourceNumber}]${grade}, not quoted here`
  return `${p.citation}${p.grade ? '' : ' (ungraded)'}, not quoted here`
}

/**
 * The notes under the Sources list's introduction: the rewrite clusters, then each damaged
 * source ("[4]: 2 unreadable characters in the text"). Empty when there are none.
 */
export function sourceNotes(sourcing: BriefingSourcing | undefined): string[] {
  if (!sourcing) return []
  return [
    ...sourcing.clusters.map((c) => `${c.message}: counted once.`),
    ...sourcing.damage.map((d) => `[${d.sourceNumber}]: ${d.notes.join('; ')}.`),
  ]
}
