/**
 * Renders a BriefingLayout (src/core/briefing) to PDF with pdfkit: a title block (handling
 * line, author, date, scope), the analyst's key judgments, a table of contents with page
 * numbers, one section per tag (colour, description, the analyst's note), each passage as
 * a numbered quote block in its tag colour with its citation and the analyst's comment set
 * apart, and the source list (outlet, title, author, date, URL, citing passages). Every
 * page has a running header (title; handling line) and a footer (`Page n of m`; handling
 * line). The PDF has bookmarks per section and passage, internal links (contents, citation
 * numbers, cross-references) and document info (Title, Author, Subject, Keywords = tags).
 *
 * How: two passes. `composeBriefing` lays everything out into per-page drawing operations
 * (text is broken into lines by ./text-layout with the real font metrics, right-to-left
 * runs reordered there), so every height is known before anything is drawn: keep-together
 * rules are exact, and the table of contents, footers and bookmarks know their pages.
 * Then the pages are drawn in order. Quotes are drawn exactly as stored: the only
 * characters not drawn are the spaces where a line breaks.
 *
 * Fonts: only the embedded TTFs from `fontsDir` (never a standard PDF font: those are
 * WinAnsi-only and crash when pdfkit is bundled). Noto Sans has no Arabic and Noto Naskh
 * Arabic has no Latin, so text is split into script runs.
 *
 * `writeBriefingPdf` renders in memory and then writes durably (temp file, fsync, rename):
 * a failure at any point leaves nothing at, and nothing changed at, the target.
 * `renderBriefingPdf` only renders (the worker uses it: ./render-in-worker).
 */
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import {
  describeCounts,
  describeScope,
  formatAlsoIn,
  formatCitation,
  formatCitedBy,
  plural,
  type BriefingLayout,
  type BriefingPassage,
  type BriefingSection,
  type BriefingSource,
} from '../../core/briefing'
import { formatCitationDate } from '../../core/dates'
import { writeFileDurably } from '../storage/durable-write'
import { layoutText, type FontKey, type LatinFontKey, type TextLine } from './text-layout'

export interface PdfProgress {
  /** layout: composing sections; draw: writing pages; finish: embedding fonts and writing the file. */
  phase: 'layout' | 'draw' | 'finish'
  done: number
  total: number
}

export interface BriefingPdfOptions {
  /** Directory holding the TTFs named in BRIEFING_FONT_FILES (resources/fonts). */
  fontsDir: string
  /** Document info Author; defaults to the briefing's author, else 'Dossier'. */
  author?: string
  onProgress?: (progress: PdfProgress) => void
}

export interface RenderedBriefingPdf {
  bytes: Buffer
  pageCount: number
  /** 1-based page where each section starts, in section order (what the contents list says). */
  sectionPages: number[]
  sourcesPage: number
}

export const BRIEFING_FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
  arabic: 'NotoNaskhArabic-Regular.ttf',
} as const satisfies Record<FontKey, string>

type Doc = PDFKit.PDFDocument

// ---------------------------------------------------------------------------------------
// Page design (A4, points)

const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 86, bottom: 84, left: 76, right: 70 }
const CONTENT = { left: MARGIN.left, right: PAGE.width - MARGIN.right, width: PAGE.width - MARGIN.left - MARGIN.right }
const BOTTOM = PAGE.height - MARGIN.bottom

const COLOR = {
  ink: '#14181d',
  body: '#262b32',
  muted: '#59626e',
  faint: '#8a929c',
  rule: '#cfd5dc',
  accent: '#1c3d5a',
  tint: '#f2f4f7',
  commentTint: '#f6f3ea',
  commentRule: '#c9b98f',
  handling: '#7a1a1a',
}

