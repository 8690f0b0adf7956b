/**
 * Sentence alignment between two fingerprints: the signal that survives paraphrase.
 *
 * Each shared content stem is weighted by its rarity across the two texts' sentences
 * (idf = ln(N / sentences containing it)), so the frequent names of a shared topic
 * ("Russia", "Syria", "Tartus" in every other sentence of both) weigh little and the
 * rare details a rewrite carries over (a minister's name, "Gibraltar", "49-year") weigh
 * much. Two sentences correspond when the idf-weighted cosine of their stem sets reaches
 * SENTENCE_MATCH and they share at least two stems; the alignment is the largest set of
 * corresponding pairs in the same order in both texts (a longest common subsequence), as
 * a rewrite keeps the order of the facts it reports.
 *
 * The score divides the aligned count by the geometric mean of the two sentence counts,
 * not by the shorter one: a short text set against a long text on the same topic finds
 * a few in-order matches by chance, and dividing by the short count alone would make
 * those look like reuse.
 */
import type { Fingerprint } from './fingerprint'

/** idf-weighted cosine from which two sentences are taken to say the same thing. */
export const SENTENCE_MATCH = 0.15

export interface Alignment {
  /** Sentences aligned in order. */
  aligned: number
  /** `aligned` over √(sentences of a × sentences of b) (0..1). */
  score: number
  /** Aligned sentence pairs, as indexes into each fingerprint's `sentences`. */
  pairs: [number, number][]
  /** Corresponding sentence pairs in any order (aligned or not): how densely the texts match. */
  matching: number
}

/** A fingerprint's sentences as an inverted index: which sentences hold each stem. */
interface Prepared {
  sentences: readonly (readonly number[])[]
  /** Stem hash -> indexes of the sentences containing it, ascending. */
  postings: Map<number, number[]>
}

const prepared = new WeakMap<Fingerprint, Prepared>()

function prepare(fp: Fingerprint): Prepared {
  const cached = prepared.get(fp)
  if (cached) return cached
  const postings = new Map<number, number[]>()
  fp.sentences.forEach((sentence, i) => {
    for (const h of sentence) {
      const list = postings.get(h)
      if (list) list.push(i)
      else postings.set(h, [i])
    }
  })
  const out = { sentences: fp.sentences, postings }
  prepared.set(fp, out)
  return out
}

/** Each sentence's norm under the pair's squared idf weights. */
function norms(p: Prepared, weight: (h: number) => number): Float64Array {
  const out = new Float64Array(p.sentences.length)
  p.sentences.forEach((sentence, i) => {
    let sum = 0
    for (const h of sentence) sum += weight(h)
    out[i] = Math.sqrt(sum)
  })
  return out
}

/**
 * `distinctive`, when given, says which stems are distinctive in the notebook (held by few
 * articles): two sentences then correspond only if they share at least one. Sentences made
 * from one template ("Full documentation <…/chown>", "<…/comm>") share only the
 * template's words, and a rewrite carries over at least one detail.
 */
export function alignSentences(a: Fingerprint, b: Fingerprint, distinctive?: (stem: number) => boolean): Alignment {
  const n = a.sentences.length
  const m = b.sentences.length
  if (n === 0 || m === 0) return { aligned: 0, score: 0, pairs: [], matching: 0 }
  const A = prepare(a)
  const B = prepare(b)
  const total = n + m
  const df = (h: number) => (A.postings.get(h)?.length ?? 0) + (B.postings.get(h)?.length ?? 0)
  const weight = (h: number) => {
    const idf = Math.log(total / df(h))
    return idf * idf
  }
  const normA = norms(A, weight)
  const normB = norms(B, weight)
  const sharedWeight = new Map<number, number>()
  for (const h of A.postings.keys()) if (B.postings.has(h)) sharedWeight.set(h, weight(h))

  // Corresponding pairs, found through the stems the texts share (cost follows the overlap, not n·m).
  const match = new Uint8Array(n * m)
  const dot = new Float64Array(m)
  const count = new Uint16Array(m)
  const telling = new Uint8Array(m)
  const touched: number[] = []
  let matching = 0
  for (let i = 0; i < n; i++) {
    for (const h of A.sentences[i]!) {
      const w = sharedWeight.get(h)
      if (w === undefined) continue
      const detail = distinctive === undefined || distinctive(h) ? 1 : 0
      for (const j of B.postings.get(h)!) {
        if (count[j] === 0) touched.push(j)
        count[j]!++
        dot[j]! += w
        telling[j]! |= detail
      }
    }
    for (const j of touched) {
      const denominator = normA[i]! * normB[j]!
      if (count[j]! >= 2 && telling[j] === 1 && denominator > 0 && dot[j]! / denominator >= SENTENCE_MATCH) {
        match[i * m + j] = 1
        matching++
      }
      count[j] = 0
      dot[j] = 0
      telling[j] = 0
    }
    touched.length = 0
  }

  // Longest common subsequence of corresponding sentences.
  const width = m + 1
  const dp = new Uint16Array((n + 1) * width)
  for (let i = 1; i <= n; i++) {
    const row = i * width
    const above = row - width
    for (let j = 1; j <= m; j++) {
      const up = dp[above + j]!
      const left = dp[row + j - 1]!
      let best = up > left ? up : left
      if (match[(i - 1) * m + j - 1] === 1) {
        const diagonal = dp[above + j - 1]! + 1
        if (diagonal > best) best = diagonal
      }
      dp[row + j] = best
    }
  }
  const pairs: [number, number][] = []
  for (let i = n, j = m; i > 0 && j > 0; ) {
    const here = dp[i * width + j]!
    if (here === dp[(i - 1) * width + j]!) i--
    else if (here === dp[i * width + j - 1]!) j--
    else {
      pairs.push([i - 1, j - 1])
      i--
      j--
    }
  }
  pairs.reverse()
  const aligned = dp[n * width + m]!
  return { aligned, score: aligned / Math.sqrt(n * m), pairs, matching }
}
