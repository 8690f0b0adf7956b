/**
 * The notebook's entities (notes/entities.md): every operation the session offers on
 * `entities.json`, built on the pure core (src/core/entities). Each change runs the core
 * operation on the file as saved, inside the store's save queue, and returns the file it
 * replaced (`previous`): `restoreEntities(previous)` undoes it exactly. A refused change
 * (`bad-request`, `not-found`, `broken-file`) throws a DossierError and writes nothing.
 *
 * Entities are named by the user as they are written: an id (`e-…`), the name, or any
 * alias (matched by key, so case, accents and Arabic forms do not matter).
 */
import { readFile } from 'node:fs/promises'
import {
  addAlias,
  buildMatcher,
  createEntity,
  deleteEntity,
  editEntity,
  importPack,
  loadGazetteer,
  makeEntityId,
  mergeEntities,
  nameKey,
  removeAlias,
  renameEntity,
  splitEntity,
  type EntitiesFile,
  type Entity,
  type EntityId,
  type EntityMatcher,
  type EntityPatch,
  type EntityType,
  type NewEntity,
  type PackImport,
} from '../../core/entities'
import type { EntitiesChange, EntitySummary, PackChange } from '../../core/api-entities'
import { DossierError } from '../../core/result'
import type { Result } from '../../core/result'
import type { NotebookStore } from '../storage/notebook-store'
import { validateEntities } from '../storage/file-formats'
import type { MentionIndex } from './mention-index'

export interface EntityContext {
  store: NotebookStore
  randomHex: () => string
  /** The mention index, opened on first use. */
  mentions: () => MentionIndex
}

export type { EntitiesChange, EntitySummary, PackChange } from '../../core/api-entities'

function thrown<T>(result: Result<T>): T {
  if (!result.ok) throw new DossierError(result.error.code, result.error.message)
  return result.value
}

/** Applies a pure operation to the saved file; `pick` reads the result's value from the new file. */
async function change<T>(store: NotebookStore, op: (file: EntitiesFile) => Result<EntitiesFile>, pick: (file: EntitiesFile) => T): Promise<EntitiesChange<T>> {
  return store.updateEntities((draft) => {
    const previous: EntitiesFile = { ...draft }
    const next = thrown(op(previous))
    draft.entities = next.entities
    draft.rejected = next.rejected
    return { value: pick(next), previous }
  })
}

/** One matcher per saved entities file (the store replaces the object on each change), so no call keys every spelling again. */
const matchers = new WeakMap<EntitiesFile, EntityMatcher>()
export function matcherOf(file: EntitiesFile): EntityMatcher {
  let m = matchers.get(file)
  if (m === undefined) matchers.set(file, (m = buildMatcher(file.entities)))
  return m
}

/** The entity a user names: id, name or alias (by matching key). */
export function findEntity(file: EntitiesFile, name: string): Entity {
  const byId = file.entities.find((e) => e.id === name.trim())
  if (byId !== undefined) return byId
  const key = nameKey(name)
  const owner = key === '' ? undefined : matcherOf(file).entityOfKey(key)
  const found = owner === undefined ? undefined : file.entities.find((e) => e.id === owner)
  if (found === undefined) {
    const shown = name.trim().length > 80 ? `${name.trim().slice(0, 80)}…` : name.trim()
    throw new DossierError('not-found', `No entity is named “${shown}” (by name or alias); \`dossier entities\` lists them.`)
  }
  return found
}

const byId = (id: EntityId) => (file: EntitiesFile) => file.entities.find((e) => e.id === id) ?? null

export async function listEntities(ctx: EntityContext): Promise<EntitySummary[]> {
  const file = await ctx.store.entities()
  const index = ctx.mentions()
  await index.whenReady()
  const counts = index.counts()
  return file.entities.map((e) => ({ ...e, mentions: counts.get(e.id)?.mentions ?? 0, articles: counts.get(e.id)?.articles ?? 0 }))
}

export async function addEntity(ctx: EntityContext, input: Omit<NewEntity, 'id'>): Promise<EntitiesChange<Entity>> {
  const file = await ctx.store.entities()
  let id = makeEntityId(ctx.randomHex())
  while (file.entities.some((e) => e.id === id)) id = makeEntityId(ctx.randomHex())
  return change(ctx.store, (f) => createEntity(f, { ...input, id }), (f) => byId(id)(f)!)
}

export async function addEntityAlias(ctx: EntityContext, name: string, alias: string): Promise<EntitiesChange<Entity>> {
  const entity = findEntity(await ctx.store.entities(), name)
  return change(ctx.store, (f) => addAlias(f, entity.id, alias), (f) => byId(entity.id)(f)!)
}