interface Style {
  font: LatinFontKey
  size: number
  leading: number
  color: string
}
const S = {
  kicker: { font: 'bold', size: 8.5, leading: 12, color: COLOR.accent },
  title: { font: 'bold', size: 23, leading: 29, color: COLOR.ink },
  metaLabel: { font: 'bold', size: 8.5, leading: 13.5, color: COLOR.muted },
  metaValue: { font: 'regular', size: 9.5, leading: 13.5, color: COLOR.body },
  h1: { font: 'bold', size: 13, leading: 18, color: COLOR.accent },
  body: { font: 'regular', size: 10.5, leading: 15.5, color: COLOR.body },
  toc: { font: 'regular', size: 10.5, leading: 15, color: COLOR.body },
  tocCount: { font: 'regular', size: 8.5, leading: 15, color: COLOR.faint },
  sectionNumber: { font: 'bold', size: 15, leading: 20, color: COLOR.ink },
  sectionTitle: { font: 'bold', size: 15, leading: 20, color: COLOR.ink },
  description: { font: 'italic', size: 9, leading: 12.5, color: COLOR.muted },
  note: { font: 'regular', size: 10, leading: 14.5, color: COLOR.body },
  noteLabel: { font: 'bold', size: 7.5, leading: 11, color: COLOR.muted },
  quote: { font: 'regular', size: 10.5, leading: 15.5, color: COLOR.body },
  gutter: { font: 'bold', size: 9.5, leading: 15.5, color: COLOR.muted },
  citation: { font: 'regular', size: 8.5, leading: 12, color: COLOR.muted },
  also: { font: 'italic', size: 8.5, leading: 12, color: COLOR.muted },
  commentLabel: { font: 'bold', size: 7.5, leading: 11, color: '#7d6b3a' },
  comment: { font: 'regular', size: 9.5, leading: 13.5, color: COLOR.body },
  refs: { font: 'regular', size: 9, leading: 13, color: COLOR.muted },
  sourceLabel: { font: 'bold', size: 9.5, leading: 13.5, color: COLOR.accent },
  source: { font: 'regular', size: 9.5, leading: 13.5, color: COLOR.body },
  sourceUrl: { font: 'regular', size: 8, leading: 11.5, color: COLOR.accent },
  sourceCited: { font: 'italic', size: 8.5, leading: 12, color: COLOR.muted },
  header: { font: 'regular', size: 7.5, leading: 10, color: COLOR.faint },
  handling: { font: 'bold', size: 8, leading: 10, color: COLOR.handling },
} satisfies Record<string, Style>

/**
 * Noto Naskh Arabic at the same point size looks a size smaller than Noto Sans (its
 * letters sit lower in a taller em); Arabic runs are set this much larger.
 */
const ARABIC_SCALE = 1.15

const QUOTE_INDENT = 14
const BAR_WIDTH = 3
const COMMENT_PAD = 7
const SOURCE_LABEL_WIDTH = 30

// ---------------------------------------------------------------------------------------
// Entry points

export async function writeBriefingPdf(layout: BriefingLayout, outPath: string, options: BriefingPdfOptions): Promise<{ pageCount: number }> {
  const rendered = await renderBriefingPdf(layout, options)
  await writeFileDurably(outPath, rendered.bytes)
  options.onProgress?.({ phase: 'finish', done: 1, total: 1 })
  return { pageCount: rendered.pageCount }
}

export async function renderBriefingPdf(layout: BriefingLayout, options: BriefingPdfOptions): Promise<RenderedBriefingPdf> {
  const doc = createDocument(layout, options)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  try {
    const composed = composeBriefing(doc, layout, options.onProgress)
    drawPages(doc, layout, composed, options.onProgress)
    options.onProgress?.({ phase: 'finish', done: 0, total: 1 })
    doc.end()
    const bytes = await done
    return {
      bytes,
      pageCount: composed.pages.length,
      sectionPages: composed.sectionPages.map((p) => p + 1),
      sourcesPage: composed.sourcesPage + 1,
    }
  } catch (error) {
    // Let pdfkit's stream settle so nothing is left pending, then report the real failure.
    doc.removeAllListeners('data')
    throw error
  }
}

