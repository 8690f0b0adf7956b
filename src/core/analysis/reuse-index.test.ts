import { describe, expect, it } from 'vitest'
import { fingerprint, sentenceKey } from './fingerprint'
import { ORIGINAL, PARAPHRASE, REPUBLISHED, TARTUS_TALKS, TARTUS_TRADE } from './fixtures'
import { entryOf, ReuseIndex } from './reuse-index'

const TEXTS = { original: ORIGINAL, republished: REPUBLISHED, paraphrase: PARAPHRASE, trade: TARTUS_TRADE, talks: TARTUS_TALKS }
const entries = Object.entries(TEXTS).map(([id, text]) => entryOf(id, fingerprint(text)))
const build = () => {
  const index = new ReuseIndex()
  for (const e of entries) index.add(e)
  return index
}

describe('ReuseIndex', () => {
  it('counts the articles holding each sample and each sentence', () => {
    const index = build()
    const original = index.entry('original')!
    const republished = index.entry('republished')!
    const shared = [...original.samples].filter((s) => republished.samples.includes(s))
    expect(shared.length).toBeGreaterThan(10)
    for (const s of shared) expect(index.sampleArticles(s)).toBeGreaterThanOrEqual(2)
    const own = [...original.samples].filter((s) => !entries.some((e) => e.id !== 'original' && e.samples.includes(s)))
    for (const s of own) expect(index.sampleArticles(s)).toBe(1)
    const key = original.sentenceKeys[0]!
    expect(index.sentenceArticles(key)).toBe(entries.filter((e) => e.sentenceKeys.includes(key)).length)
    expect(index.sampleArticles(0xdeadbeef - (0xdeadbeef % 4))).toBe(0)
  })

  it('finds the articles sharing samples, not the entry itself, and skips samples held by too many', () => {
    const index = build()
    const sharing = index.sharing(index.entry('original')!, 64)
    expect(sharing.get('republished')).toBeGreaterThan(10)
    expect(sharing.has('original')).toBe(false)
    expect(sharing.has('trade')).toBe(false)
    // Held by two articles each: with at most one holder allowed, nothing is a candidate.
    expect(index.sharing(index.entry('original')!, 1).size).toBe(0)
  })

  it('forgets a removed article (counts, candidates, sketch neighbours) and takes a replacement', () => {
    const index = build()
    const sample = [...index.entry('original')!.samples].find((s) => index.entry('republished')!.samples.includes(s))!
    index.remove('republished')
    expect(index.size).toBe(4)
    expect(index.has('republished')).toBe(false)
    expect(index.sampleArticles(sample)).toBe(1)
    expect(index.sharing(index.entry('original')!, 64).has('republished')).toBe(false)
    expect(index.nearestByStems(index.entry('original')!, 10, new Set())).not.toContain('republished')
    index.add(entryOf('republished', fingerprint(REPUBLISHED)))
    expect(index.sampleArticles(sample)).toBe(2)
  })

  it('ranks sketch neighbours by shared content stems', () => {
    const index = build()
    const near = index.nearestByStems(index.entry('paraphrase')!, 2, new Set())
    expect(near).toHaveLength(2)
    expect(near).toEqual(expect.arrayContaining(['original']))
    expect(index.nearestByStems(index.entry('paraphrase')!, 2, new Set(['original']))).not.toContain('original')
  })

  it('stays exact across compaction: many articles added one by one give the counts of one built at once', () => {
    // ~250 samples each: 300 articles pass the delta's limit, so the index compacts on the way.
    const own = (i: number) => Array.from({ length: 1000 }, (_, k) => `w${i}x${k}`).join(' ')
    const many = Array.from({ length: 300 }, (_, i) => entryOf(`a-${i}`, fingerprint(`${ORIGINAL}\n\n${own(i)}`)))
    expect(many.reduce((n, e) => n + e.samples.length, 0)).toBeGreaterThan(60_000)
    const incremental = new ReuseIndex()
    for (const e of many) incremental.add(e)
    for (let i = 0; i < 300; i += 3) incremental.remove(`a-${i}`)
    const probe = many[1]!
    const reloaded = ReuseIndex.fromBytes(incremental.toBytes(2), 2)
    for (const index of [incremental, reloaded]) {
      expect(index.size).toBe(200)
      for (const s of probe.samples.slice(0, 20)) {
        expect(index.sampleArticles(s)).toBe(many.filter((e, i) => i % 3 !== 0 && e.samples.includes(s)).length)
      }
      expect(index.sentenceArticles(probe.sentenceKeys[0]!)).toBe(many.filter((e, i) => i % 3 !== 0 && e.sentenceKeys.includes(probe.sentenceKeys[0]!)).length)
    }
  })

  it('round-trips through bytes, and refuses bytes that are not an index of this version', () => {
    const index = build()
    const bytes = index.toBytes(2)
    const back = ReuseIndex.fromBytes(bytes, 2)
    expect(back.ids().sort()).toEqual(index.ids().sort())
    for (const id of index.ids()) expect(back.entry(id)).toEqual(index.entry(id))
    expect(() => ReuseIndex.fromBytes(bytes, 3)).toThrow(/format/)
    expect(() => ReuseIndex.fromBytes(bytes.subarray(0, bytes.length - 8), 2)).toThrow(/ends early/)
    expect(() => ReuseIndex.fromBytes(new TextEncoder().encode('{"not": "an index"}'), 2)).toThrow(/not a reuse index/)
    expect(ReuseIndex.fromBytes(new ReuseIndex().toBytes(2), 2).size).toBe(0)
  })

  it('keys sentences by their signature', () => {
    expect(sentenceKey([1, 2, 3])).toBe(sentenceKey([1, 2, 3]))
    expect(sentenceKey([1, 2, 3])).not.toBe(sentenceKey([1, 2, 4]))
  })
})
