/**
 * The reader's highlights drawn with the CSS Custom Highlight API: one `Highlight` per
 * colour slot (see color-slots.ts) plus overlap, active and flash layers, all styled by
 * `::highlight(...)` rules in reader.css. Nothing in the article's DOM changes, so
 * painting 1,000 highlights is building 1,000 Ranges. Where the API is missing (jsdom),
 * painting does nothing; the margin bars still show every highlight.
 */

export const OVERLAP_NAME = 'dossier-overlap'
export const ACTIVE_NAME = 'dossier-active'
export const FLASH_NAME = 'dossier-flash'
const FLASH_MS = 1200

/** Layers above the tag colours: overlaps, then the active highlight, then a flash. */
const PRIORITY: Record<string, number> = { [OVERLAP_NAME]: 1, [ACTIVE_NAME]: 2, [FLASH_NAME]: 3 }

function registry(): HighlightRegistry | null {
  return typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined' ? CSS.highlights : null
}

export function highlightsSupported(): boolean {
  return registry() !== null
}

/** Owns a set of registered highlight names; `paint` replaces them all at once. */
export class HighlightPainter {
  private names = new Set<string>()
  private flashTimer: ReturnType<typeof setTimeout> | undefined

  /** Registers `layers` (name -> ranges) and unregisters names this painter set before but not now. */
  paint(layers: ReadonlyMap<string, readonly Range[]>): void {
    const reg = registry()
    if (!reg) return
    for (const name of this.names) if (!layers.has(name)) reg.delete(name)
    this.names = new Set()
    for (const [name, ranges] of layers) {
      if (ranges.length === 0) {
        reg.delete(name)
        continue
      }
      const highlight = new Highlight(...ranges)
      highlight.priority = PRIORITY[name] ?? 0
      reg.set(name, highlight)
      this.names.add(name)
    }
  }

  /** Sets one layer (active highlight), leaving the others alone. */
  setLayer(name: string, ranges: readonly Range[]): void {
    const reg = registry()
    if (!reg) return
    if (ranges.length === 0) {
      reg.delete(name)
      return
    }
    const highlight = new Highlight(...ranges)
    highlight.priority = PRIORITY[name] ?? 0
    reg.set(name, highlight)
  }

  flash(ranges: readonly Range[]): void {
    clearTimeout(this.flashTimer)
    this.setLayer(FLASH_NAME, ranges)
    this.flashTimer = setTimeout(() => this.setLayer(FLASH_NAME, []), FLASH_MS)
  }

  clear(): void {
    clearTimeout(this.flashTimer)
    const reg = registry()
    if (!reg) return
    for (const name of this.names) reg.delete(name)
    reg.delete(ACTIVE_NAME)
    reg.delete(FLASH_NAME)
    this.names = new Set()
  }
}
