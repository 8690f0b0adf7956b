/**
 * The timeline as an SVG document (issue 15): the layout of layout.ts drawn with lanes,
 * an axis, a legend of mark kinds and the numbered sources, so it stands on its own as a
 * figure (briefings, `dossier timeline --format svg`). Pure string building; every text
 * is escaped (svg-text.ts); the figure, each lane and each mark carry a <title> (the quote,
 * its date and source number) for screen readers and hover, and each mark names its
 * highlights in `data-highlights` for a viewer to open them.
 */
import { formatCitationDate } from '../dates'
import { dayFromNumber } from './event-date'
import type { TimelineLayout, TimelineMark } from './layout'
import type { DatedPassage, NumberedSource } from './passages'
import { n, shorten, xml } from './svg-text'

export interface TimelineSvgOptions {
  title?: string
  /** Whole figure width in pixels. Default 1200. */
  width?: number
  /** Label column width. Default 170. */
  labelWidth?: number
  sources: readonly NumberedSource[]
  /** How many passages were left off (no event date), said under the figure. */
  undatedCount?: number
}

const ROW = 14
const MARGIN = 16
const LANE_PAD = 8
const FONT = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif"

/** The plot width a figure of `width` leaves for the axis (pass it to layoutTimeline). */
export function timelinePlotWidth(width = 1200, labelWidth = 170): number {
  return width - labelWidth - 2 * MARGIN
}

/** `21 January 2025`, `21 – 22 January 2025`, `January 2025`, `2025`, `about 21 – 31 January 2025`. */
export function describePeriod(p: Pick<DatedPassage, 'start' | 'end' | 'precision'>): string {
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  const [y, m] = [p.start.slice(0, 4), Number(p.start.slice(5, 7))]
  let text: string
  if (p.precision === 'year' && p.start.endsWith('-01-01') && p.end === `${y}-12-31`) text = y
  else if (p.precision === 'month' && p.start.slice(0, 7) === p.end.slice(0, 7)) text = `${MONTHS[m - 1]} ${y}`
  else if (p.start === p.end) text = formatCitationDate(p.start)!
  else text = `${formatCitationDate(p.start)} – ${formatCitationDate(p.end)}`
  return p.precision === 'approximate' ? `about ${text}` : text
}

