/**
 * The search box's little language, parsed into alternatives of clauses:
 *
 *   naval base            two words, anywhere in the document (title + body, or quote + comment)
 *   "naval base"          a phrase: the words adjacent and in this order (“curly” „low“ «guillemets» too)
 *   withdr*               a prefix: withdraw, withdrawal, withdrawn…  (at least 2 letters before *)
 *   al-Sharaa, Russia’s   a word that folds into several tokens is a phrase of them
 *   Tartus OR Latakia     either (OR in capitals)
 *   Tartus -Russia        Tartus, but not where Russia is; also NOT Russia, -"naval base", -withdr*
 *   (Tartus OR Latakia) -Russia    parentheses group
 *
 * Precedence (query-syntax.ts): NOT and - apply to the word, phrase or group right after
 * them; words side by side must all match (AND, which may also be written); OR is
 * loosest, so `Tartus naval OR Latakia` is `(Tartus naval) OR Latakia`. The tree is
 * expanded into at most MAX_ALTERNATIVES alternatives (OR of ANDs), each with clauses
 * that must all match and clauses none of which may match (`excluded`). Every alternative
 * needs a word to search for: a query of only excluded words is refused.
 *
 * Case and diacritics never matter (fold.ts). Stop words are ignored in word queries and
 * kept inside phrases; lower-case "or" and "not" are stop words, not operators.
 *
 * Never throws: malformed input gives warnings (the query still runs) or an `error`
 * (nothing to run) with a message meant for the user.
 */
import { STOP_WORDS, tokenize } from './fold'
import { expandNames, type NameExpansion, type NameLookup } from './expand-names'
import { lex, parseTokens, type Leaf, type Tree } from './query-syntax'

export type QueryClause =
  /** One folded word that must occur. */
  | { kind: 'term'; raw: string; term: string }
  /** A folded prefix (2+ characters); some word starting with it must occur. */
  | { kind: 'prefix'; raw: string; term: string }
  /** Folded tokens that must occur adjacent and in order (stop words included). */
  | { kind: 'phrase'; raw: string; terms: string[] }

/** One alternative of a query: a document matches it when it holds every clause and none of the excluded. */
export interface QueryAlternative {
  clauses: QueryClause[]
  excluded: QueryClause[]
}

export type QueryIssueCode =
  | 'empty'
  | 'only-stopwords'
  | 'only-excluded'
  | 'misplaced-operator'
  | 'too-complex'
  | 'wildcard-alone'
  | 'unbalanced-quote'
  | 'unbalanced-parenthesis'
  | 'stopwords-ignored'
  | 'prefix-too-short'
  | 'too-long'
  | 'names-not-expanded'

export interface QueryIssue {
  code: QueryIssueCode
  message: string
}

export interface ParsedQuery {
  /** The input as given. */
  input: string
  /** A document matches when it matches one of these (one for a query without OR). */
  alternatives: QueryAlternative[]
  /** Every clause some alternative requires, in query order, each once: what snippets mark. */
  clauses: QueryClause[]
  /** Things the parser changed or ignored; the query still runs. */
  warnings: QueryIssue[]
  /** Set when the query cannot run; `clauses` may still hold what was understood. */
  error: QueryIssue | null
  /** Words and phrases searched as every spelling of the entity they name (ParseOptions.names). */
  expansions: NameExpansion[]
}

export const MAX_QUERY_CHARS = 500
/** Distinct words, phrases and prefixes, required or excluded. */
export const MAX_CLAUSES = 32
export const MIN_PREFIX_CHARS = 2
/** Alternatives once parentheses are expanded: (a OR b) (c OR d) has 4; each is planned on its own. */
export const MAX_ALTERNATIVES = 16

/** Terms a clause contributes to the index lookup (stop words are not indexed). */
export function indexTerms(clause: QueryClause): string[] {
  if (clause.kind === 'prefix') return [clause.term]
  if (clause.kind === 'term') return [clause.term]
  return clause.terms.filter((t) => !STOP_WORDS.has(t))
}

/** Names a clause for dedupe. */
export function clauseKey(c: QueryClause): string {
  return c.kind === 'phrase' ? `p:${c.terms.join(' ')}` : `${c.kind}:${c.term}`
}

