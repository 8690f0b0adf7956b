/**
 * Creating, finding, changing and removing highlights: the operations behind the API and
 * `dossier highlight`, given the session's store, clock and id generator. Each leaves the
 * notebook unchanged when it throws.
 */
import type { HighlightChange, NewHighlight } from '../core/api'
import type { ArticleId, HighlightId, TagId } from '../core/ids'
import type { Article, Highlight } from '../core/model'
import { DossierError } from '../core/result'
import { findQuote, type QuoteSpan } from '../core/anchoring'
import { makeTextTarget, trimRange } from '../core/selectors'
import { eventDateProblem, type EventDate } from '../core/timeline/event-date'
import { CLAIMS_DOC } from './storage/file-formats'
import type { NotebookStore } from './storage/notebook-store'

export interface QuoteHighlight {
  articleId: ArticleId
  quote: string
  /** 1-based; required when the quote occurs more than once. */
  occurrence?: number
  tagNames: string[]
  comment: string
  /** The analyst's event date, set with the highlight (checked before anything is written); absent: the suggestion counts. */
  eventDate?: EventDate | null
}

/** What the operations need from the session. */
export interface HighlightContext {
  store: NotebookStore
  now(): string
  newHighlightId(): HighlightId
  /** The article, or a not-found error. */
  article(id: ArticleId): Article
  checkTagIds(ids: readonly TagId[]): void
  tagIdsByName(names: readonly string[]): TagId[]
}

export async function createHighlight(ctx: HighlightContext, request: NewHighlight & { eventDate?: EventDate | null }): Promise<Highlight> {
  checkEventDate(request.eventDate)
  const article = ctx.article(request.articleId)
  const text = await ctx.store.readBody(article.bodyHash)
  if (request.end > text.length) {
    throw new DossierError('bad-request', `The selection ends at ${request.end}, past the end of the article (${text.length} characters).`)
  }
  const { start, end } = trimRange(text, request.start, request.end)
  if (end <= start) throw new DossierError('bad-request', 'The selection holds only white space: select some words to highlight.')
  ctx.checkTagIds(request.tagIds)
  const now = ctx.now()
  const highlight: Highlight = {
    // Ten random hex digits: a clash with a highlight not yet read is vanishingly unlikely.
    id: ctx.newHighlightId(),
    articleId: article.id,
    target: makeTextTarget(text, start, end),
    tagIds: dedupe(request.tagIds),
    comment: request.comment.trim(),
    createdAt: now,
    updatedAt: now,
    ...(request.eventDate === undefined ? {} : { eventDate: request.eventDate }),
  }
  await ctx.store.updateHighlights(article.id, (highlights) => {
    // Checked again inside the write: the article or a tag may have been deleted meanwhile.
    if (!ctx.store.article(article.id)) throw new DossierError('not-found', `“${article.title}” was deleted; the highlight was not saved.`)
    ctx.checkTagIds(highlight.tagIds)
    highlights.push(highlight)
  })
  return highlight
}

/**
 * The CLI's way in: find the quote in the article (exactly, else ignoring case, quote-mark,
 * dash, white-space, accent and normalisation differences: core/anchoring/quote-match.ts),
 * then highlight the stored text there.
 */
export async function highlightQuote(ctx: HighlightContext, request: QuoteHighlight): Promise<Highlight> {
  const article = ctx.article(request.articleId)
  const text = await ctx.store.readBody(article.bodyHash)
  const quote = request.quote
  if (quote.trim().length === 0) throw new DossierError('bad-request', 'The quote is empty.')
  const { start, end } = pickOccurrence(findQuote(text, quote), request.occurrence, article)
  return createHighlight(ctx, {
    articleId: article.id,
    start,
    end,
    tagIds: ctx.tagIdsByName(request.tagNames),
    comment: request.comment,
    eventDate: request.eventDate,
  })
}

