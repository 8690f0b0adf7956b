/**
 * The `dossier` command line: the same notebook operations as the app (through
 * NotebookSession), for scripts and for people who live in a terminal.
 *
 * Exit codes (EXIT in cli-output.ts):
 *   0 everything asked was done (an import whose files were all imported or already there);
 *   1 the command failed: one line `dossier: <message>` on stderr, and the notebook unchanged
 *     (an import or import-annotations where nothing could be imported, check with problems left);
 *   2 bad usage: commander's message on stderr plus a `Run "dossier <command> --help"` hint;
 *   3 partly done: an import (or import-annotations) where some items failed while the others
 *     were imported or already in the notebook; the report says which, stderr says how many;
 *   130 / 143 an import stopped by Ctrl-C (SIGINT) / SIGTERM after saving what it had done:
 *     the report lists the files not imported as cancelled (import-command.ts);
 *     also any writing command interrupted while it closes the notebook (closeSessions).
 *
 * Human output escapes terminal controls (ESC, C1, …) in everything it prints, and titles,
 * names and messages also show bidi and zero-width characters as \u202e (terminal-safe.ts).
 *
 * --json output (stdout; UTF-8 JSON, pretty-printed, one document per run)
 * -----------------------------------------------------------------------
 * Success: the value itself, not wrapped:
 *   import  -> ImportReport
 *              { items: [{ source: string,            // the path the item came from (absolute)
 *                          status: "imported" | "duplicate" | "failed" | "skipped",
 *                          articleId?: string,         // "a-…"; for imported and duplicate
 *                          title?: string,             // for imported and duplicate
 *                          duplicateOf?: string,       // for duplicate: the article already there
 *                          error?: { code: string, message: string },   // for failed
 *                          reason?: string }],         // for skipped: why a folder walk left it out
 *                imported: number, duplicates: number, failed: number, skipped: number }
 *              (also printed when items failed: then with ok/error added, see Failure)
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
 *                tagIds: string[] ("t-…"), comment: string, createdAt: string, updatedAt: string,
 *                eventDate?: { start, end, precision, phrase?, rule?, source } | null }  // decision 53
 *   tags    -> (Tag & { highlightCount: number })[]
 *              [{ id: string ("t-…"), name: string, color: string ("#RRGGBB"),
 *                 description: string, highlightCount: number }]
 *   search  -> SearchResponse { query, hits: [{ kind: "article" | "highlight", id, articleId,
 *                score, field, snippet: { text, ranges }, terms }], total, totalExact,
 *                ranking, error, expansions: [{ raw, entityId, entity, spellings: [{ text, articles }] }] }
 *   export  -> { path: string (absolute), format: "pdf" | "md" | "csv" | "w3c",
 *                pageCount: number (0 unless pdf), passageCount: number (what the file
 *                holds: passage blocks in pdf/md, rows in csv, annotations in w3c) }
 *   import-annotations -> AnnotationImportReport
 *              { created: number, skipped: number, tagsCreated: string[],
 *                problems: [{ annotation: string, message: string }] }
 *   delete, undelete, highlight edit|delete, tag …, entities …, entity …, outlets, outlet …,
 *              attribution, claims, claim …, briefing …, ach …, cooccurrence, timeline, map
 *              -> see the header of their modules (article-commands.ts, highlight-command.ts,
 *              tag-commands.ts, entity-commands.ts, sourcing-commands.ts, claim-commands.ts,
 *              briefing-commands.ts, ach-commands.ts, timeline-commands.ts) and README.md.
 * Failure (exit 1, 2 or 3): stderr still gets its line(s), and stdout gets ONE document with
 *   "ok": false, "error": { "code": string, "message": string }
 * where code is one of the ErrorCode values in src/core/result.ts ("not-found",
 * "quote-not-found", "ambiguous-quote", "unknown-tag", "disk-full", "write-failed", …);
 * usage errors (exit 2) use "bad-request"; unexpected failures use "internal". A command
 * that reports on a batch (import, import-annotations, check) keeps its report's fields in
 * that document: e.g. a failed import prints { items, imported, duplicates, failed, ok: false,
 * error: { code: "partial-import" (exit 3) | "import-failed" | the one failed item's code, message } }.
 * Strings in --json output escape DEL, C1, bidi and zero-width characters as \uXXXX.
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Command, CommanderError } from 'commander'
import { version } from '../../package.json'
import type { ArticleId } from '../core/ids'
import { isDossierError, type ApiError } from '../core/result'
import { EXIT, printResult, terminalIo, unexpectedFailure, usageFailure, userFailure, writeJsonError, type CliIo, type CommandFailure } from './cli-output'
import { NotebookSession } from '../main/notebook-session'
import { describeLaterRecoveries, describeOpenReport, toldSoFar, type Told } from '../main/open-report'
import { formatList, formatShow, formatTags, tagsWithCounts } from './format'
import { registerEditCommand } from './edit-command'
import { registerImportCommand } from './import-command'
import { registerHighlightCommand } from './highlight-command'
import { registerArticleCommands } from './article-commands'
import { registerTagCommands } from './tag-commands'
import { registerEntityCommands } from './entity-commands'
import { registerBriefingCommands } from './briefing-commands'
import { registerAchCommands, registerCooccurrenceCommand } from './ach-commands'
import { registerSourcingCommands } from './sourcing-commands'
import { registerClaimCommands } from './claim-commands'
import { registerSearchCommand, searchUsageMessage } from './search-command'
import { registerExportCommands } from './export-commands'
import { registerSafetyCommands } from './safety-commands'
import { registerTimelineCommands, withEventDateSuggestions } from './timeline-commands'
import { defaultNotebookDir, findFontsDir, userDataDir } from '../main/paths'

export { EXIT, type CliIo } from './cli-output'

const COMMANDS = ['import', 'list', 'show', 'delete', 'undelete', 'edit', 'highlight', 'tags', 'tag', 'entities', 'entity', 'outlets', 'outlet', 'attribution', 'claims', 'claim', 'briefing', 'ach', 'cooccurrence', 'timeline', 'map', 'search', 'export', 'import-annotations', 'backups', 'backup', 'restore', 'check', 'help'] as const
/** Commands whose first argument names a subcommand (`dossier tag create`). */
const GROUPS: ReadonlyMap<string, readonly string[]> = new Map([
  ['tag', ['create', 'rename', 'recolor', 'recolour', 'describe', 'merge', 'delete']],
  ['highlight', ['add', 'edit', 'delete']],
  ['entities', ['list', 'suggest', 'accept', 'reject', 'import-pack', 'remove-pack']],
  ['entity', ['add', 'edit', 'alias', 'unalias', 'rename', 'merge', 'split', 'delete']],
  ['outlet', ['add', 'alias', 'grade', 'link', 'grade-article']],
  ['claim', ['create', 'add', 'remove', 'show', 'delete']],
  ['briefing', ['create', 'list', 'show', 'edit', 'note', 'delete']],
  ['ach', ['create', 'list', 'show', 'hypothesis', 'evidence', 'rate', 'export', 'delete']],
])
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

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalIo(rawIo)
  const opened: OpenedSession[] = []
  let code: number = EXIT.failed
  try {
    code = await runCommand(argv, io, opened)
  } finally {
    const heard = await closeSessions(io, opened, code === EXIT.interrupted || code === EXIT.terminated)
    if (heard && code === EXIT.done) code = heard === 'SIGINT' ? EXIT.interrupted : EXIT.terminated
  }
  return code
}

