import { describe, expect, it } from 'vitest'
import { containsArabic, splitScriptRuns, textForLayout } from './script-runs'

const joined = (text: string) =>
  splitScriptRuns(text)
    .map((r) => r.text)
    .join('')

describe('splitScriptRuns', () => {
  it('keeps Latin-only text (with Turkish letters, curly quotes, dashes) as one run', () => {
    const text = '“Sohtaoğlu’s port” — a test…'
    expect(splitScriptRuns(text)).toEqual([{ text, arabic: false }])
  })

  it('returns no runs for an empty string', () => {
    expect(splitScriptRuns('')).toEqual([])
  })

  it('splits an Arabic place name out of an English sentence, leaving the spaces around it Latin', () => {
    expect(splitScriptRuns('the port of طرطوس, where')).toEqual([
      { text: 'the port of ', arabic: false },
      { text: 'طرطوس', arabic: true },
      { text: ', where', arabic: false },
    ])
  })

  it('keeps a multi-word Arabic phrase, its harakat and Arabic punctuation in one run', () => {
    const phrase = 'مَرْفَأ طرطوس، سوريا؟'
    expect(splitScriptRuns(`Name: ${phrase} (2024)`)).toEqual([
      { text: 'Name: ', arabic: false },
      { text: phrase, arabic: true },
      { text: ' (2024)', arabic: false },
    ])
  })

  it('never drops or alters a character', () => {
    const samples = [
      ' leading and trailing spaces ',
      'طرطوس',
      ' طرطوس ',
      'a\u200cb طرطوس\u200f x اللاذقية\n\nline two – “quoted” ‘single’ …',
      '\u0640\u0640 tatweel',
    ]
    for (const s of samples) expect(joined(s)).toBe(s)
  })

  it('alternates run kinds and never emits empty runs', () => {
    const runs = splitScriptRuns('a طرطوس b اللاذقية c')
    expect(runs.map((r) => r.arabic)).toEqual([false, true, false, true, false])
    expect(runs.every((r) => r.text.length > 0)).toBe(true)
  })
})

describe('containsArabic', () => {
  it('detects Arabic script only', () => {
    expect(containsArabic('Sohtaoğlu — “x”')).toBe(false)
    expect(containsArabic('port of طرطوس')).toBe(true)
  })
})

describe('textForLayout', () => {
  it('leaves ordinary text (and invisible format controls) alone, returning the same string', () => {
    const text = 'Sohtaoğlu — “x” … طر\u200cطوس\u200f\n\nnext'
    expect(textForLayout(text)).toBe(text)
  })

  it('turns CR, CRLF and line/paragraph separators into \\n and tabs into spaces', () => {
    expect(textForLayout('a\r\nb\rc\u2028d\u2029e\tf')).toBe('a\nb\nc\nd\ne f')
  })
})
