/**
 * Checks that come before any format is looked at: the file name, the size (before the
 * bytes are read), and reading itself, each failure a DossierError with a specific code.
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { DossierError } from '../../core/result'

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export function tooLargeError(name: string, size: number): DossierError {
  return new DossierError('too-large', `${name} is ${(size / 1024 / 1024).toFixed(1)} MB; Dossier imports files up to 50 MB.`)
}

/**
 * A dropped file carries only a name, which must be a plain file name: no control
 * characters, no path separators, not `.` or `..`, not empty.
 */
export function checkFileName(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (name.trim().length === 0 || /[\u0000-\u001f\u007f-\u009f]/.test(name) || /[\\/]/.test(name) || name === '.' || name === '..') {
    throw new DossierError(
      'bad-file-name',
      `The file name ${JSON.stringify(name)} is empty or contains control characters or path separators; rename the file and import it again.`,
    )
  }
}

/** Reads a file to import, refusing it before reading when it is over the size limit. */
export async function readImportFile(path: string): Promise<{ name: string; bytes: Uint8Array }> {
  const name = basename(path)
  const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
    throw readError(path, e)
  })
  if (info.isDirectory()) throw new DossierError('unreadable', `${path} is a folder, not a file.`)
  if (!info.isFile()) throw new DossierError('unreadable', `${path} is not a regular file (a device, socket or pipe cannot be imported).`)
  if (info.size > MAX_IMPORT_BYTES) throw tooLargeError(name, info.size)
  const buffer = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    throw readError(path, e)
  })
  // The file may have grown between stat and read.
  if (buffer.length > MAX_IMPORT_BYTES) throw tooLargeError(name, buffer.length)
  return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length) }
}

function readError(path: string, e: NodeJS.ErrnoException): DossierError {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') return new DossierError('not-found', `No such file: ${path}`)
  if (e.code === 'EACCES' || e.code === 'EPERM') return new DossierError('unreadable', `Cannot read ${path}: permission denied.`)
  if (e.code === 'EISDIR') return new DossierError('unreadable', `${path} is a folder, not a file.`)
  return new DossierError('unreadable', `Cannot read ${path} (${e.code ?? e.message}).`)
}
