import { describe, expect, it } from 'vitest'
import { mojibakeFlag, replacementCharacterFlag, SHORT_EXTRACTION_WORDS, shortExtractionFlag, textFlags } from './flags'

/** What a UTF-8 file looks like when read as Windows-1252, built byte by byte. */
function misread(text: string): string {
  const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'
  return [...new TextEncoder().encode(text)].map((b) => (b >= 0x80 && b <= 0x9f ? cp1252[b - 0x80]! : String.fromCharCode(b))).join('')
}

describe('replacement characters', () => {
  it('counts U+FFFD and gives their offsets', () => {
    const text = 'Video \uFFFD\uFFFD shows the convoy. And \uFFFD here.'
    const flag = replacementCharacterFlag(text)
    expect(flag).toMatchObject({ kind: 'replacement-character', count: 3, positions: [6, 7, text.lastIndexOf('\uFFFD')] })
    expect(flag?.detail).toMatch(/3 U\+FFFD/)
  })

  it('is silent on clean text', () => {
    expect(replacementCharacterFlag('Clean text — with “quotes” and Sohtaoğlu.')).toBeNull()
  })
})

describe('mojibake', () => {
  it.each([
    ['Russia’s navy', 'â€™'],
    ['café', 'Ã©'],
    ['“Sparta II”', 'â€œ'],
    ['Sohtaoğlu', 'ÄŸ'],
    ['Kasra — minister', 'â€”'],
    ['€100', 'â‚¬'],
    ['Ankara\u00A0said', 'Â\u00A0'],
    ['ready 🙂', 'ðŸ™‚'],
  ])('finds %s read as Windows-1252', (good, bad) => {
    const text = misread(`The report about ${good} was saved.`)
    expect(text).toContain(bad)
    const flag = mojibakeFlag(text)
    expect(flag?.kind).toBe('mojibake')
    expect(flag?.count).toBe([...good].filter((c) => c > '\u007f').length)
    expect(flag?.positions?.[0]).toBe(text.indexOf(bad))
    expect(flag?.detail).toContain(`"${bad}" for "`)
  })

  it('counts every sequence and names up to three distinct examples', () => {
    const flag = mojibakeFlag(misread('It’s Russia’s “final” café in Tartus – or not.'))
    expect(flag?.count).toBe(6)
    expect(flag?.detail).toMatch(/"â€™" for "’"/)
  })

  it('finds a closing quote whose last byte was dropped', () => {
    expect(mojibakeFlag('He said â€œwe will stayâ€ and left.')?.count).toBe(2)
  })

  it.each([
    'Turkish journalist Mete Sohtaoğlu said “no deal” — yet.',
    'Der Fuß» und «Straße» sind deutsch.',
    'Il est allé à « Tartous » avec São Paulo, Ñandú, Ærø and Øresund.',
    'Prices: 5 €, 3 £, ©, ®, ™, ½, ¾, ° and ± stay put.',
    'Émigrés, naïve, Œuvre, Ångström, Ýmir, Ðakovo, Þór.',
    'Emoji 🙂 and Arabic طرطوس and Russian Тартус are fine.',
    'ÂGE is a word in capitals, and Ã alone is a letter.',
  ])('leaves real text alone: %s', (text) => {
    expect(mojibakeFlag(text)).toBeNull()
  })
})

describe('short extraction', () => {
  it(`flags fewer than ${SHORT_EXTRACTION_WORDS} words`, () => {
    expect(shortExtractionFlag(12)).toMatchObject({ kind: 'short-extraction', count: 12 })
    expect(shortExtractionFlag(SHORT_EXTRACTION_WORDS)).toBeNull()
  })

  it('lists every flag that applies in a fixed order', () => {
    const kinds = textFlags(`${misread('It’s')} \uFFFD`, 3).map((f) => f.kind)
    expect(kinds).toEqual(['replacement-character', 'mojibake', 'short-extraction'])
  })
})
