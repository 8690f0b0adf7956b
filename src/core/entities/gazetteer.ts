/**
 * Gazetteer packs: entities files shipped with the app (resources/gazetteer/*.json) or
 * imported by the analyst, in the format of a notebook's own entities file (schema.ts).
 * The core validates and merges; reading the file is the caller's (main) job.
 */
import { ok, type Result } from '../result'
import { nameKey } from './normalise'
import { loadEntitiesJson, spellingsOf, type EntitiesFile, type Entity } from './schema'

/** A pack from its JSON text (`label` names it in the error, e.g. the file's name): refused with `broken-file` and one line when malformed. */
export function loadGazetteer(json: string, label = 'gazetteer file'): Result<EntitiesFile> {
  return loadEntitiesJson(json, label)
}

export interface PackImport {
  file: EntitiesFile
  added: Entity[]
  /** Entities of the pack left out, each with why (one line). */
  skipped: { name: string; reason: string }[]
  /** Aliases of the added entities left out because the notebook (or the pack, earlier) already has that spelling. */
  spellingsLeftOut: number
}

/**
 * Adds a pack's entities to a notebook's file. An entity whose id the notebook already
 * uses is skipped; a spelling that already names another entity is dropped from the
 * added entity (its name too: then the entity is skipped), so importing twice adds
 * nothing and nothing the analyst made is changed.
 */
export function importPack(file: EntitiesFile, pack: EntitiesFile): Result<PackImport> {
  const ids = new Set<string>(file.entities.map((e) => e.id))
  const owners = new Map<string, string>()
  for (const e of file.entities) for (const text of spellingsOf(e)) owners.set(nameKey(text), e.name)
  const added: Entity[] = []
  const skipped: PackImport['skipped'] = []
  let spellingsLeftOut = 0
  for (const e of pack.entities) {
    if (ids.has(e.id)) {
      skipped.push({ name: e.name, reason: `the notebook already has an entity with id ${e.id}` })
      continue
    }
    const owner = owners.get(nameKey(e.name))
    if (owner !== undefined) {
      skipped.push({ name: e.name, reason: `its name already belongs to ${owner}` })
      continue
    }
    const aliases = e.aliases.filter((a) => !owners.has(nameKey(a.text)))
    spellingsLeftOut += e.aliases.length - aliases.length
    const entity: Entity = { ...e, aliases }
    for (const text of spellingsOf(entity)) owners.set(nameKey(text), entity.name)
    ids.add(e.id)
    added.push(entity)
  }
  return ok({ file: { ...file, entities: [...file.entities, ...added] }, added, skipped, spellingsLeftOut })
}
