/**
 * Durable file replacement: write a uniquely named temp file beside the target, fsync
 * it, rename it over the target, then fsync the directory so the rename itself survives
 * a power loss. Until this resolves nothing may report the data as saved.
 *
 * A write the disk refuses (full, read-only, permission denied) fails with its own
 * DossierError (`disk-full`, `read-only-disk`, `permission-denied`) naming the folder,
 * here once for every writer (notebook files, bodies, backups, briefings, exports), so
 * no caller reports it as an unexpected error. `diskError` is the same mapping for the
 * few writes that do not come through here (the CLI applies it to what reaches it raw).
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { DossierError, isDossierError } from '../../core/result'

/** How a whole file is replaced. The default is durable; tests inject others (the crash test's control). */
export type FileWriter = (target: string, data: string | Uint8Array) => Promise<void>

export interface DurableWriteOptions {
  /**
   * Checked once the temp file is written and synced, just before the rename: when it is
   * aborted the temp file is removed, the target is left untouched, and the signal's reason
   * is thrown (an export's cancel).
   */
  signal?: AbortSignal
  /** How the temp file is renamed over the target (an export maps a locked target's error; tests simulate one). */
  rename?: (from: string, to: string) => Promise<void>
  /**
   * 'best-effort': a failed directory fsync after the rename does not fail the write (an
   * export: the file is in place, and nothing else depends on it). Default 'required'.
   */
  directorySync?: 'required' | 'best-effort'
}

export async function writeFileDurably(target: string, data: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const dir = dirname(target)
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  let handle: Awaited<ReturnType<typeof open>> | undefined
  try {
    options.signal?.throwIfAborted()
    handle = await open(temp, 'wx')
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    options.signal?.throwIfAborted()
    await (options.rename ?? rename)(temp, target)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await rm(temp, { force: true }).catch(() => undefined)
    throw diskError(error, target) ?? error
  }
  if (options.directorySync === 'best-effort') await syncDirectory(dir).catch(() => undefined)
  else await syncDirectory(dir)
}

/**
 * Atomic but not durable replacement, for derived files (caches, analysis) that are
 * rebuilt whenever they are missing or damaged: a reader sees the old file or the new
 * one, never half of one, and the cost of fsync is not paid. After a power loss the file
 * may be missing or empty; its reader must treat that as "rebuild".
 */
export async function writeFileAtomically(target: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, data, { flag: 'wx' })
    await rename(temp, target)
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** System calls that only ever write: an EACCES from them is a refused write (not a read). */
const WRITING_CALLS = new Set(['mkdir', 'rename', 'unlink', 'rmdir', 'write', 'copyfile', 'link', 'symlink', 'fsync', 'ftruncate'])

/**
 * The DossierError for a write the disk refused, or null for any other error. `path` is
 * what was being written (default: the error's own path). Without `path`, an EACCES is
 * only taken as a refused write when its system call writes.
 */
export function diskError(error: unknown, path?: string): DossierError | null {
  if (isDossierError(error) || typeof error !== 'object' || error === null) return null
  const { code, syscall } = error as NodeJS.ErrnoException
  const target = path ?? (error as NodeJS.ErrnoException).path
  if (target === undefined) return null
  const dir = dirname(target)
  const name = basename(target)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new DossierError('disk-full', `The disk holding ${dir} is full${code === 'EDQUOT' ? ' (your quota is used up)' : ''}: ${name} could not be written, so nothing was changed. Free some space and try again.`)
    case 'EROFS':
      return new DossierError('read-only-disk', `The disk holding ${dir} is read-only: ${name} could not be written, so nothing was changed.`)
    case 'EACCES':
      if (path === undefined && !WRITING_CALLS.has(syscall ?? '')) return null
      return new DossierError('permission-denied', `You may not write in ${dir} (permission denied): ${name} could not be written, so nothing was changed. Check the folder's permissions.`)
    default:
      return null
  }
}

/** fsync on a directory is how POSIX makes a rename durable; Windows cannot open one, and does not need it. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
