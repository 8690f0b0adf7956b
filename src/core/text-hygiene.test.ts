import { describe, expect, it } from 'vitest'
import type { ArticleId } from './ids'
import { draftArticleFromText } from './import-text'
import { foldText, tokenize } from './search/fold'
import { SearchIndex } from './search/search-index'
import { cleanMetaText, controlCharactersFlag, removeControlCharacters } from './text-hygiene'

describe('control characters in article text', () => {
  it('removes C0 and C1 controls but keeps tab, line feed and carriage return', () => {
    const removal = removeControlCharacters('a\u0000b\u0007c\td\r\ne\u001b[1mf\u007fg\u0090h\u009bi')
    expect(removal.text).toBe('abc\td\r\ne[1mfghi')
    expect([...removal.removed]).toEqual([[0x00, 1], [0x07, 1], [0x1b, 1], [0x7f, 1], [0x90, 1], [0x9b, 1]])
  })

  it('turns vertical tab, form feed and NEL into line breaks instead of joining words', () => {
    const removal = removeControlCharacters('page one\fpage two\u000Bthree\u0085four')
    expect(removal.text).toBe('page one\npage two\nthree\nfour')
    expect(controlCharactersFlag(removal)).toEqual({
      kind: 'control-characters',
      count: 3,
      detail: '3 line-separating controls (U+000C (form feed), U+000B (vertical tab), U+0085 (next line)) turned into line breaks. The original file keeps them.',
    })
  })

  it('keeps C1 characters that are bytes of mojibake (UTF-8 read as Latin-1), so the damage stays visible and repairable', () => {
    const mojibake = 'Russia\u00e2\u0080\u0099s fleet' // ’ as bytes E2 80 99 read as Latin-1
    expect(removeControlCharacters(mojibake).text).toBe(mojibake)
    expect(removeControlCharacters('a\u0080b').text).toBe('ab')
  })

  it('is recorded as a flag on import, and the stored text has none of them', () => {
    const draft = draftArticleFromText('Convoy turned back at the Tartus gate\r\n\r\nThirty trucks\u0000 left\u0008 at dawn.\u001b', 'c.txt')
    expect(draft.text).toBe('Convoy turned back at the Tartus gate\n\nThirty trucks left at dawn.')
    expect(draft.analysis.flags[0]).toEqual({
      kind: 'control-characters',
      count: 3,
      detail: '3 control characters removed on import (U+0000, U+0008, U+001B): they are invisible and not part of the article. The original file keeps them.',
    })
    expect(draftArticleFromText('Plain text, nothing to remove.', 'p.txt').analysis.flags.map((f) => f.kind)).not.toContain('control-characters')
  })
})

describe('invisible characters in metadata', () => {
  it('removes bidi controls, zero-width characters and controls, counting each', () => {
    const cleaned = cleanMetaText('\u202eTROPER DEKAEL\u202c\u200b \u2066Tar\u00adtus\u2069\u200e\ufeff\u0007')
    expect(cleaned.value).toBe('TROPER DEKAEL Tartus')
    expect(cleaned.removed.size).toBe(9)
  })

  it('keeps ZWNJ and ZWJ between letters, where they shape Persian and Indic words', () => {
    expect(cleanMetaText('می\u200cخواهم').value).toBe('می\u200cخواهم')
    expect(cleanMetaText('क्\u200dष').value).toBe('क्\u200dष')
    expect(cleanMetaText('\u200cTartus\u200d ').value).toBe('Tartus')
  })

  it('keeps the prepended concatenation marks, which are drawn', () => {
    expect(cleanMetaText('\u0600١٢٣').value).toBe('\u0600١٢٣')
  })

  it('cleans every field an import drafts, and says so in its source', () => {
    const draft = draftArticleFromText('Some body text that is long enough to be an article.', 'x.txt', {
      title: { value: '\u202eTROPER DEKAEL', source: 'PDF document info Title' },
      author: { value: 'Ayla\u200b Sohta\u200boğlu', source: 'PDF document info Author' },
      outlet: { value: '\u2067Levant Ledger\u2069', source: 'meta publisher' },
      url: { value: 'https://example.org/\u200bstory', source: 'og:url' },
    })
    expect(draft.title).toBe('TROPER DEKAEL')
    expect(draft.metaSources.title).toBe('PDF document info Title (1 invisible or control character removed: U+202E (right-to-left override))')
    expect(draft.author).toBe('Ayla Sohtaoğlu')
    expect(draft.outlet).toBe('Levant Ledger')
    // An address holding an invisible character is not a real one: refused, not guessed at.
    expect(draft.url).toBeNull()
  })

  it('cleans a title taken from the text and a fallback first sentence', () => {
    const headed = draftArticleFromText('Ships\u200b leave \u202eTartus\u202c as talks stall\nJanuary 15, 2025\n\nBody text of the article.', 'h.txt')
    expect(headed.title).toBe('Ships leave Tartus as talks stall')
    const fallback = draftArticleFromText('\u202e\u200b\n\nthe convoy \u2066left\u2069 at dawn and nobody said where it went.', 'f.txt')
    expect(fallback.title).toBe('the convoy left at dawn and nobody said where it went.')
  })
})

describe('search folds invisible characters out', () => {
  it('folds a word split by zero-width, bidi or soft-hyphen characters into the word it shows', () => {
    expect(foldText('Tar\u200btus')).toBe('tartus')
    expect(tokenize('LEA\u2060KED \u202aRE\u00adPORT\u202c')).toEqual(['leaked', 'report'])
    expect(tokenize('می\u200cخواهم')).toEqual(['میخواهم'])
  })

  it('finds a title holding U+202E and zero-width characters by the words it shows, with the match marked', async () => {
    const id = 'a-00000000aa' as ArticleId
    const index = new SearchIndex({ getText: () => null })
    index.addArticle({ id, title: 'LEA\u200bKED \u202eREPORT\u202c on the base', outlet: null, published: null, bodyHash: 'h' }, 'Nothing else here.')
    const r = await index.search('leaked report')
    expect(r.hits.map((h) => h.id)).toEqual([id])
    const snippet = r.hits[0]!.snippet!
    expect(snippet.ranges.map(([a, b]) => snippet.text.slice(a, b).replace(/[\u200b\u202e\u202c]/g, ''))).toEqual(['LEAKED', 'REPORT'])
  })
})
