/**
 * `dossier highlight ARTICLE_ID --quote TEXT [--occurrence N] --tag NAME… --comment TEXT`:
 * highlight a passage found by quoting it (as copied from `dossier show`), and tag or
 * comment it. `highlight edit HIGHLIGHT_ID` changes a highlight's tags, comment, event date
 * (`--event-date DATE|START/END|accept|none|auto`, decision 53) and credibility (1–6,
 * notes/sourcing.md), and
 * `highlight delete HIGHLIGHT_ID` removes it (the passage's text is never touched).
 *
 * `highlight` is a group whose default command (`add`) is the highlight itself, so the
 * form scripts have always used keeps working.
 *
 * --json output:
 *   highlight [add], highlight edit -> Highlight
 *   highlight delete -> { deleted: Highlight }
 */
import { InvalidArgumentError, type Command } from 'commander'
import type { ArticleId, HighlightId } from '../core/ids'
import type { Highlight } from '../core/model'
import type { NotebookSession } from '../main/notebook-session'
import { parseCredibility, SourcingSession } from '../main/sourcing/sourcing-session'
import { DossierError } from '../core/result'
import { parseEventDateInput, type EventDate } from '../core/timeline/event-date'
import { collect, tagIdsNamed } from './cli-args'
import { eventDateChangeFor } from '../main/timeline/event-dates'
import { describeEventDate, sameEventDate } from './event-date-format'
import { oneLine, tagNames } from './format'
import { escapeLabel } from './terminal-safe'
import { UsageError } from './run-cli'
import type { CommandContext } from './safety-commands'

interface HighlightOptions {
  quote: string
  occurrence?: number
  tag?: string[]
  comment?: string
  eventDate?: string
}

interface EditOptions {
  tag?: string[]
  untag?: string[]
  comment?: string
  eventDate?: string
  credibility?: string
}

