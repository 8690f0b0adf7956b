/**
 * `dossier export` (a briefing as PDF, Markdown, CSV or W3C Web Annotations; ad hoc from
 * tags, or a briefing stored in the app) and `dossier import-annotations` (a W3C Web
 * Annotation file's highlights, tags and comments recreated on this notebook's articles).
 *
 * --json output:
 *   export             -> { path: string (absolute), format: "pdf"|"md"|"csv"|"w3c", pageCount: number (0 unless pdf),
 *                           passageCount: number (what the file holds: passage blocks in pdf/md, rows in csv, annotations in w3c) }
 *   import-annotations -> { created: number, skipped: number, tagsCreated: string[], problems: [{ annotation: string, message: string }] }
 */
import { lstat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Option, type Command } from 'commander'
import type { AnnotationImportReport, BriefingRequest, ExportFormat } from '../core/api'
import type { BriefingId } from '../core/briefing-document'
import { DossierError } from '../core/result'
import { MAX_NEW_TAGS_PER_FILE, namesList, NEW_TAGS_WITHOUT_ASKING } from '../main/briefings/annotation-import'
import { FORMAT_NAMES, type ExportResult } from '../main/briefings/export-briefing'
import { withFormatExtension } from '../main/briefings/export-writer'
import { EXIT, type CommandFailure } from './cli-output'
import { oneLine, plural } from './format'
import { escapeLabel } from './terminal-safe'
import { UsageError } from './run-cli'
import type { CommandContext } from './safety-commands'
import { collect } from './cli-args'

export const EXPORT_FORMATS = ['pdf', 'md', 'csv', 'w3c'] as const satisfies readonly ExportFormat[]

interface ExportOptions {
  format: ExportFormat
  out: string
  briefing?: string
  tag?: string[]
  title?: string
  force?: boolean
}

/** The usual command context plus the folder relative paths are read against (the CLI's io.cwd). */
export interface ExportCommandContext extends CommandContext {
  cwd: string
}

export function registerExportCommands(program: Command, context: (cmd: Command) => ExportCommandContext): void {
  program
    .command('export')
    .description('Export a briefing of the highlighted passages, grouped by tag and cited: PDF, Markdown, CSV (one row per passage) or W3C Web Annotations (JSON-LD).')
    .addOption(new Option('--format <format>', 'the output format').choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'where to write it (relative to the current folder)')
    .option('--briefing <id>', 'export this briefing stored in the app (b-…), with its title, sections, order and notes')
    .option('--tag <name>', 'include only this tag, in this order (repeatable; default: every passage, untagged ones in a last section)', collect)
    .option('--title <text>', 'the briefing title (not with --briefing: a stored briefing has its own)')
    .option('--force', 'replace the file at --out if there is one (without it, an existing file is never overwritten)')
    .addHelpText(
      'after',
      `
Formats: pdf; md (Markdown); csv (UTF-8 with BOM, for Excel: article, outlet, published, tags,
quote, comment, start, end); w3c (a W3C Web Annotation collection that "dossier
import-annotations" or another annotation tool can read).
Nothing is left at --out if the export fails. An existing file at --out is refused unless
--force is given. Give either --briefing or --tag, not both.

Examples:
  $ dossier export --format pdf --out briefing.pdf
  $ dossier export --format pdf --out bases.pdf --tag Bases --title "Russian bases in Syria"
  $ dossier export --format md --out weekly.md --briefing b-1a2b3c4d5e
  $ dossier export --format w3c --out annotations.jsonld`,
    )
    .action(async (opts: ExportOptions, cmd: Command) => {
      if (opts.briefing !== undefined && opts.tag !== undefined) {
        throw new UsageError('give either --briefing or --tag, not both: a stored briefing has its own tags')
      }
      if (opts.briefing !== undefined && opts.title !== undefined) {
        throw new UsageError('--title is for an ad-hoc briefing; a stored briefing (--briefing) has its own title')
      }
      const { open, print, cwd } = context(cmd)
      const outPath = resolve(cwd, opts.out)
      if (opts.force !== true) await refuseExisting(withFormatExtension(outPath, opts.format))
      const session = await open('read', opts.format === 'pdf')
      const request: BriefingRequest = { format: opts.format }
      if (opts.briefing !== undefined) request.briefingId = opts.briefing as BriefingId
      else {
        request.title = opts.title
        if (opts.tag && opts.tag.length > 0) request.tagIds = session.tagIdsByName(opts.tag)
      }
      const result = await session.exportBriefing(outPath, request)
      const { path, format, pageCount, passageCount } = result
      print({ path, format, pageCount, passageCount }, () => formatExport(result))
    })

  program
    .command('import-annotations')
    .description("Recreate the highlights, tags and comments of a W3C Web Annotation file (JSON-LD) on this notebook's articles.")
    .argument('<file>', 'the annotation file, such as one "dossier export --format w3c" wrote')
    .option('--create-tags', `create the tags the file names that this notebook lacks, even more than ${NEW_TAGS_WITHOUT_ASKING}`)
    .addHelpText(
      'after',
      `
Each annotation is matched to an article by its URL, or by the hash of its text (so the
same article imported into another notebook is found), or else by its quotes (a copy
with other line ends or another URL), and its quote is checked against the stored text.
Tags the notebook lacks are created (matched by name, ignoring case): up to
${NEW_TAGS_WITHOUT_ASKING} without asking; more only with --create-tags (at most ${MAX_NEW_TAGS_PER_FILE}). A file
of more than 50,000 annotations is refused. Annotations already in the notebook are
skipped, so importing a file twice adds nothing. Exits 1, changing nothing, when a limit
is exceeded; exits 1 when nothing was imported and some annotations could not be placed,
and 3 when some could not be placed while the others were imported (or were already there).

Examples:
  $ dossier import-annotations annotations.jsonld
  $ dossier import-annotations colleague.jsonld --create-tags
  $ dossier --notebook ./syria import-annotations ~/Downloads/colleague.jsonld --json`,
    )
    .action(async (file: string, opts: { createTags?: boolean }, cmd: Command) => {
      const { open, print, cwd } = context(cmd)
      const session = await open('write')
      const report = await session.importAnnotations(resolve(cwd, file), {
        confirmNewTags: (names) => {
          if (opts.createTags) return true
          throw new DossierError(
            'needs-confirmation',
            `${file} would create ${names.length} new tags (${namesList(names)}); nothing was imported. Give --create-tags to create them.`,
          )
        },
      })
      if ('canceled' in report) throw new DossierError('canceled', 'The import was cancelled; nothing was imported.')
      print(report, () => formatAnnotationImport(report), annotationImportFailure(report))
    })
}

