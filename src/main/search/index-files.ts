/**
 * The search index on disk, `<notebook>/search-index/` (a cache, never notebook data):
 * - `head.json`: the index's head (src/core/search/persist.ts), the names of the files
 *   holding its word filters and each shard of terms, and the notebook state it reflects;
 * - `filters-<hash>.bin`: the word filters (Uint32 words, little-endian);
 * - `t-<key>-<hash>.json`: one shard of terms each.
 * Data files are named by a hash of their content and never change, so a writer writes
 * only the shards that changed, and a reader holding one head reads a consistent index even
 * while another process writes the next one: head.json is replaced atomically last, and
 * files a head no longer names are removed only once they are old (a reader that meets a
 * missing file reads the new head again). Any process may write it: the app, and the CLI
 * after bringing it up to date (decision: a cache written atomically and fingerprinted).
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { IndexParts, ShardEntries, ShardLoader } from '../../core/search'
import { writeFileAtomically } from '../storage/durable-write'
import { ANNOTATIONS_DIR, CATALOG_FILE } from '../storage/layout'

export const SEARCH_DIR = 'search-index'
/** The single-file index of earlier versions, removed when the new one is written. */
export const OLD_SEARCH_FILE = 'search-index.json'
const HEAD_FILE = 'head.json'
/** Files no head names are removed once older than this (a reader may still be reading them). */
const STALE_FILE_MS = 10 * 60_000
/** A notebook file whose mtime is this much older than the index is trusted even on coarse clocks (FAT: 2 s). */
const TRUST_MARGIN_MS = 5_000

/** What the notebook was when the index was written: saves change these (they replace files by rename). */
export interface NotebookState {
  catalog: { mtimeMs: number; size: number } | null
  annotationsMtimeMs: number | null
}

export interface IndexFiles {
  filters: string
  shards: Record<string, string>
}

interface HeadFile {
  writtenAt: number
  notebook: NotebookState
  files: IndexFiles
  index: unknown
}

export async function notebookState(dir: string): Promise<NotebookState> {
  const [catalog, annotations] = await Promise.all([stat(join(dir, CATALOG_FILE)).catch(() => null), stat(join(dir, ANNOTATIONS_DIR)).catch(() => null)])
  return { catalog: catalog ? { mtimeMs: catalog.mtimeMs, size: catalog.size } : null, annotationsMtimeMs: annotations?.mtimeMs ?? null }
}

/**
 * Whether the notebook is as it was when the index was written: the same catalog (mtime
 * and size) and annotations folder (mtime). Only when mtimes are fine enough to tell saves
 * apart: a fraction of a millisecond, or well before the index was written.
 */
export function unchangedSince(then: NotebookState, now: NotebookState, writtenAt: number): boolean {
  const fine = (t: number) => t % 1 !== 0 || t < writtenAt - TRUST_MARGIN_MS
  if (then.catalog === null || now.catalog === null || then.catalog.mtimeMs !== now.catalog.mtimeMs || then.catalog.size !== now.catalog.size) return false
  if (then.annotationsMtimeMs !== now.annotationsMtimeMs) return false
  return fine(now.catalog.mtimeMs) && (now.annotationsMtimeMs === null || fine(now.annotationsMtimeMs))
}

/** `written`: head.json is the very text a build of this process wrote (its digest matched), so its rows need no check. */
export type ReadIndex = { ok: true; head: unknown; filters: Uint32Array; files: IndexFiles; notebook: NotebookState; writtenAt: number; written: boolean } | { ok: false; missing: boolean }

/** Bytes decoded (and hashed) between two turns of the event loop (`readIndexFiles` in slices). */
const DIGEST_SLICE = 1 << 20

/**
 * The saved head and filters (shards are read on demand), or why not. Never throws.
 * `parse` reads head.json's text (JSON.parse; the app's main thread parses it in slices).
 * `turn`: the head's bytes are decoded (and hashed) a megabyte at a time with a turn of
 * the event loop between (at 10,000 articles, decoding its 8 MB at once took 40 ms).
 * `trust`: the digest of a head this process just wrote (`WrittenHead`).
 */
