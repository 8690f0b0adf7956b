/**
 * The opening of the briefing PDF, composed into the page flow: the title block (kicker,
 * title, prepared by, date, handling line, scope, counts), the analyst's key judgments in
 * a tinted box, and the table of contents (one entry per section and the source list, with
 * dot leaders; the page numbers are filled in when the pages are drawn).
 */
import { describeCounts, describeScope, plural, sectionName, type BriefingLayout } from '../../core/briefing'
import { formatCitationDate } from '../../core/dates'
import { BAR_WIDTH, COLOR, CONTENT, S, sectionColor } from './page-design'
import { baselineOffset, heading, height, type Flow, type OutlineEntry } from './page-flow'

/** Title block, key judgments and contents, from the first page on (long ones run onto the next). */
export function composeTitleBlock(flow: Flow, layout: BriefingLayout, outline: OutlineEntry[]): void {
  const left = CONTENT.left
  const width = CONTENT.width
  for (const line of flow.lines('BRIEFING', S.kicker, width)) flow.drawLine(line, S.kicker, left, width)
  flow.y += 4
  flow.placeLines(flow.lines(layout.title, S.title, width), S.title, left, width)
  flow.y += 10
  flow.add({ kind: 'rule', x1: left, x2: CONTENT.right, y: flow.y, color: COLOR.accent, width: 1.5 })
  flow.y += 10

  const rows: [string, string][] = []
  if (layout.author) rows.push(['Prepared by', layout.author])
  rows.push(['Date', formatCitationDate(layout.date) ?? layout.date])
  if (layout.handling) rows.push(['Handling', layout.handling])
  rows.push(['Scope', describeScope(layout)])
  rows.push(['Contents', `${describeCounts(layout)} in ${plural(layout.sections.length, 'section')}`])
  const labelWidth = 82
  for (const [label, value] of rows) {
    const top = flow.y
    flow.drawLine(flow.lines(label.toUpperCase(), S.metaLabel, labelWidth)[0]!, S.metaLabel, left, labelWidth)
    flow.y = top
    const style = label === 'Handling' ? { ...S.metaValue, font: 'bold' as const, color: COLOR.handling } : S.metaValue
    flow.placeLines(flow.lines(value, style, width - labelWidth), style, left + labelWidth, width - labelWidth)
  }
  flow.y += 8
  flow.add({ kind: 'rule', x1: left, x2: CONTENT.right, y: flow.y, color: COLOR.rule, width: 0.75 })
  flow.y += 18

  if (layout.keyJudgments.trim()) {
    flow.ensure(S.h1.leading + 6 + 3 * S.body.leading + 20)
    outline.push({ title: 'Key judgments', page: flow.page, y: flow.y, children: [] })
    flow.dest('key-judgments')
    heading(flow, 'Key judgments')
    const pad = 10
    const lines = flow.lines(layout.keyJudgments, S.body, width - 2 * pad - BAR_WIDTH)
    const fragments = flow.placeLines(lines, S.body, left + BAR_WIDTH + pad, width - 2 * pad - BAR_WIDTH, pad)
    for (const f of fragments) {
      flow.under({ kind: 'rect', x: left, y: f.top, w: width, h: f.bottom - f.top, color: COLOR.tint }, f.page)
      flow.under({ kind: 'rect', x: left, y: f.top, w: BAR_WIDTH, h: f.bottom - f.top, color: COLOR.accent }, f.page)
    }
    flow.y += 22
  }

  // Contents: one entry per section and the source list, page numbers filled in when drawn.
  const entries = [
    ...layout.sections.map((s) => ({ number: `§${s.number}`, title: sectionName(s), count: plural(s.passages.length, 'passage'), dest: `section-${s.number}`, color: sectionColor(s) })),
    { number: '', title: 'Sources', count: plural(layout.sources.length, 'source'), dest: 'sources', color: null },
  ]
  flow.ensure(S.h1.leading + 6 + Math.min(entries.length, 4) * S.toc.leading)
  outline.push({ title: 'Contents', page: flow.page, y: flow.y, children: [] })
  flow.dest('contents')
  heading(flow, 'Contents')
  const numberWidth = 34
  const pageWidth = 30
  for (const entry of entries) {
    const countWidth = flow.measure('regular', entry.count) * S.tocCount.size + 10
    const titleWidth = width - numberWidth - pageWidth - countWidth - 8
    const lines = flow.lines(entry.title, S.toc, titleWidth)
    flow.ensure(height(lines, S.toc))
    const top = flow.y
    if (entry.color) flow.add({ kind: 'rect', x: left, y: top + 4.5, w: 6, h: 6, color: entry.color, radius: 1 })
    if (entry.number) flow.add({ kind: 'text', x: left + 11, y: top + baselineOffset(S.toc), text: entry.number, font: 'bold', size: S.toc.size, color: COLOR.ink })
    flow.placeLines(lines, S.toc, left + numberWidth, titleWidth)
    const lastBaseline = flow.y - S.toc.leading + baselineOffset(S.toc)
    const last = lines.at(-1)!
    const afterTitle = left + numberWidth + (last.align === 'right' ? titleWidth : last.width)
    flow.add({ kind: 'text', x: afterTitle + 6, y: lastBaseline, text: entry.count, font: 'regular', size: S.tocCount.size, color: COLOR.faint })
    // Dot leader to the page number.
    const leaderStart = afterTitle + 6 + countWidth
    const leaderEnd = CONTENT.right - pageWidth + 6
    const dotWidth = flow.measure('regular', ' .') * 8
    const dots = Math.floor((leaderEnd - leaderStart) / dotWidth)
    if (dots > 2) flow.add({ kind: 'text', x: leaderEnd - dots * dotWidth, y: lastBaseline, text: ' .'.repeat(dots), font: 'regular', size: 8, color: '#9aa3ad' })
    flow.add({ kind: 'text', x: CONTENT.right, y: lastBaseline, text: (ctx) => String(ctx.pageOf(entry.dest)), font: 'bold', size: S.toc.size, color: COLOR.ink, align: 'right' })
    flow.add({ kind: 'goTo', x: left, y: top, w: width, h: flow.y - top, name: entry.dest })
  }
}
