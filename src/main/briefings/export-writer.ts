/**
 * Writing an export file so that a failure or a cancel leaves nothing at the target: the
 * notebook's durable write (temp file in the target folder, fsync, rename; any failure
 * removes the temp file), with the export's cancel and error messages. Also the checks that
 * name exactly what is wrong with a target name, the message for a target another program
 * holds, and the file extension each format gets.
 */
import { rename } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { ExportFormat } from '../../core/api'
import { DossierError } from '../../core/result'
import { writeFileDurably } from '../storage/durable-write'
import { mapExportError } from '../export-target'

export const CANCELED_MESSAGE = 'Export cancelled; nothing was written.'

export function canceledError(): DossierError {
  return new DossierError('canceled', CANCELED_MESSAGE)
}

export function throwIfCanceled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw canceledError()
}

const RESERVED_CHARACTERS = new Set(['<', '>', ':', '"', '|', '?', '*'])
const RESERVED_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i

/**
 * Refuses file names Windows cannot hold (so an export can travel to any machine), naming
 * the offending character or name.
 */
export function checkTargetName(outPath: string): void {
  const name = basename(outPath)
  for (const char of name) {
    const code = char.codePointAt(0)!
    if (code < 0x20 || code === 0x7f) {
      throw new DossierError('bad-request', `The file name "${printable(name)}" contains a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}); choose another name.`)
    }
    if (RESERVED_CHARACTERS.has(char)) {
      throw new DossierError('bad-request', `The file name "${name}" contains the character ${char}, which file names cannot hold on Windows; choose another name.`)
    }
  }
  const reserved = RESERVED_NAMES.exec(name)
  if (reserved) {
    throw new DossierError('bad-request', `The file name "${name}" uses the reserved device name ${reserved[1]!.toUpperCase()}, which Windows refuses; choose another name.`)
  }
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is shown escaped
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Errors of replacing a file that another program holds open (Windows refuses the rename). */
const LOCKED_CODES = new Set(['EBUSY', 'EPERM', 'EACCES'])

/** The error for a failed rename onto the target. */
export function renameError(error: unknown, outPath: string): Error {
  const code = (error as NodeJS.ErrnoException).code
  if (code && LOCKED_CODES.has(code)) {
    return new DossierError(
      'export-failed',
      `Could not replace ${outPath}: the file may be open in another program (${code}). Close it there and export again; nothing was changed at the target.`,
    )
  }
  return mapExportError(error, outPath)
}

/** How the pieces of a write are done; tests replace `rename` to simulate a locked target. */
export interface ExportFs {
  rename: (from: string, to: string) => Promise<void>
}

const defaultFs: ExportFs = { rename }

/**
 * Writes `data` to `outPath` through a temp file beside it (writeFileDurably). A cancel
 * before the rename, or any failure, removes the temp file and leaves the target untouched.
 */
export async function writeExportFile(outPath: string, data: string | Uint8Array, signal?: AbortSignal, fs: ExportFs = defaultFs): Promise<void> {
  throwIfCanceled(signal)
  const renameOnto = async (from: string, to: string) => {
    try {
      await fs.rename(from, to)
    } catch (error) {
      throw renameError(error, outPath)
    }
  }
  try {
    // The file is in place once renamed; making the rename itself durable is best effort.
    await writeFileDurably(outPath, data, { signal, rename: renameOnto, directorySync: 'best-effort' })
  } catch (error) {
    if (signal?.aborted) throw canceledError()
    throw mapExportError(error, outPath)
  }
}

/** The extensions a file of each format may have; the first is the one added when missing. */
export const FORMAT_EXTENSIONS: Record<ExportFormat, readonly string[]> = {
  pdf: ['.pdf'],
  md: ['.md', '.markdown'],
  csv: ['.csv'],
  w3c: ['.jsonld', '.json'],
}

/**
 * The target with the format's extension: unchanged when it already has one of them (any
 * case), otherwise with the first appended ("brief" or "brief.txt" as Markdown become
 * "brief.md" and "brief.txt.md"), so opening the file starts the right program.
 */
export function withFormatExtension(outPath: string, format: ExportFormat): string {
  const allowed = FORMAT_EXTENSIONS[format]
  if (allowed.includes(extname(outPath).toLowerCase())) return outPath
  // Trailing dots and spaces would make "brief." into "brief..md" (and Windows drops them anyway).
  const stem = basename(outPath).replace(/[. ]+$/, '') || 'briefing'
  return `${outPath.slice(0, outPath.length - basename(outPath).length)}${stem}${allowed[0]}`
}