export function timelineSvg(layout: TimelineLayout, options: TimelineSvgOptions): string {
  const width = options.width ?? 1200
  const labelWidth = options.labelWidth ?? 170
  const plotX = MARGIN + labelWidth
  const plotW = timelinePlotWidth(width, labelWidth)
  const days = layout.lastDay - layout.firstDay + 1
  const x = (day: number) => plotX + ((day - layout.firstDay) / days) * plotW
  const sourceOf = new Map(options.sources.map((s) => [s.articleId as string, s.number]))
  const cite = (p: DatedPassage) => `[${sourceOf.get(p.articleId) ?? '?'}]`
  const title = options.title ?? 'Timeline of passages by event date'
  const out: string[] = []
  const top = 64
  let y = top

  const body: string[] = []
  for (const lane of layout.lanes) {
    // At least room for the label's two lines.
    const height = Math.max(34, lane.rows * ROW + 2 * LANE_PAD)
    body.push(`<g class="lane" data-lane="${xml(lane.lane.key)}"><title>${xml(`${lane.lane.label}: ${lane.count} passage${lane.count === 1 ? '' : 's'}`)}</title>`)
    body.push(`<rect x="${MARGIN}" y="${y}" width="${width - 2 * MARGIN}" height="${height}" fill="#f3f4f6" stroke="#d1d5db" stroke-width="0.5"/>`)
    body.push(`<rect x="${MARGIN}" y="${y}" width="5" height="${height}" fill="${xml(lane.lane.color)}"/>`)
    body.push(`<text x="${MARGIN + 10}" y="${y + LANE_PAD + 10}" font-size="11" font-weight="bold" fill="#111827">${xml(shorten(lane.lane.label, 24))}</text>`)
    body.push(`<text x="${MARGIN + 10}" y="${y + LANE_PAD + 23}" font-size="9" fill="#4b5563">${lane.count} passage${lane.count === 1 ? '' : 's'}</text>`)
    for (const mark of lane.marks) body.push(drawMark(mark, y + LANE_PAD, lane.lane.color, x, layout, cite))
    body.push('</g>')
    y += height + 4
  }
  const plotBottom = y

  out.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="timeline-title timeline-desc" font-family="${FONT}" width="${width}" height="HEIGHT" viewBox="0 0 ${width} HEIGHT">`)
  out.push(`<title id="timeline-title">${xml(title)}</title>`)
  const sourcesDesc = options.sources.length === 0 ? 'no sources' : `${options.sources.length} source${options.sources.length === 1 ? '' : 's'}`
  out.push(`<desc id="timeline-desc">${xml(`${layout.passageCount} passage${layout.passageCount === 1 ? '' : 's'} in ${layout.lanes.length} lane${layout.lanes.length === 1 ? '' : 's'}, from ${describePeriod({ start: dayFromNumber(layout.firstDay), end: dayFromNumber(layout.lastDay), precision: 'day' })}; ${sourcesDesc}.`)}</desc>`)
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`)
  out.push(`<text x="${MARGIN}" y="26" font-size="15" font-weight="bold" fill="#111827">${xml(shorten(title, 120))}</text>`)
  for (const t of layout.ticks) {
    const tx = x(t.day)
    out.push(`<line x1="${n(tx)}" y1="${top - 8}" x2="${n(tx)}" y2="${plotBottom}" stroke="#9ca3af" stroke-width="0.5"/>`)
    out.push(`<text x="${n(tx)}" y="${top - 12}" font-size="10" text-anchor="middle" fill="#374151">${xml(t.label)}</text>`)
  }
  out.push(...body)
  y = plotBottom + 20
  out.push(...legend(y, width))
  y += 34
  if (options.undatedCount) {
    out.push(`<text x="${MARGIN}" y="${y}" font-size="10" fill="#4b5563">${options.undatedCount} passage${options.undatedCount === 1 ? ' has' : 's have'} no event date and ${options.undatedCount === 1 ? 'is' : 'are'} not shown.</text>`)
    y += 18
  }
  if (options.sources.length > 0) {
    out.push(`<text x="${MARGIN}" y="${y}" font-size="11" font-weight="bold" fill="#111827">Sources</text>`)
    y += 16
    for (const s of options.sources) {
      const line = `[${s.number}] ${s.title}${s.outlet ? `, ${s.outlet}` : ''}${s.published ? `, ${formatCitationDate(s.published)}` : ''}`
      out.push(`<text x="${MARGIN}" y="${y}" font-size="10" fill="#1f2937" data-source="${s.number}">${xml(shorten(line, 170))}</text>`)
      y += 14
    }
  }
  out.push('</svg>')
  const height = y + MARGIN
  return `${out.join('\n').replace(/HEIGHT/g, String(height))}\n`
}

