/**
 * Claims (notes/sourcing.md): a short statement with the passages that support or
 * contradict it, and how many INDEPENDENT sources those passages are (decision 52).
 *
 * Independence is decided by union-find over articles and underlying sources:
 * - passages of one article are one source;
 * - articles linked as rewrites or duplicates of one another (`Article.rewrites`) are one
 *   report, so one source;
 * - passages with the same underlying source are one source: a passage's source is what
 *   its attribution relays (secondary: "Reuters") or else its article's outlet, both
 *   resolved to a known outlet where one matches, so two outlets both relaying Reuters, or
 *   a Reuters article and a passage citing Reuters, count once.
 * The count is the number of groups; the explanation names what was counted once and why.
 *
 * Pure operations on claims.json as in outlets.ts: each returns a NEW file or one error line.
 */
import type { ArticleId, HighlightId } from '../ids'
import { err, ok, type Result } from '../result'
import { cleanMetaText } from '../text-hygiene'
import type { OutletMatch, OutletMatcher } from './outlets'
import { MAX_STATEMENT_CHARS, type Attribution, type Claim, type ClaimId, type ClaimsFile, type Stance } from './schema'

const notFound = <T>(id: string): Result<T> => err('not-found', `No claim with id ${id}; \`dossier claims\` lists them.`)

function checkStatement(raw: string): Result<string> {
  const text = cleanMetaText(raw).value
  if (text === '') return err('bad-request', 'The claim is empty: state it in a short sentence.')
  if (text.length > MAX_STATEMENT_CHARS) return err('bad-request', `The claim is ${text.length} characters long; at most ${MAX_STATEMENT_CHARS} are allowed.`)
  return ok(text)
}

export function createClaim(file: ClaimsFile, input: { id: ClaimId; statement: string; now: string }): Result<ClaimsFile> {
  if (file.claims.some((c) => c.id === input.id)) return err('bad-request', `The claim id ${input.id} is taken.`)
  const statement = checkStatement(input.statement)
  if (!statement.ok) return statement
  const claim: Claim = { id: input.id, statement: statement.value, passages: [], createdAt: input.now, updatedAt: input.now }
  return ok({ ...file, claims: [...file.claims, claim] })
}

function changeClaim(file: ClaimsFile, id: ClaimId, change: (c: Claim) => Result<Claim>): Result<ClaimsFile> {
  const claim = file.claims.find((c) => c.id === id)
  if (claim === undefined) return notFound(id)
  const next = change(claim)
  if (!next.ok) return next
  return ok({ ...file, claims: file.claims.map((c) => (c.id === id ? next.value : c)) })
}

export interface NewPassage {
  highlightId: HighlightId
  articleId: ArticleId
  stance: Stance
  now: string
}

/** Adds a passage to a claim; a passage already in it is refused (change its stance with `setPassageStance`). */
export function addPassage(file: ClaimsFile, id: ClaimId, p: NewPassage): Result<ClaimsFile> {
  return changeClaim(file, id, (c) => {
    const there = c.passages.find((x) => x.highlightId === p.highlightId)
    if (there !== undefined) return err('bad-request', `Highlight ${p.highlightId} is already in claim ${id} (${there.stance === 'supports' ? 'supporting' : 'contradicting'} it); nothing was changed.`)
    const passage = { highlightId: p.highlightId, articleId: p.articleId, stance: p.stance, addedAt: p.now }
    return ok({ ...c, passages: [...c.passages, passage], updatedAt: p.now })
  })
}

export function removePassage(file: ClaimsFile, id: ClaimId, highlightId: HighlightId, now: string): Result<ClaimsFile> {
  return changeClaim(file, id, (c) => {
    if (!c.passages.some((x) => x.highlightId === highlightId)) return err('not-found', `Highlight ${highlightId} is not in claim ${id}.`)
    return ok({ ...c, passages: c.passages.filter((x) => x.highlightId !== highlightId), updatedAt: now })
  })
}

