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
  MINHASH_SIZE,
  minhash,
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
    expect(minhash([481143845]).slice(0, 4)).toEqual([2264321773, 1522857316, 3646925502, 656163042])
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

describe('MinHash estimates Jaccard resemblance', () => {
  const set = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => hash32(`shingle ${from + i}`))
  it.each([
    [0, 1000, 1000, 2000, 0],
    [0, 1000, 900, 1900, 100 / 1900],
    [0, 1000, 500, 1500, 500 / 1500],
    [0, 1000, 250, 1250, 750 / 1250],
    [0, 1000, 100, 1000, 900 / 1000],
    [0, 1000, 0, 1000, 1],
  ])('[%i,%i) vs [%i,%i): true Jaccard %f, estimate within 0.1', (a0, a1, b0, b1, truth) => {
    const estimate = similarity(
      { version: 1, words: 0, shingles: a1 - a0, minhash: minhash(set(a0, a1)), sentences: [] },
      { version: 1, words: 0, shingles: b1 - b0, minhash: minhash(set(b0, b1)), sentences: [] },
    )
    expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(0.1)
  })

  it('keeps MINHASH_SIZE values', () => {
    expect(minhash([1, 2, 3])).toHaveLength(MINHASH_SIZE)
    expect(minhash([])).toEqual(new Array(MINHASH_SIZE).fill(0xffffffff))
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
