/**
 * Draws the article's highlights and lays out their margin bars, in one layout pass
 * after each render that changes the text layout or the highlights:
 *   1. index the rendered text blocks (TextIndex; rebuilt only when the layout changes),
 *   2. build one Range per highlight (two binary searches each) and register the CSS
 *      highlight layers (one per colour slot, plus overlaps),
 *   3. read every new highlight's vertical extent (all reads, no writes in between;
 *      extents are cached per layout, so adding one highlight measures one Range),
 *   4. assign lanes and hand the bars to React to draw.
 * Re-measures when the text body's width changes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { HighlightId } from '../../../core/ids'
import type { Highlight } from '../../../core/model'
import { assignLanes, type BarInput } from './lanes'
import { ACTIVE_NAME, HighlightPainter, OVERLAP_NAME } from './css-highlights'
import { highlightName, slotsOf, type Slot, type SlotMap } from './color-slots'
import { overlapRuns } from './hit-test'
import { rangeBox } from './pointer'
import { TextIndex } from './text-index'

export interface MarginBar {
  id: HighlightId
  /** Offset from the top of the text body, px. */
  top: number
  height: number
  lane: number
  slots: Slot[]
}

export interface BarLayout {
  bars: MarginBar[]
  laneCount: number
}

export interface HighlightPaint {
  bars: BarLayout
  /** The live Range drawn for a highlight (null when it is folded away). */
  rangeOf(id: HighlightId): Range | null
  index(): TextIndex | null
  setActive(id: HighlightId | null): void
  flash(id: HighlightId): void
}

const EMPTY: BarLayout = { bars: [], laneCount: 0 }

/** `layoutKey` must change whenever the rendered text blocks change (e.g. a fold opens). */
export function useHighlightPaint(body: RefObject<HTMLElement | null>, highlights: readonly Highlight[], slots: SlotMap, layoutKey: string): HighlightPaint {
  const painter = useRef<HighlightPainter | null>(null)
  const indexed = useRef<{ key: string; index: TextIndex } | null>(null)
  const ranges = useRef(new Map<HighlightId, Range>())
  const extents = useRef<{ key: string; byRange: Map<string, [number, number]> }>({ key: '', byRange: new Map() })
  const [width, setWidth] = useState(0)
  const [bars, setBars] = useState<BarLayout>(EMPTY)

  const getPainter = () => (painter.current ??= new HighlightPainter())

  useEffect(() => {
    const root = body.current
    if (!root || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setWidth(root.clientWidth))
    observer.observe(root)
    return () => observer.disconnect()
  }, [body])

  useEffect(() => () => painter.current?.clear(), [])

  useLayoutEffect(() => {
    const root = body.current
    if (!root) return
    if (indexed.current?.key !== layoutKey) indexed.current = { key: layoutKey, index: TextIndex.fromRoot(root) }
    const index = indexed.current.index

    // Ranges and colour layers.
    const byId = new Map<HighlightId, Range>()
    const layers = new Map<string, Range[]>()
    const slotLists = new Map<HighlightId, Slot[]>()
    for (const h of highlights) {
      const range = index.rangeFor(h.target.start, h.target.end)
      if (!range) continue
      byId.set(h.id, range)
      const hs = slotsOf(h.tagIds, slots)
      slotLists.set(h.id, hs)
      for (const slot of hs) {
        const name = highlightName(slot)
        const list = layers.get(name)
        if (list) list.push(range)
        else layers.set(name, [range])
      }
    }
    const overlaps: Range[] = []
    for (const run of overlapRuns(highlights.map((h) => h.target))) {
      const range = index.rangeFor(run.start, run.end)
      if (range) overlaps.push(range)
    }
    layers.set(OVERLAP_NAME, overlaps)
    getPainter().paint(layers)
    ranges.current = byId

    // Measure (reads only), then lay out lanes.
    const measureKey = `${layoutKey}|${width}`
    if (extents.current.key !== measureKey) extents.current = { key: measureKey, byRange: new Map() }
    const cache = extents.current.byRange
    let origin: number | null = null
    const inputs: BarInput<HighlightId>[] = []
    for (const h of highlights) {
      const range = byId.get(h.id)
      if (!range) continue
      const key = `${h.target.start}:${h.target.end}`
      let extent = cache.get(key)
      if (!extent) {
        origin ??= root.getBoundingClientRect().top
        const rect = rangeBox(range)
        extent = [rect.top - origin, rect.bottom - origin]
        cache.set(key, extent)
      }
      inputs.push({ key: h.id, top: extent[0], bottom: Math.max(extent[1], extent[0] + 4), width: slotLists.get(h.id)!.length })
    }
    const laid = assignLanes(inputs)
    // Measuring layout, then rendering from the measurements before paint, is what layout
    // effects are for: the bars depend on where the browser put the text.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBars({
      laneCount: laid.laneCount,
      bars: laid.bars.map((b) => ({ id: b.key, top: b.top, height: b.bottom - b.top, lane: b.lane, slots: slotLists.get(b.key)! })),
    })
  }, [body, highlights, slots, layoutKey, width])

  const rangeOf = useCallback((id: HighlightId) => ranges.current.get(id) ?? null, [])
  const index = useCallback(() => indexed.current?.index ?? null, [])
  const setActive = useCallback((id: HighlightId | null) => {
    const range = id ? ranges.current.get(id) : undefined
    getPainter().setLayer(ACTIVE_NAME, range ? [range] : [])
  }, [])
  const flash = useCallback((id: HighlightId) => {
    const range = ranges.current.get(id)
    if (range) getPainter().flash([range])
  }, [])

  return { bars, rangeOf, index, setActive, flash }
}
