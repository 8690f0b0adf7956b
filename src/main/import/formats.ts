/**
 * The file types import reads, by extension: for folder walks, dialogs and the reader
 * choice. Its own module, free of the readers (linkedom, Readability, pdfjs, …), so the
 * main thread's import path and the app's dialogs do not load what only the import
 * worker runs (./extract-worker.ts).
 */
import { extname } from 'node:path'
import type { SourceFormat } from './types'

const FORMAT_BY_EXTENSION: ReadonlyMap<string, Exclude<SourceFormat, 'clipboard'>> = new Map([
  ['.txt', 'txt'],
  ['.text', 'txt'],
  ['.md', 'md'],
  ['.markdown', 'md'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.xhtml', 'html'],
  ['.pdf', 'pdf'],
  ['.docx', 'docx'],
  ['.eml', 'email'],
])

/** Every extension extractDocument reads (for folder walks and dialogs). */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...FORMAT_BY_EXTENSION.keys()]

export function formatOfFileName(fileName: string): Exclude<SourceFormat, 'clipboard'> | null {
  return FORMAT_BY_EXTENSION.get(extname(fileName).toLowerCase()) ?? null
}
