/**
 * `dossier briefing create|list|show|edit|note|section|delete`: stored briefings on the command
 * line. Every change is the core's pure edit operation (src/core/briefing-document-edit.ts)
 * applied to the document and saved through the session, exactly as the app's composer
 * does, so a briefing made here exports (`dossier export --briefing ID`) to the same PDF
 * the app makes from the same choices.
 *
 * A refused value (an unknown tag or article, a date that is not a real day, a field too
 * long, an unreadable file) is found before anything is written: the notebook is unchanged.
 *
 * --json output:
 *   briefing create|edit|note|show -> BriefingDocument
 *            { id: "b-…", title, author, date: "YYYY-MM-DD", handling, keyJudgments,
 *              selection: { tagIds: ["t-…"], entityIds?: ["e-…"] (each in section order),
 *                           articleIds: ["a-…"] | null, from: "YYYY-MM-DD" | null,
 *                           to: "YYYY-MM-DD" | null, untagged?: true },
 *              multiTag: "repeat" | "cross-reference",
 *              sections: [{ tagId | entityId, note, order: ["h-…"], excluded: ["h-…"] }] (section order),
 *              entityIndex?: true, createdAt, updatedAt }
 *   briefing list   -> [{ id, title, date, updatedAt, sectionCount }]
 *   briefing delete -> { deleted: BriefingDocument }
 */
import { Option, type Command } from 'commander'
import {
  addSection,
  createBriefingDocument,
  makeBriefingId,
  MULTI_TAG_MODES,
  removeSection,
  setArticleFilter,
  setDateRange,
  setEntityIndex,
  setSectionNote,
  setSelectedTags,
  setUntagged,
  updateBriefingFields,
  type BriefingDocument,
  type BriefingFields,
  type BriefingId,
  type MultiTagMode,
} from '../core/briefing-document'
import type { ArticleId } from '../core/ids'
import type { NotebookSession } from '../main/notebook-session'
import { collect, readTextArgument, tagIdsNamed } from './cli-args'
import { formatBriefing, formatBriefingList, previewOf } from './briefing-output'
import { entityIdsNamed, notebookEntities, registerSectionCommands, sectionNamed } from './briefing-sections'
import { registerFigureCommands } from './briefing-figures'
import { UsageError } from './run-cli'
import { escapeLabel } from './terminal-safe'
import type { ExportCommandContext } from './export-commands'

type BriefingOp = (doc: BriefingDocument) => BriefingDocument

interface FieldOptions {
  title?: string
  author?: string
  date?: string
  handling?: string
  keyJudgments?: string
  keyJudgmentsFile?: string
  section?: string[]
  multiTag?: MultiTagMode
  from?: string
  to?: string
  article?: string[]
  untagged?: boolean
  entity?: string[]
  entityIndex?: boolean
}

interface EditOptions extends FieldOptions {
  addSection?: string[]
  removeSection?: string[]
  removeEntity?: string[]
  allArticles?: boolean
}

/** The options `create` and `edit` share: the briefing's fields and what goes in. */
function fieldOptions(cmd: Command): Command {
  return cmd
    .option('--title <text>', 'the title (blank: "Briefing")')
    .option('--author <text>', 'the author, printed under the title ("" clears it)')
    .option('--date <date>', "the briefing's date, YYYY-MM-DD (default for a new briefing: today)")
    .option('--handling <text>', 'the handling line printed on every page, e.g. "UNCLASSIFIED // FOR TRAINING" ("" clears it)')
    .option('--key-judgments <text>', 'the key judgments, printed before the sections ("" clears them)')
    .option('--key-judgments-file <file>', 'read the key judgments from this UTF-8 text file')
    .option('--section <tag>', 'a tag whose passages make a section, in this order (repeatable; replaces the sections; default for a new briefing: every tag)', collect)
    .addOption(new Option('--multi-tag <mode>', 'a passage carrying several of the tags: printed in each section (repeat) or once with "see also" (cross-reference)').choices(MULTI_TAG_MODES))
    .option('--from <date>', 'only articles published on or after this day, YYYY-MM-DD ("" for no limit)')
    .option('--to <date>', 'only articles published on or before this day ("" for no limit)')
    .option('--article <id>', 'only passages from this article (repeatable; replaces the list)', collect)
    .option('--untagged', 'end with a section of the passages that carry no tag, only a comment (a new briefing has it, as in the app)')
    .option('--no-untagged', 'leave out the passages that carry no tag')
    .option('--entity <name>', 'add a section of every passage that mentions this entity under any spelling (by name, alias or id; repeatable; at the end)', collect)
    .option('--entity-index', 'end the PDF and Markdown with an index of the entities the passages mention (name, aliases, pages)')
    .option('--no-entity-index', 'no index of entities')
}

