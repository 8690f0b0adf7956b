/**
 * The search dialog (Ctrl/Cmd+K): a searchbox "Search the notebook" whose results come
 * as you type, with tag, outlet and date filters. Results are a listbox "Search results";
 * Up/Down move the active result while focus stays in the searchbox, Enter opens it (the
 * article, or the article at the highlight) and closes the dialog, Escape closes.
 * The query language is the core's (src/core/search/query.ts): words, "quoted phrases",
 * prefixes (withdr*), OR, NOT / -word and parentheses, all case- and
 * diacritic-insensitive; "Search syntax" shows it in short. Page furniture (related
 * headlines, taglines… that the reader folds away) is searched only when "Include page
 * furniture" is ticked. A word naming a known entity also finds its other spellings (issue
 * 13): the lines under the results say which ("“Hmeimim” also matched: Khmeimim (14)…"),
 * "Exact spelling" searches only what was typed, and the Name filter keeps the articles
 * mentioning one entity.
 */
import { Fragment, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ArticleId, HighlightId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import type { SearchHit } from '../../../core/search/types'
import { dispatchKey } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import { useArticleLookup, useEntityList, useSearch, type ArticleLookup } from '../hooks/useSearch'
import { expansionLines, unfoundText, type ExpansionLine } from '../search/expansions'
import { NO_SEARCH_FILTERS, resultCountLabel, snippetParts, type SearchDialogFilters } from '../search/snippet-parts'
import { SearchFilters } from './SearchFilters'
import { formatDate } from '../dates'
import { trapFocus } from '../focus-trap'
import { useHitGrades } from '../sourcing/useArticleSources'

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
  const entities = useEntityList(true)
  const gradeOf = useHitGrades(true)
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

  // The keymap's `search` scope: arrows and Enter in the search box, Escape anywhere in the dialog.
  const onDialogKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Tab') return trapFocus(e, dialogRef.current)
    // The search box, or the results list (a Tab stop, so it can be scrolled from the keyboard).
    const inInput = e.target === inputRef.current || e.target === listRef.current
    const count = hits?.length ?? 0
    const taken = dispatchKey(e, 'search', IS_MAC, {
      'search.move': () => {
        if (!inInput) return false
        if (count > 0) setActive({ hits, index: e.key === 'ArrowDown' ? Math.min(count - 1, activeIndex + 1) : Math.max(0, activeIndex - 1) })
      },
      'search.open': () => {
        if (!inInput) return false
        const hit = hits?.[activeIndex]
        if (hit) open(hit)
      },
      'search.close': () => onClose(),
    })
    if (taken) {
      e.preventDefault()
      e.stopPropagation()
    }
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
        />
        <SearchFilters filters={filters} onChange={setFilters} tags={tags} outlets={outlets} entities={entities} />
        <div className="search-filters search-options">
          <label>
            <input
              type="checkbox"
              checked={filters.includeFurniture === true}
              onChange={(e) => setFilters({ ...filters, includeFurniture: e.target.checked })}
            />
            Include page furniture (related headlines, taglines…)
          </label>
          <label title="Search only the spelling typed, not the other spellings of a known name">
            <input type="checkbox" checked={filters.exact === true} onChange={(e) => setFilters({ ...filters, exact: e.target.checked })} />
            Exact spelling
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
        <ul
          ref={listRef}
          id="search-results"
          className="search-results"
          role="listbox"
          aria-label="Search results"
          tabIndex={0}
          aria-activedescendant={showHits ? optionId(activeIndex) : undefined}
        >
          {showHits &&
            hits.map((hit, i) => (
              <ResultOption
                key={`${hit.kind}-${hit.id}`}
                id={optionId(i)}
                hit={hit}
                articles={articles}
                grade={gradeOf(hit.articleId, hit.kind === 'highlight' ? hit.id : null)}
                selected={i === activeIndex}
                onHover={() => setActive({ hits, index: i })}
                onOpen={() => open(hit)}
              />
            ))}
        </ul>
        {!queryError && <Expansions lines={expansionLines(response?.expansions)} />}
      </div>
    </div>
  )
}

/** Under the results: the other spellings each expanded word was searched as, with their article counts. */
function Expansions({ lines }: { lines: ExpansionLine[] }) {
  if (lines.length === 0) return null
  return (
    <ul className="search-expansions" aria-label="Other spellings searched">
      {lines.map((line) => (
        <li key={line.raw} title={`Searched as every spelling of ${line.entity}; tick Exact spelling to search only what you typed`}>
          “<bdi>{line.raw}</bdi>” also matched:{' '}
          {line.matched.map((s, i) => (
            <Fragment key={s.text}>
              {i > 0 && ', '}
              <bdi>{s.text}</bdi> ({s.articles})
            </Fragment>
          ))}
          {unfoundText(line)}
        </li>
      ))}
    </ul>
  )
}

interface OptionProps {
  id: string
  hit: SearchHit
  articles: ArticleLookup
  /** The hit's grade code ("B2"), or null when ungraded. */
  grade: string | null
  selected: boolean
  onHover(): void
  onOpen(): void
}

function ResultOption({ id, hit, articles, grade, selected, onHover, onOpen }: OptionProps) {
  const article = articles.get(hit.articleId)
  const title = article?.title ?? (hit.field === 'title' ? hit.snippet?.text : undefined) ?? 'Article'
  const meta = [article?.outlet, formatDate(article?.published)].filter(Boolean).join(' · ')
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
      {(meta || grade) && (
        <span className="search-result-meta">
          {meta}
          {grade && <span className="grade-code"> {grade}</span>}
        </span>
      )}
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
    // A Tab stop: on a small window it scrolls, and the keyboard must be able to scroll it.
    <div id={id} className="search-syntax" role="region" aria-label="Search syntax" tabIndex={0}>
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
