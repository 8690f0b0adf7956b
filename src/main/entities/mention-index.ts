/**
 * The mention index (notes/entities.md, "Mentions"): for every article, where each entity
 * of the notebook is mentioned (offsets into its stored text, and the spelling matched).
 * A derived cache like the search index:
 *
 * - `mentions.json` in the notebook folder, written atomically (no fsync: it is rebuilt
 *   when lost), stamped with the entities it was found with (ids and spellings) and each
 *   article's body hash. On open it is read and reconciled: an article whose body hash
 *   differs, or that is new, is scanned again (its body read); one no longer in the
 *   catalog is dropped; when the entities differ, every article is scanned again. A file
 *   that is missing, damaged or of another version is rebuilt from the notebook.
 * - Scanning many articles (a first build, a change of entities) reads and scans the
 *   bodies in an index worker thread (../search/build-in-worker.ts), one at a time, so the
 *   main thread (the app's window) keeps turning; a few are scanned here.
 * - Kept in step through `NotebookStore.onChange` (catalog and entity changes), one
 *   reconcile at a time, coalesced; written two seconds after the last change, on close,
 *   and at once by a read-only store whose load brought it up to date (as the search index).
 *
 * Keyed by article and entity ids in Maps; the cache's text keys are only ever read into Maps.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { buildMatcher, keyTokens, spellingsOf, type EntitiesFile, type Entity, type EntityId, type Mention } from '../../core/entities'
import type { ArticleId } from '../../core/ids'
import { stampOf, stampToHex } from '../../core/search/stamp'
import { writeFileAtomically } from '../storage/durable-write'
import { MENTIONS_FILE } from '../storage/layout'
import type { NotebookStore, StoreChange } from '../storage/notebook-store'
import { Debounced } from '../debounced'
import { sharedIndexWorkers } from '../search/build-in-worker'

export const MENTIONS_VERSION = 1
export const MENTIONS_PERSIST_DELAY_MS = 2_000
/** From this many articles to scan, bodies are read and scanned in an index worker (../search/build-in-worker.ts). */
export const IN_WORKER_FROM = 200

/** Articles taken in, or written out, between two turns of the event loop. */
const YIELD_EVERY = 200
/** Articles whose mentions (from a worker) are taken in between two turns. */
const TAKE_IN_EVERY = 250
const turn = () => new Promise<void>((resolve) => setImmediate(resolve))

export interface MentionIndexOptions {
  persistDelayMs?: number
  /** Scan in a worker from this many articles (default IN_WORKER_FROM). */
  inWorkerFrom?: number
}

