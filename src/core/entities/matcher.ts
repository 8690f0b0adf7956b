/**
 * Finding entities in text (notes/entities.md, "Matching rules").
 *
 * Every spelling (name and aliases) is split into key tokens (`keyTokens`, normalise.ts)
 * and put in a trie of Maps keyed by token. A text is split the same way and walked once:
 * from each token the trie is followed as far as the text's tokens allow, and the longest
 * spelling ending there is the candidate at that token. So matching is on whole words and
 * phrases only: "HTS" is not found in "HTSX", and "Tartus" is not found in "Tartusian"
 * (a demonym or derived word is a different word; add it as an alias if wanted). Words
 * of a phrase may be separated by any non-word characters except a line break
 * ("Hayat Tahrir\nal-Sham" across a hard wrap is still found: only a blank line stops a
 * phrase). Where candidates overlap, the longer (in tokens) wins, then the earlier.
 *
 * Cost: one pass over the text's tokens, each step one Map look-up per token walked
 * (bounded by the longest spelling), plus sorting the candidates.
 */
import { keyTokens, nameKey, type KeyToken } from './normalise'
import { spellingsOf, type Entity, type EntityId } from './schema'

/** One mention: offsets (UTF-16) into the original text, and the spelling it matched. */
export interface Mention {
  entityId: EntityId
  start: number
  end: number
  /** The entity's spelling (name or alias) whose key matched. */
  alias: string
}

/** What a query names: the entity, the spelling typed, and every spelling to search for. */
export interface QueryExpansion {
  entityId: EntityId
  name: string
  /** The entity's spelling with the same key as the query. */
  matched: string
  /** The name and every alias, name first. */
  spellings: string[]
}

interface TrieNode {
  next: Map<string, TrieNode> | null
  /** The spelling ending here, if any. */
  hit: { entityId: EntityId; alias: string; length: number } | null
}

function node(): TrieNode {
  return { next: null, hit: null }
}

export interface EntityMatcher {
  /** Mentions of known entities in `text`, in text order, not overlapping. */
  findMentions(text: string): Mention[]
  /** The entity a whole word or phrase names (by key), or null. */
  expandQuery(query: string): QueryExpansion | null
  /** The entity that owns a matching key, if any. */
  entityOfKey(key: string): EntityId | undefined
  /** Number of distinct spellings indexed. */
  readonly size: number
}

/** A blank line (two line breaks with only spaces between) ends a phrase. */
function breaksPhrase(text: string, from: number, to: number): boolean {
  const i = text.indexOf('\n', from)
  if (i < 0 || i >= to) return false
  return /\n[ \t\r]*\n/.test(text.slice(from, to))
}

/**
 * Builds a matcher over `entities`. Entities are expected to satisfy `entitiesProblem`
 * (schema.ts): if two spellings share a key anyway, the first entity keeps it.
 */
export function buildMatcher(entities: readonly Entity[]): EntityMatcher {
  const root = node()
  const byKey = new Map<string, { entity: Entity; alias: string }>()
  for (const entity of entities) {
    for (const text of spellingsOf(entity)) {
      const tokens = keyTokens(text)
      if (tokens.length === 0) continue
      const key = tokens.map((t) => t.key).join(' ')
      if (byKey.has(key)) continue
      byKey.set(key, { entity, alias: text })
      let at = root
      for (const t of tokens) {
        at.next ??= new Map()
        let child = at.next.get(t.key)
        if (child === undefined) {
          child = node()
          at.next.set(t.key, child)
        }
        at = child
      }
      at.hit = { entityId: entity.id, alias: text, length: tokens.length }
    }
  }

  function findMentions(text: string): Mention[] {
    const tokens: KeyToken[] = keyTokens(text)
    const candidates: { first: number; length: number; mention: Mention }[] = []
    for (let i = 0; i < tokens.length; i++) {
      let at: TrieNode | undefined = root
      let best: TrieNode['hit'] = null
      for (let j = i; j < tokens.length; j++) {
        if (j > i && breaksPhrase(text, tokens[j - 1]!.end, tokens[j]!.start)) break
        at = at.next?.get(tokens[j]!.key)
        if (at === undefined) break
        if (at.hit !== null) best = at.hit
      }
      if (best !== null) {
        const last = tokens[i + best.length - 1]!
        candidates.push({ first: i, length: best.length, mention: { entityId: best.entityId, start: tokens[i]!.start, end: last.end, alias: best.alias } })
      }
    }
    // Longest first, then earliest; a candidate is kept when none of its tokens is taken.
    const order = [...candidates].sort((a, b) => b.length - a.length || a.first - b.first)
    const taken = new Uint8Array(tokens.length)
    const kept: typeof candidates = []
    for (const c of order) {
      let free = true
      for (let k = c.first; k < c.first + c.length; k++) if (taken[k] === 1) free = false
      if (!free) continue
      for (let k = c.first; k < c.first + c.length; k++) taken[k] = 1
      kept.push(c)
    }
    return kept.sort((a, b) => a.first - b.first).map((c) => c.mention)
  }

  function expandQuery(query: string): QueryExpansion | null {
    const key = nameKey(query)
    const owner = key === '' ? undefined : byKey.get(key)
    if (owner === undefined) return null
    return { entityId: owner.entity.id, name: owner.entity.name, matched: owner.alias, spellings: spellingsOf(owner.entity) }
  }

  return {
    findMentions,
    expandQuery,
    entityOfKey: (key) => byKey.get(key)?.entity.id,
    size: byKey.size,
  }
}

/** Mention counts per entity, for a reader pane or an index. */
export function countMentions(mentions: readonly Mention[]): Map<EntityId, number> {
  const counts = new Map<EntityId, number>()
  for (const m of mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1)
  return counts
}
