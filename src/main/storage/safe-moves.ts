/**
 * Moving a notebook's files aside without ever replacing or losing one: used by
 * `dossier check --repair`. Every target name is free (a `-2`, `-3`… suffix otherwise),
 * and every move is made durable.
 */
import { mkdir, readFile, rename, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { syncDirectory, writeFileDurably } from './durable-write'

export const LOST_AND_FOUND_DIR = 'lost+found'

/** `lost+found/<file>`, or a free variant of it. */
export function lostAndFoundPath(dir: string, file: string): Promise<string> {
  return freePath(dir, `${LOST_AND_FOUND_DIR}/${file}`)
}

/** `NAME.corrupt-<timestamp>`, as the store names a damaged file it keeps. */
export function corruptPath(dir: string, nowIso: string, file: string): Promise<string> {
  return freePath(dir, `${file}.corrupt-${nowIso.replace(/[:.]/g, '-')}`)
}

/** `file`, or `file-2`, `file-3`… whichever does not exist yet: a move never replaces anything. */
export async function freePath(dir: string, file: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? file : `${file}-${n}`
    if (!(await exists(join(dir, candidate)))) return candidate
  }
}

/**
 * Keeps a damaged file's bytes as `aside` before it is replaced. A copy, not a rename: if
 * the replacement then fails, the file is still where it was rather than missing.
 */
export async function keepCopy(dir: string, file: string, aside: string): Promise<void> {
  if (await exists(join(dir, aside))) throw new Error(`${aside} already exists`)
  await writeFileDurably(join(dir, aside), await readFile(join(dir, file)))
}

/** Renames within the notebook (never over an existing file) and makes the rename durable. */
export async function moveTo(dir: string, from: string, to: string): Promise<void> {
  const target = join(dir, to)
  if (await exists(target)) throw new Error(`${to} already exists`)
  await mkdir(dirname(target), { recursive: true })
  await rename(join(dir, from), target)
  await syncDirectory(dirname(target))
  await syncDirectory(dirname(join(dir, from)))
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}