const CacheSchema = z.object({
  version: z.literal(MENTIONS_VERSION),
  entities: z.string(),
  /** [articleId, bodyHash, [entityId, start, end, spelling]…] */
  articles: z.array(z.tuple([z.string(), z.string(), z.array(z.tuple([z.string(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.string()]))])),
})

/**
 * An article's mentions, kept compactly (at 10,000 articles there are hundreds of
 * thousands): four numbers each, entity and spelling numbered in the index's tables.
 */
interface ArticleMentions {
  bodyHash: string
  rows: Int32Array
}

/** Strings numbered in the order first seen (entity ids, spellings), each kept once. */
class Numbering {
  readonly list: string[] = []
  readonly #no = new Map<string, number>()
  no(text: string): number {
    let n = this.#no.get(text)
    if (n === undefined) this.#no.set(text, (n = this.list.push(text) - 1))
    return n
  }
}

/** The stamp of what mentions depend on: entity ids and spellings. */
export function entitiesStamp(file: EntitiesFile): string {
  return stampToHex(stampOf(file.entities.flatMap((e) => [e.id, ...spellingsOf(e), '\u0000'])))
}

export class MentionIndex {
  readonly #byArticle = new Map<ArticleId, ArticleMentions>()
  #entityNos = new Numbering()
  #spellingNos = new Numbering()
  #stamp = ''
  #queue: Promise<void>
  #queued = false
  #dirty = false
  readonly #save = new Debounced(() => void this.#persist())
  #closed = false
  #failure: unknown = null
  readonly #unsubscribe: () => void
  /** How the index came to be: read from the cache (and reconciled), or built. */
  origin: 'cache' | 'built' = 'built'

  private constructor(
    readonly store: NotebookStore,
    private readonly delayMs: number,
    private readonly inWorkerFrom: number,
  ) {
    this.#unsubscribe = store.onChange((change) => this.#follow(change))
    this.#queue = this.#run(() => this.#load())
  }

  /** Starts reading or building the index in the background; `whenReady` waits for it. */
  static open(store: NotebookStore, options: MentionIndexOptions = {}): MentionIndex {
    return new MentionIndex(store, options.persistDelayMs ?? MENTIONS_PERSIST_DELAY_MS, options.inWorkerFrom ?? IN_WORKER_FROM)
  }

  /** Resolves once every change saved so far is in the index; rejects with what failed (the next call tries again). */
  async whenReady(): Promise<void> {
    await this.#queue
    if (this.#failure !== null) {
      const failure = this.#failure
      this.#failure = null
      this.#queue = this.#run(() => this.#sync())
      await this.#queue
      if (this.#failure !== null) throw failure
    }
  }

  /** Each article's mentions of `entityId`: article -> count. */
  articlesOf(entityId: EntityId): Map<ArticleId, number> {
    const out = new Map<ArticleId, number>()
    const no = this.#entityNos.list.indexOf(entityId)
    if (no === -1) return out
    for (const [id, a] of this.#byArticle) for (let r = 0; r < a.rows.length; r += 4) if (a.rows[r] === no) out.set(id, (out.get(id) ?? 0) + 1)
    return out
  }

  /** Mentions and articles per entity, over the notebook. */
  counts(): Map<EntityId, { mentions: number; articles: number }> {
    const out = new Map<EntityId, { mentions: number; articles: number }>()
    for (const a of this.#byArticle.values()) {
      const seen = new Set<number>()
      for (let r = 0; r < a.rows.length; r += 4) {
        const entityId = this.#entityNos.list[a.rows[r]!]! as EntityId
        let c = out.get(entityId)
        if (c === undefined) out.set(entityId, (c = { mentions: 0, articles: 0 }))
        c.mentions++
        if (!seen.has(a.rows[r]!)) {
          seen.add(a.rows[r]!)
          c.articles++
        }
      }
    }
    return out
  }

  /** For each spelling of an entity that matched somewhere: the articles it was matched in. */
  articlesBySpelling(entityId: EntityId): Map<string, Set<ArticleId>> {
    const out = new Map<string, Set<ArticleId>>()
    const no = this.#entityNos.list.indexOf(entityId)
    if (no === -1) return out
    for (const [id, a] of this.#byArticle) {
      for (let r = 0; r < a.rows.length; r += 4) {
        if (a.rows[r] !== no) continue
        const alias = this.#spellingNos.list[a.rows[r + 3]!]!
        let set = out.get(alias)
        if (set === undefined) out.set(alias, (set = new Set()))
        set.add(id)
      }
    }
    return out
  }

  /** One article's mentions, in text order (none when it has none or is unknown). */
  mentionsIn(articleId: ArticleId): readonly Mention[] {
    const rows = this.#byArticle.get(articleId)?.rows
    return rows === undefined ? [] : decode(rows, this.#entityNos.list, this.#spellingNos.list)
  }

  /** Keeps an article's mentions (compactly). */
  #set(id: ArticleId, bodyHash: string, mentions: readonly { entityId: string; start: number; end: number; alias: string }[]): void {
    const rows = new Int32Array(mentions.length * 4)
    mentions.forEach((m, i) => rows.set([this.#entityNos.no(m.entityId), m.start, m.end, this.#spellingNos.no(m.alias)], i * 4))
    this.#byArticle.set(id, { bodyHash, rows })
  }

  /** Writes pending changes and stops following the notebook. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#unsubscribe()
    this.#save.cancel()
    await this.#queue
    await this.#persist()
  }

  #run(job: () => Promise<void>): Promise<void> {
    return job().catch((error: unknown) => {
      this.#failure = error
    })
  }

  #follow(change: StoreChange): void {
    if ((change.kind !== 'catalog' && change.kind !== 'entities') || this.#queued) return
    this.#queued = true
    this.#queue = this.#queue.then(() =>
      this.#run(async () => {
        this.#queued = false
        await this.#sync()
      }),
    )
  }

  async #load(): Promise<void> {
    const cached = await readCache(this.store.dir)
    if (cached !== null) {
      this.#stamp = cached.entities
      for (const [id, bodyHash, rows] of cached.articles) {
        this.#set(id as ArticleId, bodyHash, rows.map(([entityId, start, end, alias]) => ({ entityId, start, end, alias })))
      }
      this.origin = 'cache'
    }
    await this.#sync()
  }

  /** Brings the index in line with the catalog and the entities; only what changed is scanned. */
  async #sync(): Promise<void> {
    // Turns between the steps: reading entities.json (checked whole: 60 ms at 2,000
    // spellings, cold), its stamp and the build's start each hold the thread a while.
    const entities = await this.store.entities()
    await turn()
    const stamp = entitiesStamp(entities)
    await turn()
    let changed = false
    if (stamp !== this.#stamp) {
      this.#byArticle.clear()
      this.#entityNos = new Numbering()
      this.#spellingNos = new Numbering()
      this.#stamp = stamp
      changed = true
    }
    const articles = this.store.articles
    const present = new Set<ArticleId>(articles.map((a) => a.id))
    for (const id of [...this.#byArticle.keys()]) {
      if (!present.has(id)) {
        this.#byArticle.delete(id)
        changed = true
      }
    }
    const todo = articles.filter((a) => this.#byArticle.get(a.id)?.bodyHash !== a.bodyHash)
    if (!findsAnything(entities.entities)) {
      // No entities: nothing to find, no body to read.
      for (const a of todo) this.#set(a.id, a.bodyHash, [])
      if (changed || todo.length > 0) this.#changed()
      return
    }
    if (todo.length >= this.inWorkerFrom) {
      // Many bodies to read and scan (a first build, new entities): in a worker thread, off the main one.
      const found = await sharedIndexWorkers().findMentions(this.store.dir, entities.entities, todo)
      // Their numbering is the worker's: renumbered into this index's tables.
      const entityNo = Int32Array.from(found.entityIds, (id) => this.#entityNos.no(id))
      const spellingNo = Int32Array.from(found.spellings, (text) => this.#spellingNos.no(text))
      for (let k = 0; k < todo.length; k++) {
        const rows = found.rows.slice(found.offsets[k]! * 4, found.offsets[k + 1]! * 4)
        for (let r = 0; r < rows.length; r += 4) {
          rows[r] = entityNo[rows[r]!]!
          rows[r + 3] = spellingNo[rows[r + 3]!]!
        }
        this.#byArticle.set(todo[k]!.id, { bodyHash: todo[k]!.bodyHash, rows })
        // Hundreds of thousands of mentions: the window keeps turning while they are taken in.
        if (k % TAKE_IN_EVERY === TAKE_IN_EVERY - 1) await turn()
      }
      this.#changed()
      return
    }
    // A few: scanned here (the matcher is built only now: for a worker's scan it would hold this thread for nothing).
    const matcher = buildMatcher(entities.entities)
    for (let i = 0; i < todo.length; i += 32) {
      const batch = todo.slice(i, i + 32)
      // An unreadable body has no mentions; `dossier check` reports the damage.
      const texts = await Promise.all(batch.map((a) => this.store.readBody(a.bodyHash).catch(() => '')))
      batch.forEach((a, k) => this.#set(a.id, a.bodyHash, matcher.findMentions(texts[k]!)))
      changed = true
    }
    if (changed) this.#changed()
  }

  #changed(): void {
    this.#dirty = true
    if (this.#closed) return
    this.#save.schedule(this.store.readOnly ? 0 : this.delayMs)
  }

  async #persist(): Promise<void> {
    if (!this.#dirty) return
    this.#dirty = false
    // Written a few hundred articles at a time (with turns of the event loop between): at
    // 10,000 articles one JSON.stringify of every mention held the main thread for a second.
    // Each chunk is encoded as it is made: the file is then put together from bytes (one
    // string of every chunk, flattened and encoded at once, held the thread for 50 ms).
    const chunks: Buffer[] = []
    const stamp = this.#stamp
    const rows = [...this.#byArticle]
    // Each entity id and spelling as JSON once; an article's line is JSON.stringify of
    // [id, bodyHash, [[entity, start, end, spelling]…]], written without making its mentions.
    const entityJson = this.#entityNos.list.map((id) => JSON.stringify(id))
    const spellingJson = this.#spellingNos.list.map((text) => JSON.stringify(text))
    for (let i = 0; i < rows.length; i += YIELD_EVERY) {
      const chunk = rows.slice(i, i + YIELD_EVERY).map(([id, a]) => `[${JSON.stringify(id)},${JSON.stringify(a.bodyHash)},[${mentionsJson(a.rows, entityJson, spellingJson)}]]`).join(',')
      chunks.push(Buffer.from(i === 0 ? chunk : `,${chunk}`, 'utf8'))
      await turn()
    }
    try {
      const head = Buffer.from(`{"version":${MENTIONS_VERSION},"entities":${JSON.stringify(stamp)},"articles":[`, 'utf8')
      await writeFileAtomically(join(this.store.dir, MENTIONS_FILE), Buffer.concat([head, ...chunks, Buffer.from(']}', 'utf8')]))
    } catch (error) {
      // A cache, not data: the next change tries again, or the next open rebuilds.
      this.#dirty = true
      console.error(`Could not write the mention index in ${this.store.dir}`, error)
    }
  }
}

/** The JSON of compact rows' mentions as [entity, start, end, spelling] arrays, comma-separated. */
function mentionsJson(rows: Int32Array, entityJson: readonly string[], spellingJson: readonly string[]): string {
  let out = ''
  for (let r = 0; r < rows.length; r += 4) out += `${r === 0 ? '' : ','}[${entityJson[rows[r]!]!},${rows[r + 1]!},${rows[r + 2]!},${spellingJson[rows[r + 3]!]!}]`
  return out
}

/** Whether the entities' matcher would find anything (`buildMatcher(entities).size > 0`): some spelling has a word to match. */
export function findsAnything(entities: readonly Entity[]): boolean {
  return entities.some((e) => spellingsOf(e).some((text) => keyTokens(text).length > 0))
}

/** Mentions from their compact rows and the numbering they were made with. */
function decode(rows: Int32Array, entityIds: readonly string[], spellings: readonly string[]): Mention[] {
  const out: Mention[] = []
  for (let r = 0; r < rows.length; r += 4) out.push({ entityId: entityIds[rows[r]!]! as EntityId, start: rows[r + 1]!, end: rows[r + 2]!, alias: spellings[rows[r + 3]!]! })
  return out
}

async function readCache(dir: string): Promise<z.infer<typeof CacheSchema> | null> {
  try {
    const parsed = CacheSchema.safeParse(JSON.parse(await readFile(join(dir, MENTIONS_FILE), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
