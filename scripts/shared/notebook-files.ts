/**
 * A notebook folder as files, for the benchmarks: listing, copying a cached notebook to a
 * fresh working copy (so measuring never changes the cache) and what it takes on disk.
 * Nothing here knows the notebook's layout beyond "files named by their sha256 never
 * change", so it keeps working when the layout does.
 */
import { copyFile, link, mkdir, readdir, stat, utimes } from 'node:fs/promises'
import { basename, dirname, join, relative } from 'node:path'

/** Every file under `dir`, relative to `base`. */
export async function walk(dir: string, base = dir): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...(await walk(full, base)))
    else if (entry.isFile()) found.push(relative(base, full))
  }
  return found
}

/** Files named by their sha256 (bodies/, originals/): immutable, safe to hard-link. */
export const CONTENT_ADDRESSED = /^[0-9a-f]{64}(\.[A-Za-z0-9]+)?$/

export async function linkOrCopy(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true })
  await link(from, to).catch(() => copyFile(from, to))
}

/** A fresh working copy of a cached notebook: content-addressed files hard-linked, the rest copied. */
export async function freshCopy(from: string, to: string): Promise<void> {
  for (const rel of await walk(from)) {
    if (basename(rel) === '.lock') continue
    if (CONTENT_ADDRESSED.test(basename(rel))) await linkOrCopy(join(from, rel), join(to, rel))
    else {
      await mkdir(dirname(join(to, rel)), { recursive: true })
      await copyFile(join(from, rel), join(to, rel))
      // Keep modification times, as `cp -p` would: the copy stands for the same notebook
      // at rest, and opening may trust derived caches by file times.
      const info = await stat(join(from, rel))
      await utimes(join(to, rel), info.atime, info.mtime)
    }
  }
}

export interface DiskUsage {
  /** Bytes allocated on disk. */
  allocated: number
  /** Bytes of all .json files. */
  json: number
  largestJson: number
  files: number
  /** Bytes per top-level entry (a file, or a folder's files added up), e.g. catalog.json, bodies. */
  byEntry: Map<string, number>
}

export async function diskUsage(dir: string): Promise<DiskUsage> {
  const usage: DiskUsage = { allocated: 0, json: 0, largestJson: 0, files: 0, byEntry: new Map() }
  for (const rel of await walk(dir)) {
    const info = await stat(join(dir, rel))
    usage.files++
    usage.allocated += info.blocks * 512
    const top = rel.split(/[\\/]/)[0]!
    usage.byEntry.set(top, (usage.byEntry.get(top) ?? 0) + info.size)
    if (rel.endsWith('.json')) {
      usage.json += info.size
      usage.largestJson = Math.max(usage.largestJson, info.size)
    }
  }
  return usage
}
