/**
 * A small notebook for the sourcing part of briefings: articles 001 and 004 retell one
 * report (a rewrite link, 53% shared), 003 is independent and graded B by its outlet,
 * 005 has two unreadable characters; one highlight each, all tagged Bases; one claim on
 * 001 + 004 (a single report) and one briefing document whose first key judgment cites it.
 */
import { createBriefingDocument, type BriefingDocument, type BriefingId } from '../briefing-document'
import type { NotebookData } from '../briefing-types'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { DEFAULT_TAGS, type Highlight } from '../model'
import { createOutlet, linkArticle } from '../sourcing/outlets'
import { emptyOutletsFile, type ClaimId, type ClaimsFile, type OutletId } from '../sourcing/schema'
import { testArticle } from './test-article'

export const BASES = DEFAULT_TAGS[0]!.id as TagId
export const CLAIM = 'c-0000000001' as ClaimId
const T = '2025-03-01T00:00:00.000Z'
export const art = (n: number) => `a-00000000${n}` as ArticleId
export const hl = (n: number) => `h-00000000${n}` as HighlightId

export function highlight(n: number, articleNumber: number, credibility?: number): Highlight {
  return {
    id: hl(n),
    articleId: art(articleNumber),
    target: { start: 0, end: 5, exact: `Quote ${n}`, prefix: '', suffix: '' },
    tagIds: [BASES],
    comment: '',
    createdAt: T,
    updatedAt: T,
    ...(credibility !== undefined ? { credibility } : {}),
  }
}

export function sourcingNotebook(claimArticles: readonly number[] = [1, 4]): NotebookData {
  const articles = [
    testArticle(art(1), { title: 'TWZ report', published: '2025-01-15', rewrites: [{ articleId: art(4), score: 0.53, kind: 'rewrite' }], source: file('001') }),
    testArticle(art(3), { title: 'bne report', published: '2024-12-15', outlet: 'IntelliNews', source: file('003') }),
    testArticle(art(4), { title: 'Retold report', published: '2025-01-16', rewrites: [{ articleId: art(1), score: 0.53, kind: 'rewrite' }], source: file('004') }),
    testArticle(art(5), { title: 'Damaged', published: '2025-02-02', flags: [{ kind: 'replacement-character', detail: '2 U+FFFD', count: 2 }], source: file('005') }),
  ]
  const made = createOutlet(emptyOutletsFile(), { id: 'o-bne0000001' as OutletId, name: 'bne IntelliNews', aliases: ['IntelliNews'], reliability: { grade: 'B', why: 'Regional wire' } })
  if (!made.ok) throw new Error(made.error.message)
  const linked = linkArticle(made.value, art(3), 'o-bne0000001' as OutletId)
  if (!linked.ok) throw new Error(linked.error.message)
  const claims: ClaimsFile = {
    version: 1,
    claims: [{ id: CLAIM, statement: 'Ships loaded at Tartus', passages: claimArticles.map((a) => ({ highlightId: hl(a), articleId: art(a), stance: 'supports' as const, addedAt: T })), createdAt: T, updatedAt: T }],
  }
  return { articles, tags: DEFAULT_TAGS, highlights: [highlight(1, 1), highlight(3, 3, 2), highlight(4, 4), highlight(5, 5)], outlets: linked.value, claims }
}

function file(stem: string) {
  return { fileName: `${stem}.txt`, format: 'txt' as const, originalFile: `originals/${'b'.repeat(64)}.txt`, originalHash: 'b'.repeat(64) }
}

export function sourcingBriefing(judgmentClaims: ClaimId[][] = [[CLAIM]]): BriefingDocument {
  const doc = createBriefingDocument({ id: 'b-0000000001' as BriefingId, now: T, tags: [{ id: BASES }], keyJudgments: 'Russia is leaving Tartus.\n\nThe convoys continue.' })
  return { ...doc, judgmentClaims }
}
