/**
 * Checks an export target before any work is done, and turns file-system errors from
 * writing it into messages a user can act on. The writer itself (temp file + rename)
 * guarantees nothing half-written is left at the target.
 */
import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import { DossierError, isDossierError } from '../core/result'

/** Characters Windows refuses in file names; refused everywhere so a briefing can travel. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const RESERVED = /[<>:"|?*\u0000-\u001f]/
const RESERVED_NAMES = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

export async function checkExportTarget(outPath: string): Promise<void> {
  const name = basename(outPath)
  if (name.length === 0 || RESERVED.test(name) || RESERVED_NAMES.test(name) || /[. ]$/.test(name)) {
    throw new DossierError('bad-request', `"${name}" cannot be used as a file name (reserved characters or name); choose another name.`)
  }
  const dir = dirname(outPath)
  const info = await stat(dir).catch(() => null)
  if (!info || !info.isDirectory()) throw new DossierError('write-failed', `Cannot export to ${outPath}: the folder ${dir} does not exist.`)
  await access(dir, constants.W_OK).catch(() => {
    throw new DossierError('write-failed', `Cannot export to ${outPath}: the folder ${dir} is not writable.`)
  })
  const existing = await stat(outPath).catch(() => null)
  if (existing?.isDirectory()) throw new DossierError('write-failed', `Cannot export to ${outPath}: it is a folder.`)
}

export function mapExportError(error: unknown, outPath: string): Error {
  if (isDossierError(error)) return error
  const code = (error as NodeJS.ErrnoException).code
  const reasons: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EBUSY: 'the file is open in another program; close it and export again',
    EISDIR: 'it is a folder',
  }
  const reason = (code && reasons[code]) ?? (error as Error).message
  return new DossierError('write-failed', `Could not write the briefing to ${outPath}: ${reason}. Nothing was written there.`)
}
