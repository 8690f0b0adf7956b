/**
 * How much one file may cost to read, and the one-line refusals when it asks for more.
 * The caps inside the readers (bytes a Word document unpacks to, its number of parts,
 * PDF pages, image pixels) apply wherever a file is read; the time, memory and buffer
 * limits are enforced by the worker that reads imports (./extract-in-worker). Why these
 * numbers: notes/decisions.md (sandboxed extraction).
 */
import { DossierError } from '../../core/result'

export interface ReaderLimits {
  /** Bytes the parts of a Word document that are read may unpack to, counted while inflating. */
  maxUnpackedBytes: number
  /** Bytes all parts of a Word document claim to unpack to (its zip directory), read or not. */
  maxStatedBytes: number
  /** Parts (zip entries) in a Word document. */
  maxZipEntries: number
  /** Pages in a PDF, checked before any page is read. */
  maxPdfPages: number
  /** Pixels (width × height) of an image the PDF reader decodes; larger ones are skipped. */
  maxImagePixels: number
  /** Levels elements may nest in HTML and in a Word document's XML (./nesting). */
  maxNesting: number
}

export interface WorkerLimits {
  /** Wall time to read one file, from the moment the worker starts on it. */
  fileMs: number
  /** Wall time for one PDF page (text and, for pages with no text, the image check). */
  pageMs: number
  /** The worker's V8 old generation (JavaScript heap). */
  heapMb: number
  /** The largest single buffer (decoded stream, unpacked part) the worker may allocate. */
  maxBufferBytes: number
}

export type ExtractLimits = ReaderLimits & WorkerLimits

const MB = 1024 * 1024

export const DEFAULT_LIMITS: ExtractLimits = {
  maxUnpackedBytes: 50 * MB,
  maxStatedBytes: 512 * MB,
  maxZipEntries: 10_000,
  maxPdfPages: 5_000,
  maxImagePixels: 16_000_000,
  maxNesting: 1_000,
  fileMs: 60_000,
  pageMs: 10_000,
  heapMb: 320,
  maxBufferBytes: 64 * MB,
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / MB).toLocaleString('en-US')} MB`
}

/** Whether `error` is V8's "Maximum call stack size exceeded" (a structure nested deeper than the reader can recurse). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message)
}

export function nestedTooDeeply(name: string): DossierError {
  return new DossierError('too-complex', `${name} is nested too deeply to read: its structure goes deeper than Dossier can follow. Save or export it again from the program that made it.`)
}

export function needsTooMuchMemory(name: string, heapMb: number): DossierError {
  return new DossierError('too-complex', `${name} needs more than ${heapMb} MB of memory to read; Dossier stopped reading it. Split it into smaller files and import those.`)
}

export function bufferTooLarge(name: string, maxBytes: number): DossierError {
  return new DossierError('too-large', `${name}: a part of it decodes to more than ${megabytes(maxBytes)}; Dossier stopped reading it (a damaged or hostile file?).`)
}

export function fileTimedOut(name: string, ms: number): DossierError {
  return new DossierError('timed-out', `${name} took more than ${ms / 1000} s to read; Dossier stopped reading it. Split it into smaller files and import those.`)
}

export function pageTimedOut(name: string, page: number, pages: number, ms: number): DossierError {
  return new DossierError('timed-out', `${name}: page ${page.toLocaleString('en-US')} of ${pages.toLocaleString('en-US')} took more than ${ms / 1000} s to read; Dossier stopped reading the file.`)
}
