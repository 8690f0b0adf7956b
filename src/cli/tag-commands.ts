/**
 * `dossier tag create|rename|recolor|describe|merge|delete`: the codebook on the command
 * line, through the same session operations as the app's tag manager. A tag is named by
 * its name (ignoring case) or its id.
 *
 * Deleting or merging a tag takes it off every highlight that carries it; the app asks
 * first, showing how many. The CLI cannot ask, so it refuses (exit 1, code
 * `needs-confirmation`, nothing changed) until `--yes` is given whenever a highlight
 * carries the tag, and says when none does.
 *
 * --json output:
 *   tag create|rename|recolor|describe -> Tag { id, name, color, description }
 *   tag delete -> { deleted: Tag, highlightsChanged: number }
 *   tag merge  -> { merged: Tag, into: Tag, highlightsChanged: number }
 */
import type { Command } from 'commander'
import type { Tag } from '../core/model'
import { DossierError } from '../core/result'
import type { NotebookSession } from '../main/notebook-session'
import { tagNamed } from './cli-args'
import { plural } from './format'
import { escapeLabel } from './terminal-safe'
import type { CommandContext } from './safety-commands'

const quoted = (t: Pick<Tag, 'name'>) => `"${escapeLabel(t.name)}"`

export function registerTagCommands(program: Command, context: (cmd: Command) => CommandContext): void {
  const tag = program
    .command('tag')
    .description('Change the codebook: create, rename, recolour, describe, merge or delete a tag ("dossier tags" lists them).')
    .addHelpText(
      'after',
      `
A tag is named by its name (case does not matter) or its id (t-…). Names may use "/" for a
hierarchy ("Bases/Tartus"). Deleting or merging a tag that highlights carry needs --yes.

Examples:
  $ dossier tag create "Bases/Tartus" --color "#0072B2" --description "The naval base at Tartus"
  $ dossier tag rename Convoys "Supply convoys"
  $ dossier tag merge "Supply convoys" Logistics --yes
  $ dossier tag delete Negotiations --yes`,
    )

  tag
    .command('create')
    .description('Add a tag at the end of the codebook.')
    .argument('<name>', 'the new tag\'s name (unique, ignoring case)')
    .option('--color <colour>', 'its colour, #rrggbb (default: the next unused colour of a colour-blind-safe palette)')
    .option('--description <text>', 'its codebook entry: what the tag is for')
    .addHelpText('after', '\nExamples:\n  $ dossier tag create Logistics\n  $ dossier tag create "Bases/Tartus" --color "#0072B2" --description "The naval base at Tartus"')
    .action(async (name: string, opts: { color?: string; description?: string }, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const created = await session.createTag({ name, color: opts.color === undefined ? undefined : colour(opts.color), description: opts.description })
      print(created, () => `Created tag ${quoted(created)} (${created.id}, ${created.color}).\n`)
    })

  tag
    .command('rename')
    .description('Rename a tag. Highlights and briefings keep it: they refer to its id.')
    .argument('<tag>', 'the tag (name or id)')
    .argument('<new-name>', 'its new name')
    .addHelpText('after', '\nExamples:\n  $ dossier tag rename Convoys "Supply convoys"')
    .action(async (which: string, newName: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const before = tagNamed(session, which)
      const renamed = await session.updateTag({ tagId: before.id, name: newName })
      print(renamed, () => (renamed.name === before.name ? `Tag ${quoted(renamed)} already has that name; nothing changed.\n` : `Renamed tag ${quoted(before)} to ${quoted(renamed)}.\n`))
    })

  tag
    .command('recolor')
    .alias('recolour')
    .description('Give a tag another colour.')
    .argument('<tag>', 'the tag (name or id)')
    .argument('<colour>', 'the colour, #rrggbb (the # may be left out)')
    .addHelpText('after', '\nExamples:\n  $ dossier tag recolor Bases "#D55E00"\n  $ dossier tag recolour Bases D55E00')
    .action(async (which: string, color: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const changed = await session.updateTag({ tagId: tagNamed(session, which).id, color: colour(color) })
      print(changed, () => `Tag ${quoted(changed)} is now ${changed.color}.\n`)
    })

  tag
    .command('describe')
    .description("Set a tag's codebook entry (its description); \"\" clears it.")
    .argument('<tag>', 'the tag (name or id)')
    .argument('<description>', 'one line saying what the tag is for (at most 500 characters)')
    .addHelpText('after', '\nExamples:\n  $ dossier tag describe Bases "Russian military bases and their use"\n  $ dossier tag describe Bases ""')
    .action(async (which: string, description: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const changed = await session.updateTag({ tagId: tagNamed(session, which).id, description })
      print(changed, () => (changed.description === '' ? `Tag ${quoted(changed)} has no description now.\n` : `Tag ${quoted(changed)}: ${escapeLabel(changed.description)}\n`))
    })

  tag
    .command('merge')
    .description('Merge a tag into another: every highlight carrying the first carries the second instead, and the first is removed from the codebook.')
    .argument('<tag>', 'the tag to merge away (name or id)')
    .argument('<into>', 'the tag that stays (name or id)')
    .option('--yes', 'merge even though highlights carry the tag (required then)')
    .addHelpText('after', '\nBriefings with a section for the merged tag keep it, but it stays empty.\n\nExamples:\n  $ dossier tag merge "Supply convoys" Convoys --yes')
    .action(async (which: string, intoName: string, opts: { yes?: boolean }, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const from = tagNamed(session, which)
      const into = tagNamed(session, intoName)
      const count = await carrying(session, from)
      if (count > 0 && opts.yes !== true && from.id !== into.id) {
        throw needsConfirmation(`${plural(count, 'highlight')} ${count === 1 ? 'carries' : 'carry'} the tag "${from.name}"; merging moves ${count === 1 ? 'it' : 'them'} to "${into.name}" and removes "${from.name}". Nothing was changed: run again with --yes to merge.`)
      }
      const removal = await session.mergeTags(from.id, into.id)
      const changed = removal.highlights.length
      print({ merged: removal.tag, into, highlightsChanged: changed }, () =>
        changed === 0
          ? `Merged tag ${quoted(removal.tag)} into ${quoted(into)}; no highlight carried it.\n`
          : `Merged tag ${quoted(removal.tag)} into ${quoted(into)}: ${plural(changed, 'highlight')} now ${changed === 1 ? 'carries' : 'carry'} ${quoted(into)} instead.\n`,
      )
    })

  tag
    .command('delete')
    .description('Remove a tag from the codebook and from every highlight carrying it (the highlights stay, with their other tags and comments).')
    .argument('<tag>', 'the tag (name or id)')
    .option('--yes', 'delete even though highlights carry the tag (required then)')
    .addHelpText('after', '\nThere is no undo on the command line; the app\'s undo does not reach a CLI change.\n\nExamples:\n  $ dossier tag delete Negotiations\n  $ dossier tag delete Negotiations --yes')
    .action(async (which: string, opts: { yes?: boolean }, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const doomed = tagNamed(session, which)
      const count = await carrying(session, doomed)
      if (count > 0 && opts.yes !== true) {
        throw needsConfirmation(`${plural(count, 'highlight')} ${count === 1 ? 'carries' : 'carry'} the tag "${doomed.name}"; deleting it takes it off ${count === 1 ? 'that highlight (it stays, with its other tags)' : 'them (they stay, with their other tags)'}. Nothing was changed: run again with --yes to delete it.`)
      }
      const removal = await session.deleteTag(doomed.id)
      const changed = removal.highlights.length
      print({ deleted: removal.tag, highlightsChanged: changed }, () =>
        changed === 0
          ? `Deleted tag ${quoted(removal.tag)}; no highlight carried it.\n`
          : `Deleted tag ${quoted(removal.tag)} and took it off ${plural(changed, 'highlight')} (they keep their other tags and comments).\n`,
      )
    })
}

/** How many highlights carry the tag, as the app's tag manager shows before a delete or merge. */
async function carrying(session: NotebookSession, tag: Tag): Promise<number> {
  return (await session.listTagSummaries()).find((t) => t.id === tag.id)?.highlightCount ?? 0
}

function needsConfirmation(message: string): DossierError {
  return new DossierError('needs-confirmation', message)
}

/** `#rrggbb`, with the `#` a shell would take for a comment allowed to be left out. */
function colour(value: string): string {
  return /^[0-9a-f]{6}$/i.test(value.trim()) ? `#${value.trim()}` : value
}
