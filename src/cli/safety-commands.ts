/**
 * The notebook's safety net on the command line: list and make backups, restore one,
 * and check (and repair) the notebook's integrity.
 */
import type { Command } from 'commander'
import type { NotebookSession } from '../main/notebook-session'
import type { CommandFailure } from './cli-output'
import { formatBackups, formatCheck } from './format'
import { escapeLabel } from './terminal-safe'

export interface CommandContext {
  dir: string
  open(mode: 'read' | 'write' | 'create', needFonts?: boolean): Promise<NotebookSession>
  /** Prints the result; with `failure` the command exits with its code, saying why on stderr (and in the JSON). */
  print(value: unknown, human: () => string, failure?: CommandFailure): void
}

export function registerSafetyCommands(program: Command, context: (cmd: Command) => CommandContext): void {
  program
    .command('backups')
    .description('List the notebook\'s verified backups, newest first (made on quit, at most daily, and before a restore or upgrade).')
    .addHelpText('after', '\nExamples:\n  $ dossier backups\n  $ dossier backups --json')
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const backups = await (await open('read')).listBackups()
      print(backups, () => formatBackups(backups))
    })

  program
    .command('backup')
    .description('Back up the notebook now (verified; the oldest backups beyond the newest five are removed).')
    .addHelpText('after', '\nExamples:\n  $ dossier backup')
    .action(async (_opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const backup = await (await open('write')).backup('manual')
      print(backup, () => `Backed up to backup ${backup.id} (${backup.fileCount} files, verified).\n`)
    })

  program
    .command('restore')
    .description('Restore the notebook to a backup. The current state is backed up first, so a restore can be undone.')
    .argument('<id>', 'the backup id, as shown by "dossier backups"')
    .addHelpText('after', '\nExamples:\n  $ dossier backups\n  $ dossier restore 2026-11-21T14-03-05-123Z-quit')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { open, print } = context(cmd)
      const session = await open('write')
      const { session: restored, safetyBackup } = await session.restoreBackup(id)
      await restored.close()
      const result = { restored: id, safetyBackup: safetyBackup.id, notebook: restored.info() }
      print(result, () => `Restored backup ${escapeLabel(id)}: ${restored.info().articleCount} articles, ${restored.info().highlightCount} highlights.\nThe state before restoring is kept as backup ${safetyBackup.id}.\n`)
    })

  program
    .command('check')
    .description('Check that every notebook file reads, every highlight points at its article\'s text, and every stored text matches its checksum. Changes nothing unless --repair is given.')
    .option('--repair', 'fix what is safely fixable (never deletes data: damaged or orphaned files are moved aside)')
    .addHelpText('after', '\nExits 1 when problems remain.\n\nExamples:\n  $ dossier check\n  $ dossier check --repair')
    .action(async (opts: { repair?: boolean }, cmd: Command) => {
      const { dir, print } = context(cmd)
      const { checkNotebook } = await import('../main/storage/check-notebook')
      const report = await checkNotebook(dir, { repair: opts.repair === true })
      const failure: CommandFailure | undefined =
        report.problems.length > 0
          ? { exitCode: 1, code: 'problems-found', message: `${report.problems.length} problem(s) found in the notebook${opts.repair ? ' that could not be repaired' : ''}.` }
          : undefined
      print(report, () => formatCheck(report, opts.repair === true), failure)
    })
}
