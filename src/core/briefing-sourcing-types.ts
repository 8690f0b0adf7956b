/**
 * The sourcing part of a briefing's layout (notes/sourcing.md "Briefings"): the claims
 * each key judgment cites with their independent-source counts and grades, the warnings
 * about thin sourcing, the rewrite clusters and damage notes of the Sources list, and
 * every claim of the notebook for the composer's picker. Types only, no code.
 */
import type { SectionKey } from './briefing-document'
import type { ArticleId, HighlightId } from './ids'
import type { ClaimId, Stance } from './sourcing/schema'

export interface BriefingClaimPassage {
  highlightId: HighlightId
  articleId: ArticleId
  stance: Stance
  /** false: its highlight or article was deleted (not counted). */
  present: boolean
  /** The numbers of the printed passages that quote it ([] when the briefing does not print it). */
  passageNumbers: number[]
  /** Its article's number in the Sources list; null when the briefing does not cite the article. */
  sourceNumber: number | null
  /** The Admiralty code ("B2", "B?", "?3"); null when ungraded. */
  grade: string | null
  /** "bne IntelliNews, 15 December 2024 (B2)": for a passage the briefing does not cite otherwise. */
  citation: string
}

export interface BriefingClaimCount {
  passages: number
  independentSources: number
  /** "3 passages, 2 independent sources: [1] and [2] are one report" */
  explanation: string
}

export interface BriefingClaim {
  id: ClaimId
  statement: string
  supporting: BriefingClaimCount
  contradicting: BriefingClaimCount
  passages: BriefingClaimPassage[]
}

/** A key judgment (a paragraph of `keyJudgments`, numbered from 1) and the claims it cites. */
export interface BriefingJudgment {
  number: number
  text: string
  claims: BriefingClaim[]
}

/** One claim of the notebook, for the composer's list to cite from. */
export interface BriefingClaimChoice {
  id: ClaimId
  statement: string
  passages: number
  independentSources: number
}

/** What a sourcing warning is about: a key judgment, or a printed section (its tag or entity; null: untagged passages). */
export type SourcingTarget = { kind: 'judgment'; judgment: number } | { kind: 'section'; sectionNumber: number; key: SectionKey | null }

/**
 * Advice, never a refusal: what a key judgment or section rests on is thin.
 * - `single-source`: one independent source (or none) once rewrites and relays count once;
 * - `weak-sources`: every passage it rests on is ungraded or from a damaged article.
 */
export interface SourcingWarning {
  kind: 'single-source' | 'weak-sources'
  target: SourcingTarget
  message: string
}

/** Sources of the list that tell one report: "[4] and [5] tell one report, 53% shared text". */
export interface SourceCluster {
  sourceNumbers: number[]
  /** The strongest shared-text score among the links, 0–1. */
  shared: number
  message: string
}

/** "[4]: 2 unreadable characters in the text" */
export interface SourceDamage {
  sourceNumber: number
  notes: string[]
}

export interface BriefingSourcing {
  judgments: BriefingJudgment[]
  warnings: SourcingWarning[]
  clusters: SourceCluster[]
  damage: SourceDamage[]
  /** Every claim of the notebook (for the composer), in the file's order. */
  claims: BriefingClaimChoice[]
}
