/**
 * `dossier ach create|list|show|hypothesis|evidence|rate|export|delete` (ACH matrices: Analysis of
 * Competing Hypotheses, notes/ach.md) and `dossier cooccurrence` (tag co-occurrence and
 * tag-by-article/outlet grids). Every change is one of the core's pure edits
 * (src/core/ach/edit.ts) applied to the stored matrix; a refused value (unknown matrix, row
 * or hypothesis, a rating off the scale, a weight out of range, an empty text) is found
 * before anything is written, so the notebook is unchanged.
 *
 * --json output:
 *   ach create|hypothesis|evidence|rate -> AchMatrix
 *            { version: 2, id: "m-…", question, hypotheses: [{ id: "H1", text }],
 *              evidence: [{ id: "E1", source: { kind: "highlight", highlightId: "h-…" } | { kind: "note", text } | { kind: "claim", claimId: "c-…" },
 *                           credibility: number, relevance: number,   // 0.5-2 each, 1 = medium
 *                           ratings: { "H1": "CC" | "C" | "N" | "I" | "II" | "NA", … } }],   // absent = not rated
 *              nextHypothesis, nextEvidence, createdAt, updatedAt }
 *   ach show -> { matrix: AchMatrix,
 *                 scores: { hypotheses: [{ id, text, inconsistency, rank, inconsistentCells, unratedCells }],
 *                           ranking: ["H2", …], leaders: ["H2"],
 *                           rows: [{ id, weight, diagnosticity, diagnostic, sensitive, leadersWithout }],
 *                           nonDiagnosticRows: ["E3"], sensitiveRows: ["E1"] },
 *                 evidence: [{ id, kind: "highlight" | "note" | "claim", text, highlightId, articleId, articleTitle, missing,
 *                              claim?: { claimId, independentSources, contradictingSources,
 *                                        passages: [{ highlightId, articleId, stance, grade, citation }] } }],
 *                 missingRows: ["E4"] }
 *   ach list -> [{ id, question, hypothesisCount, evidenceCount, leaders, updatedAt }]
 *   ach delete -> { deleted: AchMatrix }
 *   ach export -> { path: string (absolute), format: "md" | "csv", rowCount, hypothesisCount }
 *   cooccurrence -> { by: "tag" | "article" | "outlet", overlap: boolean,
 *                     rows: [{ id: "t-…", label }], columns: [{ id, label }],
 *                     cells: [[{ count, highlightIds: ["h-…"] }]] }   // cells[row][column]
 *   cooccurrence --csv FILE -> { path: string (absolute), by, rows: number, columns: number }
 * The CSV goes to a file, never to stdout: the terminal output escapes control characters
 * (a CSV's CR line ends among them), and a spreadsheet wants the file as written.
 */
import { resolve } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { Option, type Command } from 'commander'
import {
  achToCsv,
  achToMarkdown,
  addHypothesis,
  checkFactor,
  editHypothesis,
  findEvidence,
  findHypothesis,
  moveHypothesis,
  parseRating,
  rateCell,
  removeHypothesis,
  WEIGHT_LEVELS,
  type AchMatrix,
  type EvidenceWeights,
} from '../core/ach'
import { COOCCURRENCE_KINDS, cooccurrence, cooccurrenceToCsv, type CooccurrenceBy } from '../core/cooccurrence'
import type { HighlightId } from '../core/ids'
import { DossierError } from '../core/result'
import { AchSession } from '../main/ach/ach-session'
import { writeExportFile } from '../main/briefings/export-writer'
import { checkExportTarget } from '../main/export-target'
import type { NotebookSession } from '../main/notebook-session'
import { formatAchChange, formatAchList, formatAchView, formatCooccurrence } from './ach-output'
import { refuseExisting, type ExportCommandContext } from './export-commands'
import { plural } from './format'
import { UsageError } from './run-cli'
import { escapeLabel } from './terminal-safe'

interface EvidenceOptions {
  highlight?: string
  note?: string
  claim?: string
  weight?: string
  credibility?: string
  relevance?: string
}

interface HypothesisOptions {
  edit?: string
  remove?: string
  move?: string
  to?: string
}

export const ACH_EXPORT_FORMATS = ['md', 'csv'] as const

