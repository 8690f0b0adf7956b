/**
 * Builds the derived indexes of a notebook in worker threads (./index-worker.ts), never on
 * the main thread: the search index from nothing (in two parts on two threads, merged and
 * written by one of them, shard by shard) and the entities' mentions in many articles.
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
import type { IndexPart } from '../../core/search/index-builder'
import type { HighlightInput } from '../../core/search/types'
import { findBuiltWorker } from '../workers/built-worker'
import { deserializeError } from '../workers/worker-errors'
import { WorkerJobs } from '../workers/worker-jobs'
import type { IndexFiles, NotebookState } from './index-files'
import { buildPart, findAllMentions, partBuffers, writeParts, type CompactMentions, type IndexArticle } from './index-jobs'
import type { IndexWorkerMessage, IndexWorkerRequest } from './index-worker'

export const INDEX_WORKER_ENTRY = 'index-worker'
/** Below this many articles one thread builds the whole index (two would cost more to start than they save). */
const SPLIT_FROM = 500
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
    const cut = this.#jobs.length > 1 && articles.length >= SPLIT_FROM ? balancedCut(articles) : articles.length
    const first = articles.slice(0, cut).map(slim)
    const rest = articles.slice(cut).map(slim)
    if (this.#inThread) {
      return writeParts(dir, [await buildPart(dir, 0, [...first, ...rest], highlights)], state)
    }
    const parts: IndexPart[] = await Promise.all([
      this.#part(0, { type: 'part', dir, firstId: 0, articles: first, highlights: rest.length === 0 ? [...highlights] : [] }),
      ...(rest.length > 0 ? [this.#part(1, { type: 'part', dir, firstId: first.length, articles: rest, highlights: [...highlights] })] : []),
    ])
    return this.#run(0, { type: 'write', dir, parts, state }, parts.flatMap(partBuffers), (m) => (m.type === 'written' ? m.files : undefined))
  }

  /** Each article's mentions of the entities (in the articles' order; `mentionsAt` reads one article's). */
  findMentions(dir: string, entities: readonly Entity[], articles: readonly { id: string; bodyHash: string }[]): Promise<CompactMentions> {
    if (this.#inThread) return findAllMentions(dir, entities, articles)
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
          return message.type === 'error' ? 'done-retire' : 'done'
        },
        onLost: reject,
      })
    })
  }

  async dispose(): Promise<void> {
    await Promise.all(this.#jobs.map((jobs) => jobs.shutDown(new Error('The index worker was shut down.'))))
  }
}

/** Where to cut the articles so both halves hold about as much text (by charCount when known). */
function balancedCut(articles: readonly { charCount?: number }[]): number {
  const weight = (a: { charCount?: number }) => (a.charCount ?? 0) + 200
  const total = articles.reduce((n, a) => n + weight(a), 0)
  let sum = 0
  for (let i = 0; i < articles.length; i++) {
    sum += weight(articles[i]!)
    if (sum >= total / 2) return i + 1
  }
  return articles.length
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