export async function removeEntityAlias(ctx: EntityContext, name: string, alias: string): Promise<EntitiesChange<Entity>> {
  const entity = findEntity(await ctx.store.entities(), name)
  return change(ctx.store, (f) => removeAlias(f, entity.id, alias), (f) => byId(entity.id)(f)!)
}

export async function renameNamedEntity(ctx: EntityContext, name: string, newName: string, keepOldName = true): Promise<EntitiesChange<Entity>> {
  const entity = findEntity(await ctx.store.entities(), name)
  return change(ctx.store, (f) => renameEntity(f, entity.id, newName, keepOldName), (f) => byId(entity.id)(f)!)
}

export async function editNamedEntity(ctx: EntityContext, name: string, patch: EntityPatch): Promise<EntitiesChange<Entity>> {
  const entity = findEntity(await ctx.store.entities(), name)
  return change(ctx.store, (f) => editEntity(f, entity.id, patch), (f) => byId(entity.id)(f)!)
}

/** Merges `other` into `keep`: the other's name and aliases become the kept one's aliases. */
export async function mergeNamedEntities(ctx: EntityContext, keep: string, other: string): Promise<EntitiesChange<Entity>> {
  const file = await ctx.store.entities()
  const [a, b] = [findEntity(file, keep), findEntity(file, other)]
  return change(ctx.store, (f) => mergeEntities(f, a.id, b.id), (f) => byId(a.id)(f)!)
}

/** Moves aliases of an entity to a new entity named `newName` (undoing a wrong merge); `type` defaults to the entity's. */
export async function splitNamedEntity(ctx: EntityContext, name: string, newName: string, aliases: string[], type?: EntityType): Promise<EntitiesChange<Entity>> {
  const file = await ctx.store.entities()
  const entity = findEntity(file, name)
  let newId = makeEntityId(ctx.randomHex())
  while (file.entities.some((e) => e.id === newId)) newId = makeEntityId(ctx.randomHex())
  return change(ctx.store, (f) => splitEntity(f, entity.id, { newId, name: newName, aliases, ...(type !== undefined ? { type } : {}) }), (f) => byId(newId)(f)!)
}

export async function deleteNamedEntity(ctx: EntityContext, name: string): Promise<EntitiesChange<Entity>> {
  const entity = findEntity(await ctx.store.entities(), name)
  return change(ctx.store, (f) => deleteEntity(f, entity.id), () => entity)
}

/** Undo: puts back a file an operation returned as `previous` (validated like any save). */
export async function restoreEntities(ctx: EntityContext, previous: EntitiesFile): Promise<EntitiesChange<null>> {
  const checked = validateEntities(previous)
  if (!checked.ok) throw new DossierError('bad-request', `The entities to restore are malformed: ${checked.reason}; nothing was changed.`)
  return change(ctx.store, () => ({ ok: true, value: checked.value }), () => null)
}


/** Adds a gazetteer pack's entities (its JSON text); a malformed pack changes nothing. */
export async function importEntityPack(ctx: EntityContext, json: string, label?: string): Promise<EntitiesChange<PackChange>> {
  const pack = thrown(loadGazetteer(json, label))
  let report: PackChange = { changed: [], skipped: [], spellingsLeftOut: 0 }
  const done = await change(
    ctx.store,
    (f) => {
      const r: Result<PackImport> = importPack(f, pack)
      if (!r.ok) return r
      report = { changed: r.value.added, skipped: r.value.skipped, spellingsLeftOut: r.value.spellingsLeftOut }
      return { ok: true, value: r.value.file }
    },
    () => null,
  )
  return { value: report, previous: done.previous }
}

/** Removes the entities a pack added (by id: the analyst's aliases on them go too; undo puts them back). */
export async function removeEntityPack(ctx: EntityContext, json: string): Promise<EntitiesChange<PackChange>> {
  const pack = thrown(loadGazetteer(json))
  const ids = new Set<string>(pack.entities.map((e) => e.id))
  let report: PackChange = { changed: [], skipped: [], spellingsLeftOut: 0 }
  const done = await change(
    ctx.store,
    (f) => {
      report = { changed: f.entities.filter((e) => ids.has(e.id)), skipped: [], spellingsLeftOut: 0 }
      return { ok: true, value: { ...f, entities: f.entities.filter((e) => !ids.has(e.id)) } }
    },
    () => null,
  )
  return { value: report, previous: done.previous }
}

/** Reads a pack file from disk (one clear line when it cannot be read). */
export async function readPackFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new DossierError(code === 'ENOENT' ? 'not-found' : 'unreadable', code === 'ENOENT' ? `There is no file ${path}.` : `Cannot read ${path} (${(error as Error).message}).`)
  }
}