/** A tree of clauses: the syntax tree with its words read and the ignored ones gone. */
type ClauseTree = { kind: 'clause'; clause: QueryClause } | { kind: 'and' | 'or'; items: ClauseTree[] } | { kind: 'not'; item: ClauseTree }

/** What reading the words found besides clauses. */
interface Reading {
  /** Every distinct clause, in query order (capped at MAX_CLAUSES). */
  seen: Map<string, QueryClause>
  capped: boolean
  stopwords: string[]
  tooShort: string[]
  wildcardAlone: boolean
  /** Words of an OR side that was all ignored words (`the OR Tartus`). */
  emptySide: string[] | null
}

export interface ParseOptions {
  /** Expands words and phrases that name an entity to all its spellings (expand-names.ts); absent: the query as typed. */
  names?: NameLookup
}

export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const warnings: QueryIssue[] = []
  let q = typeof input === 'string' ? input : ''
  if (q.length > MAX_QUERY_CHARS) {
    // Cut at the last space before the limit, so no word is cut into a different one.
    const space = q.slice(0, MAX_QUERY_CHARS + 1).search(/\s\S*$/)
    q = q.slice(0, space > 0 ? space : MAX_QUERY_CHARS)
    warnings.push({ code: 'too-long', message: `Only the first ${MAX_QUERY_CHARS} characters of the query are used.` })
  }

  const { tokens, unclosedQuote } = lex(q)
  const { tree: typed, issues } = parseTokens(tokens)
  if (unclosedQuote) {
    warnings.push({ code: 'unbalanced-quote', message: 'A quotation mark is not closed: the rest of the query is searched as a phrase.' })
  }
  if (issues.unclosedParenthesis) {
    warnings.push({ code: 'unbalanced-parenthesis', message: 'A parenthesis is not closed: it is closed at the end of the query.' })
  }
  if (issues.strayParenthesis) {
    warnings.push({ code: 'unbalanced-parenthesis', message: 'A closing parenthesis has no opening one: it is ignored.' })
  }

  // Names expanded to their spellings (expand-names.ts); fewer of them, last first, when
  // all of them would make too many alternatives.
  let names = { tree: typed, used: [] as NameExpansion[] }
  let read = readQuery(typed)
  if (typed !== null && options.names !== undefined) {
    const all = expandNames(typed, options.names, Infinity)
    for (let limit = all.used.length; limit > 0; limit--) {
      names = limit === all.used.length ? all : expandNames(typed, options.names, limit)
      read = readQuery(names.tree)
      if (read.expanded !== null) break
    }
    if (read.expanded === null) {
      names = { tree: typed, used: [] }
      read = readQuery(typed)
    }
    const dropped = all.used.slice(names.used.length)
    if (dropped.length > 0) {
      warnings.push({
        code: 'names-not-expanded',
        message: `Searched only as typed: ${dropped.map((d) => `“${d.raw}”`).join(', ')} (with every spelling the query would have too many alternatives).`,
      })
    }
  }
  const { reading, expanded } = read
  if (reading.capped) {
    warnings.push({ code: 'too-long', message: `Only the first ${MAX_CLAUSES} words and phrases of the query are used.` })
  }
  if (reading.tooShort.length > 0) {
    warnings.push({
      code: 'prefix-too-short',
      message: `Ignored ${reading.tooShort.map((w) => `“${w}”`).join(', ')}: type at least ${MIN_PREFIX_CHARS} letters before *.`,
    })
  }

  const alternatives = expanded ?? []
  const required = new Set(alternatives.flatMap((a) => a.clauses))
  const clauses = [...reading.seen.values()].filter((c) => required.has(c))
  const searchable = alternatives.length > 0 && alternatives.every((a) => a.clauses.some((c) => indexTerms(c).length > 0))
  if (reading.stopwords.length > 0 && searchable) {
    const operators = reading.stopwords.some((w) => w === 'or' || w === 'not')
    warnings.push({
      code: 'stopwords-ignored',
      message: `Ignored common words: ${reading.stopwords.join(', ')}.${operators ? ' To combine words, write OR or NOT in capitals.' : ''}`,
    })
  }

  const error = queryError(issues.misplaced, expanded, alternatives, reading)
  return { input: q, alternatives, clauses, warnings, error, expansions: names.used }
}

