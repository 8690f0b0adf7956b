/**
 * The notebook's claims (notes/sourcing.md): claims.json changed through the pure core
 * (src/core/sourcing/claims.ts) like outlets.json, and each claim shown with its passages,
 * their grades and its independent-source count, supporting and contradicting apart.
 * A passage whose highlight was deleted stays listed as missing and is not counted.
 */
import type { ClaimPassageView, ClaimView } from '../../core/api-sourcing'
import type { ArticleId, HighlightId } from '../../core/ids'
import type { Article, Highlight } from '../../core/model'
import { DossierError, type Result } from '../../core/result'
import {
  addPassage,
  citationText,
  countIndependentSources,
  createClaim,
  deleteClaim,
  editClaimStatement,
  setPassageStance,
  makeClaimId,
  passageSourceKey,
  removePassage,
  type ArticleForCount,
  type Claim,
  type ClaimId,
  type ClaimsFile,
  type Credibility,
  type OutletMatcher,
  type Stance,
} from '../../core/sourcing'
import { listAchMatrices } from '../ach/ach-store'
import { clip, findHighlight } from '../highlight-ops'
import { CLAIMS_DOC } from '../storage/file-formats'
import { matcher, thrown, type SourcingChange, type SourcingContext } from './outlet-ops'

export type { ClaimPassageView, ClaimView }

async function change<T>(ctx: SourcingContext, op: (file: ClaimsFile) => Result<ClaimsFile>, pick: (file: ClaimsFile) => T): Promise<SourcingChange<T, ClaimsFile>> {
  return ctx.store.updateOptionalFile(CLAIMS_DOC, (draft) => {
    const previous: ClaimsFile = { ...draft }
    const next = thrown(op(previous))
    draft.claims = next.claims
    return { value: pick(next), previous }
  })
}

export function claimsFile(ctx: SourcingContext): Promise<ClaimsFile> {
  return ctx.store.optionalFile(CLAIMS_DOC)
}

function claimNamed(file: ClaimsFile, id: string): Claim {
  const claim = file.claims.find((c) => c.id === id.trim())
  if (claim === undefined) throw new DossierError('not-found', `No claim with id ${id.trim().slice(0, 80)}; \`dossier claims\` lists them.`)
  return claim
}

const pickClaim = (id: ClaimId) => (f: ClaimsFile) => f.claims.find((c) => c.id === id)!

export interface ClaimPassageInput {
  highlightId: string
  stance: Stance
}

/**
 * Creates a claim, with its first passages if given (all checked first: an unknown
 * highlight or one given twice refuses the whole claim, and nothing is written).
 */
export async function createNewClaim(ctx: SourcingContext, statement: string, passages: ClaimPassageInput[] = []): Promise<SourcingChange<Claim, ClaimsFile>> {
  const highlights: Highlight[] = []
  for (const p of passages) highlights.push(await findHighlight(ctx, p.highlightId as HighlightId))
  const file = await claimsFile(ctx)
  let id = makeClaimId(ctx.randomHex())
  while (file.claims.some((c) => c.id === id)) id = makeClaimId(ctx.randomHex())
  const now = ctx.now()
  return change(
    ctx,
    (f) => {
      let next = createClaim(f, { id, statement, now })
      passages.forEach((p, i) => {
        if (next.ok) next = addPassage(next.value, id, { highlightId: highlights[i]!.id, articleId: highlights[i]!.articleId, stance: p.stance, now })
      })
      return next
    },
    pickClaim(id),
  )
}

export async function addClaimPassage(ctx: SourcingContext, claimId: string, input: ClaimPassageInput): Promise<SourcingChange<Claim, ClaimsFile>> {
  return addClaimPassages(ctx, claimId, [input])
}

/** Adds several passages at once: all checked first, so one unknown or repeated highlight refuses them all. */
export async function addClaimPassages(ctx: SourcingContext, claimId: string, inputs: readonly ClaimPassageInput[]): Promise<SourcingChange<Claim, ClaimsFile>> {
  const claim = claimNamed(await claimsFile(ctx), claimId)
  const highlights: Highlight[] = []
  for (const p of inputs) highlights.push(await findHighlight(ctx, p.highlightId as HighlightId))
  const now = ctx.now()
  return change(
    ctx,
    (f) => {
      let next: Result<ClaimsFile> = { ok: true, value: f }
      inputs.forEach((p, i) => {
        if (next.ok) next = addPassage(next.value, claim.id, { highlightId: highlights[i]!.id, articleId: highlights[i]!.articleId, stance: p.stance, now })
      })
      return next
    },
    pickClaim(claim.id),
  )
}

export async function editClaim(ctx: SourcingContext, claimId: string, statement: string): Promise<SourcingChange<Claim, ClaimsFile>> {
  const claim = claimNamed(await claimsFile(ctx), claimId)
  return change(ctx, (f) => editClaimStatement(f, claim.id, statement, ctx.now()), pickClaim(claim.id))
}

export async function setClaimPassageStance(ctx: SourcingContext, claimId: string, highlightId: string, stance: Stance): Promise<SourcingChange<Claim, ClaimsFile>> {
  const claim = claimNamed(await claimsFile(ctx), claimId)
  return change(ctx, (f) => setPassageStance(f, claim.id, highlightId as HighlightId, stance, ctx.now()), pickClaim(claim.id))
}

