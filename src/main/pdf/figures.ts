/**
 * The briefing PDF's figures (issue 15): the timeline and the map drawn as vector graphics
 * with pdfkit (rectangles, circles, lines and, for the map, the basemap's SVG path data),
 * never as an image, so they print sharp and their labels stay text. Each is a Figure
 * element of the structure tree with its Alt (what it shows, in words), followed by its
 * caption (a Caption: "Figure n. …" with the source numbers of the briefing's Sources
 * list) and a legend of what the marks mean.
 *
 * The data is main's (src/main/briefings/briefing-figures.ts): the timeline's layout in
 * days and rows, the map's projected geometry in points. Text inside a figure is drawn
 * with drawRun outside any save/restore, so the document's fill-colour cache stays true.
 */
import { PDF_TIMELINE_LABEL_WIDTH, type BriefingFigure, type BriefingMapFigure, type BriefingTimelineFigure } from '../../core/briefing-figures'
import type { TimelineMark } from '../../core/timeline/layout'
import { placeRadius } from '../../core/timeline/map-figure'
import { shorten } from '../../core/timeline/svg-text'
import { COLOR, CONTENT, type Style } from './page-design'
import { height, type Flow } from './page-flow'
import { drawRun, type Doc } from './pdf-document'

const ROW = 9
const LANE_PAD = 4
const AXIS = 16
const LEGEND = 30
const CAPTION: Style = { font: 'italic', size: 8.5, leading: 12, color: COLOR.body }
const PLACE = '#0072B2'

/** Composes the figures into the flow: each kept with its caption. */
export function composeFigures(flow: Flow, figures: readonly BriefingFigure[]): void {
  for (const figure of figures) flow.tag('Div', () => composeFigure(flow, figure))
}

function composeFigure(flow: Flow, figure: BriefingFigure): void {
  const left = CONTENT.left
  const width = CONTENT.width
  const graphicHeight = figure.kind === 'timeline' ? timelineHeight(figure) : mapHeight(figure)
  const label = `Figure ${figure.number}. `
  const caption = flow.lines(`${label}${figure.caption}`, CAPTION, width)
  flow.ensure(graphicHeight + 8 + height(caption, CAPTION))
  flow.dest(`figure-${figure.number}`)
  const top = flow.y
  flow.tag('Figure', () => flow.add({ kind: 'graphic', x: left, y: top, w: width, h: graphicHeight, draw: (doc) => (figure.kind === 'timeline' ? drawTimeline(doc, figure, left, top, width) : drawMap(doc, figure, left, top)) }), { alt: figure.alt })
  flow.y = top + graphicHeight + 6
  flow.tag('Caption', () => flow.placeLines(caption, CAPTION, left, width))
  flow.y += 14
}

function laneHeight(rows: number): number {
  return Math.max(22, rows * ROW + 2 * LANE_PAD)
}

function timelineHeight(figure: BriefingTimelineFigure): number {
  return AXIS + figure.layout.lanes.reduce((sum, l) => sum + laneHeight(l.rows) + 2, 0) + LEGEND
}