/** The clauses of a syntax tree, and its alternatives (null: too many). */
function readQuery(tree: Tree | null): { reading: Reading; expanded: QueryAlternative[] | null } {
  const reading: Reading = { seen: new Map(), capped: false, stopwords: [], tooShort: [], wildcardAlone: false, emptySide: null }
  const clauseTree = tree === null ? null : readTree(tree, reading)
  return { reading, expanded: clauseTree === null ? [] : alternativesOf(clauseTree) }
}

const OR_NEEDS_WORDS = 'OR needs a word or phrase on each side, as in Tartus OR Latakia.'

/** Why the query cannot run, or null. */
function queryError(misplaced: 'or' | 'not' | null, expanded: QueryAlternative[] | null, alternatives: QueryAlternative[], r: Reading): QueryIssue | null {
  if (misplaced === 'or') return { code: 'misplaced-operator', message: OR_NEEDS_WORDS }
  if (misplaced === 'not') return { code: 'misplaced-operator', message: 'NOT needs a word, phrase or group after it, as in Tartus NOT Russia.' }
  if (expanded === null) {
    return { code: 'too-complex', message: `The query has more than ${MAX_ALTERNATIVES} alternatives once its parentheses are expanded: use fewer ORs.` }
  }
  const wildcard: QueryIssue = { code: 'wildcard-alone', message: `* finds words by their beginning: type at least ${MIN_PREFIX_CHARS} letters before it, as in withdr*.` }
  if (r.emptySide !== null) {
    if (r.emptySide.length > 0) return tooCommon(r.emptySide, ' on one side of OR')
    return r.wildcardAlone || r.tooShort.length > 0 ? wildcard : { code: 'misplaced-operator', message: OR_NEEDS_WORDS }
  }
  if (alternatives.length === 0) {
    if (r.stopwords.length > 0) return tooCommon(r.stopwords, '')
    if (r.wildcardAlone || r.tooShort.length > 0) return wildcard
    return { code: 'empty', message: 'Type a word or a "quoted phrase" to search for.' }
  }
  const onlyExcluding = alternatives.filter((a) => a.clauses.length === 0)
  if (onlyExcluding.length > 0) {
    const excluded = [...new Set(onlyExcluding.flatMap((a) => a.excluded.map((c) => `“${c.raw}”`)))].join(', ')
    return {
      code: 'only-excluded',
      message:
        onlyExcluding.length === alternatives.length
          ? `NOT and - only leave out matches of ${excluded}: add a word to search for, as in Tartus -Russia.`
          : `Each side of OR needs a word to search for: one only leaves out ${excluded}.`,
    }
  }
  for (const a of alternatives) {
    if (!a.clauses.some((c) => indexTerms(c).length > 0)) {
      return tooCommon([...(alternatives.length === 1 ? r.stopwords : []), ...a.clauses.map((c) => c.raw)], '')
    }
  }
  return null
}

function tooCommon(words: readonly string[], where: string): QueryIssue {
  return {
    code: 'only-stopwords',
    message: `${words.map((w) => `“${w}”`).join(', ')} ${words.length === 1 ? 'is' : 'are'} too common to search for${where}: add a less common word.`,
  }
}

/** The clause tree of a syntax tree (null when every word in it is ignored), recording what was ignored. */
function readTree(tree: Tree, r: Reading): ClauseTree | null {
  if (tree.kind === 'leaf') {
    const clauses = clausesOf(tree.leaf, r)
    return clauses.length === 0 ? null : clauses.length === 1 ? clauses[0]! : { kind: 'and', items: clauses }
  }
  if (tree.kind === 'not') {
    const item = readTree(tree.item, r)
    return item === null ? null : { kind: 'not', item }
  }
  const items: ClauseTree[] = []
  for (const t of tree.items) {
    const stopwordsBefore = r.stopwords.length
    const item = readTree(t, r)
    if (item !== null) items.push(item)
    // An alternative of ignored words only would match everything: the query is refused.
    else if (tree.kind === 'or') r.emptySide ??= r.stopwords.slice(stopwordsBefore)
  }
  if (items.length === 0) return null
  return items.length === 1 ? items[0]! : { kind: tree.kind, items }
}

