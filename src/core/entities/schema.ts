/**
 * The entity model (notes/entities.md): named places, units, ships, people and
 * organisations with their spellings, and the file that holds them (a notebook's
 * entities, or a gazetteer pack such as resources/gazetteer/syria-russia.json: one format).
 * Types are inferred from the zod schemas; `parseEntitiesFile` validates a whole file,
 * structure and rules, and reports the first problem in one line.
 */
import { z } from 'zod'
import { err, ok, type Result } from '../result'
import { nameKey } from './normalise'

/** The format version this build writes. */
export const ENTITIES_FORMAT_VERSION = 1
/** Longest name or alias, in UTF-16 units. */
export const MAX_NAME_CHARS = 200
export const MAX_DESCRIPTION_CHARS = 2000
export const MAX_ALIASES = 200

export const EntityIdSchema = z.string().regex(/^e-[0-9a-z-]{1,40}$/, 'not an entity id').brand<'EntityId'>()
export type EntityId = z.infer<typeof EntityIdSchema>

/** An id from random hex supplied by the caller (the core has no RNG; see src/core/ids.ts). */
export function makeEntityId(randomHex: string): EntityId {
  return `e-${randomHex.slice(0, 10).toLowerCase()}` as EntityId
}

export const ENTITY_TYPES = ['place', 'unit', 'ship', 'person', 'organisation'] as const
export const EntityTypeSchema = z.enum(ENTITY_TYPES)
export type EntityType = z.infer<typeof EntityTypeSchema>

/** What kind of place (places only). */
export const PLACE_KINDS = ['base', 'port', 'city', 'region'] as const
export const PlaceKindSchema = z.enum(PLACE_KINDS)
export type PlaceKind = z.infer<typeof PlaceKindSchema>

const NameText = z.string().trim().min(1, 'empty').max(MAX_NAME_CHARS, `longer than ${MAX_NAME_CHARS} characters`)

/** WGS84 degrees. */
export const CoordinatesSchema = z.object({
  lat: z.number().finite().min(-90).max(90),
  lon: z.number().finite().min(-180).max(180),
})
export type Coordinates = z.infer<typeof CoordinatesSchema>

export const AliasSchema = z.object({
  text: NameText,
  /** ISO 15924 script code ('Latn', 'Arab', 'Cyrl'…). */
  script: z.string().regex(/^[A-Z][a-z]{3}$/, 'not an ISO 15924 script code').optional(),
  /** Where the spelling comes from or when it is used ("transliteration used by Reuters"). */
  note: z.string().max(500).optional(),
})
export type Alias = z.infer<typeof AliasSchema>

export const EntitySchema = z
  .object({
    id: EntityIdSchema,
    /** The canonical name; it matches like an alias. */
    name: NameText,
    type: EntityTypeSchema,
    kind: PlaceKindSchema.optional(),
    /** Other spellings, transliterations and forms in other scripts (not the name itself). */
    aliases: z.array(AliasSchema).max(MAX_ALIASES),
    description: z.string().max(MAX_DESCRIPTION_CHARS).optional(),
    coordinates: CoordinatesSchema.optional(),
  })
  .refine((e) => e.type === 'place' || (e.kind === undefined && e.coordinates === undefined), {
    message: 'only places have a kind or coordinates',
  })
export type Entity = z.infer<typeof EntitySchema>

/** A suggestion the analyst rejected: never proposed again (src/core/entities/variants.ts). */
export const RejectedSuggestionSchema = z.object({
  id: z.string().regex(/^s-[0-9a-f]{16}$/, 'not a suggestion id'),
  /** What it proposed, for people reading the file ("Hmeimim ~ Khmeimim Air Base"). */
  label: z.string().max(500),
})
export type RejectedSuggestion = z.infer<typeof RejectedSuggestionSchema>

export const EntitiesFileSchema = z.object({
  version: z.literal(ENTITIES_FORMAT_VERSION),
  /** A pack's title and sources (gazetteer files); absent in a notebook's own file. */
  about: z.object({ title: z.string().max(200), sources: z.array(z.string().max(1000)).max(100) }).optional(),
  entities: z.array(EntitySchema),
  rejected: z.array(RejectedSuggestionSchema),
})
export type EntitiesFile = z.infer<typeof EntitiesFileSchema>

export function emptyEntitiesFile(): EntitiesFile {
  return { version: ENTITIES_FORMAT_VERSION, entities: [], rejected: [] }
}

/** Every spelling of an entity that matches: its name first, then its aliases. */
export function spellingsOf(entity: Entity): string[] {
  return [entity.name, ...entity.aliases.map((a) => a.text)]
}

/**
 * The rules a schema cannot state: unique ids, and each matching key (name or alias,
 * after `nameKey`) used once in the whole file, so a word names at most one entity.
 * Returns the first problem as one line, or null.
 */
export function entitiesProblem(entities: readonly Entity[]): string | null {
  const ids = new Set<string>()
  const owners = new Map<string, { entity: Entity; text: string }>()
  for (const e of entities) {
    if (ids.has(e.id)) return `entity id ${e.id} is used twice`
    ids.add(e.id)
    for (const text of spellingsOf(e)) {
      const key = nameKey(text)
      if (key === '') return `“${text}” (${e.name}) has no letters or digits`
      const owner = owners.get(key)
      if (owner !== undefined) {
        return owner.entity === e
          ? `“${text}” is the same spelling as “${owner.text}” when matching (${e.name})`
          : `“${text}” of ${e.name} is the same spelling as “${owner.text}” of ${owner.entity.name} when matching`
      }
      owners.set(key, { entity: e, text })
    }
  }
  return null
}

/** One line for a zod failure: the first issue with its path, and how many more there are. */
export function summariseZodError(error: z.ZodError): string {
  const [first] = error.issues
  if (first === undefined) return 'does not match the format'
  const path = first.path.length > 0 ? first.path.join('.') : 'file'
  const more = error.issues.length - 1
  return `${path}: ${first.message}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`
}

/**
 * Validates an entities file or gazetteer pack (already parsed from JSON): its structure
 * and the rules of `entitiesProblem`. Refused with `broken-file` and one line.
 */
export function parseEntitiesFile(data: unknown, label = 'entities file'): Result<EntitiesFile> {
  const parsed = EntitiesFileSchema.safeParse(data)
  if (!parsed.success) return err('broken-file', `The ${label} is malformed: ${summariseZodError(parsed.error)}.`)
  const problem = entitiesProblem(parsed.data.entities)
  if (problem !== null) return err('broken-file', `The ${label} is malformed: ${problem}.`)
  return ok(parsed.data)
}

/** `parseEntitiesFile` on JSON text (a file's content), refusing text that is not JSON. */
export function loadEntitiesJson(json: string, label = 'entities file'): Result<EntitiesFile> {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : 'unreadable'
    return err('broken-file', `The ${label} is not JSON: ${reason}.`)
  }
  return parseEntitiesFile(data, label)
}
