/**
 * Renders a BriefingLayout (src/core/briefing) to a PDF file: a title block, one section per
 * tag with its passages as quote blocks (quote exactly as stored, the analyst's comment, the
 * citation), a closing list of sources, and "Page n of m" on every page.
 *
 * Fonts: only the embedded TTFs from `fontsDir` are used (never a standard PDF font: those
 * are WinAnsi-only and crash when pdfkit is bundled). Noto Sans has no Arabic and Noto Naskh
 * Arabic has no Latin, so every piece of text is split into script runs (./script-runs).
 * Mixed Arabic/Latin lines keep logical run order; there is no bidi reordering yet.
 *
 * The file is written durably (storage/durable-write): temp file, fsync, rename.
 */
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { formatCitation, type BriefingLayout, type BriefingPassage, type BriefingSection, type BriefingSource } from '../../core/briefing'
import { formatCitationDate } from '../../core/dates'
import { writeFileDurably } from '../storage/durable-write'
import { splitScriptRuns, textForLayout } from './script-runs'

export interface BriefingPdfOptions {
  /** Directory holding the TTFs named in BRIEFING_FONT_FILES (resources/fonts). */
  fontsDir: string
  /** Document info Author; defaults to 'Dossier'. */
  author?: string
}

export const BRIEFING_FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
  boldItalic: 'NotoSans-BoldItalic.ttf',
  arabic: 'NotoNaskhArabic-Regular.ttf',
} as const

type FontName = keyof typeof BRIEFING_FONT_FILES
type LatinFont = Exclude<FontName, 'arabic'>
type Doc = PDFKit.PDFDocument

// A4 in points, with generous margins.
const MARGINS = { top: 64, bottom: 72, left: 70, right: 70 }
const FOOTER_BASELINE_FROM_BOTTOM = 44

const COLOR = {
  ink: '#1d2126',
  body: '#2a2f36',
  muted: '#5b6470',
  faint: '#8a929c',
  rule: '#d5dae0',
}

const QUOTE_SIZE = 10.5
const QUOTE_LINE_GAP = 2.5
const COMMENT_SIZE = 9.5
const CITATION_SIZE = 8.5
const BAR_WIDTH = 2.5
const QUOTE_INDENT = 14

export async function writeBriefingPdf(
  layout: BriefingLayout,
  outPath: string,
  options: BriefingPdfOptions,
): Promise<{ pageCount: number }> {
  // Rendered completely in memory first (a 50-page briefing is ~1 MB), then written
  // durably: a failure at any point leaves nothing at, and nothing changed at, outPath.
  const doc = createDocument(layout, options)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  renderBriefing(doc, layout)
  const pageCount = addFooters(doc)
  doc.end()
  await writeFileDurably(outPath, await done)
  return { pageCount }
}

function createDocument(layout: BriefingLayout, options: BriefingPdfOptions): Doc {
  const fontPath = (name: FontName) => join(options.fontsDir, BRIEFING_FONT_FILES[name])
  const created = new Date(layout.generatedAt)
  const creationDate = Number.isNaN(created.getTime()) ? new Date() : created
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    displayTitle: true,
    // An embedded TTF, so pdfkit never loads a standard font (see notes/toolchain.md).
    font: fontPath('regular'),
    info: {
      Title: layout.title,
      Author: options.author ?? 'Dossier',
      Subject: 'Briefing',
      Keywords: layout.sections.map((s) => s.tag.name).join(', '),
      CreationDate: creationDate,
      ModDate: creationDate,
      Creator: 'Dossier',
    },
  })
  const paths = Object.fromEntries((Object.keys(BRIEFING_FONT_FILES) as FontName[]).map((name) => [name, fontPath(name)]))
  fontPaths.set(doc, paths as Record<FontName, string>)
  return doc
}

/**
 * Font file paths per document. Fonts are selected by path, not by a registerFont alias:
 * pdfkit caches a font under the key it was selected with, except that a second alias for
 * the constructor's font is re-read and re-parsed from disk on every selection (its
 * de-duplication returns before caching). Selecting by path always hits the cache.
 */
const fontPaths = new WeakMap<Doc, Record<FontName, string>>()

function setFont(doc: Doc, name: FontName): Doc {
  const path = fontPaths.get(doc)?.[name]
  if (!path) throw new Error(`Font ${name} was not set up for this document`)
  return doc.font(path)
}

// ---------------------------------------------------------------------------------------
// Layout helpers

const contentLeft = (doc: Doc) => doc.page.margins.left
const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right
const contentBottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom
const contentHeight = (doc: Doc) => contentBottom(doc) - doc.page.margins.top
const currentPageIndex = (doc: Doc) => {
  const range = doc.bufferedPageRange()
  return range.start + range.count - 1
}
const atTopOfPage = (doc: Doc) => doc.y <= doc.page.margins.top + 0.5

