/**
 * The entity part of the API contract (issue 13; notes/entities.md): names, places and
 * aliases, their suggestions and mentions. `DossierApi` extends `EntitiesApi`, and
 * `ENTITY_API_METHODS` / `entityApiArgSchemas` join the contract's method list and
 * argument validators (api.ts, api-schema.ts).
 *
 * Entities are named by id here (the renderer always has it). Every change returns the
 * entities file it replaced (`previous`): `restoreEntities({ file: previous })` undoes it,
 * and returns in turn the file it replaced, which redo restores.
 */
import { z } from 'zod'
import {
  AliasSchema,
  CoordinatesSchema,
  EntitiesFileSchema,
  EntityIdSchema,
  EntityTypeSchema,
  MAX_ALIASES,
  MAX_DESCRIPTION_CHARS,
  MAX_NAME_CHARS,
  PlaceKindSchema,
  type EntitiesFile,
  type Entity,
  type EntityId,
  type EntityType,
  type EntityPatch,
  type Mention,
  type NewEntity,
  type VariantSuggestion,
} from './entities'
import { ArticleIdSchema, type ArticleId, type HighlightId } from './ids'
import type { Canceled } from './api'
import type { Result } from './result'

/** An entity with how often the notebook mentions it. */
export type EntitySummary = Entity & { mentions: number; articles: number }

/** What a change did, and the file it replaced (undo: `restoreEntities({ file: previous })`). */
export interface EntitiesChange<T> {
  value: T
  previous: EntitiesFile
}

/** A new entity as the core makes it (model.ts `NewEntity`), its id chosen by main. */
export type NewEntityRequest = Omit<NewEntity, 'id'>

/** `null` clears a field; an absent field is left as it is (model.ts `EntityPatch`). */
export type EntityEdit = EntityPatch

/** What adding or removing a gazetteer pack did. */
export interface PackChange {
  changed: Entity[]
  skipped: { name: string; reason: string }[]
  /** Adding: aliases of the added entities left out because the notebook already has that spelling (0 on removal). */
  spellingsLeftOut: number
}

/** A gazetteer file the analyst chose and imported: what it added, and the file's name (not its path). */
export type GazetteerFileImport = EntitiesChange<PackChange> & { fileName: string }

/** One entity of an open article: its mentions there, in text order. */
export interface ArticleEntity {
  entityId: EntityId
  name: string
  type: EntityType
  mentions: Mention[]
}

export interface EntitiesApi {
  /** Every entity with its mention and article counts, in the file's order. */
  listEntities(): Promise<Result<EntitySummary[]>>
  createEntity(args: NewEntityRequest): Promise<Result<EntitiesChange<Entity>>>
  editEntity(args: { entityId: EntityId; edit: EntityEdit }): Promise<Result<EntitiesChange<Entity>>>
  /** `keepOldName`: the old name stays as an alias (default true). */
  renameEntity(args: { entityId: EntityId; name: string; keepOldName?: boolean }): Promise<Result<EntitiesChange<Entity>>>
  addEntityAlias(args: { entityId: EntityId; alias: string }): Promise<Result<EntitiesChange<Entity>>>
  removeEntityAlias(args: { entityId: EntityId; alias: string }): Promise<Result<EntitiesChange<Entity>>>
  /** `otherId`'s name and aliases become `keepId`'s aliases; `otherId` goes. */
  mergeEntities(args: { keepId: EntityId; otherId: EntityId }): Promise<Result<EntitiesChange<Entity>>>
  /** Moves `aliases` of the entity to a new entity named `name`; returns the new one. */
  splitEntity(args: { entityId: EntityId; name: string; aliases: string[] }): Promise<Result<EntitiesChange<Entity>>>
  deleteEntity(args: { entityId: EntityId }): Promise<Result<EntitiesChange<Entity>>>
  /** Undo and redo of any entity change: puts `file` back (validated like any save). */
  restoreEntities(args: { file: EntitiesFile }): Promise<Result<EntitiesChange<null>>>
  /** Suggested variants of the notebook as it is now, best evidence first (rejected ones left out). */
  listEntitySuggestions(): Promise<Result<VariantSuggestion[]>>
  /** An alias suggestion adds the alias; a pair makes a new entity, whose `type` must be given. */
  acceptEntitySuggestion(args: { suggestionId: string; type?: EntityType }): Promise<Result<EntitiesChange<Entity>>>
  /** Rejected for good: never proposed again (undo: restoreEntities). */
  rejectEntitySuggestion(args: { suggestionId: string }): Promise<Result<EntitiesChange<null>>>
  /** Adds the starter gazetteer shipped with the app (resources/gazetteer); entities already there are skipped. */
  addStarterGazetteer(): Promise<Result<EntitiesChange<PackChange>>>
  /**
   * Asks main for a gazetteer file (a native open dialog; the renderer never names a path),
   * and adds its entities as the CLI's `entities import-pack` does: spellings the notebook
   * already has are left out. A malformed file is refused with one line naming it; nothing changes.
   */
  importGazetteerFile(): Promise<Result<GazetteerFileImport | Canceled>>
  /** Removes the starter gazetteer's entities (by id; undo: restoreEntities). */
  removeStarterGazetteer(): Promise<Result<EntitiesChange<PackChange>>>
  /** The entities an article mentions, most mentioned first, each with its mentions' offsets. */
  getArticleEntities(args: { articleId: ArticleId }): Promise<Result<ArticleEntity[]>>
  /** The passages (highlights) whose text mentions the entity, under any spelling. */
  listEntityPassages(args: { entityId: EntityId }): Promise<Result<HighlightId[]>>
}

