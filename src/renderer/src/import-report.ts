/**
 * Words for an import's outcome, shown in the status region: a one-line summary
 * ("Imported 5 articles", "Imported 3 articles, 1 duplicate, 2 failed") and one line per
 * failed file with the main process's message verbatim.
 */
import type { ImportReport } from '../../core/api'
import { plural } from './plural'

export interface ImportSummary {
  summary: string
  /** "file name: message" for each file that could not be imported. */
  failures: string[]
}

/** A file that failed before reaching main (its bytes could not be read here). */
export interface LocalFailure {
  name: string
  message: string
}

export function describeImport(report: ImportReport | null, local: readonly LocalFailure[] = []): ImportSummary {
  const imported = report?.imported ?? 0
  const duplicates = report?.duplicates ?? 0
  const failed = (report?.failed ?? 0) + local.length
  const parts = [`Imported ${plural(imported, 'article')}`]
  if (duplicates > 0) parts.push(plural(duplicates, 'duplicate'))
  if (failed > 0) parts.push(`${failed} failed`)
  const failures = [
    ...local.map((f) => `${f.name}: ${f.message}`),
    ...(report?.items ?? [])
      .filter((item) => item.status === 'failed')
      .map((item) => `${item.source}: ${item.error?.message ?? 'could not be imported'}`),
  ]
  return { summary: parts.join(', '), failures }
}