function drawTimeline(doc: Doc, figure: BriefingTimelineFigure, left: number, top: number, width: number): void {
  const { layout } = figure
  const plotX = left + PDF_TIMELINE_LABEL_WIDTH
  const plotW = width - PDF_TIMELINE_LABEL_WIDTH
  const days = layout.lastDay - layout.firstDay + 1
  const x = (day: number) => plotX + ((day - layout.firstDay) / days) * plotW
  const sourceOf = new Map(figure.sources.map((s) => [s.articleId as string, s.number]))
  const cite = (articleId: string) => `[${sourceOf.get(articleId) ?? '?'}]`
  const bottom = top + timelineHeight(figure) - LEGEND
  // Ticks and their labels.
  for (const t of layout.ticks) {
    doc.save().moveTo(x(t.day), top + AXIS - 3).lineTo(x(t.day), bottom).lineWidth(0.4).strokeColor('#9ca3af').stroke().restore()
  }
  for (const t of layout.ticks) drawRun(doc, t.label, 'regular', 6.5, COLOR.muted, x(t.day) - 8, top + AXIS - 6)
  let y = top + AXIS
  for (const lane of layout.lanes) {
    const h = laneHeight(lane.rows)
    doc.save().rect(left, y, width, h).fillOpacity(0.5).fill('#f3f4f6').restore()
    doc.save().rect(left, y, 3.5, h).fill(lane.lane.color).restore()
    drawRun(doc, shorten(lane.lane.label, 18), 'bold', 7, COLOR.ink, left + 7, y + LANE_PAD + 7)
    drawRun(doc, `${lane.count} passage${lane.count === 1 ? '' : 's'}`, 'regular', 6, COLOR.muted, left + 7, y + LANE_PAD + 15)
    const labels: { text: string; x: number; y: number }[] = []
    for (const mark of lane.marks) drawMark(doc, mark, y + LANE_PAD, lane.lane.color, x, layout.maxStack, layout.maxBinCount, cite, labels)
    for (const l of labels) drawRun(doc, l.text, 'regular', 5.5, COLOR.body, l.x, l.y)
    y += h + 2
  }
  drawTimelineLegend(doc, left, bottom + 12)
}

function drawMark(doc: Doc, mark: TimelineMark, laneTop: number, color: string, x: (day: number) => number, maxStack: number, maxBinCount: number, cite: (articleId: string) => string, labels: { text: string; x: number; y: number }[]): void {
  const cy = laneTop + mark.row * ROW + ROW / 2
  if (mark.kind === 'bin') {
    const full = maxStack * ROW - 2
    const h = Math.max(3, full * Math.min(1, 0.25 + (0.75 * mark.passages.length) / Math.max(1, maxBinCount)))
    const x0 = x(mark.x0)
    const w = Math.max(1.5, x(mark.x1 + 1) - x0 - 0.5)
    const y0 = laneTop + mark.row * ROW + full - h
    doc.save().rect(x0, y0, w, h).fillOpacity(0.6).fillAndStroke(color, color).restore()
    labels.push({ text: String(mark.passages.length), x: x0, y: y0 - 1.5 })
    return
  }
  const p = mark.passages[0]!
  if (mark.kind === 'span') {
    const x0 = x(mark.x0)
    const w = Math.max(2.5, x(mark.x1 + 1) - x0)
    doc.save().roundedRect(x0, cy - ROW / 2 + 1.5, w, ROW - 3, 1.5).lineWidth(0.8)
    if (mark.approximate) doc.dash(2, { space: 1.5 }).fillOpacity(0.25).fillAndStroke(color, color)
    else doc.fillOpacity(0.85).fillAndStroke(color, color)
    doc.restore()
    labels.push({ text: cite(p.articleId), x: x0 + w + 1.5, y: cy + 2 })
    return
  }
  const cx = x(mark.x0 + 0.5)
  doc.save().circle(cx, cy, 3).lineWidth(1)
  if (mark.approximate) doc.dash(1.5, { space: 1 }).fillAndStroke('#ffffff', color)
  else doc.fillAndStroke(color, color)
  doc.restore()
  labels.push({ text: cite(p.articleId), x: cx + 4.5, y: cy + 2 })
}

