/**
 * A derived cache of how many highlights each article has, and how many of them carry
 * each tag, so a notebook opens to its library, and the codebook lists its counts,
 * without reading every annotation file (10,000 articles hold ~60 MB of them).
 *
 * `highlight-counts.json` = { version, writtenAt (epoch ms), annotationsMtimeMs, counts }.
 * - When the annotations folder has not changed since the cache was written (every save
 *   replaces a file by rename, which changes the folder's mtime; the cache records that
 *   mtime after the saves it reflects), every count is trusted with one stat. Only when
 *   the clock is fine enough to tell saves apart: an mtime with a fraction of a
 *   millisecond, or one well before the cache was written.
 * - Otherwise a count is trusted for a file only when the file was last modified well
 *   before the cache was written (as git trusts its index by stat data); any file written
 *   since, or not in the cache, is read.
 * The cache is never the only copy of anything: lose it, damage it, or let it go stale
 * and opening simply reads more files. Only the writer (the lock holder) writes it.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { ArticleId, TagId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { writeFileAtomically } from './durable-write'
import { Debounced } from '../debounced'

export const COUNTS_FILE = 'highlight-counts.json'
export const COUNTS_VERSION = 2

/**
 * A cached count is trusted by file time only for files modified this long before the
 * cache was written. It covers a save that landed just before the snapshot was taken,
 * and file systems with coarse timestamps (FAT: 2 s).
 */
export const TRUST_MARGIN_MS = 5_000

/** One article's highlights, counted: all of them, and per tag (each highlight counted once per tag). */
export interface ArticleCounts {
  highlights: number
  tags: ReadonlyMap<TagId, number>
}

const CountsSchema = z.object({
  version: z.literal(COUNTS_VERSION),
  writtenAt: z.number(),
  annotationsMtimeMs: z.number().nullable(),
  /**
   * articleId -> [highlights, tagId, count, tagId, count, …]. Each row is checked when it
   * is used (decode): validating 10,000 rows up front cost ~90 ms of every command's start.
   */
  counts: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
})

export function countHighlights(highlights: readonly Highlight[]): ArticleCounts {
  const tags = new Map<TagId, number>()
  for (const h of highlights) for (const id of new Set(h.tagIds)) tags.set(id, (tags.get(id) ?? 0) + 1)
  return { highlights: highlights.length, tags }
}

export interface CountPlan {
  /** Counts taken from the cache. */
  trusted: Map<ArticleId, ArticleCounts>
  /** Annotation files that must be read. */
  stale: ArticleId[]
}

/** Splits the articles that have annotation files into trusted cached counts and files to read. */
export async function planCounts(dir: string, annotationsDir: string, articleIds: readonly ArticleId[]): Promise<CountPlan> {
  const cache = await readCache(dir)
  const trusted = new Map<ArticleId, ArticleCounts>()
  const stale: ArticleId[] = []
  const cached = (id: ArticleId) => (cache && Object.hasOwn(cache.counts, id) ? decode(cache.counts[id]!) : undefined)
  const folder = await stat(join(dir, annotationsDir)).catch(() => null)
  if (!folder) return { trusted, stale } // no annotations at all
  if (cache && folderUnchanged(folder.mtimeMs, cache)) {
    // Nothing was saved since the cache: an article it does not list has no annotation file.
    for (const id of articleIds) {
      const counts = cached(id)
      if (counts) trusted.set(id, counts)
      else if (cache.counts[id] !== undefined && Object.hasOwn(cache.counts, id)) stale.push(id) // listed, but not a row: read the file
    }
    return { trusted, stale }
  }
  // Bounded parallel stats: 10,000 files take ~0.2 s even on a busy machine.
  for (let i = 0; i < articleIds.length; i += 128) {
    const batch = articleIds.slice(i, i + 128)
    const stats = await Promise.all(batch.map((id) => stat(join(dir, annotationsDir, `${id}.json`)).catch(() => null)))
    batch.forEach((id, k) => {
      const info = stats[k]
      if (!info) return // no annotation file: no highlights
      const counts = cached(id)
      if (cache && counts && info.mtimeMs < cache.writtenAt - TRUST_MARGIN_MS) trusted.set(id, counts)
      else stale.push(id)
    })
  }
  return { trusted, stale }
}

