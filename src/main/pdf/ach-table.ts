/**
 * The briefing PDF's Analysis part (issue 16): each ACH matrix the briefing names, as
 * tagged tables. First the question and what the lead hinges on (the leading hypothesis,
 * the sensitive rows and what leads without each: core achConclusions), then the
 * hypotheses ranked by weighted inconsistency, then the matrix: hypotheses as columns,
 * one row per item of evidence with its citation (the passage's number and source number
 * in this briefing), its weight, each cell's rating as its code (CC … II, NA) on a colour
 * (colour never alone), and whether the row is diagnostic or sensitive.
 *
 * A row is kept together; when the matrix runs onto a new page its header row is drawn
 * again (as decoration the second time: the structure has one header row).
 */
import { achConclusions, evidenceText, formatScore, RATING_KEY, ratingOf, type Rating } from '../../core/ach'
import type { BriefingAnalysis } from '../../core/briefing-figures'
import { BOTTOM, COLOR, CONTENT, S, type Style } from './page-design'
import { baselineOffset, heading, height, type Flow, type OutlineEntry } from './page-flow'
import type { TextLine } from './text-layout'

const CELL: Style = { font: 'regular', size: 8, leading: 10.5, color: COLOR.body }
const CELL_BOLD: Style = { ...CELL, font: 'bold' }
const CITE: Style = { font: 'italic', size: 7, leading: 9.5, color: COLOR.muted }
const PAD = 3

/** Fill and text colour of each rating (text printed on it too: never colour alone). */
export const RATING_COLOURS: Readonly<Record<Rating, { fill: string; text: string }>> = {
  CC: { fill: '#1b7837', text: '#ffffff' },
  C: { fill: '#a6dba0', text: '#14181d' },
  N: { fill: '#e5e7eb', text: '#14181d' },
  I: { fill: '#f4a582', text: '#14181d' },
  II: { fill: '#b2182b', text: '#ffffff' },
  NA: { fill: '#ffffff', text: '#59626e' },
}

/** Returns the 0-based page where the Analysis part starts. */
export function composeAnalyses(flow: Flow, analyses: readonly BriefingAnalysis[], outline: OutlineEntry[]): number {
  return flow.tag('Sect', () => {
    if (!flow.atTop) flow.newPage()
    const page = flow.page
    const entry: OutlineEntry = { title: 'Analysis of competing hypotheses', page, y: flow.y, children: [] }
    outline.push(entry)
    flow.dest('analysis')
    heading(flow, 'Analysis of competing hypotheses')
    for (const analysis of analyses) flow.tag('Sect', () => composeAnalysis(flow, analysis, entry))
    return page
  })
}

function composeAnalysis(flow: Flow, analysis: BriefingAnalysis, parent: OutlineEntry): void {
  const { matrix, scores } = analysis.report
  const left = CONTENT.left
  const width = CONTENT.width
  const title = flow.lines(`Matrix ${analysis.number}. ${matrix.question}`, S.sectionTitle, width)
  flow.ensure(height(title, S.sectionTitle) + 6 * S.body.leading)
  parent.children.push({ title: `Matrix ${analysis.number}`, page: flow.page, y: flow.y, children: [] })
  flow.tag('H3', () => flow.placeLines(title, S.sectionTitle, left, width))
  flow.y += 4
  const hypotheses = new Map(matrix.hypotheses.map((h) => [h.id as string, h.text]))
  if (matrix.hypotheses.length === 0) {
    flow.tag('P', () => flow.placeLines(flow.lines('No hypotheses yet: nothing to score.', S.note, width), S.note, left, width))
    flow.y += 12
    return
  }
  const conclusions = achConclusions(analysis.report, (id) => `${id} “${hypotheses.get(id) ?? ''}”`)
  flow.tag('L', () => {
    for (const line of conclusions) flow.tag('LI', () => flow.tag('LBody', () => flow.placeLines(flow.lines(line, S.note, width - 10), S.note, left + 10, width - 10)))
  })
  flow.y += 8
  // Ranking: rank, hypothesis, weighted inconsistency.
  const rankW = 34
  const scoreW = 80
  table(flow, [rankW, width - rankW - scoreW, scoreW], ['Rank', 'Hypothesis', 'Weighted inconsistency'], scores.ranking.map((id) => {
    const h = scores.hypotheses.find((x) => x.id === id)!
    return { cells: [String(h.rank), `${id} ${h.text}`, formatScore(h.inconsistency)], bold: scores.leaders.includes(id) }
  }))
  flow.y += 10
  if (matrix.evidence.length === 0) {
    flow.tag('P', () => flow.placeLines(flow.lines('No evidence yet.', S.note, width), S.note, left, width))
    flow.y += 12
    return
  }
  composeMatrix(flow, analysis)
  const key = flow.lines(`Ratings: ${RATING_KEY}; blank: not rated. Weight = credibility × relevance; the weighted inconsistency adds 1 (I) or 2 (II) times the weight. Sensitive: removing the row alone changes the lead.`, CITE, width)
  flow.y += 4
  flow.tag('P', () => flow.placeLines(key, CITE, left, width))
  flow.y += 16
}

