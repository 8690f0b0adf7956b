/**
 * The work of the index worker (./index-worker.ts), as plain functions: the host runs them
 * in this thread when no built worker script exists (./build-in-worker.ts), with the same
 * result and the same bounded memory, only on the calling thread.
 *
 * Files are read synchronously: a worker has nothing else to do meanwhile, and at 10,000
 * articles (20,000 files) the thread pool's round trips of asynchronous reads cost ten
 * times the reading (4 s of CPU against 0.4 s, measured).
 */
import { buildMatcher, type Entity, type EntityMatcher } from '../../core/entities'
import { highlightInput } from '../../core/search/doc-store'
import { IndexBuilder, type Alloc, type BuilderScratch, type IndexPart } from '../../core/search/index-builder'
import { mergeHead, mergeParts, mergeTerms, type PartHead, type PartTerms } from '../../core/search/merge-parts'
import type { ArticleInput, HighlightInput, TextRange } from '../../core/search/types'
import { readBodyFileSync, readFurnitureFileSync, readHighlightsFileSync } from '../storage/content-files'
import { writeHeadFiles, writeIndexFiles, writeShardFiles, type IndexFiles, type NotebookState, type WrittenHead } from './index-files'

export interface IndexArticle extends ArticleInput {
  /** Named when a furniture must be recomputed (an analysis file missing or damaged). */
  fileName: string
}

/** A body as the index reads it: an unreadable one is indexed by its title (`dossier check` reports it). */
function bodyOf(dir: string, hash: string): string {
  try {
    return readBodyFileSync(dir, hash)
  } catch {
    return ''
  }
}

/** The analysis' furniture ranges; recomputed from the text when its file is missing or damaged, none if even that fails. */
async function furnitureOf(dir: string, article: IndexArticle, text: string): Promise<readonly TextRange[]> {
  const stored = readFurnitureFileSync(dir, article.bodyHash)
  if (stored !== null) return stored
  try {
    const { analyseText } = await import('../../core/analysis/analyse')
    return analyseText(text, { fileName: article.fileName }).furniture
  } catch {
    return []
  }
}

/** How a thread builds its parts: the builder's arrays it reuses, and where a part's arrays go. */
export interface PartMemory {
  scratch?: BuilderScratch
  alloc?: Alloc
}

export async function buildPart(dir: string, firstId: number, articles: readonly IndexArticle[], highlights: readonly HighlightInput[], memory: PartMemory = {}): Promise<IndexPart> {
  const builder = new IndexBuilder(firstId, memory.scratch)
  try {
    for (const article of articles) {
      const text = bodyOf(dir, article.bodyHash)
      builder.addArticle(article, text, text === '' ? [] : await furnitureOf(dir, article, text))
    }
    for (const h of highlights) builder.addHighlight(h)
    return builder.part(memory.alloc)
  } catch (error) {
    // The scratch goes to the thread's next part all the same.
    memory.scratch?.release()
    throw error
  }
}

/**
 * The part of the highlights of these articles (in this order, from short id `firstId`),
 * read from their annotation files; null when a file needs the store (damaged or
 * unreadable: readHighlightsFileSync), which the host then asks for every highlight.
 */
export function buildHighlightsPart(dir: string, firstId: number, articleIds: readonly string[], memory: PartMemory = {}): Promise<IndexPart> | null {
  const highlights: HighlightInput[] = []
  for (const id of articleIds) {
    const read = readHighlightsFileSync(dir, id)
    if (read === null) return null
    for (const h of read) highlights.push(highlightInput(h))
  }
  return buildPart(dir, firstId, [], highlights, memory)
}

/** Writes the index the parts make, all in this thread (where no worker runs the jobs). */
export function writeParts(dir: string, parts: readonly IndexPart[], state: NotebookState): Promise<IndexFiles> {
  return writeIndexFiles(dir, mergeParts(parts), null, state)
}

/**
 * Writes share `share` of `shares` of the shards of the index the parts make (each job of
 * a build finds the same shares: runs of the sorted keys with about as many postings
 * each); returns their file names by key.
 */
export function writeShards(dir: string, parts: readonly PartTerms[], share: number, shares: number): Promise<Record<string, string>> {
  const terms = mergeTerms(parts)
  const total = terms.keys.reduce((n, key) => n + terms.postings(key), 0)
  const mine: string[] = []
  let before = 0
  for (const key of terms.keys) {
    // A shard goes to the share its middle posting falls in.
    const middle = before + terms.postings(key) / 2
    if (Math.min(shares - 1, Math.floor((middle * shares) / Math.max(1, total))) === share) mine.push(key)
    before += terms.postings(key)
  }
  return writeShardFiles(dir, mine, terms.shardBytes)
}

/** Writes the filters and head.json of the index the parts make, naming its shards (all written: `writeShards`). */
export function writeHead(dir: string, parts: readonly PartHead[], shards: Record<string, string>, state: NotebookState): Promise<WrittenHead> {
  const { head, filters } = mergeHead(parts, Object.keys(shards).sort())
  return writeHeadFiles(dir, head, filters, shards, state)
}

/**
 * Mentions of many articles in a compact form that crosses a thread boundary cheaply (one
 * transferred array, each entity id and spelling once): article k's mentions are rows
 * offsets[k] to offsets[k + 1] of `rows`, four numbers each (entity, start, end, spelling).
 */
export interface CompactMentions {
  entityIds: string[]
  spellings: string[]
  offsets: Int32Array
  rows: Int32Array
}

/** The matcher of the entities last asked for: a build's mention shares, one after another in a warm worker, share one. */
let lastMatcher: { entities: string; matcher: EntityMatcher } | null = null

function matcherOf(entities: readonly Entity[]): EntityMatcher {
  const key = JSON.stringify(entities)
  if (lastMatcher?.entities !== key) lastMatcher = { entities: key, matcher: buildMatcher(entities) }
  return lastMatcher.matcher
}

export async function findAllMentions(dir: string, entities: readonly Entity[], articles: readonly { bodyHash: string }[]): Promise<CompactMentions> {
  const matcher = matcherOf(entities)
  const entityIds: string[] = []
  const spellings: string[] = []
  const entityNo = new Map<string, number>()
  const spellingNo = new Map<string, number>()
  const numberOf = (map: Map<string, number>, list: string[], key: string) => {
    let n = map.get(key)
    if (n === undefined) map.set(key, (n = list.push(key) - 1))
    return n
  }
  const offsets = new Int32Array(articles.length + 1)
  let rows = new Int32Array(1 << 16)
  let used = 0
  for (let k = 0; k < articles.length; k++) {
    const found = matcher.size === 0 ? [] : matcher.findMentions(bodyOf(dir, articles[k]!.bodyHash))
    if (used + found.length * 4 > rows.length) {
      const grown = new Int32Array(Math.max(rows.length * 2, used + found.length * 4))
      grown.set(rows)
      rows = grown
    }
    for (const m of found) {
      rows[used++] = numberOf(entityNo, entityIds, m.entityId)
      rows[used++] = m.start
      rows[used++] = m.end
      rows[used++] = numberOf(spellingNo, spellings, m.alias)
    }
    offsets[k + 1] = used / 4
  }
  return { entityIds, spellings, offsets, rows: rows.slice(0, used) }
}
