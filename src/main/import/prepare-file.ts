/**
 * Everything import does to one file before anything is written: format extraction
 * (./extract) and the core's reading of the text (draftArticleFromText: metadata,
 * furniture, flags, fingerprint). It runs in the extraction worker (./extract-worker),
 * so what it returns crosses a thread boundary: plain data, and the stored text as UTF-8
 * bytes whose buffer is transferred, never a 50 MB string that the main thread would
 * have to copy and encode (hundreds of milliseconds of a stalled event loop).
 */
import { draftArticleFromText, type ArticleDraft } from '../../core/import-text'
import { DossierError } from '../../core/result'
import { extractDocument, type ExtractOptions } from './extract'
import type { ExtractedDocument } from './types'

export interface PreparedFile {
  doc: Pick<ExtractedDocument, 'format' | 'encoding' | 'flags'>
  /** The draft without its text (see `body`); `charCount` is the text's length. */
  draft: Omit<ArticleDraft, 'text'> & { charCount: number }
  /** The normalised text, UTF-8 encoded: what the notebook stores as the article's body. */
  body: Uint8Array
}

export async function prepareFile(bytes: Uint8Array, name: string, options: ExtractOptions = {}): Promise<PreparedFile> {
  const doc = await extractDocument(bytes, name, options)
  const { text, ...draft } = draftArticleFromText(doc.text, name, doc.meta)
  if (!text.trim()) throw new DossierError('empty-file', `${name} holds no text to import.`)
  const prepared: PreparedFile = { doc: { format: doc.format, flags: doc.flags }, draft: { ...draft, charCount: text.length }, body: new TextEncoder().encode(text) }
  if (doc.encoding !== undefined) prepared.doc.encoding = doc.encoding
  return prepared
}