function drawMark(mark: TimelineMark, laneTop: number, color: string, x: (day: number) => number, layout: TimelineLayout, cite: (p: DatedPassage) => string): string {
  const ids = xml(mark.passages.map((p) => p.highlightId).join(' '))
  const cy = laneTop + mark.row * ROW + ROW / 2
  if (mark.kind === 'bin') {
    const rows = layout.maxStack
    const full = rows * ROW - 2
    const h = Math.max(4, full * Math.min(1, 0.25 + (0.75 * mark.passages.length) / Math.max(1, layout.maxBinCount)))
    const x0 = x(mark.x0)
    const w = Math.max(2, x(mark.x1 + 1) - x0 - 1)
    const top = laneTop + mark.row * ROW + full - h
    const sources = [...new Set(mark.passages.map(cite))].sort((a, b) => Number(a.slice(1, -1)) - Number(b.slice(1, -1)))
    const approx = mark.passages.filter((p) => p.precision === 'approximate').length
    const tip = `${mark.passages.length} passages, ${describePeriod({ start: mark.passages[0]!.start, end: mark.passages[mark.passages.length - 1]!.start, precision: 'day' })}${approx ? ` (${approx} approximate)` : ''}; sources ${shorten(sources.join(' '), 200)}`
    return `<g class="bin" data-highlights="${ids}"><title>${xml(tip)}</title><rect x="${n(x0)}" y="${n(top)}" width="${n(w)}" height="${n(h)}" fill="${xml(color)}" fill-opacity="0.6" stroke="${xml(color)}"/><text x="${n(x0 + w / 2)}" y="${n(top - 2)}" font-size="8" text-anchor="middle" fill="#111827">${mark.passages.length}</text></g>`
  }
  const p = mark.passages[0]!
  const tip = `“${shorten(p.quote, 300)}” ${cite(p)}, ${describePeriod(p)}${p.dateSource === 'analyst' ? ' (date set by the analyst)' : p.decided ? ' (suggested date, accepted)' : ' (suggested date)'}`
  const dash = mark.approximate ? ' stroke-dasharray="3 2"' : ''
  if (mark.kind === 'span') {
    const x0 = x(mark.x0)
    const w = Math.max(3, x(mark.x1 + 1) - x0)
    const fill = mark.approximate ? ` fill="${xml(color)}" fill-opacity="0.25"` : ` fill="${xml(color)}" fill-opacity="0.85"`
    return `<g class="span${mark.approximate ? ' approximate' : ''}" data-highlights="${ids}"><title>${xml(tip)}</title><rect x="${n(x0)}" y="${n(cy - ROW / 2 + 2)}" width="${n(w)}" height="${ROW - 4}" rx="2"${fill} stroke="${xml(color)}" stroke-width="1.2"${dash}/><text x="${n(x0 + w + 2)}" y="${n(cy + 3)}" font-size="8" fill="#374151">${xml(cite(p))}</text></g>`
  }
  const cx = x(mark.x0 + 0.5)
  const fill = mark.approximate ? '#ffffff' : xml(color)
  return `<g class="point${mark.approximate ? ' approximate' : ''}" data-highlights="${ids}"><title>${xml(tip)}</title><circle cx="${n(cx)}" cy="${n(cy)}" r="4.5" fill="${fill}" stroke="${xml(color)}" stroke-width="1.5"${dash}/><text x="${n(cx + 7)}" y="${n(cy + 3)}" font-size="8" fill="#374151">${xml(cite(p))}</text></g>`
}

function legend(y: number, width: number): string[] {
  const c = '#374151'
  const items = [
    `<circle cx="${MARGIN + 5}" cy="${y - 4}" r="4.5" fill="${c}"/><text x="${MARGIN + 14}" y="${y}" font-size="10" fill="${c}">one day</text>`,
    `<circle cx="${MARGIN + 85}" cy="${y - 4}" r="4.5" fill="#ffffff" stroke="${c}" stroke-width="1.5" stroke-dasharray="3 2"/><text x="${MARGIN + 94}" y="${y}" font-size="10" fill="${c}">approximate</text>`,
    `<rect x="${MARGIN + 180}" y="${y - 9}" width="28" height="10" rx="2" fill="${c}" fill-opacity="0.85"/><text x="${MARGIN + 213}" y="${y}" font-size="10" fill="${c}">range, month or year</text>`,
    `<rect x="${MARGIN + 335}" y="${y - 9}" width="28" height="10" rx="2" fill="${c}" fill-opacity="0.25" stroke="${c}" stroke-dasharray="3 2"/><text x="${MARGIN + 368}" y="${y}" font-size="10" fill="${c}">approximate period</text>`,
    `<rect x="${MARGIN + 480}" y="${y - 12}" width="10" height="13" fill="${c}" fill-opacity="0.6"/><text x="${MARGIN + 495}" y="${y}" font-size="10" fill="${c}">many passages in one period (count above)</text>`,
  ]
  return [`<g class="legend" aria-label="Legend"><title>Legend</title>`, ...items.filter((_, i) => MARGIN + [0, 85, 180, 335, 480][i]! < width), `<text x="${MARGIN}" y="${y + 16}" font-size="9" fill="#4b5563">[n]: the source, listed below.</text>`, '</g>']
}
