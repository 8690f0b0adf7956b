/**
 * The notebook's names for suggestions (notes/entities.md, "Suggestions"): every article's
 * capitalised names gathered into a `NameTally` and read as candidates. Reading every body
 * is linear in the notebook's text (seconds at 10,000 articles), so the candidates are a
 * derived cache, `names.json` in the notebook folder (written atomically, no fsync: it is
 * rebuilt when lost), keyed by what they depend on: the articles' ids and body hashes
 * (`articlesStamp`). An import, an edit of a body or a deletion changes the key and the
 * next call reads the bodies again; a missing, damaged or other-version file is rebuilt.
 * The entities and rejected suggestions are not part of the key on purpose: the
 * candidates do not depend on them, and `proposeVariants` compares the cached candidates
 * with the entities file as it is at each call, so an entity change is seen at once.
 * A process keeps the last candidates in memory too, under the same key.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { extractNames, NameTally, proposeVariants, type EntitiesFile, type NameCandidate, type VariantOptions, type VariantSuggestion } from '../../core/entities'
import { stampOf, stampToHex } from '../../core/search/stamp'
import { writeFileAtomically } from '../storage/durable-write'
import { NAMES_FILE, SUGGESTIONS_FILE } from '../storage/layout'
import type { NotebookStore } from '../storage/notebook-store'

export const NAMES_VERSION = 1

const CandidateSchema = z.object({
  key: z.string(),
  text: z.string(),
  count: z.number().int().nonnegative(),
  lower: z.number().int().nonnegative(),
  articleIds: z.array(z.string()),
  examples: z.array(z.object({ articleId: z.string(), line: z.string() })),
})

const CacheSchema = z.object({
  version: z.literal(NAMES_VERSION),
  articles: z.string(),
  candidates: z.array(CandidateSchema),
})

const SuggestionBase = { id: z.string(), label: z.string(), score: z.number(), reasons: z.array(z.string()), name: CandidateSchema }
const SuggestionsSchema = z.object({
  version: z.literal(NAMES_VERSION),
  /** articlesStamp, entitiesRevision and the options other than the limit, joined. */
  key: z.string(),
  suggestions: z.array(
    z.discriminatedUnion('kind', [
      z.object({ ...SuggestionBase, kind: z.literal('alias'), entityId: z.string(), entityName: z.string(), like: z.string() }),
      z.object({ ...SuggestionBase, kind: z.literal('pair'), other: CandidateSchema }),
    ]),
  ),
})

/** The key of the candidates: every article's id and body hash, in id order. */
export function articlesStamp(articles: readonly { id: string; bodyHash: string }[]): string {
  const sorted = [...articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return stampToHex(stampOf(sorted.flatMap((a) => [a.id, a.bodyHash])))
}

/** The revision of what suggestions compare the names with: the entities and the rejected suggestions, as saved. */
export function entitiesRevision(file: EntitiesFile): string {
  return stampToHex(stampOf(JSON.stringify(file.entities), JSON.stringify(file.rejected)))
}

/** The last candidates each open store computed or read, with their key. */
const inMemory = new WeakMap<NotebookStore, { stamp: string; candidates: NameCandidate[] }>()

/** The notebook's name candidates: from memory or `names.json` when their key matches the articles, else read from the bodies (and cached). */
export async function notebookNames(store: NotebookStore): Promise<{ candidates: NameCandidate[]; origin: 'memory' | 'cache' | 'built' }> {
  const articles = store.articles
  const stamp = articlesStamp(articles)
  const held = inMemory.get(store)
  if (held?.stamp === stamp) return { candidates: held.candidates, origin: 'memory' }
  const cached = await readCache(store.dir)
  if (cached?.articles === stamp) {
    inMemory.set(store, { stamp, candidates: cached.candidates })
    return { candidates: cached.candidates, origin: 'cache' }
  }
  const tally = new NameTally()
  for (let i = 0; i < articles.length; i += 32) {
    const batch = articles.slice(i, i + 32)
    // An unreadable body has no names; `dossier check` reports the damage.
    const texts = await Promise.all(batch.map((a) => store.readBody(a.bodyHash).catch(() => '')))
    batch.forEach((a, k) => tally.add(a.id, extractNames(texts[k]!)))
  }
  const candidates = tally.candidates()
  inMemory.set(store, { stamp, candidates })
  try {
    await writeFileAtomically(join(store.dir, NAMES_FILE), JSON.stringify({ version: NAMES_VERSION, articles: stamp, candidates }))
  } catch (error) {
    // A cache, not data: the next call reads the bodies again.
    console.error(`Could not write the name cache in ${store.dir}`, error)
  }
  return { candidates, origin: 'built' }
}

/**
 * Every suggestion (best first, then cut to `options.limit`, default 200), from
 * `suggestions.json` when its key (the articles' stamp, the entities' revision and the
 * options) matches, else compared anew from the candidates (notebookNames) and cached: a
 * second call with nothing changed reads one small file instead of the names of the
 * whole notebook.
 */
export async function notebookSuggestions(store: NotebookStore, file: EntitiesFile, options: VariantOptions = {}): Promise<{ suggestions: VariantSuggestion[]; origin: 'cache' | 'built' }> {
  const { limit = 200, ...rest } = options
  const key = [articlesStamp(store.articles), entitiesRevision(file), JSON.stringify([rest.minAliasCount ?? null, rest.minPairCount ?? null])].join(' ')
  const cached = await readJson(join(store.dir, SUGGESTIONS_FILE), SuggestionsSchema)
  if (cached?.key === key) return { suggestions: (cached.suggestions as VariantSuggestion[]).slice(0, limit), origin: 'cache' }
  const { candidates } = await notebookNames(store)
  const suggestions = proposeVariants(candidates, file.entities, file.rejected, { ...rest, limit: Infinity })
  try {
    await writeFileAtomically(join(store.dir, SUGGESTIONS_FILE), JSON.stringify({ version: NAMES_VERSION, key, suggestions }))
  } catch (error) {
    console.error(`Could not write the suggestions cache in ${store.dir}`, error)
  }
  return { suggestions: suggestions.slice(0, limit), origin: 'built' }
}

function readCache(dir: string): Promise<z.infer<typeof CacheSchema> | null> {
  return readJson(join(dir, NAMES_FILE), CacheSchema)
}

/** The file's JSON when it passes the schema (as written: zod would reorder its keys), else null. */
async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const json: unknown = JSON.parse(await readFile(path, 'utf8'))
    return schema.safeParse(json).success ? (json as T) : null
  } catch {
    return null
  }
}
