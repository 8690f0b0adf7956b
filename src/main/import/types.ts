/**
 * What format extraction hands to the rest of import: plain text (paragraphs separated by
 * a blank line, not yet NFC-normalised: the core does that), the metadata the file's own
 * structure states (each value with where it was found), and damage the extractor saw.
 */

export type SourceFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx' | 'email' | 'clipboard'

/**
 * `created` is when the file itself was made (DOCX dcterms:created, PDF CreationDate), kept
 * apart from `published`: analysis never takes it as the publication date.
 */
export type MetaKey = 'title' | 'outlet' | 'author' | 'published' | 'url' | 'language' | 'created'

/** `source` names the place in the file, e.g. 'JSON-LD datePublished' or 'PDF document info Title'. */
export interface MetaValue {
  value: string
  source: string
}

export type ExtractedMeta = Partial<Record<MetaKey, MetaValue>>

export type ExtractFlagKind = 'undecodable-bytes' | 'no-text-layer' | 'encoding-guessed'

export interface ExtractFlag {
  kind: ExtractFlagKind
  detail: string
}

export interface ExtractedDocument {
  format: SourceFormat
  /** Plain text; paragraphs separated by a blank line; not yet NFC-normalised. */
  text: string
  meta: ExtractedMeta
  flags: ExtractFlag[]
  /** For text formats (.txt, .md, .html): the encoding the bytes were decoded from. */
  encoding?: string
  /** For html, docx and clipboard HTML: the sanitised article HTML (never the raw input). */
  sanitizedHtml?: string
}