/** Parses and runs the command; returns its exit code. The caller closes the sessions it opened. */
async function runCommand(argv: string[], io: CliIo, opened: OpenedSession[]): Promise<number> {
  const json = wantsJson(argv)
  let exitCode: number = EXIT.done
  const program = buildProgram(io, opened, (code) => {
    exitCode = code
  })
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitCode
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help, --version and `dossier help` end parsing with exit code 0.
      if (error.exitCode === 0) return EXIT.done
      // Bare `dossier` (or `dossier tag`): commander already printed the help on stderr.
      if (error.code === 'commander.help') {
        if (json) writeJsonError(io, 'bad-request', commandIn(argv) ? `No ${commandIn(argv)} command given.` : 'No command given.')
        return EXIT.usage
      }
      const message = error.message.replace(/^error:\s*/, '')
      return usageFailure(io, json, commandIn(argv) === 'search' ? searchUsageMessage(message, error.code) : message, commandIn(argv))
    }
    if (error instanceof UsageError) return usageFailure(io, json, error.message, commandIn(argv))
    if (isDossierError(error) || error instanceof UserError) return userFailure(io, json, error.code, error.message)
    return unexpectedFailure(io, json, error)
  }
}

interface OpenedSession {
  session: NotebookSession
  writing: boolean
  /** Recoveries already printed; files read later in the command may add more. */
  told: Told
}

