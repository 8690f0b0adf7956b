/**
 * Pure operations on an entities file. Each takes the file and returns a NEW file (the
 * input is never changed), or an error Result with one line and nothing changed. Undo is
 * keeping the previous file: storage saves the result, the renderer's undo stack restores
 * the one before (notes/entities.md).
 *
 * Names and alias texts are cleaned like metadata (`cleanMetaText`: control and invisible
 * characters removed, white space collapsed), then must be 1–200 characters with a letter
 * or digit, and their matching key (`nameKey`) must not already belong to another entity:
 * a word names at most one entity. Errors: `bad-request` for bad input, `not-found` for
 * an unknown entity id.
 */
import { err, ok, type Result } from '../result'
import { cleanMetaText } from '../text-hygiene'
import { detectScript, nameKey } from './normalise'
import {
  CoordinatesSchema,
  MAX_ALIASES,
  MAX_DESCRIPTION_CHARS,
  MAX_NAME_CHARS,
  EntityIdSchema,
  type Alias,
  type Coordinates,
  type EntitiesFile,
  type Entity,
  type EntityId,
  type EntityType,
  type PlaceKind,
  type RejectedSuggestion,
  spellingsOf,
} from './schema'

export interface NewEntity {
  id: EntityId
  name: string
  type: EntityType
  kind?: PlaceKind
  aliases?: (string | Alias)[]
  description?: string
  coordinates?: Coordinates
}

/** Fields `editEntity` changes; `null` clears an optional one. */
export interface EntityPatch {
  type?: EntityType
  kind?: PlaceKind | null
  description?: string | null
  coordinates?: Coordinates | null
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string }

/** A cleaned name or alias text, or why it is refused. */
export function checkName(raw: string, what = 'name'): Checked<string> {
  const text = cleanMetaText(raw).value
  if (text === '') return { ok: false, message: `The ${what} is empty.` }
  if (text.length > MAX_NAME_CHARS) return { ok: false, message: `The ${what} is ${text.length} characters long; at most ${MAX_NAME_CHARS} are allowed.` }
  if (nameKey(text) === '') return { ok: false, message: `The ${what} “${text}” has no letters or digits.` }
  return { ok: true, value: text }
}

/** Why `c` is not a WGS84 position, or null. */
export function coordinatesProblem(c: Coordinates): string | null {
  if (!Number.isFinite(c.lat) || !Number.isFinite(c.lon)) return 'Coordinates must be finite numbers.'
  if (!CoordinatesSchema.safeParse(c).success) return `Invalid coordinates ${c.lat}, ${c.lon}: latitude must be within -90..90 and longitude within -180..180.`
  return null
}

function find(file: EntitiesFile, id: EntityId): Entity | undefined {
  return file.entities.find((e) => e.id === id)
}

function notFound<T>(id: string): Result<T> {
  return err('not-found', `No entity with id ${id}.`)
}

/** The entity (other than `except`) a spelling's key belongs to, with the spelling that holds it. */
function keyOwner(file: EntitiesFile, key: string, except: readonly EntityId[]): { entity: Entity; text: string } | null {
  for (const e of file.entities) {
    if (except.includes(e.id)) continue
    for (const text of spellingsOf(e)) if (nameKey(text) === key) return { entity: e, text }
  }
  return null
}

/** Refuses a spelling that another entity already has, or that `own` already has. */
function takenProblem(file: EntitiesFile, text: string, self: EntityId, own: readonly string[]): string | null {
  const key = nameKey(text)
  const owner = keyOwner(file, key, [self])
  if (owner !== null) return `“${text}” already belongs to ${owner.entity.name} (as “${owner.text}”).`
  const same = own.find((t) => nameKey(t) === key)
  if (same !== undefined) return `“${text}” is already a spelling of this entity (“${same}”, the same when matching).`
  return null
}

function replace(file: EntitiesFile, entity: Entity): EntitiesFile {
  return { ...file, entities: file.entities.map((e) => (e.id === entity.id ? entity : e)) }
}

function toAlias(a: string | Alias): Alias {
  return typeof a === 'string' ? { text: a } : a
}

/** A checked alias (text cleaned, script detected when not given), or why it is refused. */
function checkAlias(file: EntitiesFile, self: EntityId, own: readonly string[], a: Alias): Checked<Alias> {
  const name = checkName(a.text, 'alias')
  if (!name.ok) return name
  const taken = takenProblem(file, name.value, self, own)
  if (taken !== null) return { ok: false, message: taken }
  if (a.note !== undefined && a.note.length > 500) return { ok: false, message: 'The alias note is longer than 500 characters.' }
  const script = a.script ?? detectScript(name.value)
  return { ok: true, value: { text: name.value, ...(script !== undefined ? { script } : {}), ...(a.note !== undefined ? { note: a.note } : {}) } }
}