export async function removeClaimPassage(ctx: SourcingContext, claimId: string, highlightId: string): Promise<SourcingChange<Claim, ClaimsFile>> {
  const claim = claimNamed(await claimsFile(ctx), claimId)
  return change(ctx, (f) => removePassage(f, claim.id, highlightId as HighlightId, ctx.now()), pickClaim(claim.id))
}

export async function deleteNamedClaim(ctx: SourcingContext, claimId: string): Promise<SourcingChange<Claim, ClaimsFile>> {
  const claim = claimNamed(await claimsFile(ctx), claimId)
  await refuseIfInAchMatrices(ctx, claim)
  return change(ctx, (f) => deleteClaim(f, claim.id), () => claim)
}

/**
 * A claim that is an evidence row of an ACH matrix is not deleted (decision 67, in the
 * spirit of 62): the row's rating would stand on nothing. The message names the matrix and
 * the row; removing the row first makes the deletion possible. Only readable matrices are
 * looked at: a damaged one is refused by every ACH command until it is repaired.
 */
async function refuseIfInAchMatrices(ctx: SourcingContext, claim: Claim): Promise<void> {
  const uses = (await listAchMatrices(ctx)).flatMap((m) => m.evidence.filter((r) => r.source.kind === 'claim' && r.source.claimId === claim.id).map((r) => `${r.id} of the ACH matrix “${clip(m.question)}” (${m.id})`))
  if (uses.length === 0) return
  const others = uses.length > 1 ? ` and ${uses.length - 1} other row${uses.length > 2 ? 's' : ''}` : ''
  throw new DossierError('bad-request', `The claim ${claim.id} is evidence row ${uses[0]}${others}: remove ${uses.length > 1 ? 'those rows' : 'the row'} first, then delete the claim. Nothing was changed.`)
}

export async function restoreClaims(ctx: SourcingContext, previous: ClaimsFile): Promise<SourcingChange<null, ClaimsFile>> {
  const checked = CLAIMS_DOC.validate(previous)
  if (!checked.ok) throw new DossierError('bad-request', `The claims to restore are malformed: ${checked.reason}; nothing was changed.`)
  return change(ctx, () => ({ ok: true, value: checked.value }), () => null)
}

// --- Showing a claim --------------------------------------------------------------------

/** Short names for the articles of a claim: each file name without its extension, with the id added where two are alike. */
function articleLabels(articles: readonly Article[]): Map<ArticleId, string> {
  const stem = (a: Article) => a.source.fileName.replace(/\.[a-z0-9]{1,5}$/i, '').slice(0, 40) || a.id
  const uses = new Map<string, number>()
  for (const a of articles) uses.set(stem(a), (uses.get(stem(a)) ?? 0) + 1)
  return new Map(articles.map((a) => [a.id, uses.get(stem(a))! > 1 ? `${stem(a)} (${a.id})` : stem(a)]))
}

/** Builds the views of claims, reading only the annotation files of the articles they cite. */
async function viewClaims(ctx: SourcingContext, claims: readonly Claim[], m: OutletMatcher): Promise<ClaimView[]> {
  const store = ctx.store
  const articleIds = new Set<ArticleId>(claims.flatMap((c) => c.passages.map((p) => p.articleId)))
  const highlights = new Map<HighlightId, Highlight>()
  for (const id of articleIds) {
    if (store.article(id) === undefined) continue
    for (const h of await store.loadHighlights(id)) highlights.set(h.id, h)
  }
  const articles = [...articleIds].map((id) => store.article(id)).filter((a): a is Article => a !== undefined)
  const labels = articleLabels(articles)
  const forCount = new Map<ArticleId, ArticleForCount>(articles.map((a) => [a.id, { label: labels.get(a.id)!, rewrites: a.rewrites.map((r) => r.articleId) }]))
  return claims.map((claim) => {
    const passages = claim.passages.map((p): ClaimPassageView => {
      const h = highlights.get(p.highlightId)
      const article = store.article(p.articleId)
      const outlet = article ? m.outletOf(article) : null
      const reliability = article ? (m.reliabilityOf(article)?.grade ?? null) : null
      const credibility = (h?.credibility ?? null) as Credibility | null
      const outletName = outlet?.outlet.name ?? article?.outlet ?? null
      return {
        highlightId: p.highlightId,
        articleId: p.articleId,
        stance: p.stance,
        present: h !== undefined && article !== undefined,
        exact: h?.target.exact ?? null,
        articleTitle: article?.title ?? null,
        articleLabel: labels.get(p.articleId) ?? p.articleId,
        outlet: outletName,
        reliability,
        credibility,
        attribution: h?.attribution ?? null,
        citation: citationText({ outlet: outletName, title: article?.title ?? null, published: article?.published ?? null, reliability, credibility }),
      }
    })
    const count = (stance: Stance) =>
      countIndependentSources(
        passages
          .filter((p) => p.present && p.stance === stance)
          .map((p) => {
            const article = store.article(p.articleId)!
            return { highlightId: p.highlightId, articleId: p.articleId, source: passageSourceKey(p.attribution ?? undefined, m.outletOf(article), m) }
          }),
        forCount,
      )
    return { claim, passages, supporting: count('supports'), contradicting: count('contradicts') }
  })
}

export async function showClaim(ctx: SourcingContext, claimId: string): Promise<ClaimView> {
  const claim = claimNamed(await claimsFile(ctx), claimId)
  const [view] = await viewClaims(ctx, [claim], await matcher(ctx))
  return view!
}

export async function listClaims(ctx: SourcingContext): Promise<ClaimView[]> {
  return viewClaims(ctx, (await claimsFile(ctx)).claims, await matcher(ctx))
}
