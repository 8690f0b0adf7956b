/**
 * Word .docx → HTML with mammoth, then the same sanitise-and-text path as web pages.
 * mammoth does not expose the document's core properties, so docProps/core.xml is read
 * with jszip (mammoth's own zip library: a dependency of mammoth, resolvable from here).
 *
 * Hardening: mammoth never reads files outside the document (`externalFileAccess: false`),
 * images are not converted (the sanitiser drops them anyway), and a zip whose parts would
 * unpack to more than MAX_UNPACKED_BYTES is refused before mammoth unpacks it.
 */
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { DOMParser } from 'linkedom'
import { DossierError } from '../../core/result'
import { htmlToText } from './html-text'
import { textOfMarkup } from './meta-text'
import { sanitizeHtml } from './sanitize'
import { sniffKind } from './sniff'
import type { ExtractedDocument, ExtractedMeta, MetaKey } from './types'

const MAX_UNPACKED_BYTES = 512 * 1024 * 1024

/** Word's "Title" and "Subtitle" paragraph styles are headings, not body text. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"]

export async function extractDocx(bytes: Uint8Array, name: string): Promise<ExtractedDocument> {
  const kind = sniffKind(bytes)
  if (kind === 'ole') {
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      throw new DossierError('encrypted-file', `${name} is protected by a password; Dossier cannot open encrypted Word documents. Save an unprotected copy and import that.`)
    }
    throw new DossierError('unsupported-type', `${name} is an old-style Word .doc file with a .docx name; save it as .docx (Word: File › Save As) and import it again.`)
  }
  if (kind !== 'zip') throw new DossierError('broken-file', `${name} is not a Word document (a .docx file is a ZIP archive; this one is ${kind ? `something else (${kind})` : 'not'}).`)

  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const zip = await JSZip.loadAsync(buffer).catch((error: unknown) => {
    throw new DossierError('broken-file', `${name} is a damaged Word document: its ZIP structure cannot be read (${messageOf(error)}).`)
  })
  const unpacked = Object.values(zip.files).reduce((sum, file) => sum + unpackedSize(file), 0)
  if (unpacked > MAX_UNPACKED_BYTES) {
    throw new DossierError('too-large', `${name} would unpack to ${(unpacked / 1024 / 1024).toFixed(0)} MB; Dossier refuses Word documents that unpack to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB.`)
  }
  if (!zip.file('word/document.xml') && !zip.file('[Content_Types].xml')) {
    throw new DossierError('broken-file', `${name} is a ZIP archive but not a Word document (it has no word/document.xml).`)
  }

  const result = await mammoth
    .convertToHtml(
      { buffer },
      {
        styleMap: STYLE_MAP,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    )
    .catch((error: unknown) => {
      throw new DossierError('broken-file', `${name} is a damaged Word document that cannot be read (${messageOf(error)}).`)
    })
  const sanitized = sanitizeHtml(result.value)
  const text = htmlToText(sanitized.body)
  if (!text.trim()) throw new DossierError('no-article-text', `${name} is a Word document with no text to import.`)

  const meta = await readCoreProperties(zip).catch(() => ({}) as ExtractedMeta)
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

async function readCoreProperties(zip: JSZip): Promise<ExtractedMeta> {
  const xml = await zip.file('docProps/core.xml')?.async('string')
  const meta: ExtractedMeta = {}
  if (!xml) return meta
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as { getElementsByTagName(tag: string): ArrayLike<{ textContent: string | null }> }
  for (const [tag, key] of CORE_FIELDS) {
    const value = doc.getElementsByTagName(tag)[0]?.textContent?.replace(/\s+/g, ' ').trim()
    if (value) meta[key] = { value, source: `DOCX core properties ${tag}` }
  }
  return meta
}

function unpackedSize(file: JSZip.JSZipObject): number {
  const data = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data
  return typeof data?.uncompressedSize === 'number' ? data.uncompressedSize : 0
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(text, 'utf16le')
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
