/**
 * The failure of one file of an import, as its ImportItem reports it. A DossierError is
 * reported as it is; anything else is a bug, reported as `internal` with its message
 * (and logged), and only that file fails: the rest of the batch is imported.
 */
import type { ApiError } from '../../core/result'
import { isDossierError } from '../../core/result'

export function fileError(error: unknown, source: string, log: (message: string, error: unknown) => void = console.error): ApiError {
  if (isDossierError(error)) return { code: error.code, message: error.message }
  log(`Unexpected failure while importing ${source}`, error)
  return { code: 'internal', message: `${source} could not be imported: ${error instanceof Error ? error.message : String(error)} (this is a bug in Dossier).` }
}