export function registerAchCommands(program: Command, context: (cmd: Command) => ExportCommandContext): void {
  const group = program
    .command('ach')
    .description('Analysis of Competing Hypotheses: a question, hypotheses, passages and notes as evidence, each cell rated; scores as Heuer defines them.')
    .addHelpText(
      'after',
      `
Ratings: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable.
Scores: a hypothesis' weighted inconsistency adds 1 (I) or 2 (II) times the row's weight
(credibility × relevance); the least inconsistent leads. Rows rated alike are not diagnostic;
rows whose removal alone changes the lead are sensitive.

Examples:
  $ dossier ach create "Why did the Tartus convoy stop?"
  $ dossier ach hypothesis m-1a2b3c4d5e "Ordered to wait for an escort"
  $ dossier ach evidence m-1a2b3c4d5e --highlight h-0a1b2c3d4e --credibility high
  $ dossier ach evidence m-1a2b3c4d5e --note "No satellite images of the road" --weight 0.5
  $ dossier ach evidence m-1a2b3c4d5e --claim c-0123456789 --weight 2
  $ dossier ach rate m-1a2b3c4d5e E1 H2 II
  $ dossier ach show m-1a2b3c4d5e`,
    )

  group
    .command('create')
    .description('Start a matrix for a question.')
    .argument('<question>', 'the question the hypotheses answer')
    .action(async (question: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const ach = achOf(await open('write'))
      const matrix = await ach.create(question)
      print(matrix, () => `Created ACH matrix ${matrix.id}: ${escapeLabel(matrix.question)}\nAdd hypotheses with: dossier ach hypothesis ${matrix.id} "TEXT"\n`)
    })

  group
    .command('list')
    .description('List the ACH matrices, most recently changed first.')
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const list = await achOf(await open('read')).list()
      print(list, () => formatAchList(list))
    })

  group
    .command('show')
    .description('Show a matrix: hypotheses ranked by weighted inconsistency, the ratings, diagnostic and sensitive rows.')
    .argument('<id>', 'the matrix id (m-…), as "dossier ach list" shows it')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const view = await achOf(await open('read')).view(id)
      print(view, () => formatAchView(view))
    })

  group
    .command('hypothesis')
    .description('Add a hypothesis (a column); or change, move or remove one.')
    .argument('<id>', 'the matrix id (m-…)')
    .argument('[text]', 'the hypothesis')
    .option('--edit <hypothesis>', 'replace the text of this hypothesis (H1, H2…) with TEXT')
    .option('--remove <hypothesis>', 'remove this hypothesis and its ratings')
    .option('--move <hypothesis>', 'move this hypothesis to the column given by --to')
    .option('--to <position>', 'with --move: the column, 1 = first')
    .addHelpText('after', '\nExamples:\n  $ dossier ach hypothesis m-1a2b3c4d5e "Fuel shortage"\n  $ dossier ach hypothesis m-1a2b3c4d5e --edit H1 "Fuel and spare parts shortage"\n  $ dossier ach hypothesis m-1a2b3c4d5e --move H3 --to 1')
    .action(async (id: string, text: string | undefined, opts: HypothesisOptions, cmd: Command) => {
      const op = hypothesisOp(text, opts)
      const { open, print } = context(cmd)
      const ach = achOf(await open('write'))
      const { matrix, changed } = await ach.edit(id, op.run)
      const view = await ach.view(matrix.id)
      print(matrix, () => formatAchChange(changed ? op.done(matrix) : 'Nothing changed: the matrix already is as asked.', matrix, view))
    })

  group
    .command('evidence')
    .description('Add an evidence row: a highlighted passage, a claim, or a note you type.')
    .argument('<id>', 'the matrix id (m-…)')
    .option('--highlight <id>', 'the passage (highlight id h-…, as "dossier show ARTICLE --json" lists them)')
    .option('--note <text>', 'a note as evidence (an assumption, an absence of reporting)')
    .option('--claim <id>', 'a claim (c-…, as "dossier claims" lists them); its credibility defaults from its passages\' grades and independent sources')
    .option('--credibility <n>', 'how far the source is believed: low, medium, high, or a number from 0.5 to 2 (default: from the passage’s or claim’s grade, else medium = 1)')
    .option('--relevance <n>', 'how much it bears on the question: low, medium, high, or 0.5 to 2 (default medium = 1)')
    .option('--weight <n>', 'the row weight in one number (0.5 to 2), when credibility and relevance are not rated apart (stored as the relevance)')
    .action(async (id: string, opts: EvidenceOptions, cmd: Command) => {
      if ([opts.highlight, opts.note, opts.claim].filter((x) => x !== undefined).length !== 1) throw new UsageError('give the evidence as --highlight ID, --claim ID or --note TEXT: one of the three')
      if (opts.weight !== undefined && opts.relevance !== undefined) throw new UsageError('give either --weight or --relevance, not both')
      const weights: EvidenceWeights = {}
      if (opts.credibility !== undefined) weights.credibility = factor(opts.credibility, 'The credibility')
      if (opts.relevance !== undefined) weights.relevance = factor(opts.relevance, 'The relevance')
      if (opts.weight !== undefined) weights.relevance = factor(opts.weight, 'The weight')
      const { open, print } = context(cmd)
      const ach = achOf(await open('write'))
      const matrix =
        opts.highlight !== undefined
          ? await ach.addPassage(id, opts.highlight.trim() as HighlightId, weights)
          : opts.claim !== undefined
            ? await ach.addClaim(id, opts.claim, weights)
            : await ach.addNote(id, opts.note!, weights)
      const row = matrix.evidence.at(-1)!
      const view = await ach.view(matrix.id)
      print(matrix, () => formatAchChange(`Added evidence row ${row.id} to ${matrix.id}. Rate it with: dossier ach rate ${matrix.id} ${row.id} HYPOTHESIS RATING`, matrix, view))
    })

  group
    .command('rate')
    .description('Rate one cell: how consistent an evidence row is with a hypothesis.')
    .argument('<id>', 'the matrix id (m-…)')
    .argument('<row>', 'the evidence row (E1, E2…)')
    .argument('<hypothesis>', 'the hypothesis (H1, H2…)')
    .argument('<rating>', 'CC, C, N, I, II or NA')
    .action(async (id: string, rowName: string, hypothesisName: string, ratingText: string, _opts: unknown, cmd: Command) => {
      const rating = parseRating(ratingText)
      const { open, print } = context(cmd)
      const ach = achOf(await open('write'))
      const { matrix } = await ach.edit(id, (m) => rateCell(m, findEvidence(m, rowName).id, findHypothesis(m, hypothesisName).id, rating))
      const view = await ach.view(matrix.id)
      const row = findEvidence(matrix, rowName).id
      const hypothesis = findHypothesis(matrix, hypothesisName).id
      print(matrix, () => formatAchChange(`Rated ${row} × ${hypothesis}: ${rating}.`, matrix, view))
    })

  group
    .command('export')
    .description('Write a matrix as Markdown or CSV: the hypotheses ranked, the ratings as codes, diagnostic and sensitive rows.')
    .argument('<id>', 'the matrix id (m-…)')
    .addOption(new Option('--format <format>', 'the output format').choices(ACH_EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it (relative to the current folder)')
    .option('--force', 'replace the file at --out if there is one (without it, an existing file is never overwritten)')
    .addHelpText('after', '\nExamples:\n  $ dossier ach export m-1a2b3c4d5e --format md --out tartus-ach.md\n  $ dossier ach export m-1a2b3c4d5e --format csv --out tartus-ach.csv --force')
    .action(async (id: string, opts: { format: (typeof ACH_EXPORT_FORMATS)[number]; out: string; force?: boolean }, cmd: Command) => {
      const { open, print, cwd } = context(cmd)
      const target = resolve(cwd, opts.out)
      if (opts.force !== true) await refuseExisting(target)
      await checkExportTarget(target)
      const view = await achOf(await open('read')).view(id)
      await writeExportFile(target, opts.format === 'md' ? achToMarkdown(view) : achToCsv(view, stringify))
      const written = { path: target, format: opts.format, rowCount: view.matrix.evidence.length, hypothesisCount: view.matrix.hypotheses.length }
      print(written, () => `Wrote ${target} (${written.hypothesisCount} ${written.hypothesisCount === 1 ? 'hypothesis' : 'hypotheses'}, ${plural(written.rowCount, 'evidence row')}).\n`)
    })

  group
    .command('delete')
    .description('Delete a matrix. Its passages stay: a matrix only points to them.')
    .argument('<id>', 'the matrix id (m-…)')
    .addHelpText('after', '\nThere is no undo on the command line; --json prints the deleted matrix in full, and the newest\nbackup made before holds it ("dossier backups").')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const ach = achOf(await open('write'))
      const matrix = await ach.get(id)
      await ach.delete(matrix.id)
      print({ deleted: matrix }, () => `Deleted ACH matrix ${matrix.id}: ${escapeLabel(matrix.question)}\n`)
    })
}