export function registerBriefingCommands(program: Command, context: (cmd: Command) => ExportCommandContext): void {
  const group = program
    .command('briefing')
    .description('Compose stored briefings, as the app\'s Briefings view does: create, list, show, edit, section notes, delete. Export one with "dossier export --briefing ID".')
    .addHelpText(
      'after',
      `
Examples:
  $ dossier briefing create --title "Weekly ports" --handling "UNCLASSIFIED // FOR TRAINING" --section Bases --section Convoys
  $ dossier briefing edit b-1a2b3c4d5e --key-judgments-file judgments.txt --author "J. Analyst"
  $ dossier briefing note b-1a2b3c4d5e Bases "Satellite images from 14 December."
  $ dossier briefing section add b-1a2b3c4d5e --entity Tartus
  $ dossier export --format pdf --out weekly.pdf --briefing b-1a2b3c4d5e`,
    )

  fieldOptions(group.command('create').description('Create a briefing. Without --section it has one section per tag, in codebook order.'))
    .addHelpText(
      'after',
      `
Examples:
  $ dossier briefing create --title "Weekly ports" --date 2025-03-07 --section "Ports & shipping" --section Negotiations
  $ dossier briefing create --title "Bases" --section Bases --key-judgments-file judgments.txt --json
  $ dossier briefing create --title "The port" --section Convoys --entity Tartus --entity-index`,
    )
    .action(async (opts: FieldOptions, cmd: Command) => {
      const { open, print, cwd } = context(cmd)
      const session = await open('write')
      const edits = await briefingEdits(session, cwd, opts)
      // Every value is checked on a document held in memory before one is stored.
      edits(createBriefingDocument({ id: makeBriefingId('0000000000'), now: new Date().toISOString(), tags: session.listTags() }))
      const created = await session.createBriefing()
      let doc = created
      const edited = edits(created)
      if (edited !== created) {
        try {
          doc = await session.saveBriefing(edited)
        } catch (error) {
          await session.deleteBriefing(created.id).catch(() => undefined)
          throw error
        }
      }
      const layout = await previewOf(session, doc.id)
      const entities = await notebookEntities(session)
      print(doc, () => `Created briefing ${doc.id}.\n\n${formatBriefing(doc, session.listTags(), layout, entities)}\nExport it with: dossier export --format pdf --out briefing.pdf --briefing ${doc.id}\n`)
    })

  group
    .command('list')
    .description('List the stored briefings, most recently changed first.')
    .addHelpText('after', '\nExamples:\n  $ dossier briefing list\n  $ dossier briefing list --json')
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const briefings = await (await open('read')).listBriefings()
      print(briefings, () => formatBriefingList(briefings))
    })

  group
    .command('show')
    .description('Show a briefing: its fields, what goes in, and its sections with their notes and passage counts.')
    .argument('<id>', 'the briefing id (b-…), as "dossier briefing list" shows it')
    .addHelpText('after', '\nExamples:\n  $ dossier briefing show b-1a2b3c4d5e\n  $ dossier briefing show b-1a2b3c4d5e --json')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('read')
      const doc = await session.getBriefing(id as BriefingId)
      const layout = await previewOf(session, doc.id)
      const entities = await notebookEntities(session)
      print(doc, () => formatBriefing(doc, session.listTags(), layout, entities))
    })

  fieldOptions(group.command('edit').description('Change a briefing\'s fields or what goes in it; what is not given stays as it is.').argument('<id>', 'the briefing id (b-…)'))
    .option('--add-section <tag>', 'add a section for this tag at the end (repeatable)', collect)
    .option('--remove-section <tag>', 'remove the section of this tag (repeatable)', collect)
    .option('--remove-entity <name>', 'remove the section of this entity (repeatable)', collect)
    .option('--all-articles', 'passages from every article again (undoes --article)')
    .addHelpText(
      'after',
      `
Examples:
  $ dossier briefing edit b-1a2b3c4d5e --title "Weekly ports, week 10" --date 2025-03-07
  $ dossier briefing edit b-1a2b3c4d5e --section Negotiations --section Bases   # these sections, in this order
  $ dossier briefing edit b-1a2b3c4d5e --add-section People --from 2025-01-01 --to ""`,
    )
    .action(async (id: string, opts: EditOptions, cmd: Command) => {
      const { open, print, cwd } = context(cmd)
      const session = await open('write')
      const doc = await session.getBriefing(id as BriefingId)
      const edited = (await briefingEdits(session, cwd, opts))(doc)
      if (edited === doc) {
        print(doc, () => `Briefing ${doc.id} already is as asked; nothing changed.\n`)
        return
      }
      const saved = await session.saveBriefing(edited)
      const layout = await previewOf(session, saved.id)
      const entities = await notebookEntities(session)
      print(saved, () => `Updated briefing ${saved.id}.\n\n${formatBriefing(saved, session.listTags(), layout, entities)}`)
    })

  group
    .command('note')
    .description("Set the note printed under a section's heading (\"\" clears it).")
    .argument('<id>', 'the briefing id (b-…)')
    .argument('<section>', 'the section, by its tag (name or id) or its entity (name, alias or id)')
    .argument('[text]', 'the note (or --file)')
    .option('--file <file>', 'read the note from this UTF-8 text file')
    .addHelpText('after', '\nExamples:\n  $ dossier briefing note b-1a2b3c4d5e Bases "Satellite images from 14 December."\n  $ dossier briefing note b-1a2b3c4d5e Bases --file bases-note.txt\n  $ dossier briefing note b-1a2b3c4d5e Bases ""')
    .action(async (id: string, which: string, text: string | undefined, opts: { file?: string }, cmd: Command) => {
      if ((text === undefined) === (opts.file === undefined)) throw new UsageError('give the note as text or with --file: one of the two')
      const { open, print, cwd } = context(cmd)
      const session = await open('write')
      const doc = await session.getBriefing(id as BriefingId)
      const section = await sectionNamed(session, doc, which)
      const note = text ?? (await readTextArgument(cwd, opts.file!, 'the note'))
      const edited = setSectionNote(doc, section.key, note)
      const saved = edited === doc ? doc : await session.saveBriefing(edited)
      print(saved, () => (edited === doc ? `The section "${escapeLabel(section.name)}" already has that note; nothing changed.\n` : `Set the note of section "${escapeLabel(section.name)}" in briefing ${saved.id}.\n`))
    })

  registerSectionCommands(group, context)
  registerFigureCommands(group, context)

  group
    .command('delete')
    .description('Delete a stored briefing. Its passages and tags stay: a briefing only holds choices.')
    .argument('<id>', 'the briefing id (b-…)')
    .addHelpText('after', '\nThere is no undo on the command line; the newest backup made before holds it ("dossier backups"),\nand --json prints the deleted document in full.\n\nExamples:\n  $ dossier briefing delete b-1a2b3c4d5e')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const doc = await session.getBriefing(id as BriefingId)
      await session.deleteBriefing(doc.id)
      print({ deleted: doc }, () => `Deleted briefing "${escapeLabel(doc.title)}" (${doc.id}).\n`)
    })
}

