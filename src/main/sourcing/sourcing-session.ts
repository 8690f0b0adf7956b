/**
 * Sourcing on one open notebook (notes/sourcing.md): outlets and their grades, article
 * links and grades, a highlight's credibility and attribution, and claims with their
 * independent-source counts. Built on the store like the entity part; every change
 * returns what it replaced (`previous`) for undo. Not yet a field of NotebookSession:
 * `new SourcingSession(session.store)` (the CLI does this; the app's service will too).
 */
import { randomBytes } from 'node:crypto'
import type { ArticleId, HighlightId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import type { Attribution, ClaimsFile, OutletsFile, Stance } from '../../core/sourcing'
import type { NotebookStore } from '../storage/notebook-store'
import * as details from './article-details'
import * as claims from './claim-ops'
import * as highlights from './highlight-sourcing'
import * as outlets from './outlet-ops'

export type { ArticleSource, OutletInput, OutletSummary, SourcingChange } from './outlet-ops'
export type { ClaimPassageInput, ClaimPassageView, ClaimView } from './claim-ops'
export type { AttributionSuggestion } from './highlight-sourcing'
export { parseCredibility } from './highlight-sourcing'

export class SourcingSession {
  readonly #ctx: outlets.SourcingContext
  readonly store: NotebookStore

  constructor(store: NotebookStore, deps: { randomHex?: () => string; now?: () => string } = {}) {
    this.store = store
    this.#ctx = { store, randomHex: deps.randomHex ?? (() => randomBytes(8).toString('hex')), now: deps.now ?? (() => new Date().toISOString()) }
  }

  /** Matches articles to outlets as the notebook's outlets stand now. */
  matcher() {
    return outlets.matcher(this.#ctx)
  }
  outletsFile(): Promise<OutletsFile> {
    return outlets.outletsFile(this.#ctx)
  }
  listOutlets() {
    return outlets.listOutlets(this.#ctx)
  }
  addOutlet(input: outlets.OutletInput) {
    return outlets.addOutlet(this.#ctx, input)
  }
  addOutletAlias(name: string, alias: string) {
    return outlets.addAlias(this.#ctx, name, alias)
  }
  /** Grades an outlet A–F with why (null clears). */
  gradeOutlet(name: string, grade: string | null, why?: string) {
    return outlets.gradeNamedOutlet(this.#ctx, name, grade, why)
  }
  /** Links an article to an outlet (null unlinks). */
  linkArticle(articleId: string, outlet: string | null) {
    return outlets.linkArticleToOutlet(this.#ctx, articleId, outlet)
  }
  /** Grades one article, overriding its outlet's grade (null clears). */
  gradeArticle(articleId: string, grade: string | null, why?: string) {
    return outlets.gradeOneArticle(this.#ctx, articleId, grade, why)
  }
  async articleSource(articleId: string): Promise<outlets.ArticleSource> {
    return outlets.sourceOf(await outlets.matcher(this.#ctx), outlets.articleOf(this.#ctx.store, articleId))
  }
  /** Edits an outlet named by id, name or alias (its grade too, with `reliability`). */
  editOutlet(name: string, edit: Parameters<typeof outlets.editNamedOutlet>[2]) {
    return outlets.editNamedOutlet(this.#ctx, name, edit)
  }
  deleteOutlet(name: string) {
    return outlets.deleteNamedOutlet(this.#ctx, name)
  }
  listArticleSources() {
    return details.listArticleSources(this.#ctx)
  }
  suggestArticleDetails(articleId: ArticleId) {
    return details.suggestArticleDetails(this.#ctx, articleId)
  }
  restoreOutlets(previous: OutletsFile) {
    return outlets.restoreOutlets(this.#ctx, previous)
  }

  setCredibility(id: HighlightId, credibility: number | null) {
    return highlights.setCredibility(this.#ctx, id, credibility)
  }
  setAttribution(id: HighlightId, attribution: Attribution | null) {
    return highlights.setAttribution(this.#ctx, id, attribution)
  }
  restoreHighlight(previous: Highlight) {
    return highlights.restoreHighlightSourcing(this.#ctx, previous)
  }
  suggestAttribution(id: HighlightId) {
    return highlights.suggestHighlightAttribution(this.#ctx, id)
  }

  claimsFile(): Promise<ClaimsFile> {
    return claims.claimsFile(this.#ctx)
  }
  createClaim(statement: string, passages?: claims.ClaimPassageInput[]) {
    return claims.createNewClaim(this.#ctx, statement, passages)
  }
  addPassage(claimId: string, passage: claims.ClaimPassageInput) {
    return claims.addClaimPassage(this.#ctx, claimId, passage)
  }
  addPassages(claimId: string, passages: readonly claims.ClaimPassageInput[]) {
    return claims.addClaimPassages(this.#ctx, claimId, passages)
  }
  editClaim(claimId: string, statement: string) {
    return claims.editClaim(this.#ctx, claimId, statement)
  }
  setPassageStance(claimId: string, highlightId: string, stance: Stance) {
    return claims.setClaimPassageStance(this.#ctx, claimId, highlightId, stance)
  }
  removePassage(claimId: string, highlightId: string) {
    return claims.removeClaimPassage(this.#ctx, claimId, highlightId)
  }
  deleteClaim(claimId: string) {
    return claims.deleteNamedClaim(this.#ctx, claimId)
  }
  restoreClaims(previous: ClaimsFile) {
    return claims.restoreClaims(this.#ctx, previous)
  }
  showClaim(claimId: string) {
    return claims.showClaim(this.#ctx, claimId)
  }
  listClaims() {
    return claims.listClaims(this.#ctx)
  }
}
