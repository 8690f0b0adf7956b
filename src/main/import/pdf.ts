/**
 * PDF → text with pdfjs-dist (legacy build, the one meant for Node). In Node pdfjs runs
 * its "fake worker" on the thread that calls it (PDFWorker disables real workers when it
 * detects Node and loads pdf.worker.mjs next to pdf.mjs), so nothing is configured for
 * the worker; imports call it inside the extraction worker (./extract-worker). Hardening:
 * no eval (`isEvalSupported: false`), no system fonts, no font faces, no XFA, images
 * above `maxImagePixels` are not decoded, more than `maxPdfPages` pages are refused
 * before any page is read; warnings silenced (`verbosity: 0`). `onPage` is told before
 * each page, so the worker's host can limit the time a page takes.
 *
 * Reading order, paragraphs and de-hyphenation are ./pdf-layout. Pages whose text layer
 * is missing (scans: an image and (almost) no text) are listed in a 'no-text-layer' flag;
 * a PDF with no text at all is refused, because Dossier does no OCR and an article
 * without text could not be read, highlighted or told apart from other scans.
 */
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DossierError } from '../../core/result'
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs'
import { DEFAULT_LIMITS, type ReaderLimits } from './extract-limits'
import { textOfMarkup } from './meta-text'
import { joinPages, layoutPage, type PageLayout, type TextRun } from './pdf-layout'
import type { ExtractedDocument, ExtractedMeta, ExtractFlag } from './types'

/** A page with fewer non-blank characters than this counts as having no text of its own. */
const MIN_PAGE_CHARS = 20

type PdfJs = typeof PdfJsModule
let pdfjs: Promise<PdfJs> | null = null
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

function assetDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/', wasmUrl: join(root, 'wasm') + '/' }
}

interface PdfTextItem {
  str: string
  transform: number[]
  width: number
  height: number
  dir: string
}

export interface PdfReadOptions {
  limits?: ReaderLimits
  /** Called before page `page` (1-based) of `pages` is read. */
  onPage?: (page: number, pages: number) => void
}

export async function extractPdf(bytes: Uint8Array, name: string, options: PdfReadOptions = {}): Promise<ExtractedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS
  const { getDocument, OPS } = await loadPdfJs()
  // pdfjs transfers the buffer it is given to its worker; hand it a copy so the caller's
  // bytes (stored as the original) stay intact.
  const task = getDocument({
    data: new Uint8Array(bytes), // a copy, and never a Buffer (pdfjs refuses those)
    verbosity: 0,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    enableXfa: false,
    stopAtErrors: false,
    maxImageSize: limits.maxImagePixels,
    cMapPacked: true,
    ...assetDirs(),
  })
  try {
    const doc = await task.promise.catch((error: unknown) => {
      throw openError(error, name)
    })
    if (doc.numPages > limits.maxPdfPages) {
      throw new DossierError(
        'too-large',
        `${name} has ${doc.numPages.toLocaleString('en-US')} pages; Dossier imports PDFs of up to ${limits.maxPdfPages.toLocaleString('en-US')} pages. Split it into smaller PDFs and import those.`,
      )
    }
    const meta = await readPdfMeta(doc).catch(() => ({}))
    const pages: PageLayout[] = []
    const imageOnlyPages: number[] = []
    let chars = 0
    for (let number = 1; number <= doc.numPages; number++) {
      options.onPage?.(number, doc.numPages)
      const page = await doc.getPage(number).catch((error: unknown) => {
        throw new DossierError('broken-file', `${name} is damaged: page ${number} of ${doc.numPages} cannot be read (${messageOf(error)}).`)
      })
      const content = await page.getTextContent({ includeMarkedContent: false }).catch((error: unknown) => {
        throw new DossierError('broken-file', `${name} is damaged: the text of page ${number} cannot be read (${messageOf(error)}).`)
      })
      const runs = (content.items as unknown as PdfTextItem[]).filter((item) => typeof item.str === 'string').map(toRun)
      const pageChars = runs.reduce((n, r) => n + r.str.replace(/\s/g, '').length, 0)
      chars += pageChars
      if (pageChars < MIN_PAGE_CHARS) {
        const ops = await page.getOperatorList().catch(() => null)
        const paintsImage = ops?.fnArray.some((fn) => imageOps(OPS).has(fn)) ?? false
        if (paintsImage) imageOnlyPages.push(number)
      }
      pages.push(layoutPage(runs))
      page.cleanup()
    }

    if (chars === 0 || imageOnlyPages.length === doc.numPages) {
      if (imageOnlyPages.length > 0) {
        throw new DossierError(
          'no-text-layer',
          `${name} has no text layer: its ${plural(doc.numPages, 'page')} ${doc.numPages === 1 ? 'is an image' : 'are images'} (a scan?), and Dossier does no OCR. Run it through OCR software first (for example OCRmyPDF) and import the result.`,
        )
      }
      throw new DossierError('no-article-text', `${name} holds no text (${plural(doc.numPages, 'page')} without text or images).`)
    }
    const flags: ExtractFlag[] = []
    if (imageOnlyPages.length > 0) {
      flags.push({
        kind: 'no-text-layer',
        detail: `${imageOnlyPages.length === 1 ? 'Page' : 'Pages'} ${imageOnlyPages.join(', ')} of ${doc.numPages} ${imageOnlyPages.length === 1 ? 'has' : 'have'} no text layer (scanned images); Dossier does no OCR, so ${imageOnlyPages.length === 1 ? 'its' : 'their'} text is missing.`,
      })
    }
    return { format: 'pdf', text: joinPages(pages), meta, flags }
  } finally {
    await task.destroy()
  }
}

