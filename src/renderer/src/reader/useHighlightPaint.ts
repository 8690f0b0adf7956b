/**
 * Draws the article's highlights and lays out their margin bars, in one layout pass
 * after each render that changes the text layout or the highlights:
 *   1. index the rendered text blocks (TextIndex; rebuilt only when the layout changes),
 *   2. build one Range per highlight (two binary searches each; kept and reused while
 *      the layout stays) and bring the CSS highlight layers (one per colour slot, plus
 *      overlaps) in step, changing only the ranges that differ,
 *   3. read every new highlight's vertical extent (all reads, no writes in between;
 *      extents are cached per layout, so adding one highlight measures one Range),
 *   4. register in the CSS highlight layers only the ranges in the visible band (the
 *      scroll view plus a screen above and below, useVisibleBand.ts): the browser
 *      re-validates every registered range when a layer changes, so this keeps adding a
 *      highlight cheap; scrolling a step brings the next ranges in,
 *   5. assign lanes over all highlights and hand the bars in the band to React to draw.
 * Re-measures when the text body's width changes.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { HighlightId } from '../../../core/ids'
import type { Highlight } from '../../../core/model'
import { assignLanes, type BarInput } from './lanes'
import { ACTIVE_NAME, HighlightPainter, OVERLAP_NAME } from './css-highlights'
import { highlightName, slotsOf, type Slot, type SlotMap } from './color-slots'
import { overlapRuns } from './hit-test'
import { liveRange, rangeBox } from './pointer'
import { TextIndex } from './text-index'
import { bandFor, EVERYTHING, useVisibleBand } from './useVisibleBand'

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
export function useHighlightPaint(
  body: RefObject<HTMLElement | null>,
  scroller: RefObject<HTMLElement | null>,
  highlights: readonly Highlight[],
  slots: SlotMap,
  layoutKey: string,
): HighlightPaint {
  // Re-runs when scrolling moves the visible band a step.
  const band = useVisibleBand(scroller, body)
  const bandKey = `${band.top}:${band.bottom}`
  const painter = useRef<HighlightPainter | null>(null)
  /** The offset index and the Ranges built over it (one per distinct start:end, reused across renders). */
  const indexed = useRef<{ key: string; index: TextIndex; ranges: Map<string, AbstractRange | null> } | null>(null)
  const ranges = useRef(new Map<HighlightId, AbstractRange>())
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
    if (indexed.current?.key !== layoutKey) indexed.current = { key: layoutKey, index: TextIndex.fromRoot(root), ranges: new Map() }
    const { index, ranges: rangeCache } = indexed.current
    const rangeAt = (start: number, end: number): AbstractRange | null => {
      const key = `${start}:${end}`
      let range = rangeCache.get(key)
      if (range === undefined) {
        range = index.staticRangeFor(start, end)
        rangeCache.set(key, range)
      }
      return range
    }

    // Ranges, and their extents (reads only; cached while the layout stays).
    const measureKey = `${layoutKey}|${width}`
    if (extents.current.key !== measureKey) extents.current = { key: measureKey, byRange: new Map() }
    const cache = extents.current.byRange
    let origin: number | null = null
    let scratch: Range | null = null
    const extentOf = (start: number, end: number, range: AbstractRange): [number, number] => {
      const key = `${start}:${end}`
      let extent = cache.get(key)
      if (!extent) {
        origin ??= root.getBoundingClientRect().top
        scratch ??= root.ownerDocument.createRange()
        scratch.setStart(range.startContainer, range.startOffset)
        scratch.setEnd(range.endContainer, range.endOffset)
        const rect = rangeBox(scratch)
        extent = [rect.top - origin, Math.max(rect.bottom - origin, rect.top - origin + 4)]
        cache.set(key, extent)
      }
      return extent
    }
    const byId = new Map<HighlightId, AbstractRange>()
    const slotLists = new Map<HighlightId, Slot[]>()
    const inputs: BarInput<HighlightId>[] = []
    const extentById = new Map<HighlightId, [number, number]>()
    for (const h of highlights) {
      const range = rangeAt(h.target.start, h.target.end)
      if (!range) continue
      byId.set(h.id, range)
      const hs = slotsOf(h.tagIds, slots)
      slotLists.set(h.id, hs)
      const extent = extentOf(h.target.start, h.target.end, range)
      extentById.set(h.id, extent)
      inputs.push({ key: h.id, top: extent[0], bottom: extent[1], width: hs.length })
    }
    ranges.current = byId

    // Paint only what is in the visible band (plus a screen either side).
    const view = scroller.current
    const band = view && view.clientHeight > 0 ? bandFor(root.getBoundingClientRect().top - view.getBoundingClientRect().top, view.clientHeight) : EVERYTHING
    const inBand = ([top, bottom]: [number, number]) => top < band.bottom && bottom > band.top
    const layers = new Map<string, AbstractRange[]>()
    for (const [id, range] of byId) {
      if (!inBand(extentById.get(id)!)) continue
      // The first tag colour fills the highlight; each further one underlines it.
      slotLists.get(id)!.forEach((slot, i) => {
        const name = i === 0 ? highlightName(slot) : `${highlightName(slot)}-line`
        const list = layers.get(name)
        if (list) list.push(range)
        else layers.set(name, [range])
      })
    }
    const overlaps: AbstractRange[] = []
    for (const run of overlapRuns(highlights.map((h) => h.target))) {
      const range = rangeAt(run.start, run.end)
      if (range && inBand(extentOf(run.start, run.end, range))) overlaps.push(range)
    }
    layers.set(OVERLAP_NAME, overlaps)
    getPainter().paint(layers)

    // Lanes over all highlights (so they stay put while scrolling); bars in the band.
    const laid = assignLanes(inputs)
    // Measuring layout, then rendering from the measurements before paint, is what layout
    // effects are for: the bars depend on where the browser put the text.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setBars({
      laneCount: laid.laneCount,
      bars: laid.bars
        .filter((b) => b.top < band.bottom && b.bottom > band.top)
        .map((b) => ({ id: b.key, top: b.top, height: b.bottom - b.top, lane: b.lane, slots: slotLists.get(b.key)! })),
    })
  }, [body, scroller, highlights, slots, layoutKey, width, bandKey])

  const rangeOf = useCallback((id: HighlightId) => {
    const range = ranges.current.get(id)
    return range ? liveRange(range) : null
  }, [])
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
