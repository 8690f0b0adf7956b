/**
 * Builds the derived indexes of a notebook in worker threads (./index-worker.ts), never on
 * the main thread: the search index from nothing (in parts of a few thousand articles, two
 * threads at a time, merged and written by one of them, shard by shard) and the entities'
 * mentions in many articles.
 *
 * Memory stays bounded: a worker reads one body at a time and keeps only compact
 * postings (src/core/search/index-builder.ts); the main thread holds neither bodies nor
 * postings, only the parts on their way from one worker to the other (transferred).
 * Where no built worker script exists (a script bundle without the entry), the same jobs
 * run in this thread (./index-jobs.ts): same result, only not off the main thread.
 *
 * One pair of workers is shared by the process (`sharedIndexWorkers`); idle, they do not
 * keep it alive, and they stop after a while without work (../workers/worker-jobs).
 */
import { availableParallelism } from 'node:os'
import type { Entity } from '../../core/entities'
import { partBuffers, type IndexPart } from '../../core/search/index-builder'
import type { HighlightInput } from '../../core/search/types'
import { findBuiltWorker } from '../workers/built-worker'
import { deserializeError } from '../workers/worker-errors'
import { WorkerJobs } from '../workers/worker-jobs'
import type { IndexFiles, NotebookState } from './index-files'
import type { CompactMentions, IndexArticle } from './index-jobs'
import type { IndexWorkerMessage, IndexWorkerRequest } from './index-worker'

export const INDEX_WORKER_ENTRY = 'index-worker'
/** Text per part (~2,500 articles of 800 words): a worker holds one part's compact postings and its garbage. */
const PART_CHARS = 12_000_000
/** The jobs, for this thread (no built worker): loaded only then, so the host stays light. */
const inThread = () => import('./index-jobs')
/** Builds are rare: a worker left idle this long is stopped, giving its memory back. */
const IDLE_MS = 3_000

export interface IndexWorkersOptions {
  /** The built worker script; null: run the jobs in this thread. Default: the built index-worker beside this bundle, if any. */
  workerUrl?: URL | null
  /** Worker threads for a search index build (default: 2, or 1 on a one-core machine). */
  threads?: number
}

type Request = IndexWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never

export class IndexWorkers {
  readonly #jobs: WorkerJobs<IndexWorkerMessage>[]
  readonly #inThread: boolean
  #nextId = 1

  constructor(options: IndexWorkersOptions = {}) {
    let url: URL | null
    try {
      url = options.workerUrl === undefined ? findBuiltWorker(INDEX_WORKER_ENTRY, import.meta.url, 'index worker') : options.workerUrl
    } catch {
      url = null
    }
    this.#inThread = url === null
    const threads = Math.max(1, options.threads ?? Math.min(2, availableParallelism()))
    this.#jobs = Array.from({ length: threads }, () => new WorkerJobs<IndexWorkerMessage>({ label: 'index worker', workerUrl: () => url!, idleTimeoutMs: IDLE_MS }))
  }

  /** Whether the jobs run in worker threads (false: in the calling thread). */
  get offThread(): boolean {
    return !this.#inThread
  }

  /**
   * Builds the search index of these articles (in this order) and highlights from nothing
   * and writes it to `<dir>/search-index/`, stamped with `state` (read before the articles
   * were taken). Resolves to the files written.
   */
  async buildSearchIndex(dir: string, articles: readonly (IndexArticle & { charCount?: number })[], highlights: readonly HighlightInput[], state: NotebookState): Promise<IndexFiles> {
    const slim = (a: IndexArticle & { charCount?: number }): IndexArticle => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, bodyHash: a.bodyHash, fileName: a.fileName })
    if (this.#inThread) {
      const { buildPart, writeParts } = await inThread()
      return writeParts(dir, [await buildPart(dir, 0, articles.map(slim), highlights)], state)
    }
    // Parts of about PART_CHARS of text, on the threads in turn (one part per thread at a
    // time, each in a fresh worker): memory follows a part, not the notebook.
    const runs = partRuns(articles)
    const parts: IndexPart[] = await Promise.all(
      runs.map(([from, to], k) =>
        this.#part(k % this.#jobs.length, { type: 'part', dir, firstId: from, articles: articles.slice(from, to).map(slim), highlights: k === runs.length - 1 ? [...highlights] : [] }),
      ),
    )
    return this.#run(0, { type: 'write', dir, parts, state }, parts.flatMap(partBuffers), (m) => (m.type === 'written' ? m.files : undefined))
  }

  /** Each article's mentions of the entities (in the articles' order; `mentionsAt` reads one article's). */
  findMentions(dir: string, entities: readonly Entity[], articles: readonly { id: string; bodyHash: string }[]): Promise<CompactMentions> {
    if (this.#inThread) return inThread().then(({ findAllMentions }) => findAllMentions(dir, entities, articles))
    const request: Request = { type: 'mentions', dir, entities: [...entities], articles: articles.map((a) => ({ id: a.id, bodyHash: a.bodyHash })) }
    return this.#run(this.#jobs.length - 1, request, [], (m) => (m.type === 'mentions' ? m.mentions : undefined))
  }

  #part(thread: number, request: Request): Promise<IndexPart> {
    return this.#run(thread, request, [], (m) => (m.type === 'part' ? m.part : undefined))
  }

  #run<T>(thread: number, request: Request, transfer: ArrayBuffer[], pick: (message: IndexWorkerMessage) => T | undefined): Promise<T> {
    return new Promise((resolve, reject) => {
      this.#jobs[thread]!.run({
        request: { ...request, id: this.#nextId++ } as IndexWorkerRequest,
        transfer,
        onMessage: (message) => {
          const value = message.type === 'error' ? undefined : pick(message)
          if (value !== undefined) resolve(value)
          else reject(message.type === 'error' ? deserializeError(message.error) : new Error(`The index worker answered ${message.type} to ${request.type}.`))
          // A build's worker leaves a heap of what it read behind: the next job gets a fresh
          // one, and this one's memory goes back now rather than when it idles out.
          return 'done-retire'
        },
        onLost: reject,
      })
    })
  }

  async dispose(): Promise<void> {
    await Promise.all(this.#jobs.map((jobs) => jobs.shutDown(new Error('The index worker was shut down.'))))
  }
}

/** The articles' runs [from, to) of about PART_CHARS of text each (by charCount when known), at least one. */
function partRuns(articles: readonly { charCount?: number }[]): [number, number][] {
  const runs: [number, number][] = []
  let from = 0
  let chars = 0
  for (let i = 0; i < articles.length; i++) {
    chars += (articles[i]!.charCount ?? 0) + 200
    if (chars >= PART_CHARS) {
      runs.push([from, i + 1])
      from = i + 1
      chars = 0
    }
  }
  if (from < articles.length || runs.length === 0) runs.push([from, articles.length])
  return runs
}

let sharedOptions: IndexWorkersOptions = {}
let shared: IndexWorkers | null = null

/** The process-wide index workers (created on first use, with the options last configured). */
export function sharedIndexWorkers(): IndexWorkers {
  return (shared ??= new IndexWorkers(sharedOptions))
}

/** Sets the options of the shared index workers; ones already running are shut down (their jobs fail). */
export async function configureIndexWorkers(options: IndexWorkersOptions): Promise<void> {
  const previous = shared
  shared = null
  sharedOptions = options
  await previous?.dispose()
}
