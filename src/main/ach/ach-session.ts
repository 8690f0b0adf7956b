/**
 * ACH matrices of the open notebook (notes/ach.md): what the CLI (and later the app)
 * calls. Every change is one of the core's pure edits (src/core/ach/edit.ts) applied to
 * the stored matrix and saved only when it changed; an edit that refuses its input throws
 * before anything is written, so bad input changes nothing.
 *
 * Built on the open notebook's store (`new AchSession(session.store)`), kept out of
 * NotebookSession so that file stays small; the app's service makes one the same way.
 *
 * A row whose passage was deleted is kept (the highlight may come back by undo or a
 * restore) and flagged `missing` in the view; it still counts in the scores, as the
 * analyst rated it.
 */
import { randomBytes } from 'node:crypto'
import {
  addEvidence,
  claimWeights,
  scoreAchMatrix,
  weightsFromGrade,
  type AchClaimDetail,
  type AchEvidenceDetail,
  type AchMatrix,
  type EvidenceWeights,
} from '../../core/ach'
import type { AchSummary, AchView } from '../../core/api-ach'
import type { HighlightId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { DossierError } from '../../core/result'
import { gradeCode, type ClaimId, type Credibility } from '../../core/sourcing'
import { matcher } from '../sourcing/outlet-ops'
import { listClaims, showClaim, type ClaimView } from '../sourcing/claim-ops'
import type { NotebookStore } from '../storage/notebook-store'
import * as storage from './ach-store'

export type { AchSummary, AchView } from '../../core/api-ach'
export type { AchEvidenceDetail } from '../../core/ach'

export class AchSession {
  readonly #ctx: storage.AchStoreContext

  /** `now` and `randomHex` default to the clock and crypto (tests pass fixed ones). */
  constructor(store: NotebookStore, now: () => string = () => new Date().toISOString(), randomHex: () => string = () => randomBytes(8).toString('hex')) {
    this.#ctx = { store, now, randomHex }
  }

  async list(): Promise<AchSummary[]> {
    return (await storage.listAchMatrices(this.#ctx)).map((m) => ({
      id: m.id,
      question: m.question,
      hypothesisCount: m.hypotheses.length,
      evidenceCount: m.evidence.length,
      leaders: scoreAchMatrix(m).leaders,
      updatedAt: m.updatedAt,
    }))
  }

  get(id: string): Promise<AchMatrix> {
    return storage.getAchMatrix(this.#ctx, id)
  }

  create(question: string): Promise<AchMatrix> {
    return storage.createAchMatrixFile(this.#ctx, question)
  }

  /** Stores a whole matrix as given (the app's undo saves the previous one back). */
  save(matrix: AchMatrix): Promise<AchMatrix> {
    return storage.saveAchMatrix(this.#ctx, matrix)
  }

  delete(id: string): Promise<void> {
    return storage.deleteAchMatrix(this.#ctx, id)
  }

  /**
   * Applies a pure edit to the stored matrix and saves the result when it changed.
   * Returns the matrix as stored and whether anything changed.
   */
  async edit(id: string, op: (matrix: AchMatrix) => AchMatrix): Promise<{ matrix: AchMatrix; changed: boolean }> {
    const matrix = await this.get(id)
    const edited = op(matrix)
    if (edited === matrix) return { matrix, changed: false }
    return { matrix: await this.save(edited), changed: true }
  }

  /** Adds a passage as an evidence row; the highlight must exist now. Its credibility defaults from its grade (passageWeights); weights given win. */
  addPassage(id: string, highlightId: HighlightId, weights: EvidenceWeights = {}): Promise<AchMatrix> {
    return this.addPassages(id, [highlightId], weights)
  }

  /** Adds passages as rows, all or none: each is checked and added in memory, then the matrix is saved once. */
  async addPassages(id: string, highlightIds: readonly HighlightId[], weights: EvidenceWeights = {}): Promise<AchMatrix> {
    let matrix = await this.get(id)
    for (const highlightId of highlightIds) {
      matrix = addEvidence(matrix, { kind: 'highlight', highlightId }, { ...(await this.passageWeights(highlightId)), ...definedWeights(weights) })
    }
    return this.save(matrix)
  }

  /** A passage row's default weights from its grade: the article's (or its outlet's) reliability and the passage's credibility. */
  async passageWeights(highlightId: HighlightId): Promise<EvidenceWeights> {
    const { store } = this.#ctx
    const highlight = await store.findHighlight(highlightId)
    if (!highlight) throw new DossierError('not-found', `There is no passage (highlight) with id ${highlightId} in this notebook.`)
    const article = store.article(highlight.articleId)
    const reliability = article ? ((await matcher(this.#ctx)).reliabilityOf(article)?.grade ?? null) : null
    return weightsFromGrade(reliability, (highlight.credibility ?? null) as Credibility | null)
  }

  /**
   * Adds a claim as an evidence row; the claim must exist now. Its credibility defaults
   * from its passages' grades and independent sources (claimWeights); weights given win.
   */
  async addClaim(id: string, claimId: string, weights: EvidenceWeights = {}): Promise<AchMatrix> {
    const matrix = await this.get(id)
    const claim = await showClaim(this.#ctx, claimId)
    return this.save(addEvidence(matrix, { kind: 'claim', claimId: claim.claim.id }, { ...claimWeights(claim), ...definedWeights(weights) }))
  }

  async addNote(id: string, text: string, weights: EvidenceWeights = {}): Promise<AchMatrix> {
    const matrix = await this.get(id)
    return this.save(addEvidence(matrix, { kind: 'note', text }, weights))
  }

  /** The matrix with its scores and each row's passage or note, deleted passages flagged. */
  async view(id: string): Promise<AchView> {
    const matrix = await this.get(id)
    const { store } = this.#ctx
    const titles = new Map(store.articles.map((a) => [a.id, a.title]))
    const evidence: AchEvidenceDetail[] = []
    const claims = matrix.evidence.some((r) => r.source.kind === 'claim') ? new Map((await listClaims(this.#ctx)).map((c) => [c.claim.id, c])) : new Map<ClaimId, ClaimView>()
    for (const row of matrix.evidence) {
      if (row.source.kind === 'note') {
        evidence.push({ id: row.id, kind: 'note', text: row.source.text, highlightId: null, articleId: null, articleTitle: null, missing: false })
        continue
      }
      if (row.source.kind === 'claim') {
        const claim = claims.get(row.source.claimId)
        evidence.push({ id: row.id, kind: 'claim', text: claim?.claim.statement ?? '', highlightId: null, articleId: null, articleTitle: null, missing: !claim, ...(claim ? { claim: claimDetail(claim) } : {}) })
        continue
      }
      const highlight: Highlight | undefined = await store.findHighlight(row.source.highlightId)
      evidence.push({
        id: row.id,
        kind: 'highlight',
        text: highlight?.target.exact ?? '',
        highlightId: row.source.highlightId,
        articleId: highlight?.articleId ?? null,
        articleTitle: highlight ? (titles.get(highlight.articleId) ?? null) : null,
        missing: !highlight,
      })
    }
    const missingRows = evidence.filter((e) => e.missing).map((e) => e.id)
    // A passage is "missing" only if every annotation file was read: a read-only open that skipped a damaged one refuses instead.
    // So is a claim's passage, on which its count depends.
    const claimGap = matrix.evidence.some((r) => r.source.kind === 'claim' && claims.get(r.source.claimId)?.passages.some((p) => !p.present))
    if (missingRows.length > 0 || claimGap) store.assertNoneSkipped()
    return { matrix, scores: scoreAchMatrix(matrix), evidence, missingRows }
  }
}

/** The weights a caller gave (an undefined one leaves the default). */
export function definedWeights(weights: EvidenceWeights): EvidenceWeights {
  return Object.fromEntries(Object.entries(weights).filter(([, v]) => v !== undefined)) as EvidenceWeights
}

/** A claim as its row shows it: counts, and the passages that still exist with their grades and citations. */
export function claimDetail(view: ClaimView): AchClaimDetail {
  return {
    claimId: view.claim.id,
    independentSources: view.supporting.independentSources,
    contradictingSources: view.contradicting.independentSources,
    passages: view.passages
      .filter((p) => p.present)
      .map((p) => ({ highlightId: p.highlightId, articleId: p.articleId, stance: p.stance, grade: gradeCode(p.reliability, p.credibility), citation: p.citation })),
  }
}
