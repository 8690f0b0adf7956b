/**
 * The entity form: what is refused before anything is sent (a name too long or empty,
 * coordinates that are not numbers, out of range or half given), the new entity's
 * request, and the calls an edit makes, in an order main accepts.
 */
import { describe, expect, it } from 'vitest'
import type { Entity, EntityId } from '../../../core/entities'
import { checkForm, editSteps, formOf, newEntityRequest, parseCoordinates } from './entity-form'

const TARTUS: Entity = {
  id: 'e-tartus' as EntityId,
  name: 'Tartus',
  type: 'place',
  kind: 'port',
  aliases: [{ text: 'Tartous' }, { text: 'Tartouss' }],
  coordinates: { lat: 34.889, lon: 35.887 },
}

describe('the entity form', () => {
  it('refuses an empty, a 10,000-character and a letterless name in words', () => {
    expect(checkForm({ ...formOf(), name: '   ' })).toMatchObject({ ok: false, field: 'name', message: 'The name is empty.' })
    expect(checkForm({ ...formOf(), name: 'x'.repeat(10_000) })).toMatchObject({ ok: false, field: 'name', message: 'The name is 10000 characters long; at most 200 are allowed.' })
    expect(checkForm({ ...formOf(), name: '—' })).toMatchObject({ ok: false, field: 'name' })
    expect(checkForm({ ...formOf(), name: 'Tartus', aliases: [''] })).toMatchObject({ ok: false, field: 'aliases', message: 'The alias is empty.' })
  })

  it('reads coordinates, or says which part is wrong', () => {
    expect(parseCoordinates('', '')).toEqual({ ok: true, value: null })
    expect(parseCoordinates(' 34.89 ', '−35.5')).toEqual({ ok: true, value: { lat: 34.89, lon: -35.5 } })
    expect(parseCoordinates('34.89', '')).toMatchObject({ ok: false, message: 'Give both latitude and longitude, or neither.' })
    expect(parseCoordinates('north', '35')).toMatchObject({ ok: false, message: 'Latitude “north” is not a number of degrees (e.g. 34.89).' })
    expect(parseCoordinates('91', '35')).toMatchObject({ ok: false, field: 'coordinates', message: expect.stringMatching(/latitude must be within -90\.\.90/) })
    // A person has no coordinates: what was typed in the hidden fields does not count.
    expect(checkForm({ ...formOf(), name: 'Ahmed al-Sharaa', type: 'person', lat: 'x' })).toMatchObject({ ok: true })
  })

  it('builds a new entity request with only what was given', () => {
    const form = { ...formOf(), name: ' Jableh ', kind: 'city' as const, aliases: ['Jabla', 'جبلة'], lat: '35.36', lon: '35.92' }
    const checked = checkForm(form)
    if (!checked.ok) throw new Error(checked.message)
    expect(newEntityRequest(form, checked.value.coordinates)).toEqual({ name: 'Jableh', type: 'place', kind: 'city', aliases: ['Jabla', 'جبلة'], coordinates: { lat: 35.36, lon: 35.92 } })
    expect(newEntityRequest({ ...formOf(), name: 'HTS', type: 'organisation', kind: 'city' }, null)).toEqual({ name: 'HTS', type: 'organisation' })
  })

  it('makes no call for an unchanged form', () => {
    expect(editSteps(TARTUS, formOf(TARTUS), TARTUS.coordinates!)).toEqual([])
  })

  it('removes aliases first, then renames, edits and adds; the kept old name is not added again', () => {
    const form = { ...formOf(TARTUS), name: 'Port of Tartus', aliases: ['Tartous', 'Tartus', 'طرطوس'], description: 'The port city' }
    expect(editSteps(TARTUS, form, TARTUS.coordinates!).map((s) => [s.method, s.args])).toEqual([
      ['removeEntityAlias', { entityId: 'e-tartus', alias: 'Tartouss' }],
      ['renameEntity', { entityId: 'e-tartus', name: 'Port of Tartus', keepOldName: true }],
      ['editEntity', { entityId: 'e-tartus', edit: { description: 'The port city' } }],
      ['addEntityAlias', { entityId: 'e-tartus', alias: 'طرطوس' }],
    ])
  })

  it('clears the kind and coordinates when a place becomes another type', () => {
    const form = { ...formOf(TARTUS), type: 'organisation' as const }
    expect(editSteps(TARTUS, form, null)).toEqual([{ method: 'editEntity', args: { entityId: 'e-tartus', edit: { type: 'organisation', kind: null, coordinates: null } } }])
  })
})
