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
 * Cost: one pass over the text's tokens, each step one look-up per token walked (bounded
 * by the longest spelling), plus sorting the candidates. The words of spellings are
 * numbered (`Vocabulary`), and a text's word is looked up by its hash without making its
 * string: at 10,000 articles the strings and objects made per word were most of the scan.
 */
import { fmix32 } from '../hash'
import { foldWithOffsets, toOriginalOffset, type FoldedText } from '../search/fold'
import { hashToken } from '../search/word-filter'
import { keyTokens, KeyWords, nameKey, scanKeyWords } from './normalise'
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
  /** By the number of the next word's key in the vocabulary. */
  next: Map<number, TrieNode> | null
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

/**
 * The distinct words of the spellings, numbered: a word of a text is found by its hash
 * (FNV-1a, hashToken) in an open-addressing table, compared character by character.
 */
class Vocabulary {
  readonly #words: string[] = []
  readonly #hashes: number[] = []
  #slots = new Int32Array(64)

  /** The number of `word`, numbering it if new. */
  add(word: string): number {
    const found = this.find(word, 0, word.length)
    if (found >= 0) return found
    const id = this.#words.push(word) - 1
    this.#hashes.push(hashToken(word))
    if (this.#words.length * 2 > this.#slots.length) {
      this.#slots = new Int32Array(this.#slots.length * 2)
      this.#words.forEach((_, k) => this.#place(k))
    } else this.#place(id)
    return id
  }

  /** The number of the word text[start, end), whose hashToken is `h`, or -1. */
  find(text: string, start: number, end: number, h = hashToken(text.slice(start, end))): number {
    const slots = this.#slots
    const mask = slots.length - 1
    const length = end - start
    for (let slot = fmix32(h) & mask; ; slot = (slot + 1) & mask) {
      const id = slots[slot]! - 1
      if (id < 0) return -1
      if (this.#hashes[id] !== h) continue
      const word = this.#words[id]!
      if (word.length !== length) continue
      let i = 0
      while (i < length && word.charCodeAt(i) === text.charCodeAt(start + i)) i++
      if (i === length) return id
    }
  }

  #place(id: number): void {
    const mask = this.#slots.length - 1
    let slot = fmix32(this.#hashes[id]!) & mask
    while (this.#slots[slot] !== 0) slot = (slot + 1) & mask
    this.#slots[slot] = id + 1
  }
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
  const vocabulary = new Vocabulary()
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
        const word = vocabulary.add(t.key)
        let child = at.next.get(word)
        if (child === undefined) {
          child = node()
          at.next.set(word, child)
        }
        at = child
      }
      at.hit = { entityId: entity.id, alias: text, length: tokens.length }
    }
  }

  // A text's words, reused from one text to the next, and the number of each one's key in
  // the vocabulary (-1: in no spelling).
  const words = new KeyWords()
  let ids = new Int32Array(1024)

  function findMentions(text: string): Mention[] {
    const folded: FoldedText = foldWithOffsets(text)
    const f = folded.text
    scanKeyWords(f, words)
    const n = words.count
    if (ids.length < n) ids = new Int32Array(n * 2)
    const { keys, keyStarts, keyEnds, hashes, starts, ends } = words
    for (let k = 0; k < n; k++) {
      const key = keys[k]
      ids[k] = key === undefined ? vocabulary.find(f, keyStarts[k]!, keyEnds[k]!, hashes[k]!) : vocabulary.find(key, 0, key.length, hashes[k]!)
    }
    const original = (at: number) => toOriginalOffset(folded, at)
    const candidates: { first: number; length: number; mention: Mention }[] = []
    for (let i = 0; i < n; i++) {
      let at: TrieNode | undefined = root
      let best: TrieNode['hit'] = null
      for (let j = i; j < n; j++) {
        // A word in no spelling ends the walk (before the phrase check: a break ends it too).
        if (ids[j]! < 0) break
        if (j > i && breaksPhrase(text, original(ends[j - 1]!), original(starts[j]!))) break
        at = at.next?.get(ids[j]!)
        if (at === undefined) break
        if (at.hit !== null) best = at.hit
      }
      if (best !== null) {
        candidates.push({ first: i, length: best.length, mention: { entityId: best.entityId, start: original(starts[i]!), end: original(ends[i + best.length - 1]!), alias: best.alias } })
      }
    }
    // Longest first, then earliest; a candidate is kept when none of its tokens is taken.
    const order = [...candidates].sort((a, b) => b.length - a.length || a.first - b.first)
    const taken = new Uint8Array(n)
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