function applyPatch(entity: Entity, patch: EntityPatch): Result<Entity> {
  const next: Entity = { ...entity }
  if (patch.type !== undefined) next.type = patch.type
  if (patch.kind === null) delete next.kind
  else if (patch.kind !== undefined) next.kind = patch.kind
  if (patch.description === null || patch.description?.trim() === '') delete next.description
  else if (patch.description !== undefined) {
    if (patch.description.length > MAX_DESCRIPTION_CHARS) return err('bad-request', `The description is longer than ${MAX_DESCRIPTION_CHARS} characters.`)
    next.description = patch.description.trim()
  }
  if (patch.coordinates === null) delete next.coordinates
  else if (patch.coordinates !== undefined) {
    const problem = coordinatesProblem(patch.coordinates)
    if (problem !== null) return err('bad-request', problem)
    next.coordinates = { lat: patch.coordinates.lat, lon: patch.coordinates.lon }
  }
  if (next.type !== 'place' && (next.kind !== undefined || next.coordinates !== undefined)) {
    return err('bad-request', `Only places have a kind or coordinates; ${next.name} is a ${next.type}.`)
  }
  return ok(next)
}

/** Adds a new entity. */
export function createEntity(file: EntitiesFile, input: NewEntity): Result<EntitiesFile> {
  if (!EntityIdSchema.safeParse(input.id).success) return err('bad-request', `“${input.id}” is not an entity id.`)
  if (find(file, input.id) !== undefined) return err('bad-request', `An entity with id ${input.id} already exists.`)
  const name = checkName(input.name)
  if (!name.ok) return err('bad-request', name.message)
  const taken = takenProblem(file, name.value, input.id, [])
  if (taken !== null) return err('bad-request', taken)
  const base: Entity = { id: input.id, name: name.value, type: input.type, aliases: [] }
  const patched = applyPatch(base, { kind: input.kind, description: input.description, coordinates: input.coordinates })
  if (!patched.ok) return patched
  let entity = patched.value
  const withEntity = (e: Entity): EntitiesFile => ({ ...file, entities: [...file.entities, e] })
  for (const a of input.aliases ?? []) {
    const alias = checkAlias(withEntity(entity), entity.id, spellingsOf(entity), toAlias(a))
    if (!alias.ok) return err('bad-request', alias.message)
    entity = { ...entity, aliases: [...entity.aliases, alias.value] }
  }
  return ok(withEntity(entity))
}

/** Renames an entity; the old name stays as an alias unless `keepOldName` is false. */
export function renameEntity(file: EntitiesFile, id: EntityId, newName: string, keepOldName = true): Result<EntitiesFile> {
  const entity = find(file, id)
  if (entity === undefined) return notFound(id)
  const name = checkName(newName)
  if (!name.ok) return err('bad-request', name.message)
  const key = nameKey(name.value)
  const owner = keyOwner(file, key, [id])
  if (owner !== null) return err('bad-request', `“${name.value}” already belongs to ${owner.entity.name} (as “${owner.text}”).`)
  // The new name may be one of the entity's aliases: it leaves the alias list.
  const aliases = entity.aliases.filter((a) => nameKey(a.text) !== key)
  if (keepOldName && nameKey(entity.name) !== key) aliases.unshift({ text: entity.name, ...(detectScript(entity.name) ? { script: detectScript(entity.name) } : {}) })
  if (aliases.length > MAX_ALIASES) return err('bad-request', `${entity.name} already has ${MAX_ALIASES} aliases.`)
  return ok(replace(file, { ...entity, name: name.value, aliases }))
}

/** Changes type, kind, description or coordinates. */
export function editEntity(file: EntitiesFile, id: EntityId, patch: EntityPatch): Result<EntitiesFile> {
  const entity = find(file, id)
  if (entity === undefined) return notFound(id)
  const next = applyPatch(entity, patch)
  return next.ok ? ok(replace(file, next.value)) : next
}

/** Adds a spelling to an entity. */
export function addAlias(file: EntitiesFile, id: EntityId, alias: string | Alias): Result<EntitiesFile> {
  const entity = find(file, id)
  if (entity === undefined) return notFound(id)
  if (entity.aliases.length >= MAX_ALIASES) return err('bad-request', `${entity.name} already has ${MAX_ALIASES} aliases.`)
  const checked = checkAlias(file, id, spellingsOf(entity), toAlias(alias))
  if (!checked.ok) return err('bad-request', checked.message)
  return ok(replace(file, { ...entity, aliases: [...entity.aliases, checked.value] }))
}

/** Removes an alias, named by its exact text or, failing that, by a spelling with the same key. */
export function removeAlias(file: EntitiesFile, id: EntityId, text: string): Result<EntitiesFile> {
  const entity = find(file, id)
  if (entity === undefined) return notFound(id)
  let index = entity.aliases.findIndex((a) => a.text === text)
  if (index < 0) {
    const key = nameKey(text)
    index = entity.aliases.findIndex((a) => nameKey(a.text) === key)
  }
  if (index < 0) {
    if (nameKey(text) === nameKey(entity.name)) return err('bad-request', `“${text}” is the name of ${entity.name}, not an alias; rename the entity instead.`)
    return err('not-found', `${entity.name} has no alias “${cleanMetaText(text).value}”.`)
  }
  return ok(replace(file, { ...entity, aliases: entity.aliases.filter((_, i) => i !== index) }))
}

