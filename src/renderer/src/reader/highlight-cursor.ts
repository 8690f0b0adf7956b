/**
 * Moving through an article's highlights with the keyboard (J and K in the reader): the
 * next or previous highlight in text order from the current one, with what to announce;
 * and a caret at the first line on screen when the article gets focus by Tab.
 */
import type { HighlightId } from '../../../core/ids'
import type { Highlight } from '../../../core/model'
import type { Labels } from './labels'

export interface CursorStep {
  id: HighlightId
  /** "Highlight 2 of 5: Bases — Russia began to withdraw…", or that there are no more. */
  note: string
}

/** The highlight `by` steps from `current` in text order (the first or last when there is none); null when the article has none. */
export function stepHighlight(highlights: readonly Highlight[], current: HighlightId | null, by: 1 | -1, labels: Labels): CursorStep | null {
  const ordered = [...highlights].sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)
  if (ordered.length === 0) return null
  const at = current === null ? -1 : ordered.findIndex((h) => h.id === current)
  const wanted = at === -1 ? (by === 1 ? 0 : ordered.length - 1) : at + by
  const index = Math.max(0, Math.min(ordered.length - 1, wanted))
  const id = ordered[index]!.id
  const edge = wanted !== index ? (by === 1 ? ' (the last one)' : ' (the first one)') : ''
  return { id, note: `Highlight ${index + 1} of ${ordered.length}${edge}: ${labels.get(id) ?? ''}` }
}

/** Collapses the selection at the start of the first paragraph of `body` visible in `scroller`, unless a selection is already in `body`. */
export function caretAtFirstVisibleLine(body: HTMLElement, scroller: HTMLElement): void {
  const selection = document.getSelection()
  if (!selection || (selection.anchorNode && body.contains(selection.anchorNode))) return
  const top = scroller.getBoundingClientRect().top
  const blocks = Array.from(body.querySelectorAll<HTMLElement>('p[data-start]'))
  const first = blocks.find((p) => p.getBoundingClientRect().bottom > top) ?? blocks[0]
  const text = first?.firstChild
  if (text instanceof Text) selection.collapse(text, 0)
}
