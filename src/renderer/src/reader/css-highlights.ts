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

/** Owns the registered highlight layers and keeps them in step with the highlights. */
export class HighlightPainter {
  private layers = new Map<string, Highlight>()
  private flashTimer: ReturnType<typeof setTimeout> | undefined

  /**
   * Makes the registered layers hold exactly `layers` (name -> ranges), changing only
   * what differs: the same Range objects stay, new ones are added, gone ones deleted, and
   * names this painter set before but not now are unregistered. Pass the same Range
   * object for an unchanged highlight, so that adding one highlight is one change.
   */
  paint(layers: ReadonlyMap<string, readonly AbstractRange[]>): void {
    const reg = registry()
    if (!reg) return
    for (const name of [...this.layers.keys()]) {
      if (!layers.has(name) || layers.get(name)!.length === 0) {
        reg.delete(name)
        this.layers.delete(name)
      }
    }
    for (const [name, ranges] of layers) {
      if (ranges.length === 0) continue
      let highlight = this.layers.get(name)
      if (!highlight) {
        highlight = new Highlight(...ranges)
        highlight.priority = PRIORITY[name] ?? 0
        reg.set(name, highlight)
        this.layers.set(name, highlight)
        continue
      }
      const wanted = new Set(ranges)
      for (const range of highlight) if (!wanted.has(range)) highlight.delete(range)
      for (const range of ranges) if (!highlight.has(range)) highlight.add(range)
    }
  }

  /** Sets one layer (active highlight), leaving the others alone. */
  setLayer(name: string, ranges: readonly AbstractRange[]): void {
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

  flash(ranges: readonly AbstractRange[]): void {
    clearTimeout(this.flashTimer)
    this.setLayer(FLASH_NAME, ranges)
    this.flashTimer = setTimeout(() => this.setLayer(FLASH_NAME, []), FLASH_MS)
  }

  clear(): void {
    clearTimeout(this.flashTimer)
    const reg = registry()
    if (!reg) return
    for (const name of this.layers.keys()) reg.delete(name)
    reg.delete(ACTIVE_NAME)
    reg.delete(FLASH_NAME)
    this.layers.clear()
  }
}
