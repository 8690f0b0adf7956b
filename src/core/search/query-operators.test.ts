import { describe, expect, it } from 'vitest'
import { MAX_ALTERNATIVES, parseQuery, type QueryClause } from './query'

/** The alternatives as text: required clauses, then excluded ones with -, alternatives joined by " | ". */
function alts(q: string): string {
  const parsed = parseQuery(q)
  const name = (c: QueryClause) => (c.kind === 'phrase' ? `"${c.terms.join(' ')}"` : c.kind === 'prefix' ? `${c.term}*` : c.term)
  return parsed.alternatives.map((a) => [...a.clauses.map(name), ...a.excluded.map((c) => `-${name(c)}`)].join(' ')).join(' | ')
}
const error = (q: string) => parseQuery(q).error

describe('parseQuery: OR, NOT, - and parentheses', () => {
  it('reads OR in capitals between words, phrases and prefixes', () => {
    expect(alts('Tartus OR Latakia')).toBe('tartus | latakia')
    expect(alts('"naval base" OR withdr*')).toBe('"naval base" | withdr*')
    expect(parseQuery('Tartus OR Latakia').error).toBeNull()
  })

  it('binds AND tighter than OR: a b OR c is (a b) OR c, and a OR b c is a OR (b c)', () => {
    expect(alts('Tartus naval OR Latakia')).toBe('tartus naval | latakia')
    expect(alts('Tartus OR Latakia naval')).toBe('tartus | latakia naval')
    expect(alts('Tartus AND naval OR Latakia')).toBe('tartus naval | latakia')
  })

  it('applies NOT and - to the one word, phrase or group after them', () => {
    expect(alts('Tartus -Russia')).toBe('tartus -russia')
    expect(alts('Tartus NOT Russia naval')).toBe('tartus naval -russia')
    expect(alts('Tartus -"naval base"')).toBe('tartus -"naval base"')
    expect(alts('Tartus -withdr*')).toBe('tartus -withdr*')
    expect(alts('convoy -al-Sharaa')).toBe('convoy -"al sharaa"')
    expect(alts('convoy -Russia OR Latakia')).toBe('convoy -russia | latakia')
  })

  it('groups with parentheses, and expands NOT of a group by De Morgan', () => {
    expect(alts('(Tartus OR Latakia) -Russia')).toBe('tartus -russia | latakia -russia')
    expect(alts('(Tartus OR Latakia) (port OR base)')).toBe('tartus port | tartus base | latakia port | latakia base')
    expect(alts('convoy -(Tartus OR Latakia)')).toBe('convoy -tartus -latakia')
    expect(alts('convoy -(Tartus naval)')).toBe('convoy -tartus | convoy -naval')
    expect(alts('convoy -(Tartus -naval)')).toBe('convoy -tartus | convoy naval')
    expect(alts('NOT NOT convoy')).toBe('convoy')
  })

  it('keeps hyphens inside words, lone hyphens and lower-case or/not as they were', () => {
    expect(alts('al-Sharaa')).toBe('"al sharaa"')
    expect(alts('2024-12-08')).toBe('"2024 12 08"')
    expect(alts('Tartus - Russia')).toBe('tartus russia')
    const q = parseQuery('Tartus or Latakia')
    expect(alts('Tartus or Latakia')).toBe('tartus latakia')
    expect(q.warnings[0]).toMatchObject({ code: 'stopwords-ignored' })
    expect(q.warnings[0]!.message).toBe('Ignored common words: or. To combine words, write OR or NOT in capitals.')
    expect(alts('"Tartus OR Latakia"')).toBe('"tartus or latakia"')
  })

  it('lists what every alternative requires, once, in query order', () => {
    const q = parseQuery('(Tartus OR "naval base") -Russia convoy')
    expect(q.clauses.map((c) => c.raw)).toEqual(['Tartus', 'naval base', 'convoy'])
    expect(parseQuery('Tartus OR Tartus').alternatives).toHaveLength(1)
  })

  it('refuses a query of only excluded words, naming them', () => {
    for (const q of ['-Russia', 'NOT Russia', '-"naval base"', '-(Tartus Latakia)']) expect(error(q), q).toMatchObject({ code: 'only-excluded' })
    expect(error('-Russia')!.message).toBe('NOT and - only leave out matches of “Russia”: add a word to search for, as in Tartus -Russia.')
    expect(error('Tartus OR -Russia')).toEqual({ code: 'only-excluded', message: 'Each side of OR needs a word to search for: one only leaves out “Russia”.' })
  })

  it('refuses OR at either end or twice, and NOT with nothing after it', () => {
    const orMessage = 'OR needs a word or phrase on each side, as in Tartus OR Latakia.'
    for (const q of ['OR Tartus', 'Tartus OR', 'Tartus OR OR Latakia', '(OR Tartus)', 'Tartus (Latakia OR) port']) {
      expect(error(q), q).toEqual({ code: 'misplaced-operator', message: orMessage })
    }
    for (const q of ['Tartus NOT', 'Tartus NOT OR Latakia', '(Tartus NOT) port']) {
      expect(error(q), q).toEqual({ code: 'misplaced-operator', message: 'NOT needs a word, phrase or group after it, as in Tartus NOT Russia.' })
    }
  })

  it('refuses an alternative of common words only, which would match everything', () => {
    expect(error('the OR Tartus')).toEqual({ code: 'only-stopwords', message: '“the” is too common to search for on one side of OR: add a less common word.' })
    expect(error('"to be" OR Tartus')).toMatchObject({ code: 'only-stopwords' })
    expect(error('w* OR Tartus')).toMatchObject({ code: 'wildcard-alone' })
  })

  it('ignores excluded common words with a warning, as it does required ones', () => {
    const q = parseQuery('Tartus -the')
    expect(alts('Tartus -the')).toBe('tartus')
    expect(q.error).toBeNull()
    expect(q.warnings.map((w) => w.code)).toEqual(['stopwords-ignored'])
  })

  it('warns about unbalanced parentheses and runs the query', () => {
    const open = parseQuery('(Tartus OR Latakia port')
    expect(alts('(Tartus OR Latakia port')).toBe('tartus | latakia port')
    expect(open.error).toBeNull()
    expect(open.warnings).toEqual([{ code: 'unbalanced-parenthesis', message: 'A parenthesis is not closed: it is closed at the end of the query.' }])
    const stray = parseQuery('Tartus) port')
    expect(alts('Tartus) port')).toBe('tartus port')
    expect(stray.warnings).toEqual([{ code: 'unbalanced-parenthesis', message: 'A closing parenthesis has no opening one: it is ignored.' }])
    expect(alts('Tartus () port')).toBe('tartus port')
  })

  it(`refuses more than ${MAX_ALTERNATIVES} alternatives once parentheses are expanded`, () => {
    expect(parseQuery('(aa OR bb) (cc OR dd) (ee OR ff) (gg OR hh)').alternatives).toHaveLength(16)
    expect(error('(aa OR bb) (cc OR dd) (ee OR ff) (gg OR hh)')).toBeNull()
    expect(error('(aa OR bb) (cc OR dd) (ee OR ff) (gg OR hh) (ii OR jj)')).toEqual({
      code: 'too-complex',
      message: `The query has more than ${MAX_ALTERNATIVES} alternatives once its parentheses are expanded: use fewer ORs.`,
    })
  })

  it('never throws on operator soup', () => {
    let seed = 7
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const alphabet = ['OR', 'NOT', 'AND', '-', '(', ')', '"', ' ', 'Tartus', 'the', 'withdr*', '-x', '*', 'w*', '((', '))']
    for (let i = 0; i < 3000; i++) {
      const q = Array.from({ length: Math.floor(rand() * 14) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(rand() < 0.5 ? ' ' : '')
      const parsed = parseQuery(q)
      // Whatever runs has a word to search for in every alternative.
      if (parsed.error === null) expect(parsed.alternatives.every((a) => a.clauses.length > 0), q).toBe(true)
    }
  })
})