function createDocument(layout: BriefingLayout, options: BriefingPdfOptions): Doc {
  const fontPath = (name: FontKey) => join(options.fontsDir, BRIEFING_FONT_FILES[name])
  const created = new Date(layout.generatedAt)
  const creationDate = Number.isNaN(created.getTime()) ? new Date() : created
  const fontError = (name: FontKey, error: unknown) =>
    new Error(`Cannot load the PDF font ${BRIEFING_FONT_FILES[name]} from ${options.fontsDir}: ${(error as Error).message}`)
  let doc: Doc
  try {
    doc = newDocument(layout, options, fontPath('regular'), creationDate)
  } catch (error) {
    throw fontError('regular', error)
  }
  const paths = Object.fromEntries((Object.keys(BRIEFING_FONT_FILES) as FontKey[]).map((name) => [name, fontPath(name)])) as Record<FontKey, string>
  // Open every font now (reading and checking the file, not yet its layout tables), so a
  // missing or broken font fails before any work is done, with a message naming it (an
  // ENOENT here is about a font, not about the target folder).
  for (const name of Object.keys(paths) as FontKey[]) {
    try {
      doc.font(paths[name])
    } catch (error) {
      throw fontError(name, error)
    }
  }
  fontPaths.set(doc, paths)
  return doc
}

function newDocument(layout: BriefingLayout, options: BriefingPdfOptions, regularFont: string, creationDate: Date): Doc {
  return new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    displayTitle: true,
    lang: 'en',
    // An embedded TTF, so pdfkit never loads a standard font (see notes/toolchain.md).
    font: regularFont,
    info: {
      Title: layout.title,
      Author: options.author ?? (layout.author || 'Dossier'),
      Subject: layout.handling ? `Briefing (${layout.handling})` : 'Briefing',
      Keywords: layout.sections.map((s) => s.tag.name).join(', '),
      CreationDate: creationDate,
      ModDate: creationDate,
      Creator: 'Dossier',
    },
  })
}

/**
 * Font file paths per document. Fonts are selected by path, not by a registerFont alias:
 * pdfkit caches a font under the key it was selected with, except that a second alias for
 * the constructor's font is re-read and re-parsed from disk on every selection (its
 * de-duplication returns before caching). Selecting by path always hits the cache.
 */
const fontPaths = new WeakMap<Doc, Record<FontKey, string>>()

function setFont(doc: Doc, name: FontKey): Doc {
  const path = fontPaths.get(doc)?.[name]
  if (!path) throw new Error(`Font ${name} was not set up for this document`)
  return doc.font(path)
}

const measures = new WeakMap<Doc, (font: FontKey, text: string) => number>()

/**
 * Width at size 1, per document. Latin text is measured the way pdfkit lays it out when
 * drawing, word by word with the space after it ("word "), each piece cached: shaping a
 * word with fontkit is the dominant cost of a briefing (~0.3 ms per word and face), so
 * every piece measured here is one pdfkit shapes anyway and reuses when it draws.
 * Arabic runs are shaped whole (as they are drawn).
 */
function makeMeasure(doc: Doc): (font: FontKey, text: string) => number {
  const known = measures.get(doc)
  if (known) return known
  const cache = new Map<string, number>()
  const piece = (font: FontKey, text: string): number => {
    const key = `${font}\u0000${text}`
    let width = cache.get(key)
    if (width === undefined) {
      setFont(doc, font).fontSize(1000)
      width = font === 'arabic' ? (doc.widthOfString(text, { features: [] }) / 1000) * ARABIC_SCALE : doc.widthOfString(text) / 1000
      cache.set(key, width)
    }
    return width
  }
  const measure = (font: FontKey, text: string): number => {
    if (font === 'arabic') return piece(font, text)
    let total = 0
    let last = 0
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 32) {
        total += piece(font, text.slice(last, i + 1))
        last = i + 1
      }
    }
    if (last < text.length) total += piece(font, text.slice(last))
    return total
  }
  measures.set(doc, measure)
  return measure
}

// ---------------------------------------------------------------------------------------
// Drawing operations and the page flow

type Deferred = string | ((ctx: DrawContext) => string)

type Op =
  | { kind: 'text'; x: number; y: number; text: Deferred; font: FontKey; size: number; color: string; align?: 'left' | 'right' }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { kind: 'rule'; x1: number; x2: number; y: number; color: string; width: number }
  | { kind: 'goTo'; x: number; y: number; w: number; h: number; name: string }
  | { kind: 'url'; x: number; y: number; w: number; h: number; url: string }
  | { kind: 'dest'; name: string; y: number }