/** The matrix itself: Evidence | Weight | H1 … Hn | Diagnostic. */
function composeMatrix(flow: Flow, analysis: BriefingAnalysis): void {
  const { matrix, scores, evidence } = analysis.report
  const width = CONTENT.width
  const ids = matrix.hypotheses.map((h) => h.id)
  const cellW = Math.max(18, Math.min(34, (width - 200) / ids.length))
  const weightW = 40
  const diagW = 58
  const evidenceW = width - weightW - diagW - cellW * ids.length
  const widths = [evidenceW, weightW, ...ids.map(() => cellW), diagW]
  const header = ['Evidence', 'Weight', ...ids, 'Diagnostic']
  const rows = matrix.evidence.map((row, r) => {
    const detail = evidence[r]!
    const score = scores.rows[r]!
    const text = evidenceText(detail, 220)
    const ratings = ids.map((h) => ratingOf(row, h))
    const flags = [score.diagnostic ? `yes (${formatScore(score.diagnosticity)})` : 'no', score.sensitive ? 'SENSITIVE' : ''].filter(Boolean).join(', ')
    return { cells: [`${row.id} ${text}`, formatScore(score.weight), ...ratings.map((x) => x ?? ''), flags], cite: analysis.citations[r] ?? '', ratings, bold: score.sensitive }
  })
  table(flow, widths, header, rows, ids.length)
}

interface Row {
  cells: string[]
  bold?: boolean
  /** Under the first cell, in small italics. */
  cite?: string
  /** Cells 2..2+n are ratings: drawn on their colour. */
  ratings?: (Rating | null)[]
}

/** A tagged table; `ratingColumns` columns from the third are rating cells. */
function table(flow: Flow, widths: number[], header: string[], rows: Row[], ratingColumns = 0): void {
  const left = CONTENT.left
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, i === 0 ? left : acc[i - 1]! + widths[i - 1]!], [])
  const total = widths.reduce((a, b) => a + b, 0)
  const headerLines = header.map((h, i) => flow.lines(h, CELL_BOLD, widths[i]! - 2 * PAD))
  const headerHeight = Math.max(...headerLines.map((l) => height(l, CELL_BOLD))) + 2 * PAD
  const drawHeader = (tagged: boolean) => {
    const top = flow.y
    flow.add({ kind: 'rect', x: left, y: top, w: total, h: headerHeight, color: COLOR.tint })
    const cells = () =>
      header.forEach((_, i) => {
        flow.y = top + PAD
        const place = () => placeCell(flow, headerLines[i]!, CELL_BOLD, xs[i]!, widths[i]!)
        if (tagged) flow.tag('TH', place, { scope: 'Column' })
        else
          for (const line of headerLines[i]!) {
            // Repeated on a new page: decoration (the structure has the header once).
            flow.add({ kind: 'leader', x: xs[i]! + PAD, y: flow.y + baselineOffset(CELL_BOLD), text: line.runs.map((r) => r.text).join(''), font: 'bold', size: CELL_BOLD.size, color: CELL_BOLD.color })
            flow.y += CELL_BOLD.leading
          }
      })
    if (tagged) flow.tag('TR', cells)
    else cells()
    flow.y = top + headerHeight
  }
  flow.tag('Table', () => {
    flow.ensure(headerHeight + 3 * CELL.leading)
    drawHeader(true)
    for (const row of rows) {
      const style = row.bold ? CELL_BOLD : CELL
      const lines = row.cells.map((c, i) => flow.lines(c, i >= 2 && i < 2 + ratingColumns ? CELL_BOLD : style, widths[i]! - 2 * PAD))
      const cite = row.cite ? flow.lines(row.cite, CITE, widths[0]! - 2 * PAD) : []
      const rowHeight = Math.max(height(lines[0]!, style) + height(cite, CITE), ...lines.slice(1).map((l) => height(l, style))) + 2 * PAD
      if (flow.y + rowHeight > BOTTOM) {
        flow.newPage()
        drawHeader(false)
      }
      const top = flow.y
      flow.add({ kind: 'rule', x1: left, x2: left + total, y: top, color: COLOR.rule, width: 0.5 })
      flow.tag('TR', () => {
        row.cells.forEach((_, i) => {
          flow.y = top + PAD
          const rating = i >= 2 && i < 2 + ratingColumns ? row.ratings?.[i - 2] : undefined
          if (rating) flow.add({ kind: 'rect', x: xs[i]! + 1, y: top + 1, w: widths[i]! - 2, h: rowHeight - 2, color: RATING_COLOURS[rating].fill })
          flow.tag('TD', () => {
            if (rating) placeCell(flow, lines[i]!, { ...CELL_BOLD, color: RATING_COLOURS[rating].text }, xs[i]!, widths[i]!, true)
            else placeCell(flow, lines[i]!, style, xs[i]!, widths[i]!)
            if (i === 0 && cite.length > 0) flow.placeLines(cite, CITE, xs[0]! + PAD, widths[0]! - 2 * PAD)
          })
        })
      })
      flow.y = top + rowHeight
    }
    flow.add({ kind: 'rule', x1: left, x2: left + total, y: flow.y, color: COLOR.rule, width: 0.5 })
  })
}

function placeCell(flow: Flow, lines: TextLine[], style: Style, x: number, width: number, centre = false): void {
  if (lines.length === 0) return
  if (centre) {
    const w = lines[0]!.width
    flow.drawLine(lines[0]!, style, x + (width - w) / 2, w)
    return
  }
  for (const line of lines) flow.drawLine(line, style, x + PAD, width - 2 * PAD)
}
