/**
 * The library as a table named "Library": Title, Outlet, Date, Words, Highlights, Flags,
 * Rewrites, and per-row actions (Edit details, Delete). Column headers sort (aria-sort;
 * a second click reverses). Filters above narrow the rows. Rows use a roving tabindex:
 * Up/Down/Home/End move between rows; Enter or a click (so a double-click too) opens the
 * article; Delete asks to delete it. Flag badges carry the detail on hover.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import { dispatchKey } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import type { StatusControls } from '../hooks/useStatus'
import { filterArticles, flagKindsOf, isFiltering, missingDetails, NO_FILTER, outletsOf, type LibraryFilter } from '../library/filter'
import { useArticleSources } from '../sourcing/useArticleSources'
import { dateCell, flagDescription, flagLabel, rewriteEntry } from '../library/format'
import { LibraryFilters } from '../library/LibraryFilters'
import { nextSort, sortArticles, type SortKey, type SortState } from '../library/sort'
import { deleteQuestion, useArticleDelete } from '../library/useArticleDelete'
import { useRowFocus } from '../hooks/useRowFocus'
import { plural } from '../plural'
import { ArticleMetaDialog } from './ArticleMetaDialog'
import { ConfirmDialog } from './ConfirmDialog'
import { EmptyState, IMPORT_COMMANDS } from './EmptyState'
import { SortHeader } from './SortHeader'

interface Props {
  articles: ArticleSummary[]
  selectedId: ArticleId | null
  onOpen(id: ArticleId): void
  /** Refreshes the app's article list after an edit, delete, undo or redo. */
  onChanged(): Promise<void>
  status: StatusControls
}

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'title', label: 'Title' },
  { key: 'outlet', label: 'Outlet' },
  { key: 'published', label: 'Date' },
  { key: 'words', label: 'Words', numeric: true },
  { key: 'highlights', label: 'Highlights', numeric: true },
  { key: 'flags', label: 'Flags' },
  { key: 'rewrites', label: 'Rewrites' },
]

