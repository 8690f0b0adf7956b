/**
 * Event dates suggested for real sentences of ../shared/corpus (read from there, never
 * copied), each against the publication date the import analysis finds for its article.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseText } from '../analysis/analyse'
import { normaliseText } from '../text'
import { suggestEventDate } from './suggest'

const corpus = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')

describe.skipIf(!existsSync(corpus))('event dates on the shared corpus (skipped: ../shared/corpus is absent in this checkout)', () => {
  const article = (file: string) => {
    const text = normaliseText(readFileSync(join(corpus, file), 'utf8'))
    const published = analyseText(text, { fileName: file }).meta.published.value
    /** The sentence of the article holding `words`, as an analyst would highlight it. */
    const sentence = (words: string) => {
      const at = text.indexOf(words)
      expect(at, words).toBeGreaterThanOrEqual(0)
      const start = Math.max(text.lastIndexOf('. ', at) + 2, text.lastIndexOf('\n', at) + 1)
      const stop = text.indexOf('. ', at + words.length)
      return text.slice(start, stop === -1 ? undefined : stop + 1)
    }
    return { published, sentence }
  }
  const dates = (text: string, published: string | null) => {
    const s = suggestEventDate(text, published)
    return s && !('unresolved' in s) ? [s.start, s.end, s.precision] : s
  }

  it('bne IntelliNews (15 December 2024): withdrawal began "on December 13" -> 2024-12-13', () => {
    const a = article('003_993df21826298aa0.txt')
    expect(a.published).toBe('2024-12-15')
    expect(dates(a.sentence('Russia began to withdraw substantial amounts'), a.published)).toEqual(['2024-12-13', '2024-12-13', 'day'])
  })

  it('the Tartous article (2 February 2025): "On January 21 and 22" docking -> 2025-01-21 to 2025-01-22', () => {
    const a = article('002_046419e80c949d65.txt')
    expect(a.published).toBe('2025-02-02T11:44:27+02:00')
    expect(dates(a.sentence('On January 21 and 22'), a.published)).toEqual(['2025-01-21', '2025-01-22', 'day'])
  })

  it('the article of 15 January 2025: the ship that "departed ... on 11 December" -> 2024-12-11, in the whole sentence', () => {
    const a = article('000_55669976acc74c60.txt')
    expect(a.published).toBe('2025-01-15T16:29')
    const s = a.sentence('having departed the western Russian port')
    expect(s).toMatch(/last week.*since 5 January.*on 11 December/)
    expect(suggestEventDate(s, a.published)).toMatchObject({ start: '2024-12-11', end: '2024-12-11', precision: 'day', phrase: 'on 11 December', rule: 'day+inferred-year' })
  })

  it('an undated article: "On Tuesday" the ships passed Gibraltar is unresolved, with the reason', () => {
    const a = article('001_daa64de3b2e005fd.txt')
    expect(a.published).toBeNull()
    expect(suggestEventDate(a.sentence('they both passed through the Strait of Gibraltar'), a.published)).toMatchObject({ unresolved: true, phrase: 'On Tuesday', rule: 'weekday' })
  })

  it('an undated article: "yesterday" stays unresolved', () => {
    const a = article('004_9b752680666e40a6.txt')
    expect(a.published).toBeNull()
    expect(suggestEventDate(a.sentence('Footage recorded yesterday'), a.published)).toMatchObject({ unresolved: true, phrase: 'yesterday' })
  })
})