/** Restates a claim (checked as when created). */
export function editClaimStatement(file: ClaimsFile, id: ClaimId, statement: string, now: string): Result<ClaimsFile> {
  const text = checkStatement(statement)
  if (!text.ok) return text
  return changeClaim(file, id, (c) => ok({ ...c, statement: text.value, updatedAt: now }))
}

/** Marks a passage of a claim as supporting or contradicting it. */
export function setPassageStance(file: ClaimsFile, id: ClaimId, highlightId: HighlightId, stance: Stance, now: string): Result<ClaimsFile> {
  return changeClaim(file, id, (c) => {
    if (!c.passages.some((x) => x.highlightId === highlightId)) return err('not-found', `Highlight ${highlightId} is not in claim ${id}.`)
    return ok({ ...c, passages: c.passages.map((x) => (x.highlightId === highlightId ? { ...x, stance } : x)), updatedAt: now })
  })
}

/** A claim a passage belongs to, as the CSV and W3C exports name it. */
export interface PassageClaim {
  statement: string
  stance: Stance
}

/** For each highlight, the claims it is a passage of (file order): the exports carry them. */
export function claimsByHighlight(file: ClaimsFile | undefined): Map<HighlightId, PassageClaim[]> {
  const byHighlight = new Map<HighlightId, PassageClaim[]>()
  for (const claim of file?.claims ?? []) {
    for (const p of claim.passages) {
      const list = byHighlight.get(p.highlightId) ?? []
      list.push({ statement: claim.statement, stance: p.stance })
      byHighlight.set(p.highlightId, list)
    }
  }
  return byHighlight
}

/** "supports: Russian ships loaded equipment at Tartus" (the CSV joins several with " | "). */
export function passageClaimText(claim: PassageClaim): string {
  return `${claim.stance}: ${claim.statement}`
}

export function deleteClaim(file: ClaimsFile, id: ClaimId): Result<ClaimsFile> {
  if (!file.claims.some((c) => c.id === id)) return notFound(id)
  return ok({ ...file, claims: file.claims.filter((c) => c.id !== id) })
}

// --- Independence ----------------------------------------------------------------------

/** A passage's underlying source: a key to compare, and how to name it. */
export interface SourceKey {
  key: string
  label: string
  /** true: the passage relays it (secondary attribution); false: it is the article's own outlet. */
  relayed: boolean
}

/**
 * What a passage's information rests on: the source its attribution relays (resolved to a
 * known outlet when one has that name), else its article's outlet; null when neither is known.
 */
export function passageSourceKey(attribution: Attribution | undefined, articleOutlet: OutletMatch | null, matcher: OutletMatcher): SourceKey | null {
  const key = attribution?.kind === 'secondary' && attribution.source !== null ? matcher.keyOf(attribution.source) : ''
  if (key !== '') {
    const outlet = matcher.byName(attribution!.source!)
    return outlet !== undefined ? { key: `o:${outlet.id}`, label: outlet.name, relayed: true } : { key: `n:${key}`, label: attribution!.source!, relayed: true }
  }
  return articleOutlet === null ? null : { key: `o:${articleOutlet.outlet.id}`, label: articleOutlet.outlet.name, relayed: false }
}

export interface PassageForCount {
  highlightId: HighlightId
  articleId: ArticleId
  source: SourceKey | null
}

export interface ArticleForCount {
  /** How the explanation names it ("001", a short title). */
  label: string
  /** Articles linked as rewrites or duplicates of it. */
  rewrites: readonly ArticleId[]
}

/** Why some passages were counted once. */
export type CountedOnce =
  | { reason: 'same-article'; articleIds: ArticleId[]; passages: number }
  | { reason: 'rewrites'; articleIds: ArticleId[] }
  | { reason: 'same-source'; articleIds: ArticleId[]; source: string; relayed: boolean }

export interface IndependentCount {
  passages: number
  independentSources: number
  /** Each independent source: the articles it covers. */
  groups: ArticleId[][]
  countedOnce: CountedOnce[]
  /** "4 passages, 2 independent sources: 001 and 004 are one report; 003 and 006 both relay Reuters" */
  explanation: string
}

