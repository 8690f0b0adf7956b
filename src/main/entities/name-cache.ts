/**
 * The notebook's names for suggestions (notes/entities.md, "Suggestions"): every article's
 * capitalised names gathered into a `NameTally` and read as candidates. Reading every body
 * is linear in the notebook's text (minutes at 10,000 articles on a busy machine), so the
 * names are a derived cache, `names.json` in the notebook folder (written atomically, no
 * fsync: it is rebuilt when lost), kept per article (name-state.ts) and keyed by the
 * articles' ids and body hashes (`articlesStamp`). After an import, an edit of a body or a
 * deletion, only the articles added, removed or changed are read (an update equals a
 * rebuild from nothing); a missing, damaged or other-version file is rebuilt.
 * The entities and rejected suggestions are not part of the names' key on purpose: the
 * candidates do not depend on them, and `proposeVariants` compares the cached candidates
 * with the entities file as it is at each call, so an entity change is seen at once.
 * `suggestions.json` holds the suggestions with the stamp of the articles and the key of
 * the entities and options they were made for: after articles changed, only the
 * consonant skeletons of the changed names are compared again (`updateVariants`).
 * A process keeps the last names in memory too, under the same key.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { proposeVariants, updateVariants, type EntitiesFile, type NameCandidate, type VariantOptions, type VariantSuggestion } from '../../core/entities'
import { stampOf, stampToHex } from '../../core/search/stamp'
import { writeFileAtomically } from '../storage/durable-write'
import { NAMES_FILE, SUGGESTIONS_FILE } from '../storage/layout'
import type { NotebookStore } from '../storage/notebook-store'
import { buildNameState, NAMES_VERSION, parseNameState, serialiseNameState, tallyCandidates, updateNameState, type NameChange, type NameState } from './name-state'

export { NAMES_VERSION }

const CandidateSchema = z.object({
  key: z.string(),
  text: z.string(),
  count: z.number().int().nonnegative(),
  lower: z.number().int().nonnegative(),
  articleIds: z.array(z.string()),
  examples: z.array(z.object({ articleId: z.string(), line: z.string() })),
})

const SuggestionBase = { id: z.string(), label: z.string(), score: z.number(), reasons: z.array(z.string()), name: CandidateSchema }
const SuggestionsSchema = z.object({
  version: z.literal(NAMES_VERSION),
  /** articlesStamp of the articles the suggestions were made from. */
  articles: z.string(),
  /** entitiesRevision and the options other than the limit, joined. */
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

/** The last names each open store computed or read, with their candidates. */
const inMemory = new WeakMap<NotebookStore, { state: NameState; candidates: NameCandidate[] }>()

export type NamesOrigin = 'memory' | 'cache' | 'updated' | 'built'

/**
 * The notebook's name candidates: from memory or `names.json` when their key matches the
 * articles; else those names brought in step (only the articles added, removed or
 * changed are read; `change` says which keys that touched), or, with no usable names,
 * read from every body. Cached in `names.json` whenever not read from it.
 */
export async function notebookNames(store: NotebookStore): Promise<{ candidates: NameCandidate[]; origin: NamesOrigin; change?: NameChange }> {
  const articles = store.articles
  const stamp = articlesStamp(articles)
  const memory = inMemory.get(store)
  if (memory?.state.stamp === stamp) return { candidates: memory.candidates, origin: 'memory' }
  const held = memory?.state ?? parseNameState(await readJsonFile(join(store.dir, NAMES_FILE)))
  if (held?.stamp === stamp) {
    const candidates = tallyCandidates(articles, held.per, held.lower)
    inMemory.set(store, { state: held, candidates })
    return { candidates, origin: 'cache' }
  }
  // An unreadable body has no names; `dossier check` reports the damage.
  const read = (hash: string) => store.readBody(hash).catch(() => '')
  const updated = held ? await updateNameState(held, articles, stamp, read, (hash) => store.readBody(hash).catch(() => null)) : null
  const state = updated?.state ?? (await buildNameState(articles, stamp, read))
  const candidates = tallyCandidates(articles, state.per, state.lower)
  inMemory.set(store, { state, candidates })
  try {
    await writeFileAtomically(join(store.dir, NAMES_FILE), serialiseNameState(state))
  } catch (error) {
    // A cache, not data: the next process reads the bodies again.
    console.error(`Could not write the name cache in ${store.dir}`, error)
  }
  return updated ? { candidates, origin: 'updated', change: updated.change } : { candidates, origin: 'built' }
}

/**
 * Every suggestion (best first, then cut to `options.limit`, default 200), from
 * `suggestions.json` when it was made for these articles, entities and options; after
 * articles changed (same entities and options), updated for the names they touched;
 * else compared anew from the candidates (notebookNames); cached each time it is not
 * read. A second call with nothing changed reads one small file instead of the names of
 * the whole notebook.
 */
export async function notebookSuggestions(store: NotebookStore, file: EntitiesFile, options: VariantOptions = {}): Promise<{ suggestions: VariantSuggestion[]; origin: 'cache' | 'updated' | 'built' }> {
  const { limit = 200, ...rest } = options
  const stamp = articlesStamp(store.articles)
  const key = [entitiesRevision(file), JSON.stringify([rest.minAliasCount ?? null, rest.minPairCount ?? null])].join(' ')
  const json = await readJsonFile(join(store.dir, SUGGESTIONS_FILE))
  const cached = SuggestionsSchema.safeParse(json).success ? (json as { articles: string; key: string; suggestions: VariantSuggestion[] }) : null
  if (cached?.articles === stamp && cached.key === key) return { suggestions: cached.suggestions.slice(0, limit), origin: 'cache' }
  const names = await notebookNames(store)
  const update = cached?.key === key && names.change?.from === cached.articles
  const suggestions = update
    ? updateVariants(cached.suggestions, names.candidates, names.change!.keys, file.entities, file.rejected, { ...rest, limit: Infinity })
    : proposeVariants(names.candidates, file.entities, file.rejected, { ...rest, limit: Infinity })
  try {
    await writeFileAtomically(join(store.dir, SUGGESTIONS_FILE), JSON.stringify({ version: NAMES_VERSION, articles: stamp, key, suggestions }))
  } catch (error) {
    console.error(`Could not write the suggestions cache in ${store.dir}`, error)
  }
  return { suggestions: suggestions.slice(0, limit), origin: update ? 'updated' : 'built' }
}

/** The file's JSON (as written: zod would reorder its keys), or null when it is missing or not JSON. */
async function readJsonFile(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown
  } catch {
    return null
  }
}
