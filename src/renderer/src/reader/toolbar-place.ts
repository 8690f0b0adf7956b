/**
 * Where the highlight toolbar goes so that the text it is about stays in view: below the
 * selection when it fits in the visible part of the reader, else above it, else (scrolled
 * so the selection starts near the top) below it; a selection too tall to show with the
 * toolbar keeps its first lines in view and the toolbar covers its end. All values are in
 * the scroll container's content coordinates.
 */
export interface PlaceInput {
  /** The selection's (or highlight's) top and bottom. */
  top: number
  bottom: number
  /** The visible band of the scroll container: its scrollTop and clientHeight. */
  viewTop: number
  viewHeight: number
  /** The toolbar's height. */
  height: number
}

export interface Placement {
  top: number
  /** A new scrollTop for the container, when it must scroll. */
  scrollTop: number | null
}

export const GAP = 8
/** Room kept at the edges of the visible band. */
const EDGE = 12
/** How much of a tall selection stays visible above the toolbar. */
const KEEP = 72

export function placeToolbar({ top, bottom, viewTop, viewHeight, height }: PlaceInput): Placement {
  const viewBottom = viewTop + viewHeight
  const selectionInView = top >= viewTop && bottom <= viewBottom
  if (selectionInView && bottom + GAP + height <= viewBottom - EDGE) return { top: bottom + GAP, scrollTop: null }
  if (selectionInView && top - GAP - height >= viewTop + EDGE) return { top: top - GAP - height, scrollTop: null }
  // Scroll so the selection starts a little below the top of the band, the toolbar under it.
  const block = bottom - top + GAP + height
  const margin = Math.min(EDGE * 4, Math.max(EDGE, (viewHeight - block) / 2))
  const scrollTop = Math.max(0, top - margin)
  if (block + margin + EDGE <= viewHeight) return { top: bottom + GAP, scrollTop }
  // Too tall for both: the selection's start stays in view, the toolbar sits at the band's foot.
  const footTop = Math.max(top + Math.min(KEEP, bottom - top), scrollTop + viewHeight - height - EDGE)
  return { top: footTop, scrollTop }
}