/**
 * Merges `otherId` into `keepId`: the other's name and aliases become aliases of the kept
 * entity, its description and coordinates fill the kept one's gaps, and it is removed.
 */
export function mergeEntities(file: EntitiesFile, keepId: EntityId, otherId: EntityId): Result<EntitiesFile> {
  const keep = find(file, keepId)
  const other = find(file, otherId)
  if (keep === undefined) return notFound(keepId)
  if (other === undefined) return notFound(otherId)
  if (keepId === otherId) return err('bad-request', `Cannot merge ${keep.name} into itself.`)
  const moved: Alias[] = [{ text: other.name, ...(detectScript(other.name) ? { script: detectScript(other.name) } : {}) }, ...other.aliases]
  const aliases = [...keep.aliases, ...moved]
  if (aliases.length > MAX_ALIASES) return err('bad-request', `${keep.name} would have ${aliases.length} aliases; at most ${MAX_ALIASES} are allowed.`)
  const merged: Entity = {
    ...keep,
    aliases,
    ...(keep.description === undefined && other.description !== undefined ? { description: other.description } : {}),
    ...(keep.type === 'place' && keep.coordinates === undefined && other.coordinates !== undefined ? { coordinates: other.coordinates } : {}),
  }
  return ok({ ...file, entities: file.entities.filter((e) => e.id !== otherId).map((e) => (e.id === keepId ? merged : e)) })
}

export interface SplitRequest {
  /** Id of the new entity. */
  newId: EntityId
  /** Its name: one of the moved aliases, or a new spelling. */
  name: string
  /** The aliases that move to the new entity: each by its text or a spelling with the same matching key. */
  aliases: string[]
  type?: EntityType
}

/**
 * Moves some aliases of an entity to a new entity (undoing a wrong merge). The entity
 * keeps its name, so its name cannot move (rename it first: the old name becomes an
 * alias), and at least one spelling must stay with it. The new entity keeps the type
 * (and a place's kind) unless `type` says otherwise; its name must not belong to another
 * entity (one of the moved aliases is fine: it becomes the name).
 */
export function splitEntity(file: EntitiesFile, id: EntityId, request: SplitRequest): Result<EntitiesFile> {
  const entity = find(file, id)
  if (entity === undefined) return notFound(id)
  if (request.aliases.length === 0) return err('bad-request', `Name the aliases of ${entity.name} to move to the new entity.`)
  const moving = new Set<Alias>()
  let namesEntity: string | null = null
  for (const text of request.aliases) {
    const key = nameKey(text)
    const alias = entity.aliases.find((a) => a.text === text) ?? (key === '' ? undefined : entity.aliases.find((a) => nameKey(a.text) === key))
    if (alias !== undefined) moving.add(alias)
    else if (key !== '' && key === nameKey(entity.name)) namesEntity = text
    else return err('bad-request', `${entity.name} has no alias “${cleanMetaText(text).value}” to move.`)
  }
  if (namesEntity !== null) {
    if (moving.size === entity.aliases.length) {
      return err('bad-request', `That moves every spelling of ${entity.name} (its name and all its aliases): nothing would be left; rename the entity instead.`)
    }
    return err('bad-request', `“${cleanMetaText(namesEntity).value}” is the name of ${entity.name}, which keeps it; rename the entity first to move it (the old name becomes an alias).`)
  }
  const staying = entity.aliases.filter((a) => !moving.has(a))
  const movingAliases = entity.aliases.filter((a) => moving.has(a))
  const without = replace(file, { ...entity, aliases: staying })
  const name = checkName(request.name)
  if (!name.ok) return err('bad-request', name.message)
  const nameAlias = movingAliases.find((a) => nameKey(a.text) === nameKey(name.value))
  const type = request.type ?? entity.type
  return createEntity(without, {
    id: request.newId,
    name: name.value,
    type,
    ...(entity.type === 'place' && type === 'place' && entity.kind !== undefined ? { kind: entity.kind } : {}),
    aliases: movingAliases.filter((a) => a !== nameAlias),
  })
}

/** Deletes an entity. */
export function deleteEntity(file: EntitiesFile, id: EntityId): Result<EntitiesFile> {
  if (find(file, id) === undefined) return notFound(id)
  return ok({ ...file, entities: file.entities.filter((e) => e.id !== id) })
}

/** Records a rejected suggestion (idempotent): `proposeVariants` never proposes it again. */
export function rejectSuggestion(file: EntitiesFile, suggestion: RejectedSuggestion): EntitiesFile {
  if (file.rejected.some((r) => r.id === suggestion.id)) return file
  return { ...file, rejected: [...file.rejected, { id: suggestion.id, label: suggestion.label.slice(0, 500) }] }
}
