/**
 * Builds the derived indexes of a notebook in worker threads (./index-worker.ts), never on
 * the main thread: the search index from nothing (in parts of a few thousand articles,
 * merged and written by one job, shard by shard) and the entities' mentions in many
 * articles (in one share per thread). Jobs wait in one queue and go to the first thread
 * free, so a search index build and a mention scan started together share both threads.
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
import { partBuffers } from '../../core/search/index-builder'
import type { HighlightInput } from '../../core/search/types'
import { findBuiltWorker } from '../workers/built-worker'
import { deserializeError } from '../workers/worker-errors'
import { WorkerJobs } from '../workers/worker-jobs'
import type { IndexFiles, NotebookState } from './index-files'
import type { CompactMentions, IndexArticle } from './index-jobs'
import type { IndexWorkerMessage, IndexWorkerRequest } from './index-worker'

export const INDEX_WORKER_ENTRY = 'index-worker'
/** Text per part (~2,500 articles of 800 words): a worker holds one part's compact postings and its garbage. */
const PART_CHARS = 16_000_000
/** Fewer articles than this to scan for mentions are one job (a worker's start is not worth splitting them). */
const MENTIONS_SHARE_MIN = 500
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

/** A job waiting for a free thread. */
interface Pending {
  request: Request
  transfer: ArrayBuffer[]
  pick: (message: IndexWorkerMessage) => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

export class IndexWorkers {
  readonly #jobs: WorkerJobs<IndexWorkerMessage>[]
  /** Whether each thread has a job in hand: jobs wait in one queue and go to the first thread free. */
  readonly #busy: boolean[]
  readonly #pending: Pending[] = []
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
    this.#busy = this.#jobs.map(() => false)
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
    // Parts of about PART_CHARS of text, each in a fresh worker on the first thread free:
    // memory follows a part, not the notebook.
    const runs = partRuns(articles)
    const parts = await Promise.all(
      runs.map(([from, to], k) =>
        this.#run({ type: 'part', dir, firstId: from, articles: articles.slice(from, to).map(slim), highlights: k === runs.length - 1 ? [...highlights] : [] }, [], (m) => (m.type === 'part' ? m.part : undefined)),
      ),
    )
    return this.#run({ type: 'write', dir, parts, state }, parts.flatMap(partBuffers), (m) => (m.type === 'written' ? m.files : undefined))
  }

  /** Each article's mentions of the entities (in the articles' order; `mentionsAt` reads one article's). */
  async findMentions(dir: string, entities: readonly Entity[], articles: readonly { id: string; bodyHash: string }[]): Promise<CompactMentions> {
    if (this.#inThread) return inThread().then(({ findAllMentions }) => findAllMentions(dir, entities, articles))
    // One share per thread (they run beside a search index build's parts, on whichever thread is free).
    const share = Math.max(MENTIONS_SHARE_MIN, Math.ceil(articles.length / this.#jobs.length))
    const shares: Promise<CompactMentions>[] = []
    for (let from = 0; from < articles.length || from === 0; from += share) {
      const request: Request = { type: 'mentions', dir, entities: [...entities], articles: articles.slice(from, from + share).map((a) => ({ id: a.id, bodyHash: a.bodyHash })) }
      shares.push(this.#run(request, [], (m) => (m.type === 'mentions' ? m.mentions : undefined)))
    }
    return joinMentions(await Promise.all(shares))
  }

  #run<T>(request: Request, transfer: ArrayBuffer[], pick: (message: IndexWorkerMessage) => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ request, transfer, pick, resolve: resolve as (value: unknown) => void, reject })
      this.#pump()
    })
  }

  /** Starts waiting jobs on the threads that are free. */
  #pump(): void {
    for (let thread = 0; thread < this.#jobs.length && this.#pending.length > 0; thread++) {
      if (this.#busy[thread]) continue
      const job = this.#pending.shift()!
      this.#busy[thread] = true
      const done = () => {
        this.#busy[thread] = false
        this.#pump()
      }
      this.#jobs[thread]!.run({
        request: { ...job.request, id: this.#nextId++ } as IndexWorkerRequest,
        transfer: job.transfer,
        onMessage: (message) => {
          const value = message.type === 'error' ? undefined : job.pick(message)
          if (value !== undefined) job.resolve(value)
          else job.reject(message.type === 'error' ? deserializeError(message.error) : new Error(`The index worker answered ${message.type} to ${job.request.type}.`))
          done()
          // A build's worker leaves a heap of what it read behind: the next job gets a fresh
          // one, and this one's memory goes back now rather than when it idles out.
          return 'done-retire'
        },
        onLost: (error) => {
          job.reject(error)
          done()
        },
      })
    }
  }

  async dispose(): Promise<void> {
    for (const job of this.#pending.splice(0)) job.reject(new Error('The index worker was shut down.'))
    await Promise.all(this.#jobs.map((jobs) => jobs.shutDown(new Error('The index worker was shut down.'))))
  }
}

/** Mentions found in shares of the articles, as one (the shares in order, each numbering its entities and spellings its own way). */
export function joinMentions(shares: readonly CompactMentions[]): CompactMentions {
  if (shares.length === 1) return shares[0]!
  const entityIds: string[] = []
  const spellings: string[] = []
  const entityNo = new Map<string, number>()
  const spellingNo = new Map<string, number>()
  const numberOf = (map: Map<string, number>, list: string[], key: string) => {
    let n = map.get(key)
    if (n === undefined) map.set(key, (n = list.push(key) - 1))
    return n
  }
  const offsets = new Int32Array(shares.reduce((n, s) => n + s.offsets.length - 1, 0) + 1)
  const rows = new Int32Array(shares.reduce((n, s) => n + s.rows.length, 0))
  let article = 0
  let at = 0
  for (const share of shares) {
    const entities = share.entityIds.map((id) => numberOf(entityNo, entityIds, id))
    const names = share.spellings.map((text) => numberOf(spellingNo, spellings, text))
    for (let r = 0; r < share.rows.length; r += 4) {
      rows[at + r] = entities[share.rows[r]!]!
      rows[at + r + 1] = share.rows[r + 1]!
      rows[at + r + 2] = share.rows[r + 2]!
      rows[at + r + 3] = names[share.rows[r + 3]!]!
    }
    for (let k = 1; k < share.offsets.length; k++) offsets[article + k] = share.offsets[k]! + at / 4
    article += share.offsets.length - 1
    at += share.rows.length
  }
  return { entityIds, spellings, offsets, rows }
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
