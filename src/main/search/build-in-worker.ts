/**
 * Builds the derived indexes of a notebook in worker threads (./index-worker.ts), never on
 * the main thread: the search index from nothing (in parts of about 1,000 articles and
 * one of the highlights, then a share of the shards written by each thread, then the
 * head) and the entities' mentions in many articles (in shares). Jobs wait in one queue
 * and go to the first thread free, so a search index build and a mention scan started
 * together share both threads.
 *
 * Memory stays bounded: a worker reads one body at a time and keeps only compact
 * postings (src/core/search/index-builder.ts); the main thread holds neither bodies nor
 * postings, only the parts on their way from one worker to the other, in shared memory.
 * Where no built worker script exists (a script bundle without the entry), the same jobs
 * run in this thread (./index-jobs.ts): same result, only not off the main thread.
 *
 * One pair of workers is shared by the process (`sharedIndexWorkers`); idle, they do not
 * keep it alive, and they stop after a while without work (../workers/worker-jobs).
 */
import { availableParallelism } from 'node:os'
import type { Entity } from '../../core/entities'
import type { ArticleId, HighlightId } from '../../core/ids'
import type { IndexPart } from '../../core/search/index-builder'
import type { HighlightInput } from '../../core/search/types'
import { findBuiltWorker } from '../workers/built-worker'
import { deserializeError } from '../workers/worker-errors'
import { WorkerJobs } from '../workers/worker-jobs'
import type { IndexFiles, NotebookState } from './index-files'
import type { CompactMentions, IndexArticle } from './index-jobs'
import type { IndexWorkerMessage, IndexWorkerRequest, WirePart } from './index-worker'
import { fromWire } from './wire-text'

export const INDEX_WORKER_ENTRY = 'index-worker'
/**
 * Text per part (~1,000 articles of 1,200 words): a worker holds one part's compact
 * postings and its garbage, and the last parts, on whichever thread, end close together.
 */
const PART_CHARS = 8_000_000
/** Fewer articles than this to scan for mentions are one job (a worker's start is not worth splitting them). */
const MENTIONS_SHARE_MIN = 500
/** Mention shares per thread: small enough that a search build's parts, which go first, soon find a thread free. */
const MENTIONS_SHARES_PER_THREAD = 8
/** The jobs, for this thread (no built worker): loaded only then, so the host stays light. */
const inThread = () => import('./index-jobs')
/** Builds are rare: a worker left idle this long is stopped, giving its memory back. */
const IDLE_MS = 3_000
/**
 * A worker's young generation: V8's default (32 MB at full size, in each isolate) is
 * mostly garbage here (bodies read, folded and dropped), and three isolates' worth was
 * ~25 MB of a 10,000-article build's peak RSS; the collections it adds cost no measurable
 * CPU (notes/benchmarks.md).
 */
const YOUNG_GENERATION_MB = 6
/** DOSSIER_INDEX_TIMELINE=1: each job's thread, start and end on stderr (notes/benchmarks.md). */
const TIMELINE = process.env.DOSSIER_INDEX_TIMELINE === '1'
/**
 * Job priorities (`Pending`): a search build's parts first (its chain is the longer), then
 * mention shares, then the search build's writing jobs (shards, head). So the head is
 * written, and loaded on the main thread, once the mention shares are done: the load has a
 * core to itself (longest stall 30-39 ms at 10,000 articles, against 55-106 ms beside the
 * last shares) and the writers' memory does not come on top of the scanners' (peak RSS
 * 343-355 MB against 385-412 MB), for about the same time to both indexes.
 */
const SEARCH = 0
const MENTIONS = 1
const WRITE = 2

/** Where a search index build takes its highlights from. */
export interface HighlightSource {
  /** The articles that have highlights, in the notebook's order: a worker reads their annotation files. */
  annotated: readonly string[]
  /** Every highlight, from the store: when the jobs run in this thread, or when an annotation file is damaged. */
  read: () => Promise<readonly HighlightInput[]>
}

/** A highlight as indexed: enough to find it again when its article changes. */
export interface IndexedHighlight {
  id: HighlightId
  articleId: ArticleId
}

