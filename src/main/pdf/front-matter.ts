/**
 * The opening of the briefing PDF, composed into the page flow: the title block (kicker,
 * title as the H1, then a table of prepared by, date, handling line, scope, counts), the
 * analyst's key judgments numbered as a list in a tinted box, and the table of contents
 * (one linked entry per section, the source list and the index of entities, with dot leaders; the page numbers
 * are filled in when the pages are drawn).
 */
import { describeCounts, describeScope, ENTITY_INDEX_TITLE, keyJudgmentItems, plural, sectionName, type BriefingLayout } from '../../core/briefing'
import { claimLines } from '../../core/briefing-sourcing-format'
import { formatCitationDate } from '../../core/dates'
import { BAR_WIDTH, COLOR, CONTENT, S, sectionColor } from './page-design'
import { baselineOffset, heading, height, type Flow, type OutlineEntry } from './page-flow'

/** Title block, key judgments and contents, from the first page on (long ones run onto the next). */
export function composeTitleBlock(flow: Flow, layout: BriefingLayout, outline: OutlineEntry[]): void {
  const left = CONTENT.left
  const width = CONTENT.width
  flow.tag('P', () => {
    for (const line of flow.lines('BRIEFING', S.kicker, width)) flow.drawLine(line, S.kicker, left, width)
  })
  flow.y += 4
  flow.tag('H1', () => flow.placeLines(flow.lines(layout.title, S.title, width), S.title, left, width))
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
  // A table of two columns: each row's label heads it.
  flow.tag('Table', () => {
    for (const [label, value] of rows) {
      flow.tag('TR', () => {
        const top = flow.y
        flow.tag('TH', () => flow.drawLine(flow.lines(label.toUpperCase(), S.metaLabel, labelWidth)[0]!, S.metaLabel, left, labelWidth), { scope: 'Row' })
        flow.y = top
        const style = label === 'Handling' ? { ...S.metaValue, font: 'bold' as const, color: COLOR.handling } : S.metaValue
        flow.tag('TD', () => flow.placeLines(flow.lines(value, style, width - labelWidth), style, left + labelWidth, width - labelWidth))
      })
    }
  })
  flow.y += 8
  flow.add({ kind: 'rule', x1: left, x2: CONTENT.right, y: flow.y, color: COLOR.rule, width: 0.75 })
  flow.y += 18

  const judgments = keyJudgmentItems(layout.keyJudgments)
  // Under each key judgment, the claims it cites (statement, independent sources, passages and grades).
  const cited = judgments.map((_, i) => (layout.sourcing?.judgments[i]?.claims ?? []).flatMap(claimLines))
  if (judgments.length > 0) flow.tag('Sect', () => composeKeyJudgments(flow, judgments, outline, cited))
  flow.tag('TOC', () => composeContents(flow, layout, outline))
}

