/**
 * Figures and ACH matrices of a stored briefing on the command line (issues 15 and 16),
 * the same core operations the composer applies (src/core/briefing-figures.ts):
 *
 *   dossier briefing figure add ID timeline|map [--section NAME] [--by tag|entity]
 *                              [--tag NAME]... [--from D] [--to D] [--title TEXT]
 *   dossier briefing figure remove ID FIGURE_ID
 *   dossier briefing ach add|remove ID ACH_ID
 *
 * --json output: the briefing document (as `briefing show`).
 */
import { Option, type Command } from 'commander'
import type { BriefingDocument, BriefingId } from '../core/briefing-document'
import { addBriefingMatrix, addFigure, removeBriefingMatrix, removeFigure, type NewFigure } from '../core/briefing-figures'
import type { AchId } from '../core/ach'
import type { Tag } from '../core/model'
import { AchSession } from '../main/ach/ach-session'
import type { NotebookSession } from '../main/notebook-session'
import { collect, tagIdsNamed } from './cli-args'
import { formatBriefing, previewOf } from './briefing-output'
import { notebookEntities, sectionNamed } from './briefing-sections'
import type { ExportCommandContext } from './export-commands'
import { escapeLabel as label } from './terminal-safe'

/** The figures and matrices of a briefing, for `briefing show` and the commands here. */
export function formatFigureLines(doc: BriefingDocument, tags: readonly Tag[]): string[] {
  const lines: string[] = []
  const figures = doc.figures ?? []
  if (figures.length > 0) lines.push('', `Figures (${figures.length}):`)
  for (const f of figures) {
    const where = f.section === undefined ? 'whole briefing' : `section ${label(tags.find((t) => t.id === f.section)?.name ?? f.section)}`
    const options = [f.by ? `lanes by ${f.by}` : '', f.tagIds?.length ? `tags ${f.tagIds.map((id) => label(tags.find((t) => t.id === id)?.name ?? id)).join(', ')}` : '', f.from || f.to ? `event dates ${f.from ?? '…'} to ${f.to ?? '…'}` : '', f.title ? `title "${label(f.title)}"` : ''].filter(Boolean)
    lines.push(`  ${f.id} ${f.kind} (${where})${options.length > 0 ? `: ${options.join('; ')}` : ''}`)
  }
  const matrices = doc.achMatrices ?? []
  if (matrices.length > 0) lines.push('', `ACH matrices (${matrices.length}): ${matrices.join(', ')}`)
  return lines
}

async function printBriefing(session: NotebookSession, print: ExportCommandContext['print'], saved: BriefingDocument, said: string): Promise<void> {
  const layout = await previewOf(session, saved.id)
  const entities = await notebookEntities(session)
  print(saved, () => `${said}\n\n${formatBriefing(saved, session.listTags(), layout, entities)}`)
}

export function registerFigureCommands(group: Command, context: (cmd: Command) => ExportCommandContext): void {
  const figure = group.command('figure').description('Add or remove figures: a timeline of the passages by event date, or a map of the places they name (vector graphics in the PDF, SVG files beside the Markdown).')
  figure
    .command('add')
    .description('Add a figure, for the whole briefing (printed before the first section) or for one section (printed at its end).')
    .argument('<id>', 'the briefing id (b-…)')
    .addOption(new Option('--kind <kind>', 'timeline or map').choices(['timeline', 'map']).makeOptionMandatory())
    .option('--section <name>', "the section (its tag, or its entity's name) the figure is for; default: the whole briefing")
    .addOption(new Option('--by <lanes>', 'timeline lanes by tag (default) or by the entities the passages name').choices(['tag', 'entity']))
    .option('--tag <name>', 'only passages with this tag (repeatable)', collect)
    .option('--from <date>', 'only event dates from this day, month or year (2025-01-21, 2025-01, 2025)')
    .option('--to <date>', 'only event dates up to this day, month or year')
    .option('--title <text>', "the figure's title in its caption")
    .addHelpText('after', '\nExamples:\n  $ dossier briefing figure add b-1a2b3c4d5e --kind timeline\n  $ dossier briefing figure add b-1a2b3c4d5e --kind map --section Bases --from 2024-12 --json')
    .action(async (id: string, opts: { kind: 'timeline' | 'map'; section?: string; by?: 'tag' | 'entity'; tag?: string[]; from?: string; to?: string; title?: string }, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const doc = await session.getBriefing(id as BriefingId)
      const section = opts.section === undefined ? undefined : (await sectionNamed(session, doc, opts.section)).key
      const spec: NewFigure = { kind: opts.kind }
      if (section !== undefined) spec.section = section
      if (opts.by !== undefined) spec.by = opts.by
      if (opts.tag !== undefined) spec.tagIds = tagIdsNamed(session, opts.tag)
      if (opts.from !== undefined) spec.from = opts.from
      if (opts.to !== undefined) spec.to = opts.to
      if (opts.title !== undefined) spec.title = opts.title
      const edited = addFigure(doc, spec)
      const saved = await session.saveBriefing(edited)
      const added = saved.figures!.at(-1)!
      await printBriefing(session, print, saved, `Added figure ${added.id} (${added.kind}) to briefing ${saved.id}.`)
    })
  figure
    .command('remove')
    .description('Remove a figure.')
    .argument('<id>', 'the briefing id (b-…)')
    .argument('<figure>', 'the figure id (F1, F2…: see "dossier briefing show")')
    .addHelpText('after', '\nExamples:\n  $ dossier briefing figure remove b-1a2b3c4d5e F2')
    .action(async (id: string, figureId: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const doc = await session.getBriefing(id as BriefingId)
      const saved = await session.saveBriefing(removeFigure(doc, figureId.toUpperCase()))
      await printBriefing(session, print, saved, `Removed figure ${figureId.toUpperCase()} from briefing ${saved.id}.`)
    })

  const ach = group.command('ach').description("Add or remove ACH matrices: printed in the briefing's Analysis part (scores, ranking, ratings, the rows the lead hinges on).")
  for (const [verb, description] of [
    ['add', 'Add a matrix at the end of the Analysis part; one already there stays where it is.'],
    ['remove', 'Remove a matrix from the briefing (the matrix itself stays in the notebook).'],
  ] as const) {
    ach
      .command(verb)
      .description(description)
      .argument('<id>', 'the briefing id (b-…)')
      .argument('<matrix>', 'the ACH matrix id (m-…: see "dossier ach list")')
      .addHelpText('after', `\nExamples:\n  $ dossier briefing ach ${verb} b-1a2b3c4d5e m-0a1b2c3d4e`)
      .action(async (id: string, matrixId: string, _opts: unknown, cmd: Command) => {
        const { open, print } = context(cmd)
        const session = await open('write')
        const doc = await session.getBriefing(id as BriefingId)
        // Adding names a matrix that must exist (its own error when not); removing does not read it.
        const matrix = verb === 'add' ? (await new AchSession(session.store).get(matrixId)).id : (matrixId as AchId)
        const edited = verb === 'add' ? addBriefingMatrix(doc, matrix) : removeBriefingMatrix(doc, matrix)
        const saved = edited === doc ? doc : await session.saveBriefing(edited)
        const said = edited === doc ? `Briefing ${doc.id} already is as asked; nothing changed.` : `${verb === 'add' ? 'Added' : 'Removed'} the ACH matrix ${matrix} ${verb === 'add' ? 'to' : 'from'} briefing ${saved.id}.`
        await printBriefing(session, print, saved, said)
      })
  }
}
