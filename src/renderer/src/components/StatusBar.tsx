/**
 * The app's single status region (role="status", polite): progress, results and error
 * messages, with the follow-ups a message offers (Open, Show in folder after an export).
 * It is always in the DOM so screen readers notice when its text changes.
 */
import type { StatusMessage } from '../hooks/useStatus'

export function StatusBar({ status }: { status: StatusMessage | null }) {
  const kind = status?.kind ?? 'info'
  return (
    <footer className="status-bar">
      <div role="status" aria-live="polite" className={`status status-${kind}`}>
        {status && (
          <>
            <span className="status-text">{status.text}</span>
            {status.details.length > 0 && ' '}
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
              <ul className="status-details">
                {status.details.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </footer>
  )
}
