/**
 * Finding rewrites, paraphrases and republications of the same reporting among stored
 * articles, from their fingerprints. Exact duplicates (the same normalised text) are
 * caught earlier by the text's hash and are not this module's concern.
 *
 * Signals and thresholds (decided on the shared corpus and the fixtures in fixtures.ts;
 * see the tests for every pair):
 * - `jaccard`: MinHash estimate of 5-word shingle resemblance. Unrelated articles,
 *   even on the same story, share almost no 5-word runs (every corpus pair: 0.00);
 *   copies and light edits score high.
 * - `containment`: share of the smaller text's shingles found in the other (estimated
 *   from the MinHash and the shingle counts): a republication under a new intro, or a
 *   piece pasted into a roundup. Needs at least MIN_CONTAINMENT_SHINGLES shingles.
 * - `alignment`: sentences aligned in order on rare shared content stems, over
 *   √(n·m) (paraphrase.ts). The only signal that sees a machine paraphrase (corpus
 *   001 and 004: 20 of 39/36 sentences aligned, 0.53, while their 5-word Jaccard is
 *   0.00); topic-only pairs align at most 4 sentences (≤ 0.12 on the corpus and the
 *   fixtures, ≤ 0.10 for a short text against a 200-sentence text on the same topic).
 *   Counts only from MIN_ALIGNED sentences.
 * The score is the strongest of the three. REWRITE_THRESHOLD = 0.25 lies about midway
 * (geometrically) between the highest unrelated pair (0.115) and the real paraphrase
 * (0.534), and still finds a paraphrase inside a text four times its length (001 or 004
 * against the other four corpus articles joined: 0.27 and 0.29). Known limit: a short
 * paraphrase buried in a much longer text (a roundup) scores low; verbatim reuse in one
 * is still found through containment.
 */
import { containment, similarity, type Fingerprint } from './fingerprint'
import { alignSentences } from './paraphrase'

export const REWRITE_THRESHOLD = 0.25
export const MIN_ALIGNED = 4
export const MIN_CONTAINMENT_SHINGLES = 25
export const NEAR_DUPLICATE_JACCARD = 0.8
export const REPUBLICATION_CONTAINMENT = 0.7

export type ReuseKind = 'near-duplicate' | 'republication' | 'rewrite' | 'paraphrase'

export interface TextReuse {
  /** The strongest signal (0..1); compare with REWRITE_THRESHOLD. */
  score: number
  /**
   * What the evidence says: the same text, one text inside the other, shared wording, or
   * reworded sentences only; null when the score is under REWRITE_THRESHOLD.
   */
  kind: ReuseKind | null
  jaccard: number
  /** Share of the smaller text found word for word in the other (0 when it is too short to tell). */
  containment: number
  /** Sentences aligned in order. */
  aligned: number
  /** `aligned` over √(n·m) (0 when fewer than MIN_ALIGNED sentences align). */
  alignment: number
}

export function compareFingerprints(a: Fingerprint, b: Fingerprint): TextReuse {
  const jaccard = similarity(a, b)
  const c = containment(a, b)
  const smaller = Math.min(a.shingles, b.shingles)
  const contained = smaller >= MIN_CONTAINMENT_SHINGLES ? (a.shingles <= b.shingles ? c.aInB : c.bInA) : 0
  const { aligned, score: alignmentScore } = alignSentences(a, b)
  const alignment = aligned >= MIN_ALIGNED ? alignmentScore : 0
  const score = Math.max(jaccard, contained, alignment)
  let kind: ReuseKind | null = null
  if (score >= REWRITE_THRESHOLD) {
    if (jaccard >= NEAR_DUPLICATE_JACCARD) kind = 'near-duplicate'
    else if (contained >= REPUBLICATION_CONTAINMENT) kind = 'republication'
    else if (Math.max(jaccard, contained) >= REWRITE_THRESHOLD) kind = 'rewrite'
    else kind = 'paraphrase'
  }
  return { score, kind, jaccard, containment: contained, aligned, alignment }
}

export interface RewriteMatch extends TextReuse {
  id: string
}

/**
 * The stored articles whose fingerprints say they reuse the candidate's reporting, best
 * first. An entry holding the candidate's own fingerprint object is skipped.
 */
export function findRewrites(
  candidate: Fingerprint,
  others: readonly { id: string; fingerprint: Fingerprint }[],
  threshold = REWRITE_THRESHOLD,
): RewriteMatch[] {
  const out: RewriteMatch[] = []
  for (const other of others) {
    if (other.fingerprint === candidate) continue
    const reuse = compareFingerprints(candidate, other.fingerprint)
    if (reuse.score >= threshold) out.push({ id: other.id, ...reuse })
  }
  return out.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
}