/** Starts a new page unless `height` points still fit above the bottom margin. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > contentBottom(doc) && !atTopOfPage(doc)) doc.addPage()
}

interface TextStyle {
  font: LatinFont
  size: number
  color: string
  lineGap?: number
}

/**
 * Writes `text` as one paragraph starting at (x, y) and wrapping at `width`, switching to
 * the Arabic font for Arabic runs. Every character of `text` is written, in order. An
 * optional `label` (e.g. "Comment: ") in its own style starts the paragraph.
 */
function writeText(
  doc: Doc,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  label?: { text: string; style: TextStyle },
): void {
  const parts: { text: string; style: TextStyle; arabic: boolean }[] = []
  if (label) parts.push({ text: label.text, style: label.style, arabic: false })
  for (const run of splitScriptRuns(textForLayout(text))) parts.push({ text: run.text, style, arabic: run.arabic })
  parts.forEach((part, i) => {
    setFont(doc, part.arabic ? 'arabic' : part.style.font)
      .fontSize(part.style.size)
      .fillColor(part.style.color)
    const options: PDFKit.Mixins.TextOptions = { continued: i < parts.length - 1 }
    // pdfkit lays text out word by word (for its cache), which puts the words of a
    // right-to-left run in left-to-right order. With `features` set it shapes each line
    // fragment as one run, so fontkit orders a multi-word Arabic run correctly.
    if (part.arabic) options.features = []
    if (i === 0) doc.text(part.text, x, y, { ...options, width, lineGap: style.lineGap ?? 0 })
    else doc.text(part.text, options)
  })
}

/** Height `text` will take, measured in the Latin font (a close estimate for mixed text). */
function measure(doc: Doc, text: string, width: number, style: TextStyle): number {
  if (text.length === 0) return 0
  setFont(doc, style.font).fontSize(style.size)
  return doc.heightOfString(textForLayout(text), { width, lineGap: style.lineGap ?? 0 })
}