interface PageOps {
  /** Backgrounds, drawn first. */
  under: Op[]
  ops: Op[]
}

interface OutlineEntry {
  title: string
  page: number
  y: number
  children: OutlineEntry[]
}

interface DrawContext {
  pageCount: number
  pageOf: (dest: string) => number
}

interface Fragment {
  page: number
  top: number
  bottom: number
}

class Flow {
  readonly pages: PageOps[] = []
  readonly dests = new Map<string, number>()
  page = -1
  y = MARGIN.top

  constructor(readonly measure: (font: FontKey, text: string) => number) {
    this.newPage()
  }

  newPage(): void {
    this.pages.push({ under: [], ops: [] })
    this.page = this.pages.length - 1
    this.y = MARGIN.top
  }

  get atTop(): boolean {
    return this.y <= MARGIN.top + 0.5
  }

  get space(): number {
    return BOTTOM - this.y
  }

  /** A new page unless `height` still fits (never leaves a page empty). */
  ensure(height: number): void {
    if (!this.atTop && this.y + height > BOTTOM) this.newPage()
  }

  add(op: Op, page = this.page): void {
    this.pages[page]!.ops.push(op)
  }

  under(op: Op, page = this.page): void {
    this.pages[page]!.under.push(op)
  }

  dest(name: string): void {
    this.dests.set(name, this.page)
    this.add({ kind: 'dest', name, y: this.y })
  }

  lines(text: string, style: Style, width: number): TextLine[] {
    return layoutText(text, style.font, style.size, width, this.measure)
  }

  /**
   * Places lines at x, breaking pages between lines: never 1 line alone at the foot of a
   * page when more follow (orphan), never 1 line alone at the top of the next (widow).
   * `padding` is added above/below the part on each page (for boxes). Returns the parts.
   */
  placeLines(lines: TextLine[], style: Style, x: number, width: number, padding = 0): Fragment[] {
    const fragments: Fragment[] = []
    let i = 0
    while (i < lines.length) {
      let fit = Math.floor((this.space - 2 * padding) / style.leading)
      const remaining = lines.length - i
      if (fit < remaining) {
        if (fit < 2 && !this.atTop) {
          this.newPage()
          continue
        }
        if (remaining - fit === 1 && fit >= 3) fit -= 1
      }
      const count = Math.max(1, Math.min(fit, remaining))
      const top = this.y
      this.y += padding
      for (let k = 0; k < count; k++) this.drawLine(lines[i + k]!, style, x, width)
      this.y += padding
      fragments.push({ page: this.page, top, bottom: this.y })
      i += count
      if (i < lines.length) this.newPage()
    }
    return fragments
  }

  /** One line at the current y, advancing y by the style's leading. */
  drawLine(line: TextLine, style: Style, x: number, width: number, color = style.color): void {
    const baseline = this.y + baselineOffset(style)
    const start = line.align === 'right' ? x + width - line.width : x
    for (const run of line.runs) {
      this.add({ kind: 'text', x: start + run.x, y: baseline, text: run.text, font: run.font, size: style.size, color })
    }
    this.y += style.leading
  }
}

/** Baseline within a line box: centres capitals and descenders (Noto Sans metrics). */
function baselineOffset(style: Style): number {
  return style.leading / 2 + 0.21 * style.size
}

const height = (lines: TextLine[], style: Style) => lines.length * style.leading

// ---------------------------------------------------------------------------------------
// Composition

interface Composed {
  pages: PageOps[]
  dests: Map<string, number>
  outline: OutlineEntry[]
  sectionPages: number[]
  sourcesPage: number
}

