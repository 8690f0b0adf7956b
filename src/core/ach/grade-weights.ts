/**
 * An evidence row's default credibility from the passage's grade (notes/ach.md): the
 * Admiralty code's source reliability (A–F, the article's or its outlet's) and information
 * credibility (1–6, the passage's), mapped onto PARC ACH's three levels (WEIGHT_LEVELS).
 * A and B, 1 and 2 are high; C and 3 medium; D, E, 4 and 5 low; F and 6 ("cannot be
 * judged") say nothing, so they count as medium. With both grades the factor is their
 * geometric mean (B3 = √(√2 × 1)), so one high grade and one low grade give medium.
 * Relevance is a judgement about the question, not the source: it stays medium (1).
 */
import type { Credibility, Reliability, Stance } from '../sourcing/schema'
import type { EvidenceWeights } from './edit'
import { MAX_FACTOR, MIN_FACTOR, WEIGHT_LEVELS } from './schema'

const HIGH = WEIGHT_LEVELS.get('high')!
const MEDIUM = WEIGHT_LEVELS.get('medium')!
const LOW = WEIGHT_LEVELS.get('low')!

const RELIABILITY_LEVEL: Readonly<Record<Reliability, number>> = { A: HIGH, B: HIGH, C: MEDIUM, D: LOW, E: LOW, F: MEDIUM }
const CREDIBILITY_LEVEL: Readonly<Record<Credibility, number>> = { 1: HIGH, 2: HIGH, 3: MEDIUM, 4: LOW, 5: LOW, 6: MEDIUM }

/** The default weights of a passage row graded so; `{}` (medium, medium) when it is not graded. */
export function weightsFromGrade(reliability: Reliability | null | undefined, credibility: Credibility | null | undefined): EvidenceWeights {
  const levels = [reliability ? RELIABILITY_LEVEL[reliability] : null, credibility ? CREDIBILITY_LEVEL[credibility] : null].filter((l): l is number => l !== null)
  if (levels.length === 0) return {}
  const factor = levels.length === 1 ? levels[0]! : Math.sqrt(levels[0]! * levels[1]!)
  return { credibility: Math.round(factor * 1e6) / 1e6 }
}

/** What a claim row's default weight is made of (a ClaimView of the sourcing API has these fields). */
export interface ClaimForWeights {
  passages: readonly { present: boolean; stance: Stance; reliability: Reliability | null; credibility: Credibility | null }[]
  supporting: { independentSources: number }
  contradicting: { independentSources: number }
}

/** Corroboration counts up to three independent sources, contradiction down to two (see claimWeights). */
export const MAX_CORROBORATING_SOURCES = 3
export const MAX_CONTRADICTING_SOURCES = 2

/**
 * The default weights of a claim row (notes/ach.md): the claim is as credible as its
 * best-graded supporting passage (weightsFromGrade; medium when none is graded or none is
 * left), moved half a PARC level (×2^¼) up for each independent source beyond the first,
 * counting up to three (three sources: one level up, as the Admiralty scale's "confirmed by
 * other sources" is a grade above "probably true"), and half a level down for each
 * independent source contradicting it (up to two), within 0.5–2. A claim resting on one
 * source therefore weighs what its passage would; deleted passages count for nothing.
 * Relevance stays medium, as for a passage.
 */
export function claimWeights(claim: ClaimForWeights): EvidenceWeights {
  const supporting = claim.passages.filter((p) => p.present && p.stance === 'supports')
  const best = Math.max(Number.NEGATIVE_INFINITY, ...supporting.map((p) => weightsFromGrade(p.reliability, p.credibility).credibility ?? MEDIUM))
  const base = Number.isFinite(best) ? best : MEDIUM
  const steps = Math.min(claim.supporting.independentSources, MAX_CORROBORATING_SOURCES) - 1 - Math.min(claim.contradicting.independentSources, MAX_CONTRADICTING_SOURCES)
  const factor = Math.min(MAX_FACTOR, Math.max(MIN_FACTOR, base * 2 ** (steps / 4)))
  return { credibility: Math.round(factor * 1e6) / 1e6 }
}
