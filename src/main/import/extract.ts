/**
 * Format extraction: the one entry point import uses to turn a file (or clipboard
 * content) into text + stated metadata + damage flags. The format comes from the file
 * extension and is checked against the content (a PDF or a binary file named .txt, a
 * .pdf that is not a PDF, a .doc named .docx are refused with a message saying what the
 * file really is). Every refusal is a DossierError with a specific code; nothing here
 * writes anything. A structure nested deeper than a reader can recurse (V8's "Maximum
 * call stack size exceeded") is refused as too complex, whatever the format.
 *
 *   .txt .text           → decoded text (./text-decoding)
 *   .md .markdown        → decoded, Markdown syntax removed (./markdown)
 *   .html .htm .xhtml    → Readability + DOMPurify (./html)
 *   .pdf                 → pdfjs with reading order and de-hyphenation (./pdf)
 *   .docx                → mammoth + DOMPurify (./docx)
 *   .eml (and .txt files that are messages) → headers as metadata, MIME body (./email)
 */
import { extname } from 'node:path'
import { DossierError } from '../../core/result'
import { extractEmail, looksLikeEmail } from './email'
import { DEFAULT_LIMITS, isStackOverflow, nestedTooDeeply, type ReaderLimits } from './extract-limits'
import { checkFileName, MAX_IMPORT_BYTES, tooLargeError } from './file-checks'
import { extractClipboardHtml, extractHtmlFile } from './html'
import { markdownToText } from './markdown'
import { extractPdf, type PdfReadOptions } from './pdf'
import { describeKind, findPdfHeader, sniffKind } from './sniff'
import { decodeText } from './text-decoding'
import type { ExtractedDocument, SourceFormat } from './types'
import { formatOfFileName, SUPPORTED_EXTENSIONS } from './formats'

export type { ExtractedDocument, ExtractedMeta, ExtractFlag, ExtractFlagKind, MetaKey, MetaValue, SourceFormat } from './types'

export { formatOfFileName, SUPPORTED_EXTENSIONS } from './formats'

export interface ExtractOptions {
  limits?: ReaderLimits
  /** PDF only: told before each page is read. */
  onPage?: PdfReadOptions['onPage']
}

export async function extractDocument(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  checkFileName(fileName)
  const format = formatOfFileName(fileName)
  if (!format) throw unsupportedType(fileName, bytes)
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLargeError(fileName, bytes.length)
  if (bytes.length === 0) throw new DossierError('empty-file', `${fileName} is empty: there is no text to import.`)
  try {
    return await extractFormat(format, bytes, fileName, options)
  } catch (error) {
    if (isStackOverflow(error)) throw nestedTooDeeply(fileName)
    throw error
  }
}

async function extractFormat(format: Exclude<SourceFormat, 'clipboard'>, bytes: Uint8Array, fileName: string, options: ExtractOptions): Promise<ExtractedDocument> {
  const limits = options.limits ?? DEFAULT_LIMITS
  switch (format) {
    case 'txt':
    case 'md': {
      refuseDisguisedFile(bytes, fileName, format === 'md' ? 'Markdown' : 'text')
      const decoded = decodeText(bytes, fileName)
      // A message saved as text (a mail program's .txt, an archive, git format-patch): its headers are metadata.
      if (format === 'txt' && looksLikeEmail(decoded.text)) return { ...(await extractEmail(decoded.text, fileName)), encoding: decoded.encoding }
      if (format === 'txt') return { format, text: decoded.text, meta: {}, flags: decoded.flags, encoding: decoded.encoding }
      const markdown = markdownToText(decoded.text)
      if (!markdown.text.trim()) throw new DossierError('empty-file', `${fileName} holds only Markdown syntax and no text to import.`)
      return { format, text: markdown.text, meta: markdown.meta, flags: decoded.flags, encoding: decoded.encoding }
    }
    case 'html':
      refuseDisguisedFile(bytes, fileName, 'HTML')
      return extractHtmlFile(bytes, fileName, limits)
    case 'pdf': {
      if (findPdfHeader(bytes) === -1) {
        const kind = sniffKind(bytes)
        throw new DossierError('broken-file', `${fileName} is not a PDF${kind ? `: it is ${describeKind(kind)}` : ' (it has no PDF header; it may be damaged or be another kind of file)'}.`)
      }
      return extractPdf(bytes, fileName, { limits, onPage: options.onPage })
    }
    case 'docx': {
      // mammoth is loaded on the first Word document, not by everything that imports this module.
      const { extractDocx } = await import('./docx')
      return extractDocx(bytes, fileName, limits)
    }
    case 'email': {
      refuseDisguisedFile(bytes, fileName, 'an e-mail message')
      const decoded = decodeText(bytes, fileName)
      if (!looksLikeEmail(decoded.text)) throw new DossierError('broken-file', `${fileName} is not an e-mail message: it does not start with mail headers (From, Date, Subject…).`)
      return { ...(await extractEmail(decoded.text, fileName)), encoding: decoded.encoding }
    }
  }
}

/** Text pasted or dropped as clipboard data: HTML is sanitised and preferred when it holds text. */
export function extractClipboard(payload: { text?: string; html?: string }): ExtractedDocument {
  const size = Math.max(payload.text?.length ?? 0, payload.html?.length ?? 0)
  if (size > MAX_IMPORT_BYTES) throw tooLargeError('The clipboard content', size)
  if (payload.html && payload.html.trim()) {
    const { text, sanitizedHtml } = extractClipboardHtml(payload.html)
    if (text.trim()) return { format: 'clipboard', text, meta: {}, flags: [], sanitizedHtml }
  }
  if (payload.text && payload.text.trim()) return { format: 'clipboard', text: payload.text, meta: {}, flags: [] }
  throw new DossierError('empty-file', 'The clipboard holds no text to import.')
}

/** A text-format name on a file that is really a PDF, an image, an archive, …: say what it is. */
function refuseDisguisedFile(bytes: Uint8Array, fileName: string, expected: string): void {
  const kind = sniffKind(bytes)
  // "MZ" and "ID3" can start real text: the binary check in decodeText decides those.
  if (!kind || kind === 'exe' || kind === 'mp3') return
  // Text may mention "%PDF-"; a PDF starts with it (after white space at most).
  const pdfAt = findPdfHeader(bytes)
  if (kind === 'pdf' && bytes.subarray(0, pdfAt).some((b) => b > 0x20)) return
  const hint = kind === 'pdf' ? ' Rename it to .pdf to import it as a PDF.' : kind === 'zip' ? ' If it is a Word document, rename it to .docx.' : ''
  throw new DossierError(kind === 'rtf' ? 'unsupported-type' : 'binary-file', `${fileName} is ${describeKind(kind)}, not ${expected}.${hint}`)
}

function unsupportedType(fileName: string, bytes: Uint8Array): DossierError {
  const ext = extname(fileName)
  const kind = bytes.length > 0 ? sniffKind(bytes) : null
  const what = ext ? `files of type ${ext}` : 'files without an extension'
  const is = kind ? ` (this one is ${describeKind(kind)})` : ''
  return new DossierError('unsupported-type', `${fileName}: ${what} cannot be imported${is}; Dossier imports ${SUPPORTED_EXTENSIONS.join(', ')} files.`)
}
