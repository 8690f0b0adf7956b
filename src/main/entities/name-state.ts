/**
 * The notebook's names kept per article (notes/entities.md, "Suggestions"), so that an
 * import, a deletion or a changed body costs reading those articles only:
 * - `per`: each article's id, body hash and capitalised names (`NameInArticle`), with
 *   their example line only where a candidate can show it: in the first three articles,
 *   in catalog order, that hold the name (`keepExamples`; elsewhere the line is ''). At
 *   10,000 articles that keeps 86,000 lines instead of 430,000 (most of the file). When
 *   an article among those three goes, the next one's body is read for its line;
 * - `lower`: the notebook's lower-case word counts, summed (per article they would be
 *   most of the file; to take an article out, its old body is read again instead, and
 *   when that body is gone the whole state is rebuilt).
 * The candidates are always tallied from `per` in the catalog's article order, then the
 * summed lower counts, which gives exactly what `NameTally.add` of every article's
 * `extractNames` in that order gives: an update equals a rebuild from nothing.
 * Keyed by text from documents: Maps only.
 */
import { z } from 'zod'
import { extractNames, NameTally, type NameCandidate, type NameInArticle } from '../../core/entities'

export const NAMES_VERSION = 2

export interface ArticleNameEntry {
  bodyHash: string
  names: Map<string, NameInArticle>
}

export interface NameState {
  /** `articlesStamp` of the articles held. */
  stamp: string
  per: Map<string, ArticleNameEntry>
  lower: Map<string, number>
}

/** What an update changed: the stamp it started from and every key of the articles it added, removed or changed. */
export interface NameChange {
  from: string
  keys: Set<string>
}

interface ArticleRef {
  id: string
  bodyHash: string
}

/** Reads a body; an unreadable one (`dossier check` reports it) has no names. */
export type BodyReader = (hash: string) => Promise<string>

const BATCH = 32
/** Example lines a candidate shows (NameTally.candidates: its first three articles). */
const EXAMPLES = 3

/** Candidates from the articles' names, in `articles` order, and the summed lower counts. */
export function tallyCandidates(articles: readonly ArticleRef[], per: ReadonlyMap<string, ArticleNameEntry>, lower: ReadonlyMap<string, number>): NameCandidate[] {
  const tally = new NameTally()
  const none = new Map<string, number>()
  for (const a of articles) {
    const entry = per.get(a.id)
    if (entry) tally.add(a.id, { names: entry.names, lower: none })
  }
  tally.addLowerCounts(lower)
  return tally.candidates()
}

/** Reads the bodies of `articles`, 32 at a time, and hands each article's names to `take`. */
async function readNames(articles: readonly ArticleRef[], read: BodyReader, take: (a: ArticleRef, names: ReturnType<typeof extractNames>) => void): Promise<void> {
  for (let i = 0; i < articles.length; i += BATCH) {
    const batch = articles.slice(i, i + BATCH)
    const texts = await Promise.all(batch.map((a) => read(a.bodyHash)))
    batch.forEach((a, k) => take(a, extractNames(texts[k]!)))
  }
}

/** Every article's names, read from every body. */
export async function buildNameState(articles: readonly ArticleRef[], stamp: string, read: BodyReader): Promise<NameState> {
  const per = new Map<string, ArticleNameEntry>()
  const lower = new Map<string, number>()
  await readNames(articles, read, (a, found) => {
    per.set(a.id, { bodyHash: a.bodyHash, names: found.names })
    for (const [key, n] of found.lower) lower.set(key, (lower.get(key) ?? 0) + n)
  })
  await keepExamples(articles, per, () => Promise.resolve(''))
  return { stamp, per, lower }
}

/**
 * Keeps each name's example line in the first EXAMPLES articles holding it (in
 * `articles` order) and clears it ('') in the others; an article that needs a line it
 * does not have is read again (`read`; false when a body that had names cannot be read).
 * Entries are replaced, never changed, so a state they came from stays as it was.
 */
async function keepExamples(articles: readonly ArticleRef[], per: Map<string, ArticleNameEntry>, read: (hash: string) => Promise<string | null>): Promise<boolean> {
  const seen = new Map<string, number>()
  const missing = new Map<string, string[]>() // article id -> keys whose line it lacks
  for (const a of articles) {
    const entry = per.get(a.id)
    if (entry === undefined) continue
    let names: Map<string, NameInArticle> | null = null
    for (const [key, n] of entry.names) {
      const rank = seen.get(key) ?? 0
      seen.set(key, rank + 1)
      if (rank >= EXAMPLES && n.example !== '') (names ??= new Map(entry.names)).set(key, { ...n, example: '' })
      else if (rank < EXAMPLES && n.example === '') missing.set(a.id, [...(missing.get(a.id) ?? []), key])
    }
    if (names !== null) per.set(a.id, { bodyHash: entry.bodyHash, names })
  }
  for (const [id, keys] of missing) {
    const entry = per.get(id)!
    const text = await read(entry.bodyHash)
    if (text === null) return false
    const found = extractNames(text).names
    const names = new Map(entry.names)
    for (const key of keys) names.set(key, { ...names.get(key)!, example: found.get(key)?.example ?? '' })
    per.set(id, { bodyHash: entry.bodyHash, names })
  }
  return true
}

