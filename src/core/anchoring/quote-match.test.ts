import { describe, expect, it } from 'vitest'
import { findQuote, findQuoteLoosely } from './quote-match'

/** The stored text each span covers: what the highlight's `exact` will be. */
const found = (text: string, quote: string) => findQuote(text, quote).map(({ start, end }) => text.slice(start, end))

describe('findQuote', () => {
  it('an exact occurrence wins over loose ones, so exact quotes and their occurrence numbers keep their meaning', () => {
    const text = 'They don’t know. We don\'t either.'
    expect(findQuote(text, 'don’t')).toEqual([{ start: 5, end: 10 }])
    expect(findQuote(text, "don't")).toEqual([{ start: 20, end: 25 }])
  })

  it('straight and curly apostrophes and quotation marks are the same mark', () => {
    const text = 'Analyst Kerim Sohtaoğlu said the “orderly withdrawal” of Russia’s forces had begun.'
    expect(found(text, 'the "orderly withdrawal" of Russia\'s forces')).toEqual(['the “orderly withdrawal” of Russia’s forces'])
    expect(found(text, "the 'orderly withdrawal' of Russiaʼs")).toEqual(['the “orderly withdrawal” of Russia’s'])
    expect(found('He said «enough».', '"enough"')).toEqual(['«enough»'])
  })

  it('ignores case', () => {
    expect(found('The Tartus Naval Base', 'tartus naval BASE')).toEqual(['Tartus Naval Base'])
  })

  it('a line break, a tab or several spaces typed as one space match any run of white space', () => {
    const text = 'Trucks left the naval\nbase at dawn;\n\n  by noon\u00a0the base was quiet.'
    expect(found(text, 'the naval base at dawn')).toEqual(['the naval\nbase at dawn'])
    expect(found(text, 'dawn; by   noon the\tbase')).toEqual(['dawn;\n\n  by noon\u00a0the base'])
    // Surrounding white space of the quote is not part of it.
    expect(found(text, '  naval base \n')).toEqual(['naval\nbase'])
  })

  it('hyphens and dashes are one dash', () => {
    expect(found('Talks — stalled since 2011–2012 — resumed', 'talks - stalled since 2011-2012 -- resumed')).toEqual([])
    expect(found('Talks — stalled since 2011–2012 — resumed', 'talks - stalled since 2011-2012 - resumed')).toEqual(['Talks — stalled since 2011–2012 — resumed'])
  })

  it('Unicode normalisation differences: decomposed accents, ligatures, full-width forms, an ellipsis typed as three dots', () => {
    expect(found('Sohtaoğlu said', 'Sohtaog\u0306lu said')).toEqual(['Sohtaoğlu said'])
    expect(found('the ﬁnal offer…', 'the final offer...')).toEqual(['the ﬁnal offer…'])
    expect(found('ＴＡＲＴＵＳ port', 'tartus port')).toEqual(['ＴＡＲＴＵＳ port'])
  })

  it('maps offsets back exactly through combining accents: the span ends after the marks of its last letter', () => {
    // q̃ has no precomposed form, so NFC keeps q + U+0303; the quote "aq" takes the tilde with it.
    const text = 'Start. aq\u0303 then Zoë and Ze\u0301 end.'
    const [aq] = findQuote(text, 'AQ')
    expect(text.slice(aq!.start, aq!.end)).toBe('aq\u0303')
    expect(found(text, 'then zoe and ze end')).toEqual(['then Zoë and Ze\u0301 end'])
    expect(findQuote(text, 'then zoe')).toEqual([{ start: text.indexOf('then'), end: text.indexOf('ë') + 1 }])
  })

  it('maps offsets back exactly through astral characters and emoji (surrogate pairs)', () => {
    const text = 'Line one 🚚 left ‘Tartus’.\nLine two: 𝐁old 👨‍👩‍👧 family — and “more”.'
    const [truck] = findQuote(text, "🚚 LEFT 'tartus'")
    expect(truck).toEqual({ start: text.indexOf('🚚'), end: text.indexOf('’') + 1 })
    // Mathematical bold B (U+1D401) folds to b under NFKD; the span starts on its surrogate pair.
    expect(found(text, 'bold')).toEqual(['𝐁old'])
    expect(found(text, 'family - and "more"')).toEqual(['family — and “more”'])
    const [emoji] = findQuote(text, '👨‍👩‍👧 family')
    expect(text.slice(emoji!.start, emoji!.end)).toBe('👨‍👩‍👧 family')
  })

  it('finds every place in multi-line text, so ambiguity can be reported, each with its own offsets', () => {
    const text = 'The naval base\nwas quiet.\nBy noon THE NAVAL base\nwas empty.'
    expect(findQuote(text, 'the  naval base')).toEqual([
      { start: 0, end: 14 },
      { start: 34, end: 48 },
    ])
    expect(text.slice(34, 48)).toBe('THE NAVAL base')
  })

  it('matches whole characters only: a quote does not take half of a folded "ß" or ligature', () => {
    expect(findQuoteLoosely('Maß', 's')).toEqual([])
    expect(found('Die Straße', 'strasse')).toEqual(['Straße'])
    expect(findQuoteLoosely('the ﬁnal', 'inal')).toEqual([])
  })

  it('keeps offsets right where folding lengthens the text (ß, ﬃ, ㎏ fold to two or three letters)', () => {
    const text = 'Maß ß ﬃ ß ﬃ: 5 ㎏ of office supplies'
    expect(found(text, '5 KG of oﬃce')).toEqual(['5 ㎏ of office'])
    expect(findQuote(text, 'kg of')).toEqual([{ start: text.indexOf('㎏'), end: text.indexOf('㎏') + 4 }])
  })

  it('invisible format characters in the text do not stop a match', () => {
    expect(found('a with\u00addrawal began', 'withdrawal began')).toEqual(['with\u00addrawal began'])
    expect(found('the\u200b base', 'the base')).toEqual(['the\u200b base'])
  })

  it('an empty or blank quote finds nothing', () => {
    expect(findQuote('text', '')).toEqual([])
    expect(findQuote('text', ' \n ')).toEqual([])
  })
})
