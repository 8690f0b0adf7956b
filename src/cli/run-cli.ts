/**
 * The `dossier` command line: the same notebook operations as the app (through
 * NotebookSession), for scripts and for people who live in a terminal.
 *
 * Exit codes: 0 success; 1 user error (one line `dossier: <message>` on stderr);
 * 2 bad usage (commander's message on stderr plus a `Run "dossier <command> --help"` hint).
 *
 * --json output (stdout; UTF-8 JSON, pretty-printed, one document per run)
 * -----------------------------------------------------------------------
 * Success: the value itself, not wrapped:
 *   import  -> ImportReport
 *              { items: [{ source: string,            // the path the item came from (absolute)
 *                          status: "imported" | "duplicate" | "failed",
 *                          articleId?: string,         // "a-…"; for imported and duplicate
 *                          title?: string,             // for imported and duplicate
 *                          duplicateOf?: string,       // for duplicate: the article already there
 *                          error?: { code: string, message: string } }],   // for failed
 *                imported: number, duplicates: number, failed: number }
 *              (printed even when the command exits 1 because nothing was imported)
 *   list    -> ArticleSummary[]
 *              [{ id: string, title: string, outlet: string | null, author: string | null,
 *                 published: string | null,           // "YYYY-MM-DD" or ISO date-time with offset
 *                 url: string | null, wordCount: number, importedAt: string (ISO),
 *                 sourceFileName: string, highlightCount: number }]
 *   show    -> ArticleView
 *              { article: ArticleSummary & { metaSources: { title?, outlet?, author?, published?, url?: string } },
 *                text: string,                         // the stored text that offsets index
 *                highlights: Highlight[] }
 *   highlight -> Highlight
 *              { id: string ("h-…"), articleId: string,
 *                target: { start: number, end: number,  // UTF-16 offsets into text, end exclusive
 *                          exact: string, prefix: string, suffix: string },
 *                tagIds: string[] ("t-…"), comment: string, createdAt: string, updatedAt: string }
 *   tags    -> (Tag & { highlightCount: number })[]
 *              [{ id: string ("t-…"), name: string, color: string ("#RRGGBB"),
 *                 description: string, highlightCount: number }]
 *   search  -> SearchResponse { query, hits: [{ kind: "article" | "highlight", id, articleId,
 *                score, field, snippet: { text, ranges }, terms }], total, totalExact,
 *                ranking, error }
 *   export  -> { path: string (absolute), format: "pdf" | "md" | "csv" | "w3c",
 *                pageCount: number (0 unless pdf), passageCount: number }
 *   import-annotations -> AnnotationImportReport
 *              { created: number, skipped: number, tagsCreated: string[],
 *                problems: [{ annotation: string, message: string }] }
 * Failure (exit 1 or 2): stderr still gets its line(s), and stdout gets
 *   { "ok": false, "error": { "code": string, "message": string } }
 * where code is one of the ErrorCode values in src/core/result.ts ("not-found",
 * "quote-not-found", "ambiguous-quote", "unknown-tag", "write-failed", …); usage errors
 * (exit 2) use "bad-request"; unexpected failures use "internal".
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError } from 'commander'
import { version } from '../../package.json'
import type { ArticleId } from '../core/ids'
import { isDossierError, type ApiError } from '../core/result'
import { NotebookSession } from '../main/notebook-session'
import type { ImportReport } from '../core/api'
import { describeLaterRecoveries, describeOpenReport } from '../main/open-report'
import { formatImport, formatList, formatShow, formatTags, oneLine, tagsWithCounts } from './format'
import { registerEditCommand } from './edit-command'
import { registerHighlightCommand } from './highlight-command'
import { registerSearchCommand } from './search-command'
import { registerExportCommands } from './export-commands'
import { registerSafetyCommands } from './safety-commands'
import { defaultNotebookDir, findFontsDir, userDataDir } from '../main/paths'

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
}

const COMMANDS = ['import', 'list', 'show', 'edit', 'highlight', 'tags', 'search', 'export', 'import-annotations', 'backups', 'backup', 'restore', 'check', 'help'] as const
export { EXPORT_FORMATS } from './export-commands'

/** A usage error found after parsing (e.g. a highlight with neither --tag nor --comment). */
export class UsageError extends Error {}

/** A user error that is not a DossierError (e.g. the PDF fonts are missing). */
class UserError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message)
  }
}