/**
 * `held` brought in step with `articles`: articles gone or with another body are taken
 * out (their old body read again for its lower-case counts), new or changed ones read.
 * Null when an old body cannot be read (the caller rebuilds). `held` is not changed.
 */
export async function updateNameState(held: NameState, articles: readonly ArticleRef[], stamp: string, read: BodyReader, readOld: (hash: string) => Promise<string | null>): Promise<{ state: NameState; change: NameChange } | null> {
  const now = new Map(articles.map((a) => [a.id, a.bodyHash]))
  const out = [...held.per].filter(([id, e]) => now.get(id) !== e.bodyHash)
  const added = articles.filter((a) => held.per.get(a.id)?.bodyHash !== a.bodyHash)
  const per = new Map(held.per)
  const lower = new Map(held.lower)
  const keys = new Set<string>()
  for (const [id, entry] of out) {
    const text = await readOld(entry.bodyHash)
    if (text === null) return null
    for (const [key, n] of extractNames(text).lower) {
      keys.add(key)
      const left = (lower.get(key) ?? 0) - n
      if (left > 0) lower.set(key, left)
      else lower.delete(key)
    }
    for (const key of entry.names.keys()) keys.add(key)
    per.delete(id)
  }
  await readNames(added, read, (a, found) => {
    per.set(a.id, { bodyHash: a.bodyHash, names: found.names })
    for (const [key, n] of found.lower) {
      keys.add(key)
      lower.set(key, (lower.get(key) ?? 0) + n)
    }
    for (const key of found.names.keys()) keys.add(key)
  })
  if (!(await keepExamples(articles, per, readOld))) return null
  return { state: { stamp, per, lower }, change: { from: held.stamp, keys } }
}

// names.json: per article [id, bodyHash, lines, names as [key, surface, count, line index or -1]], and the lower counts.
const FileSchema = z.object({
  version: z.literal(NAMES_VERSION),
  articles: z.string(),
  // Checked entry by entry below (parseNameState): zod over a million small tuples takes seconds.
  per: z.array(z.unknown()),
  lower: z.array(z.tuple([z.string(), z.number().int().positive()])),
})

/** The state as names.json holds it (example lines stored once per article, -1 for none). */
export function serialiseNameState(state: NameState): string {
  // Articles in id order (and lower-case counts in key order, below): the same notebook gives the same file, whatever the history of its Maps.
  const byId = [...state.per].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const per = byId.map(([id, e]) => {
    const lines = new Map<string, number>()
    const names = [...e.names].map(([key, n]) => {
      let at = n.example === '' ? -1 : lines.get(n.example)
      if (at === undefined) lines.set(n.example, (at = lines.size))
      return [key, n.surface, n.count, at]
    })
    return [id, e.bodyHash, [...lines.keys()], names]
  })
  const lower = [...state.lower].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return JSON.stringify({ version: NAMES_VERSION, articles: state.stamp, per, lower })
}

const isString = (x: unknown): x is string => typeof x === 'string'
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0

/** One article's names from its names.json entry, or null when the entry is not a valid one. */
function parseEntry(raw: unknown): [string, ArticleNameEntry] | null {
  if (!Array.isArray(raw) || raw.length !== 4) return null
  const [id, bodyHash, lines, names] = raw as unknown[]
  if (!isString(id) || !isString(bodyHash) || !Array.isArray(lines) || !lines.every(isString) || !Array.isArray(names)) return null
  const map = new Map<string, NameInArticle>()
  for (const n of names as unknown[]) {
    if (!Array.isArray(n) || n.length !== 4) return null
    const [key, surface, count, at] = n as unknown[]
    if (!isString(key) || !isString(surface) || !isCount(count) || !Number.isInteger(at) || (at as number) < -1 || (at as number) >= lines.length) return null
    map.set(key, { surface, count, example: at === -1 ? '' : (lines[at as number] as string) })
  }
  return [id, { bodyHash, names: map }]
}

/** The state from names.json's parsed JSON, or null when it is not a valid one. */
export function parseNameState(json: unknown): NameState | null {
  const parsed = FileSchema.safeParse(json)
  if (!parsed.success) return null
  const per = new Map<string, ArticleNameEntry>()
  for (const raw of parsed.data.per) {
    const entry = parseEntry(raw)
    if (entry === null) return null
    per.set(...entry)
  }
  return { stamp: parsed.data.articles, per, lower: new Map(parsed.data.lower) }
}