export async function readIndexFiles(dir: string, parse: (text: string) => unknown = JSON.parse, options: { turn?: () => Promise<void>; trust?: string } = {}): Promise<ReadIndex> {
  const folder = join(dir, SEARCH_DIR)
  const turn = options.turn ?? (() => Promise.resolve())
  for (let attempt = 0; attempt < 2; attempt++) {
    const bytes = await readFile(join(folder, HEAD_FILE)).catch(() => null)
    if (bytes === null) return { ok: false, missing: true }
    const { text, digest } = options.turn ? await decodeInSlices(bytes, options.trust !== undefined, turn) : { text: bytes.toString('utf8'), digest: options.trust === undefined ? null : sha256(bytes) }
    const written = options.trust !== undefined && digest === options.trust
    let head: HeadFile
    try {
      head = (await parse(text)) as HeadFile
      if (typeof head.files?.filters !== 'string' || typeof head.files.shards !== 'object' || head.files.shards === null) return { ok: false, missing: false }
    } catch {
      return { ok: false, missing: false }
    }
    const words = await readFile(join(folder, head.files.filters)).catch(() => null)
    // Replaced meanwhile by another writer: read the new head.
    if (words === null) continue
    if (words.byteLength % 4 !== 0) return { ok: false, missing: false }
    // A view of the bytes read where they are aligned (a file this large has a buffer of its own), not a 20 MB copy.
    const filters = words.byteOffset % 4 === 0 ? new Uint32Array(words.buffer, words.byteOffset, words.byteLength / 4) : new Uint32Array(words.buffer.slice(words.byteOffset, words.byteOffset + words.byteLength))
    return { ok: true, head: head.index, filters, files: head.files, notebook: head.notebook, writtenAt: head.writtenAt, written }
  }
  return { ok: false, missing: false }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/** The bytes as text (what Buffer#toString('utf8') gives), and their sha256 if asked, a slice at a time with a turn between. */
export async function decodeInSlices(bytes: Buffer, hashed: boolean, turn: () => Promise<void>): Promise<{ text: string; digest: string | null }> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
  const hash = hashed ? createHash('sha256') : null
  const pieces: string[] = []
  for (let at = 0; at < bytes.length; at += DIGEST_SLICE) {
    const slice = bytes.subarray(at, at + DIGEST_SLICE)
    hash?.update(slice)
    pieces.push(decoder.decode(slice, { stream: at + DIGEST_SLICE < bytes.length }))
    await turn()
  }
  return { text: pieces.join(''), digest: hash?.digest('hex') ?? null }
}


/** Reads shards by key; throws when one is missing or malformed (the caller rebuilds). */
export function shardLoader(dir: string, files: IndexFiles): ShardLoader {
  return (keys) =>
    Promise.all(
      keys.map(async (key) => {
        const name = Object.hasOwn(files.shards, key) ? files.shards[key] : undefined
        if (name === undefined) return []
        const entries = JSON.parse(await readFile(join(dir, SEARCH_DIR, name), 'utf8')) as ShardEntries
        if (!Array.isArray(entries)) throw new Error(`${name} is not a shard of the search index`)
        return entries
      }),
    )
}

/** Writes content-named data files into the index folder (a file already there is kept: same name, same content). */
async function dataWriter(dir: string): Promise<DataWriter> {
  const folder = join(dir, SEARCH_DIR)
  await mkdir(folder, { recursive: true })
  const names = new Set(await readdir(folder).catch(() => [] as string[]))
  const put = async (prefix: string, ext: string, data: string | Uint8Array) => {
    const name = `${prefix}-${createHash('sha256').update(data).digest('hex').slice(0, 20)}.${ext}`
    if (!names.has(name)) await writeFileAtomically(join(folder, name), data)
    names.add(name)
    return name
  }
  return { put, names }
}

interface DataWriter {
  /** Writes a data file named `<prefix>-<hash of data>.<ext>` unless it is there; returns its name. */
  put: (prefix: string, ext: string, data: string | Uint8Array) => Promise<string>
  /** The files in the folder (and those written since). */
  names: ReadonlySet<string>
}

/** The file name prefix of a shard. */
const shardPrefix = (key: string) => `t-${hexOf(key)}`

