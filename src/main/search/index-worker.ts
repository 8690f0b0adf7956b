/**
 * worker_threads entry: builds the notebook's derived indexes off the main thread
 * (./build-in-worker.ts is the host side). Jobs, one at a time:
 *
 * - `part`: reads the bodies of some articles one at a time (and their furniture), and
 *   indexes them and some highlights into an index part (src/core/search/index-builder.ts);
 *   the part's typed arrays go back in shared memory, so that the jobs after it on either
 *   thread read them without a copy;
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
import type { IndexPart } from '../../core/search/index-builder'
import type { PartHead, PartTerms } from '../../core/search/merge-parts'
import type { HighlightInput } from '../../core/search/types'
import { serializeError, type SerializedError } from '../workers/worker-errors'
import type { IndexFiles, NotebookState } from './index-files'
import { buildPart, findAllMentions, writeHead, writeShards, type CompactMentions, type IndexArticle } from './index-jobs'

export type IndexWorkerRequest =
  | { type: 'part'; id: number; dir: string; firstId: number; articles: IndexArticle[]; highlights: HighlightInput[] }
  | { type: 'shards'; id: number; dir: string; parts: PartTerms[]; share: number; shares: number }
  | { type: 'head'; id: number; dir: string; parts: PartHead[]; shards: Record<string, string>; state: NotebookState }
  | { type: 'mentions'; id: number; dir: string; entities: Entity[]; articles: { id: string; bodyHash: string }[] }

export type IndexWorkerMessage =
  | { type: 'part'; id: number; part: IndexPart }
  | { type: 'shards'; id: number; files: Record<string, string> }
  | { type: 'written'; id: number; files: IndexFiles }
  | { type: 'mentions'; id: number; mentions: CompactMentions }
  | { type: 'error'; id: number; error: SerializedError }

async function handle(request: IndexWorkerRequest): Promise<[IndexWorkerMessage, ArrayBuffer[]]> {
  const { id } = request
  try {
    switch (request.type) {
      case 'part': {
        const part = inSharedMemory(await buildPart(request.dir, request.firstId, request.articles, request.highlights))
        return [{ type: 'part', id, part }, []]
      }
      case 'shards':
        return [{ type: 'shards', id, files: await writeShards(request.dir, request.parts, request.share, request.shares) }, []]
      case 'head':
        return [{ type: 'written', id, files: await writeHead(request.dir, request.parts, request.shards, request.state) }, []]
      case 'mentions': {
        const mentions = await findAllMentions(request.dir, request.entities, request.articles)
        return [{ type: 'mentions', id, mentions }, [mentions.offsets.buffer as ArrayBuffer, mentions.rows.buffer as ArrayBuffer]]
      }
    }
  } catch (error) {
    return [{ type: 'error', id, error: serializeError(error) }, []]
  }
}

/** The part with its typed arrays copied into shared memory: posted to the host and from there to both threads, never copied again. */
function inSharedMemory(part: IndexPart): IndexPart {
  const shared = <T extends Int32Array | Uint32Array>(array: T): T => {
    const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength))
    copy.set(array)
    return copy
  }
  return { ...part, filters: shared(part.filters), fieldLengths: shared(part.fieldLengths), termStarts: shared(part.termStarts), postingDocs: shared(part.postingDocs), postingFreqs: shared(part.postingFreqs) }
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
