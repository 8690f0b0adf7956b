/**
 * Words for an import's outcome, shown in the status region: a one-line summary
 * ("Imported 5 articles", "Imported 3 articles, 1 duplicate, 2 failed, 4 cancelled") and
 * one line per file: imported (as which title), duplicate (of which article), failed (with
 * the main process's message verbatim) or cancelled, plus a "likely rewrite of …" line for
 * each article the import found reusing the same reporting.
 */
import type { ImportItem, ImportReport } from '../../core/api'
import { plural } from './plural'

export interface ImportSummary {
  summary: string
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

/** The lines one imported, duplicate, failed or cancelled file adds to the report. */
export function describeItem(item: ImportItem): string[] {
  if (isCancelledItem(item)) return [`${item.source}: cancelled, not imported`]
  switch (item.status) {
    case 'imported':
      return [
        item.title ? `${item.source}: imported as “${item.title}”` : `${item.source}: imported`,
        ...(item.rewriteOf ?? []).map((r) => `${item.source}: likely rewrite of “${r.title}” (${percent(r.score)})`),
      ]
    case 'duplicate':
      return [item.title ? `${item.source}: duplicate of “${item.title}”, not imported again` : `${item.source}: duplicate of an article already in the library, not imported again`]
    case 'failed':
      return [`${item.source}: ${item.error?.message ?? 'could not be imported'}`]
  }
}

export function describeImport(report: ImportReport | null, local: readonly LocalFailure[] = []): ImportSummary {
  const items = report?.items ?? []
  const cancelled = items.filter(isCancelledItem).length
  const imported = report?.imported ?? 0
  const duplicates = report?.duplicates ?? 0
  const failed = Math.max(0, (report?.failed ?? 0) - cancelled) + local.length
  const parts = [`Imported ${plural(imported, 'article')}`]
  if (duplicates > 0) parts.push(plural(duplicates, 'duplicate'))
  if (failed > 0) parts.push(`${failed} failed`)
  if (cancelled > 0) parts.push(`${cancelled} cancelled`)
  const localLines = local.map((f) => `${f.name}: ${f.message}`)
  const failures = [
    ...localLines,
    ...items.filter((item) => item.status === 'failed' && !isCancelledItem(item)).map((item) => describeItem(item)[0]!),
  ]
  return { summary: parts.join(', '), failures, lines: [...items.flatMap(describeItem), ...localLines] }
}
