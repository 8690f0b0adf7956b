import { describe, expect, it } from 'vitest'
import type { Result } from '../result'
import { addAlias, createEntity, deleteEntity, editEntity, mergeEntities, rejectSuggestion, removeAlias, renameEntity, splitEntity } from './model'
import { emptyEntitiesFile, loadEntitiesJson, parseEntitiesFile, type EntitiesFile, type EntityId } from './schema'

const id = (s: string) => `e-${s}` as EntityId

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

function base(): EntitiesFile {
  let f = value(createEntity(emptyEntitiesFile(), { id: id('tartus'), name: 'Tartus', type: 'place', kind: 'port', aliases: ['Tartous', 'طرطوس'], coordinates: { lat: 34.889, lon: 35.887 } }))
  f = value(createEntity(f, { id: id('khmeimim'), name: 'Khmeimim Air Base', type: 'place', kind: 'base', aliases: ['Khmeimim', 'Hmeimim'] }))
  return f
}

/** Refused with one line, and the file left as it was. */
function expectRefused(before: EntitiesFile, r: Result<EntitiesFile>, message: RegExp): void {
  expect(r.ok).toBe(false)
  if (!r.ok) {
    expect(r.error.message).toMatch(message)
    expect(r.error.message).not.toContain('\n')
  }
  expect(before).toEqual(base())
}