function imageOps(ops: PdfJs['OPS']): Set<number> {
  return new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageMaskXObject,
    ops.paintImageXObjectRepeat,
    ops.paintInlineImageXObjectGroup,
    ops.paintImageMaskXObjectGroup,
    ops.paintImageMaskXObjectRepeat,
  ])
}

function toRun(item: PdfTextItem): TextRun {
  const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = item.transform
  const size = Math.hypot(c, d) || item.height || Math.hypot(a, b)
  return { str: item.str, x: e, y: f, width: item.width, size, rtl: item.dir === 'rtl' }
}

function openError(error: unknown, name: string): DossierError {
  const errorName = error instanceof Error ? error.name : ''
  if (errorName === 'PasswordException') {
    return new DossierError('encrypted-file', `${name} is protected by a password; Dossier cannot open encrypted PDFs. Save an unprotected copy (print to PDF) and import that.`)
  }
  if (errorName === 'InvalidPDFException') return new DossierError('broken-file', `${name} is not a valid PDF (it is damaged or not a PDF at all).`)
  return new DossierError('broken-file', `${name} is a damaged PDF that cannot be read (${messageOf(error)}).`)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

interface PdfInfo {
  Title?: unknown
  Author?: unknown
  CreationDate?: unknown
  Language?: unknown
}

interface PdfDocumentLike {
  getMetadata(): Promise<{ info: unknown; metadata: { get(name: string): unknown } | null }>
}

async function readPdfMeta(doc: PdfDocumentLike): Promise<ExtractedMeta> {
  const { info, metadata } = await doc.getMetadata()
  const fields = (info ?? {}) as PdfInfo
  const meta: ExtractedMeta = {}
  const xmp = (key: string): unknown => {
    try {
      const value = metadata?.get(key)
      return Array.isArray(value) ? value.join(', ') : value
    } catch {
      return null
    }
  }
  const title = infoText(fields.Title)
  if (title && !isPlaceholderTitle(title)) meta.title = { value: title, source: 'PDF document info Title' }
  else {
    const xmpTitle = infoText(xmp('dc:title'))
    if (xmpTitle && !isPlaceholderTitle(xmpTitle)) meta.title = { value: xmpTitle, source: 'PDF XMP dc:title' }
  }
  const infoAuthor = infoText(fields.Author)
  const author = infoAuthor ?? infoText(xmp('dc:creator'))
  if (author) meta.author = { value: author, source: infoAuthor ? 'PDF document info Author' : 'PDF XMP dc:creator' }
  // When the PDF was made (printed, exported), not when its text was published: see types.ts.
  const created = infoText(fields.CreationDate)
  if (created) meta.created = { value: created, source: 'PDF document info CreationDate' }
  const language = infoText(fields.Language)
  if (language) meta.language = { value: language, source: 'PDF catalog Lang' }
  return meta
}

/**
 * A document-info or XMP string as text, or null when it is not text. Producers fill these
 * fields carelessly: HTML markup (`<b>Title</b>`, `&amp;`) is read as HTML; a value still
 * carrying PDF string escapes (`\376\377…`, `\(`), control characters (NULs of UTF-16
 * read as bytes) or byte-order-mark debris
 * (`þÿ`, text decoded in the wrong encoding) is junk from a broken producer and ignored
 * rather than guessed at.
 */
export function infoText(value: unknown): string | null {
  if (typeof value !== 'string') return null
  if (/\\(?:[0-7]{1,3}|[nrtbf()\\])|(?![\t\n\r])\p{Cc}|\uFFFD|^(?:þÿ|ÿþ|Ã¾Ã¿|ï»¿)/u.test(value)) return null
  const text = textOfMarkup(value)
  return text.length > 0 ? text : null
}

/** Titles that name the file, the tool or nothing rather than the article. */
function isPlaceholderTitle(title: string): boolean {
  const t = title.trim()
  return (
    /^(?:untitled(?:[ -]?\d+)?|document\d*|slide \d+|powerpoint presentation|print|\(?anonymous\)?)$/i.test(t) ||
    /^microsoft (?:word|excel|powerpoint|publisher) - /i.test(t) ||
    /\.(?:docx?|pdf|indd|qxd|rtf|odt|txt|html?|pages|xlsx?|pptx?)$/i.test(t) ||
    /^(?:[a-z]:\\|\\\\|\/(?:home|users|tmp|var)\/)/i.test(t)
  )
}
