/**
 * The timeline picture (issue 15): passages on a day axis in lanes (core/timeline/
 * layout.ts lays them out), drawn as SVG. A day is a dot, a range a bar, an approximate
 * date hatched with a dashed edge (never colour alone), a dense stretch one column with
 * its count. Mouse: the wheel zooms about the pointer, a drag pans, hover shows the quote
 * and source, a click opens the passage in the reader (a column: zooms into it).
 * Keyboard: + and - zoom, Left and Right pan, 0 fits all, Tab reaches each mark (one out
 * of view is panned to) and Enter opens it.
 *
 * For smooth panning at 10,000 passages the marks are laid out for a window three
 * viewports wide (timeline/viewport.ts) and slid with one transform; only the axis is
 * drawn again while panning.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent } from 'react'
import type { TimelinePassage, TimelineSource } from '../../../../core/api-timeline'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import { layoutTimeline, ticks, type TimelineLayout, type TimelineMark } from '../../../../core/timeline/layout'
import type { Lane } from '../../../../core/timeline/passages'
import { dayNumber } from '../../../../core/timeline/event-date'
import { pan, span, windowFor, zoom, type Viewport } from '../../timeline/viewport'
import { MarkTooltip } from './MarkTooltip'

export const LABEL_WIDTH = 150
const ROW = 14
const LANE_PAD = 8
const AXIS_HEIGHT = 26

interface Props {
  passages: readonly TimelinePassage[]
  lanes: readonly Lane[]
  sources: ReadonlyMap<string, TimelineSource>
  viewport: Viewport
  onViewport(next: Viewport | ((v: Viewport) => Viewport)): void
  onFit(): void
  onOpen(articleId: ArticleId, highlightId: HighlightId): void
  /** 'published': hover says "published", not "event date". */
  mode: 'event' | 'published'
  /** Width of the drawing; measured by the view (the bench sets it). */
  width: number
}

interface Placed {
  mark: TimelineMark
  laneIndex: number
  y: number
}

export function TimelineChart({ passages, lanes, sources, viewport, onViewport, onFit, onOpen, mode, width }: Props) {
  const plotWidth = Math.max(100, width - LABEL_WIDTH - 12)
  const pxPerDay = plotWidth / span(viewport)
  const win = windowFor(viewport)
  const winKey = `${win.first}:${win.last}`
  const days = useMemo(() => passages.map((p) => ({ p, start: dayNumber(p.start), end: dayNumber(p.end) })), [passages])

  // Layout of the window: again only when the window (the zoom, or a pan past it) changes.
  const layout = useMemo(() => {
    const [first, last] = winKey.split(':').map(Number) as [number, number]
    const shown = days.filter((d) => d.end >= first && d.start <= last).map((d) => d.p)
    const laneKeys = new Map(passages.map((p) => [p.highlightId as string, p.lanes]))
    return layoutTimeline(shown, lanes, (p) => laneKeys.get(p.highlightId) ?? [], { plotWidth: plotWidth * 3, domain: { firstDay: first, lastDay: last } })
  }, [days, lanes, passages, plotWidth, winKey])

  const { placed, laneTops, height } = useMemo(() => placeMarks(layout), [layout])
  const laneList = useMemo(() => layout.lanes.map((l) => l.lane), [layout])
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null)
  const drag = useRef<{ x: number; start: Viewport; moved: boolean } | null>(null)
  const box = useRef<HTMLDivElement>(null)

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
      onOpen(p.articleId, p.highlightId)
    },
    [onOpen, onViewport, placed],
  )

  const markAt = (target: EventTarget | null): number | null => {
    const el = (target as Element | null)?.closest?.('[data-mark]')
    return el ? Number(el.getAttribute('data-mark')) : null
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
    const index = markAt(e.target)
    if (index === null) setHover(null)
    else if (hover?.index !== index) setHover({ index, ...pointIn(e.clientX, e.clientY) })
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    drag.current = null
    if (d?.moved) return
    const index = markAt(e.target)
    if (index !== null && e.button === 0) activate(index)
  }
  const pointIn = (clientX: number, clientY: number) => {
    const r = box.current?.getBoundingClientRect()
    return { x: clientX - (r?.left ?? 0), y: clientY - (r?.top ?? 0) }
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const key = e.key
    if (key === '+' || key === '=') onViewport((v) => zoom(v, 1.5))
    else if (key === '-' || key === '_') onViewport((v) => zoom(v, 1 / 1.5))
    else if (key === 'ArrowLeft') onViewport((v) => pan(v, -0.15))
    else if (key === 'ArrowRight') onViewport((v) => pan(v, 0.15))
    else if (key === '0' || key === 'Home') onFit()
    else if (key === 'Enter' || key === ' ') {
      const index = markAt(e.target)
      if (index === null) return
      activate(index)
    } else return
    e.preventDefault()
  }
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const index = markAt(e.target)
    if (index === null) return setHover(null)
    // Tab reaches every mark of the laid-out window: one outside the view is brought into it.
    const mark = placed[index]!.mark
    if (mark.x1 + 1 < viewport.first || mark.x0 > viewport.last) {
      const half = span(viewport) / 2
      onViewport({ first: (mark.x0 + mark.x1 + 1) / 2 - half, last: (mark.x0 + mark.x1 + 1) / 2 + half })
      return setHover(null)
    }
    const r = (e.target as Element).getBoundingClientRect()
    setHover({ index, ...pointIn(r.right, r.top) })
  }

  const shift = LABEL_WIDTH + (win.first - viewport.first) * pxPerDay
  const axisTicks = ticks(Math.floor(viewport.first), Math.ceil(viewport.last))
  const hovered = hover ? placed[hover.index] : undefined

  return (
    <div
      ref={box}
      className="timeline-chart"
      tabIndex={0}
      role="group"
      aria-label={`Timeline of ${passages.length} passages. Plus and minus zoom, Left and Right pan, 0 shows all, Tab moves to each mark and Enter opens it.`}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
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
        <svg className="timeline-lanes" width={width} height={height}>
          <Patterns lanes={laneList} />
          <defs>
            <clipPath id="timeline-plot">
              <rect x={LABEL_WIDTH} y={0} width={plotWidth + 12} height={height} />
            </clipPath>
          </defs>
          {layout.lanes.map((l, i) => (
            <g key={l.lane.key} className="timeline-lane">
              <rect x={0} y={laneTops[i]} width={width} height={laneTops[i + 1]! - laneTops[i]!} className={i % 2 ? 'timeline-lane-bg odd' : 'timeline-lane-bg'} />
              <rect x={8} y={laneTops[i]! + LANE_PAD} width={10} height={10} fill={l.lane.color} className="timeline-swatch" />
              <text x={24} y={laneTops[i]! + LANE_PAD + 9} className="timeline-lane-label">
                {clip(l.lane.label, 17)} <tspan className="timeline-lane-count">{l.count}</tspan>
              </text>
            </g>
          ))}
          <g clipPath="url(#timeline-plot)">
            <g transform={`translate(${shift.toFixed(1)},0)`}>
              <Marks placed={placed} first={win.first} pxPerDay={pxPerDay} lanes={laneList} />
            </g>
          </g>
        </svg>
      </div>
      {hovered && hover && <MarkTooltip mark={hovered.mark} sources={sources} mode={mode} x={hover.x} y={hover.y} width={width} />}
    </div>
  )
}