describe('entity operations', () => {
  it('create records the cleaned name, detected scripts and coordinates', () => {
    const t = base().entities[0]!
    expect(t).toEqual({
      id: 'e-tartus',
      name: 'Tartus',
      type: 'place',
      kind: 'port',
      aliases: [
        { text: 'Tartous', script: 'Latn' },
        { text: 'طرطوس', script: 'Arab' },
      ],
      coordinates: { lat: 34.889, lon: 35.887 },
    })
  })

  it('refuses an alias that belongs to another entity after normalisation, changing nothing', () => {
    const f = base()
    expectRefused(f, addAlias(f, id('tartus'), 'HMEIMIM'), /“HMEIMIM” already belongs to Khmeimim Air Base \(as “Hmeimim”\)/)
    expectRefused(f, createEntity(f, { id: id('x'), name: 'al-Tartous', type: 'place' }), /already belongs to Tartus/)
  })

  it('refuses a spelling the entity already has', () => {
    const f = base()
    expectRefused(f, addAlias(f, id('tartus'), 'TARTOUS'), /already a spelling of this entity \(“Tartous”/)
  })

  it('refuses empty, blank-only, symbol-only and over-long names', () => {
    const f = base()
    expectRefused(f, createEntity(f, { id: id('x'), name: '', type: 'person' }), /^The name is empty\.$/)
    expectRefused(f, createEntity(f, { id: id('x'), name: ' \u200B\t', type: 'person' }), /^The name is empty\.$/)
    expectRefused(f, createEntity(f, { id: id('x'), name: '--', type: 'person' }), /has no letters or digits/)
    expectRefused(f, createEntity(f, { id: id('x'), name: 'x'.repeat(10_000), type: 'person' }), /10000 characters long; at most 200/)
    expectRefused(f, renameEntity(f, id('tartus'), 'y'.repeat(201)), /201 characters long/)
    expectRefused(f, addAlias(f, id('tartus'), ''), /^The alias is empty\.$/)
  })

  it('refuses invalid coordinates', () => {
    const f = base()
    expectRefused(f, editEntity(f, id('tartus'), { coordinates: { lat: 91, lon: 0 } }), /latitude must be within -90\.\.90/)
    expectRefused(f, editEntity(f, id('tartus'), { coordinates: { lat: 0, lon: -180.5 } }), /longitude within -180\.\.180/)
    expectRefused(f, editEntity(f, id('tartus'), { coordinates: { lat: Number.NaN, lon: 0 } }), /finite/)
    expectRefused(f, createEntity(f, { id: id('p'), name: 'Putin', type: 'person', coordinates: { lat: 1, lon: 1 } }), /Only places have a kind or coordinates/)
  })

  it('refuses an unknown entity with not-found', () => {
    const r = addAlias(base(), id('nowhere'), 'X')
    expect(!r.ok && r.error).toEqual({ code: 'not-found', message: 'No entity with id e-nowhere.' })
  })

  it('rename keeps the old name as an alias, and takes the new one out of the aliases', () => {
    const f = value(renameEntity(base(), id('tartus'), 'Tartous'))
    expect(f.entities[0]!.name).toBe('Tartous')
    expect(f.entities[0]!.aliases.map((a) => a.text)).toEqual(['Tartus', 'طرطوس'])
    const g = value(renameEntity(base(), id('tartus'), 'Tartus port', false))
    expect(g.entities[0]!.aliases.map((a) => a.text)).toEqual(['Tartous', 'طرطوس'])
  })

  it('edit changes and clears fields, never the input file', () => {
    const f = base()
    const g = value(editEntity(f, id('tartus'), { description: 'Port city', coordinates: null, kind: 'city' }))
    expect(g.entities[0]).toMatchObject({ description: 'Port city', kind: 'city' })
    expect(g.entities[0]!.coordinates).toBeUndefined()
    expect(f).toEqual(base())
  })

  it('removes an alias by its text or by a spelling with the same key; never the name', () => {
    const f = base()
    expect(value(removeAlias(f, id('tartus'), 'tartous')).entities[0]!.aliases.map((a) => a.text)).toEqual(['طرطوس'])
    expectRefused(f, removeAlias(f, id('tartus'), 'Tartus'), /is the name of Tartus, not an alias/)
    expectRefused(f, removeAlias(f, id('tartus'), 'Baniyas'), /Tartus has no alias “Baniyas”/)
  })

  it('merge moves the other name and aliases, then split undoes it', () => {
    let f = value(createEntity(base(), { id: id('hmeimim'), name: 'Hmeymim', type: 'place', aliases: ['Humaymim'], description: 'village' }))
    f = value(mergeEntities(f, id('khmeimim'), id('hmeimim')))
    expect(f.entities.map((e) => e.id)).toEqual(['e-tartus', 'e-khmeimim'])
    expect(f.entities[1]!.aliases.map((a) => a.text)).toEqual(['Khmeimim', 'Hmeimim', 'Hmeymim', 'Humaymim'])
    expect(f.entities[1]!.description).toBe('village')
    const split = value(splitEntity(f, id('khmeimim'), { newId: id('hmeimim'), name: 'Hmeymim', aliases: ['Hmeymim', 'Humaymim'] }))
    expect(split.entities[1]!.aliases.map((a) => a.text)).toEqual(['Khmeimim', 'Hmeimim'])
    expect(split.entities[2]).toMatchObject({ id: 'e-hmeimim', name: 'Hmeymim', type: 'place', kind: 'base', aliases: [{ text: 'Humaymim', script: 'Latn' }] })
    expectRefused(base(), mergeEntities(base(), id('tartus'), id('tartus')), /into itself/)
  })

  it('split names aliases as typed or by matching key, and may take a new name and type', () => {
    const f = base()
    const g = value(splitEntity(f, id('khmeimim'), { newId: id('hmeimim'), name: 'Hmeimim village', aliases: ['HMEIMIM'], type: 'place' }))
    expect(g.entities[1]!.aliases.map((a) => a.text)).toEqual(['Khmeimim'])
    expect(g.entities[2]).toMatchObject({ name: 'Hmeimim village', kind: 'base', aliases: [{ text: 'Hmeimim' }] })
    const person = value(splitEntity(f, id('tartus'), { newId: id('t'), name: 'Tartous', aliases: ['Tartous'], type: 'person' }))
    expect(person.entities[2]).toEqual({ id: 'e-t', name: 'Tartous', type: 'person', aliases: [] })
    expect(f).toEqual(base())
  })

  it('split refuses an unknown alias, the name, every spelling and a taken name, changing nothing', () => {
    const f = base()
    const split = (aliases: string[], name = 'New place') => splitEntity(f, id('khmeimim'), { newId: id('new'), name, aliases })
    expectRefused(f, split(['Hmeymim']), /^Khmeimim Air Base has no alias “Hmeymim” to move\.$/)
    expectRefused(f, split(['Khmeimim air base', 'Hmeimim']), /“Khmeimim air base” is the name of Khmeimim Air Base, which keeps it; rename the entity first/)
    expectRefused(f, split(['Khmeimim Air Base', 'Khmeimim', 'Hmeimim']), /moves every spelling of Khmeimim Air Base/)
    expectRefused(f, split([]), /Name the aliases of Khmeimim Air Base to move/)
    expectRefused(f, split(['Hmeimim'], 'Tartous'), /“Tartous” already belongs to Tartus/)
    expectRefused(f, split(['Hmeimim'], 'khmeimim'), /“khmeimim” already belongs to Khmeimim Air Base \(as “Khmeimim”\)/)
    expectRefused(f, split(['Hmeimim'], ' '), /The name is empty/)
    expectRefused(f, splitEntity(f, id('nope'), { newId: id('new'), name: 'X', aliases: ['Hmeimim'] }), /No entity with id e-nope/)
  })

  it('edit refuses a kind or coordinates on a non-place and a long description, changing nothing', () => {
    const f = base()
    expectRefused(f, editEntity(f, id('tartus'), { type: 'person' }), /Only places have a kind or coordinates; Tartus is a person\./)
    expect(value(editEntity(f, id('tartus'), { type: 'organisation', kind: null, coordinates: null })).entities[0]).toEqual({
      id: 'e-tartus',
      name: 'Tartus',
      type: 'organisation',
      aliases: f.entities[0]!.aliases,
    })
    expectRefused(f, editEntity(f, id('tartus'), { description: 'x'.repeat(100_000) }), /The description is longer than/)
  })

  it('delete removes the entity; reject records a suggestion once', () => {
    expect(value(deleteEntity(base(), id('tartus'))).entities.map((e) => e.id)).toEqual(['e-khmeimim'])
    const once = rejectSuggestion(base(), { id: 's-0123456789abcdef', label: 'Homs ~ Hama' })
    expect(rejectSuggestion(once, { id: 's-0123456789abcdef', label: 'again' }).rejected).toEqual([{ id: 's-0123456789abcdef', label: 'Homs ~ Hama' }])
  })
})

describe('reading an entities file', () => {
  it('round-trips what the operations write', () => {
    const f = base()
    expect(value(loadEntitiesJson(JSON.stringify(f)))).toEqual(f)
  })
  it('summarises a malformed file in one line', () => {
    const bad = { ...base(), entities: [{ ...base().entities[0]!, coordinates: { lat: 'north', lon: 400 } }] }
    const r = parseEntitiesFile(bad, 'gazetteer file')
    expect(!r.ok && r.error.code).toBe('broken-file')
    expect(!r.ok && r.error.message).toMatch(/^The gazetteer file is malformed: entities\.0\.coordinates\.lat: .+ \(and 1 more problem\)\.$/)
    expect(!r.ok && loadEntitiesJson('{"version": 1,').ok).toBe(false)
    const notJson = loadEntitiesJson('{"version": 1,')
    expect(!notJson.ok && notJson.error.message).toMatch(/^The entities file is not JSON: /)
  })
  it('refuses a file where two entities share a spelling', () => {
    const f = base()
    const clash = { ...f, entities: [f.entities[0]!, { ...f.entities[1]!, aliases: [{ text: 'TARTOUS' }] }] }
    const r = parseEntitiesFile(clash)
    expect(!r.ok && r.error.message).toBe('The entities file is malformed: “TARTOUS” of Khmeimim Air Base is the same spelling as “Tartous” of Tartus when matching.')
  })
})
