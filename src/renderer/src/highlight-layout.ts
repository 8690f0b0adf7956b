/**
 * Drawing moved to the CSS Custom Highlight API (reader/useHighlightPaint.ts) and the
 * margin-bar layout to reader/lanes.ts. What is left is kept until App.tsx stops using it.
 */
import type { HighlightId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { targetMatches } from '../../core/selectors'

/**
 * Highlights whose stored quote is no longer at their offsets. Main now re-anchors
 * highlights and lists the ones it cannot place as `ArticleView.orphans`, which the
 * reader and panel use instead.
 * @deprecated use `view.orphans`
 */
export function findUnplaced(text: string, highlights: readonly Highlight[]): Set<HighlightId> {
  return new Set(highlights.filter((h) => !targetMatches(text, h.target)).map((h) => h.id))
}