function drawTimelineLegend(doc: Doc, left: number, y: number): void {
  const c = '#374151'
  doc.save().circle(left + 3, y - 2.5, 3).fill(c).restore()
  doc.save().circle(left + 63, y - 2.5, 3).lineWidth(1).dash(1.5, { space: 1 }).fillAndStroke('#ffffff', c).restore()
  doc.save().roundedRect(left + 140, y - 6, 18, 7, 1.5).fillOpacity(0.85).fill(c).restore()
  doc.save().roundedRect(left + 250, y - 6, 18, 7, 1.5).lineWidth(0.8).dash(2, { space: 1.5 }).fillOpacity(0.25).fillAndStroke(c, c).restore()
  doc.save().rect(left + 360, y - 8, 6, 9).fillOpacity(0.6).fill(c).restore()
  drawRun(doc, 'one day', 'regular', 7, c, left + 9, y)
  drawRun(doc, 'approximate day', 'regular', 7, c, left + 69, y)
  drawRun(doc, 'range, month, year', 'regular', 7, c, left + 161, y)
  drawRun(doc, 'approximate period', 'regular', 7, c, left + 271, y)
  drawRun(doc, 'many (count above)', 'regular', 7, c, left + 369, y)
  drawRun(doc, 'Legend. [n]: the source, numbered as in the Sources list.', 'italic', 6.5, COLOR.muted, left, y + 11)
}

/** The map, its legend of sizes (as large as the largest circle) and the legend's line. */
function mapHeight(figure: BriefingMapFigure): number {
  const g = figure.geometry
  const max = g.legendCounts[g.legendCounts.length - 1]!
  return g.height + 8 + 2 * placeRadius(max, max, g.scale) + 14
}

function drawMap(doc: Doc, figure: BriefingMapFigure, left: number, top: number): void {
  const g = figure.geometry
  doc.save()
  doc.rect(left, top, g.width, g.height).clip()
  doc.translate(left, top)
  doc.rect(0, 0, g.width, g.height).fill('#dbeafe')
  if (g.land) doc.path(g.land).lineWidth(0.5).fillAndStroke('#f5f5f4', '#a8a29e')
  if (g.borders) doc.path(g.borders).lineWidth(0.4).dash(1.5, { space: 1.5 }).stroke('#a8a29e')
  doc.undash()
  for (const place of g.places) {
    if (place.count === 0) doc.circle(place.x, place.y, place.r).fill('#9ca3af')
    else doc.circle(place.x, place.y, place.r).lineWidth(1).fillOpacity(0.55).fillAndStroke(PLACE, PLACE).fillOpacity(1)
  }
  doc.restore()
  doc.save().rect(left, top, g.width, g.height).lineWidth(0.6).stroke('#9ca3af').restore()
  // Labels after the shapes (outside save/restore: see the module comment); only places with passages.
  for (const place of g.places) {
    if (place.count === 0) continue
    const text = `${shorten(place.name, 30)} ${place.count}${place.cites.length > 0 ? ` ${place.cites.map((c) => `[${c}]`).join('')}` : ''}`
    drawRun(doc, text, 'bold', 7, COLOR.ink, left + place.x + place.r + 2, top + place.y + 2.5)
  }
  drawRun(doc, g.attribution, 'regular', 5.5, COLOR.muted, left + 4, top + g.height - 4)
  // Legend: sizes, the grey dot.
  let x = left
  const big = placeRadius(g.legendCounts[g.legendCounts.length - 1]!, g.legendCounts[g.legendCounts.length - 1]!, g.scale)
  const y = top + g.height + 8 + big
  for (const n of g.legendCounts) {
    const r = placeRadius(n, g.legendCounts[g.legendCounts.length - 1]!, g.scale)
    doc.save().circle(x + r, y - 3, r).fillOpacity(0.55).fillAndStroke(PLACE, PLACE).restore()
    drawRun(doc, `${n} passage${n === 1 ? '' : 's'}`, 'regular', 7, COLOR.body, x + 2 * r + 4, y)
    x += 2 * r + 60
  }
  doc.save().circle(x + 2.5, y - 3, 2.5).fill('#9ca3af').restore()
  drawRun(doc, 'a place no passage names', 'regular', 7, COLOR.body, x + 8, y)
  drawRun(doc, 'Legend. Circle area follows the passages naming the place; [n]: the source, as in the Sources list.', 'italic', 6.5, COLOR.muted, left, y + big + 10)
}