/**
 * Writes the index: the shards in `parts` (the rest are as `previous` names them), the
 * filters, then head.json last. Returns the files the new head names.
 */
export async function writeIndexFiles(dir: string, parts: IndexParts, previous: IndexFiles | null, notebook: NotebookState): Promise<IndexFiles> {
  const writer = await dataWriter(dir)
  const { put, names } = writer
  const shards: Record<string, string> = {}
  for (const key of parts.head.shards) {
    const entries = parts.shards.get(key)
    const kept = previous && Object.hasOwn(previous.shards, key) ? previous.shards[key] : undefined
    // Unchanged and still on disk: keep it; else (changed, new, or removed meanwhile) write it,
    // one shard in memory at a time (a shard of `dirty` is read and merged now).
    if (entries === undefined && !parts.dirty?.has(key) && kept !== undefined && names.has(kept)) shards[key] = kept
    else shards[key] = await put(shardPrefix(key), 'json', entries === undefined && parts.shardBytes ? parts.shardBytes(key) : JSON.stringify(entries ?? (await parts.shard(key))))
  }
  return (await headFiles(dir, writer, parts.head, parts.filters, shards, notebook)).files
}

/** Writes these shards of a new index (`bytes`: each one's JSON as UTF-8), one at a time; returns their file names by key. */
export async function writeShardFiles(dir: string, keys: readonly string[], bytes: (key: string) => Uint8Array): Promise<Record<string, string>> {
  const { put } = await dataWriter(dir)
  const shards: Record<string, string> = Object.create(null) as Record<string, string>
  for (const key of keys) shards[key] = await put(shardPrefix(key), 'json', bytes(key))
  return shards
}

/**
 * Writes the filters and then head.json, which names them and the shards (written before),
 * and removes the files no head needs any more. Returns the files the new head names.
 */
export async function writeHeadFiles(dir: string, index: IndexParts['head'], filterWords: Uint32Array, shardFiles: Record<string, string>, notebook: NotebookState): Promise<WrittenHead> {
  const shards: Record<string, string> = {}
  for (const key of index.shards) {
    const name = Object.hasOwn(shardFiles, key) ? shardFiles[key] : undefined
    if (name === undefined) throw new Error(`The search index's shard ${JSON.stringify(key)} was not written.`)
    shards[key] = name
  }
  return headFiles(dir, await dataWriter(dir), index, filterWords, shards, notebook)
}

/** What writing a head wrote: the files it names, and the sha256 of its text (`readIndexFiles`' `trust`). */
export interface WrittenHead {
  files: IndexFiles
  digest: string
}

async function headFiles(dir: string, { put }: DataWriter, index: IndexParts['head'], filterWords: Uint32Array, shards: Record<string, string>, notebook: NotebookState): Promise<WrittenHead> {
  const folder = join(dir, SEARCH_DIR)
  const filters = await put('filters', 'bin', new Uint8Array(filterWords.buffer, filterWords.byteOffset, filterWords.byteLength))
  const files: IndexFiles = { filters, shards }
  const head: HeadFile = { writtenAt: Date.now(), notebook, files, index }
  const text = JSON.stringify(head)
  await writeFileAtomically(join(folder, HEAD_FILE), text)
  await rm(join(dir, OLD_SEARCH_FILE), { force: true }).catch(() => undefined)
  await removeStaleFiles(folder, new Set([HEAD_FILE, filters, ...Object.values(shards)]))
  return { files, digest: createHash('sha256').update(text).digest('hex') }
}

/** Data files the current head does not name, once they are old enough that no reader can still need them. */
async function removeStaleFiles(folder: string, keep: ReadonlySet<string>): Promise<void> {
  const now = Date.now()
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (keep.has(name) || name.startsWith('.')) continue
    const info = await stat(join(folder, name)).catch(() => null)
    if (info && now - info.mtimeMs > STALE_FILE_MS) await rm(join(folder, name), { force: true }).catch(() => undefined)
  }
}

function hexOf(key: string): string {
  let out = ''
  for (let i = 0; i < key.length; i++) out += key.charCodeAt(i).toString(16).padStart(4, '0')
  return out
}
