import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGazetteer } from './gazetteer'
import { extractNames, NameTally } from './names'
import type { Entity, EntityId } from './schema'
import { compareForms, variantForm } from './variant-rules'
import { proposeVariants, suggestionId, updateVariants } from './variants'
import { nameKey } from './normalise'

const compare = (a: string, b: string) => compareForms(variantForm(nameKey(a)), variantForm(nameKey(b)))

describe('variant rules', () => {
  it.each([
    ['Tartous', 'Tartus', ['ou/u']],
    ['Khmeimim', 'Hmeimim', ['kh/h']],
    ['Hmeymim', 'Hmeimim', ['y/i']],
    ['al-Sharaa', 'Shara', ['doubled letters']],
    ['Qamishli', 'Kamishli', ['q/k']],
    ['Djibouti', 'Jibuti', ['dj/j', 'ou/u']],
    ['Jableh', 'Jabla', ['-ah/-a']],
    ['Deeb', 'Dib', ['ee/i']],
    ['Alpha Group', 'Alfa Group', ['ph/f']],
  ])('%s ~ %s: equal after transliteration (%j)', (a, b, reasons) => {
    expect(compare(a, b)).toEqual({ score: 1, reasons })
  })

  it('vowel differences count in words of 6+ letters with the same consonants', () => {
    expect(compare('al-Jolani', 'Julani')).toEqual({ score: 0.83, reasons: ['vowels'] })
    expect(compare('Mohammed', 'Muhammad')).toEqual({ score: 0.71, reasons: ['vowels'] })
  })

  it.each([
    ['German', 'Germany'],
    ['Normal', 'Normally'],
    ['Homs', 'Hama'],
    ['Wang', 'Wing'],
    ['Linux', 'Lynx'],
    ['Tartus', 'Tartusian'],
    ['Sparta', 'Sparta II'],
    ['HTS', 'HST'],
  ])('%s and %s are not variants', (a, b) => {
    expect(compare(a, b)).toBeNull()
  })
})

describe('extractNames and NameTally', () => {
  const text = [
    'RUSSIAN BASES IN SYRIA TODAY',
    'Convoys left Hmeymim on Monday. Trucks went to Tartus, said Abu Mohammed al-Jolani.',
    'Later the Julani camp said Julani and Jolani met a constructor; the Constructor was absent.',
    'a constructor, a constructor and __proto__ with toString and ToString.',
  ].join('\n')

  it('counts capitalised words mid-sentence and runs, not sentence starts or headlines', () => {
    const { names } = extractNames(text)
    const got = Object.fromEntries([...names].map(([k, n]) => [k, n.count]))
    expect(got).toEqual({
      hmeymim: 1,
      monday: 1,
      tartus: 1,
      'abu mohammed jolani': 1,
      abu: 1,
      mohammed: 1,
      jolani: 2,
      julani: 2,
      constructor: 1,
      tostring: 1,
    })
    expect(names.get('abu mohammed jolani')).toMatchObject({ surface: 'Abu Mohammed al-Jolani', example: expect.stringContaining('said Abu Mohammed al-Jolani') })
  })

  it('a word more often in lower case is not a candidate, whatever it is called', () => {
    const tally = new NameTally()
    tally.add('a-1', extractNames(text))
    const keys = tally.candidates().map((c) => c.key)
    expect(keys).not.toContain('constructor')
    expect(keys).not.toContain('tostring')
    expect(keys).toContain('julani')
    const other = new NameTally()
    other.add('a-2', extractNames('We met Constructor, then Constructor, ToString and Constructor; a constructor, a tostring too.'))
    expect(other.candidates().map((c) => [c.text, c.count, c.lower])).toEqual([['Constructor', 3, 1]])
  })

  it('quotes a long line from a word boundary, with … where it was cut', () => {
    const before = 'x'.repeat(30) + ' ' + 'word '.repeat(30)
    const tally = new NameTally()
    tally.add('a-1', extractNames(`${before}near Hmeimeem, residents said, ${'again '.repeat(40)}end.`))
    const line = tally.candidates().find((c) => c.key === 'hmeimeem')!.examples[0]!.line
    expect(line).toMatch(/^…word word .* near Hmeimeem, residents said, again .*again…$/)
    expect(line.length).toBeLessThanOrEqual(202)
  })

  it('adds and removes articles incrementally', () => {
    const tally = new NameTally()
    const one = extractNames(text)
    const two = extractNames('Reports from Hmeymim and from Hmeymim again.')
    tally.add('a-1', one)
    tally.add('a-2', two)
    expect(tally.candidates().find((c) => c.key === 'hmeymim')).toMatchObject({ count: 3, articleIds: ['a-1', 'a-2'] })
    tally.remove('a-1', one)
    expect(tally.candidates().find((c) => c.key === 'hmeymim')).toMatchObject({ count: 2, articleIds: ['a-2'], examples: [{ articleId: 'a-2', line: 'Reports from Hmeymim and from Hmeymim again.' }] })
    tally.remove('a-2', two)
    expect(tally.size).toBe(0)
  })
})

