/**
 * Says, in sentences, what opening a notebook found and did: the app shows these lines
 * in a dialog, the CLI prints them on stderr. Nothing here is silent.
 */
import type { OpenReport } from './storage/notebook-store'

/** How much of a report has been told so far (files are read lazily, so it grows). */
export interface Told {
  recovered: number
  skipped: number
}

export function toldSoFar(report: OpenReport): Told {
  return { recovered: report.recovered.length, skipped: report.skipped.length }
}

/** The lines for what was found after `alreadyTold` (files read lazily). */
export function describeLaterRecoveries(report: OpenReport, alreadyTold: Told): string[] {
  return describeOpenReport({ recovered: report.recovered.slice(alreadyTold.recovered), skipped: report.skipped.slice(alreadyTold.skipped), migratedFrom: null, removedTempFiles: 0 })
}

export function describeOpenReport(report: OpenReport): string[] {
  const lines: string[] = []
  if (report.migratedFrom !== null) {
    lines.push(`The notebook was upgraded from format ${report.migratedFrom}; a backup of the old files was made first (see "backups").`)
  }
  for (const r of report.recovered) {
    const restored = r.restoredFrom
      ? `it was restored from backup ${r.restoredFrom}; changes made after that backup to this file are in the damaged copy`
      : 'no backup held a readable copy, so it starts empty; its contents may still be in the damaged copy'
    lines.push(`${r.file} was damaged (${r.problem}). The damaged file was kept as ${r.movedTo}, and ${restored}.`)
  }
  for (const s of report.skipped) {
    lines.push(`${s.file} could not be read, so its highlights are left out of what this command shows. ${s.problem}`)
  }
  if (report.removedTempFiles > 0) {
    lines.push(`Removed ${report.removedTempFiles} unfinished temporary file(s) left by an interrupted save; no saved data was affected.`)
  }
  return lines
}
