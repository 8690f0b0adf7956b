/**
 * Finding rewrites, paraphrases and republications of the same reporting among stored
 * articles, from their fingerprints. Exact duplicates (the same normalised text) are
 * caught earlier by the text's hash and are not this module's concern.
 *
 * Signals and thresholds (decided on the shared corpus and the fixtures in fixtures.ts;
 * see the tests for every pair):
 * - `jaccard`: estimate of 5-word shingle resemblance from the sampled shingles
 *   (fingerprint.ts), each sample weighted by the ReuseContext. Unrelated articles,
 *   even on the same story, share almost no 5-word runs (every corpus pair: 0.00);
 *   copies and light edits score high.
 * - `containment`: share of the smaller text's shingles found in the other (estimated
 *   from the shared samples): a republication under a new intro, or a
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
import { sampleOverlap, sentenceKey, type Fingerprint, type SampleArticles } from './fingerprint'
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

/**
 * What the rest of the notebook says about a pair: how many articles hold each shingle
 * sample (so boilerplate shared by many articles counts for almost nothing while a
 * passage only these two share counts fully: see SampleArticles), and which sentences are
 * boilerplate (the same sentence in many articles), left out of the alignment. Without
 * it, every sample counts 1 and every sentence is kept.
 */
export interface ReuseContext {
  sampleArticles?: SampleArticles
  isBoilerplateSentence?: (key: number) => boolean
  /**
   * Content stems frequent across the notebook (a topic's names, a template's words):
   * left out of each sentence before alignment, so what aligns is a pair's rare words.
   */
  isCommonStem?: (stem: number) => boolean
  /** Content stems held by few articles: aligned sentences must share one (see alignSentences). */
  isDistinctiveStem?: (stem: number) => boolean
}

/** A sentence left with fewer rare stems than this says too little to align. */
export const MIN_RARE_STEMS = 3

export function compareFingerprints(a: Fingerprint, b: Fingerprint, context: ReuseContext = {}): TextReuse {
  const { jaccard, containment: contained } = shingleReuse(a, b, context.sampleArticles)
  const { aligned, score: alignmentScore } = alignSentences(withoutBoilerplate(a, context), withoutBoilerplate(b, context), context.isDistinctiveStem)
  const alignment = aligned >= MIN_ALIGNED ? alignmentScore : 0
  return { ...classifyReuse(jaccard, contained, alignment), jaccard, containment: contained, aligned, alignment }
}

/**
 * The shingle half of compareFingerprints, from the samples and shingle counts alone
 * (what the notebook's reuse index keeps for every article): resemblance, and the share
 * of the smaller text found in the other (0 when it is too short to tell).
 */
export function shingleReuse(
  a: { samples: ArrayLike<number>; shingles: number },
  b: { samples: ArrayLike<number>; shingles: number },
  sampleArticles?: SampleArticles,
): { jaccard: number; containment: number } {
  const o = sampleOverlap(a.samples, b.samples, sampleArticles)
  const union = o.a + o.b - o.shared
  const jaccard = union > 0 ? o.shared / union : 0
  const smaller = Math.min(a.shingles, b.shingles)
  const ofSmaller = a.shingles <= b.shingles ? o.a : o.b
  const contained = smaller >= MIN_CONTAINMENT_SHINGLES && ofSmaller > 0 ? Math.min(1, o.shared / ofSmaller) : 0
  return { jaccard, containment: contained }
}

/** The score (the strongest signal) and what the evidence says, null under REWRITE_THRESHOLD. */
export function classifyReuse(jaccard: number, contained: number, alignment: number): { score: number; kind: ReuseKind | null } {
  const score = Math.max(jaccard, contained, alignment)
  let kind: ReuseKind | null = null
  if (score >= REWRITE_THRESHOLD) {
    if (jaccard >= NEAR_DUPLICATE_JACCARD) kind = 'near-duplicate'
    else if (contained >= REPUBLICATION_CONTAINMENT) kind = 'republication'
    else if (Math.max(jaccard, contained) >= REWRITE_THRESHOLD) kind = 'rewrite'
    else kind = 'paraphrase'
  }
  return { score, kind }
}

const filtered = new WeakMap<Fingerprint, WeakMap<ReuseContext, Fingerprint>>()

/**
 * The fingerprint as the alignment sees it in this notebook: boilerplate sentences left
 * out, and common stems out of the rest (sentences left with fewer than MIN_RARE_STEMS go
 * too). The same object when the context asks for neither.
 */
function withoutBoilerplate(fp: Fingerprint, context: ReuseContext): Fingerprint {
  const { isBoilerplateSentence: boilerplate, isCommonStem: common } = context
  if (!boilerplate && !common) return fp
  let byContext = filtered.get(fp)
  const cached = byContext?.get(context)
  if (cached) return cached
  const sentences: number[][] = []
  for (const sentence of fp.sentences) {
    if (boilerplate?.(sentenceKey(sentence))) continue
    const rare = common ? sentence.filter((stem) => !common(stem)) : sentence
    if (rare.length >= MIN_RARE_STEMS) sentences.push(rare)
  }
  const out = { ...fp, sentences }
  if (!byContext) filtered.set(fp, (byContext = new WeakMap()))
  byContext.set(context, out)
  return out
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