/** The key judgments, numbered 1, 2, 3… as a list in a tinted box with a bar on its left. */
function composeKeyJudgments(flow: Flow, judgments: readonly string[], outline: OutlineEntry[], cited: readonly string[][] = []): void {
  const left = CONTENT.left
  const width = CONTENT.width
  const pad = 10
  const labels = judgments.map((_, i) => `${i + 1}.`)
  const labelWidth = Math.max(...labels.map((l) => flow.measure(S.body.font, l) * S.body.size)) + 6
  const x = left + BAR_WIDTH + pad
  const bodyX = x + labelWidth
  const bodyWidth = width - 2 * pad - BAR_WIDTH - labelWidth
  const items = judgments.map((text) => flow.lines(text, S.body, bodyWidth))

  flow.ensure(S.h1.leading + 6 + Math.min(3, items[0]!.length) * S.body.leading + 2 * pad + 20)
  outline.push({ title: 'Key judgments', page: flow.page, y: flow.y, children: [] })
  flow.dest('key-judgments')
  heading(flow, 'Key judgments')
  const start = { page: flow.page, top: flow.y }
  flow.y += pad
  const parts: { page: number; top: number; bottom: number }[] = []
  flow.tag('L', () => {
    items.forEach((lines, i) => {
      if (i > 0) flow.y += ITEM_GAP
      flow.tag('LI', () => {
        // The number goes on the item's first line: make sure that line starts on this page.
        flow.ensure(Math.min(2, lines.length) * S.body.leading)
        flow.tag('Lbl', () => flow.add({ kind: 'text', x, y: flow.y + baselineOffset(S.body), text: labels[i]!, font: 'bold', size: S.body.size, color: COLOR.accent }))
        flow.tag('LBody', () => {
          parts.push(...flow.placeLines(lines, S.body, bodyX, bodyWidth))
          for (const line of cited[i] ?? []) parts.push(...flow.placeLines(flow.lines(line, S.comment, bodyWidth), S.comment, bodyX, bodyWidth))
        })
      })
    })
  })
  flow.y += pad
  // The box, one piece per page the list spans, padded above and below its text.
  for (const page of new Set(parts.map((p) => p.page))) {
    const onPage = parts.filter((p) => p.page === page)
    const top = page === start.page ? start.top : Math.min(...onPage.map((p) => p.top)) - pad
    const bottom = page === flow.page ? flow.y : Math.max(...onPage.map((p) => p.bottom)) + pad
    flow.under({ kind: 'rect', x: left, y: top, w: width, h: bottom - top, color: COLOR.tint }, page)
    flow.under({ kind: 'rect', x: left, y: top, w: BAR_WIDTH, h: bottom - top, color: COLOR.accent }, page)
  }
  flow.y += 22
}

const ITEM_GAP = 5

/** Contents: one entry per section and the source list, page numbers filled in when drawn; each entry a link. */
function composeContents(flow: Flow, layout: BriefingLayout, outline: OutlineEntry[]): void {
  const left = CONTENT.left
  const width = CONTENT.width
  const entries = [
    ...layout.sections.map((s) => ({ number: `§${s.number}`, title: sectionName(s), count: plural(s.passages.length, 'passage'), dest: `section-${s.number}`, color: sectionColor(s) })),
    { number: '', title: 'Sources', count: plural(layout.sources.length, 'source'), dest: 'sources', color: null },
    ...(layout.entityIndex?.length ? [{ number: '', title: ENTITY_INDEX_TITLE, count: plural(layout.entityIndex.length, 'entity', 'entities'), dest: 'entity-index', color: null }] : []),
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
    flow.tag('TOCI', () =>
      flow.tag('Link', () => {
        if (entry.number) flow.add({ kind: 'text', x: left + 11, y: top + baselineOffset(S.toc), text: entry.number, font: 'bold', size: S.toc.size, color: COLOR.ink })
        flow.placeLines(lines, S.toc, left + numberWidth, titleWidth)
        const lastBaseline = flow.y - S.toc.leading + baselineOffset(S.toc)
        const last = lines.at(-1)!
        const afterTitle = left + numberWidth + (last.align === 'right' ? titleWidth : last.width)
        flow.add({ kind: 'text', x: afterTitle + 6, y: lastBaseline, text: entry.count, font: 'regular', size: S.tocCount.size, color: COLOR.faint })
        // Dot leader to the page number: decoration (drawn as an artifact).
        const leaderStart = afterTitle + 6 + countWidth
        const leaderEnd = CONTENT.right - pageWidth + 6
        const dotWidth = flow.measure('regular', ' .') * 8
        const dots = Math.floor((leaderEnd - leaderStart) / dotWidth)
        if (dots > 2) flow.add({ kind: 'leader', x: leaderEnd - dots * dotWidth, y: lastBaseline, text: ' .'.repeat(dots), font: 'regular', size: 8, color: '#9aa3ad' })
        flow.add({ kind: 'text', x: CONTENT.right, y: lastBaseline, text: (ctx) => String(ctx.pageOf(entry.dest)), font: 'bold', size: S.toc.size, color: COLOR.ink, align: 'right' })
        const label = `${entry.number ? `${entry.number} ` : ''}${entry.title}`
        flow.add({ kind: 'goTo', x: left, y: top, w: width, h: flow.y - top, name: entry.dest, label })
      }),
    )
  }
}
