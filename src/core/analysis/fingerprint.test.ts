import { fmix32 } from '../hash'
import { describe, expect, it } from 'vitest'
import {
  comparisonWords,
  containment,
  contentStem,
  exactContainment,
  fingerprint,
  FingerprintSchema,
  hash32,
  MAX_SAMPLES,
  SAMPLE_MOD,
  sampleShingles,
  sentenceSignature,
  sentencesOf,
  shingleHashes,
  similarity,
} from './fingerprint'
import { ORIGINAL, REPUBLISHED, TARTUS_TRADE } from './fixtures'

describe('hashing', () => {
  it('is fixed across runs and machines (changing it needs a new FINGERPRINT_VERSION)', () => {
    expect(hash32('')).toBe(fmix32(0x811c9dc5))
    expect(hash32('tartus')).toBe(hash32('tartus'))
    expect([hash32('russia withdraws from tartus'), fmix32(1), fmix32(0xffffffff)]).toEqual([481143845, 1364076727, 2180083513])
    expect([...shingleHashes(['russia', 'withdraws', 'from', 'tartus', 'naval', 'base'])]).toEqual([599580705, 2997346536])
  })

  it('fmix32 is a bijection (no collisions over 200,000 consecutive inputs)', () => {
    const seen = new Set<number>()
    for (let i = 0; i < 200_000; i++) seen.add(fmix32(i))
    expect(seen.size).toBe(200_000)
  })

  it('spreads short strings over the 32-bit range', () => {
    const values = Array.from({ length: 4096 }, (_, i) => hash32(`w${i}`))
    expect(new Set(values).size).toBe(4096)
    const high = values.filter((v) => v >= 2 ** 31).length
    expect(high).toBeGreaterThan(1900)
    expect(high).toBeLessThan(2200)
  })
})

describe('sampled shingles estimate resemblance and containment', () => {
  const set = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => hash32(`shingle ${from + i}`))
  const fp = (from: number, to: number) => ({ version: 2 as const, words: 0, shingles: to - from, samples: sampleShingles(set(from, to)), sentences: [] })
  it.each([
    [0, 1000, 1000, 2000, 0],
    [0, 1000, 900, 1900, 100 / 1900],
    [0, 1000, 500, 1500, 500 / 1500],
    [0, 1000, 250, 1250, 750 / 1250],
    [0, 1000, 100, 1000, 900 / 1000],
    [0, 1000, 0, 1000, 1],
  ])('[%i,%i) vs [%i,%i): true Jaccard %f, estimate within 0.1', (a0, a1, b0, b1, truth) => {
    expect(Math.abs(similarity(fp(a0, a1), fp(b0, b1)) - truth)).toBeLessThanOrEqual(0.1)
  })

  it('finds a short text inside a long one (containment), which a resemblance estimate cannot', () => {
    const c = containment(fp(5000, 5200), fp(0, 20000))
    expect(c.aInB).toBe(1)
    expect(c.bInA).toBeLessThan(0.02)
  })

  it('keeps about one shingle in SAMPLE_MOD, the same ones in every text, at most MAX_SAMPLES, ascending', () => {
    const samples = sampleShingles(set(0, 4000))
    expect(samples.length).toBeGreaterThan(4000 / SAMPLE_MOD - 100)
    expect(samples.length).toBeLessThan(4000 / SAMPLE_MOD + 100)
    expect(samples.every((h) => h % SAMPLE_MOD === 0)).toBe(true)
    expect([...samples].sort((x, y) => x - y)).toEqual(samples)
    expect(sampleShingles(set(0, 100_000))).toHaveLength(MAX_SAMPLES)
  })

  it('weights samples: what many articles share can be made to count for little', () => {
    const shared = set(0, 400)
    const a = { ...fp(0, 0), shingles: 500, samples: sampleShingles([...shared, ...set(1000, 1100)]) }
    const b = { ...fp(0, 0), shingles: 500, samples: sampleShingles([...shared, ...set(2000, 2100)]) }
    const boilerplate = new Set(sampleShingles(shared))
    expect(similarity(a, b)).toBeGreaterThan(0.5)
    // Held by 300 articles of the notebook: counts 1/299 of a passage only these two share.
    expect(similarity(a, b, (h) => (boilerplate.has(h) ? 300 : 1))).toBeLessThan(0.05)
  })
})

describe('comparison words and shingles', () => {
  it('ignores case, accents, apostrophe style, hyphens and line breaks', () => {
    expect(comparisonWords('Russia’s power-sharing DEAL in Tartús')).toEqual(['russias', 'power', 'sharing', 'deal', 'in', 'tartus'])
    const a = fingerprint('Russia’s navy left Tartus.\nThe convoy turned back at the gate.')
    const b = fingerprint("RUSSIA'S navy left Tartus. The convoy turned back at the gate.")
    expect(similarity(a, b)).toBe(1)
  })

  it('takes a text shorter than a shingle as one shingle, and an empty text as none', () => {
    expect(shingleHashes(['three', 'short', 'words']).size).toBe(1)
    expect(fingerprint('').shingles).toBe(0)
    expect(similarity(fingerprint(''), fingerprint(''))).toBe(0)
  })
})

describe('sentence signatures', () => {
  it('keep content-word stems only, so inflection and function words do not matter', () => {
    expect(sentenceSignature('The convoys were stopped at the checkpoints near Tartus')).toEqual(
      sentenceSignature('convoy stopping checkpoint near Tartus'),
    )
  })

  it('write numbers as digits', () => {
    expect(contentStem('thirty')).toBe('30')
    expect(contentStem('30')).toBe('30')
    expect(contentStem('7')).toBeNull()
    expect(contentStem('the')).toBeNull()
    expect(contentStem('withdrawal')).toBe('withd')
  })

  it('split lines and sentences, not abbreviations followed by lower case', () => {
    expect(sentencesOf('First one. Second “quoted.” Third\nFourth e.g. this')).toEqual(['First one.', 'Second “quoted.”', 'Third', 'Fourth e.g. this'])
  })
})

describe('fingerprint', () => {
  it('is plain JSON that the schema accepts, and compact', () => {
    const fp = fingerprint(ORIGINAL)
    const copy: unknown = JSON.parse(JSON.stringify(fp))
    expect(FingerprintSchema.parse(copy)).toEqual(fp)
    expect(JSON.stringify(fp).length).toBeLessThan(6000)
    expect(fp.sentences.length).toBeGreaterThan(10)
  })

  it('can leave ranges out (page furniture)', () => {
    const text = `Follow us on Telegram\n${ORIGINAL}\n© 2025 Example Media`
    const start = text.indexOf('©')
    expect(fingerprint(text, { ignore: [{ start: 0, end: 21 }, { start, end: text.length }] })).toEqual(fingerprint(`\n${ORIGINAL}\n`))
  })

  it('estimates containment for a republication under a new intro', () => {
    const a = fingerprint(ORIGINAL)
    const b = fingerprint(REPUBLISHED)
    const exact = exactContainment(ORIGINAL, REPUBLISHED)
    const estimate = containment(a, b)
    expect(exact.aInB).toBeGreaterThan(0.8)
    expect(Math.abs(estimate.aInB - exact.aInB)).toBeLessThan(0.1)
    expect(similarity(a, fingerprint(TARTUS_TRADE))).toBe(0)
    expect(exactContainment(ORIGINAL, TARTUS_TRADE)).toEqual({ aInB: 0, bInA: 0 })
  })
})
