/**
 * The refusal every change to a read-only notebook gets: the same code and message the
 * notebook store gives for its own writes, so the analyst sees one message whatever they tried.
 */
import { DossierError } from '../../core/result'

export const READ_ONLY_MESSAGE = 'This notebook was opened read-only; nothing can be changed.'

export function readOnlyError(): DossierError {
  return new DossierError('forbidden', READ_ONLY_MESSAGE)
}

/** Throws the read-only refusal when the notebook was opened read-only. */
export function assertWritable(store: { readonly readOnly: boolean }): void {
  if (store.readOnly) throw readOnlyError()
}
