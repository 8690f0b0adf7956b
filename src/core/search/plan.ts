/**
 * The query plan of one alternative of a query (a query without OR has one), and the
 * merge of a query's alternatives into one ranking. See SearchIndex.search for the steps.
 *
 * Excluded clauses (NOT, -) never supply candidates; they rule candidates out:
 * - a word: by its postings, one look-up per candidate (mini-internals.ts postingHas),
 *   never by reading a text;
 * - a prefix: by the set of documents its postings name, collected once;
 * - a phrase: a candidate lacking one of its words (postings) or word pairs (word filter)
 *   cannot hold it; the others are checked against their text, like required phrases
 *   ("vetoes").
 */
import type { QueryCombination } from 'minisearch'
import type { ArticleId, HighlightId } from '../ids'
import { collectCandidates, COMMON_POSTINGS, countPostings, filterKeysOf, FIRST_COUNT_CAP, mayHold, rankCommon, titledOf, type Lookup, type Ranked } from './candidates'
import type { DocStore } from './doc-store'
import { passes, type CompiledFilter } from './filter'
import { needlesOf, type Needle } from './match'
import { postingHas } from './mini-internals'
import { indexTerms, type QueryAlternative, type QueryClause } from './query'
import type { SearchResponse } from './types'
import { mayContainPhrase } from './word-filter'

export interface PlanContext {
  store: DocStore
  /** The fields searched (SEARCH_FIELDS, with or without furniture). */
  fields: string[]
  filter: CompiledFilter
  /** Posting counts by lookup and cap, shared by a query's alternatives. */
  counts: Map<string, number>
}

/** An excluded phrase, with its indexed words. */
export interface Veto {
  needle: Needle
  words: string[]
}

export interface AlternativePlan {
  /** The candidates, best first (BM25), or unscored (score 0) when every word is common. */
  ranked: Ranked[]
  common: boolean
  /** When common: the candidates with the words in their title (see rankCommon). */
  titled: ReadonlySet<string>
  /** Required phrases and skipped common words: checked against the text. */
  checks: Needle[]
  /** Excluded phrases, checked against the text of a candidate that may hold them (vetoesFor). */
  vetoes: Veto[]
}

/** A document of the merged ranking and the alternatives it is a candidate of. */
export interface Entry extends Ranked {
  plans: AlternativePlan[]
}

const NONE: ReadonlySet<string> = new Set()

/** One index lookup per distinct word or prefix of the clauses (a phrase contributes its non-stop words). */
export function lookupsOf(clauses: readonly QueryClause[], fields: string[]): Map<string, Lookup> {
  const lookups = new Map<string, Lookup>()
  for (const clause of clauses) {
    if (clause.kind === 'prefix') lookups.set(`${clause.term}*`, { query: { queries: [clause.term], prefix: true, fields }, word: null, postings: 0 })
    else for (const term of indexTerms(clause)) lookups.set(term, { query: { queries: [term], fields }, word: term, postings: 0 })
  }
  return lookups
}

/** The words and prefixes whose postings a query needs, required and excluded (a partly loaded index loads their shards). */
export function wordsOf(alternatives: readonly QueryAlternative[]): { term: string; prefix: boolean }[] {
  const out: { term: string; prefix: boolean }[] = []
  for (const a of alternatives) {
    for (const c of [...a.clauses, ...a.excluded]) {
      if (c.kind === 'prefix') out.push({ term: c.term, prefix: true })
      else for (const term of indexTerms(c)) out.push({ term, prefix: false })
    }
  }
  return out
}

/**
 * Plan of one alternative: count each lookup's postings, in rounds with a rising cap (a
 * boostDocument that returns 0 skips scoring; counting stops at the cap), then:
 * - words that reach the cap while another lookup does not are not looked up: the rarer
 *   lookups supply the candidates, and those words are checked per candidate with the
 *   word filter and then, for the hits returned, against the text (as phrases are);
 * - if every lookup is common (COMMON_POSTINGS), intersect them all without scoring.
 * Candidates pass the filters and the exclusions.
 */