/**
 * After a writing command: a backup if the newest is more than a day old, then release the
 * lock. Not after an interrupted command (Ctrl-C means stop soon: the next writing command
 * backs up). A SIGINT/SIGTERM while closing (e.g. during the first backup of a notebook an
 * import just filled) is handled, not fatal: no backup starts after it, one under way
 * finishes, the lock is released, and the signal is returned (the command then exits
 * 130/143); a second signal ends the process at once (index.ts).
 */
async function closeSessions(io: CliIo, opened: OpenedSession[], interrupted: boolean): Promise<'SIGINT' | 'SIGTERM' | null> {
  const heard: { signal: 'SIGINT' | 'SIGTERM' | null } = { signal: null }
  const stopListening = opened.some((o) => o.writing)
    ? io.onSignal?.((signal) => {
        if (heard.signal) return
        heard.signal = signal
        io.stderr(`dossier: ${signal === 'SIGINT' ? 'Interrupted' : 'Terminated'}: everything reported is saved; releasing the notebook…\n`)
      })
    : undefined
  try {
    for (const { session, writing, told } of opened) {
      for (const line of describeLaterRecoveries(session.openReport, told)) io.stderr(`dossier: ${line}\n`)
      if (writing && !interrupted && !heard.signal) {
        await session.backupIfDue().catch((e: Error) => io.stderr(`dossier: warning: the daily backup failed (${e.message}); your changes are saved.\n`))
      }
      await session.close()
    }
  } finally {
    stopListening?.()
  }
  return heard.signal
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
Exit codes: 0 everything done; 1 the command failed (reason on stderr); 2 bad usage;
3 partly done (an import where some files failed and the others were imported);
130/143 an import stopped by Ctrl-C/SIGTERM (what was imported is kept).

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
      opened.push({ session, writing: mode !== 'read', told: toldSoFar(session.openReport) })
      for (const line of describeOpenReport(session.openReport)) io.stderr(`dossier: ${line}\n`)
      return session
    }
    /** Prints the result; with `failure`, the command exits with its code and says why on stderr. */
    const print = (value: unknown, human: () => string, failure?: CommandFailure) => {
      printResult(io, json, value, human, failure)
      if (failure) setExitCode(failure.exitCode)
    }
    return { json, dir, open, print }
  }

  registerImportCommand(program, io, context)

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
      const view = await withEventDateSuggestions(await session.getArticle(id as ArticleId))
      const tags = session.listTags()
      print(view, () => formatShow(view, tags))
    })

  // Registered here, not with the others below: the help lists commands in this order.
  registerArticleCommands(program, context)
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

  registerTagCommands(program, context)
  registerEntityCommands(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerSourcingCommands(program, context)
  registerClaimCommands(program, context)
  registerBriefingCommands(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerAchCommands(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerCooccurrenceCommand(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerTimelineCommands(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerExportCommands(program, (cmd) => ({ ...context(cmd), cwd: io.cwd }))
  registerEditCommand(program, context)
  registerSearchCommand(program, context)
  registerSafetyCommands(program, context)
  return program
}

/** How an import with failed items ends: exit 1 when nothing else was done, 3 when part was. */
// ---------------------------------------------------------------------------------------
// Errors

/** Whether --json was given, known even when parsing fails. */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--')
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json')
}

/** The command named in argv (with its subcommand: "tag create"), for the usage hint; skips the value of --notebook. */
function commandIn(argv: readonly string[]): string | null {
  const words: string[] = []
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const arg = argv[i]!
    if (arg === '--notebook') {
      i++
      continue
    }
    if (!arg.startsWith('-')) words.push(arg)
  }
  const [command, sub] = words
  if (command === undefined || !(COMMANDS as readonly string[]).includes(command) || command === 'help') return null
  return sub !== undefined && GROUPS.get(command)?.includes(sub) ? `${command} ${sub}` : command
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
