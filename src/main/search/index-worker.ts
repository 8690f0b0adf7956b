/**
 * worker_threads entry: builds the notebook's derived indexes off the main thread
 * (./build-in-worker.ts is the host side). Jobs, one at a time:
 *
 * - `part`: reads the bodies of some articles one at a time (and their furniture), and
 *   indexes them and some highlights into an index part (src/core/search/index-builder.ts);
 *   the part goes back with its typed arrays transferred;
 * - `write`: merges the parts and writes the index files, one shard at a time
 *   (./index-files.ts), stamped with the notebook state read before the build began;
 * - `mentions`: finds the entities' mentions in some articles' bodies (the mention index,
 *   src/main/entities/mention-index.ts).
 *
 * Nothing here changes notebook data: it reads bodies and analysis files and writes the
 * search-index/ cache. Built as its own entry next to the main process (out/main/index-worker.js).
 */
import { parentPort } from 'node:worker_threads'
import type { Entity } from '../../core/entities'
import { partBuffers, type IndexPart } from '../../core/search/index-builder'
import type { HighlightInput } from '../../core/search/types'
import { serializeError, type SerializedError } from '../workers/worker-errors'
import type { IndexFiles, NotebookState } from './index-files'
import { buildPart, findAllMentions, writeParts, type CompactMentions, type IndexArticle } from './index-jobs'

export type IndexWorkerRequest =
  | { type: 'part'; id: number; dir: string; firstId: number; articles: IndexArticle[]; highlights: HighlightInput[] }
  | { type: 'write'; id: number; dir: string; parts: IndexPart[]; state: NotebookState }
  | { type: 'mentions'; id: number; dir: string; entities: Entity[]; articles: { id: string; bodyHash: string }[] }

export type IndexWorkerMessage =
  | { type: 'part'; id: number; part: IndexPart }
  | { type: 'written'; id: number; files: IndexFiles }
  | { type: 'mentions'; id: number; mentions: CompactMentions }
  | { type: 'error'; id: number; error: SerializedError }

async function handle(request: IndexWorkerRequest): Promise<[IndexWorkerMessage, ArrayBuffer[]]> {
  const { id } = request
  try {
    switch (request.type) {
      case 'part': {
        const part = await buildPart(request.dir, request.firstId, request.articles, request.highlights)
        return [{ type: 'part', id, part }, partBuffers(part)]
      }
      case 'write':
        return [{ type: 'written', id, files: await writeParts(request.dir, request.parts, request.state) }, []]
      case 'mentions': {
        const mentions = await findAllMentions(request.dir, request.entities, request.articles)
        return [{ type: 'mentions', id, mentions }, [mentions.offsets.buffer as ArrayBuffer, mentions.rows.buffer as ArrayBuffer]]
      }
    }
  } catch (error) {
    return [{ type: 'error', id, error: serializeError(error) }, []]
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
