/**
 * The side panel (complementary region "Highlights"): the open article's highlights in
 * text order, each with its quote, tag chips in tag colours and comment. Activating the
 * quote scrolls the reader to the highlight and flashes it; "Edit highlight" opens the
 * toolbar on it. Below them, "Orphaned highlights": highlights whose quote can no longer
 * be found in the article, listed with their quote and kept (never dropped).
 */
import { useCallback, useContext, useState } from 'react'
import type { ArticleView } from '../../../core/api'
import type { StoredEventDate } from '../../../core/api-timeline'
import type { HighlightId, TagId } from '../../../core/ids'
import type { Highlight, Tag } from '../../../core/model'
import { api } from '../api'
import { excerpt } from '../article-format'
import { useApiValue } from '../hooks/useApiValue'
import { EventDateLine } from './EventDateLine'
import { SourcingHostContext } from '../sourcing/SourcingHost'
import { passageGrade, useArticleSources } from '../sourcing/useArticleSources'
import { HighlightSourcing } from './sources/HighlightSourcing'
import { EmptyState } from './EmptyState'
import { TagChip } from './TagChip'

interface Props {
  id?: string
  view: ArticleView | null
  tags: Tag[]
  onReveal(highlightId: HighlightId): void
  onEdit(highlightId: HighlightId): void
  /** Folds the pane to its rail. */
  onCollapse?(): void
  /** Event dates (issue 15): each highlight shows its suggestion or decision; changes are undoable. */
  eventDates?: {
    set(highlightId: HighlightId, eventDate: StoredEventDate): Promise<boolean>
    accept(highlightId: HighlightId): Promise<boolean>
    onError(error: { code: string; message: string }): void
  }
}

function HighlightMeta({ id, highlight, tagsById }: { id: string; highlight: Highlight; tagsById: ReadonlyMap<TagId, Tag> }) {
  const chips = highlight.tagIds.flatMap((tagId) => {
    const tag = tagsById.get(tagId)
    return tag ? [tag] : []
  })
  return (
    <div id={id} className="highlight-meta">
      {chips.length > 0 && (
        <ul className="tag-chips" aria-label="Tags">
          {chips.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </ul>
      )}
      {highlight.comment && <p className="highlight-comment" dir="auto">{highlight.comment}</p>}
    </div>
  )
}

const ignore = () => undefined

export function HighlightsPanel({ id, view, tags, onReveal, onEdit, onCollapse, eventDates }: Props) {
  const articleId = view?.article.id
  const fetchSuggestions = useCallback(() => api.listEventDateSuggestions({ articleId: articleId! }), [articleId])
  // Fetched again with every new view of the article (a highlight added, a date changed).
  const suggestions = useApiValue(eventDates && articleId ? fetchSuggestions : null, view, eventDates?.onError ?? ignore)
  const suggestionOf = (highlightId: HighlightId) => (suggestions.loaded ? (suggestions.value?.find((r) => r.highlightId === highlightId)?.suggestion ?? null) : undefined)
  const tagsById = new Map<TagId, Tag>(tags.map((t) => [t.id, t]))
  const highlights = view ? [...view.highlights].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end) : []
  const orphans = view?.orphans ?? []
  const sources = useArticleSources()
  // Grading needs the app's sourcing host; a panel shown without it lists highlights only.
  const canGrade = useContext(SourcingHostContext) !== null
  const [grading, setGrading] = useState<HighlightId | null>(null)

  return (
    <aside id={id} className="panel" aria-label="Highlights">
      <div className="pane-header">
        <h2 className="pane-heading">
          Highlights {view && <span className="pane-count">{highlights.length + orphans.length}</span>}
        </h2>
        {onCollapse && (
          <button type="button" className="pane-collapse" title="Hide the highlights panel" onClick={onCollapse}>
            <span aria-hidden="true">»</span>
            <span className="visually-hidden">Hide the highlights panel</span>
          </button>
        )}
      </div>
      {!view && (
        <EmptyState title="No article open" level={3}>
          <p>The open article’s highlights are listed here, in text order.</p>
        </EmptyState>
      )}
      {view && highlights.length === 0 && orphans.length === 0 && (
        <EmptyState title="No highlights yet" level={3}>
          <p>Select text in the article with the mouse, or with Shift and the arrow keys, then pick a tag (or press 1–9) and Enter.</p>
        </EmptyState>
      )}
      {highlights.length > 0 && (
        <ul className="highlight-list" aria-label="Highlights in text order">
          {highlights.map((h) => {
            const metaId = `hl-meta-${h.id}`
            return (
              <li key={h.id} className="highlight-item" data-highlight-id={h.id}>
                <button type="button" className="highlight-quote" dir="auto" aria-describedby={metaId} onClick={() => onReveal(h.id)}>
                  “{excerpt(h.target.exact)}”
                </button>
                <HighlightMeta id={metaId} highlight={h} tagsById={tagsById} />
                {eventDates && <EventDateLine highlight={h} suggestion={suggestionOf(h.id)} onSet={(d) => eventDates.set(h.id, d)} onAccept={() => eventDates.accept(h.id)} />}
                <div className="highlight-item-actions">
                  <button type="button" className="button button-small" onClick={() => onEdit(h.id)}>
                    Edit highlight
                  </button>
                  {canGrade && (
                    <button type="button" className="button button-small" aria-expanded={grading === h.id} onClick={() => setGrading(grading === h.id ? null : h.id)}>
                      Grade and source
                    </button>
                  )}
                  {/* The open grading block shows the code itself: once is enough. */}
                  {grading !== h.id && passageGrade(sources, h.articleId, h.credibility) && <span className="grade-code">{passageGrade(sources, h.articleId, h.credibility)}</span>}
                </div>
                {canGrade && grading === h.id && <HighlightSourcing highlight={h} reliability={sources.get(h.articleId)?.reliability?.grade ?? null} />}
              </li>
            )
          })}
        </ul>
      )}
      {orphans.length > 0 && (
        <section className="orphan-section" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading" className="pane-subheading">
            Orphaned highlights <span className="pane-count">{orphans.length}</span>
          </h3>
          <p className="orphan-note">
            The text of these highlights no longer matches the article, so they cannot be shown in it. They are kept with their quotes and tags.
          </p>
          <ul className="highlight-list" aria-label="Orphaned highlights">
            {orphans.map((h) => {
              const metaId = `hl-meta-${h.id}`
              return (
                <li key={h.id} className="highlight-item is-orphan" data-highlight-id={h.id}>
                  <p className="highlight-quote-text" dir="auto" aria-describedby={metaId}>
                    “{excerpt(h.target.exact)}”
                  </p>
                  <HighlightMeta id={metaId} highlight={h} tagsById={tagsById} />
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </aside>
  )
}