export function LibraryTable({ articles, selectedId, onOpen, onChanged, status }: Props) {
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER)
  const [sort, setSort] = useState<SortState | null>(null)
  const [editing, setEditing] = useState<ArticleId | null>(null)
  const focusAfterDelete = useRef<ArticleId | null>(null)
  const deletion = useArticleDelete(status, onChanged)

  const outlets = useMemo(() => outletsOf(articles), [articles])
  const flagKinds = useMemo(() => flagKindsOf(articles), [articles])
  const sources = useArticleSources()
  // Articles with a known outlet (linked by the analyst, or matched by their web address) have one even without the metadata.
  const linked = useMemo(() => new Set([...sources.values()].filter((s) => s.outlet !== null).map((s) => s.articleId as string)), [sources])
  const rows = useMemo(() => {
    const filtered = filterArticles(articles, filter, linked)
    return sort ? sortArticles(filtered, sort) : filtered
  }, [articles, filter, sort, linked])

  // The row that takes Tab focus: the last focused one if still shown, else the open one, else the first.
  const { setFocusedId, rowRefs, tabStop, moveKey, rowRef } = useRowFocus<ArticleId>(rows, selectedId)

  useEffect(() => {
    const id = focusAfterDelete.current
    if (!id) return
    const row = rowRefs.current.get(id)
    if (row) {
      focusAfterDelete.current = null
      row.focus()
    }
  }, [rows, rowRefs])

  // The keymap's `library` scope; Home, End, Enter and Delete only on the row itself, not on its buttons.
  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, article: ArticleSummary, index: number) => {
    const onRow = e.target === e.currentTarget
    const taken = dispatchKey(e, 'library', IS_MAC, {
      'library.move': () => moveKey(e, index),
      'library.open': () => onRow && void onOpen(article.id),
      'library.delete': () => onRow && void deletion.ask(article),
    })
    if (taken) e.preventDefault()
  }

  const confirmDelete = async () => {
    const target = deletion.pending
    if (!target) return
    const index = rows.findIndex((a) => a.id === target.id)
    const neighbour = rows[index + 1] ?? rows[index - 1]
    if (await deletion.confirm()) {
      focusAfterDelete.current = neighbour?.id ?? null
      setFocusedId(neighbour?.id ?? null)
    }
  }

  let body
  if (articles.length === 0) {
    body = (
      <EmptyState title="Your notebook is empty" commands={IMPORT_COMMANDS}>
        <p>Import articles (.txt, .md, .html, .pdf, .docx, .eml, or a whole folder), drop them on the window, or paste one. Then read, highlight and tag them, and export a cited briefing.</p>
      </EmptyState>
    )
  } else if (rows.length === 0) {
    body = (
      <EmptyState
        title="No article matches the filters"
        actions={
          <button type="button" className="button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        }
      >
        <p>Widen the text, outlet, flags or dates to see more of the library.</p>
      </EmptyState>
    )
  } else {
    body = (
      <div className="library-table-scroll">
        <table className="library-table" aria-label="Library">
          <thead>
            <tr>
              {COLUMNS.map((col) => (
                <SortHeader key={col.key} label={col.label} numeric={col.numeric} direction={sort?.key === col.key ? sort.direction : 'none'} onSort={() => setSort(nextSort(sort ?? { key: 'title', direction: 'descending' }, col.key))} />
              ))}
              <th scope="col" className="library-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((article, index) => {
              const selected = article.id === selectedId
              const tabbable = article.id === tabStop
              return (
                <tr
                  key={article.id}
                  ref={rowRef(article.id)}
                  tabIndex={tabbable ? 0 : -1}
                  aria-labelledby={`library-title-${article.id}`}
                  aria-current={selected ? 'true' : undefined}
                  className={selected ? 'library-row is-selected' : 'library-row'}
                  onFocus={() => setFocusedId(article.id)}
                  onKeyDown={(e) => onRowKeyDown(e, article, index)}
                  onClick={(e) => {
                    // The row's own buttons (Edit details, Delete) do their own thing.
                    if ((e.target as Element).closest('button')) return
                    onOpen(article.id)
                  }}
                >
                  <th scope="row" className="library-cell-title">
                    <span id={`library-title-${article.id}`} className="library-title-link">
                      {article.title}
                    </span>
                    {article.author && <span className="library-author">{article.author}</span>}
                  </th>
                  <td>{article.outlet ?? ''}</td>
                  <td className="library-cell-date">{dateCell(article.published)}</td>
                  <td className="is-numeric">{article.wordCount.toLocaleString('en')}</td>
                  <td className="is-numeric">{article.highlightCount.toLocaleString('en')}</td>
                  <td>
                    {missingDetails(article, linked.has(article.id)).length > 0 && (
                      <span className="needs-details" title="Add its details with Edit details: the text may state them">
                        Needs {missingDetails(article, linked.has(article.id)).join(' and ')}
                      </span>
                    )}
                    {article.flags.map((flag, i) => (
                      <span key={`${flag.kind}-${i}`} className="flag-badge" title={flagDescription(flag)}>
                        {flagLabel(flag.kind)}
                        <span className="visually-hidden">: {flag.detail}</span>
                      </span>
                    ))}
                  </td>
                  <td>
                    {article.rewrites.length > 0 && (
                      <ul className="rewrite-list">
                        {article.rewrites.map((link) => (
                          <li key={link.articleId}>{rewriteEntry(link)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="library-actions">
                    <div className="library-actions-inner">
                    <button type="button" className="button button-small" tabIndex={tabbable ? 0 : -1} aria-label={`Edit details of ${article.title}`} onClick={() => setEditing(article.id)}>
                      Edit details
                    </button>
                    <button type="button" className="button button-small button-danger" tabIndex={tabbable ? 0 : -1} aria-label={`Delete ${article.title}`} onClick={() => deletion.ask(article)}>
                      Delete
                    </button>
                    </div>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    )
  }

  return (
    <section className="library library-pane" aria-label="Library articles">
      <h1 className="pane-heading">
        Library{' '}
        <span className="pane-count" aria-live="polite">
          {isFiltering(filter) ? `${rows.length} of ${plural(articles.length, 'article')}` : articles.length}
        </span>
      </h1>
      {articles.length > 0 && <LibraryFilters filter={filter} outlets={outlets} flagKinds={flagKinds} onChange={setFilter} />}
      {body}
      {editing && <ArticleMetaDialog articleId={editing} status={status} onClose={() => setEditing(null)} onChanged={onChanged} />}
      {deletion.pending && (
        <ConfirmDialog
          title="Delete article"
          message={deleteQuestion(deletion.pending)}
          confirmLabel="Delete"
          danger
          busy={deletion.busy}
          error={deletion.error}
          onConfirm={() => void confirmDelete()}
          onCancel={deletion.cancel}
        />
      )}
    </section>
  )
}
