/**
 * The app shell: header with the view tabs, the six views in the page's <main> (library
 * table; reader with library list, article and highlights panel in resizable, collapsible
 * panes; passages; tags; briefings; entities), the import log drawer, the search and shortcuts
 * dialogs, the status bar. Menu commands from main, the app-wide keys, the header and the
 * empty states run the same `runCommand`; every change goes through the one undo stack; a
 * notebook switch reloads everything and forgets the undo history.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { DossierEvent, MenuCommand } from '../../core/api'
import type { ArticleId, HighlightId } from '../../core/ids'
import { isCanceled } from './api'
import { flushPendingBriefingEdits } from './briefing/pending-edits'
import { CommandContext } from './commands'
import { ImportLog, type ImportBatchLog } from './components/ImportLog'
import { ImportProgress } from './components/ImportProgress'
import { ReaderView } from './components/ReaderView'
import { DropOverlay } from './components/DropOverlay'
import { HeaderBar } from './components/HeaderBar'
import { LibraryTable } from './components/LibraryTable'
import { PassagesView } from './components/PassagesView'
import { SearchDialog } from './components/SearchDialog'
import { ShortcutsDialog } from './components/ShortcutsDialog'
import { StatusBar } from './components/StatusBar'
import { TagManager } from './components/TagManager'
import { BriefingComposer } from './components/briefing/BriefingComposer'
import { EntitiesView } from './components/entities/EntitiesView'
import { SourcesView } from './components/sources/SourcesView'
import { SourcingHostContext } from './sourcing/SourcingHost'
import { TimelineView, type TimelinePanel } from './components/timeline/TimelineView'
import { AnalysisView } from './components/analysis/AnalysisView'
import type { AchId } from '../../core/ach'
import type { ClaimId } from '../../core/sourcing'
import { viewPanelId, type AppView } from './components/ViewTabs'
import type { ReaderHandle } from './components/ArticleReader'
import { useAnnotationImport } from './hooks/useAnnotationImport'
import { useAppKeys, isEditableTarget } from './hooks/useAppKeys'
import { useDossierEvents } from './hooks/useDossierEvents'
import { useExport } from './hooks/useExport'
import { useFileDrop } from './hooks/useFileDrop'
import { useHighlightActions } from './hooks/useHighlightActions'
import { useImport, type ImportBatch } from './hooks/useImport'
import { useLibrary } from './hooks/useLibrary'
import { useOpenArticle } from './hooks/useOpenArticle'
import { useStatus } from './hooks/useStatus'
import { readClipboardForImport } from './library/clipboard'
import { UndoContext } from './undo/UndoContext'
import { UndoStack } from './undo/undo-stack'

export function App() {
  const [status, statusControls] = useStatus()
  const library = useLibrary(statusControls.announceError)
  const reading = useOpenArticle(statusControls.announceError)
  const reader = useRef<ReaderHandle>(null)
  const [view, setView] = useState<AppView>('library')
  /** The Timeline view shows the timeline or its map (View > Map). */
  const [timelinePanel, setTimelinePanel] = useState<TimelinePanel>('timeline')
  const [searchOpen, setSearchOpen] = useState(false)
  const [shortcutsOpen, setShortcutsOpen] = useState(false)
  /** Bumped by "Export briefing": the composer opens a briefing (or makes one) to export. */
  const [composeRequest, setComposeRequest] = useState(0)
  // File > Import Gazetteer File…: the Entities view asks main for the file once it is shown.
  const [gazetteerRequested, setGazetteerRequested] = useState(false)
  const gazetteerStarted = useCallback(() => setGazetteerRequested(false), [])
  /** The import log: this session's batches, newest first, and whether the drawer is open. */
  const [importLog, setImportLog] = useState<{ batches: ImportBatchLog[]; open: boolean; focus: boolean }>({ batches: [], open: false, focus: false })
  /** Bumped after every change, so views that fetch their own data fetch it again. */
  const [dataVersion, setDataVersion] = useState(0)
  /** A passage to reveal once its article is on screen (from the passages view, search or a briefing). */
  const pendingReveal = useRef<HighlightId | null>(null)
  /** The ACH matrix open in the Analysis view (kept while the analyst visits other views). */
  const [achOpenId, setAchOpenId] = useState<AchId | null>(null)
  /** The claim the Sources view should show and focus (an ACH claim row's "open"), until it has. */
  const [claimFocus, setClaimFocus] = useState<ClaimId | null>(null)

  const [undo] = useState(() => new UndoStack())
  const undoState = useSyncExternalStore(
    useCallback((onChange: () => void) => undo.subscribe(onChange), [undo]),
    () => undo.snapshot,
  )

  const { refreshArticles, refreshTags, reloadAll } = library
  const { reload: reloadArticle, close: closeArticle } = reading
  const afterChange = useCallback(async () => {
    setDataVersion((v) => v + 1)
    const articles = await refreshArticles()
    // The open article may have been deleted (or its restore undone): close it then.
    if (reading.openId && articles && !articles.some((a) => a.id === reading.openId)) closeArticle()
    else await reloadArticle()
  }, [closeArticle, reading.openId, reloadArticle, refreshArticles])
  const afterTagChange = useCallback(async () => {
    await refreshTags()
    await afterChange()
  }, [afterChange, refreshTags])

  const view_ = reading.view
  const lookup = useCallback((id: HighlightId) => view_?.highlights.find((h) => h.id === id) ?? view_?.orphans.find((h) => h.id === id), [view_])
  const logImport = useCallback((batch: ImportBatch) => {
    // A clean single import (a paste) does not need the drawer; a batch, or any file that did not go in, does.
    const worthOpening = batch.rows.length > 1 || batch.rows.some((r) => r.outcome !== 'imported')
    setImportLog((log) => ({
      batches: [{ id: (log.batches[0]?.id ?? 0) + 1, at: new Date().toISOString(), ...batch }, ...log.batches].slice(0, 10),
      open: log.open || worthOpening,
      focus: false,
    }))
  }, [])
  const openImportLog = useCallback(() => setImportLog((log) => ({ ...log, open: log.batches.length > 0, focus: true })), [])
  const importer = useImport(statusControls, afterChange, undo, logImport, openImportLog)
  const exporter = useExport(statusControls)
  const highlightActions = useHighlightActions(statusControls, afterChange, lookup, undo)
  const importAnnotations = useAnnotationImport(statusControls, afterTagChange)
  const dragging = useFileDrop((files) => void importer.importFiles(files))

  const openArticle = useCallback(
    (articleId: ArticleId, highlightId: HighlightId | null = null) => {
      setView('reader')
      pendingReveal.current = highlightId
      void reading.open(articleId)
    },
    [reading],
  )

  // Reveal (scroll to and flash) a passage once its article is on screen.
  useEffect(() => {
    const id = pendingReveal.current
    if (!id || view !== 'reader' || !view_ || view_.article.id !== reading.openId) return
    pendingReveal.current = null
    requestAnimationFrame(() => reader.current?.reveal(id))
  }, [view, view_, reading.openId])

  const runUndo = useCallback(
    async (direction: 'undo' | 'redo') => {
      const active = document.activeElement
      if (isEditableTarget(active)) {
        // In a text field, undo is the field's own (the menu's Undo lands here too).
        document.execCommand(direction)
        return
      }
      // A briefing edit still waiting for its save is recorded first, so undo reaches it.
      flushPendingBriefingEdits()
      const label = direction === 'undo' ? await undo.undo() : await undo.redo()
      if (label === null && !(direction === 'undo' ? undo.canUndo : undo.canRedo)) {
        statusControls.announce('info', direction === 'undo' ? 'Nothing to undo' : 'Nothing to redo')
      }
    },
    [statusControls, undo],
  )

  const pasteArticle = useCallback(async () => {
    const report = await importer.importClipboard({})
    if (report && !isCanceled(report)) setView('library')
  }, [importer])

  const hasArticles = library.articles.length > 0
  const runCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'import':
          return void importer.importWithDialog()
        case 'export-briefing':
          // One briefing path: the composer, with its title block and handling line.
          if (!hasArticles) {
            setView('library')
            return statusControls.announce('info', 'A briefing is made of highlighted passages: import articles first.')
          }
          setView('briefings')
          return setComposeRequest((n) => n + 1)
        case 'import-annotations':
          return void importAnnotations()
        case 'import-gazetteer':
          setGazetteerRequested(true)
          return setView('entities')
        case 'paste-article':
          return void pasteArticle()
        case 'undo':
        case 'redo':
          return void runUndo(command)
        case 'search':
          return setSearchOpen(true)
        case 'shortcuts':
          return setShortcutsOpen(true)
        case 'show-library':
          return setView('library')
        case 'show-reader':
          return setView('reader')
        case 'show-passages':
          return setView('passages')
        case 'show-tags':
          return setView('tags')
        case 'show-briefings':
          return setView('briefings')
        case 'show-entities':
          return setView('entities')
        case 'show-sources':
          return setView('sources')
        case 'show-timeline':
          setTimelinePanel('timeline')
          return setView('timeline')
        case 'show-map':
          setTimelinePanel('map')
          return setView('timeline')
        case 'show-analysis':
          return setView('analysis')
      }
    },
    [hasArticles, importAnnotations, importer, pasteArticle, runUndo, statusControls],
  )
  useAppKeys(runCommand)

  const showView = useCallback(
    (next: AppView) => {
      // A result message about the last view has been read; it does not follow the analyst around.
      if (next !== view) statusControls.settle()
      setView(next)
    },
    [statusControls, view],
  )

  useDossierEvents((event: DossierEvent) => {
    if (event.type === 'menu') runCommand(event.command)
    else if (event.type === 'notebook-changed') {
      closeArticle()
      undo.clear()
      setAchOpenId(null)
      setDataVersion((v) => v + 1)
      void reloadAll()
      statusControls.announce('info', `Opened notebook ${event.notebook.name}`)
    }
  })

  // Pasting outside a text field imports the clipboard as a new article.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target) || isEditableTarget(document.activeElement)) return
      const content = readClipboardForImport(e)
      if (!content) return
      e.preventDefault()
      void importer.importClipboard(content).then((report) => {
        if (report && !isCanceled(report)) setView('library')
      })
    }
    document.addEventListener('paste', onPaste)
    return () => document.removeEventListener('paste', onPaste)
  }, [importer])

  const sourcingHost = useMemo(() => ({ status: statusControls, afterChange, reloadKey: dataVersion }), [afterChange, dataVersion, statusControls])

  const outlets = useMemo(() => [...new Set(library.articles.flatMap((a) => (a.outlet ? [a.outlet] : [])))].sort((a, b) => a.localeCompare(b)), [library.articles])

  let content
  if (view === 'library') {
    content = (
      <LibraryTable
        articles={library.articles}
        selectedId={reading.openId}
        onOpen={(id) => openArticle(id)}
        onChanged={afterChange}
        status={statusControls}
      />
    )
  } else if (view === 'reader') {
    content = (
      <ReaderView
        library={library}
        reading={reading}
        readerRef={reader}
        actions={highlightActions}
        onOpenArticle={(id) => openArticle(id)}
        onError={statusControls.announceError}
      />
    )
  } else if (view === 'passages') {
    content = (
      <PassagesView
        tags={library.tags}
        reloadKey={dataVersion}
        onOpenPassage={openArticle}
        status={statusControls}
        onChanged={afterChange}
        onOpenMatrix={(achId) => {
          setAchOpenId(achId)
          setView('analysis')
        }}
      />
    )
  } else if (view === 'tags') {
    content = <TagManager reloadKey={dataVersion} onChanged={afterTagChange} status={statusControls} />
  } else if (view === 'sources') {
    content = <SourcesView focusClaimId={claimFocus} onFocusedClaim={() => setClaimFocus(null)} />
  } else if (view === 'timeline') {
    content = <TimelineView tags={library.tags} reloadKey={dataVersion} panel={timelinePanel} onPanel={setTimelinePanel} onOpenPassage={openArticle} status={statusControls} />
  } else if (view === 'entities') {
    content = (
      <EntitiesView
        reloadKey={dataVersion}
        articles={library.articles}
        onChanged={afterChange}
        status={statusControls}
        importRequested={gazetteerRequested}
        onImportStarted={gazetteerStarted}
      />
    )
  } else if (view === 'analysis') {
    content = (
      <AnalysisView
        reloadKey={dataVersion}
        status={statusControls}
        openId={achOpenId}
        onOpenId={setAchOpenId}
        onChanged={() => setDataVersion((v) => v + 1)}
        onOpenPassage={openArticle}
        onOpenClaim={(claimId) => {
          setClaimFocus(claimId)
          setView('sources')
        }}
      />
    )
  } else {
    content = (
      <BriefingComposer
        tags={library.tags}
        articles={library.articles}
        reloadKey={dataVersion}
        status={statusControls}
        onOpenPassage={openArticle}
        exporter={exporter}
        openRequest={composeRequest}
      />
    )
  }

  return (
    <UndoContext.Provider value={undo}>
      <CommandContext.Provider value={runCommand}>
      <SourcingHostContext.Provider value={sourcingHost}>
      <div className="app">
        <HeaderBar
          notebook={library.notebook}
          view={view}
          onView={showView}
          hasArticles={hasArticles || !library.loaded}
          importing={importer.importing}
          exporting={exporter.exporting}
          undoLabel={undoState.undoLabel}
          redoLabel={undoState.redoLabel}
          hasImportLog={importLog.batches.length > 0}
          onUndo={() => runCommand('undo')}
          onRedo={() => runCommand('redo')}
          onSearch={() => runCommand('search')}
          onImport={() => runCommand('import')}
          onExport={() => runCommand('export-briefing')}
          onPaste={() => runCommand('paste-article')}
          onImportAnnotations={() => runCommand('import-annotations')}
          onImportLog={openImportLog}
          onShortcuts={() => runCommand('shortcuts')}
        />
        <main className="view">
          <div className="view-panel" role="tabpanel" id={viewPanelId(view)} aria-labelledby={`tab-${view}`}>
            {content}
          </div>
        </main>
        {importLog.open && importLog.batches.length > 0 && (
          <ImportLog batches={importLog.batches} focusOnOpen={importLog.focus} onClose={() => setImportLog((log) => ({ ...log, open: false, focus: false }))} />
        )}
        {importer.progress && <ImportProgress progress={importer.progress} onCancel={() => void importer.cancel()} />}
        {/* The menu's and header's export; the composer's export dialog shows its own progress. */}
        {exporter.exporting && view !== 'briefings' && <ImportProgress job="export" progress={exporter.progress} onCancel={() => void exporter.cancel()} />}
        <StatusBar status={status} onDismiss={statusControls.clear} />
        {dragging && <DropOverlay />}
        <SearchDialog
          open={searchOpen}
          onClose={() => setSearchOpen(false)}
          tags={library.tags}
          outlets={outlets}
          onOpenResult={(articleId, highlightId) => {
            setSearchOpen(false)
            openArticle(articleId, highlightId)
          }}
        />
        {shortcutsOpen && <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />}
      </div>
      </SourcingHostContext.Provider>
      </CommandContext.Provider>
    </UndoContext.Provider>
  )
}
