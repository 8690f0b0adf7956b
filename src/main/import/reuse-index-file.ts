/**
 * The notebook's text-reuse index on disk (`reuse-index.bin`, src/core/analysis/
 * reuse-index.ts): a derived cache, written atomically by the writer after each import
 * step, with a sha256 of its bytes at the end. Missing, damaged, of another format or out
 * of step with the catalog, it is brought up to date from the articles' analysis files
 * (fingerprints are computed from the bodies where the notebook has none yet, as after a
 * migration from format 3), never trusted blindly and never reported as damage.
 */
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { FINGERPRINT_VERSION } from '../../core/analysis/fingerprint'
import { entryOf, ReuseIndex } from '../../core/analysis/reuse-index'
import { fingerprintOfArticle } from '../library/article-analysis'
import { writeFileAtomically } from '../storage/durable-write'
import type { NotebookStore } from '../storage/notebook-store'

export const REUSE_INDEX_FILE = 'reuse-index.bin'
const HASH_BYTES = 32

/** The index file's content, or null when it is missing or cannot be used. */
export async function readReuseIndex(dir: string): Promise<ReuseIndex | null> {
  const bytes = await readFile(join(dir, REUSE_INDEX_FILE)).catch(() => null)
  if (!bytes || bytes.length < HASH_BYTES) return null
  const payload = bytes.subarray(0, bytes.length - HASH_BYTES)
  const stated = bytes.subarray(bytes.length - HASH_BYTES)
  if (!createHash('sha256').update(payload).digest().equals(stated)) return null
  try {
    return ReuseIndex.fromBytes(payload, FINGERPRINT_VERSION)
  } catch {
    return null
  }
}

export async function writeReuseIndex(dir: string, index: ReuseIndex): Promise<void> {
  const payload = index.toBytes(FINGERPRINT_VERSION)
  const hash = createHash('sha256').update(payload).digest()
  await writeFileAtomically(join(dir, REUSE_INDEX_FILE), Buffer.concat([payload, hash]))
}

/**
 * The index in step with the catalog: articles it lacks are added (from their analysis,
 * computed from the body where needed; `onProgress` is told how far that got), articles
 * no longer in the catalog are dropped. Returns whether anything changed.
 */
export async function syncReuseIndex(
  store: NotebookStore,
  index: ReuseIndex,
  onProgress?: (done: number, total: number) => void,
): Promise<boolean> {
  const inCatalog = new Set<string>(store.articles.map((a) => a.id))
  let changed = false
  for (const id of index.ids()) {
    if (!inCatalog.has(id)) {
      index.remove(id)
      changed = true
    }
  }
  const missing = store.articles.filter((a) => !index.has(a.id))
  for (let i = 0; i < missing.length; i++) {
    if (i % 50 === 0) onProgress?.(i, missing.length)
    const article = missing[i]!
    const fp = await fingerprintOfArticle(store, article)
    if (fp) index.add(entryOf(article.id, fp))
    changed = true
  }
  if (missing.length > 0) onProgress?.(missing.length, missing.length)
  return changed
}

/** A session's reuse index: read once, brought in step with the catalog at each use, saved after an import. */
export class ReuseIndexCache {
  #index: Promise<ReuseIndex> | null = null

  constructor(private readonly store: NotebookStore) {}

  async current(onProgress?: (done: number, total: number) => void): Promise<ReuseIndex> {
    this.#index ??= readReuseIndex(this.store.dir).then((read) => read ?? new ReuseIndex())
    const index = await this.#index
    await syncReuseIndex(this.store, index, onProgress)
    return index
  }

  save(index: ReuseIndex): Promise<void> {
    return writeReuseIndex(this.store.dir, index)
  }
}
