/**
 * The timeline's marks on one <canvas> (decision 68): where each mark is (its box, for
 * drawing, hit-testing and the keyboard's focus ring), which mark is under the pointer,
 * and the drawing itself. A day is a dot, a range a bar, an approximate date hatched with
 * a dashed edge (never colour alone), a dense stretch a pale column with its count.
 *
 * 10,000 passages give ~1,500 marks for the laid-out window: as SVG elements React's
 * render and the browser's layout of them took ~270 ms; drawn here they take a few ms.
 * The chart lays the window out once and draws the marks in view on each pan frame.
 * Colours come from the theme's CSS variables (dark mode follows prefers-color-scheme).
 */
import type { LayoutItem, TimelineLayout, TimelineMark } from '../../../core/timeline/layout'
import type { Lane } from '../../../core/timeline/passages'

export const ROW = 14
export const LANE_PAD = 8
/** A column of a dense bin is this many rows tall. */
const BIN_ROWS = 5

export interface Placed<P extends LayoutItem = LayoutItem> {
  mark: TimelineMark<P>
  laneIndex: number
  /** Top of the mark's first row, from the top of the lanes. */
  y: number
}

/** Marks with their lane and height, and each lane's top (the last entry: the total height). */
export function placeMarks<P extends LayoutItem>(layout: TimelineLayout<P>): { placed: Placed<P>[]; laneTops: number[]; height: number } {
  const placed: Placed<P>[] = []
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

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

/** The mark's box in pixels, x from the day `first` (the laid-out window's first day). */
export function markBox({ mark, y }: Placed, first: number, pxPerDay: number): Box {
  const x0 = (mark.x0 - first) * pxPerDay
  const x1 = (mark.x1 + 1 - first) * pxPerDay
  if (mark.kind === 'point') return { x: (x0 + x1) / 2 - 5, y: y + ROW / 2 - 5, w: 10, h: 10 }
  if (mark.kind === 'span') return { x: x0, y: y + 2, w: Math.max(4, x1 - x0), h: ROW - 4 }
  return { x: x0, y, w: Math.max(8, x1 - x0 - 1), h: ROW * BIN_ROWS - 2 }
}

/** The index of the mark under (x, y) (same frame as markBox), the last drawn winning; null if none. A dot is hit a little outside its edge. */
export function hitMark(placed: readonly Placed[], first: number, pxPerDay: number, x: number, y: number): number | null {
  for (let i = placed.length - 1; i >= 0; i--) {
    const b = markBox(placed[i]!, first, pxPerDay)
    const slack = placed[i]!.mark.kind === 'point' ? 2 : 0
    if (x >= b.x - slack && x <= b.x + b.w + slack && y >= b.y - slack && y <= b.y + b.h + slack) return i
  }
  return null
}

/** The theme's colours for the canvas, read from the CSS variables where it is drawn. */
export interface MarkTheme {
  text: string
  focus: string
  hatchBg: string
  font: string
}

export function readTheme(el: Element): MarkTheme {
  const s = getComputedStyle(el)
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback
  return { text: v('--text', '#1f1d1a'), focus: v('--focus', '#2d6ae0'), hatchBg: v('--bg-raised', '#ffffff'), font: s.fontFamily || 'sans-serif' }
}

export interface DrawOptions {
  placed: readonly Placed[]
  lanes: readonly Lane[]
  /** The window's first day, pixels per day, and the x of that day on the canvas. */
  first: number
  pxPerDay: number
  offset: number
  width: number
  height: number
  theme: MarkTheme
  hover: number | null
  focused: number | null
}

/** Draws the marks that fall within the canvas (CSS pixels; the context is already scaled for the screen). */
export function drawMarks(ctx: CanvasRenderingContext2D, o: DrawOptions): number {
  ctx.clearRect(0, 0, o.width, o.height)
  const hatch = (laneIndex: number) => hatchPattern(ctx, o.lanes[laneIndex]!.color, o.theme.hatchBg)
  ctx.font = `600 11px ${o.theme.font}`
  ctx.textAlign = 'center'
  let drawn = 0
  o.placed.forEach((p, i) => {
    const b = markBox(p, o.first, o.pxPerDay)
    const x = b.x + o.offset
    if (x > o.width || x + b.w < 0) return
    drawn++
    const color = o.lanes[p.laneIndex]!.color
    const { mark } = p
    ctx.beginPath()
    if (mark.kind === 'point') ctx.arc(x + 5, b.y + 5, 5, 0, Math.PI * 2)
    else ctx.roundRect(x, b.y, b.w, b.h, 2)
    ctx.globalAlpha = mark.kind === 'bin' && !mark.approximate ? 0.35 : 1
    ctx.fillStyle = mark.approximate ? hatch(p.laneIndex) : color
    ctx.fill()
    ctx.globalAlpha = 1
    const ring = i === o.focused ? 'focus' : i === o.hover ? 'hover' : null
    ctx.setLineDash(mark.approximate && !ring ? [2.5, 2] : [])
    ctx.lineWidth = ring === 'focus' ? 3 : ring === 'hover' ? 2 : 1.2
    ctx.strokeStyle = ring === 'focus' ? o.theme.focus : ring === 'hover' ? o.theme.text : color
    ctx.stroke()
    if (mark.kind === 'bin') {
      ctx.fillStyle = o.theme.text
      ctx.fillText(String(mark.passages.length), x + b.w / 2, b.y + ROW * 2.5 + 4)
    }
  })
  ctx.setLineDash([])
  return drawn
}

/** Patterns made for a context, by colour and background: a pattern is a canvas and a context of its own, too dear to make each frame. */
const PATTERNS = new WeakMap<CanvasRenderingContext2D, Map<string, CanvasPattern | string>>()

/** Diagonal stripes of the lane's colour on the theme's raised background (the SVG figure's hatch). */
function hatchPattern(ctx: CanvasRenderingContext2D, color: string, background: string): CanvasPattern | string {
  let made = PATTERNS.get(ctx)
  if (!made) PATTERNS.set(ctx, (made = new Map()))
  const key = `${color} ${background}`
  let pattern = made.get(key)
  if (pattern === undefined) made.set(key, (pattern = makeHatch(ctx, color, background)))
  return pattern
}

function makeHatch(ctx: CanvasRenderingContext2D, color: string, background: string): CanvasPattern | string {
  const tile = document.createElement('canvas')
  tile.width = tile.height = 10
  const t = tile.getContext('2d')
  if (!t) return color
  t.fillStyle = background
  t.fillRect(0, 0, 10, 10)
  t.fillStyle = color
  t.fillRect(0, 0, 2.5, 10)
  t.fillRect(7.5, 0, 2.5, 10)
  const pattern = ctx.createPattern(tile, 'repeat')
  if (!pattern) return color
  // Half size (5 px stripes as in the SVG), turned 45°; the context's own scale applies on top.
  pattern.setTransform(new DOMMatrix().rotate(45).scale(0.5))
  return pattern
}
