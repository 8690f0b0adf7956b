/**
 * Words for an import's outcome: a one-line summary for the status region ("Imported 5
 * articles", "Imported 3 articles, 1 duplicate, 2 failed, 1 skipped, 4 cancelled"), and for
 * the import log one row per file: imported (as which title), likely rewrite (of which
 * article, how close), duplicate (of which article), failed (with the main process's
 * message verbatim), skipped (with the reason) or cancelled.
 */
import type { ImportItem, ImportReport } from '../../core/api'
import { plural } from './plural'

export type LogOutcome = 'imported' | 'rewrite' | 'duplicate' | 'failed' | 'skipped' | 'cancelled'

/** One file of an import, as the import log lists it. */
export interface ImportLogRow {
  /** The file's name, and the folder it was in when main named a path. */
  file: string
  folder: string | null
  outcome: LogOutcome
  detail: string
}

export const OUTCOME_LABELS: Record<LogOutcome, string> = {
  imported: 'Imported',
  rewrite: 'Likely rewrite',
  duplicate: 'Duplicate',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
}

export interface ImportSummary {
  summary: string
  /** One row per file, in the order the files were given, then local failures. */
  rows: ImportLogRow[]
  /** "file name: message" for each file that could not be imported (cancelled ones are not failures). */
  failures: string[]
  /** One line per file, in the order the files were given, then local failures. */
  lines: string[]
}

/** A file that failed before reaching main (its bytes could not be read here). */
export interface LocalFailure {
  name: string
  message: string
}

export function isCancelledItem(item: ImportItem): boolean {
  return item.status === 'failed' && item.error?.code === 'canceled'
}

function percent(score: number): string {
  return `${Math.round(score * 100)}%`
}

/** The outlet an article's text states: linked to the known outlet, or offered to add. */
export function statedOutletText(stated: NonNullable<ImportItem['statedOutlet']>): string {
  return stated.known !== null
    ? `outlet ${stated.known} (its text names “${stated.name}”)`
    : `its text names the outlet “${stated.name}”, not among your outlets: add it in Sources or with Edit details`
}

/** The lines one imported, duplicate, failed or cancelled file adds to the report. */
export function describeItem(item: ImportItem): string[] {
  if (isCancelledItem(item)) return [`${item.source}: cancelled, not imported`]
  switch (item.status) {
    case 'imported':
      return [
        item.title ? `${item.source}: imported as “${item.title}”` : `${item.source}: imported`,
        ...(item.rewriteOf ?? []).map((r) => `${item.source}: likely rewrite of “${r.title}” (${percent(r.score)})`),
        ...(item.statedOutlet ? [`${item.source}: ${statedOutletText(item.statedOutlet)}`] : []),
      ]
    case 'duplicate':
      return [item.title ? `${item.source}: duplicate of “${item.title}”, not imported again` : `${item.source}: duplicate of an article already in the library, not imported again`]
    case 'failed':
      return [`${item.source}: ${item.error?.message ?? 'could not be imported'}`]
    case 'skipped':
      return [`${item.source}: skipped, ${item.reason ?? 'not imported'}`]
  }
}

function splitPath(source: string): { file: string; folder: string | null } {
  const cut = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'))
  return cut === -1 ? { file: source, folder: null } : { file: source.slice(cut + 1), folder: source.slice(0, cut) || null }
}

/** The import log's row for one file. */
export function logRow(item: ImportItem): ImportLogRow {
  const where = splitPath(item.source)
  if (isCancelledItem(item)) return { ...where, outcome: 'cancelled', detail: 'The import was cancelled before this file.' }
  switch (item.status) {
    case 'imported': {
      const as = item.title ? `as “${item.title}”` : ''
      const rewrites = (item.rewriteOf ?? []).map((r) => `likely rewrite of “${r.title}” (${percent(r.score)})`)
      const outlet = item.statedOutlet ? [statedOutletText(item.statedOutlet)] : []
      return rewrites.length > 0
        ? { ...where, outcome: 'rewrite', detail: [`Imported ${as}`.trim(), ...rewrites, ...outlet].join('; ') }
        : { ...where, outcome: 'imported', detail: [as ? `Imported ${as}` : 'Imported', ...outlet].join('; ') }
    }
    case 'duplicate':
      return { ...where, outcome: 'duplicate', detail: item.title ? `Already in the library as “${item.title}”; not imported again` : 'Already in the library; not imported again' }
    case 'failed':
      return { ...where, outcome: 'failed', detail: item.error?.message ?? 'Could not be imported' }
    case 'skipped':
      return { ...where, outcome: 'skipped', detail: item.reason ? item.reason.charAt(0).toUpperCase() + item.reason.slice(1) : 'Not imported' }
  }
}

export function describeImport(report: ImportReport | null, local: readonly LocalFailure[] = []): ImportSummary {
  const items = report?.items ?? []
  const cancelled = items.filter(isCancelledItem).length
  const imported = report?.imported ?? 0
  const duplicates = report?.duplicates ?? 0
  const skipped = report?.skipped ?? 0
  const failed = Math.max(0, (report?.failed ?? 0) - cancelled) + local.length
  const parts = [`Imported ${plural(imported, 'article')}`]
  if (duplicates > 0) parts.push(plural(duplicates, 'duplicate'))
  if (failed > 0) parts.push(`${failed} failed`)
  if (skipped > 0) parts.push(`${skipped} skipped`)
  if (cancelled > 0) parts.push(`${cancelled} cancelled`)
  const localLines = local.map((f) => `${f.name}: ${f.message}`)
  const failures = [
    ...localLines,
    ...items.filter((item) => item.status === 'failed' && !isCancelledItem(item)).map((item) => describeItem(item)[0]!),
  ]
  const rows = [...items.map(logRow), ...local.map((f): ImportLogRow => ({ file: f.name, folder: null, outcome: 'failed', detail: f.message.charAt(0).toUpperCase() + f.message.slice(1) }))]
  return { summary: parts.join(', '), rows, failures, lines: [...items.flatMap(describeItem), ...localLines] }
}