function hrule(doc: Doc, y: number, color = COLOR.rule): void {
  const left = contentLeft(doc)
  doc
    .save()
    .moveTo(left, y)
    .lineTo(left + contentWidth(doc), y)
    .lineWidth(0.75)
    .strokeColor(color)
    .stroke()
    .restore()
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

// ---------------------------------------------------------------------------------------
// The document

function renderBriefing(doc: Doc, layout: BriefingLayout): void {
  const sourcesByNumber = new Map(layout.sources.map((s) => [s.number, s]))
  renderTitleBlock(doc, layout)
  for (const section of layout.sections) renderSection(doc, section, sourcesByNumber)
  renderSources(doc, layout.sources)
}

function renderTitleBlock(doc: Doc, layout: BriefingLayout): void {
  const left = contentLeft(doc)
  const width = contentWidth(doc)
  writeText(doc, layout.title, left, doc.page.margins.top, width, { font: 'bold', size: 22, color: COLOR.ink, lineGap: 2 })
  doc.y += 6
  const generated = formatCitationDate(layout.generatedAt) ?? layout.generatedAt
  const counts = `${plural(layout.passageCount, 'passage', 'passages')} from ${plural(layout.sources.length, 'source', 'sources')}`
  writeText(doc, `Generated ${generated}  ·  ${counts}`, left, doc.y, width, { font: 'regular', size: 9.5, color: COLOR.muted })
  doc.y += 12
  hrule(doc, doc.y, COLOR.rule)
  doc.y += 10
}

function renderSection(doc: Doc, section: BriefingSection, sources: Map<number, BriefingSource>): void {
  const left = contentLeft(doc)
  const width = contentWidth(doc)
  const headingIndent = 17
  const headingStyle: TextStyle = { font: 'bold', size: 14, color: COLOR.ink }
  const descriptionStyle: TextStyle = { font: 'regular', size: 9, color: COLOR.muted, lineGap: 1 }
  const description = section.tag.description

  // Keep the heading with its description and the start of the first passage.
  const headingHeight =
    measure(doc, section.tag.name, width - headingIndent, headingStyle) +
    (description ? measure(doc, description, width - headingIndent, descriptionStyle) + 2 : 0)
  if (!atTopOfPage(doc)) doc.y += 16
  ensureSpace(doc, headingHeight + 70)

  const top = doc.y
  // Colour swatch, centred on the first line of the heading.
  const swatch = 10
  doc.save().roundedRect(left, top + 5, swatch, swatch, 2).fill(section.tag.color).restore()
  writeText(doc, section.tag.name, left + headingIndent, top, width - headingIndent, headingStyle)
  if (description) {
    doc.y += 1
    writeText(doc, description, left + headingIndent, doc.y, width - headingIndent, descriptionStyle)
  }
  doc.y += 10

  for (const passage of section.passages) renderPassage(doc, passage, section.tag.color, sources.get(passage.sourceNumber))
}

function renderPassage(doc: Doc, passage: BriefingPassage, color: string, source: BriefingSource | undefined): void {
  const left = contentLeft(doc)
  const x = left + QUOTE_INDENT
  const width = contentWidth(doc) - QUOTE_INDENT
  const quoteStyle: TextStyle = { font: 'regular', size: QUOTE_SIZE, color: COLOR.body, lineGap: QUOTE_LINE_GAP }
  const commentStyle: TextStyle = { font: 'italic', size: COMMENT_SIZE, color: COLOR.body, lineGap: 1.5 }
  const commentLabel: TextStyle = { font: 'boldItalic', size: COMMENT_SIZE, color: COLOR.muted }
  const citationStyle: TextStyle = { font: 'regular', size: CITATION_SIZE, color: COLOR.faint, lineGap: 1 }
  const hasComment = passage.comment.trim().length > 0
  const citation = source ? formatCitation(source) : `[${passage.sourceNumber}]`

  // Keep short passages whole on one page; let long ones flow, but never start one with
  // less than a few lines left.
  const estimate =
    measure(doc, passage.quote, width, quoteStyle) +
    (hasComment ? measure(doc, `Comment: ${passage.comment}`, width, commentStyle) + 5 : 0) +
    measure(doc, citation, width, citationStyle) +
    5
  const available = contentBottom(doc) - doc.y
  if (estimate > available && (estimate <= contentHeight(doc) * 0.5 || available < 60)) ensureSpace(doc, estimate)

  const startPage = currentPageIndex(doc)
  const startY = doc.y
  writeText(doc, passage.quote, x, doc.y, width, quoteStyle)
  if (hasComment) {
    doc.y += 5
    writeText(doc, passage.comment, x, doc.y, width, commentStyle, { text: 'Comment: ', style: commentLabel })
  }
  doc.y += 4
  writeText(doc, citation, x, doc.y, width, citationStyle)
  const endPage = currentPageIndex(doc)
  const endY = doc.y

  drawBar(doc, color, startPage, startY, endPage, endY - 1)
  doc.y += 14
}

/** The coloured bar left of a quote block, one segment per page the block spans. */
function drawBar(doc: Doc, color: string, startPage: number, startY: number, endPage: number, endY: number): void {
  const x = contentLeft(doc)
  for (let page = startPage; page <= endPage; page++) {
    doc.switchToPage(page)
    const top = page === startPage ? startY + 1 : doc.page.margins.top
    const bottom = page === endPage ? endY : contentBottom(doc)
    if (bottom > top) doc.save().rect(x, top, BAR_WIDTH, bottom - top).fill(color).restore()
  }
  doc.switchToPage(endPage)
}

function renderSources(doc: Doc, sources: readonly BriefingSource[]): void {
  if (sources.length === 0) return
  const left = contentLeft(doc)
  const width = contentWidth(doc)
  doc.y += 10
  ensureSpace(doc, 110)
  if (!atTopOfPage(doc)) {
    hrule(doc, doc.y)
    doc.y += 14
  }
  writeText(doc, 'Sources', left, doc.y, width, { font: 'bold', size: 14, color: COLOR.ink })
  doc.y += 8

  const entryStyle: TextStyle = { font: 'regular', size: 9, color: COLOR.body, lineGap: 1.5 }
  setFont(doc, 'regular').fontSize(entryStyle.size)
  const labelWidth = doc.widthOfString(`[${Math.max(...sources.map((s) => s.number))}]`) + 8
  for (const source of sources) {
    const full = formatCitation(source)
    const label = `[${source.number}]`
    const rest = full.startsWith(`${label} `) ? full.slice(label.length + 1) : full
    const url = source.url?.trim() ? source.url : null
    const height = measure(doc, rest, width - labelWidth, entryStyle) + (url ? 12 : 0)
    ensureSpace(doc, Math.min(height, 40))
    const top = doc.y
    // Hanging label: "[n]" in the margin column, the citation text aligned beside it.
    setFont(doc, 'regular').fontSize(entryStyle.size).fillColor(COLOR.muted)
    doc.text(label, left, top, { width: labelWidth, lineBreak: false })
    writeText(doc, rest, left + labelWidth, top, width - labelWidth, entryStyle)
    if (url) {
      writeText(doc, url, left + labelWidth, doc.y + 1, width - labelWidth, { font: 'regular', size: 7.5, color: COLOR.faint })
    }
    doc.y += 6
  }
}

/** "Page n of m" centred in the bottom margin of every page; returns the page count. */
function addFooters(doc: Doc): number {
  const range = doc.bufferedPageRange()
  const total = range.count
  for (let i = 0; i < total; i++) {
    const page = doc.switchToPage(range.start + i)
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = page.margins.bottom
    page.margins.bottom = 0
    setFont(doc, 'regular').fontSize(8).fillColor(COLOR.faint)
    const y = page.height - FOOTER_BASELINE_FROM_BOTTOM
    doc.text(`Page ${i + 1} of ${total}`, page.margins.left, y, {
      width: page.width - page.margins.left - page.margins.right,
      align: 'center',
      lineBreak: false,
    })
    page.margins.bottom = bottom
  }
  return total
}
