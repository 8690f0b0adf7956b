/**
 * The reading view: the library as a compact list, the article, and the highlights
 * panel, in three panes. The side panes' widths are dragged (or set with the keyboard on
 * the splitters), each can be collapsed to a rail with a button to bring it back, and
 * both are remembered between sessions. On a narrow window the panes give up width so
 * the article keeps room to read (usePaneWidths.ts fitPanes). Below the highlights, the
 * names the article mentions (EntityPanel.tsx): one pressed there is marked in the text.
 */
import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react'
import type { EntityId } from '../../../core/entities'
import type { ArticleId } from '../../../core/ids'
import type { ApiError } from '../api'
import { useArticleEntities } from '../hooks/useArticleEntities'
import type { HighlightActions } from '../hooks/useHighlightActions'
import type { Library } from '../hooks/useLibrary'
import type { OpenArticle } from '../hooks/useOpenArticle'
import { fitPanes, RAIL, usePaneWidths } from '../hooks/usePaneWidths'
import { ArticleReader, type ReaderHandle } from './ArticleReader'
import { EmptyState, IMPORT_COMMANDS } from './EmptyState'
import { EntityPanel, type MarkState } from './EntityPanel'
import { stepMention } from '../reader/entity-marks'
import { HighlightsPanel } from './HighlightsPanel'
import { LibraryList } from './LibraryList'
import { Splitter } from './Splitter'

interface Props {
  library: Library
  reading: OpenArticle
  readerRef: RefObject<ReaderHandle | null>
  actions: HighlightActions
  onOpenArticle(articleId: ArticleId): void
  /** Reports a failure to read the highlights' suggested event dates. */
  onError(error: ApiError): void
}

/** A collapsed pane: a rail with the button that opens it again. */
function PaneRail({ label, side, controls, onExpand }: { label: string; side: 'left' | 'right'; controls: string; onExpand(): void }) {
  return (
    <div className={`pane-rail pane-rail-${side}`}>
      <button type="button" className="pane-rail-button" aria-expanded={false} aria-controls={controls} title={label} onClick={onExpand}>
        <span aria-hidden="true">{side === 'left' ? '»' : '«'}</span>
        <span className="visually-hidden">{label}</span>
      </button>
    </div>
  )
}

export function ReaderView({ library, reading, readerRef, actions, onOpenArticle, onError }: Props) {
  const { setEventDate, acceptEventDate } = actions
  const eventDates = useMemo(() => ({ set: setEventDate, accept: acceptEventDate, onError }), [acceptEventDate, onError, setEventDate])
  const [chosen, panes] = usePaneWidths()
  const workspace = useRef<HTMLDivElement>(null)
  const [total, setTotal] = useState(0)
  useEffect(() => {
    const el = workspace.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setTotal(el.clientWidth))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])
  const shown = fitPanes(total, chosen)
  const view = reading.view && reading.view.article.id === reading.openId ? reading.view : null
  const names = useArticleEntities(view)
  const cardId = useId()
  const [markState, setMarks] = useState<(MarkState & { articleId: ArticleId }) | null>(null)
  const markedEntity = markState && view && markState.articleId === view.article.id ? names.entities?.find((e) => e.entityId === markState.entityId) : undefined
  const marks = markedEntity ? markState : null
  const marked = marks && markedEntity ? { entity: markedEntity, current: Math.min(marks.current, markedEntity.mentions.length - 1) } : null
  const onMark = (entityId: EntityId | null) => setMarks(entityId && view ? { articleId: view.article.id, entityId, current: 0, card: true } : null)
  const onStep = (by: 1 | -1) => {
    if (marks && marked) setMarks({ ...marks, current: stepMention(marked.entity.mentions.length, marked.current, by), card: true })
  }
  // Escape hides the card under the pointer, then the card of the current mention, then clears the marks.
  const onMarksEscape = () => {
    if (readerRef.current?.hideHoverCard()) return
    setMarks(marks?.card ? { ...marks, card: false } : null)
  }

  let readerContent
  if (!library.loaded) {
    readerContent = null
  } else if (library.articles.length === 0) {
    readerContent = (
      <EmptyState title="Your notebook is empty" commands={IMPORT_COMMANDS}>
        <p>Import articles (.txt, .md, .html, .pdf, .docx, .eml) or drop them on the window; open one here to read, highlight and tag it.</p>
      </EmptyState>
    )
  } else if (!reading.openId) {
    readerContent = (
      <EmptyState title="No article open" commands={[{ command: 'show-library', label: 'Go to the library' }]}>
        <p>Choose an article from the library list or the library table to read and highlight it.</p>
      </EmptyState>
    )
  } else if (!view) {
    readerContent = <p className="reader-loading">Opening article…</p>
  } else {
    readerContent = (
      <ArticleReader
        key={view.article.id}
        ref={readerRef}
        view={view}
        tags={library.tags}
        actions={actions}
        onOpenArticle={onOpenArticle}
        names={{ marked, card: marks?.card === true, cardId, summaries: names.summaries, onStep, onEscape: onMarksEscape }}
      />
    )
  }

  const left = shown.libraryCollapsed ? RAIL : shown.library
  const right = shown.panelCollapsed ? RAIL : shown.panel
  return (
    <div ref={workspace} className="workspace" style={{ gridTemplateColumns: `${left}px auto minmax(0, 1fr) auto ${right}px` }}>
      {shown.libraryCollapsed ? (
        <PaneRail label="Show the library list" side="left" controls="reader-library" onExpand={() => panes.setCollapsed('library', false)} />
      ) : (
        <LibraryList id="reader-library" articles={library.articles} selectedId={reading.openId} onOpen={onOpenArticle} onCollapse={() => panes.setCollapsed('library', true)} />
      )}
      {shown.libraryCollapsed ? <span /> : <Splitter label="Resize library" width={shown.library} side="left" onResize={(w) => panes.setWidth('library', w)} />}
      <div className="reader">
        {!view && <h1 className="visually-hidden">Reader</h1>}
        {readerContent}
      </div>
      {shown.panelCollapsed ? <span /> : <Splitter label="Resize highlights panel" width={shown.panel} side="right" onResize={(w) => panes.setWidth('panel', w)} />}
      {shown.panelCollapsed ? (
        <PaneRail label="Show the highlights panel" side="right" controls="reader-side" onExpand={() => panes.setCollapsed('panel', false)} />
      ) : (
        <div id="reader-side" className="side-pane">
          <HighlightsPanel
            id="reader-highlights"
            view={view}
            tags={library.tags}
            onReveal={(id) => readerRef.current?.reveal(id)}
            onEdit={(id) => readerRef.current?.edit(id)}
            onCollapse={() => panes.setCollapsed('panel', true)}
            eventDates={eventDates}
          />
          {view && <EntityPanel data={names} marks={marks} cardId={marks?.card ? cardId : null} onMark={onMark} onStep={onStep} onEscape={onMarksEscape} />}
        </div>
      )}
    </div>
  )
}
