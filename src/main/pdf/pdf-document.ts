/**
 * The pdfkit document of a briefing PDF: its options (PDF 1.7, tagged, with the document
 * language and the title shown in the window's title bar) and the embedded fonts (only the
 * TTFs from `fontsDir`, each opened up front so a missing or broken one fails early, naming
 * it), document info and its XMP copy, font selection by path, text measuring with pdfkit's
 * own metrics (cached per document), and the primitive drawing calls (a new page, a text
 * run, a rule).
 */
import { join } from 'node:path'
import PDFDocument from 'pdfkit'
import { sectionName, type BriefingLayout } from '../../core/briefing'
import { ARABIC_SCALE, MARGIN } from './page-design'
import { DOCUMENT_LANGUAGE } from './structure'
import type { FontKey } from './text-layout'

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

export const BRIEFING_FONT_FILES = {
  regular: 'NotoSans-Regular.ttf',
  bold: 'NotoSans-Bold.ttf',
  italic: 'NotoSans-Italic.ttf',
  /** The passages' face, set apart from the analyst's prose (notes/decisions.md). */
  serif: 'NotoSerif-Regular.ttf',
  arabic: 'NotoNaskhArabic-Regular.ttf',
} as const satisfies Record<FontKey, string>

export type Doc = PDFKit.PDFDocument

export function createDocument(layout: BriefingLayout, options: BriefingPdfOptions): Doc {
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
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    autoFirstPage: false,
    displayTitle: true,
    // Tagged PDF (a structure tree, ./tagged-drawing), which needs PDF 1.4 or later.
    pdfVersion: '1.7',
    tagged: true,
    lang: DOCUMENT_LANGUAGE,
    // An embedded TTF, so pdfkit never loads a standard font (see notes/toolchain.md).
    font: regularFont,
    info: {
      Title: layout.title,
      Author: options.author ?? (layout.author || 'Dossier'),
      Subject: layout.handling ? `Briefing (${layout.handling})` : 'Briefing',
      Keywords: layout.sections.map((s) => sectionName(s)).join(', '),
      CreationDate: creationDate,
      ModDate: creationDate,
      Creator: 'Dossier',
    },
  })
  escapeXmpInfo(doc)
  return doc
}

/**
 * From PDF 1.4 on, pdfkit also writes the document info as XMP metadata (what a reader or
 * a screen reader may show as the title), but pastes the values into the XML unescaped: a
 * title with `&` or `<` would make the XMP unreadable. The info dictionary itself is
 * written correctly, so only the XMP copy is given escaped values, while it is written.
 */
function escapeXmpInfo(doc: Doc): void {
  const target = doc as unknown as { info: Record<string, unknown>; _addInfo: () => void }
  const addInfo = target._addInfo
  if (typeof addInfo !== 'function') throw new Error('pdfkit no longer writes XMP info through _addInfo: check escapeXmpInfo')
  target._addInfo = function (this: typeof target) {
    const info = this.info
    this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? escapeXml(value) : value]))
    try {
      addInfo.call(this)
    } finally {
      this.info = info
    }
  }
}

const XML_ESCAPES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
])

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are left out of the XMP copy (the info dictionary keeps them).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES.get(c)!)
}

/**
 * Font file paths per document. Fonts are selected by path, not by a registerFont alias:
 * pdfkit caches a font under the key it was selected with, except that a second alias for
 * the constructor's font is re-read and re-parsed from disk on every selection (its
 * de-duplication returns before caching). Selecting by path always hits the cache.
 */
const fontPaths = new WeakMap<Doc, Record<FontKey, string>>()

export function setFont(doc: Doc, name: FontKey): Doc {
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
export function makeMeasure(doc: Doc): (font: FontKey, text: string) => number {
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

/** The fill colour last set on the current page (a new page starts from the default). */
const pageFill = new WeakMap<Doc, string>()

/** Adds the next A4 page; its fill colour starts from the default again. */
export function addPage(doc: Doc): void {
  doc.addPage({ size: 'A4', margins: MARGIN })
  pageFill.delete(doc)
}

export function drawRun(doc: Doc, text: string, font: FontKey, size: number, color: string, x: number, baseline: number): void {
  setFont(doc, font).fontSize(font === 'arabic' ? size * ARABIC_SCALE : size)
  if (pageFill.get(doc) !== color) {
    doc.fillColor(color)
    pageFill.set(doc, color)
  }
  // Arabic: `features` makes pdfkit shape the run as one string, so fontkit orders it.
  doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', ...(font === 'arabic' ? { features: [] } : {}) })
}

export function rule(doc: Doc, x1: number, x2: number, y: number, color: string, width: number): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore()
}
