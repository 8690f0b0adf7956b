/**
 * Finding and flashing a highlight's <mark>s in the rendered article. A highlight may be
 * split over several marks (overlaps, paragraphs); `data-highlight-ids` is a space-separated
 * list, so the `~=` attribute selector finds every mark a highlight covers.
 */

const FLASH_CLASS = 'is-flashing'
const FLASH_MS = 1600

export function findMarks(root: ParentNode, highlightId: string): HTMLElement[] {
  const escaped = highlightId.replace(/["\\]/g, '\\$&')
  return Array.from(root.querySelectorAll<HTMLElement>(`mark[data-highlight-ids~="${escaped}"]`))
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

/** Scrolls the highlight's first mark into view and briefly flashes all of its marks. */
export function flashMarks(root: ParentNode, highlightId: string): boolean {
  const marks = findMarks(root, highlightId)
  const first = marks[0]
  if (!first) return false
  first.scrollIntoView({ block: 'center', behavior: prefersReducedMotion() ? 'auto' : 'smooth' })
  for (const mark of marks) {
    mark.classList.remove(FLASH_CLASS)
    void mark.offsetWidth // restart the CSS animation if it is already running
    mark.classList.add(FLASH_CLASS)
    window.setTimeout(() => mark.classList.remove(FLASH_CLASS), FLASH_MS)
  }
  return true
}