function composeBriefing(doc: Doc, layout: BriefingLayout, onProgress?: (p: PdfProgress) => void): Composed {
  const flow = new Flow(makeMeasure(doc))
  const outline: OutlineEntry[] = []
  const total = layout.sections.length + 2
  onProgress?.({ phase: 'layout', done: 0, total })

  composeTitleBlock(flow, layout, outline)
  onProgress?.({ phase: 'layout', done: 1, total })

  flow.newPage()
  const sources = new Map(layout.sources.map((s) => [s.number, s]))
  const sectionPages: number[] = []
  layout.sections.forEach((section, i) => {
    sectionPages.push(composeSection(flow, section, sources, outline))
    onProgress?.({ phase: 'layout', done: 2 + i, total })
  })
  const sourcesPage = composeSources(flow, layout.sources, outline)
  onProgress?.({ phase: 'layout', done: total, total })
  return { pages: flow.pages, dests: flow.dests, outline, sectionPages, sourcesPage }
}

function composeTitleBlock(flow: Flow, layout: BriefingLayout, outline: OutlineEntry[]): void {
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
    ...layout.sections.map((s) => ({ number: `§${s.number}`, title: s.tag.name, count: plural(s.passages.length, 'passage'), dest: `section-${s.number}`, color: s.tag.color })),
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

function heading(flow: Flow, text: string): void {
  flow.drawLine(flow.lines(text, S.h1, CONTENT.width)[0]!, S.h1, CONTENT.left, CONTENT.width)
  flow.y += 2
  flow.add({ kind: 'rule', x1: CONTENT.left, x2: CONTENT.right, y: flow.y, color: COLOR.rule, width: 0.75 })
  flow.y += 10
}

/** Returns the 0-based page where the section starts. */
function composeSection(flow: Flow, section: BriefingSection, sources: ReadonlyMap<number, BriefingSource>, outline: OutlineEntry[]): number {
  const left = CONTENT.left
  const width = CONTENT.width
  const numberText = `§${section.number}`
  const numberWidth = flow.measure('bold', numberText) * S.sectionNumber.size + 10
  const titleLines = flow.lines(section.tag.name, S.sectionTitle, width - numberWidth)
  const description = section.tag.description.trim() ? flow.lines(section.tag.description, S.description, width - numberWidth) : []
  const noteLines = section.note.trim() ? flow.lines(section.note, S.note, width - numberWidth) : []
  const headHeight = 8 + height(titleLines, S.sectionTitle) + (description.length ? 2 + height(description, S.description) : 0)

  // Keep the heading with the note's start, or with the first passage's first lines.
  const firstPassage = section.passages[0]
  const keep = headHeight + (noteLines.length ? 8 + S.noteLabel.leading + Math.min(noteLines.length, 3) * S.note.leading : 0) + (firstPassage ? 14 + 3 * S.quote.leading : 0)
  if (!flow.atTop) flow.y += 26
  flow.ensure(keep)
  const startPage = flow.page
  const entry: OutlineEntry = { title: `§${section.number} ${section.tag.name}`, page: flow.page, y: flow.y, children: [] }
  outline.push(entry)
  flow.dest(`section-${section.number}`)

  flow.add({ kind: 'rect', x: left, y: flow.y, w: width, h: 2.5, color: section.tag.color })
  flow.y += 8
  const top = flow.y
  flow.add({ kind: 'text', x: left, y: top + baselineOffset(S.sectionNumber), text: numberText, font: 'bold', size: S.sectionNumber.size, color: section.tag.color })
  flow.placeLines(titleLines, S.sectionTitle, left + numberWidth, width - numberWidth)
  if (description.length) {
    flow.y += 2
    flow.placeLines(description, S.description, left + numberWidth, width - numberWidth)
  }
  if (noteLines.length) {
    flow.y += 8
    flow.drawLine(flow.lines("ANALYST'S NOTE", S.noteLabel, width)[0]!, S.noteLabel, left + numberWidth, width - numberWidth)
    flow.placeLines(noteLines, S.note, left + numberWidth, width - numberWidth)
  }
  flow.y += 14

  for (const passage of section.passages) composePassage(flow, passage, section, sources.get(passage.sourceNumber), entry)
  if (section.references.length > 0) composeReferences(flow, section)
  return startPage
}

function composePassage(flow: Flow, passage: BriefingPassage, section: BriefingSection, source: BriefingSource | undefined, entry: OutlineEntry): void {
  const left = CONTENT.left
  const x = left + QUOTE_INDENT
  const width = CONTENT.width - QUOTE_INDENT
  const quote = flow.lines(passage.quote, S.quote, width)
  const citation = flow.lines(source ? formatCitation(source) : `[${passage.sourceNumber}]`, S.citation, width)
  const alsoText = formatAlsoIn(passage.alsoIn)
  const also = alsoText ? flow.lines(`${alsoText}.`, S.also, width) : []
  const hasComment = passage.comment.trim().length > 0
  const commentWidth = width - 2 * COMMENT_PAD - 2
  const comment = hasComment ? flow.lines(passage.comment, S.comment, commentWidth) : []
  const quoteHeight = height(quote, S.quote) + 3 + height(citation, S.citation) + height(also, S.also)
  const commentHeight = hasComment ? 6 + 2 * COMMENT_PAD + S.commentLabel.leading + height(comment, S.comment) : 0
  const total = quoteHeight + commentHeight

  // Short passages stay whole on one page; long ones flow, but never start with too little room.
  const pageHeight = BOTTOM - MARGIN.top
  if (total > flow.space && (total <= pageHeight * 0.45 || flow.space < 4 * S.quote.leading)) flow.newPage()

  const startY = flow.y
  entry.children.push({ title: `${passage.number}. ${excerpt(passage.quote, 70)}`, page: flow.page, y: flow.y, children: [] })
  flow.dest(`passage-${passage.number}`)
  // The passage number in the left margin, on the first line of the quote.
  const number = String(passage.number)
  flow.add({
    kind: 'text',
    x: left - 10,
    y: startY + baselineOffset(S.gutter) + (S.quote.size - S.gutter.size) * 0.1,
    text: number,
    font: 'bold',
    size: S.gutter.size,
    color: COLOR.muted,
    align: 'right',
  })

  const fragments = flow.placeLines(quote, S.quote, x, width)
  flow.y += 3
  const cited = flow.placeLines(citation, S.citation, x, width)
  fragments.push(...cited)
  // "[n]" links to the source list.
  const label = cited[0]!
  if (source) flow.add({ kind: 'goTo', x, y: label.top, w: flow.measure('regular', `[${source.number}] `) * S.citation.size, h: S.citation.leading, name: `source-${source.number}` }, label.page)
  if (also.length) fragments.push(...flow.placeLines(also, S.also, x, width))
  // The tag-coloured bar beside the quote and its citation, one segment per page.
  for (const page of new Set(fragments.map((f) => f.page))) {
    const onPage = fragments.filter((f) => f.page === page)
    const top = Math.min(...onPage.map((f) => f.top)) + 2
    const bottom = Math.max(...onPage.map((f) => f.bottom)) - 2
    flow.under({ kind: 'rect', x: left, y: top, w: BAR_WIDTH, h: bottom - top, color: section.tag.color }, page)
  }

  if (hasComment) {
    flow.y += 6
    if (flow.space < 2 * COMMENT_PAD + S.commentLabel.leading + 2 * S.comment.leading) flow.newPage()
    const top = flow.y
    const labelPage = flow.page
    flow.y += COMMENT_PAD
    flow.drawLine(flow.lines('ANALYST COMMENT', S.commentLabel, commentWidth)[0]!, S.commentLabel, x + COMMENT_PAD + 2, commentWidth)
    const parts = flow.placeLines(comment, S.comment, x + COMMENT_PAD + 2, commentWidth)
    flow.y += COMMENT_PAD
    // Box: tint plus a thin rule on the left, per page the comment spans.
    const boxes = parts.map((p, i) => ({ page: p.page, top: i === 0 && p.page === labelPage ? top : p.top - (i === 0 ? 0 : COMMENT_PAD), bottom: i === parts.length - 1 ? flow.y : p.bottom }))
    if (parts[0] && parts[0].page !== labelPage) boxes.unshift({ page: labelPage, top, bottom: top + COMMENT_PAD + S.commentLabel.leading })
    for (const b of boxes) {
      flow.under({ kind: 'rect', x, y: b.top, w: width, h: b.bottom - b.top, color: COLOR.commentTint }, b.page)
      flow.under({ kind: 'rect', x, y: b.top, w: 2, h: b.bottom - b.top, color: COLOR.commentRule }, b.page)
    }
  }
  flow.y += 16
}

function composeReferences(flow: Flow, section: BriefingSection): void {
  const x = CONTENT.left + QUOTE_INDENT
  const width = CONTENT.width - QUOTE_INDENT
  const label = flow.lines(`Also relevant to ${section.tag.name}, printed in other sections:`, { ...S.refs, font: 'italic' }, width)
  flow.ensure(height(label, S.refs) + 2 * S.refs.leading)
  flow.placeLines(label, { ...S.refs, font: 'italic' }, x, width)
  for (const ref of section.references) {
    const text = `Passage ${ref.passageNumber} (§${ref.sectionNumber} ${ref.tagName}): “${excerpt(ref.quote, 80)}”`
    const lines = flow.lines(text, S.refs, width - 10)
    for (const part of flow.placeLines(lines, S.refs, x + 10, width - 10)) {
      flow.add({ kind: 'goTo', x, y: part.top, w: width, h: part.bottom - part.top, name: `passage-${ref.passageNumber}` }, part.page)
    }
  }
  flow.y += 12
}

function composeSources(flow: Flow, sources: readonly BriefingSource[], outline: OutlineEntry[]): number {
  if (!flow.atTop) flow.newPage()
  const left = CONTENT.left
  const width = CONTENT.width
  const page = flow.page
  outline.push({ title: 'Sources', page, y: flow.y, children: [] })
  flow.dest('sources')
  heading(flow, 'Sources')
  const intro = flow.lines('Bracketed numbers under each passage refer to this list. Each entry names the passages that cite it.', { ...S.sourceCited, font: 'italic' }, width)
  flow.placeLines(intro, S.sourceCited, left, width)
  flow.y += 10
  const textX = left + SOURCE_LABEL_WIDTH
  const textWidth = width - SOURCE_LABEL_WIDTH
  for (const source of sources) {
    const label = `[${source.number}]`
    const full = formatCitation(source)
    const rest = full.startsWith(`${label} `) ? full.slice(label.length + 1) : full
    const citation = flow.lines(rest, S.source, textWidth)
    const url = source.url?.trim() ? flow.lines(source.url.trim(), S.sourceUrl, textWidth) : []
    const cited = source.citedBy.length ? flow.lines(`${formatCitedBy(source.citedBy)}.`, S.sourceCited, textWidth) : []
    const entryHeight = height(citation, S.source) + (url.length ? 1 + height(url, S.sourceUrl) : 0) + height(cited, S.sourceCited)
    flow.ensure(Math.min(entryHeight, 5 * S.source.leading))
    const top = flow.y
    flow.dest(`source-${source.number}`)
    flow.add({ kind: 'text', x: left, y: top + baselineOffset(S.source), text: label, font: 'bold', size: S.sourceLabel.size, color: S.sourceLabel.color })
    flow.placeLines(citation, S.source, textX, textWidth)
    if (url.length) {
      flow.y += 1
      const parts = flow.placeLines(url, S.sourceUrl, textX, textWidth)
      const href = safeUri(source.url!.trim())
      if (href) for (const p of parts) flow.add({ kind: 'url', x: textX, y: p.top, w: textWidth, h: p.bottom - p.top, url: href }, p.page)
    }
    if (cited.length) flow.placeLines(cited, S.sourceCited, textX, textWidth)
    flow.y += 9
  }
  return page
}

/** A URI safe for a PDF URI action (ASCII): non-ASCII percent-encoded; null if not http(s)/mailto. */
function safeUri(url: string): string | null {
  try {
    const parsed = new URL(url)
    return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

// ---------------------------------------------------------------------------------------
// Drawing

function drawPages(doc: Doc, layout: BriefingLayout, composed: Composed, onProgress?: (p: PdfProgress) => void): void {
  const pageCount = composed.pages.length
  const ctx: DrawContext = {
    pageCount,
    pageOf: (name) => (composed.dests.get(name) ?? 0) + 1,
  }
  const measure = makeMeasure(doc)
  const headerTitle = fitOneLine(layout.title, S.header, CONTENT.width * 0.62, measure)
  const footerLeft = [layout.author, formatCitationDate(layout.date)].filter(Boolean).join(' · ')
  const outlineItems = new Map<OutlineEntry, PDFKit.PDFOutline>()
  const byPage = new Map<number, { entry: OutlineEntry; parent: OutlineEntry | null }[]>()
  for (const entry of composed.outline) {
    byPage.set(entry.page, [...(byPage.get(entry.page) ?? []), { entry, parent: null }])
    for (const child of entry.children) byPage.set(child.page, [...(byPage.get(child.page) ?? []), { entry: child, parent: entry }])
  }

  composed.pages.forEach((page, index) => {
    doc.addPage({ size: 'A4', margins: MARGIN })
    pageFill.delete(doc)
    for (const op of page.under) drawOp(doc, op, ctx)
    drawFurniture(doc, layout, index, pageCount, headerTitle, footerLeft)
    for (const op of page.ops) drawOp(doc, op, ctx)
    // Bookmarks point at the page being drawn (pdfkit takes the current page).
    for (const { entry, parent } of byPage.get(index) ?? []) {
      const container = parent ? outlineItems.get(parent) : doc.outline
      if (!container) continue
      const options = { expanded: false, top: entry.y - 8, left: PAGE.width } as { expanded: boolean }
      outlineItems.set(entry, container.addItem(entry.title, options))
    }
    onProgress?.({ phase: 'draw', done: index + 1, total: pageCount })
  })
}

/** Handling line above and below every page; title and date in the header from page 2; `Page n of m`. */
function drawFurniture(doc: Doc, layout: BriefingLayout, index: number, pageCount: number, headerTitle: string, footerLeft: string): void {
  if (layout.handling) {
    drawPlain(doc, layout.handling, S.handling, 'center', 34)
    drawPlain(doc, layout.handling, S.handling, 'center', PAGE.height - 24)
  }
  if (index > 0) {
    drawPlain(doc, headerTitle, S.header, 'left', 56)
    drawPlain(doc, formatCitationDate(layout.date) ?? layout.date, S.header, 'right', 56)
    rule(doc, CONTENT.left, CONTENT.right, 62, COLOR.rule, 0.5)
  }
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

/** The fill colour last set on the current page (a new page starts from the default). */
const pageFill = new WeakMap<Doc, string>()

function drawRun(doc: Doc, text: string, font: FontKey, size: number, color: string, x: number, baseline: number): void {
  setFont(doc, font).fontSize(font === 'arabic' ? size * ARABIC_SCALE : size)
  if (pageFill.get(doc) !== color) {
    doc.fillColor(color)
    pageFill.set(doc, color)
  }
  // Arabic: `features` makes pdfkit shape the run as one string, so fontkit orders it.
  doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', ...(font === 'arabic' ? { features: [] } : {}) })
}

function rule(doc: Doc, x1: number, x2: number, y: number, color: string, width: number): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore()
}

function drawOp(doc: Doc, op: Op, ctx: DrawContext): void {
  switch (op.kind) {
    case 'text': {
      const text = typeof op.text === 'function' ? op.text(ctx) : op.text
      let x = op.x
      if (op.align === 'right') x -= makeMeasure(doc)(op.font, text) * op.size
      drawRun(doc, text, op.font, op.size, op.color, x, op.y)
      return
    }
    case 'rect':
      doc.save()
      if (op.radius) doc.roundedRect(op.x, op.y, op.w, op.h, op.radius)
      else doc.rect(op.x, op.y, op.w, op.h)
      doc.fill(op.color).restore()
      return
    case 'rule':
      rule(doc, op.x1, op.x2, op.y, op.color, op.width)
      return
    case 'goTo':
      doc.goTo(op.x, op.y, op.w, op.h, op.name)
      return
    case 'url':
      doc.link(op.x, op.y, op.w, op.h, op.url)
      return
    case 'dest':
      doc.addNamedDestination(op.name, 'XYZ', null, op.y - 8, null)
      return
  }
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
