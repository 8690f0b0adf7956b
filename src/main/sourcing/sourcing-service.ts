/**
 * The service methods of the sourcing API (src/core/api-sourcing.ts) on the open notebook:
 * one SourcingSession per NotebookSession (kept beside it, so switching notebooks switches
 * sourcing too), running the same operations as the CLI. Every change hands back what it
 * replaced.
 */
import type { Canceled, ImportReport } from '../../core/api'
import type { SourcingApi } from '../../core/api-sourcing'
import { offerStatedOutlets } from './import-outlets'
import type { NotebookSession } from '../notebook-session'
import { SourcingSession } from './sourcing-session'

type SourcingService = {
  [K in keyof SourcingApi]: SourcingApi[K] extends (...args: infer P) => Promise<{ ok: true; value: infer R } | { ok: false }> ? (...args: P) => Promise<R> : never
}

const sessions = new WeakMap<NotebookSession, SourcingSession>()

/** The sourcing of an open notebook: one per NotebookSession, made when first asked for. */
export function sourcingFor(notebook: NotebookSession): SourcingSession {
  let s = sessions.get(notebook)
  if (s === undefined) sessions.set(notebook, (s = new SourcingSession(notebook.store)))
  return s
}

/** Adds to an import's report the outlets its articles' texts state: linked when known, else offered (import-outlets.ts). */
export async function withStatedOutlets<R extends ImportReport | Canceled>(notebook: NotebookSession, report: R): Promise<R> {
  if ('items' in report) await offerStatedOutlets(sourcingFor(notebook), report)
  return report
}

export function createSourcingService(session: () => NotebookSession): SourcingService {
  const sourcing = () => sourcingFor(session())
  return {
    listOutlets: () => sourcing().listOutlets(),
    createOutlet: ({ reliability, ...rest }) => sourcing().addOutlet({ ...rest, ...(reliability ? { grade: reliability.grade, why: reliability.why } : {}) }),
    editOutlet: ({ outletId, edit }) => sourcing().editOutlet(outletId, edit),
    deleteOutlet: ({ outletId }) => sourcing().deleteOutlet(outletId),
    linkArticleOutlet: ({ articleId, outletId }) => sourcing().linkArticle(articleId, outletId),
    gradeArticle: ({ articleId, reliability }) => sourcing().gradeArticle(articleId, reliability?.grade ?? null, reliability?.why),
    restoreOutlets: ({ file }) => sourcing().restoreOutlets(file),
    listArticleSources: () => sourcing().listArticleSources(),
    suggestArticleDetails: ({ articleId }) => sourcing().suggestArticleDetails(articleId),
    gradeHighlight: ({ highlightId, credibility }) => sourcing().setCredibility(highlightId, credibility),
    setAttribution: ({ highlightId, attribution }) => sourcing().setAttribution(highlightId, attribution),
    suggestAttribution: ({ highlightId }) => sourcing().suggestAttribution(highlightId),
    restoreHighlightSourcing: ({ highlight }) => sourcing().restoreHighlight(highlight),
    listClaims: () => sourcing().listClaims(),
    createClaim: ({ statement, passages }) => sourcing().createClaim(statement, passages),
    editClaim: ({ claimId, statement }) => sourcing().editClaim(claimId, statement),
    addClaimPassages: ({ claimId, passages }) => sourcing().addPassages(claimId, passages),
    setClaimPassageStance: ({ claimId, highlightId, stance }) => sourcing().setPassageStance(claimId, highlightId, stance),
    removeClaimPassage: ({ claimId, highlightId }) => sourcing().removePassage(claimId, highlightId),
    deleteClaim: ({ claimId }) => sourcing().deleteClaim(claimId),
    restoreClaims: ({ file }) => sourcing().restoreClaims(file),
  }
}