describe('proposeVariants', () => {
  const entities: Entity[] = [{ id: 'e-khmeimim' as EntityId, name: 'Khmeimim Air Base', type: 'place', aliases: [{ text: 'Khmeimim' }, { text: 'Hmeimim' }] }]
  const tally = new NameTally()
  tally.add('a-1', extractNames('Planes left Hmeymim and Khmeimim. Later Jolani and Julani spoke; Jolani, Julani, SOCK and SACK, SOCK and SACK.'))
  tally.add('a-2', extractNames('Trucks reached Hmeymim, where Jolani waited.'))

  it('proposes an unknown spelling of a known entity, and a pair of unknown look-alikes, with evidence', () => {
    const s = proposeVariants(tally.candidates(), entities, [])
    expect(s.map((x) => [x.kind, x.label, x.score, x.reasons])).toEqual([
      ['alias', 'Hmeymim ~ Khmeimim Air Base', 1, ['y/i']],
      ['pair', 'Jolani ~ Julani', 0.83, ['vowels']],
    ])
    expect(s[0]).toMatchObject({ entityId: 'e-khmeimim', like: 'Hmeimim', name: { count: 2, articleIds: ['a-1', 'a-2'] } })
    expect(s[1]).toMatchObject({ kind: 'pair', name: { text: 'Jolani', count: 3 }, other: { text: 'Julani', count: 2 } })
  })

  it('ids are stable and order-free; a rejected suggestion is never proposed again', () => {
    expect(suggestionId('pair', 'jolani', 'julani')).toBe(suggestionId('pair', 'julani', 'jolani'))
    expect(suggestionId('pair', 'jolani', 'julani')).toMatch(/^s-[0-9a-f]{16}$/)
    const first = proposeVariants(tally.candidates(), entities, [])
    const again = proposeVariants([...tally.candidates()].reverse(), entities, [{ id: first[1]!.id, label: first[1]!.label }])
    expect(again.map((x) => x.id)).toEqual([first[0]!.id])
  })

  it('updateVariants after articles change equals proposeVariants from nothing, comparing only the changed names’ skeletons', () => {
    const articles = [
      ['a-1', 'Planes left Hmeymim and Khmeimim. Later Jolani and Julani spoke; Jolani, Julani, SOCK and SACK, SOCK and SACK.'],
      ['a-2', 'Trucks reached Hmeymim, where Jolani waited.'],
      ['a-3', 'Ships sailed from Tartous to Tartus, and from Tartus back to Tartous.'],
    ] as const
    const tallyOf = (ids: readonly string[]) => {
      const t = new NameTally()
      for (const [id, text] of articles) if (ids.includes(id)) t.add(id, extractNames(text))
      return t.candidates()
    }
    const keysOf = (id: string) => {
      const names = extractNames(articles.find((a) => a[0] === id)![1])
      return [...names.names.keys(), ...names.lower.keys()]
    }
    const before = proposeVariants(tallyOf(['a-1', 'a-2']), entities, [], { limit: Infinity })
    // a-3 added: Tartus ~ Tartous is new, the others are kept as they were.
    const added = updateVariants(before, tallyOf(['a-1', 'a-2', 'a-3']), keysOf('a-3'), entities, [])
    expect(added).toEqual(proposeVariants(tallyOf(['a-1', 'a-2', 'a-3']), entities, []))
    expect(added.map((x) => x.label)).toEqual(['Tartous ~ Tartus', 'Hmeymim ~ Khmeimim Air Base', 'Jolani ~ Julani'])
    // a-2 removed: Hmeymim's and Jolani's counts change with it.
    const removed = updateVariants(added, tallyOf(['a-1', 'a-3']), keysOf('a-2'), entities, [])
    expect(removed).toEqual(proposeVariants(tallyOf(['a-1', 'a-3']), entities, []))
    expect(removed.find((x) => x.label === 'Jolani ~ Julani')).toMatchObject({ name: { count: 2, articleIds: ['a-1'] } })
  })

  it('once accepted as an alias, a spelling is no longer proposed', () => {
    const accepted: Entity[] = [{ ...entities[0]!, aliases: [...entities[0]!.aliases, { text: 'Hmeymim' }] }]
    expect(proposeVariants(tally.candidates(), accepted, []).map((x) => x.label)).toEqual(['Jolani ~ Julani'])
  })
})

const manPages = '/tmp/dossier-real-text/man-txt'
describe.skipIf(!existsSync(manPages))('proposeVariants on real English text (skipped: /tmp/dossier-real-text/man-txt, Debian man pages as text, is absent)', () => {
  it('proposes few suggestions per 1,000 documents, with the starter gazetteer loaded', () => {
    // Every 4th page of each section: the whole set (2,566 pages) takes too long for a unit test.
    const files = readdirSync(manPages)
      .sort()
      .flatMap((d) => readdirSync(join(manPages, d)).sort().map((f) => join(manPages, d, f)))
      .filter((_, i) => i % 4 === 0)
    const tally = new NameTally()
    for (const f of files) tally.add(f, extractNames(readFileSync(f, 'utf8')))
    const pack = loadGazetteer(readFileSync(join(import.meta.dirname, '..', '..', '..', 'resources', 'gazetteer', 'syria-russia.json'), 'utf8'))
    expect(pack.ok).toBe(true)
    const suggestions = proposeVariants(tally.candidates(), pack.ok ? pack.value.entities : [], [], { limit: 10_000 })
    const perThousand = (suggestions.length * 1000) / files.length
    console.log(`${files.length} man pages, ${tally.candidates().length} candidate names, ${suggestions.length} suggestions (${perThousand.toFixed(1)} per 1,000 documents)`)
    expect(files.length).toBeGreaterThan(500)
    expect(perThousand).toBeLessThanOrEqual(10)
  })
})
