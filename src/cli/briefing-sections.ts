/**
 * Entity sections on the command line (decision 49): `--entity NAME` on `briefing create`
 * and `edit`, `--remove-entity`, `--entity-index/--no-entity-index`, and `dossier briefing
 * section add|remove ID (--tag NAME | --entity NAME)…`, the same core operations the
 * composer applies. Entities are named as everywhere in the CLI: by id, name or alias.
 *
 * --json output: briefing section add|remove -> BriefingDocument (as `briefing show`).
 */
import type { Command } from 'commander'
import { addSection, removeSection, type BriefingDocument, type BriefingId, type SectionKey } from '../core/briefing-document'
import type { Entity, EntityId } from '../core/entities'
import { findEntity } from '../main/entities/entity-ops'
import type { NotebookSession } from '../main/notebook-session'
import { DossierError, isDossierError } from '../core/result'
import { collect, tagIdsNamed, tagNamed } from './cli-args'
import { formatBriefing, previewOf } from './briefing-output'
import { UsageError } from './run-cli'
import type { ExportCommandContext } from './export-commands'

/** The ids of the named entities (id, name or alias), in the order given; an unknown one is refused. */
export async function entityIdsNamed(session: NotebookSession, names: readonly string[]): Promise<EntityId[]> {
  if (names.length === 0) return []
  const file = await session.entities.file()
  return names.map((name) => findEntity(file, name).id)
}

/**
 * The section `briefing note` names: by its tag (name or id), else by its entity (id,
 * name or alias) when the briefing has that entity's section. A name neither finds is
 * the tag lookup's error, which lists the tags.
 */
export async function sectionNamed(session: NotebookSession, doc: BriefingDocument, which: string): Promise<{ key: SectionKey; name: string }> {
  let tagError: unknown
  try {
    const tag = tagNamed(session, which)
    if (doc.selection.tagIds.includes(tag.id)) return { key: tag.id, name: tag.name }
    tagError = new DossierError('bad-request', `The briefing ${doc.id} has no section for "${tag.name}": add one with "dossier briefing edit ${doc.id} --add-section TAG".`)
  } catch (error) {
    if (!isDossierError(error) || error.code !== 'unknown-tag') throw error
    tagError = error
  }
  const file = await session.entities.file()
  const entity = file.entities.length > 0 ? tryFind(file, which) : undefined
  if (entity && (doc.selection.entityIds ?? []).includes(entity.id)) return { key: entity.id, name: entity.name }
  if (entity) throw new DossierError('bad-request', `The briefing ${doc.id} has no section for the entity "${entity.name}": add one with "dossier briefing section add ${doc.id} --entity NAME".`)
  throw tagError
}

function tryFind(file: Parameters<typeof findEntity>[0], name: string): Entity | undefined {
  try {
    return findEntity(file, name)
  } catch {
    return undefined
  }
}

/** The notebook's entities, for naming entity sections in the human output. */
export async function notebookEntities(session: NotebookSession): Promise<readonly Entity[]> {
  return (await session.entities.file()).entities
}

export function registerSectionCommands(group: Command, context: (cmd: Command) => ExportCommandContext): void {
  const section = group.command('section').description('Add or remove sections: of a tag (its passages) or of an entity (every passage that mentions it, under any spelling).')
  for (const [verb, description] of [
    ['add', 'Add sections at the end, in the order given; a section the briefing already has stays where it is.'],
    ['remove', 'Remove sections; their notes, order and exclusions go with them.'],
  ] as const) {
    section
      .command(verb)
      .description(description)
      .argument('<id>', 'the briefing id (b-…)')
      .option('--tag <name>', 'the section of this tag (repeatable)', collect)
      .option('--entity <name>', 'the section of this entity, by name, alias or id (repeatable)', collect)
      .addHelpText('after', `\nExamples:\n  $ dossier briefing section ${verb} b-1a2b3c4d5e --entity Tartus\n  $ dossier briefing section ${verb} b-1a2b3c4d5e --tag Bases --entity "Khmeimim Air Base" --json`)
      .action(async (id: string, opts: { tag?: string[]; entity?: string[] }, cmd: Command) => {
        if (opts.tag === undefined && opts.entity === undefined) throw new UsageError('name a section with --tag NAME or --entity NAME')
        const { open, print } = context(cmd)
        const session = await open('write')
        const doc = await session.getBriefing(id as BriefingId)
        const keys: SectionKey[] = [...tagIdsNamed(session, opts.tag ?? []), ...(await entityIdsNamed(session, opts.entity ?? []))]
        const edited = keys.reduce<BriefingDocument>((d, key) => (verb === 'add' ? addSection(d, key) : removeSection(d, key)), doc)
        const saved = edited === doc ? doc : await session.saveBriefing(edited)
        const layout = await previewOf(session, saved.id)
        const said = edited === doc ? `Briefing ${doc.id} already is as asked; nothing changed.` : `Updated briefing ${saved.id}.`
        const entities = await notebookEntities(session)
        print(saved, () => `${said}\n\n${formatBriefing(saved, session.listTags(), layout, entities)}`)
      })
  }
}
