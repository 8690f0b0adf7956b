/**
 * The side panel (complementary region "Highlights"): the open article's highlights in
 * text order, each with its quote, tag chips in tag colours and comment. Activating the
 * quote scrolls the reader to the highlight and flashes it; "Edit highlight" opens the
 * toolbar on it. Highlights whose quote no longer sits at its stored place are listed
 * with a warning rather than hidden.
 */
import type { ArticleView } from '../../../core/api'
import type { HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { excerpt } from '../article-format'
import { EmptyState } from './EmptyState'
import { TagChip } from './TagChip'

interface Props {
  view: ArticleView | null
  tags: Tag[]
  unplaced: ReadonlySet<HighlightId>
  onReveal(highlightId: HighlightId): void
  onEdit(highlightId: HighlightId): void
}

export function HighlightsPanel({ view, tags, unplaced, onReveal, onEdit }: Props) {
  const tagsById = new Map<TagId, Tag>(tags.map((t) => [t.id, t]))
  const highlights = view ? [...view.highlights].sort((a, b) => a.target.start - b.target.start) : []

  return (
    <aside className="panel" aria-label="Highlights">
      <h2 className="pane-heading">
        Highlights {view && <span className="pane-count">{highlights.length}</span>}
      </h2>
      {!view && <EmptyState title="No article open">Its highlights will be listed here.</EmptyState>}
      {view && highlights.length === 0 && (
        <EmptyState title="No highlights yet">Select text in the article to highlight and tag it.</EmptyState>
      )}
      {highlights.length > 0 && (
        <ul className="highlight-list">
          {highlights.map((h) => {
            const metaId = `hl-meta-${h.id}`
            const chips = h.tagIds.flatMap((id) => {
              const tag = tagsById.get(id)
              return tag ? [tag] : []
            })
            const isUnplaced = unplaced.has(h.id)
            return (
              <li key={h.id} className="highlight-item" data-highlight-id={h.id}>
                <button
                  type="button"
                  className="highlight-quote"
                  aria-describedby={metaId}
                  aria-disabled={isUnplaced || undefined}
                  onClick={() => !isUnplaced && onReveal(h.id)}
                >
                  “{excerpt(h.target.exact)}”
                </button>
                <div id={metaId} className="highlight-meta">
                  {chips.length > 0 && (
                    <ul className="tag-chips" aria-label="Tags">
                      {chips.map((tag) => (
                        <TagChip key={tag.id} tag={tag} />
                      ))}
                    </ul>
                  )}
                  {h.comment && <p className="highlight-comment">{h.comment}</p>}
                  {isUnplaced && <p className="highlight-warning">This passage is no longer found at its place in the text.</p>}
                </div>
                {!isUnplaced && (
                  <button type="button" className="button button-small" onClick={() => onEdit(h.id)}>
                    Edit highlight
                  </button>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </aside>
  )
}
