/**
 * Query expansion by names (issue 13, notes/entities.md "Search"): a word or "phrase" of
 * the query that names an entity of the notebook (by its matching key, so "Hmeimim",
 * "HMEIMIM" and "Hmeimim's" all do) is searched as any of the entity's spellings: the
 * leaf becomes an OR of the typed text and each spelling, as phrases. A run of plain
 * words side by side (`Hayat Tahrir al-Sham` typed without quotes) names an entity when
 * the run as a whole does, longest run first; it is then OR'ed with the words as typed,
 * so expansion only ever adds matches.
 *
 * Spellings whose words contain another spelling's words in order are left out ("Khmeimim
 * Air Base" when "Khmeimim" is searched: every article holding the one holds the other),
 * so an entity costs as few alternatives as its distinct spellings. The search core knows
 * nothing of entities: the caller passes `NameLookup` (src/core/entities buildMatcher's
 * expandQuery fits).
 */
import { tokenize } from './fold'
import type { Leaf, Tree } from './query-syntax'

/** What a text names: the entity and every spelling of it (name first). */
export interface NamedEntity {
  entityId: string
  name: string
  spellings: readonly string[]
}

export type NameLookup = (text: string) => NamedEntity | null

/** One expansion a query used: the text as typed, the entity, and the spellings searched. */
export interface NameExpansion {
  raw: string
  entityId: string
  name: string
  /** The spellings searched besides the text as typed (distinct once folded, none containing another). */
  spellings: string[]
}

/** Longest run of side-by-side words tried as one name. */
export const MAX_NAME_WORDS = 6

/** The distinct spellings to search: equal word sequences once, and none that contains another's words. */
export function searchSpellings(spellings: readonly string[]): { text: string; terms: string[] }[] {
  const seen = new Map<string, { text: string; terms: string[] }>()
  for (const text of spellings) {
    const terms = tokenize(text)
    const key = terms.join(' ')
    if (terms.length > 0 && !seen.has(key)) seen.set(key, { text, terms })
  }
  const all = [...seen.values()]
  return all.filter((s) => !all.some((o) => o !== s && o.terms.length < s.terms.length && containsRun(s.terms, o.terms)))
}

/** Whether `terms` holds `run` as consecutive words. */
export function containsRun(terms: readonly string[], run: readonly string[]): boolean {
  outer: for (let i = 0; i + run.length <= terms.length; i++) {
    for (let k = 0; k < run.length; k++) if (terms[i + k] !== run[k]) continue outer
    return true
  }
  return false
}

/**
 * The tree with names expanded, at most `limit` of them (in query order), and the
 * expansions used. A leaf whose entity has a single distinct spelling is left as it is.
 */
export function expandNames(tree: Tree, lookup: NameLookup, limit: number): { tree: Tree; used: NameExpansion[] } {
  const used: NameExpansion[] = []
  const expandText = (raw: string, typed: Tree): Tree | null => {
    if (used.length >= limit) return null
    const named = lookup(raw)
    if (named === null) return null
    const typedTerms = tokenize(raw).join(' ')
    const spellings = searchSpellings([raw, ...named.spellings]).filter((s) => s.terms.join(' ') !== typedTerms)
    if (spellings.length === 0) return null
    used.push({ raw, entityId: named.entityId, name: named.name, spellings: spellings.map((s) => s.text) })
    return { kind: 'or', items: [typed, ...spellings.map((s): Tree => ({ kind: 'leaf', leaf: { kind: 'phrase', raw: s.text } }))] }
  }
  const plainWord = (t: Tree): t is { kind: 'leaf'; leaf: Leaf } => t.kind === 'leaf' && t.leaf.kind === 'word' && !t.leaf.raw.endsWith('*')
  const walk = (t: Tree): Tree => {
    if (t.kind === 'leaf') return t.leaf.raw.endsWith('*') && t.leaf.kind === 'word' ? t : (expandText(t.leaf.raw, t) ?? t)
    if (t.kind === 'not') return { kind: 'not', item: walk(t.item) }
    if (t.kind === 'or') return { kind: 'or', items: t.items.map(walk) }
    const items: Tree[] = []
    for (let i = 0; i < t.items.length; ) {
      let taken = 0
      // The longest run of plain words from here that names an entity (two words or more).
      for (let n = Math.min(MAX_NAME_WORDS, t.items.length - i); n >= 2 && taken === 0; n--) {
        const run = t.items.slice(i, i + n)
        if (!run.every(plainWord)) continue
        const raw = run.map((w) => (w as { leaf: Leaf }).leaf.raw).join(' ')
        const expanded = expandText(raw, { kind: 'and', items: run })
        if (expanded !== null) {
          items.push(expanded)
          taken = n
        }
      }
      if (taken === 0) {
        items.push(walk(t.items[i]!))
        taken = 1
      }
      i += taken
    }
    return { kind: 'and', items }
  }
  return { tree: walk(tree), used }
}