export async function updateHighlight(ctx: HighlightContext, change: HighlightChange): Promise<Highlight> {
  const current = await findHighlight(ctx, change.highlightId)
  if (change.tagIds) ctx.checkTagIds(change.tagIds)
  checkEventDate(change.eventDate)
  const next: Highlight = {
    ...current,
    tagIds: change.tagIds ? dedupe(change.tagIds) : current.tagIds,
    comment: change.comment !== undefined ? change.comment.trim() : current.comment,
    updatedAt: ctx.now(),
  }
  if (change.eventDate === 'auto') delete next.eventDate
  else if (change.eventDate !== undefined) next.eventDate = change.eventDate
  await ctx.store.updateHighlights(current.articleId, (highlights) => {
    highlights.splice(indexOrThrow(highlights, next.id), 1, next)
  })
  return next
}

export async function deleteHighlight(ctx: HighlightContext, highlightId: HighlightId): Promise<void> {
  const current = await findHighlight(ctx, highlightId)
  await refuseIfInClaims(ctx.store, current)
  await ctx.store.updateHighlights(current.articleId, (highlights) => {
    highlights.splice(indexOrThrow(highlights, highlightId), 1)
  })
}

/**
 * A highlight that is a passage of a claim is not deleted (decision 62): the claim's
 * independent-source count would change behind the analyst's back. The message names the
 * claim; removing the passage from it first makes the deletion possible.
 */
async function refuseIfInClaims(store: NotebookStore, highlight: Highlight): Promise<void> {
  const claims = (await store.optionalFile(CLAIMS_DOC)).claims.filter((c) => c.passages.some((p) => p.highlightId === highlight.id))
  if (claims.length === 0) return
  const first = claims[0]!
  const others = claims.length > 1 ? ` and ${claims.length - 1} other claim${claims.length > 2 ? 's' : ''}` : ''
  throw new DossierError(
    'bad-request',
    `Highlight ${highlight.id} is a passage of the claim “${clip(first.statement)}” (${first.id})${others}: remove it from ${claims.length > 1 ? 'those claims' : 'the claim'} first, then delete it. Nothing was changed.`,
  )
}

/** The text on one line, cut to `max` characters with an ellipsis (for messages). */
export function clip(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

/** The stored highlight, or a not-found error. */
export async function findHighlight(ctx: Pick<HighlightContext, 'store'>, id: HighlightId): Promise<Highlight> {
  const highlight = await ctx.store.findHighlight(id)
  if (!highlight) throw new DossierError('not-found', `There is no highlight with id ${id} in this notebook.`)
  return highlight
}

/** An event date must be real days, the end not before the start (eventDateProblem); refused whole otherwise. */
export function checkEventDate(value: Highlight['eventDate'] | 'auto'): void {
  if (value === undefined || value === null || value === 'auto') return
  const problem = eventDateProblem(value)
  if (problem) throw new DossierError('bad-request', `${problem} Nothing was changed.`)
}

/** Every id must name a tag of the codebook. */
export function checkTagIds(store: Pick<NotebookStore, 'tags'>, ids: readonly TagId[]): void {
  for (const id of ids) {
    if (!store.tags.some((t) => t.id === id)) throw new DossierError('unknown-tag', `There is no tag with id ${id} in this notebook.`)
  }
}

/** Where a highlight is in its article's list; one deleted meanwhile is reported, never mistaken for the last. */
function indexOrThrow(highlights: readonly Highlight[], id: HighlightId): number {
  const index = highlights.findIndex((h) => h.id === id)
  if (index === -1) throw new DossierError('not-found', `There is no highlight with id ${id} in this notebook (it was just removed).`)
  return index
}

/** The chosen occurrence of a quote (`dossier highlight --occurrence N`). */
function pickOccurrence(hits: readonly QuoteSpan[], occurrence: number | undefined, article: Pick<Article, 'id' | 'title'>): QuoteSpan {
  if (hits.length === 0) {
    throw new DossierError(
      'quote-not-found',
      `The quote does not occur in "${article.title}" (${article.id}), even ignoring case, quote marks, dashes, accents and line breaks. Copy it from \`dossier show ${article.id}\`.`,
    )
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
function dedupe<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}
