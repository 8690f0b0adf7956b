/**
 * The add/edit entity form as data: its fields, the checks made before anything is sent
 * (the core's own name and coordinate rules, so the messages are the ones main would
 * give, and a 10,000-character name is refused in words, not by the payload limit), the
 * request for a new entity, and the API calls an edit needs, in an order that works:
 * aliases removed, then the rename, then type/kind/description/coordinates, then aliases
 * added. The dialog runs them as one undoable change (useEntityActions.applyChange).
 */
import type { EntityEdit, NewEntityRequest } from '../../../core/api-entities'
import { checkName, coordinatesProblem, type Coordinates, type Entity, type EntityId, type EntityType, type PlaceKind } from '../../../core/entities'

export interface EntityForm {
  name: string
  /** Renaming keeps the old name as an alias. */
  keepOldName: boolean
  type: EntityType
  kind: PlaceKind | ''
  aliases: string[]
  description: string
  lat: string
  lon: string
}

export function formOf(entity?: Entity): EntityForm {
  return {
    name: entity?.name ?? '',
    keepOldName: true,
    type: entity?.type ?? 'place',
    kind: entity?.kind ?? '',
    aliases: entity?.aliases.map((a) => a.text) ?? [],
    description: entity?.description ?? '',
    lat: entity?.coordinates ? String(entity.coordinates.lat) : '',
    lon: entity?.coordinates ? String(entity.coordinates.lon) : '',
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string; field: FormField }
export type FormField = 'name' | 'aliases' | 'coordinates' | 'description'

function degrees(text: string, what: 'Latitude' | 'Longitude'): number | string {
  const trimmed = text.trim().replace(/^\u2212/, '-')
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return `${what} “${text.trim()}” is not a number of degrees (e.g. 34.89).`
  return Number(trimmed)
}

/** The coordinates typed: none (both empty), a position, or why not. */
export function parseCoordinates(lat: string, lon: string): Checked<Coordinates | null> {
  if (lat.trim() === '' && lon.trim() === '') return { ok: true, value: null }
  if (lat.trim() === '' || lon.trim() === '') return { ok: false, field: 'coordinates', message: 'Give both latitude and longitude, or neither.' }
  const a = degrees(lat, 'Latitude')
  if (typeof a === 'string') return { ok: false, field: 'coordinates', message: a }
  const b = degrees(lon, 'Longitude')
  if (typeof b === 'string') return { ok: false, field: 'coordinates', message: b }
  const problem = coordinatesProblem({ lat: a, lon: b })
  return problem ? { ok: false, field: 'coordinates', message: problem } : { ok: true, value: { lat: a, lon: b } }
}

/** What would be sent, or the first problem with the form (nothing is sent then). */
export function checkForm(form: EntityForm): Checked<{ name: string; coordinates: Coordinates | null }> {
  const name = checkName(form.name)
  if (!name.ok) return { ok: false, field: 'name', message: name.message }
  for (const alias of form.aliases) {
    const checked = checkName(alias, 'alias')
    if (!checked.ok) return { ok: false, field: 'aliases', message: checked.message }
  }
  if (form.description.length > 2000) return { ok: false, field: 'description', message: `The description is ${form.description.length} characters long; at most 2000 are allowed.` }
  const isPlace = form.type === 'place'
  const coordinates = isPlace ? parseCoordinates(form.lat, form.lon) : ({ ok: true, value: null } as const)
  if (!coordinates.ok) return coordinates
  return { ok: true, value: { name: name.value, coordinates: coordinates.value } }
}

/** The createEntity request of a checked form. */
export function newEntityRequest(form: EntityForm, coordinates: Coordinates | null): NewEntityRequest {
  const isPlace = form.type === 'place'
  return {
    name: form.name.trim(),
    type: form.type,
    ...(isPlace && form.kind !== '' ? { kind: form.kind } : {}),
    ...(form.aliases.length > 0 ? { aliases: form.aliases.map((a) => a.trim()) } : {}),
    ...(form.description.trim() !== '' ? { description: form.description.trim() } : {}),
    ...(isPlace && coordinates ? { coordinates } : {}),
  }
}

export type EditStep =
  | { method: 'removeEntityAlias'; args: { entityId: EntityId; alias: string } }
  | { method: 'renameEntity'; args: { entityId: EntityId; name: string; keepOldName: boolean } }
  | { method: 'editEntity'; args: { entityId: EntityId; edit: EntityEdit } }
  | { method: 'addEntityAlias'; args: { entityId: EntityId; alias: string } }

const sameCoordinates = (a: Coordinates | undefined, b: Coordinates | null) => (a === undefined ? b === null : b !== null && a.lat === b.lat && a.lon === b.lon)

/** The calls that turn `entity` into what a checked form says (none when nothing changed). */
export function editSteps(entity: Entity, form: EntityForm, coordinates: Coordinates | null): EditStep[] {
  const entityId = entity.id
  const steps: EditStep[] = []
  const wanted = form.aliases.map((a) => a.trim())
  for (const a of entity.aliases) if (!wanted.includes(a.text)) steps.push({ method: 'removeEntityAlias', args: { entityId, alias: a.text } })
  const name = form.name.trim()
  if (name !== entity.name) steps.push({ method: 'renameEntity', args: { entityId, name, keepOldName: form.keepOldName } })

  const edit: EntityEdit = {}
  const isPlace = form.type === 'place'
  if (form.type !== entity.type) edit.type = form.type
  const kind = isPlace && form.kind !== '' ? form.kind : undefined
  if (kind !== entity.kind) edit.kind = kind ?? null
  const description = form.description.trim()
  if (description !== (entity.description ?? '')) edit.description = description === '' ? null : description
  const position = isPlace ? coordinates : null
  if (!sameCoordinates(entity.coordinates, position)) edit.coordinates = position
  if (Object.keys(edit).length > 0) steps.push({ method: 'editEntity', args: { entityId, edit } })

  // After a rename that kept the old name, it is an alias already: adding it again would be refused.
  const had = new Set([...entity.aliases.map((a) => a.text), ...(name !== entity.name && form.keepOldName ? [entity.name] : [])])
  for (const alias of wanted) if (!had.has(alias) && alias !== name) steps.push({ method: 'addEntityAlias', args: { entityId, alias } })
  return steps
}
