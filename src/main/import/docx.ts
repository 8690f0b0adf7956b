/**
 * Word .docx → HTML with mammoth, then the same sanitise-and-text path as web pages.
 * mammoth does not expose the document's core properties, so docProps/core.xml is read
 * from the same package.
 *
 * Hardening: the package is opened under limits (./docx-package: number of parts, sizes
 * stated and actually unpacked, counted as mammoth reads), mammoth never reads files
 * outside the document (`externalFileAccess: false`), images are not converted (the
 * sanitiser drops them anyway), and a structure nested deeper than the readers can
 * recurse is refused as such.
 */
import mammoth from 'mammoth'
import { DOMParser } from 'linkedom'
import { DossierError } from '../../core/result'
import { openDocxPackage } from './docx-package'
import { DEFAULT_LIMITS, isStackOverflow, nestedTooDeeply, type ReaderLimits } from './extract-limits'
import { htmlToText } from './html-text'
import { textOfMarkup } from './meta-text'
import { sanitizeHtml } from './sanitize'
import { sniffKind } from './sniff'
import type { ExtractedDocument, ExtractedMeta, MetaKey } from './types'

/** Word's "Title" and "Subtitle" paragraph styles are headings, not body text. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

export async function extractDocx(bytes: Uint8Array, name: string, limits: ReaderLimits = DEFAULT_LIMITS): Promise<ExtractedDocument> {
  const kind = sniffKind(bytes)
  if (kind === 'ole') {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DossierError('encrypted-file', `${name} is protected by a password; Dossier cannot open encrypted Word documents. Save an unprotected copy and import that.`)
    }
    throw new DossierError('unsupported-type', `${name} is an old-style Word .doc file with a .docx name; save it as .docx (Word: File › Save As) and import it again.`)
  }
  if (kind !== 'zip') throw new DossierError('broken-file', `${name} is not a Word document (a .docx file is a ZIP archive; this one is ${kind ? `something else (${kind})` : 'not'}).`)

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const pkg = await openDocxPackage(buffer, name, limits)
  if (!pkg.mammothFile.exists('word/document.xml') && !pkg.mammothFile.exists('[Content_Types].xml')) {
    throw new DossierError('broken-file', `${name} is a ZIP archive but not a Word document (it has no word/document.xml).`)
  }

  const result = await mammoth
    .convertToHtml(
      // An opened package (see ./docx-package): every part mammoth reads is counted.
      { file: pkg.mammothFile } as never,
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    )
    .catch((error: unknown) => {
      if (error instanceof DossierError) throw error
      if (isStackOverflow(error)) throw nestedTooDeeply(name)
      throw new DossierError('broken-file', `${name} is a damaged Word document that cannot be read (${messageOf(error)}).`)
    })
  const sanitized = sanitizeHtml(result.value)
  const text = htmlToText(sanitized.body)
  if (!text.trim()) throw new DossierError('no-article-text', `${name} is a Word document with no text to import.`)

  const meta = await pkg
    .readText('docProps/core.xml')
    .then(readCoreProperties)
    .catch((error: unknown) => {
      // Unreadable properties are only missing metadata, but a refusal (too large) stands.
      if (error instanceof DossierError) throw error
      return {} as ExtractedMeta
    })
  if (!meta.title) {
    const heading = /<h1>([\s\S]*?)<\/h1>/.exec(sanitized.html)?.[1]
    const title = heading ? textOfMarkup(heading) : ''
    if (title) meta.title = { value: title, source: 'DOCX first Title/Heading 1 paragraph' }
  }
  return { format: 'docx', text, meta, flags: [], sanitizedHtml: sanitized.html }
}

/**
 * dcterms:created is when the file was made (a Word copy of a 2019 article made today says
 * today), so it is passed as `created`, never as the publication date: analysis names it
 * in the published field's source when the text states no date (analyse.ts).
 */
const CORE_FIELDS: [tag: string, key: MetaKey][] = [
  ['dc:title', 'title'],
  ['dc:creator', 'author'],
  ['dcterms:created', 'created'],
  ['dc:language', 'language'],
]

function readCoreProperties(xml: string | null): ExtractedMeta {
  const meta: ExtractedMeta = {}
  if (!xml) return meta
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { getElementsByTagName(tag: string): ArrayLike<{ textContent: string | null }> }
  for (const [tag, key] of CORE_FIELDS) {
    const value = doc.getElementsByTagName(tag)[0]?.textContent?.replace(/\s+/g, ' ').trim()
    if (value) meta[key] = { value, source: `DOCX core properties ${tag}` }
  }
  return meta
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