export interface BuiltSearchIndex {
  files: IndexFiles
  /** The sha256 of the head.json written, when the build knows it (`readIndexFiles`' `trust`). */
  digest?: string
  highlights: IndexedHighlight[]
}

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
  /** Lower first (SEARCH, MENTIONS, WRITE): see there. */
  priority: number
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
    this.#jobs = Array.from({ length: threads }, () => new WorkerJobs<IndexWorkerMessage>({ label: 'index worker', workerUrl: () => url!, idleTimeoutMs: IDLE_MS, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }))
    this.#busy = this.#jobs.map(() => false)
  }

  /** Whether the jobs run in worker threads (false: in the calling thread). */
  get offThread(): boolean {
    return !this.#inThread
  }

  /**
   * Builds the search index of these articles (in this order) and their highlights from
   * nothing and writes it to `<dir>/search-index/`, stamped with `state` (read before the
   * articles were taken). Resolves to the files written and the highlights indexed.
   */
  async buildSearchIndex(dir: string, articles: readonly (IndexArticle & { charCount?: number })[], highlights: HighlightSource, state: NotebookState): Promise<BuiltSearchIndex> {
    const slim = (a: IndexArticle & { charCount?: number }): IndexArticle => ({ id: a.id, title: a.title, outlet: a.outlet, published: a.published, bodyHash: a.bodyHash, fileName: a.fileName })
    if (this.#inThread) {
      const { buildPart, writeParts } = await inThread()
      const part = await buildPart(dir, 0, articles.map(slim), await highlights.read())
      return { files: await writeParts(dir, [part], state), highlights: indexedHighlights([part]) }
    }
    // Parts of about PART_CHARS of text on the first thread free, and one of the highlights
    // (read there from the annotation files: 10,000 read here took 2.5 s of this thread's
    // CPU); then each thread writes a share of the shards, and one the head. Memory follows
    // a part, not the notebook.
    const pick = (m: IndexWorkerMessage) => (m.type === 'part' ? m.part : undefined)
    const firstId = articles.length
    const highlightsPart = this.#run({ type: 'highlights', dir, firstId, articleIds: [...highlights.annotated] }, SEARCH, pick).then(
      // A damaged annotation file: the store repairs or reports it as it reads every highlight.
      async (part) => part ?? this.#run({ type: 'part', dir, firstId, articles: [], highlights: [...(await highlights.read())] }, SEARCH, pick),
    )
    const articleParts = partRuns(articles).map(([from, to]) => this.#run({ type: 'part', dir, firstId: from, articles: articles.slice(from, to).map(slim), highlights: [] }, SEARCH, pick))
    const parts = (await Promise.all([...articleParts, highlightsPart])) as WirePart[]
    // The parts' typed arrays are in shared memory and their strings one text each
    // (`WirePart`): handing them on costs this thread next to nothing.
    const terms = parts.map(({ rows: _, ...p }) => p)
    const shares = this.#jobs.length
    const written = await Promise.all(Array.from({ length: shares }, (_, share) => this.#run({ type: 'shards', dir, parts: terms, share, shares }, WRITE, (m) => (m.type === 'shards' ? m.files : undefined))))
    const shards = Object.assign(Object.create(null) as Record<string, string>, ...written) as Record<string, string>
    const heads = parts.map(({ terms: _, ...p }) => p)
    const { files, digest } = await this.#run({ type: 'head', dir, parts: heads, shards, state }, WRITE, (m) => (m.type === 'written' ? m.head : undefined))
    return { files, digest, highlights: parts.flatMap((p) => (fromWire(p.indexed) as [HighlightId, ArticleId][]).map(([id, articleId]) => ({ id, articleId }))) }
  }

  /** Each article's mentions of the entities (in the articles' order; `mentionsAt` reads one article's). */
  async findMentions(dir: string, entities: readonly Entity[], articles: readonly { id: string; bodyHash: string }[]): Promise<CompactMentions> {
    if (this.#inThread) return inThread().then(({ findAllMentions }) => findAllMentions(dir, entities, articles))
    // A few shares per thread (they run beside a search index build's jobs, on whichever thread is free).
    const share = Math.max(MENTIONS_SHARE_MIN, Math.ceil(articles.length / (this.#jobs.length * MENTIONS_SHARES_PER_THREAD)))
    const shares: Promise<CompactMentions>[] = []
    for (let from = 0; from < articles.length || from === 0; from += share) {
      const request: Request = { type: 'mentions', dir, entities: [...entities], articles: articles.slice(from, from + share).map((a) => ({ id: a.id, bodyHash: a.bodyHash })) }
      shares.push(this.#run(request, MENTIONS, (m) => (m.type === 'mentions' ? m.mentions : undefined)))
    }
    return joinMentions(await Promise.all(shares))
  }

  #run<T>(request: Request, priority: number, pick: (message: IndexWorkerMessage) => T | undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      // Before every job of a lower priority (a larger number), after those of its own.
      const at = this.#pending.findIndex((job) => job.priority > priority)
      this.#pending.splice(at < 0 ? this.#pending.length : at, 0, { request, priority, pick, resolve: resolve as (value: unknown) => void, reject })
      this.#pump()
    })
  }

  /** Starts waiting jobs on the threads that are free. */
  #pump(): void {
    for (let thread = 0; thread < this.#jobs.length && this.#pending.length > 0; thread++) {
      if (this.#busy[thread]) continue
      const job = this.#pending.shift()!
      this.#busy[thread] = true
      const started = performance.now()
      const done = () => {
        if (TIMELINE) process.stderr.write(`index job: thread ${thread} ${job.request.type} ${(started / 1000).toFixed(2)} s -> ${(performance.now() / 1000).toFixed(2)} s${'articles' in job.request ? ` (${job.request.articles.length} articles)` : ''}\n`)
        this.#busy[thread] = false
        // After the job's continuation has run: the jobs it queues (the shards after the
        // last part, the head after the shards) take their place in the queue first.
        setImmediate(() => this.#pump())
      }
      this.#jobs[thread]!.run({
        request: { ...job.request, id: this.#nextId++ } as IndexWorkerRequest,
        onMessage: (message) => {
          const value = message.type === 'error' ? undefined : job.pick(message)
          if (value !== undefined) job.resolve(value)
          else job.reject(message.type === 'error' ? deserializeError(message.error) : new Error(`The index worker answered ${message.type} to ${job.request.type}.`))
          done()
          // A warm worker takes the next job (a fresh one per job cost a third more CPU:
          // starting, compiling, a young heap), but not after writing the head: it holds
          // every part's head (~150 MB at 10,000 articles) until a collection that the
          // light jobs after it would not bring for a while, so it goes, and its memory
          // with it; so does a writer with nothing waiting, the last job of a build.
          const keep = job.request.type === 'head' ? false : job.request.type !== 'shards' || this.#pending.length > 0
          return keep ? 'done' : 'done-retire'
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

/** The highlights the parts index, as (id, article) from their head rows. */
function indexedHighlights(parts: readonly Pick<IndexPart, 'highlights'>[]): IndexedHighlight[] {
  return parts.flatMap((p) => p.highlights.map(([id, articleId]) => ({ id: id as HighlightId, articleId: articleId as ArticleId })))
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
