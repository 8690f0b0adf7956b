/**
 * The app's single status region (role="status", polite): progress, results and error
 * messages, with the follow-ups a message offers (Open, Show in folder after an export;
 * View import log after an import). It is always in the DOM so screen readers notice when
 * its text changes. A message with detail lines (annotations that could not be placed)
 * lists them in a short scrolling list that is a Tab stop, and can be dismissed; an
 * import's per-file report is in the import log, not here.
 */
import type { StatusMessage } from '../hooks/useStatus'

export function StatusBar({ status, onDismiss }: { status: StatusMessage | null; onDismiss(): void }) {
  const kind = status?.kind ?? 'info'
  return (
    <footer className="status-bar">
      <div role="status" aria-live="polite" className={`status status-${kind}`}>
        {status && (
          <>
            <span className="status-text">{status.text}</span>
            {status.actions.length > 0 && (
              <span className="status-actions">
                {status.actions.map((action) => (
                  <button key={action.label} type="button" className="button button-small" onClick={action.run}>
                    {action.label}
                  </button>
                ))}
              </span>
            )}
            {status.details.length > 0 && (
              <ul className="status-details" tabIndex={0} aria-label="Details">
                {status.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
      {status && (status.details.length > 0 || status.kind === 'error') && (
        <button type="button" className="button button-small status-dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </footer>
  )
}
