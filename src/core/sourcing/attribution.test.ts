/**
 * The attribution finder on real sentences: our own fixtures in the style of news copy,
 * and (when ../shared/corpus is present) the corpus articles read from there, never
 * copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findAttributions, sentencesAround, suggestAttribution } from './attribution'

const corpus = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')

/** [sentence, kind, source, phrase] of the suggestion. */
const CASES: [string, string, string | null, string | undefined][] = [
  ['The navy is moving ships out of the port, Reuters reports, citing Russian and Syrian sources.', 'secondary', 'Reuters', 'Reuters reports'],
  ['According to TRT, the ministry stopped the convoy.', 'secondary', 'TRT', 'According to TRT'],
  ['According to TRT media, the ministry stopped the convoy.', 'secondary', 'TRT', 'According to TRT media'],
  ['“The ministry has stopped a convoy,” the Turkish TRT media outlet reported on Tuesday.', 'secondary', 'TRT', 'the Turkish TRT media outlet reported'],
  ['Turkish journalist Yörük Işık told us the ship had left.', 'primary', 'Turkish journalist Yörük Işık', 'Turkish journalist Yörük Işık told us'],
  ['Satellite images showed two cargo planes on the apron.', 'primary', 'satellite imagery', 'Satellite images showed'],
  ['Satellite imagery taken on Jan. 25 showed the ships.', 'primary', 'satellite imagery', 'Satellite imagery taken'],
  ['Sources said the ships would come back.', 'unattributed', null, 'Sources said'],
  ['The port was emptied, citing two harbour officials.', 'secondary', 'two harbour officials', 'citing two harbour officials'],
  ['The ship is reportedly waiting for clearance.', 'unattributed', null, 'reportedly'],
  ['According to reports, the convoy was stopped.', 'unattributed', null, 'According to reports'],
  ['It was reported that the base was empty.', 'unattributed', null, 'It was reported'],
  ['A security official told Reuters one plane had left for Libya.', 'secondary', 'Reuters', 'told Reuters'],
  ['According to the Moscow Times, a cargo ship was waiting.', 'secondary', 'Moscow Times', 'According to the Moscow Times'],
  ['The base is not being abandoned, according to Reuters’ sources.', 'secondary', 'Reuters', 'according to Reuters’ sources'],
  ['Documents seen by the Financial Times describe the plan.', 'secondary', 'Financial Times', 'seen by the Financial Times'],
  ['The drills follow reports from Syrian media that the talks stalled.', 'secondary', 'Syrian media', 'reports from Syrian media'],
  ['TASS said the talks went on.', 'secondary', 'TASS', 'TASS said'],
  ['In January Interfax reported that the convoy left.', 'secondary', 'Interfax', 'In January Interfax reported'],
  ['The Russians may stay, Abu Kasra was quoted as saying.', 'secondary', 'Abu Kasra', 'Abu Kasra was quoted as saying'],
  ['According to Murhaf Abu Kasra, the facilities matter.', 'primary', 'Murhaf Abu Kasra', 'According to Murhaf Abu Kasra'],
  ['As we reported last week, the ships left.', 'primary', null, 'As we reported'],
  ['Flight data reviewed by our team shows two landings a day.', 'primary', null, 'reviewed by our team'],
  ['The convoy turned back, according to U.S.', 'primary', 'U.S.', 'according to U.S.'],
  ['The ship left port on Monday.', 'unattributed', null, undefined],
  ['He said the port was calm.', 'unattributed', null, undefined],
]

