/**
 * `dossier import PATH...`: files and folders into the notebook.
 *
 * Imports commit in steps (src/main/import/import-batch.ts), and the human report prints
 * each imported file when its step is saved, so what the terminal says was imported is in
 * the notebook even if the process is killed a moment later. SIGINT (Ctrl-C) or SIGTERM
 * stops the import, the file being read included (its worker is stopped): what was
 * prepared is saved, the report says which files were not imported, the lock is released,
 * and the command exits 130 (SIGINT) or 143 (SIGTERM). A second signal stops at once,
 * without saving. The command listens from before it opens the notebook; a signal after its
 * report, while the notebook is closed, is handled by run-cli (closeSessions).
 */
import { resolve } from 'node:path'
import type { Command } from 'commander'
import type { ImportItem, ImportReport } from '../core/api'
import type { NotebookSession } from '../main/notebook-session'
import { EXIT, type CliIo, type CommandFailure } from './cli-output'
import { formatImportItem, formatImportTotals } from './format'

type Signal = 'SIGINT' | 'SIGTERM'

interface ImportCommandContext {
  json: boolean
  open: (mode: 'create') => Promise<NotebookSession>
  print: (value: unknown, human: () => string, failure?: CommandFailure) => void
}

export function registerImportCommand(program: Command, io: CliIo, context: (cmd: Command) => ImportCommandContext): void {
  program
    .command('import')
    .description(
      'Import articles from files and folders: .txt, .md, .html/.htm (saved web pages), .pdf, .docx and .eml (e-mail; a .txt that is a message is read as one) (folders are searched recursively). Creates the notebook if it does not exist.',
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
Files are saved in steps, and each "imported" line is printed once its file is saved.
Ctrl-C (or SIGTERM) stops the file being read, keeps what was imported and says what was
not; a second Ctrl-C stops at once.
Exits 1 when nothing was imported and at least one path failed, 3 when some paths failed
while the others were imported (or were already in the notebook), 130 when interrupted by
Ctrl-C and 143 by SIGTERM.

Examples:
  $ dossier import article.txt page.html report.pdf
  $ dossier --notebook ./syria import ~/Downloads/syria-articles`,
    )
    .action(async (paths: string[], _opts: unknown, cmd: Command) => {
      const { json, open, print } = context(cmd)
      const stop = new AbortController()
      let interrupted: Signal | null = null
      // Listening before the notebook is opened (and locked): a signal while it opens (which
      // may read many files) stops the import before its first file instead of killing the
      // process with the lock held. run-cli handles a signal while the notebook is closed.
      const stopListening = io.onSignal?.((signal) => {
        if (interrupted) return
        interrupted = signal
        stop.abort()
        io.stderr(`dossier: ${signal === 'SIGINT' ? 'Interrupted' : 'Terminated'}: stopping the file being read and saving what was imported…\n`)
      })
      const printed = new Set<ImportItem>()
      const streamed = (items: readonly ImportItem[]) => {
        if (json) return
        io.stdout(items.map(formatImportItem).join(''))
        for (const item of items) printed.add(item)
      }
      let report: ImportReport
      try {
        const session = await open('create')
        report = await session.importPaths(
          paths.map((p) => resolve(io.cwd, p)),
          { signal: stop.signal, onCommitted: streamed },
        )
      } finally {
        stopListening?.()
      }
      const human = () => `${report.items.filter((i) => !printed.has(i)).map(formatImportItem).join('')}${formatImportTotals(report)}`
      print(report, human, interrupted ? interruptedFailure(report, interrupted) : importFailure(report))
    })
}

function interruptedFailure(report: ImportReport, signal: Signal): CommandFailure {
  const left = report.items.filter((i) => i.status === 'failed' && i.error?.code === 'canceled').length
  return {
    exitCode: signal === 'SIGINT' ? EXIT.interrupted : EXIT.terminated,
    code: 'canceled',
    message: `${signal === 'SIGINT' ? 'Interrupted' : 'Terminated'}: ${report.imported} imported and saved, ${left} not imported (listed above as cancelled).`,
  }
}

function importFailure(report: ImportReport): CommandFailure | undefined {
  const failures = report.items.filter((i) => i.status === 'failed')
  if (failures.length === 0) return undefined
  if (report.imported + report.duplicates > 0) {
    return {
      exitCode: EXIT.partial,
      code: 'partial-import',
      message: `Partly imported: ${failures.length} of ${report.items.length} items failed (${report.imported} imported, ${report.duplicates} already in the notebook).`,
    }
  }
  const only = failures.length === 1 ? failures[0]!.error : undefined
  return only ? { exitCode: EXIT.failed, ...only } : { exitCode: EXIT.failed, code: 'import-failed', message: `Nothing was imported: ${failures.length} items failed.` }
}