class UnionFind {
  readonly #parent = new Map<string, string>()
  find(x: string): string {
    let root = x
    for (let p = this.#parent.get(root); p !== undefined && p !== root; p = this.#parent.get(root)) root = p
    for (let y = x; y !== root; ) {
      const next = this.#parent.get(y)!
      this.#parent.set(y, root)
      y = next
    }
    if (!this.#parent.has(root)) this.#parent.set(root, root)
    return root
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)]
    if (ra !== rb) this.#parent.set(rb, ra)
  }
}

function listWords(labels: readonly string[]): string {
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`
}

/** Counts the independent sources of a set of passages (one stance of a claim). */
export function countIndependentSources(passages: readonly PassageForCount[], articles: ReadonlyMap<ArticleId, ArticleForCount>): IndependentCount {
  const uf = new UnionFind()
  const order: ArticleId[] = []
  const perArticle = new Map<ArticleId, number>()
  const bySource = new Map<string, { source: SourceKey; articleIds: ArticleId[] }>()
  for (const p of passages) {
    if (!perArticle.has(p.articleId)) order.push(p.articleId)
    perArticle.set(p.articleId, (perArticle.get(p.articleId) ?? 0) + 1)
    uf.find(`a:${p.articleId}`)
    if (p.source === null) continue
    uf.union(`a:${p.articleId}`, `s:${p.source.key}`)
    const entry = bySource.get(p.source.key) ?? { source: p.source, articleIds: [] }
    if (!entry.articleIds.includes(p.articleId)) entry.articleIds.push(p.articleId)
    bySource.set(p.source.key, entry)
  }
  const inClaim = new Set(order)
  // Rewrite clusters among the claim's articles (links are stored both ways; either way is enough).
  const rewriteUf = new UnionFind()
  for (const id of order) {
    for (const other of articles.get(id)?.rewrites ?? []) {
      if (!inClaim.has(other)) continue
      uf.union(`a:${id}`, `a:${other}`)
      rewriteUf.union(id, other)
    }
  }
  const countedOnce: CountedOnce[] = []
  for (const [articleId, n] of perArticle) if (n > 1) countedOnce.push({ reason: 'same-article', articleIds: [articleId], passages: n })
  const clusters = new Map<string, ArticleId[]>()
  for (const id of order) {
    const root = rewriteUf.find(id)
    clusters.set(root, [...(clusters.get(root) ?? []), id])
  }
  for (const ids of clusters.values()) if (ids.length > 1) countedOnce.push({ reason: 'rewrites', articleIds: ids })
  for (const { source, articleIds } of bySource.values()) {
    // Articles already one report need no second reason.
    if (articleIds.length > 1 && new Set(articleIds.map((a) => rewriteUf.find(a))).size > 1) countedOnce.push({ reason: 'same-source', articleIds, source: source.label, relayed: source.relayed })
  }
  const groupsByRoot = new Map<string, ArticleId[]>()
  for (const id of order) {
    const root = uf.find(`a:${id}`)
    groupsByRoot.set(root, [...(groupsByRoot.get(root) ?? []), id])
  }
  const groups = [...groupsByRoot.values()]
  const label = (id: ArticleId) => articles.get(id)?.label ?? id
  const reasons = countedOnce.map((c) => {
    const names = listWords(c.articleIds.map(label))
    if (c.reason === 'same-article') return `${c.passages} passages are from ${names}`
    if (c.reason === 'rewrites') return `${names} are one report`
    return c.relayed ? `${names} ${c.articleIds.length === 2 ? 'both' : 'all'} relay ${c.source}` : `${names} are ${c.articleIds.length === 2 ? 'both' : 'all'} from ${c.source}`
  })
  const head = `${passages.length} ${passages.length === 1 ? 'passage' : 'passages'}, ${groups.length} independent ${groups.length === 1 ? 'source' : 'sources'}`
  return { passages: passages.length, independentSources: groups.length, groups, countedOnce, explanation: reasons.length > 0 ? `${head}: ${reasons.join('; ')}` : head }
}