interface GlobalOptions {
  notebook?: string
  json?: boolean
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const json = wantsJson(argv)
  let exitCode = 0
  const opened: OpenedSession[] = []
  const program = buildProgram(io, opened, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version and `dossier help` end parsing with exit code 0.
      if (error.exitCode === 0) return 0
      // Bare `dossier`: commander already printed the help on stderr.
      if (error.code === 'commander.help') {
        if (json) writeJsonError(io, 'bad-request', 'No command given.')
        return 2
      }
      return usageFailure(io, json, error.message.replace(/^error:\s*/, ''), commandIn(argv))
    }
    if (error instanceof UsageError) return usageFailure(io, json, error.message, commandIn(argv))
    if (isDossierError(error) || error instanceof UserError) return userFailure(io, json, error.code, error.message)
    const message = error instanceof Error ? error.message : String(error)
    if (io.env.DOSSIER_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
    return userFailure(io, json, 'internal', `Unexpected error: ${message}`)
  } finally {
    await closeSessions(io, opened)
  }
}

interface OpenedSession {
  session: NotebookSession
  writing: boolean
  /** Recoveries already printed; files read later in the command may add more. */
  told: number
}

/** After a writing command: a backup if the newest is more than a day old, then release the lock. */
async function closeSessions(io: CliIo, opened: OpenedSession[]): Promise<void> {
  for (const { session, writing, told } of opened) {
    for (const line of describeLaterRecoveries(session.openReport, told)) io.stderr(`dossier: ${line}\n`)
    if (writing) {
      await session.backupIfDue().catch((e: Error) => io.stderr(`dossier: warning: the daily backup failed (${e.message}); your changes are saved.\n`))
    }
    await session.close()
  }
}

function buildProgram(io: CliIo, opened: OpenedSession[], setExitCode: (code: number) => void): Command {
  const program = new Command('dossier')
  // Set before any subcommand is added: subcommands copy these settings.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // runCli prints parse errors itself, prefixed and with a hint.
      outputError: () => undefined,
    })
    .configureHelp({ showGlobalOptions: true })
    .description('Dossier on the command line: import articles, highlight and tag passages, export a cited briefing PDF.')
    .version(version, '-V, --version', 'print the Dossier version')
    .helpOption('-h, --help', 'show help')
    .option('--notebook <dir>', 'the notebook folder (default: $DOSSIER_NOTEBOOK, else the app\'s default notebook)')
    .option('--json', 'print machine-readable JSON on stdout')
    .addHelpText(
      'after',
      `
The global options may come before or after the command.
Exit codes: 0 success, 1 the command failed (reason on stderr), 2 bad usage.

Examples:
  $ dossier import ~/Downloads/syria-articles
  $ dossier list
  $ dossier show a-1f2e3d4c5b
  $ dossier highlight a-1f2e3d4c5b --quote "the Tartus naval base" --tag Bases
  $ dossier export --format pdf --out briefing.pdf --tag Bases --tag Convoys
  $ dossier --notebook ~/notebooks/syria list --json`,
    )

  const context = (cmd: Command) => {
    const opts = cmd.optsWithGlobals<GlobalOptions>()
    const json = opts.json === true
    const fromEnv = io.env.DOSSIER_NOTEBOOK
    const dir = opts.notebook
      ? resolve(io.cwd, opts.notebook)
      : fromEnv
        ? resolve(io.cwd, fromEnv)
        : defaultNotebookDir(userDataDir(process.platform, io.env))
    /**
     * 'read' opens without the writer lock (it may run beside the app); 'write' and
     * 'create' take the lock, recover damaged files and report it on stderr.
     */
    const open = async (mode: 'read' | 'write' | 'create', needFonts = false) => {
      const session = await NotebookSession.open(
        dir,
        { fontsDir: fontsDir(io.env, needFonts) },
        { create: mode === 'create', readOnly: mode === 'read', app: 'cli' },
      )
      opened.push({ session, writing: mode !== 'read', told: session.openReport.recovered.length })
      for (const line of describeOpenReport(session.openReport)) io.stderr(`dossier: ${line}\n`)
      return session
    }
    const print = (value: unknown, human: () => string) => {
      io.stdout(json ? `${JSON.stringify(value, null, 2)}\n` : human())
    }
    /** The command printed its result but failed (exit 1), with one line on stderr. */
    const failAfterOutput = (message: string) => {
      setExitCode(1)
      io.stderr(`dossier: ${message}\n`)
    }
    return { json, dir, open, print, failAfterOutput }
  }

  program
    .command('import')
    .description(
      'Import articles from files and folders: .txt, .md, .html/.htm (saved web pages), .pdf and .docx (folders are searched recursively). Creates the notebook if it does not exist.',
    )
    .argument('<path...>', 'files or folders to import')
    .addHelpText(
      'after',
      `
Text files may be UTF-8 (with or without BOM), UTF-16 LE/BE or Windows-1252: the encoding is
detected. Metadata (title, outlet, author, date, URL, language) is read from the file; correct
it with "dossier edit". An article already in the notebook (same text) is reported as a
duplicate, not imported twice; a likely rewrite of another article is imported and linked
to it with a similarity score. Refused, each with its reason: empty files, binary files,
files over 50 MB, unreadable files, other types, encrypted or broken PDFs, HTML that is only
scripts, file names with control characters, and files too large, too complex or too slow
to read (zip bombs, more than 5,000 PDF pages, nesting over 1,000 levels, more than 60 s).
A file that fails never stops the others.
Exits 1 when nothing was imported and at least one path failed.

Examples:
  $ dossier import article.txt page.html report.pdf
  $ dossier --notebook ./syria import ~/Downloads/syria-articles`,
    )
    .action(async (paths: string[], _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('create')
      const report = await session.importPaths(paths.map((p) => resolve(io.cwd, p)))
      print(report, () => formatImport(report) + formatRewrites(report))
      if (report.imported === 0 && report.failed > 0) {
        setExitCode(1)
        const failures = report.items.filter((i) => i.status === 'failed')
        const only = failures.length === 1 ? failures[0]?.error?.message : undefined
        io.stderr(`dossier: ${only ?? `Nothing was imported: ${failures.length} items failed.`}\n`)
      }
    })

  program
    .command('list')
    .description('List the articles in the notebook.')
    .addHelpText(
      'after',
      `
Columns: id, publication date (— when the article states none), outlet, words, highlights, title.

Examples:
  $ dossier list
  $ dossier list --json`,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('read')
      const articles = session.listArticles()
      print(articles, () => formatList(articles))
    })

  program
    .command('show')
    .description('Show an article: its metadata, its full stored text and its highlights.')
    .argument('<id>', 'the article id, as shown by "dossier list" (a-…)')
    .addHelpText(
      'after',
      `
Copy quotes for "dossier highlight" from the text printed here.

Examples:
  $ dossier show a-1f2e3d4c5b
  $ dossier show a-1f2e3d4c5b --json`,
    )
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('read')
      const view = await session.getArticle(id as ArticleId)
      const tags = session.listTags()
      print(view, () => formatShow(view, tags))
    })

  // Registered here, not with the others below: the help lists commands in this order.
  registerHighlightCommand(program, context)

  program
    .command('tags')
    .description("List the notebook's tags (its codebook) with how many highlights use each.")
    .addHelpText(
      'after',
      `
Examples:
  $ dossier tags
  $ dossier tags --json`,
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('read')
      const tags = await tagsWithCounts(session)
      print(tags, () => formatTags(tags))
    })

  registerExportCommands(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerEditCommand(program, context)
  registerSearchCommand(program, context)
  registerSafetyCommands(program, context)
  return program
}