/**
 * The options as one edit of a document: the core's operations in the order the composer's
 * fields run (title block, sections, articles, dates). Tags, articles and files are looked
 * up and read first, so whatever is wrong is refused before anything is saved.
 */
async function briefingEdits(session: NotebookSession, cwd: string, opts: EditOptions): Promise<BriefingOp> {
  if (opts.keyJudgments !== undefined && opts.keyJudgmentsFile !== undefined) throw new UsageError('give either --key-judgments or --key-judgments-file, not both')
  if (opts.section !== undefined && (opts.addSection !== undefined || opts.removeSection !== undefined)) {
    throw new UsageError('give either --section (the whole list) or --add-section/--remove-section, not both')
  }
  if (opts.article !== undefined && opts.allArticles === true) throw new UsageError('give either --article or --all-articles, not both')

  const fields: BriefingFields = {}
  if (opts.title !== undefined) fields.title = opts.title
  if (opts.author !== undefined) fields.author = opts.author
  if (opts.date !== undefined) fields.date = opts.date
  if (opts.handling !== undefined) fields.handling = opts.handling
  if (opts.keyJudgments !== undefined) fields.keyJudgments = opts.keyJudgments
  if (opts.keyJudgmentsFile !== undefined) fields.keyJudgments = await readTextArgument(cwd, opts.keyJudgmentsFile, 'the key judgments')
  if (opts.multiTag !== undefined) fields.multiTag = opts.multiTag

  const sections = opts.section === undefined ? undefined : tagIdsNamed(session, opts.section)
  const added = tagIdsNamed(session, opts.addSection ?? [])
  const removed = tagIdsNamed(session, opts.removeSection ?? [])
  const entitiesAdded = await entityIdsNamed(session, opts.entity ?? [])
  const entitiesRemoved = await entityIdsNamed(session, opts.removeEntity ?? [])
  // Each named article must be in the library (articleSummary says which is not).
  const articles = opts.article?.map((id) => session.articleSummary(id as ArticleId).id)
  const range = (value: string | undefined, current: string | null) => (value === undefined ? current : value.trim() === '' ? null : value.trim())

  return (doc) => {
    let next = updateBriefingFields(doc, fields)
    if (sections) next = setSelectedTags(next, sections)
    for (const tagId of added) next = addSection(next, tagId)
    for (const tagId of removed) next = removeSection(next, tagId)
    for (const entityId of entitiesAdded) next = addSection(next, entityId)
    for (const entityId of entitiesRemoved) next = removeSection(next, entityId)
    if (opts.entityIndex !== undefined) next = setEntityIndex(next, opts.entityIndex)
    if (articles) next = setArticleFilter(next, articles)
    if (opts.allArticles === true) next = setArticleFilter(next, null)
    if (opts.from !== undefined || opts.to !== undefined) next = setDateRange(next, range(opts.from, next.selection.from), range(opts.to, next.selection.to))
    if (opts.untagged !== undefined) next = setUntagged(next, opts.untagged)
    return next
  }
}
