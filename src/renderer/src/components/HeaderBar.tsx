/**
 * The top bar: app name, the open notebook's name, the view tabs, search, undo/redo and
 * the two main actions. The app name is not a heading: the open article's title is the
 * page's one <h1>.
 */
import type { NotebookInfo } from '../../../core/api'
import { ExportIcon, ImportIcon, NotebookIcon } from './Icons'
import { ViewTabs, type AppView } from './ViewTabs'

interface Props {
  notebook: NotebookInfo | null
  view: AppView
  onView(view: AppView): void
  importing: boolean
  exporting: boolean
  undoLabel: string | null
  redoLabel: string | null
  onUndo(): void
  onRedo(): void
  onSearch(): void
  onImport(): void
  onExport(): void
}

export function HeaderBar(props: Props) {
  const { notebook, importing, exporting, undoLabel, redoLabel } = props
  return (
    <header className="app-header">
      <p className="app-name">Dossier</p>
      {notebook && (
        <p className="notebook-name" title={notebook.dir}>
          <NotebookIcon />
          <span className="visually-hidden">Notebook: </span>
          <span>{notebook.name}</span>
        </p>
      )}
      <ViewTabs current={props.view} onChange={props.onView} />
      <div className="header-actions">
        <button type="button" className="button" onClick={props.onSearch} title="Search the notebook (Ctrl/Cmd+K)">
          Search
        </button>
        <button type="button" className="button" onClick={props.onUndo} disabled={!undoLabel} title={undoLabel ? `Undo ${undoLabel}` : 'Nothing to undo'}>
          Undo
        </button>
        <button type="button" className="button" onClick={props.onRedo} disabled={!redoLabel} title={redoLabel ? `Redo ${redoLabel}` : 'Nothing to redo'}>
          Redo
        </button>
        <button type="button" className="button" onClick={props.onImport} disabled={importing}>
          <ImportIcon />
          Import files
        </button>
        <button type="button" className="button button-primary" onClick={props.onExport} disabled={exporting}>
          <ExportIcon />
          Export briefing
        </button>
      </div>
    </header>
  )
}