function folderUnchanged(mtimeMs: number, cache: z.infer<typeof CountsSchema>): boolean {
  if (cache.annotationsMtimeMs === null || mtimeMs !== cache.annotationsMtimeMs) return false
  return mtimeMs % 1 !== 0 || mtimeMs < cache.writtenAt - TRUST_MARGIN_MS
}

/**
 * Writes the cache. `counts` must reflect every save that completed before `annotationsMtimeMs`
 * was read (the caller reads it first, then waits for the saves in flight, then snapshots).
 */
export async function writeCountsCache(dir: string, counts: ReadonlyMap<ArticleId, ArticleCounts>, annotationsMtimeMs: number | null): Promise<void> {
  const encoded: Record<string, (string | number)[]> = {}
  for (const [id, c] of counts) encoded[id] = [c.highlights, ...[...c.tags].flat()]
  const cache: z.infer<typeof CountsSchema> = { version: COUNTS_VERSION, writtenAt: Date.now(), annotationsMtimeMs, counts: encoded }
  await writeFileAtomically(join(dir, COUNTS_FILE), JSON.stringify(cache))
}

/** The annotations folder's mtime, or null when it cannot be read. */
export async function annotationsMtime(dir: string, annotationsDir: string): Promise<number | null> {
  return (await stat(join(dir, annotationsDir)).catch(() => null))?.mtimeMs ?? null
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0

/** A cached row, or undefined when it is not one (the article's file is then read). */
function decode(row: unknown): ArticleCounts | undefined {
  if (!Array.isArray(row)) return undefined
  const [highlights, ...rest] = row as unknown[]
  if (!isCount(highlights) || rest.length % 2 !== 0) return undefined
  const tags = new Map<TagId, number>()
  for (let i = 0; i < rest.length; i += 2) {
    const id = rest[i]
    const n = rest[i + 1]
    if (typeof id !== 'string' || !isCount(n)) return undefined
    tags.set(id as TagId, n)
  }
  return { highlights, tags }
}

async function readCache(dir: string): Promise<z.infer<typeof CountsSchema> | null> {
  try {
    const parsed = CountsSchema.safeParse(JSON.parse(await readFile(join(dir, COUNTS_FILE), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Writes the cache two seconds after the last change, and on close (NotebookStore).
 * `snapshot` waits for the saves in flight, then copies the counts: the folder's mtime is
 * read first, so any save the snapshot misses renames its file after that mtime. A
 * read-only open writes it too (it is derived, written atomically and checked against
 * that mtime, like the search index), so after a copy or a sync of the notebook only the
 * first command reads every annotation file. `snapshot` gives null when the counts are not
 * complete (a read-only open skipped a damaged file): nothing is written then.
 */
export class CountsCacheWriter {
  #dirty = false
  readonly #save = new Debounced(() => void this.flush().catch(() => undefined))

  constructor(
    private readonly dir: string,
    private readonly annotationsDir: string,
    private readonly snapshot: () => Promise<ReadonlyMap<ArticleId, ArticleCounts> | null>,
  ) {}

  changed(): void {
    this.#dirty = true
    this.#save.schedule(2_000)
  }

  /** Marks the cache out of date without scheduling a write (opening found stale files). */
  markDirty(dirty: boolean): void {
    this.#dirty = dirty
  }

  async flush(): Promise<void> {
    this.#save.cancel()
    if (!this.#dirty) return
    this.#dirty = false
    const mtime = await annotationsMtime(this.dir, this.annotationsDir)
    const counts = await this.snapshot()
    if (counts === null) return
    // A cache, not data: failing to write it only makes the next open read more files.
    await writeCountsCache(this.dir, counts, mtime).catch(() => {
      this.#dirty = true
    })
  }
}
