/**
 * The timeline picture (issue 15): passages (by event date) or articles (by publication
 * date) on a day axis in lanes (core/timeline/layout.ts lays them out). The lanes and the
 * axis are SVG; the marks are drawn on one canvas (timeline/mark-canvas.ts, decision 68):
 * a day is a dot, a range a bar, an approximate date hatched with a dashed edge (never
 * colour alone), a dense stretch one column with its count.
 * Mouse: the wheel zooms about the pointer, a drag pans, hover shows the quote and source
 * (an article: its title and outlet), a click opens it in the reader (a column: zooms in).
 * Keyboard: + and - zoom, Left and Right pan, 0 fits all; Tab moves through the marks, one
 * at a time, on one focusable element laid over the current mark (a roving focus: it is
 * named for that mark, a mark out of view is panned to), and Enter opens it.
 *
 * For smooth panning at 10,000 passages the marks are laid out once for a window three
 * viewports wide (timeline/viewport.ts); a pan frame draws the marks in view on a canvas
 * as wide as the plot, and the axis.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react'
import { isTimelinePassage, type TimelineItem, type TimelineSource } from '../../../../core/api-timeline'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import { dayNumber, layoutTimeline, ticks, type TimelineMark } from '../../../../core/timeline/layout'
import type { Lane } from '../../../../core/timeline/passages'
import { plural } from '../../plural'
import { drawMarks, hitMark, LANE_PAD, markBox, placeMarks, readTheme, type MarkTheme } from '../../timeline/mark-canvas'
import { pan, span, windowFor, zoom, type Viewport } from '../../timeline/viewport'
import { MarkTooltip } from './MarkTooltip'

export const LABEL_WIDTH = 150
const AXIS_HEIGHT = 26
const MAX_CANVAS_PIXELS = 8_000_000

interface Props {
  /** Passages (mode 'event') or articles (mode 'published'). */
  items: readonly TimelineItem[]
  lanes: readonly Lane[]
  sources: ReadonlyMap<string, TimelineSource>
  viewport: Viewport
  onViewport(next: Viewport | ((v: Viewport) => Viewport)): void
  onFit(): void
  /** Opens a passage (or, with no highlight, an article) in the reader. */
  onOpen(articleId: ArticleId, highlightId: HighlightId | null): void
  mode: 'event' | 'published'
  /** Width of the drawing; measured by the view (the bench sets it). */
  width: number
}

type Mark = TimelineMark<TimelineItem>

/** A mark's identity across layouts (a zoom lays out again): its lane, kind, first day and row. */
const markKey = (m: { mark: Mark; laneIndex: number }) => `${m.laneIndex}:${m.mark.kind}:${m.mark.x0}:${m.mark.row}`

