import { describe, expect, it } from 'vitest'
import { fingerprint, similarity } from './fingerprint'
import { ORIGINAL, PARAPHRASE, REPUBLISHED, TARTUS_TALKS, TARTUS_TRADE } from './fixtures'
import { alignSentences } from './paraphrase'
import { compareFingerprints, findRewrites, REWRITE_THRESHOLD } from './rewrites'

const fp = {
  original: fingerprint(ORIGINAL),
  republished: fingerprint(REPUBLISHED),
  paraphrase: fingerprint(PARAPHRASE),
  trade: fingerprint(TARTUS_TRADE),
  talks: fingerprint(TARTUS_TALKS),
}

describe('reuse of the same reporting is linked', () => {
  it('a republication under a new intro: word-for-word containment', () => {
    const r = compareFingerprints(fp.original, fp.republished)
    expect(r.kind).toBe('republication')
    expect(r.containment).toBeGreaterThan(0.75)
    expect(r.score).toBeGreaterThan(0.75)
  })

  it('a paraphrase: MinHash misses it, sentence alignment finds it', () => {
    const r = compareFingerprints(fp.original, fp.paraphrase)
    expect(r.jaccard).toBeLessThan(0.1)
    expect(r.kind).toBe('paraphrase')
    expect(r.aligned).toBeGreaterThanOrEqual(10)
    expect(r.score).toBeGreaterThan(0.6)
    expect(compareFingerprints(fp.paraphrase, fp.republished).score).toBeGreaterThan(0.6)
  })

  it('a near-duplicate: the same text with a few words changed', () => {
    const edited = fingerprint(ORIGINAL.replace('forty armoured vehicles', '40 armoured vehicles').replace('Friday morning', 'Friday'))
    expect(compareFingerprints(fp.original, edited)).toMatchObject({ kind: 'near-duplicate' })
    expect(compareFingerprints(fp.original, fp.original)).toMatchObject({ score: 1, kind: 'near-duplicate' })
  })

  it('is symmetric', () => {
    for (const [a, b] of [[fp.original, fp.paraphrase], [fp.original, fp.republished], [fp.trade, fp.talks]] as const) {
      expect(compareFingerprints(a, b).score).toBeCloseTo(compareFingerprints(b, a).score, 10)
    }
  })
})

describe('stories that only share a topic, names and places are not linked', () => {
  const pairs = [
    ['trade', 'talks'],
    ['trade', 'original'],
    ['talks', 'original'],
    ['trade', 'paraphrase'],
    ['talks', 'paraphrase'],
    ['trade', 'republished'],
    ['talks', 'republished'],
  ] as const
  it.each(pairs)('%s vs %s', (a, b) => {
    const r = compareFingerprints(fp[a], fp[b])
    expect(r.kind).toBeNull()
    expect(r.score).toBeLessThan(0.15)
    expect(r.aligned).toBeLessThan(3)
  })

  it('not even a short story against a long text on the same topic', () => {
    const long = fingerprint([TARTUS_TRADE, ORIGINAL, PARAPHRASE, REPUBLISHED].join('\n\n'))
    const r = compareFingerprints(fp.talks, long)
    expect(r.score).toBeLessThan(REWRITE_THRESHOLD)
    expect(similarity(fp.talks, long)).toBe(0)
  })
})

describe('findRewrites', () => {
  const others = Object.entries(fp).map(([id, fingerprint]) => ({ id, fingerprint }))

  it('returns the articles reusing the candidate, best first, skipping the candidate itself', () => {
    const found = findRewrites(fp.original, others)
    expect(found.map((m) => m.id)).toEqual(['paraphrase', 'republished'])
    expect(found[0]!.score).toBeGreaterThanOrEqual(found[1]!.score)
    expect(findRewrites(fp.trade, others)).toEqual([])
  })

  it('takes a threshold', () => {
    expect(findRewrites(fp.original, others, 0.99)).toEqual([])
    expect(findRewrites(fp.original, others, 0).map((m) => m.id).sort()).toEqual(['paraphrase', 'republished', 'talks', 'trade'])
  })
})

describe('alignSentences', () => {
  it('pairs sentences in order and reports how densely the texts match', () => {
    const a = alignSentences(fp.original, fp.paraphrase)
    expect(a.pairs.length).toBe(a.aligned)
    for (let i = 1; i < a.pairs.length; i++) {
      expect(a.pairs[i]![0]).toBeGreaterThan(a.pairs[i - 1]![0])
      expect(a.pairs[i]![1]).toBeGreaterThan(a.pairs[i - 1]![1])
    }
    expect(a.matching).toBeGreaterThanOrEqual(a.aligned)
    expect(alignSentences(fingerprint(''), fp.original)).toEqual({ aligned: 0, score: 0, pairs: [], matching: 0 })
  })
})
