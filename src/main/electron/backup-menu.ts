/**
 * File-menu commands for the notebook's safety net, with native dialogs: back up now,
 * restore from a backup (after backing up the current state), check the notebook, and
 * the backup that runs on quit.
 */
import { app, dialog } from 'electron'
import type { MainService } from '../service'
import { checkNotebook, type CheckReport } from '../storage/check-notebook'

export async function backupNow(service: MainService): Promise<void> {
  try {
    const backup = await service.backupNow()
    await dialog.showMessageBox({ type: 'info', title: 'Backed up', message: 'The notebook was backed up.', detail: `Backup ${backup.id} (${backup.fileCount} files, verified).` })
  } catch (error) {
    dialog.showErrorBox('Backup failed', (error as Error).message)
  }
}

export async function restoreBackup(service: MainService): Promise<void> {
  try {
    const backups = (await service.listBackups()).slice(0, 5)
    if (backups.length === 0) {
      await dialog.showMessageBox({ type: 'info', title: 'No backups', message: 'This notebook has no backups yet.', detail: 'Use File > Back Up Now to make one.' })
      return
    }
    const labels = backups.map((b) => `${new Date(b.createdAt).toLocaleString()} (${b.reason}${b.articleCount === null ? '' : `, ${b.articleCount} articles`})`)
    const { response } = await dialog.showMessageBox({
      type: 'question',
      title: 'Restore from backup',
      message: 'Restore the notebook to which backup?',
      detail: 'The notebook as it is now is backed up first, so a restore can itself be undone from File > Restore from Backup.',
      buttons: [...labels, 'Cancel'],
      cancelId: labels.length,
      defaultId: labels.length,
    })
    const chosen = backups[response]
    if (!chosen) return
    const { safetyBackup } = await service.restoreBackup(chosen.id)
    await dialog.showMessageBox({ type: 'info', title: 'Restored', message: `Restored backup ${chosen.id}.`, detail: `The state before restoring is kept as backup ${safetyBackup.id}.` })
  } catch (error) {
    dialog.showErrorBox('Restore failed', (error as Error).message)
  }
}

export async function checkNotebookFromMenu(service: MainService): Promise<void> {
  try {
    const dir = service.session().store.dir
    const report = await checkNotebook(dir, {})
    if (report.problems.length === 0) {
      await dialog.showMessageBox({ type: 'info', title: 'Notebook check', message: 'No problems found.', detail: `${report.checkedFiles} files checked.` })
      return
    }
    const repairable = report.problems.filter((p) => p.repairable).length
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      title: 'Notebook check',
      message: `${report.problems.length} problem(s) found; ${repairable} can be repaired safely.`,
      detail: describe(report),
      buttons: repairable > 0 ? ['Repair', 'Close'] : ['Close'],
      cancelId: repairable > 0 ? 1 : 0,
    })
    if (repairable === 0 || response !== 0) return
    const repaired = await checkNotebook(dir, { repair: true, lockHeld: true })
    await service.openNotebookAt(dir, { reopen: true })
    await dialog.showMessageBox({ type: 'info', title: 'Notebook repaired', message: `Repaired ${repaired.repaired.length} problem(s).`, detail: describe(repaired) })
  } catch (error) {
    dialog.showErrorBox('Check failed', (error as Error).message)
  }
}

function describe(report: CheckReport): string {
  const lines = [...report.problems.map((p) => `• ${p.file}: ${p.message}${p.repair ? ` (${p.repair})` : ''}`), ...report.kept.map((k) => `• kept: ${k.file}`)]
  return lines.slice(0, 30).join('\n') + (lines.length > 30 ? `\n… and ${lines.length - 30} more (run "dossier check" for all)` : '')
}

/** On quit: back up and release the notebook before the app exits. */
export function quitWith(service: MainService): void {
  let done = false
  app.on('before-quit', (event) => {
    if (done) return
    event.preventDefault()
    void service.shutdown().finally(() => {
      done = true
      app.quit()
    })
  })
}
