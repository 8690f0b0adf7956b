import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { draftArticleFromText } from './import-text'

describe('draftArticleFromText', () => {
  it('takes a repeated headline once as the title and reads byline, date and outlet signature', () => {
    const draft = draftArticleFromText(
      [
        'Convoy turned back at the Tartus gate',
        '',
        'Convoy turned back at the Tartus gate',
        'Thirty trucks left Hmeimim at dawn and were stopped before noon. / Levant Ledger',
        'By Ayla Sohtaoğlu March 3, 2025',
        '',
        'The convoy set out from the air base at dawn.',
      ].join('\r\n'),
      'convoy.txt',
    )
    expect(draft.title).toBe('Convoy turned back at the Tartus gate')
    expect(draft.metaSources.title).toMatch(/repeated/)
    expect(draft.outlet).toBe('Levant Ledger')
    expect(draft.author).toBe('Ayla Sohtaoğlu')
    expect(draft.published).toBe('2025-03-03')
    expect(draft.text).not.toContain('\r')
  })

  it('prefers the line above the date over a short site tagline', () => {
    const draft = draftArticleFromText(
      ['clear', 'Bringing you the region since 2001', 'Ships leave Tartus as talks stall in Damascus', 'January 15, 2025 at 4:29 pm', 'Body text here.'].join('\n'),
      'x.txt',
    )
    expect(draft.title).toBe('Ships leave Tartus as talks stall in Damascus')
    expect(draft.published).toBe('2025-01-15T16:29')
    expect(draft.outlet).toBeNull()
  })

  it('keeps a stated UTC offset', () => {
    const draft = draftArticleFromText('Headline about the port of Tartous\nSun Feb 02 2025 11:44:27 GMT+0200 (Eastern European Standard Time)\nBody.', 'x.txt')
    expect(draft.published).toBe('2025-02-02T11:44:27+02:00')
  })

  it('falls back to the first sentence, shortened, when the file states no headline, and invents no metadata', () => {
    const draft = draftArticleFromText(
      'According to reports, a Russian army caravan was stopped from accessing the naval station in the port city after a long standoff between the two sides. More text follows here.',
      'x.txt',
    )
    expect(draft.title.endsWith('…')).toBe(true)
    expect(draft.title.length).toBeLessThanOrEqual(101)
    expect(draft.metaSources.title).toMatch(/first sentence/)
    expect(draft.published).toBeNull()
    expect(draft.author).toBeNull()
    expect(draft.outlet).toBeNull()
    expect(draft.url).toBeNull()
  })

  it('takes structural metadata over the text and records where it came from', () => {
    const draft = draftArticleFromText('Ships leave Tartus as talks stall in Damascus\nJanuary 15, 2025\n\nBody text here.', 'x.html', {
      published: { value: '2025-01-15T16:29:00+01:00', source: 'JSON-LD datePublished' },
      author: { value: 'Rana Khoury', source: 'meta author' },
    })
    expect(draft.published).toBe('2025-01-15T16:29:00+01:00')
    expect(draft.metaSources.published).toMatch(/^JSON-LD datePublished \(the text agrees/)
    expect(draft.author).toBe('Rana Khoury')
    expect(draft.metaSources.author).toBe('meta author')
    expect(draft.title).toBe('Ships leave Tartus as talks stall in Damascus')
  })

  it('takes the fallback title from the article, not from furniture above it, and counts article words only', () => {
    const draft = draftArticleFromText('Skip to main content\nMenu\nAccording to port workers, the ship left Tartus at dawn. It carried vehicles.\n\nFollow us', 'x.txt')
    expect(draft.title).toBe('According to port workers, the ship left Tartus at dawn.')
    expect(draft.wordCount).toBe(13)
    expect(draft.analysis.furniture.map((f) => f.kind)).toEqual(['navigation', 'social'])
    expect(draft.analysis.flags.map((f) => f.kind)).toEqual(['short-extraction'])
  })

  it('titles an 11 MB text of one line with no sentence end by its start (the title regex once overflowed the stack on it)', () => {
    const line = 'harbour lease talks continue '.repeat(400_000)
    const draft = draftArticleFromText(line, 'one-line.txt')
    expect(draft.title).toMatch(/^harbour lease talks continue harbour lease .*…$/)
    expect(draft.title.length).toBeLessThanOrEqual(101)
    expect(draft.metaSources.title).toBe('first sentence (the file states no headline)')
    // Still the first sentence when the line has one, after leading blank lines.
    expect(draftArticleFromText(`\n  \n${'Talks on the harbour lease resume. '.repeat(50)}`, 'x.txt').title).toBe('Talks on the harbour lease resume.')
  })

  it('keeps a stated title within the model limit', () => {
    const long = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ')
    const draft = draftArticleFromText('Body.', 'x.html', { title: { value: long, source: 'og:title' } })
    expect(draft.title.length).toBeLessThanOrEqual(500)
    expect(draft.title.endsWith('…')).toBe(true)
  })

  it('NFC-normalises the stored text', () => {
    const decomposed = 'Sohtao\u0067\u0306lu said so.'
    expect(draftArticleFromText(decomposed, 'x.txt').text).toBe('Sohtaoğlu said so.')
  })
})

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')
describe.skipIf(!existsSync(corpus))('on the shared corpus (skipped: ../shared/corpus is absent in this checkout)', () => {
  const read = (name: string) => draftArticleFromText(readFileSync(join(corpus, name), 'utf8'), name)

  it('finds the headline, date and outlet the bne IntelliNews file states', () => {
    const d = read('003_993df21826298aa0.txt')
    expect(d.title).toBe('Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS')
    expect(d.outlet).toBe('bne IntelliNews')
    expect(d.author).toBe('bnm Gulf bureau')
    expect(d.published).toBe('2024-12-15')
  })

  it('skips the tagline and reads the date and time of the first article', () => {
    const d = read('000_55669976acc74c60.txt')
    expect(d.title).toBe('New Syria government refusing evacuation of Russia military equipment, report says')
    expect(d.published).toBe('2025-01-15T16:29')
  })

  it('reads the JavaScript-style date with its offset', () => {
    const d = read('002_046419e80c949d65.txt')
    expect(d.title).toBe("Russia's Military Withdrawal Accelerates in Syria's Tartous Port")
    expect(d.published).toBe('2025-02-02T11:44:27+02:00')
  })

  it('states no date for articles whose file has none', () => {
    expect(read('001_daa64de3b2e005fd.txt').published).toBeNull()
    expect(read('004_9b752680666e40a6.txt').published).toBeNull()
  })

  it('gives the files without a headline their first sentence as title, and says so', () => {
    const d = read('001_daa64de3b2e005fd.txt')
    expect(d.title.startsWith('According to reports, a Russian army caravan')).toBe(true)
    expect(d.metaSources.title).toBe('first sentence (the file states no headline)')
  })
})
