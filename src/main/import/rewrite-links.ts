/**
 * Rewrite detection for an import batch, fast enough for a batch of 1,000 articles.
 *
 * compareFingerprints (src/core/analysis/rewrites.ts) costs ~0.3 ms a pair, nearly all
 * of it the sentence alignment that finds paraphrases; every new article against every
 * stored one would be quadratic (1,000 new articles: 500,000 pairs, minutes). So:
 * - the MinHash signals (Jaccard and containment) are cheap and computed for every pair;
 *   a pair they already put over REWRITE_THRESHOLD is linked with that score and kind
 *   (compareFingerprints would give the same kind: it only looks at alignment when both
 *   are under the threshold);
 * - the full comparison (with sentence alignment) runs only against each new article's
 *   ALIGN_CANDIDATES most similar articles by shared content stems among those the
 *   MinHash signals did not already link (preselected by a 32-value MinHash sketch of the
 *   stem sets, then ranked by exact overlap) (sorted-array
 *   intersection, ~1 µs a pair); a paraphrase shares far more rare content stems with its
 *   source than articles that only share a topic, so it is among them.
 * Known limit: a paraphrase whose source is not among the ALIGN_CANDIDATES articles
 * sharing most stems with it is missed (a notebook with many rewrites of one story).
 * Each article keeps its MAX_LINKS best links.
 */
import type { Fingerprint } from '../../core/analysis/fingerprint'
import { fmix32 } from '../../core/hash'
import { compareFingerprints, MIN_CONTAINMENT_SHINGLES, NEAR_DUPLICATE_JACCARD, REPUBLICATION_CONTAINMENT, REWRITE_THRESHOLD, type ReuseKind } from '../../core/analysis/rewrites'

export const ALIGN_CANDIDATES = 5
export const MAX_LINKS = 20

export interface Linkable<Id extends string> {
  id: Id
  fingerprint: Fingerprint
}

export interface FoundLink<Id extends string> {
  articleId: Id
  score: number
  kind: ReuseKind
}

const stemSets = new WeakMap<Fingerprint, Uint32Array>()
const stemSketches = new WeakMap<Fingerprint, Uint32Array>()
/** Size of the MinHash sketch of a text's content stems, for ranking candidates cheaply. */
const SKETCH = 32

/** MinHash of the stem set: SKETCH minima of seeded fmix32 hashes. */
function sketchOf(fp: Fingerprint): Uint32Array {
  let sketch = stemSketches.get(fp)
  if (!sketch) {
    sketch = new Uint32Array(SKETCH).fill(0xffffffff)
    for (const stem of stemsOf(fp)) {
      for (let k = 0; k < SKETCH; k++) {
        const h = fmix32(stem ^ Math.imul(k + 1, 0x9e3779b1))
        if (h < sketch[k]!) sketch[k] = h
      }
    }
    stemSketches.set(fp, sketch)
  }
  return sketch
}

function sketchSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let k = 0; k < SKETCH; k++) if (a[k] === b[k]) same++
  return same / SKETCH
}

export function stemsOf(fp: Fingerprint): Uint32Array {
  let set = stemSets.get(fp)
  if (!set) {
    set = Uint32Array.from(new Set(fp.sentences.flat())).sort()
    stemSets.set(fp, set)
  }
  return set
}

/** Shared content stems over the geometric mean of the two stem counts (0..1). */
export function stemOverlap(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared / Math.sqrt(a.length * b.length)
}

/** The MinHash half of compareFingerprints: null when it does not reach the threshold. */
function cheapReuse(a: Fingerprint, b: Fingerprint): { score: number; kind: ReuseKind } | null {
  if (a.shingles === 0 || b.shingles === 0) return null
  const ma = a.minhash
  const mb = b.minhash
  let same = 0
  for (let i = 0; i < ma.length; i++) if (ma[i] === mb[i]) same++
  if (same === 0) return null
  const jaccard = same / ma.length
  // As containment() in fingerprint.ts: |A∩B| = J(|A|+|B|)/(1+J).
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard)
  const smaller = Math.min(a.shingles, b.shingles)
  const contained = smaller >= MIN_CONTAINMENT_SHINGLES ? Math.min(1, shared / smaller) : 0
  const score = Math.max(jaccard, contained)
  if (score < REWRITE_THRESHOLD) return null
  const kind: ReuseKind = jaccard >= NEAR_DUPLICATE_JACCARD ? 'near-duplicate' : contained >= REPUBLICATION_CONTAINMENT ? 'republication' : 'rewrite'
  return { score, kind }
}

/**
 * Links for each new article against the known ones and the new ones before it (every
 * pair once), both directions, each article's best MAX_LINKS first. Scores are rounded
 * to three decimals.
 */
export async function findRewriteLinks<Id extends string>(fresh: readonly Linkable<Id>[], known: readonly Linkable<Id>[]): Promise<Map<Id, FoundLink<Id>[]>> {
  const byArticle = new Map<Id, FoundLink<Id>[]>()
  const add = (from: Id, link: FoundLink<Id>) => {
    const list = byArticle.get(from)
    if (list) list.push(link)
    else byArticle.set(from, [link])
  }
  const pool: Linkable<Id>[] = [...known]
  for (const a of fresh) {
    const stems = stemsOf(a.fingerprint)
    const found = new Map<number, { score: number; kind: ReuseKind }>()
    // Rank the pairs the MinHash signals did not link by the sketch of their stem sets,
    // then take the ALIGN_CANDIDATES best by exact stem overlap among the best 4× that many.
    const sketch = sketchOf(a.fingerprint)
    const rough: { index: number; score: number }[] = []
    const keep = ALIGN_CANDIDATES * 4
    for (let index = 0; index < pool.length; index++) {
      const b = pool[index]!.fingerprint
      const cheap = cheapReuse(a.fingerprint, b)
      if (cheap) {
        found.set(index, cheap)
        continue
      }
      const score = sketchSimilarity(sketch, sketchOf(b))
      if (score === 0 || (rough.length === keep && score <= rough[rough.length - 1]!.score)) continue
      let at = rough.length
      while (at > 0 && rough[at - 1]!.score < score) at--
      rough.splice(at, 0, { index, score })
      if (rough.length > keep) rough.pop()
    }
    const top = rough
      .map(({ index }) => ({ index, overlap: stemOverlap(stems, stemsOf(pool[index]!.fingerprint)) }))
      .sort((x, y) => y.overlap - x.overlap)
      .slice(0, ALIGN_CANDIDATES)
    // Pairs the MinHash signals already linked are left out: alignment could only raise their score.
    for (const { index } of top) {
      const full = compareFingerprints(a.fingerprint, pool[index]!.fingerprint)
      if (full.kind) found.set(index, { score: full.score, kind: full.kind })
    }
    for (const [index, { score, kind }] of found) {
      const b = pool[index]!
      const rounded = Math.round(score * 1000) / 1000
      add(a.id, { articleId: b.id, score: rounded, kind })
      add(b.id, { articleId: a.id, score: rounded, kind })
    }
    pool.push(a)
    // Let the app's other work (IPC, progress) run between articles.
    await new Promise<void>((resolve) => setImmediate(resolve))
  }
  for (const [id, links] of byArticle) byArticle.set(id, links.sort((x, y) => y.score - x.score || x.articleId.localeCompare(y.articleId)).slice(0, MAX_LINKS))
  return byArticle
}
