/**
 * The reader's scroll container geometry: content coordinates of a viewport point, the
 * anchor (top, left, bottom) of text shown at a viewport rect, for the toolbar, the chooser
 * and the entity card; and scrolling a range of the text into view, a third of the way
 * down (smoothly, unless the user prefers reduced motion): revealing a highlight or an
 * entity mention.
 */
import type { ToolbarAnchor } from '../components/HighlightToolbar'
import { rangeBox } from './pointer'

/** Content coordinates of the scroll container for a viewport point. */
export function contentPoint(container: HTMLElement, x: number, y: number): { top: number; left: number } {
  const box = container.getBoundingClientRect()
  return { top: y - box.top + container.scrollTop, left: x - box.left + container.scrollLeft }
}

/** The anchor for text shown at `rect` (viewport coordinates), in content coordinates. */
export function anchorFor(container: HTMLElement, rect: { left: number; top: number; bottom: number }): ToolbarAnchor {
  const { top, left } = contentPoint(container, rect.left, rect.top)
  return { top, left, bottom: top + (rect.bottom - rect.top) }
}

const prefersReducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches

export function scrollRangeIntoView(container: HTMLElement, range: Range): void {
  const rect = rangeBox(range)
  const box = container.getBoundingClientRect()
  const top = rect.top - box.top + container.scrollTop - Math.max(0, (box.height - rect.height) / 3)
  if (typeof container.scrollTo === 'function') container.scrollTo({ top: Math.max(0, top), behavior: prefersReducedMotion() ? 'auto' : 'smooth' })
}