/** "likely rewrite of …" lines for the human import report. */
function formatRewrites(report: ImportReport): string {
  return report.items
    .filter((i) => i.rewriteOf?.length)
    .map((i) => `  ${i.articleId ?? ''} is a likely rewrite of ${(i.rewriteOf ?? []).map((r) => `${r.articleId} "${oneLine(r.title)}" (${Math.round(r.score * 100)}%)`).join(', ')}\n`)
    .join('')
}

// ---------------------------------------------------------------------------------------
// Errors

function usageFailure(io: CliIo, json: boolean, message: string, command: string | null): number {
  io.stderr(`dossier: ${message}\n`)
  io.stderr(command ? `Run "dossier ${command} --help" for its usage.\n` : `Run "dossier --help" for the commands, or "dossier <command> --help" for one command.\n`)
  if (json) writeJsonError(io, 'bad-request', message)
  return 2
}

function userFailure(io: CliIo, json: boolean, code: ApiError['code'], message: string): number {
  io.stderr(`dossier: ${oneLine(message)}\n`)
  if (json) writeJsonError(io, code, message)
  return 1
}

function writeJsonError(io: CliIo, code: ApiError['code'], message: string): void {
  io.stdout(`${JSON.stringify({ ok: false, error: { code, message } }, null, 2)}\n`)
}


/** Whether --json was given, known even when parsing fails. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json')
}

/** The command named in argv, for the usage hint (skips the value of --notebook). */
function commandIn(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--notebook') {
      i++
      continue
    }
    if (arg.startsWith('-')) continue
    return (COMMANDS as readonly string[]).includes(arg) && arg !== 'help' ? arg : null
  }
  return null
}

// ---------------------------------------------------------------------------------------
// Setup

/**
 * The PDF fonts: `DOSSIER_FONTS_DIR`, else the project's resources/fonts. This file and
 * the built out/main/cli.js sit at the same depth, so one relative path serves both.
 * Only export needs them: other commands do not fail when they are missing.
 */
function fontsDir(env: NodeJS.ProcessEnv, required: boolean): string {
  const candidate = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources', 'fonts')
  try {
    return findFontsDir([candidate], env)
  } catch (error) {
    if (!required) return candidate
    throw new UserError('internal', `Cannot export: ${(error as Error).message}. Set DOSSIER_FONTS_DIR to a folder holding the Noto fonts.`)
  }
}