/**
 * The CLI never clobbers a file (the app's save dialog asks first; a script cannot be
 * asked): an existing file or link at the target is refused without --force. A folder
 * there is left to the export's own check, which says "it is a folder".
 */
export async function refuseExisting(target: string, option = '--out'): Promise<void> {
  const existing = await lstat(target).catch(() => null)
  if (existing && !existing.isDirectory()) {
    throw new DossierError('file-exists', `${target} already exists; nothing was written. Give --force to replace it, or choose another ${option}.`)
  }
}

/** Exit 1 when no annotation could be placed, 3 when some could not while others were. */
function annotationImportFailure(report: AnnotationImportReport): CommandFailure | undefined {
  const failed = report.problems.length
  if (failed === 0) return undefined
  const done = report.created + report.skipped
  if (done > 0) {
    return { exitCode: EXIT.partial, code: 'partial-import', message: `Partly imported: ${plural(failed, 'annotation')} of ${failed + done} could not be placed (${report.created} imported, ${report.skipped} already in the notebook).` }
  }
  const only = failed === 1 ? report.problems[0]!.message : undefined
  return { exitCode: EXIT.failed, code: 'import-failed', message: only ?? `Nothing was imported: ${plural(failed, 'annotation')} could not be placed.` }
}

export function formatExport(result: ExportResult): string {
  const what =
    result.format === 'pdf'
      ? `Exported ${plural(result.passageCount, 'passage')} on ${plural(result.pageCount, 'page')} to ${escapeLabel(result.path)}\n`
      : `Exported ${plural(result.passageCount, 'passage')} to ${escapeLabel(result.path)} (${FORMAT_NAMES[result.format]})\n`
  return what + (result.warnings ?? []).map((w) => `  warning: ${escapeLabel(oneLine(w))}\n`).join('')
}

export function formatAnnotationImport(report: AnnotationImportReport): string {
  const lines = [`Imported ${plural(report.created, 'annotation')}${report.skipped > 0 ? `; ${report.skipped} already in the notebook (skipped)` : ''}.`]
  if (report.tagsCreated.length > 0) lines.push(`Created ${report.tagsCreated.length === 1 ? 'tag' : 'tags'}: ${report.tagsCreated.map(escapeLabel).join(', ')}.`)
  for (const p of report.problems) lines.push(`  not imported: ${escapeLabel(oneLine(p.message))}`)
  return `${lines.join('\n')}\n`
}