function placeMarks(layout: TimelineLayout): { placed: Placed[]; laneTops: number[]; height: number } {
  const placed: Placed[] = []
  const laneTops: number[] = []
  let y = 0
  layout.lanes.forEach((lane, laneIndex) => {
    laneTops.push(y)
    for (const mark of lane.marks) placed.push({ mark, laneIndex, y: y + LANE_PAD + mark.row * ROW })
    y += Math.max(lane.rows * ROW, 18) + 2 * LANE_PAD
  })
  laneTops.push(y)
  return { placed, laneTops, height: Math.max(y, 40) }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

const hatchId = (i: number) => `timeline-hatch-${i}`

/** One hatch pattern per lane colour: approximate dates are hatched, never told by colour alone. */
function Patterns({ lanes }: { lanes: readonly Lane[] }) {
  return (
    <defs>
      {lanes.map((l, i) => (
        <pattern key={l.key} id={hatchId(i)} patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
          <rect width={5} height={5} className="timeline-hatch-bg" />
          <line x1={0} y1={0} x2={0} y2={5} stroke={l.color} strokeWidth={2.5} />
        </pattern>
      ))}
    </defs>
  )
}

interface MarksProps {
  placed: readonly Placed[]
  first: number
  pxPerDay: number
  lanes: readonly Lane[]
}

/** The marks of the window; redrawn only when the window's layout or the zoom changes (not on pan). */
const Marks = memo(
  function Marks({ placed, first, pxPerDay, lanes }: MarksProps) {
    return (
      <>
        {placed.map(({ mark, laneIndex, y }, index) => {
          const color = lanes[laneIndex]!.color
          const x0 = (mark.x0 - first) * pxPerDay
          const x1 = (mark.x1 + 1 - first) * pxPerDay
          const fill = mark.approximate ? `url(#${hatchId(laneIndex)})` : color
          const cls = mark.approximate ? 'timeline-mark approximate' : 'timeline-mark'
          const common = { 'data-mark': index, className: cls, tabIndex: 0, role: 'button', 'aria-label': markLabel(mark) }
          if (mark.kind === 'point') {
            const cx = (x0 + x1) / 2
            return (
              <g key={index} {...common} data-highlight-id={mark.passages[0]!.highlightId}>
                <circle cx={cx} cy={y + ROW / 2} r={5} fill={fill} stroke={color} />
              </g>
            )
          }
          if (mark.kind === 'span') {
            return (
              <g key={index} {...common} data-highlight-id={mark.passages[0]!.highlightId}>
                <rect x={x0} y={y + 2} width={Math.max(4, x1 - x0)} height={ROW - 4} rx={2} fill={fill} stroke={color} />
              </g>
            )
          }
          const w = Math.max(8, x1 - x0 - 1)
          return (
            <g key={index} {...common} className={`${cls} bin`}>
              <rect x={x0} y={y} width={w} height={ROW * 5 - 2} rx={2} fill={fill} fillOpacity={mark.approximate ? 1 : 0.35} stroke={color} />
              <text x={x0 + w / 2} y={y + ROW * 2.5 + 4} className="timeline-bin-count">
                {mark.passages.length}
              </text>
            </g>
          )
        })}
      </>
    )
  },
  // Redrawn when the window or the zoom changes, not on every pan frame (the group's transform slides them).
  (a, b) => a.placed === b.placed && a.pxPerDay === b.pxPerDay && a.first === b.first && a.lanes === b.lanes,
)

function markLabel(mark: TimelineMark): string {
  if (mark.kind === 'bin') return `${mark.passages.length} passages from ${mark.passages[0]!.start} to ${mark.passages.at(-1)!.end}${mark.approximate ? ', some approximate' : ''}: Enter zooms in`
  const p = mark.passages[0]!
  const when = p.start === p.end ? p.start : `${p.start} to ${p.end}`
  return `${mark.approximate ? 'About ' : ''}${when}: ${clip(p.quote, 120)}`
}
