/** Small rules of highlight editing shared by the session's highlight operations. */
import type { HighlightId } from '../core/ids'
import type { Article, Highlight } from '../core/model'
import { DossierError } from '../core/result'

/** Where a highlight is in its article's list; one deleted meanwhile is reported, never mistaken for the last. */
export function indexOrThrow(highlights: readonly Highlight[], id: HighlightId): number {
  const index = highlights.findIndex((h) => h.id === id)
  if (index === -1) throw new DossierError('not-found', `There is no highlight with id ${id} in this notebook (it was just removed).`)
  return index
}

/** The start of the chosen occurrence of a quote (`dossier highlight --occurrence N`). */
export function pickOccurrence(hits: readonly number[], occurrence: number | undefined, article: Pick<Article, 'id' | 'title'>): number {
  if (hits.length === 0) {
    throw new DossierError('quote-not-found', `The quote does not occur in "${article.title}" (${article.id}). Copy it exactly from \`dossier show ${article.id}\`.`)
  }
  if (occurrence === undefined) {
    if (hits.length > 1) throw new DossierError('ambiguous-quote', `The quote occurs ${hits.length} times in "${article.title}"; choose one with --occurrence 1..${hits.length}.`)
    return hits[0]!
  }
  if (occurrence < 1 || occurrence > hits.length) {
    throw new DossierError('bad-request', `The quote occurs ${hits.length} time(s); --occurrence must be between 1 and ${hits.length}.`)
  }
  return hits[occurrence - 1]!
}

/** The values in first-seen order, each once (tag lists). */
export function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}
