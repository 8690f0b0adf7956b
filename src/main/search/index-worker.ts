/**
 * worker_threads entry: builds the notebook's derived indexes off the main thread
 * (./build-in-worker.ts is the host side). Jobs, one at a time:
 *
 * - `part`: reads the bodies of some articles one at a time (and their furniture), and
 *   indexes them and some highlights into an index part (src/core/search/index-builder.ts);
 *   the part's typed arrays go back in shared memory, so that the jobs after it on either
 *   thread read them without a copy;
 * - `highlights`: reads the annotation files of some articles and indexes their highlights
 *   into a part, or answers null when a file is damaged (the host then asks the store);
 * - `shards`: merges the parts' postings and writes one share of the shards, one shard at
 *   a time (./index-files.ts): each thread writes a share;
 * - `head`: writes the filters and head.json naming every shard, stamped with the notebook
 *   state read before the build began;
 * - `mentions`: finds the entities' mentions in some articles' bodies (the mention index,
 *   src/main/entities/mention-index.ts).
 *
 * Nothing here changes notebook data: it reads bodies and analysis files and writes the
 * search-index/ cache. Built as its own entry next to the main process (out/main/index-worker.js).
 */
import { parentPort } from 'node:worker_threads'
import type { Entity } from '../../core/entities'
import { BuilderScratch, type IndexPart } from '../../core/search/index-builder'
import type { PartHead, PartTerms } from '../../core/search/merge-parts'
import type { HighlightInput } from '../../core/search/types'
import { serializeError, type SerializedError } from '../workers/worker-errors'
import { fromWire, toWireText, type WireText } from './wire-text'
import type { NotebookState, WrittenHead } from './index-files'
import { buildHighlightsPart, buildPart, findAllMentions, writeHead, writeShards, type CompactMentions, type IndexArticle, type PartMemory } from './index-jobs'

/**
 * A part as it crosses threads, all of it in shared memory: its typed arrays, and its
 * strings and rows as JSON text in UTF-8 (`WireText`). Cloned, a part's 40,000 terms and
 * 1,000 rows held the host's thread for tens of milliseconds on each crossing (there and
 * back, to each writing job); as strings still 40 ms for the head's 8 MB of rows.
 */
export interface WirePart {
  firstId: number
  stampSum: string
  /** JSON of the part's `ids`, `terms`, and head rows (`articles`, `highlights`). */
  ids: WireText
  terms: WireText
  rows: WireText
  /** The highlights the part indexes, as JSON of [id, article id] pairs: the host keeps them. */
  indexed: WireText
  filters: Uint32Array
  fieldLengths: Int32Array
  termStarts: Int32Array
  postingDocs: Int32Array
  postingFreqs: Int32Array
}

export type IndexWorkerRequest =
  | { type: 'part'; id: number; dir: string; firstId: number; articles: IndexArticle[]; highlights: HighlightInput[] }
  | { type: 'highlights'; id: number; dir: string; firstId: number; articleIds: string[] }
  | { type: 'shards'; id: number; dir: string; parts: Omit<WirePart, 'rows'>[]; share: number; shares: number }
  | { type: 'head'; id: number; dir: string; parts: Omit<WirePart, 'terms'>[]; shards: Record<string, string>; state: NotebookState }
  | { type: 'mentions'; id: number; dir: string; entities: Entity[]; articles: { id: string; bodyHash: string }[] }

export type IndexWorkerMessage =
  | { type: 'part'; id: number; part: WirePart | null }
  | { type: 'shards'; id: number; files: Record<string, string> }
  | { type: 'written'; id: number; head: WrittenHead }
  | { type: 'mentions'; id: number; mentions: CompactMentions }
  | { type: 'error'; id: number; error: SerializedError }

async function handle(request: IndexWorkerRequest): Promise<[IndexWorkerMessage, ArrayBuffer[]]> {
  const { id } = request
  try {
    switch (request.type) {
      case 'part': {
        const part = toWire(await buildPart(request.dir, request.firstId, request.articles, request.highlights, memory))
        return [{ type: 'part', id, part }, []]
      }
      case 'highlights': {
        const part = await buildHighlightsPart(request.dir, request.firstId, request.articleIds, memory)
        return [{ type: 'part', id, part: part && toWire(part) }, []]
      }
      case 'shards': {
        const parts = request.parts.map((p): PartTerms => ({ ...p, ids: fromWire(p.ids) as string[], terms: fromWire(p.terms) as string[] }))
        return [{ type: 'shards', id, files: await writeShards(request.dir, parts, request.share, request.shares) }, []]
      }
      case 'head': {
        const parts = request.parts.map((p): PartHead => {
          const [articles, highlights] = fromWire(p.rows) as [IndexPart['articles'], IndexPart['highlights']]
          return { ...p, ids: fromWire(p.ids) as string[], articles, highlights }
        })
        return [{ type: 'written', id, head: await writeHead(request.dir, parts, request.shards, request.state) }, []]
      }
      case 'mentions': {
        const mentions = await findAllMentions(request.dir, request.entities, request.articles)
        return [{ type: 'mentions', id, mentions }, [mentions.offsets.buffer as ArrayBuffer, mentions.rows.buffer as ArrayBuffer]]
      }
    }
  } catch (error) {
    return [{ type: 'error', id, error: serializeError(error) }, []]
  }
}

/**
 * This thread's parts: one builder's arrays after another's (a warm worker builds several),
 * and each part's arrays straight in shared memory, posted to the host and from there to
 * both threads, never copied.
 */
const memory: PartMemory = {
  scratch: new BuilderScratch(),
  alloc: (length) => new Int32Array(new SharedArrayBuffer(length * Int32Array.BYTES_PER_ELEMENT)),
}

/** The part as it crosses threads (`WirePart`): its arrays as they are (in shared memory: `memory`), strings and rows as text. */
function toWire(part: IndexPart): WirePart {
  return {
    firstId: part.firstId,
    stampSum: part.stampSum,
    ids: toWireText(part.ids),
    terms: toWireText(part.terms),
    rows: toWireText([part.articles, part.highlights]),
    indexed: toWireText(part.highlights.map(([id, articleId]) => [id, articleId])),
    filters: part.filters,
    fieldLengths: part.fieldLengths,
    termStarts: part.termStarts,
    postingDocs: part.postingDocs,
    postingFreqs: part.postingFreqs,
  }
}

if (parentPort) {
  const port = parentPort
  // The host posts one request at a time (../workers/worker-jobs); still, never two at once.
  let queue = Promise.resolve()
  port.on('message', (request: IndexWorkerRequest) => {
    queue = queue.then(async () => {
      const [message, transfer] = await handle(request)
      port.postMessage(message, transfer)
    })
  })
}
