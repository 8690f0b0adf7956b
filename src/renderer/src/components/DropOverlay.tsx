/**
 * The full-window overlay shown while files are dragged over Dossier. Purely visual:
 * dropping is handled by useFileDrop on the window.
 */
import { ImportIcon } from './Icons'

export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <ImportIcon />
        <p>Drop files to import them into this notebook</p>
      </div>
    </div>
  )
}
