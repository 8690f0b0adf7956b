/**
 * A Word document's ZIP package, opened under limits before mammoth reads a byte of it,
 * with yauzl (which reads the central directory one entry at a time, inflates with
 * node:zlib, and fails a part that inflates to more bytes than its directory states):
 *
 * - more parts than `maxZipEntries` are refused before they are listed;
 * - the sizes the directory states for all parts, read or not, are capped (a gigabyte
 *   of zeros stored as a few megabytes is refused without inflating it);
 * - every part that is read (by mammoth, through `mammothFile`, or for the core
 *   properties) counts its stated size against `maxUnpackedBytes` before it is inflated,
 *   and its bytes as they come: a directory that lies makes the part fail, never grow;
 * - every part read as text (XML) is refused if its elements nest deeper than the limit.
 *
 * `mammothFile` is mammoth's own zip-file interface (exists/read, mammoth/lib/zipfile.js),
 * passed as `{ file }` to mammoth (its lib/unzip.js accepts an opened file). That input is
 * not in mammoth's typings; if a mammoth version stopped accepting it, the conversion
 * would fail ("Could not find file in options") rather than read the zip uncounted.
 */
import { promisify } from 'node:util'
import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { DossierError } from '../../core/result'
import { megabytes, nestedTooDeeply, type ReaderLimits } from './extract-limits'
import { nestingDepth } from './nesting'

export interface DocxPackage {
  /** For mammoth: `mammoth.convertToHtml({ file } as never, …)`. */
  mammothFile: MammothZipFile
  /** An XML part as text (counted and checked like mammoth's reads); null if the package has no such part. */
  readText(path: string): Promise<string | null>
}

interface MammothZipFile {
  exists(path: string): boolean
  read(path: string, encoding?: string): Promise<Uint8Array | string>
  write(path: string, contents: unknown): void
  toArrayBuffer(): Promise<ArrayBuffer>
}

type Limits = Pick<ReaderLimits, 'maxUnpackedBytes' | 'maxStatedBytes' | 'maxZipEntries' | 'maxNesting'>

export async function openDocxPackage(buffer: Buffer, name: string, limits: Limits): Promise<DocxPackage> {
  const damaged = (error: unknown) =>
    new DossierError('broken-file', `${name} is a damaged Word document: its ZIP structure cannot be read (${error instanceof Error ? error.message : String(error)}).`)
  const zip = await promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }).catch((error: unknown) => {
    throw damaged(error)
  })
  const tooMany = () =>
    new DossierError('too-complex', `${name} has more than ${limits.maxZipEntries.toLocaleString('en-US')} parts; Dossier reads Word documents with up to that many (a damaged or hostile file?).`)
  if (zip.entryCount > limits.maxZipEntries) throw tooMany()
  const entries = await listEntries(zip, limits.maxZipEntries).catch((error: unknown) => {
    throw error instanceof DossierError ? error : damaged(error)
  })
  if (!entries) throw tooMany()
  const stated = [...entries.values()].reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (stated > limits.maxStatedBytes) throw unpacksTooLarge(name, limits.maxStatedBytes, `its parts say ${megabytes(stated)}`)

  let unpacked = 0
  const inflate = async (path: string): Promise<Buffer> => {
    const entry = entries.get(path)
    if (!entry) throw new Error(`There is no part ${path} in the document.`)
    if (unpacked + entry.uncompressedSize > limits.maxUnpackedBytes) throw unpacksTooLarge(name, limits.maxUnpackedBytes)
    const stream = await promisify<Entry, NodeJS.ReadableStream>(zip.openReadStream.bind(zip))(entry).catch((error: unknown) => {
      throw damaged(error)
    })
    const chunks: Buffer[] = []
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        unpacked += chunk.length
        if (unpacked > limits.maxUnpackedBytes) throw unpacksTooLarge(name, limits.maxUnpackedBytes)
        chunks.push(chunk)
      }
    } catch (error) {
      if (error instanceof DossierError) throw error
      throw new DossierError('broken-file', `${name} is a damaged or hostile Word document: its part ${path} cannot be unpacked (${error instanceof Error ? error.message : String(error)}).`)
    } finally {
      ;(stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.()
    }
    return Buffer.concat(chunks)
  }

  // Every part read as text is XML: its nesting is checked before a parser sees it (./nesting).
  const readXml = async (path: string, encoding = 'utf-8'): Promise<string> => {
    const xml = new TextDecoder(encoding).decode(await inflate(path))
    if (nestingDepth(xml, 'xml', limits.maxNesting + 1) > limits.maxNesting) throw nestedTooDeeply(name)
    return xml
  }

  return {
    mammothFile: {
      exists: (path) => entries.has(path),
      // As mammoth's own openArrayBuffer reads: bytes, base64, or text in the given encoding.
      read: async (path, encoding) => {
        if (encoding && encoding !== 'base64') return readXml(path, encoding)
        const bytes = await inflate(path)
        return encoding === 'base64' ? bytes.toString('base64') : new Uint8Array(bytes)
      },
      write: () => {
        throw new Error('The Word document is opened read-only.')
      },
      toArrayBuffer: () => Promise.reject(new Error('The Word document is opened read-only.')),
    },
    readText: async (path) => (entries.has(path) ? readXml(path) : null),
  }
}

function unpacksTooLarge(name: string, max: number, detail?: string): DossierError {
  return new DossierError('too-large', `${name}: the document unpacks to more than ${megabytes(max)}${detail ? ` (${detail})` : ''}; Dossier refuses larger Word documents (a zip bomb or a damaged file?).`)
}

/** The package's entries by name, read one at a time; null as soon as there are more than `max`. */
function listEntries(zip: ZipFile, max: number): Promise<Map<string, Entry> | null> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>()
    zip.on('entry', (entry: Entry) => {
      if (entries.size >= max) {
        zip.close()
        return resolve(null)
      }
      entries.set(entry.fileName, entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve(entries))
    zip.on('error', reject)
    zip.readEntry()
  })
}