/** The clauses of one word or phrase as typed (none when it is a stop word or too short a prefix). */
function clausesOf(leaf: Leaf, r: Reading): ClauseTree[] {
  const out: ClauseTree[] = []
  const add = (c: QueryClause) => {
    const key = clauseKey(c)
    let clause = r.seen.get(key)
    if (clause === undefined) {
      if (r.seen.size >= MAX_CLAUSES) {
        r.capped = true
        return
      }
      r.seen.set(key, (clause = c))
    }
    out.push({ kind: 'clause', clause })
  }
  if (leaf.kind === 'phrase') {
    const terms = tokenize(leaf.raw)
    const raw = leaf.raw.trim()
    if (terms.length === 1 && !STOP_WORDS.has(terms[0]!)) add({ kind: 'term', raw, term: terms[0]! })
    else if (terms.length > 0) add({ kind: 'phrase', raw, terms })
    return out
  }
  const word = leaf.raw
  const isPrefix = /\*+$/.test(word)
  const terms = tokenize(word)
  if (terms.length === 0) {
    if (isPrefix && /^[^\p{L}\p{N}]*$/u.test(word)) r.wildcardAlone = true
    return out
  }
  if (isPrefix) {
    const last = terms[terms.length - 1]!
    const lead = terms.slice(0, -1)
    if (lead.length === 1 && !STOP_WORDS.has(lead[0]!)) add({ kind: 'term', raw: word, term: lead[0]! })
    else if (lead.length > 0) add({ kind: 'phrase', raw: word, terms: lead })
    if (last.length < MIN_PREFIX_CHARS) r.tooShort.push(word)
    else add({ kind: 'prefix', raw: word, term: last })
    return out
  }
  if (terms.length > 1) add({ kind: 'phrase', raw: word, terms })
  else if (STOP_WORDS.has(terms[0]!)) r.stopwords.push(word)
  else add({ kind: 'term', raw: word, term: terms[0]! })
  return out
}

/** Thrown inside alternativesOf when the expansion passes MAX_ALTERNATIVES. */
const TOO_MANY = Symbol('too many alternatives')

/**
 * The tree as alternatives (OR of ANDs, NOT pushed down to clauses by De Morgan), each
 * clause once per alternative, equal alternatives once; null when there would be more
 * than MAX_ALTERNATIVES.
 */
function alternativesOf(tree: ClauseTree): QueryAlternative[] | null {
  type Alt = { clauses: Set<QueryClause>; excluded: Set<QueryClause> }
  const both = (a: Alt, b: Alt): Alt => ({ clauses: new Set([...a.clauses, ...b.clauses]), excluded: new Set([...a.excluded, ...b.excluded]) })
  const product = (sets: Alt[][]): Alt[] => {
    let out: Alt[] = [{ clauses: new Set(), excluded: new Set() }]
    for (const set of sets) {
      if (out.length * set.length > MAX_ALTERNATIVES) throw TOO_MANY
      out = out.flatMap((a) => set.map((b) => both(a, b)))
    }
    return out
  }
  const union = (sets: Alt[][]): Alt[] => {
    const out = sets.flat()
    if (out.length > MAX_ALTERNATIVES) throw TOO_MANY
    return out
  }
  const expand = (t: ClauseTree, negated: boolean): Alt[] => {
    if (t.kind === 'clause') return [negated ? { clauses: new Set(), excluded: new Set([t.clause]) } : { clauses: new Set([t.clause]), excluded: new Set() }]
    if (t.kind === 'not') return expand(t.item, !negated)
    const parts = t.items.map((item) => expand(item, negated))
    // NOT (a b) = NOT a OR NOT b; NOT (a OR b) = NOT a NOT b.
    return (t.kind === 'and') !== negated ? product(parts) : union(parts)
  }
  let alts: Alt[]
  try {
    alts = expand(tree, false)
  } catch (e) {
    if (e === TOO_MANY) return null
    throw e
  }
  const unique = new Map<string, QueryAlternative>()
  for (const a of alts) {
    const alt = { clauses: [...a.clauses], excluded: [...a.excluded] }
    const key = [...alt.clauses.map(clauseKey).sort(), '-', ...alt.excluded.map(clauseKey).sort()].join('\u0000')
    if (!unique.has(key)) unique.set(key, alt)
  }
  return [...unique.values()]
}
