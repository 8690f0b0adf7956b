/**
 * What the briefing PDF draws on every page besides its content, in the second pass: the
 * handling line above and below, the running header (title, date) from page 2, the footer
 * (author and date; `Page n of m`), all marked as pagination artifacts (outside the
 * structure tree, so a screen reader does not read them on every page), and the bookmarks
 * (the PDF outline: sections with their passages, plus key judgments, contents and
 * sources), added page by page.
 */
import type { BriefingLayout } from '../../core/briefing'
import { formatCitationDate } from '../../core/dates'
import { COLOR, CONTENT, PAGE, S, type Style } from './page-design'
import type { OutlineEntry } from './page-flow'
import { drawRun, makeMeasure, rule, type Doc } from './pdf-document'
import type { TaggedDrawing } from './tagged-drawing'
import { layoutText, type FontKey } from './text-layout'

/** Prepares the furniture of a document; the result draws it on page `index` (0-based) of `pageCount`. */
export function pageFurniture(doc: Doc, layout: BriefingLayout, tagged: Pick<TaggedDrawing, 'artifact'>): (index: number, pageCount: number) => void {
  const measure = makeMeasure(doc)
  const headerTitle = fitOneLine(layout.title, S.header, CONTENT.width * 0.62, measure)
  const footerLeft = [layout.author, formatCitationDate(layout.date)].filter(Boolean).join(' · ')
  const top = (draw: () => void) => tagged.artifact({ type: 'Pagination', attached: ['Top'] }, draw)
  const bottom = (draw: () => void) => tagged.artifact({ type: 'Pagination', attached: ['Bottom'] }, draw)
  return (index, pageCount) => {
    if (layout.handling) {
      top(() => drawPlain(doc, layout.handling, S.handling, 'center', 34))
      bottom(() => drawPlain(doc, layout.handling, S.handling, 'center', PAGE.height - 24))
    }
    if (index > 0) top(() => drawHeader(doc, layout, headerTitle))
    bottom(() => drawFooter(doc, index, pageCount, footerLeft))
  }
}

/**
 * Prepares the bookmarks of an outline; the result adds those that point at page `index`
 * (0-based). Call it while that page is the current one: pdfkit takes the current page.
 */
export function pageBookmarks(doc: Doc, outline: readonly OutlineEntry[]): (index: number) => void {
  const outlineItems = new Map<OutlineEntry, PDFKit.PDFOutline>()
  const byPage = new Map<number, { entry: OutlineEntry; parent: OutlineEntry | null }[]>()
  for (const entry of outline) {
    byPage.set(entry.page, [...(byPage.get(entry.page) ?? []), { entry, parent: null }])
    for (const child of entry.children) byPage.set(child.page, [...(byPage.get(child.page) ?? []), { entry: child, parent: entry }])
  }
  return (index) => {
    for (const { entry, parent } of byPage.get(index) ?? []) {
      const container = parent ? outlineItems.get(parent) : doc.outline
      if (!container) continue
      const options = { expanded: false, top: entry.y - 8, left: PAGE.width } as { expanded: boolean }
      outlineItems.set(entry, container.addItem(entry.title, options))
    }
  }
}

/** The running header (from page 2): title and date over a rule. The handling line is drawn above it. */
function drawHeader(doc: Doc, layout: BriefingLayout, headerTitle: string): void {
  drawPlain(doc, headerTitle, S.header, 'left', 56)
  drawPlain(doc, formatCitationDate(layout.date) ?? layout.date, S.header, 'right', 56)
  rule(doc, CONTENT.left, CONTENT.right, 62, COLOR.rule, 0.5)
}

/** The footer: a rule, author and date, and `Page n of m`. The handling line is drawn below it. */
function drawFooter(doc: Doc, index: number, pageCount: number, footerLeft: string): void {
  rule(doc, CONTENT.left, CONTENT.right, PAGE.height - 62, COLOR.rule, 0.5)
  if (footerLeft) drawPlain(doc, footerLeft, S.header, 'left', PAGE.height - 50)
  drawPlain(doc, `Page ${index + 1} of ${pageCount}`, { ...S.header, color: COLOR.muted }, 'right', PAGE.height - 50)
}

/** Furniture text on one line, Arabic included (reordered by text-layout), aligned in the content width. */
function drawPlain(doc: Doc, text: string, style: Style, align: 'left' | 'right' | 'center', baseline: number): void {
  const measure = makeMeasure(doc)
  const line = layoutText(text, style.font, style.size, 10_000, measure)[0]
  if (!line) return
  const x = align === 'left' ? CONTENT.left : align === 'right' ? CONTENT.right - line.width : (PAGE.width - line.width) / 2
  for (const run of line.runs) drawRun(doc, run.text, run.font, style.size, style.color, x + run.x, baseline)
}

/** `text` cut at a word boundary with an ellipsis so it fits `width` on one line. */
function fitOneLine(text: string, style: Style, width: number, measure: (font: FontKey, text: string) => number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  const fits = (t: string) => layoutText(t, style.font, style.size, 10_000, measure)[0]!.width <= width
  if (fits(flat)) return flat
  const words = flat.split(' ')
  while (words.length > 1) {
    words.pop()
    const candidate = `${words.join(' ')}…`
    if (fits(candidate)) return candidate
  }
  return `${flat.slice(0, 20)}…`
}
