/**
 * The reading view: the library as a compact list, the article, and the highlights
 * panel, in three panes whose side widths the analyst can drag (or set with the
 * keyboard on the splitters) and which are remembered between sessions.
 */
import type { RefObject } from 'react'
import type { ArticleId } from '../../../core/ids'
import type { HighlightActions } from '../hooks/useHighlightActions'
import type { Library } from '../hooks/useLibrary'
import type { OpenArticle } from '../hooks/useOpenArticle'
import { usePaneWidths } from '../hooks/usePaneWidths'
import { ArticleReader, type ReaderHandle } from './ArticleReader'
import { EmptyState } from './EmptyState'
import { HighlightsPanel } from './HighlightsPanel'
import { LibraryList } from './LibraryList'
import { Splitter } from './Splitter'

interface Props {
  library: Library
  reading: OpenArticle
  readerRef: RefObject<ReaderHandle | null>
  actions: HighlightActions
  onOpenArticle(articleId: ArticleId): void
}

export function ReaderView({ library, reading, readerRef, actions, onOpenArticle }: Props) {
  const [widths, setWidth] = usePaneWidths()
  const view = reading.view && reading.view.article.id === reading.openId ? reading.view : null

  let readerContent
  if (!library.loaded) {
    readerContent = null
  } else if (library.articles.length === 0) {
    readerContent = (
      <EmptyState title="No articles yet">
        <p>Drop articles here (.txt, .md, .html, .pdf, .docx), paste one with Ctrl/Cmd+Shift+V, or use Import files.</p>
      </EmptyState>
    )
  } else if (!reading.openId) {
    readerContent = (
      <EmptyState title="No article open">
        <p>Choose an article from the library to read and highlight it.</p>
      </EmptyState>
    )
  } else if (!view) {
    readerContent = <p className="reader-loading">Opening article…</p>
  } else {
    readerContent = <ArticleReader key={view.article.id} ref={readerRef} view={view} tags={library.tags} actions={actions} onOpenArticle={onOpenArticle} />
  }

  return (
    <div className="workspace" style={{ gridTemplateColumns: `${widths.library}px auto minmax(0, 1fr) auto ${widths.panel}px` }}>
      <LibraryList articles={library.articles} selectedId={reading.openId} onOpen={onOpenArticle} />
      <Splitter label="Resize library" width={widths.library} side="left" onResize={(w) => setWidth('library', w)} />
      <main className="reader">{readerContent}</main>
      <Splitter label="Resize highlights panel" width={widths.panel} side="right" onResize={(w) => setWidth('panel', w)} />
      <HighlightsPanel
        view={view}
        tags={library.tags}
        onReveal={(id) => readerRef.current?.reveal(id)}
        onEdit={(id) => readerRef.current?.edit(id)}
      />
    </div>
  )
}
