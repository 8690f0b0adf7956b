/**
 * The app shell: header, library, reader, highlights panel and status bar, wired to the
 * hooks that talk to main. Menu commands from main run the same actions as the buttons;
 * a notebook switch reloads everything and closes the open article.
 */
import { useCallback, useMemo, useRef } from 'react'
import type { DossierEvent } from '../../core/api'
import type { HighlightId } from '../../core/ids'
import { ArticleReader, type ReaderHandle } from './components/ArticleReader'
import { DropOverlay } from './components/DropOverlay'
import { EmptyState } from './components/EmptyState'
import { HeaderBar } from './components/HeaderBar'
import { HighlightsPanel } from './components/HighlightsPanel'
import { LibraryList } from './components/LibraryList'
import { StatusBar } from './components/StatusBar'
import { findUnplaced } from './highlight-layout'
import { useDossierEvents } from './hooks/useDossierEvents'
import { useExport } from './hooks/useExport'
import { useFileDrop } from './hooks/useFileDrop'
import { useHighlightActions } from './hooks/useHighlightActions'
import { useImport } from './hooks/useImport'
import { useLibrary } from './hooks/useLibrary'
import { useOpenArticle } from './hooks/useOpenArticle'
import { useStatus } from './hooks/useStatus'

export function App() {
  const [status, statusControls] = useStatus()
  const library = useLibrary(statusControls.announceError)
  const reading = useOpenArticle(statusControls.announceError)
  const reader = useRef<ReaderHandle>(null)

  const { refreshArticles, reloadAll } = library
  const { reload: reloadArticle, close: closeArticle } = reading
  const afterHighlightChange = useCallback(async () => {
    await Promise.all([reloadArticle(), refreshArticles()])
  }, [reloadArticle, refreshArticles])

  const importer = useImport(statusControls, refreshArticles)
  const exporter = useExport(statusControls)
  const highlightActions = useHighlightActions(statusControls, afterHighlightChange)
  const dragging = useFileDrop((files) => void importer.importFiles(files))

  useDossierEvents((event: DossierEvent) => {
    if (event.type === 'menu') {
      if (event.command === 'import') void importer.importWithDialog()
      else if (event.command === 'export-briefing') void exporter.exportBriefing()
    } else if (event.type === 'notebook-changed') {
      closeArticle()
      void reloadAll()
      statusControls.announce('info', `Opened notebook ${event.notebook.name}`)
    }
  })

  const view = reading.view
  const unplaced = useMemo(() => (view ? findUnplaced(view.text, view.highlights) : new Set<HighlightId>()), [view])

  let readerContent
  if (!library.loaded) {
    readerContent = null
  } else if (library.articles.length === 0) {
    readerContent = (
      <EmptyState title="No articles yet">
        <p>Drop articles here (.txt, .md, .html, .pdf, .docx) or use Import files</p>
      </EmptyState>
    )
  } else if (!reading.openId) {
    readerContent = (
      <EmptyState title="No article open">
        <p>Choose an article from the library to read and highlight it.</p>
      </EmptyState>
    )
  } else if (!view || view.article.id !== reading.openId) {
    readerContent = <p className="reader-loading">Opening article…</p>
  } else {
    readerContent = (
      <ArticleReader key={view.article.id} ref={reader} view={view} tags={library.tags} actions={highlightActions} />
    )
  }

  return (
    <div className="app">
      <HeaderBar
        notebook={library.notebook}
        importing={importer.importing}
        exporting={exporter.exporting}
        onImport={() => void importer.importWithDialog()}
        onExport={() => void exporter.exportBriefing()}
      />
      <div className="workspace">
        <LibraryList articles={library.articles} selectedId={reading.openId} onOpen={(id) => void reading.open(id)} />
        <main className="reader">{readerContent}</main>
        <HighlightsPanel
          view={view && view.article.id === reading.openId ? view : null}
          tags={library.tags}
          unplaced={unplaced}
          onReveal={(id) => reader.current?.reveal(id)}
          onEdit={(id) => reader.current?.edit(id)}
        />
      </div>
      <StatusBar status={status} />
      {dragging && <DropOverlay />}
    </div>
  )
}
