/**
 * `dossier entities [list|suggest|accept|reject|import-pack|remove-pack]` and
 * `dossier entity add|edit|alias|unalias|rename|merge|split|delete`: the notebook's names, places and
 * aliases (notes/entities.md) on the command line, through the session's entity part
 * (src/main/entities/entity-session.ts), as the app's Entities view will use it. An entity
 * is named by its id (e-…), its name or any alias (case, accents and Arabic letter forms
 * do not matter). A refused change (a spelling another entity has, an empty or too long
 * name, invalid coordinates, a malformed pack) is one line on stderr, exit 1, and the
 * notebook unchanged.
 *
 * --json output:
 *   entities [list] -> [{ id, name, type, kind?, aliases: [{ text, script?, note? }],
 *                       description?, coordinates?: { lat, lon }, mentions: number, articles: number }]
 *   entity add|edit|alias|unalias|rename|merge -> Entity (as above, without the counts)
 *   entity split    -> { kept: Entity, created: Entity }
 *   entity delete   -> { deleted: Entity }
 *   entities suggest -> [{ id: "s-…", kind: "alias" | "pair", label, score, reasons: string[],
 *                       name: { text, count, articleIds, examples: [{ articleId, line }] },
 *                       entityId?, entityName?, like? (alias), other? (pair: like name) }]
 *   entities accept -> { accepted: { id, label }, entity: Entity }
 *   entities reject -> { rejected: { id, label } }
 *   entities import-pack|remove-pack -> { added|removed: [{ id, name }], skipped: [{ name, reason }] }
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InvalidArgumentError, Option, type Command } from 'commander'
import { ENTITY_TYPES, PLACE_KINDS, type Coordinates, type Entity, type EntityPatch, type EntityType, type PlaceKind, type VariantSuggestion } from '../core/entities'
import { DossierError } from '../core/result'
import { findEntity, readPackFile } from '../main/entities/entity-ops'
import type { EntitySummary } from '../main/entities/entity-session'
import { collect } from './cli-args'
import { plural } from './format'
import type { CommandContext } from './safety-commands'
import { UsageError } from './run-cli'
import { escapeLabel } from './terminal-safe'

type Context = CommandContext & { cwd: string }

/** The starter gazetteer shipped with the app (this file and out/main/cli.js sit at the same depth). */
export function starterPackPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'gazetteer', 'syria-russia.json')
}

const q = (text: string) => `“${escapeLabel(text)}”`

function describe(e: Entity | EntitySummary): string {
  const kind = e.kind ? ` ${e.kind}` : ''
  const where = e.coordinates ? ` (${e.coordinates.lat}, ${e.coordinates.lon})` : ''
  const counts = 'mentions' in e ? `  ${plural(e.mentions, 'mention')} in ${plural(e.articles, 'article')}` : ''
  const aliases = e.aliases.length > 0 ? `\n    also: ${e.aliases.map((a) => escapeLabel(a.text)).join(' | ')}` : ''
  return `${e.id}  ${escapeLabel(e.name)}  [${e.type}${kind}]${where}${counts}${aliases}`
}

function number(what: string) {
  return (value: string) => {
    const n = Number(value.trim())
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`the ${what} must be a number of degrees, such as 35.4.`)
    return n
  }
}

function coordinatesOf(opts: { lat?: number; lon?: number }): Coordinates | undefined {
  if (opts.lat === undefined && opts.lon === undefined) return undefined
  if (opts.lat === undefined || opts.lon === undefined) throw new DossierError('bad-request', 'Give both --lat and --lon (WGS84 degrees); nothing was changed.')
  return { lat: opts.lat, lon: opts.lon }
}