export function TimelineChart({ items, lanes, sources, viewport, onViewport, onFit, onOpen, mode, width }: Props) {
  const plotWidth = Math.max(100, width - LABEL_WIDTH - 12)
  const pxPerDay = plotWidth / span(viewport)
  const win = windowFor(viewport)
  const winKey = `${win.first}:${win.last}`
  const days = useMemo(() => items.map((p) => ({ p, start: dayNumber(p.start), end: dayNumber(p.end) })), [items])

  // Layout of the window: again only when the window (the zoom, or a pan past it) changes.
  const layout = useMemo(() => {
    const [first, last] = winKey.split(':').map(Number) as [number, number]
    const shown = days.filter((d) => d.end >= first && d.start <= last).map((d) => d.p)
    return layoutTimeline(shown, lanes, (p) => p.lanes, { plotWidth: plotWidth * 3, domain: { firstDay: first, lastDay: last } })
  }, [days, lanes, plotWidth, winKey])

  const { placed, laneTops, height } = useMemo(() => placeMarks(layout), [layout])
  const laneList = useMemo(() => layout.lanes.map((l) => l.lane), [layout])
  /** Tab order: lane by lane, then by day and row. */
  const order = useMemo(() => placed.map((_, i) => i).sort((a, b) => placed[a]!.laneIndex - placed[b]!.laneIndex || placed[a]!.mark.x0 - placed[b]!.mark.x0 || placed[a]!.mark.row - placed[b]!.mark.row), [placed])
  const keys = useMemo(() => new Map(placed.map((p, i) => [markKey(p), i])), [placed])
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null)
  const [active, setActive] = useState<{ key: string; serial: number; focused: boolean } | null>(null)
  const drag = useRef<{ x: number; start: Viewport; moved: boolean } | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const canvas = useRef<HTMLCanvasElement>(null)
  const plotClip = useRef<HTMLDivElement>(null)
  const proxy = useRef<HTMLDivElement>(null)
  const moveFocus = useRef(false)
  const themeVersion = useThemeVersion()
  const theme = useRef<{ version: number; colours: MarkTheme } | null>(null)

  const offset = (win.first - viewport.first) * pxPerDay
  const inView = (i: number) => {
    const b = markBox(placed[i]!, win.first, pxPerDay)
    return b.x + offset + b.w >= 0 && b.x + offset <= plotWidth
  }
  // The roving mark: the one Tab reached, else the first in view.
  const activeIndex = (active && keys.get(active.key)) ?? order.find(inView) ?? order[0] ?? null

  // The canvas is as wide as the plot: marks are laid out for the whole window (three views wide) but only
  // those in view are drawn, again on each pan frame (a few ms); a canvas three views wide cost more to
  // allocate and raster on each new chart than all its drawing.
  const canvasWidth = plotWidth + 12
  const hoverIndex = hover?.index ?? null
  const focusedIndex = active?.focused ? activeIndex : null
  useLayoutEffect(() => {
    const el = canvas.current
    const ctx = el?.getContext('2d')
    if (!el || !ctx) return
    if (theme.current?.version !== themeVersion) theme.current = { version: themeVersion, colours: readTheme(el) }
    // The screen's pixel ratio, unless the window's canvas would pass ~8 million pixels (32 MB): many lanes on a dense screen.
    const ratio = Math.min(window.devicePixelRatio || 1, Math.sqrt(MAX_CANVAS_PIXELS / (canvasWidth * height)))
    if (el.width !== Math.round(canvasWidth * ratio) || el.height !== Math.round(height * ratio)) {
      el.width = Math.round(canvasWidth * ratio)
      el.height = Math.round(height * ratio)
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
    drawMarks(ctx, { placed, lanes: laneList, first: win.first, pxPerDay, offset, width: canvasWidth, height, theme: theme.current.colours, hover: hoverIndex, focused: focusedIndex })
  }, [placed, laneList, win.first, pxPerDay, offset, canvasWidth, height, themeVersion, hoverIndex, focusedIndex])

  useLayoutEffect(() => {
    if (!moveFocus.current) return
    moveFocus.current = false
    proxy.current?.focus()
  }, [active?.serial])

  // Wheel zoom needs a listener that may cancel scrolling (React's wheel listener is passive).
  useEffect(() => {
    const el = box.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey === false && Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault()
        onViewport((v) => pan(v, e.deltaX / plotWidth))
        return
      }
      e.preventDefault()
      const x = e.clientX - el.getBoundingClientRect().left - LABEL_WIDTH
      const anchor = Math.min(1, Math.max(0, x / plotWidth))
      onViewport((v) => zoom(v, Math.exp(-e.deltaY * 0.0015), anchor))
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [onViewport, plotWidth])

  const activate = useCallback(
    (index: number) => {
      const item = placed[index]
      if (!item) return
      const { mark } = item
      if (mark.kind === 'bin') {
        const pad = Math.max(1, (mark.x1 - mark.x0) * 0.25)
        onViewport({ first: mark.x0 - pad, last: mark.x1 + 1 + pad })
        return
      }
      const p = mark.passages[0]!
      onOpen(p.articleId as ArticleId, isTimelinePassage(p) ? p.highlightId : null)
    },
    [onOpen, onViewport, placed],
  )

  /** The mark under a pointer, from its position on the canvas. */
  const markAt = (clientX: number, clientY: number): number | null => {
    const r = plotClip.current?.getBoundingClientRect()
    if (!r || clientX < r.left || clientX > r.right || clientY < r.top || clientY > r.bottom) return null
    return hitMark(placed, win.first, pxPerDay, clientX - r.left - offset, clientY - r.top)
  }
  const pointIn = (clientX: number, clientY: number) => {
    const r = box.current?.getBoundingClientRect()
    return { x: clientX - (r?.left ?? 0), y: clientY - (r?.top ?? 0) }
  }

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    drag.current = { x: e.clientX, start: viewport, moved: false }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (d && (d.moved || Math.abs(e.clientX - d.x) > 3)) {
      if (!d.moved) e.currentTarget.setPointerCapture?.(e.pointerId)
      d.moved = true
      setHover(null)
      const shift = (d.x - e.clientX) / pxPerDay
      onViewport({ first: d.start.first + shift, last: d.start.last + shift })
      return
    }
    const index = markAt(e.clientX, e.clientY)
    if (index === null) setHover(null)
    else if (hover?.index !== index) setHover({ index, ...pointIn(e.clientX, e.clientY) })
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    drag.current = null
    if (d?.moved) return
    const index = markAt(e.clientX, e.clientY)
    if (index !== null && e.button === 0) activate(index)
  }

  /** Tab and Shift+Tab on the roving mark: the next (previous) mark, until the last (first) lets focus leave. */
  const step = (by: 1 | -1): boolean => {
    if (activeIndex === null) return false
    const next = order[order.indexOf(activeIndex) + by]
    if (next === undefined) return false
    moveFocus.current = true
    setActive((a) => ({ key: markKey(placed[next]!), serial: (a?.serial ?? 0) + 1, focused: true }))
    return true
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key
    const onMark = e.target === proxy.current
    if (key === '+' || key === '=') onViewport((v) => zoom(v, 1.5))
    else if (key === '-' || key === '_') onViewport((v) => zoom(v, 1 / 1.5))
    else if (key === 'ArrowLeft') onViewport((v) => pan(v, -0.15))
    else if (key === 'ArrowRight') onViewport((v) => pan(v, 0.15))
    else if (key === '0' || key === 'Home') onFit()
    else if ((key === 'Enter' || key === ' ') && onMark && activeIndex !== null) activate(activeIndex)
    else if (key === 'Tab' && onMark && step(e.shiftKey ? -1 : 1)) setHover(null)
    else return
    e.preventDefault()
  }
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target !== proxy.current || activeIndex === null) return setHover(null)
    const item = placed[activeIndex]!
    setActive((a) => ({ key: markKey(item), serial: a?.serial ?? 0, focused: true }))
    // A mark outside the view is brought into it.
    const { mark } = item
    if (mark.x1 + 1 < viewport.first || mark.x0 > viewport.last) {
      const half = span(viewport) / 2
      onViewport({ first: (mark.x0 + mark.x1 + 1) / 2 - half, last: (mark.x0 + mark.x1 + 1) / 2 + half })
      return setHover(null)
    }
    const r = e.target.getBoundingClientRect()
    setHover({ index: activeIndex, ...pointIn(r.right, r.top) })
  }
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target === proxy.current && !moveFocus.current) setActive((a) => a && { ...a, focused: false })
  }

  const axisTicks = ticks(Math.floor(viewport.first), Math.ceil(viewport.last))
  const hovered = hover ? placed[hover.index] : undefined
  const focusBox = activeIndex === null ? null : markBox(placed[activeIndex]!, win.first, pxPerDay)
  const focusMark = activeIndex === null ? null : placed[activeIndex]!.mark
  const what = mode === 'published' ? plural(items.length, 'article') : plural(items.length, 'passage')

  return (
    <div
      ref={box}
      className="timeline-chart"
      tabIndex={0}
      role="group"
      aria-label={`Timeline of ${what}. Plus and minus zoom, Left and Right pan, 0 shows all, Tab moves to each mark and Enter opens it.`}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerLeave={() => setHover(null)}
    >
      <svg className="timeline-axis" width={width} height={AXIS_HEIGHT} aria-hidden="true">
        <line x1={LABEL_WIDTH} x2={width} y1={AXIS_HEIGHT - 1} y2={AXIS_HEIGHT - 1} className="timeline-axis-line" />
        {axisTicks.map((t) => {
          const x = LABEL_WIDTH + (t.day - viewport.first) * pxPerDay
          return x < LABEL_WIDTH || x > width ? null : (
            <g key={t.day} transform={`translate(${x.toFixed(1)},0)`}>
              <line y1={AXIS_HEIGHT - 7} y2={AXIS_HEIGHT - 1} className="timeline-axis-line" />
              <text y={AXIS_HEIGHT - 10} className="timeline-tick">
                {t.label}
              </text>
            </g>
          )
        })}
      </svg>
      <div className="timeline-lanes-scroll">
        <div className="timeline-plot" style={{ height }}>
          <svg className="timeline-lanes" width={width} height={height}>
            {layout.lanes.map((l, i) => (
              <g key={l.lane.key} className="timeline-lane">
                <rect x={0} y={laneTops[i]} width={width} height={laneTops[i + 1]! - laneTops[i]!} className={i % 2 ? 'timeline-lane-bg odd' : 'timeline-lane-bg'} />
                <rect x={8} y={laneTops[i]! + LANE_PAD} width={10} height={10} fill={l.lane.color} className="timeline-swatch" />
                <text x={24} y={laneTops[i]! + LANE_PAD + 9} className="timeline-lane-label">
                  {clip(l.lane.label, 17)} <tspan className="timeline-lane-count">{l.count}</tspan>
                </text>
              </g>
            ))}
          </svg>
          <div ref={plotClip} className="timeline-marks-clip" style={{ left: LABEL_WIDTH, width: plotWidth + 12, height }}>
            <canvas ref={canvas} className="timeline-marks" style={{ width: canvasWidth, height }} aria-hidden="true" data-mark-count={placed.length} />
          </div>
          {focusBox && focusMark && (
            <div
              key={active?.serial ?? 0}
              ref={proxy}
              className="timeline-focus"
              role="button"
              tabIndex={0}
              data-mark={activeIndex}
              aria-label={markLabel(focusMark, mode)}
              style={{ left: LABEL_WIDTH + offset + focusBox.x - 2, top: focusBox.y - 2, width: focusBox.w + 4, height: focusBox.h + 4 }}
            />
          )}
        </div>
      </div>
      {hovered && hover && <MarkTooltip mark={hovered.mark} sources={sources} mode={mode} x={hover.x} y={hover.y} width={width} />}
    </div>
  )
}

/** Counts the system's switches between light and dark: the canvas reads the theme's colours again on each. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const media = window.matchMedia?.('(prefers-color-scheme: dark)')
    const bump = () => setVersion((v) => v + 1)
    media?.addEventListener('change', bump)
    return () => media?.removeEventListener('change', bump)
  }, [])
  return version
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

function markLabel(mark: Mark, mode: 'event' | 'published'): string {
  const noun = mode === 'published' ? 'articles' : 'passages'
  if (mark.kind === 'bin') return `${mark.passages.length} ${noun} from ${mark.passages[0]!.start} to ${mark.passages.at(-1)!.end}${mark.approximate ? ', some approximate' : ''}: Enter zooms in`
  const p = mark.passages[0]!
  const when = p.start === p.end ? p.start : `${p.start} to ${p.end}`
  if (!isTimelinePassage(p)) return `${when}: ${clip(p.title, 120)}${p.outlet ? ` (${p.outlet})` : ''}, ${plural(p.passageCount, 'passage')}`
  return `${mark.approximate ? 'About ' : ''}${when}: ${clip(p.quote, 120)}`
}
