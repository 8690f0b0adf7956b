/**
 * Renders a BriefingLayout (src/core/briefing) to PDF with pdfkit: a title block (handling
 * line, author, date, scope), the analyst's key judgments, a table of contents with page
 * numbers, one section per tag (colour, description, the analyst's note), each passage as
 * a numbered quote block in its tag colour with its citation and the analyst's comment set
 * apart, the source list (outlet, title, author, date, URL, citing passages), and when the
 * briefing asks for it the index of entities (name, other spellings, pages). Every
 * page has a running header (title; handling line) and a footer (`Page n of m`; handling
 * line). The PDF has bookmarks per section and passage, internal links (contents, citation
 * numbers, cross-references) and document info (Title, Author, Subject, Keywords = tags).
 * It is a tagged PDF: a structure tree in reading order (title H1; the title block's table;
 * key judgments and passages as numbered lists; BlockQuote per quote, tagged with its
 * language; links as Link elements), the document language, and page furniture and
 * decoration marked as artifacts (./structure, ./tagged-drawing).
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
 *
 * Modules: ./pdf-document (pdfkit document, fonts, measuring, drawing primitives),
 * ./page-design (page, colours, styles), ./page-flow (operations, line placement),
 * ./front-matter (title block, key judgments, contents), ./sections (sections, passage
 * blocks, comments, references), ./source-list, ./entity-index, ./page-furniture (header,
 * footer, bookmarks). This module holds the entry points and runs the two passes.
 */
import type { BriefingLayout } from '../../core/briefing'
import { writeFileDurably } from '../storage/durable-write'
import { composeAnalyses } from './ach-table'
import { composeEntityIndex } from './entity-index'
import { composeFigures } from './figures'
import { composeTitleBlock } from './front-matter'
import { drawOp, Flow, type DrawContext, type OutlineEntry, type PageOps } from './page-flow'
import { pageBookmarks, pageFurniture } from './page-furniture'
import { addPage, createDocument, makeMeasure, type BriefingPdfOptions, type Doc, type PdfProgress } from './pdf-document'
import { composeSection } from './sections'
import { composeSources } from './source-list'
import type { StructNode } from './structure'
import { TaggedDrawing } from './tagged-drawing'

export { BRIEFING_FONT_FILES, type BriefingPdfOptions, type PdfProgress } from './pdf-document'

export interface RenderedBriefingPdf {
  bytes: Buffer
  pageCount: number
  /** 1-based page where each section starts, in section order (what the contents list says). */
  sectionPages: number[]
  sourcesPage: number
  /** 1-based page where the index of entities starts; absent when there is none. */
  entityIndexPage?: number
  /** 1-based page where the Analysis part (ACH matrices) starts; absent when there is none. */
  analysisPage?: number
}

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
      ...(composed.entityIndexPage !== null ? { entityIndexPage: composed.entityIndexPage + 1 } : {}),
      ...(composed.analysisPage !== null ? { analysisPage: composed.analysisPage + 1 } : {}),
    }
  } catch (error) {
    // Let pdfkit's stream settle so nothing is left pending, then report the real failure.
    doc.removeAllListeners('data')
    throw error
  }
}

// ---------------------------------------------------------------------------------------
// Composition

interface Composed {
  pages: PageOps[]
  /** The logical structure (reading order) of what the pages hold. */
  root: StructNode
  dests: Map<string, number>
  outline: OutlineEntry[]
  sectionPages: number[]
  sourcesPage: number
  entityIndexPage: number | null
  /** 0-based page of the Analysis part (ACH matrices); null when there is none. */
  analysisPage: number | null
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
  const figures = layout.figures ?? []
  const briefingFigures = figures.filter((f) => f.sectionNumber === null)
  if (briefingFigures.length > 0) composeFigures(flow, briefingFigures)
  layout.sections.forEach((section, i) => {
    const own = figures.filter((f) => f.sectionNumber === section.number)
    sectionPages.push(composeSection(flow, section, sources, outline, own.length > 0 ? () => ((flow.y += 10), composeFigures(flow, own)) : undefined))
    onProgress?.({ phase: 'layout', done: 2 + i, total })
  })
  const analysisPage = layout.analyses && layout.analyses.length > 0 ? composeAnalyses(flow, layout.analyses, outline) : null
  const sourcesPage = composeSources(flow, layout.sources, outline, layout.sourcing)
  const index = layout.entityIndex ?? []
  const entityIndexPage = index.length > 0 ? composeEntityIndex(flow, index, outline) : null
  onProgress?.({ phase: 'layout', done: total, total })
  return { pages: flow.pages, root: flow.root, dests: flow.dests, outline, sectionPages, sourcesPage, entityIndexPage, analysisPage }
}

// ---------------------------------------------------------------------------------------
// Drawing

function drawPages(doc: Doc, layout: BriefingLayout, composed: Composed, onProgress?: (p: PdfProgress) => void): void {
  const pageCount = composed.pages.length
  const ctx: DrawContext = {
    pageCount,
    pageOf: (name) => (composed.dests.get(name) ?? 0) + 1,
  }
  const tagged = new TaggedDrawing(doc, composed.root, composed.pages)
  const drawFurniture = pageFurniture(doc, layout, tagged)
  const addBookmarks = pageBookmarks(doc, composed.outline)

  composed.pages.forEach((page, index) => {
    addPage(doc)
    tagged.artifact({ type: 'Layout' }, () => {
      for (const op of page.under) drawOp(doc, op, ctx)
    })
    drawFurniture(index, pageCount)
    for (const op of page.ops) tagged.draw(op, (structParent) => drawOp(doc, op, ctx, structParent))
    tagged.endPage()
    // Bookmarks point at the page being drawn (pdfkit takes the current page).
    addBookmarks(index)
    onProgress?.({ phase: 'draw', done: index + 1, total: pageCount })
  })
}
