/**
 * The library: every article in the notebook as an option of a listbox named "Library".
 * Each option is named by the article title and described by its metadata line.
 * Keyboard: Up/Down/Home/End move focus (roving tabindex), Enter or Space opens.
 * The open article is the selected option.
 */
import { useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleSummary } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import { dispatchKey } from '../../../core/shortcuts'
import { libraryMetaParts } from '../article-format'
import { IS_MAC } from '../hooks/useAppKeys'

interface Props {
  id?: string
  articles: ArticleSummary[]
  selectedId: ArticleId | null
  onOpen(articleId: ArticleId): void
  /** Folds the pane to its rail. */
  onCollapse?(): void
}

export function LibraryList({ id, articles, selectedId, onOpen, onCollapse }: Props) {
  const [focusedId, setFocusedId] = useState<ArticleId | null>(null)
  const optionRefs = useRef(new Map<ArticleId, HTMLLIElement>())

  // The option that takes Tab focus: the last focused one if it still exists, else the open one.
  const tabStop =
    articles.find((a) => a.id === focusedId)?.id ?? articles.find((a) => a.id === selectedId)?.id ?? articles[0]?.id

  const moveFocus = (index: number) => {
    const target = articles[Math.max(0, Math.min(articles.length - 1, index))]
    if (!target) return
    setFocusedId(target.id)
    optionRefs.current.get(target.id)?.focus()
  }

  // The keymap's `list` scope.
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const current = articles.findIndex((a) => a.id === tabStop)
    const taken = dispatchKey(e, 'list', IS_MAC, {
      'list.move': () => moveFocus(e.key === 'ArrowDown' ? current + 1 : e.key === 'ArrowUp' ? current - 1 : e.key === 'Home' ? 0 : articles.length - 1),
      'list.open': () => {
        if (tabStop) onOpen(tabStop)
      },
    })
    if (taken) e.preventDefault()
  }

  return (
    <nav id={id} className="library" aria-label="Library">
      <div className="pane-header">
        <h2 className="pane-heading">
          Library <span className="pane-count">{articles.length}</span>
        </h2>
        {onCollapse && (
          <button type="button" className="pane-collapse" title="Hide the library list" onClick={onCollapse}>
            <span aria-hidden="true">«</span>
            <span className="visually-hidden">Hide the library list</span>
          </button>
        )}
      </div>
      <ul role="listbox" aria-label="Library" className="library-list" onKeyDown={onKeyDown}>
        {articles.map((article) => {
          const selected = article.id === selectedId
          const titleId = `lib-title-${article.id}`
          const metaId = `lib-meta-${article.id}`
          return (
            <li
              key={article.id}
              ref={(el) => {
                if (el) optionRefs.current.set(article.id, el)
                else optionRefs.current.delete(article.id)
              }}
              role="option"
              aria-selected={selected}
              tabIndex={article.id === tabStop ? 0 : -1}
              className={selected ? 'library-item is-selected' : 'library-item'}
              onClick={() => {
                setFocusedId(article.id)
                onOpen(article.id)
              }}
              onFocus={() => setFocusedId(article.id)}
            >
              <span id={titleId} className="library-item-title">
                {article.title}
              </span>
              <span id={metaId} className="library-item-meta">
                {libraryMetaParts(article).join(' · ')}
              </span>
            </li>
          )
        })}
      </ul>
      {articles.length === 0 && <p className="library-empty">No articles yet.</p>}
    </nav>
  )
}
