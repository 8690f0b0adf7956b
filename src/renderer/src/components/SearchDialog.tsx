/**
 * The search dialog (Ctrl/Cmd+K): a searchbox "Search the notebook" whose results come
 * as you type, with tag, outlet and date filters. Results are a listbox "Search results";
 * Up/Down move the active result while focus stays in the searchbox, Enter opens it (the
 * article, or the article at the highlight) and closes the dialog, Escape closes.
 * The query language is the core's (src/core/search/query.ts): words, "quoted phrases",
 * prefixes (withdr*), OR, NOT / -word and parentheses, all case- and
 * diacritic-insensitive; "Search syntax" shows it in short. Page furniture (related
 * headlines, taglines… that the reader folds away) is searched only when "Include page
 * furniture" is ticked.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleId, HighlightId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import type { SearchHit } from '../../../core/search/types'
import { formatCitationDate } from '../../../core/dates'
import { useArticleLookup, useSearch, type ArticleLookup } from '../hooks/useSearch'
import { NO_SEARCH_FILTERS, resultCountLabel, snippetParts, type SearchDialogFilters } from '../search/snippet-parts'
import { SearchFilters } from './SearchFilters'
import { trapFocus } from '../focus-trap'

interface Props {
  open: boolean
  onClose(): void
  tags: Tag[]
  outlets: string[]
  onOpenResult(articleId: ArticleId, highlightId: HighlightId | null): void
}

export function SearchDialog(props: Props) {
  // Mounted only while open, so focus is taken on open and given back on close.
  return props.open ? <OpenSearchDialog {...props} /> : null
}

function OpenSearchDialog({ onClose, tags, outlets, onOpenResult }: Props) {
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<SearchDialogFilters>(NO_SEARCH_FILTERS)
  const [showSyntax, setShowSyntax] = useState(false)
  const syntaxId = useId()
  const { response, failure, searching } = useSearch(true, query, filters)
  const articles = useArticleLookup(true)
  const hits = response?.hits ?? null
  const [active, setActive] = useState<{ hits: SearchHit[] | null; index: number }>({ hits: null, index: 0 })
  const activeIndex = active.hits === hits ? active.index : 0
  const dialogRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    inputRef.current?.focus()
    return () => previous?.focus()
  }, [])

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' })
  }, [activeIndex, hits])

  const open = (hit: SearchHit) => {
    onOpenResult(hit.articleId, hit.kind === 'highlight' ? hit.id : null)
    onClose()
  }

  const onInputKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const count = hits?.length ?? 0
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (count === 0) return
      const next = e.key === 'ArrowDown' ? Math.min(count - 1, activeIndex + 1) : Math.max(0, activeIndex - 1)
      setActive({ hits, index: next })
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const hit = hits?.[activeIndex]
      if (hit) open(hit)
    }
  }

  const onDialogKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      onClose()
    } else if (e.key === 'Tab') trapFocus(e, dialogRef.current)
  }

  const queryError = response?.error ?? null
  let summary: string
  if (query.trim() === '') summary = 'Type words, "a phrase" or a prefix such as withdr*; combine them with OR and -word.'
  else if (failure) summary = failure.message
  else if (queryError) summary = queryError.message
  else if (!response) summary = 'Searching…'
  else summary = resultCountLabel(response.total, response.totalExact)

  const optionId = (i: number) => `search-result-${i}`
  const showHits = hits && hits.length > 0 && !queryError

  return (
    <div
      className="search-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose()
      }}
    >
      <div ref={dialogRef} className="search-dialog" role="dialog" aria-modal="true" aria-label="Search" onKeyDown={onDialogKeyDown}>
        <input
          ref={inputRef}
          type="search"
          className="search-input"
          aria-label="Search the notebook"
          placeholder="Search the notebook…"
          value={query}
          autoComplete="off"
          spellCheck={false}
          aria-controls="search-results"
          aria-activedescendant={showHits ? optionId(activeIndex) : undefined}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onInputKeyDown}
        />
        <SearchFilters filters={filters} onChange={setFilters} tags={tags} outlets={outlets} />
        <div className="search-filters search-options">
          <label>
            <input
              type="checkbox"
              checked={filters.includeFurniture === true}
              onChange={(e) => setFilters({ ...filters, includeFurniture: e.target.checked })}
            />
            Include page furniture (related headlines, taglines…)
          </label>
          <button type="button" className="search-syntax-toggle" aria-expanded={showSyntax} aria-controls={syntaxId} onClick={() => setShowSyntax(!showSyntax)}>
            Search syntax
          </button>
        </div>
        {showSyntax && <SearchSyntax id={syntaxId} />}
        <p
          className={`search-summary${failure || queryError ? ' search-summary-error' : ''}`}
          role={failure || queryError ? 'alert' : 'status'}
          aria-busy={searching || undefined}
        >
          {summary}
        </p>
        <ul ref={listRef} id="search-results" className="search-results" role="listbox" aria-label="Search results">
          {showHits &&
            hits.map((hit, i) => (
              <ResultOption
                key={`${hit.kind}-${hit.id}`}
                id={optionId(i)}
                hit={hit}
                articles={articles}
                selected={i === activeIndex}
                onHover={() => setActive({ hits, index: i })}
                onOpen={() => open(hit)}
              />
            ))}
        </ul>
      </div>
    </div>
  )
}

interface OptionProps {
  id: string
  hit: SearchHit
  articles: ArticleLookup
  selected: boolean
  onHover(): void
  onOpen(): void
}

function ResultOption({ id, hit, articles, selected, onHover, onOpen }: OptionProps) {
  const article = articles.get(hit.articleId)
  const title = article?.title ?? (hit.field === 'title' ? hit.snippet?.text : undefined) ?? 'Article'
  const meta = [article?.outlet, formatCitationDate(article?.published ?? null)].filter(Boolean).join(' · ')
  const showSnippet = hit.snippet && !(hit.kind === 'article' && hit.field === 'title')
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={`search-result${selected ? ' is-active' : ''}`}
      onMouseMove={selected ? undefined : onHover}
      onClick={onOpen}
    >
      <span className={`search-kind search-kind-${hit.kind}`}>{hit.kind === 'article' ? 'Article' : 'Highlight'}</span>
      <span className="search-result-title">
        {hit.kind === 'article' && hit.field === 'title' && hit.snippet ? <Marked snippet={hit.snippet} /> : title}
      </span>
      {meta && <span className="search-result-meta">{meta}</span>}
      {showSnippet && hit.snippet && (
        <span className={`search-snippet search-snippet-${hit.field ?? 'body'}`}>
          {hit.field === 'furniture' && 'Page furniture: '}
          <Marked snippet={hit.snippet} />
        </span>
      )}
    </li>
  )
}

/** The query language in short (the whole of it is in README.md, "Search"). */
function SearchSyntax({ id }: { id: string }) {
  return (
    <div id={id} className="search-syntax" role="region" aria-label="Search syntax">
      <ul>
        <li>
          <code>naval base</code> both words
        </li>
        <li>
          <code>"naval base"</code> the words together, in this order
        </li>
        <li>
          <code>withdr*</code> words starting with withdr
        </li>
        <li>
          <code>Tartus OR Latakia</code> either word
        </li>
        <li>
          <code>Tartus -Russia</code> or <code>Tartus NOT Russia</code>: Tartus, but not where Russia is
        </li>
        <li>
          <code>(Tartus OR Latakia) port</code> parentheses group
        </li>
      </ul>
      <p>
        NOT and - apply to the next word, phrase or group; words side by side must all match; OR comes last: <code>Tartus port OR Latakia</code> is{' '}
        <code>(Tartus port) OR Latakia</code>. Case and accents never matter.
      </p>
    </div>
  )
}

function Marked({ snippet }: { snippet: NonNullable<SearchHit['snippet']> }) {
  return (
    <>
      {snippetParts(snippet).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  )
}
