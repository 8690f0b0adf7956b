/**
 * Expected failures travel as values, not exceptions: every API call resolves to a
 * `Result`. Throwing is reserved for bugs. `DossierError` lets deep code raise an
 * expected failure that the API boundary turns back into a value.
 */

export const ERROR_CODES = [
  'bad-request',
  'not-found',
  'empty-file',
  'too-large',
  'binary-file',
  'not-text',
  'unsupported-type',
  'unreadable',
  'no-importable-files',
  'quote-not-found',
  'ambiguous-quote',
  'unknown-tag',
  'empty-selection',
  'write-failed',
  'notebook-unreadable',
  'notebook-newer',
  'notebook-locked',
  'forbidden',
  'internal',
  'bad-file-name',
  'encrypted-file',
  'broken-file',
  'no-text-layer',
  'script-only-html',
  'no-article-text',
  'canceled',
  'busy',
  'open-failed',
  'unsupported',
  'tag-exists',
  'orphan',
  'export-failed',
  // A write the disk refused (src/main/storage/durable-write.ts diskError).
  'disk-full',
  'read-only-disk',
  'permission-denied',
  // Batches (CLI import, import-annotations, check) that did not do all they were asked.
  'import-failed',
  'partial-import',
  'problems-found',
  // The CLI refuses to replace an existing file without --force.
  'file-exists',
  /** The operation needs a confirmation the caller did not give: an annotation import creating many new tags (`--create-tags`), a tag delete or merge that changes highlights (`--yes`). */
  'needs-confirmation',
  // A file to import that needs more than its limits (src/main/import/extract-limits.ts).
  'too-complex',
  'timed-out',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

/** An expected failure raised deep inside a service; the API boundary turns it into `err()`. */
export class DossierError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'DossierError'
    this.code = code
  }
}

export function isDossierError(e: unknown): e is DossierError {
  return e instanceof DossierError
}
