/**
 * The top bar: app name, the open notebook's name, the view tabs, search, undo/redo, the
 * main action and a "More" menu. The main action is "Export briefing", which opens the
 * composer (there is one briefing path: the composer's export, with its title block); in
 * an empty notebook it is "Import files" instead. On a narrow window (below 1500 px) the
 * notebook name, Undo, Redo and Import files move into the More menu (layout.css), so
 * the bar fits down to 900 px. The app name is not a heading: each view has its own <h1>.
 */
import type { NotebookInfo } from '../../../core/api'
import { formatKeys } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import { ExportIcon, ImportIcon, NotebookIcon } from './Icons'
import { MenuButton, type MenuItem } from './MenuButton'
import { ViewTabs, type AppView } from './ViewTabs'

export interface HeaderActions {
  onUndo(): void
  onRedo(): void
  onSearch(): void
  onImport(): void
  onExport(): void
  onPaste(): void
  onImportAnnotations(): void
  onImportLog(): void
  onShortcuts(): void
}

interface Props extends HeaderActions {
  notebook: NotebookInfo | null
  view: AppView
  onView(view: AppView): void
  /** The notebook holds articles: export is offered; otherwise import is the main action. */
  hasArticles: boolean
  importing: boolean
  exporting: boolean
  undoLabel: string | null
  redoLabel: string | null
  /** An import ran in this session: its log can be shown again. */
  hasImportLog: boolean
}

const key = (chord: string) => formatKeys(chord, IS_MAC)

export function HeaderBar(props: Props) {
  const { notebook, importing, exporting, undoLabel, redoLabel, hasArticles } = props
  const items: MenuItem[] = [
    ...(notebook ? [{ label: `Notebook: ${notebook.name}`, run: () => undefined, disabled: true, className: 'menu-narrow' }] : []),
    { label: undoLabel ? `Undo ${undoLabel}` : 'Undo', run: props.onUndo, disabled: !undoLabel, className: 'menu-narrow', hint: key('Mod+Z') },
    { label: redoLabel ? `Redo ${redoLabel}` : 'Redo', run: props.onRedo, disabled: !redoLabel, className: 'menu-narrow' },
    ...(hasArticles ? [{ label: 'Import files…', run: props.onImport, disabled: importing, className: 'menu-narrow', hint: key('Mod+O') }] : []),
    { label: 'Paste as new article', run: props.onPaste, disabled: importing, hint: key('Mod+Shift+V') },
    { label: 'Import annotations…', run: props.onImportAnnotations },
    { label: 'View import log', run: props.onImportLog, disabled: !props.hasImportLog },
    { label: 'Keyboard shortcuts', run: props.onShortcuts, hint: 'F1' },
  ]
  return (
    <header className="app-header">
      <p className="app-name">Dossier</p>
      {notebook && (
        <p className="notebook-name header-wide" title={notebook.dir}>
          <NotebookIcon />
          <span className="visually-hidden">Notebook: </span>
          <span className="notebook-name-text">{notebook.name}</span>
        </p>
      )}
      <ViewTabs current={props.view} onChange={props.onView} />
      <div className="header-actions">
        <button type="button" className="button" onClick={props.onSearch} aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'} title={`Search the notebook (${key('Mod+K')})`}>
          Search
        </button>
        <button type="button" className="button header-wide" onClick={props.onUndo} disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel}` : 'Nothing to undo'}>
          Undo
        </button>
        <button type="button" className="button header-wide" onClick={props.onRedo} disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel}` : 'Nothing to redo'}>
          Redo
        </button>
        {hasArticles ? (
          <>
            <button type="button" className="button header-wide" onClick={props.onImport} disabled={importing}>
              <ImportIcon />
              Import files
            </button>
            <button type="button" className="button button-primary" onClick={props.onExport} disabled={exporting} title="Open the briefing composer to export">
              <ExportIcon />
              Export briefing
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={props.onImport} disabled={importing}>
            <ImportIcon />
            Import files
          </button>
        )}
        <MenuButton label="More" items={items} className="header-more" />
      </div>
    </header>
  )
}