describe('suggestAttribution', () => {
  it.each(CASES)('%s', (sentence, kind, source, phrase) => {
    const s = suggestAttribution(sentence)
    expect([s.kind, s.source, s.phrase]).toEqual([kind, source, phrase])
    expect(s.confirmed).toBe(false)
  })

  it('a name the notebook knows as an outlet is relayed when it "said" something; an unknown name is a person', () => {
    expect(suggestAttribution('Enab Baladi said the base was empty.')).toMatchObject({ kind: 'primary', source: 'Enab Baladi' })
    expect(suggestAttribution('Enab Baladi said the base was empty.', { isOutlet: (n) => n === 'Enab Baladi' })).toMatchObject({ kind: 'secondary', source: 'Enab Baladi' })
    // The sentence's full stop is not part of the name, so a known outlet closing a sentence is found.
    expect(suggestAttribution('Planes left twice a day, according to Reuters.', { isOutlet: (n) => n === 'Reuters' })).toMatchObject({ kind: 'secondary', source: 'Reuters' })
  })
})

describe('findAttributions', () => {
  it('returns every phrase with offsets into the text, in order', () => {
    const text = 'Ships left, Reuters reports, citing Russian and Syrian sources. Satellite photos showed planes.'
    const found = findAttributions(text)
    expect(found.map((f) => [f.kind, f.source, f.phrase])).toEqual([
      ['secondary', 'Reuters', 'Reuters reports'],
      ['secondary', 'Russian and Syrian sources', 'citing Russian and Syrian sources'],
      ['primary', 'satellite imagery', 'Satellite photos showed'],
    ])
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.phrase)
  })

  it('finds nothing in text without attribution, and does not take sentence openers or dates for sources', () => {
    expect(findAttributions('The convoy of thirty trucks left the airfield at dawn.')).toEqual([])
    expect(findAttributions('However, they said nothing.')).toEqual([])
  })
})

describe('sentencesAround', () => {
  it('widens a passage to its whole sentences, so a trailing "Reuters reports" is read', () => {
    const body = 'First sentence here. Ships are leaving the base, Reuters reports. Next one.'
    const start = body.indexOf('Ships')
    const around = sentencesAround(body, start, start + 'Ships are leaving'.length)
    expect(around.text).toBe('Ships are leaving the base, Reuters reports.')
    expect(around.offset).toBe(start)
  })
})

describe.skipIf(!existsSync(corpus))('attribution in the shared corpus (skipped: ../shared/corpus is absent in this checkout)', () => {
  const read = (name: string) => readFileSync(join(corpus, name), 'utf8')
  const sentenceWith = (name: string, words: string) => {
    const body = read(name)
    // The corpus has no-break spaces where a page had &nbsp;: any white space matches a space.
    const m = new RegExp(words.split(' ').join(String.raw`\s`)).exec(body)
    expect(m, words).not.toBeNull()
    return sentencesAround(body, m!.index, m!.index + m![0].length).text
  }

  it('traces each article’s key sentence to the source it names', () => {
    expect(suggestAttribution(sentenceWith('003_993df21826298aa0.txt', 'Reuters reports, citing'))).toMatchObject({ kind: 'secondary', source: 'Reuters' })
    expect(suggestAttribution(sentenceWith('001_daa64de3b2e005fd.txt', 'According to TRT media'))).toMatchObject({ kind: 'secondary', source: 'TRT' })
    expect(suggestAttribution(sentenceWith('004_9b752680666e40a6.txt', 'TRT media outlet reported'))).toMatchObject({ kind: 'secondary', source: 'TRT' })
    expect(suggestAttribution(sentenceWith('000_55669976acc74c60.txt', 'According to the Moscow Times'))).toMatchObject({ kind: 'secondary', source: 'Moscow Times' })
    expect(suggestAttribution(sentenceWith('003_993df21826298aa0.txt', 'satellite photos showed'))).toMatchObject({ kind: 'primary', source: 'satellite imagery' })
  })

  it('finds attribution phrases in every article, each phrase exactly where its offsets say', () => {
    for (const name of ['000_55669976acc74c60.txt', '001_daa64de3b2e005fd.txt', '002_046419e80c949d65.txt', '003_993df21826298aa0.txt', '004_9b752680666e40a6.txt']) {
      const body = read(name)
      const found = findAttributions(body)
      expect(found.length, name).toBeGreaterThan(0)
      for (const f of found) expect(body.slice(f.start, f.end)).toBe(f.phrase)
    }
  })
})
