/**
 * Event dates in main (issue 15, decision 53): the suggestion for each highlight that has
 * no decision yet, and what `--event-date` asks for turned into a change. The suggester
 * (src/core/timeline/suggest.ts) loads chrono-node, so it is imported when first needed,
 * not by every command.
 */
import type { CsvEventDate } from '../../core/export/csv'
import type { Highlight } from '../../core/model'
import { datePassages, type ArticleRef } from '../../core/timeline/passages'
import { DossierError } from '../../core/result'
import { isUnresolved, parseEventDateInput, type EventDate, type EventDateSuggestion } from '../../core/timeline/event-date'
import type { NotebookStore } from '../storage/notebook-store'

export type Suggester = (text: string, published: string | null) => EventDateSuggestion | null

/** The suggester, loaded on first use (it brings chrono-node). */
export async function loadSuggester(): Promise<Suggester> {
  const { suggestEventDate } = await import('../../core/timeline/suggest')
  return suggestEventDate
}

/** A highlight as shown by `show --json` and the timeline: with the suggestion while no decision is stored. */
export type HighlightWithSuggestion = Highlight & { suggestedEventDate?: EventDateSuggestion }

/**
 * Adds `suggestedEventDate` to each highlight whose event date the analyst has not decided
 * (no `eventDate` stored) and whose quote holds a date phrase.
 */
export function withSuggestions(highlights: readonly Highlight[], published: (h: Highlight) => string | null, suggest: Suggester): HighlightWithSuggestion[] {
  return highlights.map((h) => {
    if (h.eventDate !== undefined) return h
    const suggestion = suggest(h.target.exact, published(h))
    return suggestion ? { ...h, suggestedEventDate: suggestion } : h
  })
}

/**
 * What `--event-date VALUE` asks: a date as typed (`2025-01-21`, `2025-01`, `2025`,
 * `START/END`, `~…` approximate), `accept` (the suggestion as it stands, kept with its
 * phrase and rule), `none` (clear: no event date) or `auto` (forget the decision: the
 * suggestion counts again). Refuses with one line, changing nothing.
 */
export async function eventDateChangeFor(store: Pick<NotebookStore, 'article'>, highlight: Highlight, typed: string): Promise<EventDate | null | 'auto'> {
  const word = typed.trim().toLowerCase()
  if (word === 'none') return null
  if (word === 'auto') return 'auto'
  if (word === 'accept') {
    const suggest = await loadSuggester()
    const suggestion = suggest(highlight.target.exact, store.article(highlight.articleId)?.published ?? null)
    if (!suggestion) throw new DossierError('bad-request', `Nothing to accept: the passage of ${highlight.id} holds no date phrase. Give a date (--event-date YYYY-MM-DD); nothing was changed.`)
    if (isUnresolved(suggestion)) throw new DossierError('bad-request', `Nothing to accept: ${suggestion.reason}. Give a date (--event-date YYYY-MM-DD); nothing was changed.`)
    return { start: suggestion.start, end: suggestion.end, precision: suggestion.precision, phrase: suggestion.phrase, rule: suggestion.rule, source: 'suggested' }
  }
  const parsed = parseEventDateInput(typed)
  if (!parsed.ok) throw new DossierError('bad-request', `${parsed.message} Nothing was changed.`)
  return parsed.value
}

/** Each highlight's event date for an export (decided, else a resolved suggestion), by highlight id. */
export async function exportEventDates(store: Pick<NotebookStore, 'allHighlights' | 'articles'>): Promise<Map<string, CsvEventDate>> {
  const articles = new Map<string, ArticleRef>(store.articles.map((a) => [a.id, a]))
  const { dated } = datePassages(await store.allHighlights(), articles, await loadSuggester())
  return new Map(
    dated.map((p) => [p.highlightId as string, { start: p.start, end: p.end, precision: p.precision, source: p.dateSource === 'analyst' ? 'analyst' : p.decided ? 'accepted' : 'suggested', ...(p.phrase === undefined ? {} : { phrase: p.phrase }) }]),
  )
}
