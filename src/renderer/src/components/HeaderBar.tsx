/**
 * The top bar: app name, the open notebook's name, and the two main actions. The app
 * name is not a heading: the open article's title is the page's one <h1>.
 */
import type { NotebookInfo } from '../../../core/api'
import { ExportIcon, ImportIcon, NotebookIcon } from './Icons'

interface Props {
  notebook: NotebookInfo | null
  importing: boolean
  exporting: boolean
  onImport(): void
  onExport(): void
}

export function HeaderBar({ notebook, importing, exporting, onImport, onExport }: Props) {
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
      <div className="header-actions">
        <button type="button" className="button" onClick={onImport} disabled={importing}>
          <ImportIcon />
          Import files
        </button>
        <button type="button" className="button button-primary" onClick={onExport} disabled={exporting}>
          <ExportIcon />
          Export briefing
        </button>
      </div>
    </header>
  )
}
