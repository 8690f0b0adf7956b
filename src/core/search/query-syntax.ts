/**
 * The search box's syntax, before any word is folded: the query as tokens (words,
 * "phrases", OR, AND, NOT, -, parentheses), then a tree by precedence. query.ts turns the
 * words into clauses and the tree into alternatives.
 *
 * Precedence, loosest first: OR; then AND (words side by side, or written AND); then NOT
 * and - (which apply to the one word, phrase or group right after them). So
 * `a b OR c` is `(a b) OR c`, and `a -b c` excludes only b.
 *
 * Operators are recognised only where they cannot be part of a word:
 * - OR, AND and NOT in capitals, standing alone or against a parenthesis (lower-case
 *   or, and, not are words);
 * - - at the start of a word, right before a letter, digit, quotation mark or
 *   parenthesis (al-Sharaa, 2024-12-08 and a lone - stay as they are);
 * - ( at the start of a word, ) at its end (a parenthesis inside a word is punctuation).
 */

/** Quotation marks: any of them opens or closes a phrase. */
export const QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', '„', '‟', '«', '»'])

export type Operator = 'or' | 'and' | 'not' | 'open' | 'close'
export type Token = { kind: 'word'; raw: string } | { kind: 'phrase'; raw: string } | { kind: Operator }
export type Leaf = Extract<Token, { kind: 'word' | 'phrase' }>

export type Tree = { kind: 'leaf'; leaf: Leaf } | { kind: 'and' | 'or'; items: Tree[] } | { kind: 'not'; item: Tree }

export interface SyntaxIssues {
  /** A quotation mark was not closed: the rest of the query is a phrase. */
  unclosedQuote: boolean
  /** A ( was not closed: it is closed at the end. */
  unclosedParenthesis: boolean
  /** A ) had no ( before it: it is ignored. */
  strayParenthesis: boolean
  /** OR or NOT where a word is needed (at either end of OR, after NOT): the query cannot run. */
  misplaced: 'or' | 'not' | null
}

const KEYWORDS = new Map<string, Operator>([
  ['OR', 'or'],
  ['AND', 'and'],
  ['NOT', 'not'],
])
const NEGATABLE = /^[\p{L}\p{N}(]$/u

/** The query as tokens; `unclosedQuote` when the last phrase has no closing mark. */
export function lex(q: string): { tokens: Token[]; unclosedQuote: boolean } {
  const tokens: Token[] = []
  const chars = [...q]
  let i = 0
  while (i < chars.length) {
    const ch = chars[i]!
    if (/\s/u.test(ch)) {
      i++
      continue
    }
    if (QUOTES.has(ch)) {
      let end = i + 1
      while (end < chars.length && !QUOTES.has(chars[end]!)) end++
      tokens.push({ kind: 'phrase', raw: chars.slice(i + 1, end).join('') })
      if (end >= chars.length) return { tokens, unclosedQuote: true }
      i = end + 1
      continue
    }
    let end = i
    while (end < chars.length && !/\s/u.test(chars[end]!) && !QUOTES.has(chars[end]!)) end++
    wordTokens(chars.slice(i, end), end < chars.length && QUOTES.has(chars[end]!), tokens)
    i = end
  }
  return { tokens, unclosedQuote: false }
}

/** One run of characters between spaces and quotation marks: its operators and its word. */
function wordTokens(word: readonly string[], beforeQuote: boolean, out: Token[]): void {
  let start = 0
  for (;;) {
    if (word[start] === '(') out.push({ kind: 'open' })
    else if (word[start] === '-' && (start + 1 < word.length ? NEGATABLE.test(word[start + 1]!) : beforeQuote)) out.push({ kind: 'not' })
    else break
    start++
  }
  let end = word.length
  while (end > start && word[end - 1] === ')') end--
  const middle = word.slice(start, end).join('')
  const keyword = KEYWORDS.get(middle)
  if (keyword !== undefined) out.push({ kind: keyword })
  else if (end > start) out.push({ kind: 'word', raw: middle })
  for (let k = end; k < word.length; k++) out.push({ kind: 'close' })
}

/**
 * The tree of the tokens (null when they hold no word or phrase). Never throws: a stray )
 * is skipped, an open ( is closed at the end, and OR or NOT with nothing to apply to is
 * reported in `misplaced` (the rest of the tree is still built).
 */
export function parseTokens(tokens: readonly Token[]): { tree: Tree | null; issues: Omit<SyntaxIssues, 'unclosedQuote'> } {
  const issues: Omit<SyntaxIssues, 'unclosedQuote'> = { unclosedParenthesis: false, strayParenthesis: false, misplaced: null }
  let at = 0
  const peek = () => tokens[at]?.kind
  const misplaced = (op: 'or' | 'not') => (issues.misplaced ??= op)

  // orExpr := andExpr (OR andExpr)*
  const parseOr = (depth: number): Tree | null => {
    const sides: (Tree | null)[] = [parseAnd(depth)]
    let sawOr = false
    while (peek() === 'or') {
      at++
      sawOr = true
      sides.push(parseAnd(depth))
    }
    if (!sawOr) return sides[0]!
    // A side with no token at all (OR at an end, OR OR): an empty side made of ignored words is query.ts's to report.
    const present = sides.filter((s): s is Tree => s !== null)
    if (present.length < sides.length) misplaced('or')
    return present.length === 0 ? null : present.length === 1 ? present[0]! : { kind: 'or', items: present }
  }

  // andExpr := unary* (up to OR, a closing parenthesis or the end)
  const parseAnd = (depth: number): Tree | null => {
    const items: Tree[] = []
    for (;;) {
      const kind = peek()
      if (kind === undefined || kind === 'or') break
      if (kind === 'close') {
        if (depth > 0) break
        issues.strayParenthesis = true
        at++
        continue
      }
      if (kind === 'and') {
        at++
        continue
      }
      const item = parseUnary(depth)
      if (item !== null) items.push(item)
    }
    return items.length === 0 ? null : items.length === 1 ? items[0]! : { kind: 'and', items }
  }

  // unary := NOT unary | primary
  const parseUnary = (depth: number): Tree | null => {
    const token = tokens[at]!
    if (token.kind === 'not') {
      at++
      const next = peek()
      if (next === undefined || next === 'or' || next === 'close' || next === 'and') {
        misplaced('not')
        return null
      }
      const item = parseUnary(depth)
      return item === null ? null : { kind: 'not', item }
    }
    at++
    if (token.kind === 'open') {
      const inner = parseOr(depth + 1)
      if (peek() === 'close') at++
      else issues.unclosedParenthesis = true
      return inner
    }
    return token.kind === 'word' || token.kind === 'phrase' ? { kind: 'leaf', leaf: token } : null
  }

  const tree = parseOr(0)
  return { tree, issues }
}
