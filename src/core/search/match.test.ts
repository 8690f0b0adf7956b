import { describe, expect, it } from 'vitest'
import { buildWordFilter, filterFromBase64, filterToBase64, mayContainPhrase, mayContainWord } from './word-filter'
import { foldText, tokenize } from './fold'
import { containsNeedle, findMatches, needlesOf } from './match'
import { parseQuery } from './query'

const needles = (q: string) => needlesOf(parseQuery(q).clauses)
const found = (text: string, q: string) => findMatches(text, needles(q)).map((m) => text.slice(m.start, m.end))

describe('findMatches', () => {
  it('finds whole words only, folded', () => {
    expect(found('Base, bases and BASE; database.', 'base')).toEqual(['Base', 'BASE'])
    expect(found('Ömer SOHTAOĞLU and Sohtaoglu’s note', 'sohtaoglu')).toEqual(['SOHTAOĞLU', 'Sohtaoglu'])
    expect(found('Tartus or Tartous?', 'tartus')).toEqual(['Tartus'])
  })

  it('finds words by prefix and marks them whole', () => {
    expect(found('The withdrawal; withdrew. Rewithdraw.', 'withdr*')).toEqual(['withdrawal', 'withdrew'])
  })

  it('finds phrases across any non-word characters, and prefers them to their words', () => {
    const text = 'the naval base, the naval—base, the “naval” base; naval bases'
    expect(found(text, '"naval base"')).toEqual(['naval base', 'naval—base', 'naval” base'])
    expect(found(text, 'base "naval base"')).toEqual(['naval base', 'naval—base', 'naval” base'])
    expect(found('naval-base naval base', 'naval-base')).toEqual(['naval-base', 'naval base'])
  })

  it('maps offsets back through folding that changes length', () => {
    const text = 'Die Straße nach Sohtaog\u0306lu.'
    expect(found(text, 'strasse sohtaoglu')).toEqual(['Straße', 'Sohtaog\u0306lu'])
  })

  it('handles non-Latin scripts', () => {
    expect(found('Москва и Дамаск; москва.', 'Москва')).toEqual(['Москва', 'москва'])
    expect(found('قاعدة حميميم الجوية', 'حميميم')).toEqual(['حميميم'])
  })

  it('checks containment without collecting', () => {
    const n = needles('"air base"')[0]!
    expect(containsNeedle(foldText('Khmeimim Air-Base'), n)).toBe(true)
    expect(containsNeedle(foldText('the air, the base'), n)).toBe(false)
  })
})

describe('word filters', () => {
  const text = 'Russian forces left the Khmeimim air base and the naval base in Tartus.'
  const filter = buildWordFilter(tokenize(text))

  it('never rules out a phrase that is there', () => {
    const tokens = tokenize(text)
    for (let i = 0; i + 1 < tokens.length; i++) expect(mayContainPhrase(filter, tokens.slice(i, i + 3))).toBe(true)
  })

  it('rules out most phrases that are not', () => {
    expect(mayContainPhrase(filter, ['base', 'naval'])).toBe(false)
    expect(mayContainPhrase(filter, ['tartus', 'naval'])).toBe(false)
    let falsePositives = 0
    const words = tokenize(text)
    for (const a of words) for (const b of words) if (!text.toLowerCase().includes(`${a} ${b}`) && mayContainPhrase(filter, [a, b])) falsePositives++
    expect(falsePositives).toBeLessThan(words.length * words.length * 0.03)
  })

  it('holds every word, and rules out most others', () => {
    for (const w of tokenize(text)) expect(mayContainWord(filter, w)).toBe(true)
    const absent = Array.from({ length: 500 }, (_, i) => `absent${i}`)
    expect(absent.filter((w) => mayContainWord(filter, w)).length).toBeLessThan(15)
  })

  it('round-trips through base64', () => {
    const back = filterFromBase64(filterToBase64(filter))!
    expect([...back]).toEqual([...filter])
    expect(filterFromBase64('not base64!')).toBeNull()
    expect(filterFromBase64('')).toBeNull()
  })
})