/** The change `entity edit` asks for; none at all is a usage error. */
function editPatch(opts: { type?: EntityType; kind?: PlaceKind | false; description?: string; lat?: number; lon?: number; coordinates?: boolean }): EntityPatch {
  const patch: EntityPatch = {}
  if (opts.type !== undefined) patch.type = opts.type
  if (opts.kind !== undefined) patch.kind = opts.kind === false ? null : opts.kind
  if (opts.description !== undefined) patch.description = opts.description
  const coordinates = coordinatesOf(opts)
  if (coordinates !== undefined && opts.coordinates === false) throw new UsageError('give either --lat and --lon or --no-coordinates, not both')
  if (coordinates !== undefined) patch.coordinates = coordinates
  else if (opts.coordinates === false) patch.coordinates = null
  if (Object.keys(patch).length === 0) throw new UsageError('Nothing to change: give at least one of --type, --kind, --no-kind, --description, --lat and --lon, --no-coordinates.')
  return patch
}

function formatSuggestion(s: VariantSuggestion): string {
  const what = s.kind === 'alias' ? `${q(s.name.text)} may be ${escapeLabel(s.entityName)} (like ${q(s.like)})` : `${q(s.name.text)} and ${q(s.other.text)} may be one name`
  const counts = s.kind === 'alias' ? `${plural(s.name.count, 'use')} in ${plural(s.name.articleIds.length, 'article')}` : `${s.name.count} and ${s.other.count} uses`
  const example = s.name.examples[0]
  return `${s.id}  ${what}  (${counts}; ${s.reasons.join(', ') || 'close spelling'})${example ? `\n    e.g. ${example.articleId}: ${escapeLabel(example.line)}` : ''}`
}

