/**
 * Keeps a pending selection visibly marked while the highlight toolbar is open, even
 * after focus moves into the comment box (which takes the document selection away).
 * Uses the CSS Custom Highlight API, so the reader's DOM is not touched; styled by
 * `::highlight(dossier-pending)` in reader.css. Does nothing where the API is missing.
 */
import { useEffect } from 'react'

const NAME = 'dossier-pending'

export function usePendingHighlight(range: Range | null): void {
  useEffect(() => {
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined
    if (!range || !registry || typeof Highlight === 'undefined') return
    registry.set(NAME, new Highlight(range))
    return () => {
      registry.delete(NAME)
    }
  }, [range])
}