export function registerHighlightCommand(program: Command, context: (cmd: Command) => CommandContext): void {
  const group = program
    .command('highlight')
    .description('Highlight a passage of an article, found by quoting it, and tag or comment it; or edit or delete a highlight.')
    .usage('ARTICLE_ID --quote TEXT [options]  |  edit HIGHLIGHT_ID [options]  |  delete HIGHLIGHT_ID')
    .addHelpText(
      'after',
      `
"dossier highlight ARTICLE_ID …" is "dossier highlight add ARTICLE_ID …": see
"dossier highlight add --help" for --quote, --occurrence, --tag and --comment.

Examples:
  $ dossier highlight a-1f2e3d4c5b --quote "left the port of Tartus" --tag Convoys
  $ dossier highlight edit h-0a1b2c3d4e --tag Bases --untag Convoys --comment "Second source"
  $ dossier highlight delete h-0a1b2c3d4e`,
    )

  group
    .command('add', { isDefault: true })
    .description('Highlight a passage of an article, found by quoting it, and tag or comment it (the default).')
    .argument('<id>', 'the article id (a-…)')
    .requiredOption('--quote <text>', 'the passage to highlight, as "dossier show" prints it')
    .option('--occurrence <n>', 'which occurrence to highlight when the quote occurs more than once (1 = first)', parsePositiveInt)
    .option('--tag <name>', 'a tag to apply (repeatable; names are case-insensitive)', collect)
    .option('--comment <text>', 'a comment on the passage')
    .option('--event-date <date>', 'when the passage\'s event happened: YYYY-MM-DD, YYYY-MM, YYYY or START/END (~ in front: approximate), or none')
    .addHelpText(
      'after',
      `
At least one --tag or a --comment is required. See the tags with "dossier tags".
Without --event-date the passage's date is suggested from its text ("dossier show" lists
it; accept it with "dossier highlight edit ID --event-date accept"). An impossible day or
an end before its start is refused, and nothing is highlighted.
The quote is found exactly if it can be; otherwise case, straight or curly quote marks and
apostrophes, hyphens and dashes, accents, Unicode forms (ligatures, full-width letters) and
line breaks typed as spaces do not matter. The highlight covers the article's own text.

Examples:
  $ dossier highlight a-1f2e3d4c5b --quote "left the port of Tartus" --tag Convoys
  $ dossier highlight a-1f2e3d4c5b --quote "the base" --occurrence 2 --tag Bases --comment "Second mention"
  $ dossier highlight a-1f2e3d4c5b --quote "docked at Tartous" --tag Ships --event-date 2025-01-21/2025-01-22`,
    )
    .action(async (id: string, opts: HighlightOptions, cmd: Command) => {
      const comment = opts.comment ?? ''
      const tagNamesGiven = opts.tag ?? []
      if (tagNamesGiven.length === 0 && comment.trim().length === 0) {
        throw new UsageError('give at least one --tag or a --comment for the highlight')
      }
      const eventDate = opts.eventDate === undefined ? undefined : newEventDate(opts.eventDate)
      const { open, print } = context(cmd)
      const session = await open('write')
      const highlight = await session.highlightQuote({
        articleId: id as ArticleId,
        quote: opts.quote,
        occurrence: opts.occurrence,
        tagNames: tagNamesGiven,
        comment,
        eventDate,
      })
      const dateLine = highlight.eventDate === undefined ? '' : `  event date: ${describeEventDate(highlight.eventDate)}\n`
      print(highlight, () => `Highlighted ${highlight.id} in ${describe(session, highlight)}\n${dateLine}`)
    })

  group
    .command('edit')
    .description("Change a highlight's tags or comment (the passage stays as it is).")
    .argument('<id>', 'the highlight id (h-…), as "dossier show" lists it')
    .option('--tag <name>', 'add this tag (repeatable)', collect)
    .option('--untag <name>', 'take this tag off (repeatable)', collect)
    .option('--comment <text>', 'replace the comment ("" clears it)')
    .option('--event-date <date>', 'when the passage\'s event happened: YYYY-MM-DD, YYYY-MM, YYYY or START/END (~ in front: approximate); accept, none or auto')
    .option('--credibility <1-6>', 'grade the information: 1 confirmed … 5 improbable, 6 cannot be judged ("" clears it)')
    .addHelpText(
      'after',
      `
Give at least one of --tag, --untag, --comment, --event-date, --credibility. Tags are named
by name (case does not matter) or id; a tag the highlight already has (or lacks) is left
as it is. --event-date accept keeps the date suggested from the passage (see "dossier
show"), none clears it (the passage has no event date), auto forgets the decision so the
suggestion counts again. An impossible day or an end before its start is refused, changing nothing.

Examples:
  $ dossier highlight edit h-0a1b2c3d4e --tag Bases
  $ dossier highlight edit h-0a1b2c3d4e --untag Convoys --comment ""
  $ dossier highlight edit h-0a1b2c3d4e --event-date 2025-01-21/2025-01-22
  $ dossier highlight edit h-0a1b2c3d4e --event-date accept
  $ dossier highlight edit h-0a1b2c3d4e --credibility 2`,
    )
    .action(async (id: string, opts: EditOptions, cmd: Command) => {
      const add = opts.tag ?? []
      const remove = opts.untag ?? []
      if (add.length === 0 && remove.length === 0 && opts.comment === undefined && opts.eventDate === undefined && opts.credibility === undefined) {
        throw new UsageError('Nothing to change: give at least one of --tag, --untag, --comment, --event-date, --credibility.')
      }
      // Checked before anything is written: a bad grade changes nothing.
      const credibility = opts.credibility === undefined ? undefined : opts.credibility.trim() === '' ? null : parseCredibility(opts.credibility)
      const { open, print } = context(cmd)
      const session = await open('write')
      const addIds = tagIdsNamed(session, add)
      const removeIds = new Set(tagIdsNamed(session, remove))
      const both = addIds.find((t) => removeIds.has(t))
      if (both) throw new UsageError(`the tag "${session.listTags().find((t) => t.id === both)?.name ?? both}" is given to both --tag and --untag`)
      const current = await session.getHighlight(id as HighlightId)
      const tagIds = [...current.tagIds.filter((t) => !removeIds.has(t)), ...addIds.filter((t) => !current.tagIds.includes(t))]
      const sameTags = tagIds.length === current.tagIds.length && tagIds.every((t, i) => t === current.tagIds[i])
      const comment = opts.comment?.trim()
      const eventDate = opts.eventDate === undefined ? undefined : await eventDateChangeFor(session.store, current, opts.eventDate)
      const sameCredibility = credibility === undefined || credibility === (current.credibility ?? null)
      const sameText = sameTags && (comment === undefined || comment === current.comment) && sameEventDate(current, eventDate)
      if (sameText && sameCredibility) {
        print(current, () => `Highlight ${current.id} already is as asked; nothing changed: ${describe(session, current)}\n`)
        return
      }
      if (!sameCredibility) await new SourcingSession(session.store).setCredibility(current.id, credibility)
      const updated = sameText ? await session.getHighlight(current.id) : await session.updateHighlight({ highlightId: current.id, tagIds: sameTags ? undefined : tagIds, comment, eventDate })
      const dateLine = eventDate === undefined ? '' : `  event date: ${describeEventDate(updated.eventDate)}\n`
      print(updated, () => `Updated ${updated.id} in ${describe(session, updated)}\n${updated.comment ? `  comment: ${escapeLabel(oneLine(updated.comment))}\n` : ''}${dateLine}${updated.credibility ? `  credibility: ${updated.credibility}\n` : ''}`)
    })

  group
    .command('delete')
    .description("Delete a highlight: its tags and comment go with it; the article's text stays as it is.")
    .argument('<id>', 'the highlight id (h-…), as "dossier show" lists it')
    .addHelpText('after', '\nThere is no undo on the command line: --json prints the deleted highlight in full.\n\nExamples:\n  $ dossier highlight delete h-0a1b2c3d4e')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const doomed = await session.getHighlight(id as HighlightId)
      await session.deleteHighlight(doomed.id)
      print({ deleted: doomed }, () => `Deleted highlight ${doomed.id} from ${describe(session, doomed)}\n  “${oneLine(doomed.target.exact)}”\n`)
    })
}

/** `"Article title" [Tag, Tag]` for the one-line reports. */
function describe(session: NotebookSession, highlight: Highlight): string {
  const title = session.articleSummary(highlight.articleId).title
  const names = tagNames(highlight.tagIds, session.listTags()).map(escapeLabel)
  return `"${escapeLabel(title)}"${names.length > 0 ? ` [${names.join(', ')}]` : ''}`
}

/** A new highlight's --event-date: a typed date or range, or none; accept and auto belong to edit (there is no suggestion to keep or forget yet). */
function newEventDate(typed: string): EventDate | null {
  const word = typed.trim().toLowerCase()
  if (word === 'none') return null
  if (word === 'accept' || word === 'auto') throw new UsageError(`--event-date ${word} is for "dossier highlight edit": a new highlight's suggested date counts until you decide`)
  const parsed = parseEventDateInput(typed)
  if (!parsed.ok) throw new DossierError('bad-request', `${parsed.message} Nothing was highlighted.`)
  return parsed.value
}

function parsePositiveInt(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('it must be a positive whole number (1 = the first occurrence).')
  }
  return Number(value)
}
