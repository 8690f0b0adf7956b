/**
 * Editing which claims a key judgment cites (`BriefingDocument.judgmentClaims`, notes/
 * sourcing.md "Briefings"). Key judgments are the paragraphs of `keyJudgments`
 * (`keyJudgmentItems`), numbered from 1; entry i of `judgmentClaims` is judgment i+1's.
 * Pure and immutable like ./briefing-document-edit: a new document, or the same object
 * when nothing changed; `updatedAt` is left to whoever saves.
 */
import { MAX_JUDGMENT_CLAIMS, MAX_JUDGMENTS, normaliseBriefingDocument, type BriefingDocument } from './briefing-document-schema'
import { keyJudgmentItems } from './briefing-format'
import { DossierError } from './result'
import type { ClaimId } from './sourcing/schema'

/** The claim ids key judgment `judgment` (1-based) cites; [] when none. */
export function judgmentClaimIds(doc: Pick<BriefingDocument, 'judgmentClaims'>, judgment: number): readonly ClaimId[] {
  return doc.judgmentClaims?.[judgment - 1] ?? []
}

function checkJudgment(doc: BriefingDocument, judgment: number): void {
  const count = keyJudgmentItems(doc.keyJudgments).length
  if (!Number.isInteger(judgment) || judgment < 1 || judgment > Math.min(count, MAX_JUDGMENTS)) {
    throw new DossierError('bad-request', count === 0 ? 'Write a key judgment before citing a claim in it.' : `There is no key judgment ${judgment}; the briefing has ${count}.`)
  }
}

function withClaims(doc: BriefingDocument, judgment: number, ids: readonly ClaimId[]): BriefingDocument {
  const lists = [...(doc.judgmentClaims ?? [])]
  while (lists.length < judgment) lists.push([])
  lists[judgment - 1] = [...ids]
  return normaliseBriefingDocument({ ...doc, judgmentClaims: lists })
}

/** Key judgment `judgment` (1-based) also cites `claimId` (at the end); citing it twice changes nothing. */
export function citeClaim(doc: BriefingDocument, judgment: number, claimId: ClaimId): BriefingDocument {
  checkJudgment(doc, judgment)
  const ids = judgmentClaimIds(doc, judgment)
  if (ids.includes(claimId)) return doc
  if (ids.length >= MAX_JUDGMENT_CLAIMS) throw new DossierError('bad-request', `A key judgment cites at most ${MAX_JUDGMENT_CLAIMS} claims.`)
  return withClaims(doc, judgment, [...ids, claimId])
}

/** Key judgment `judgment` no longer cites `claimId` (a claim it does not cite: unchanged). */
export function unciteClaim(doc: BriefingDocument, judgment: number, claimId: ClaimId): BriefingDocument {
  const ids = judgmentClaimIds(doc, judgment)
  if (!ids.includes(claimId)) return doc
  return withClaims(doc, judgment, ids.filter((id) => id !== claimId))
}