export function registerCooccurrenceCommand(program: Command, context: (cmd: Command) => ExportCommandContext): void {
  program
    .command('cooccurrence')
    .description('Which tags occur together (tag × tag), or each tag by article or outlet: counts with the passages behind them.')
    .addOption(new Option('--by <what>', 'tag × tag, tag × article, or tag × outlet').choices(COOCCURRENCE_KINDS).default('tag'))
    .option('--overlap', 'with --by tag: also count overlapping highlights of one article that carry the two tags')
    .option('--csv <file>', 'write the grid to this CSV file (UTF-8 with BOM, CRLF, for spreadsheets; relative to the current folder)')
    .option('--force', 'with --csv: replace the file if there is one (without it, an existing file is never overwritten)')
    .addHelpText('after', '\nExamples:\n  $ dossier cooccurrence\n  $ dossier cooccurrence --by outlet --csv tags-by-outlet.csv\n  $ dossier cooccurrence --json   # with the highlight ids behind every count')
    .action(async (opts: { by: CooccurrenceBy; overlap?: boolean; csv?: string; force?: boolean }, cmd: Command) => {
      if (opts.overlap && opts.by !== 'tag') throw new UsageError('--overlap applies to --by tag only')
      if (opts.force && opts.csv === undefined) throw new UsageError('--force goes with --csv FILE')
      const { open, print, cwd } = context(cmd)
      const target = opts.csv === undefined ? null : resolve(cwd, opts.csv)
      if (target) {
        if (opts.force !== true) await refuseExisting(target, '--csv')
        await checkExportTarget(target)
      }
      const session = await open('read')
      const highlights = await session.store.allHighlights()
      session.store.assertNoneSkipped() // counts must not silently miss a damaged annotation file's passages
      const grid = cooccurrence({ tags: session.listTags(), articles: session.store.articles, highlights }, { by: opts.by, overlap: opts.overlap === true })
      if (target) {
        await writeExportFile(target, cooccurrenceToCsv(grid, stringify))
        const written = { path: target, by: grid.by, rows: grid.rows.length, columns: grid.columns.length }
        print(written, () => `Wrote ${target} (${plural(written.rows, 'tag')} × ${plural(written.columns, grid.by)}).\n`)
        return
      }
      print(grid, () => formatCooccurrence(grid))
    })
}

