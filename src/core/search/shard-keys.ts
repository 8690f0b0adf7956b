/**
 * The saved index is split into shards of terms by their first two characters, so a
 * search loads only the shards of its words (src/core/search/persist.ts): a word, or a
 * prefix of two characters or more, is in exactly one shard; a one-character prefix is in
 * every shard that starts with that character.
 */

/** The shard of a (folded) term: its first two characters, or the whole term when shorter. */
export function shardKeyOf(term: string): string {
  const first = term.codePointAt(0)
  if (first === undefined) return ''
  const width = first > 0xffff ? 2 : 1
  const second = term.codePointAt(width)
  return second === undefined ? term.slice(0, width) : term.slice(0, width + (second > 0xffff ? 2 : 1))
}

/**
 * The shards a lookup needs, among the keys the saved index has: a word's or a long
 * prefix's own shard; for a one-character prefix, every shard starting with it.
 */
export function shardKeysFor(term: string, prefix: boolean, present: ReadonlySet<string>): string[] {
  const key = shardKeyOf(term)
  if (!prefix || key !== term || [...term].length !== 1) return present.has(key) ? [key] : []
  return [...present].filter((k) => k.startsWith(term))
}