export const ENTITY_API_METHODS = [
  'listEntities',
  'createEntity',
  'editEntity',
  'renameEntity',
  'addEntityAlias',
  'removeEntityAlias',
  'mergeEntities',
  'splitEntity',
  'deleteEntity',
  'restoreEntities',
  'listEntitySuggestions',
  'acceptEntitySuggestion',
  'rejectEntitySuggestion',
  'addStarterGazetteer',
  'removeStarterGazetteer',
  'importGazetteerFile',
  'getArticleEntities',
  'listEntityPassages',
] as const satisfies readonly (keyof EntitiesApi)[]

type MissingEntityMethods = Exclude<keyof EntitiesApi, (typeof ENTITY_API_METHODS)[number]>
export const ENTITY_API_METHODS_COMPLETE: [MissingEntityMethods] extends [never] ? true : MissingEntityMethods = true

const NoArgs = z.undefined()
/** Names are checked by the core's rules (trimmed, not empty, at most MAX_NAME_CHARS); this bounds the payload. */
const Name = z.string().max(MAX_NAME_CHARS * 4)
const Description = z.string().max(MAX_DESCRIPTION_CHARS * 2)
const SuggestionId = z.string().regex(/^s-[0-9a-f]{16}$/, 'not a suggestion id')

export const entityApiArgSchemas = {
  listEntities: NoArgs,
  createEntity: z
    .object({
      name: Name,
      type: EntityTypeSchema,
      kind: PlaceKindSchema.optional(),
      aliases: z.array(z.union([Name, AliasSchema.strict()])).max(MAX_ALIASES).optional(),
      description: Description.optional(),
      coordinates: CoordinatesSchema.strict().optional(),
    })
    .strict(),
  editEntity: z
    .object({
      entityId: EntityIdSchema,
      edit: z
        .object({
          type: EntityTypeSchema.optional(),
          kind: PlaceKindSchema.nullable().optional(),
          description: Description.nullable().optional(),
          coordinates: CoordinatesSchema.strict().nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  renameEntity: z.object({ entityId: EntityIdSchema, name: Name, keepOldName: z.boolean().optional() }).strict(),
  addEntityAlias: z.object({ entityId: EntityIdSchema, alias: Name }).strict(),
  removeEntityAlias: z.object({ entityId: EntityIdSchema, alias: Name }).strict(),
  mergeEntities: z.object({ keepId: EntityIdSchema, otherId: EntityIdSchema }).strict(),
  splitEntity: z.object({ entityId: EntityIdSchema, name: Name, aliases: z.array(Name).min(1).max(MAX_ALIASES) }).strict(),
  deleteEntity: z.object({ entityId: EntityIdSchema }).strict(),
  restoreEntities: z.object({ file: EntitiesFileSchema }).strict(),
  listEntitySuggestions: NoArgs,
  acceptEntitySuggestion: z.object({ suggestionId: SuggestionId, type: EntityTypeSchema.optional() }).strict(),
  rejectEntitySuggestion: z.object({ suggestionId: SuggestionId }).strict(),
  addStarterGazetteer: NoArgs,
  removeStarterGazetteer: NoArgs,
  importGazetteerFile: NoArgs,
  getArticleEntities: z.object({ articleId: ArticleIdSchema }).strict(),
  listEntityPassages: z.object({ entityId: EntityIdSchema }).strict(),
} satisfies Record<keyof EntitiesApi, z.ZodType>
