import { describe, expect, it } from 'vitest'
import { foldText, foldWithOffsets, toOriginalOffset, tokenize } from './fold'
import { indexTerms, MAX_QUERY_CHARS, parseQuery } from './query'

describe('foldText', () => {
  it('ignores case and diacritics', () => {
    expect(foldText('Sohtaoğlu')).toBe('sohtaoglu')
    expect(foldText('SOHTAOĞLU')).toBe('sohtaoglu')
    expect(foldText('Sohtaog\u0306lu')).toBe('sohtaoglu') // combining breve
    expect(foldText('Ömer Çelik, Şam')).toBe('omer celik, sam')
  })

  it('folds Turkish dotted and dotless i, and letters without a decomposition', () => {
    expect(foldText('İstanbul Diyarbakır')).toBe('istanbul diyarbakir')
    expect(foldText('ISTANBUL')).toBe('istanbul')
    expect(foldText('Straße Æsir Œuvre Ørsted Łódź Đorđe')).toBe('strasse aesir oeuvre orsted lodz dorde')
    expect(foldText('ﬁnal ＴＡＲＴＵＳ')).toBe('final tartus')
  })

  it('keeps different spellings different', () => {
    expect(foldText('Tartous')).not.toBe(foldText('Tartus'))
    expect(foldText('Hmeimim')).not.toBe(foldText('Khmeimim'))
  })
})

describe('tokenize and foldWithOffsets', () => {
  it('splits on anything that is not a letter or digit, curly quotes included', () => {
    expect(tokenize('Russia’s “Sparta II” left al-Sharaa’s Tartus on 8 December, 2024.')).toEqual([
      'russia', 's', 'sparta', 'ii', 'left', 'al', 'sharaa', 's', 'tartus', 'on', '8', 'december', '2024',
    ])
  })

  it('folds a text the same as its words one by one', () => {
    const text = 'ΟΔΥΣΣΕΥΣ Straße Sohtaog\u0306lu İZMİR'
    expect(tokenize(text)).toEqual(text.split(' ').map(foldText))
    expect(foldText('ΟΔΥΣΣΕΥΣ')).toBe(foldText('οδυσσευς')) // final sigma
  })

  it('maps folded offsets back to the original text where folding changes length', () => {
    const text = 'Straße, then Sohtaog\u0306lu and ﬁnal.'
    const folded = foldWithOffsets(text)
    expect(folded.text).toBe('strasse, then sohtaoglu and final.')
    const back = (word: string) => {
      const at = folded.text.indexOf(word)
      return text.slice(toOriginalOffset(folded, at), toOriginalOffset(folded, at + word.length))
    }
    expect(back('strasse')).toBe('Straße')
    expect(back('then')).toBe('then')
    expect(back('sohtaoglu')).toBe('Sohtaog\u0306lu')
    expect(back('final')).toBe('ﬁnal')
    expect(foldWithOffsets('plain ascii').breaks).toEqual([])
  })
})

describe('parseQuery', () => {
  const kinds = (q: string) => parseQuery(q).clauses.map((c) => (c.kind === 'phrase' ? `"${c.terms.join(' ')}"` : c.kind === 'prefix' ? `${c.term}*` : c.term))

  it('parses words, phrases and prefixes', () => {
    expect(kinds('naval base')).toEqual(['naval', 'base'])
    expect(kinds('"naval base" withdr* Tartus')).toEqual(['"naval base"', 'withdr*', 'tartus'])
    expect(parseQuery('"naval base" withdr*').error).toBeNull()
  })

  it('accepts curly, low and angle quotation marks', () => {
    expect(kinds('“naval base”')).toEqual(['"naval base"'])
    expect(kinds('„naval base“')).toEqual(['"naval base"'])
    expect(kinds('«naval base»')).toEqual(['"naval base"'])
  })

  it('folds case and diacritics', () => {
    expect(kinds('SOHTAOĞLU İdlib')).toEqual(['sohtaoglu', 'idlib'])
  })

  it('turns a word that splits into several tokens into a phrase', () => {
    expect(kinds('al-Sharaa')).toEqual(['"al sharaa"'])
    expect(kinds('Russia’s')).toEqual(['"russia s"'])
    expect(indexTerms(parseQuery('Russia’s').clauses[0]!)).toEqual(['russia'])
  })

  it('drops stop words from word queries but keeps them in phrases', () => {
    const q = parseQuery('the convoy "the naval base"')
    expect(kinds('the convoy "the naval base"')).toEqual(['convoy', '"the naval base"'])
    expect(q.warnings.map((w) => w.code)).toEqual(['stopwords-ignored'])
    expect(indexTerms(q.clauses[1]!)).toEqual(['naval', 'base'])
  })

  it('searches the rest of the query as a phrase when a quote is not closed', () => {
    const q = parseQuery('convoy "naval base')
    expect(kinds('convoy "naval base')).toEqual(['convoy', '"naval base"'])
    expect(q.error).toBeNull()
    expect(q.warnings[0]).toMatchObject({ code: 'unbalanced-quote' })
    expect(q.warnings[0]!.message).toMatch(/not closed/)
  })

  it('reports a query of only stop words', () => {
    const q = parseQuery('the of and')
    expect(q.error).toMatchObject({ code: 'only-stopwords' })
    expect(q.error!.message).toContain('too common')
    expect(parseQuery('"to be"').error).toMatchObject({ code: 'only-stopwords' })
  })

  it('reports * alone and prefixes that are too short', () => {
    expect(parseQuery('*').error).toMatchObject({ code: 'wildcard-alone' })
    expect(parseQuery('  **  ').error).toMatchObject({ code: 'wildcard-alone' })
    expect(parseQuery('w*').error).toMatchObject({ code: 'wildcard-alone' })
    const q = parseQuery('w* convoy')
    expect(q.error).toBeNull()
    expect(q.warnings.map((w) => w.code)).toEqual(['prefix-too-short'])
  })

  it('reports empty input', () => {
    for (const q of ['', '   ', '""', '“”', '-- ,,, !!']) expect(parseQuery(q).error, q).toMatchObject({ code: 'empty' })
  })

  it('caps very long input', () => {
    const q = parseQuery('convoy '.repeat(200))
    expect(q.input.length).toBeLessThanOrEqual(MAX_QUERY_CHARS)
    expect(q.input.endsWith('convoy')).toBe(true)
    expect(q.warnings.map((w) => w.code)).toContain('too-long')
    expect(q.clauses).toHaveLength(1) // duplicates are merged
    const many = parseQuery(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '))
    expect(many.clauses).toHaveLength(32)
  })

  it('never throws, whatever the input', () => {
    let seed = 1
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const alphabet = ['"', '“', '”', '*', ' ', '-', 'a', 'ğ', 'İ', '\u0306', '\uD83D', '\uDE00', '\\', '(', 'the', 'Tartus', '\n', '\u0000']
    for (let i = 0; i < 2000; i++) {
      const q = Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
      const parsed = parseQuery(q)
      expect(parsed.error === null || parsed.clauses.every((c) => indexTerms(c).length === 0), q).toBe(true)
    }
    expect(parseQuery(undefined as unknown as string).error).toMatchObject({ code: 'empty' })
  })
})