export function registerEntityCommands(program: Command, context: (cmd: Command) => Context): void {
  const entities = program.command('entities').description('List the notebook\'s entities (names, places, aliases), suggest variants, import a gazetteer pack.')

  entities
    .command('list', { isDefault: true })
    .description('List the entities with their aliases and how often the notebook mentions each.')
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const list = await (await open('read')).entities.list()
      print(list, () => (list.length === 0 ? 'No entities yet: add one with "dossier entity add", or "dossier entities import-pack --starter".\n' : `${list.map(describe).join('\n')}\n`))
    })

  entities
    .command('suggest')
    .description('Names in the notebook that look like variants of an entity or of each other, with their evidence.')
    .option('--limit <n>', 'at most this many (default 50)', (v) => Math.max(1, Math.floor(Number(v)) || 50))
    .action(async (opts: { limit?: number }, cmd: Command) => {
      const { open, print } = context(cmd)
      const list = await (await open('read')).entities.suggest({ limit: opts.limit ?? 50 })
      print(list, () => (list.length === 0 ? 'No suggestions.\n' : `${list.map(formatSuggestion).join('\n')}\nAccept with "dossier entities accept ID", reject with "dossier entities reject ID".\n`))
    })

  entities
    .command('accept')
    .description('Accept a suggestion: the name becomes an alias of the entity (a pair of names becomes a new entity: give --type).')
    .argument('<suggestion-id>', 'as "dossier entities suggest" lists it (s-…)')
    .addOption(new Option('--type <type>', 'for a pair: the new entity\'s type').choices(ENTITY_TYPES))
    .action(async (id: string, opts: { type?: EntityType }, cmd: Command) => {
      const { open, print } = context(cmd)
      const done = await (await open('write')).entities.accept(id, opts.type)
      const value = { accepted: { id: done.suggestion.id, label: done.suggestion.label }, entity: done.value }
      print(value, () => `Accepted ${done.suggestion.id} (${escapeLabel(done.suggestion.label)}):\n${describe(done.value)}\n`)
    })

  entities
    .command('reject')
    .description('Reject a suggestion for good: it is never proposed again.')
    .argument('<suggestion-id>', 'as "dossier entities suggest" lists it (s-…)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const done = await (await open('write')).entities.reject(id)
      print({ rejected: { id: done.suggestion.id, label: done.suggestion.label } }, () => `Rejected ${done.suggestion.id} (${escapeLabel(done.suggestion.label)}).\n`)
    })

  for (const [verb, adding] of [['import-pack', true], ['remove-pack', false]] as const) {
    entities
      .command(verb)
      .description(adding ? 'Add the entities of a gazetteer pack (a JSON file in the entities format); spellings the notebook already has are left out.' : 'Remove the entities a pack added (by their ids), e.g. the starter gazetteer.')
      .argument('[file]', 'the pack file')
      .option('--starter', 'the starter gazetteer shipped with Dossier (the Russian presence in Syria)')
      .action(async (file: string | undefined, opts: { starter?: boolean }, cmd: Command) => {
        const { open, print, cwd } = context(cmd)
        if ((file === undefined) === (opts.starter !== true)) throw new DossierError('bad-request', 'Give a pack file or --starter (one of them).')
        const json = await readPackFile(file === undefined ? starterPackPath() : resolve(cwd, file))
        const session = await open('write')
        const done = adding ? await session.entities.importPack(json) : await session.entities.removePack(json)
        const listed = done.value.changed.map((e) => ({ id: e.id, name: e.name }))
        const value = { [adding ? 'added' : 'removed']: listed, skipped: done.value.skipped }
        print(value, () => {
          const lines = [`${adding ? 'Added' : 'Removed'} ${`${listed.length} ${listed.length === 1 ? 'entity' : 'entities'}`}.`]
          for (const s of done.value.skipped) lines.push(`  skipped ${q(s.name)}: ${escapeLabel(s.reason)}`)
          return `${lines.join('\n')}\n`
        })
      })
  }

  const entity = program.command('entity').description('Change the entities: add, edit, alias, unalias, rename, merge, split or delete.')

  entity
    .command('add')
    .description('Add an entity: a place, unit, ship, person or organisation with its spellings.')
    .argument('<name>', 'its canonical name')
    .addOption(new Option('--type <type>', 'what it is').choices(ENTITY_TYPES).makeOptionMandatory())
    .option('--alias <spelling>', 'another spelling, transliteration or script (repeatable)', collect)
    .addOption(new Option('--kind <kind>', 'for places: what kind').choices(PLACE_KINDS))
    .option('--lat <degrees>', 'for places: latitude (WGS84, -90..90)', number('latitude'))
    .option('--lon <degrees>', 'for places: longitude (WGS84, -180..180)', number('longitude'))
    .option('--description <text>', 'a line about it')
    .addHelpText('after', '\nExamples:\n  $ dossier entity add "Khmeimim Air Base" --type place --kind base --alias Hmeimim --alias حميميم --lat 35.4 --lon 35.95')
    .action(async (name: string, opts: { type: EntityType; alias?: string[]; kind?: PlaceKind; lat?: number; lon?: number; description?: string }, cmd: Command) => {
      const { open, print } = context(cmd)
      const coordinates = coordinatesOf(opts)
      const done = await (await open('write')).entities.add({ name, type: opts.type, aliases: opts.alias, kind: opts.kind, coordinates, description: opts.description })
      print(done.value, () => `Added ${describe(done.value)}\n`)
    })

  entity
    .command('edit')
    .description('Change an entity\'s type, kind, description or coordinates (undo: run it again with the old values).')
    .argument('<entity>', 'name, alias or id')
    .addOption(new Option('--type <type>', 'what it is').choices(ENTITY_TYPES))
    .addOption(new Option('--kind <kind>', 'for places: what kind').choices(PLACE_KINDS))
    .option('--no-kind', 'clear the kind')
    .option('--description <text>', 'a line about it ("" clears it)')
    .option('--lat <degrees>', 'for places: latitude (WGS84, -90..90)', number('latitude'))
    .option('--lon <degrees>', 'for places: longitude (WGS84, -180..180)', number('longitude'))
    .option('--no-coordinates', 'clear the coordinates')
    .addHelpText('after', '\nExamples:\n  $ dossier entity edit Tartus --description "Port city; Russian naval facility" --lat 34.889 --lon 35.887\n  $ dossier entity edit Hmeimim --type organisation --no-kind --no-coordinates')
    .action(async (name: string, opts: { type?: EntityType; kind?: PlaceKind | false; description?: string; lat?: number; lon?: number; coordinates?: boolean }, cmd: Command) => {
      const { open, print } = context(cmd)
      const patch = editPatch(opts)
      const done = await (await open('write')).entities.edit(name, patch)
      print(done.value, () => `Edited ${describe(done.value)}\n`)
    })

  entity
    .command('split')
    .description('Move aliases of an entity to a new entity (undoing a wrong merge); the entity keeps its name.')
    .argument('<entity>', 'name, alias or id of the entity to split')
    .requiredOption('--alias <spelling>', 'an alias that moves to the new entity (repeatable)', collect)
    .requiredOption('--name <new-name>', 'the new entity\'s name (one of the moved aliases, or a new spelling)')
    .addOption(new Option('--type <type>', 'the new entity\'s type (default: the same)').choices(ENTITY_TYPES))
    .addHelpText('after', '\nExamples:\n  $ dossier entity split "Khmeimim Air Base" --alias Hmeymim --alias Humaymim --name Hmeymim')
    .action(async (name: string, opts: { alias: string[]; name: string; type?: EntityType }, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const done = await session.entities.split(name, opts.name, opts.alias, opts.type)
      const kept = findEntity(done.previous, name).id
      const keptNow = (await session.entities.file()).entities.find((e) => e.id === kept)!
      print({ kept: keptNow, created: done.value }, () => `Split ${describe(keptNow)}\ninto ${describe(done.value)}\n`)
    })

  const change = (verb: string, description: string, args: [string, string][], run: (session: Awaited<ReturnType<Context['open']>>, a: string[], opts: { dropOldName?: boolean }) => Promise<{ value: Entity }>, done: (e: Entity, a: string[]) => string) => {
    const c = entity.command(verb).description(description)
    for (const [arg, help] of args) c.argument(arg, help)
    if (verb === 'rename') c.option('--drop-old-name', 'do not keep the old name as an alias')
    c.action(async (...params: unknown[]) => {
      const cmd = params[params.length - 1] as Command
      const a = params.slice(0, args.length) as string[]
      const { open, print } = context(cmd)
      const result = await run(await open('write'), a, params[args.length] as { dropOldName?: boolean })
      print(verb === 'delete' ? { deleted: result.value } : result.value, () => `${done(result.value, a)}\n`)
    })
  }
  change('alias', 'Add a spelling to an entity.', [['<entity>', 'name, alias or id'], ['<alias>', 'the new spelling']], (s, [n, a]) => s.entities.addAlias(n!, a!), (e, [, a]) => `Added ${q(a!)} to ${describe(e)}`)
  change('unalias', 'Remove a spelling from an entity.', [['<entity>', 'name, alias or id'], ['<alias>', 'the spelling to remove']], (s, [n, a]) => s.entities.removeAlias(n!, a!), (e, [, a]) => `Removed ${q(a!)} from ${describe(e)}`)
  change('rename', 'Rename an entity; the old name stays as an alias unless --drop-old-name.', [['<entity>', 'name, alias or id'], ['<new-name>', 'its new name']], (s, [n, m], o) => s.entities.rename(n!, m!, o.dropOldName !== true), (e) => `Renamed: ${describe(e)}`)
  change('merge', 'Merge the second entity into the first: its name and aliases become aliases of the first.', [['<entity>', 'the one kept'], ['<other>', 'the one merged into it']], (s, [n, m]) => s.entities.merge(n!, m!), (e, [, m]) => `Merged ${q(m!)} into ${describe(e)}`)
  change('delete', 'Delete an entity (its mentions are no longer counted; articles are not changed).', [['<entity>', 'name, alias or id']], (s, [n]) => s.entities.delete(n!), (e) => `Deleted ${e.id} ${q(e.name)}.`)
}