export function planAlternative(ctx: PlanContext, alt: QueryAlternative): AlternativePlan {
  const { store, filter } = ctx
  const lookups = lookupsOf(alt.clauses, ctx.fields)
  const phrases = needlesOf(alt.clauses).filter((n) => n.kind === 'phrase')
  const paired = phrases.filter((n) => n.terms.length > 1).map((n) => n.terms)
  const plan = [...lookups.values()]
  let cap = 0
  for (const round of [FIRST_COUNT_CAP, COMMON_POSTINGS]) {
    cap = round
    for (const [key, l] of lookups) {
      const countKey = `${round}:${key}`
      let n = ctx.counts.get(countKey)
      if (n === undefined) ctx.counts.set(countKey, (n = countPostings(store.mini, l.query, round)))
      l.postings = n
    }
    if (plan.some((l) => l.postings < cap)) break
  }
  plan.sort((a, b) => a.postings - b.postings)
  const common = plan.every((l) => l.postings >= COMMON_POSTINGS)
  const skipped = common ? [] : plan.filter((l) => l.postings >= cap && l.word !== null)
  const scored = plan.filter((l) => !skipped.includes(l))
  const skippedWords = skipped.map((l) => l.word!)
  const checks: Needle[] = [...phrases, ...skippedWords.map((w): Needle => ({ key: w, kind: 'term', terms: [w] }))]
  const exclusion = exclusionOf(ctx, alt.excluded)

  const prefilter = paired.length > 0 || skippedWords.length > 0
  const filterKeys = prefilter ? filterKeysOf(paired, skippedWords) : []
  const keep =
    filter.active || prefilter || exclusion !== null
      ? (id: string) =>
          (!filter.active || passes(store, id, filter)) && (!prefilter || mayHold(store, id, filterKeys)) && (exclusion === null || !exclusion.excludes(id))
      : null
  const vetoes = exclusion?.vetoes ?? []
  let candidates: Set<string> | null = null
  if (common || plan.length > 1 || paired.length > 0) {
    candidates = collectCandidates(store.mini, (common ? plan : scored.slice(0, 1)).map((l) => l.query), keep)
    if (candidates.size === 0) return { ranked: [], common, titled: NONE, checks, vetoes }
  }
  if (common && candidates !== null) {
    const keys = [...lookups.keys()]
    const ranked = [...candidates].map((id): Ranked => ({ id, score: 0, terms: keys }))
    return { ranked, common: true, titled: titledOf(store, candidates, plan.map((l) => l.query)), checks, vetoes }
  }
  // BM25 over the candidates, for the words not skipped.
  const allowed = candidates
  const boostDocument = allowed !== null ? (id: string) => (allowed.has(id) ? 1 : 0) : keep !== null ? (id: string) => (keep(id) ? 1 : 0) : undefined
  const ranked = store.mini
    .search({ combineWith: 'AND', queries: scored.map((l) => l.query) }, boostDocument === undefined ? {} : { boostDocument })
    .map((r): Ranked => ({ id: r.id as string, score: r.score, terms: [...r.terms, ...skippedWords] }))
  return { ranked, common: false, titled: NONE, checks, vetoes }
}

/** What rules candidates out for an alternative's excluded clauses; null when it has none. */
function exclusionOf(ctx: PlanContext, excluded: readonly QueryClause[]): { excludes: (id: string) => boolean; vetoes: Veto[] } | null {
  if (excluded.length === 0) return null
  const { store, fields } = ctx
  const words: string[] = []
  const prefixes: QueryCombination[] = []
  const vetoes: Veto[] = []
  for (const c of excluded) {
    if (c.kind === 'term') words.push(c.term)
    else if (c.kind === 'prefix') prefixes.push({ queries: [c.term], prefix: true, fields })
    else vetoes.push({ needle: needlesOf([c])[0]!, words: indexTerms(c) })
  }
  // Documents holding an excluded prefix: one pass over its postings, when first needed.
  let prefixed: Set<string> | null = null
  const holdsPrefix = (id: string) => {
    if (prefixed === null) {
      prefixed = new Set()
      for (const q of prefixes) for (const d of collectCandidates(store.mini, [q], null)) prefixed.add(d)
    }
    return prefixed.has(id)
  }
  return {
    excludes: (id) => words.some((w) => postingHas(store.mini, w, id, fields)) || (prefixes.length > 0 && holdsPrefix(id)),
    vetoes,
  }
}

/** The excluded phrases the document may hold (its postings and word filter cannot rule them out): its text decides. */
export function vetoesFor(ctx: PlanContext, plan: AlternativePlan, id: string): Needle[] {
  if (plan.vetoes.length === 0) return []
  const { store, fields } = ctx
  const filter = (store.articles.get(id as ArticleId) ?? store.highlights.get(id as HighlightId))?.filter
  return plan.vetoes
    .filter((v) => v.words.every((w) => postingHas(store.mini, w, id, fields)) && (filter === undefined || mayContainPhrase(filter, v.needle.terms)))
    .map((v) => v.needle)
}

/**
 * One ranking of the alternatives' candidates (a document of several alternatives once,
 * its scores added, as MiniSearch's OR does): scored documents best first, then the
 * unscored ones of alternatives whose words are all common, titles first then newest.
 */
export function mergePlans(store: DocStore, plans: readonly AlternativePlan[]): { entries: Entry[]; ranking: SearchResponse['ranking'] } {
  const byId = new Map<string, Entry>()
  for (const plan of plans) {
    for (const r of plan.ranked) {
      const entry = byId.get(r.id)
      // The terms array is the plan's (often one array for all its candidates): copied only when another plan adds to it.
      if (entry === undefined) byId.set(r.id, { id: r.id, score: r.score, terms: r.terms, plans: [plan] })
      else {
        entry.score += r.score
        const added = r.terms.filter((t) => !entry.terms.includes(t))
        if (added.length > 0) entry.terms = [...entry.terms, ...added]
        entry.plans.push(plan)
      }
    }
  }
  const scored: Entry[] = []
  const unscored: string[] = []
  for (const e of byId.values()) {
    if (e.score > 0) scored.push(e)
    else unscored.push(e.id)
  }
  // One alternative comes ranked already; a stable sort keeps equal scores in that order.
  if (plans.length > 1) scored.sort((a, b) => b.score - a.score)
  const entries = scored
  if (unscored.length > 0) {
    const titled = plans.length === 1 ? plans[0]!.titled : new Set(plans.flatMap((p) => [...p.titled]))
    for (const id of rankCommon(store, unscored, titled)) entries.push(byId.get(id)!)
  }
  return { entries, ranking: plans.every((p) => p.common) ? 'title-then-date' : 'relevance' }
}
