import { describe, expect, it } from 'vitest'
import { detectScript, keyTokens, nameKey } from './normalise'

describe('nameKey: Arabic', () => {
  it('removes harakat, shadda and tatweel', () => {
    expect(nameKey('أَحْمَد الشَّرَع')).toBe(nameKey('احمد الشرع'))
    expect(nameKey('طرطـــوس')).toBe('طرطوس')
  })
  it('unifies alef forms أ إ آ ٱ → ا', () => {
    for (const a of ['أ', 'إ', 'آ', 'ٱ']) expect(nameKey(`${a}دلب`)).toBe('ادلب')
  })
  it('unifies hamza seats ؤ → و and ئ → ي', () => {
    expect(nameKey('مؤتة')).toBe(nameKey('موته'))
    expect(nameKey('هيئة')).toBe(nameKey('هييه'))
  })
  it('taa marbuta ة → ه and alef maqsura ى → ي', () => {
    expect(nameKey('جبلة')).toBe('جبله')
    expect(nameKey('مصطفى')).toBe('مصطفي')
  })
  it('Arabic-Indic and Persian digits are ASCII digits', () => {
    expect(nameKey('لواء ٤٧')).toBe('لواء 47')
    expect(nameKey('۱۲۳')).toBe('123')
  })
  it('drops the article ال at the start of a word of 4+ letters, not of shorter words', () => {
    expect(nameKey('اللاذقية')).toBe(nameKey('لاذقية'))
    expect(nameKey('دير الزور')).toBe('دير زور')
    expect(nameKey('الى')).toBe('الي')
  })
})

describe('nameKey: Latin and Cyrillic', () => {
  it('folds case and accents as search does', () => {
    expect(nameKey('SOHTAOĞLU')).toBe('sohtaoglu')
    expect(nameKey('Lattaquié')).toBe('lattaquie')
    expect(nameKey('Tar\u00ADtus')).toBe('tartus')
  })
  it('folds Cyrillic case and ё/й', () => {
    expect(nameKey('ХМЕЙМИМ')).toBe(nameKey('Хмеймим'))
    expect(nameKey('Берёза')).toBe(nameKey('береза'))
  })
  it('hyphens separate words; apostrophes inside a word vanish', () => {
    expect(nameKey('HTS-led')).toBe('hts led')
    expect(nameKey("Hay'at Tahrir")).toBe('hayat tahrir')
    expect(nameKey('Maʿarrat')).toBe('maarrat')
  })
  it('drops al-/el- before a word, with a hyphen or a space', () => {
    expect(nameKey('Bashar al-Assad')).toBe('bashar assad')
    expect(nameKey('Bashar Al Assad')).toBe('bashar assad')
    expect(nameKey('Deir el-Zor')).toBe('deir zor')
    expect(nameKey('Башар аль-Асад')).toBe('башар асад')
  })
  it('drops an assimilated article only before a hyphen and the same consonant', () => {
    expect(nameKey('Hayat Tahrir ash-Sham')).toBe(nameKey('Hayat Tahrir al-Sham'))
    expect(nameKey('Deir ez-Zor')).toBe('deir zor')
    expect(nameKey('Дейр-эз-Зор')).toBe('деир зор')
    expect(nameKey('ad-hoc')).toBe('ad hoc')
    expect(nameKey('as Sham')).toBe('as sham')
  })
  it('keeps a lone "al" that no word follows', () => {
    expect(nameKey('Al')).toBe('al')
  })
  it('cuts English possessives', () => {
    expect(nameKey("Tartous's")).toBe('tartous')
    expect(nameKey('Hayat Tahrir al-Sham’s')).toBe('hayat tahrir sham')
    expect(nameKey('HTS’ offensive')).toBe('hts offensive')
    expect(nameKey("Ma'sum")).toBe('masum')
  })
})

describe('keyTokens: offsets in the original text', () => {
  const spans = (text: string) => keyTokens(text).map((t) => [t.key, text.slice(t.start, t.end)])
  it('cover the word as written, with its dropped article', () => {
    expect(spans('met Bashar al-Assad’s aide')).toEqual([
      ['met', 'met'],
      ['bashar', 'Bashar'],
      ['assad', 'al-Assad'],
      ['aide', 'aide'],
    ])
  })
  it('stay right after characters that fold to more or fewer (ligature, combining marks, tatweel)', () => {
    const text = 'the ﬁeld of Tarte\u0301tus near طرطـــوس and اللاذقية.'
    expect(spans(text)).toEqual([
      ['the', 'the'],
      ['field', 'ﬁeld'],
      ['of', 'of'],
      ['tartetus', 'Tarte\u0301tus'],
      ['near', 'near'],
      ['طرطوس', 'طرطـــوس'],
      ['and', 'and'],
      ['لاذقيه', 'اللاذقية'],
    ])
  })
})

describe('detectScript', () => {
  it('names the script of the first letter', () => {
    expect(detectScript('Tartus')).toBe('Latn')
    expect(detectScript('طرطوس')).toBe('Arab')
    expect(detectScript('Тартус')).toBe('Cyrl')
    expect(detectScript('123')).toBeUndefined()
  })
})