function achOf(session: NotebookSession): AchSession {
  return new AchSession(session.store)
}

/** low/medium/high or a number, checked against the range. */
function factor(value: string, what: string): number {
  const level = WEIGHT_LEVELS.get(value.trim().toLowerCase())
  if (level !== undefined) return level
  const n = value.trim() === '' ? Number.NaN : Number(value)
  if (Number.isNaN(n)) throw new DossierError('bad-request', `${what} must be low, medium, high or a number from 0.5 to 2; "${value}" is none of these.`)
  return checkFactor(n, what)
}

function hypothesisOp(text: string | undefined, opts: HypothesisOptions): { run: (m: AchMatrix) => AchMatrix; done: (m: AchMatrix) => string } {
  const modes = [opts.edit, opts.remove, opts.move].filter((x) => x !== undefined).length
  if (modes > 1) throw new UsageError('give one of --edit, --remove or --move')
  if ((opts.move === undefined) !== (opts.to === undefined)) throw new UsageError('--move and --to go together')
  if (opts.remove !== undefined || opts.move !== undefined) {
    if (text !== undefined) throw new UsageError(`no TEXT with --${opts.remove !== undefined ? 'remove' : 'move'}`)
  } else if (text === undefined) throw new UsageError('give the hypothesis TEXT')
  if (opts.edit !== undefined) {
    const name = opts.edit
    return { run: (m) => editHypothesis(m, findHypothesis(m, name).id, text!), done: (m) => `Changed ${findHypothesis(m, name).id} of ${m.id}.` }
  }
  if (opts.remove !== undefined) {
    const name = opts.remove
    return { run: (m) => removeHypothesis(m, findHypothesis(m, name).id), done: (m) => `Removed ${name.trim().toUpperCase()} and its ratings from ${m.id}.` }
  }
  if (opts.move !== undefined) {
    const name = opts.move
    const to = Number(opts.to)
    if (!Number.isInteger(to) || to < 1) throw new UsageError(`--to takes a column number from 1; "${opts.to}" is not one`)
    return { run: (m) => moveHypothesis(m, findHypothesis(m, name).id, to - 1), done: (m) => `Moved ${findHypothesis(m, name).id} to column ${m.hypotheses.findIndex((h) => h.id === name.trim().toUpperCase()) + 1} of ${m.id}.` }
  }
  return { run: (m) => addHypothesis(m, text!), done: (m) => `Added hypothesis ${m.hypotheses.at(-1)!.id} to ${m.id}.` }
}
