import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../export/testing/read-csv'
import type { ArticleId, HighlightId } from '../ids'
import type { ClaimId } from '../sourcing/schema'
import { achToCsv, achToMarkdown, addEvidence, scoreAchMatrix, type AchEvidenceDetail, type AchReport } from './index'
import { matrixFrom } from './testing'

const H1 = 'h-0000000001' as HighlightId
const H2 = 'h-0000000002' as HighlightId
const C1 = 'c-0000000001' as ClaimId
const C2 = 'c-0000000002' as ClaimId

/** Two hypotheses; E1 a passage (C, II), E2 a deleted passage (I, C), E3 a note (N, N), E4 a claim (C, C), E5 a deleted claim (not rated). */
function report(): AchReport {
  const matrix = matrixFrom(
    ['Withdrawing | for good', '=Bargaining'],
    [
      { ratings: ['C', 'II'], highlight: H1, weights: [2, 1] },
      { ratings: ['I', 'C'], highlight: H2 },
      { ratings: ['N', null], note: 'No *new* deployments\nreported' },
    ],
  )
  const withClaims = addEvidence(addEvidence(matrix, { kind: 'claim', claimId: C1 }, { credibility: 1.189207 }), { kind: 'claim', claimId: C2 })
  const evidence: AchEvidenceDetail[] = [
    { id: 'E1', kind: 'highlight', text: 'the convoy was blocked', highlightId: H1, articleId: null, articleTitle: 'Convoy stopped', missing: false },
    { id: 'E2', kind: 'highlight', text: '', highlightId: H2, articleId: null, articleTitle: null, missing: true },
    { id: 'E3', kind: 'note', text: 'No *new* deployments\nreported', highlightId: null, articleId: null, articleTitle: null, missing: false },
    {
      id: 'E4',
      kind: 'claim',
      text: 'Ships *loaded* at Tartus',
      highlightId: null,
      articleId: null,
      articleTitle: null,
      missing: false,
      claim: { claimId: C1, independentSources: 2, contradictingSources: 1, passages: [{ highlightId: H1, articleId: 'a-0000000001' as ArticleId, stance: 'supports', grade: 'B2', citation: 'TASS (B2)' }] },
    },
    { id: 'E5', kind: 'claim', text: '', highlightId: null, articleId: null, articleTitle: null, missing: true },
  ]
  return { matrix: withClaims, scores: scoreAchMatrix(withClaims), evidence }
}

describe('achToMarkdown', () => {
  it('ranks the hypotheses, writes the ratings as codes and says what the lead hinges on', () => {
    const md = achToMarkdown(report())
    expect(md).toContain('# ACH: Who moved the convoy?')
    // H1: E2 I (weight 1) = 1; H2: E1 II (weight 2) = 4.
    expect(md).toContain('Leading: H1 Withdrawing \\| for good.')
    // Without E1, H2 (0) leads.
    expect(md).toContain('Sensitive rows (the lead hinges on them): E1 (without it: H2).')
    expect(md).toContain('Not diagnostic (rated alike across the hypotheses): E3, E4, E5.')
    expect(md).toContain('| 1 | H1 Withdrawing \\| for good | 1 |\n| 2 | H2 \\=Bargaining | 4 |')
    expect(md).toContain('| Row | Evidence | Weight | H1 | H2 | Diagnostic |')
    expect(md).toContain('| E1 | “the convoy was blocked” — Convoy stopped | 2 | C | II | yes (4), sensitive |')
    expect(md).toContain('| E2 | Passage h-0000000002 (deleted) | 1 | I | C | yes (1) |')
    expect(md).toContain('| E3 | Note: No \\*new\\* deployments reported | 1 | N |   | no |')
    expect(md).toContain('| E4 | Claim: Ships \\*loaded\\* at Tartus (2 independent sources, 1 contradicting; grade B2) | 1.19 |   |   | no |')
    expect(md).toContain('| E5 | claim deleted | 1 |   |   | no |')
    expect(md).toContain('Rows whose passage or claim was deleted (kept, still rated): E2, E5.')
  })
})

describe('achToCsv', () => {
  it('writes one record per row, the hypotheses as columns, and the scores last, in the project CSV format', () => {
    const records = readCsv(achToCsv(report(), stringify))
    expect(records[0]).toEqual(['Row', 'Kind', 'Evidence', 'Article', 'Highlight', 'Credibility', 'Relevance', 'Weight', 'H1: Withdrawing | for good', 'H2: =Bargaining', 'Diagnosticity', 'Sensitive', 'Claim', 'Independent sources'])
    expect(records[1]).toEqual(['E1', 'passage', 'the convoy was blocked', 'Convoy stopped', H1, '2', '1', '2', 'C', 'II', '4', 'yes', '', ''])
    expect(records[2]).toEqual(['E2', 'deleted passage', '', '', H2, '1', '1', '1', 'I', 'C', '1', 'no', '', ''])
    expect(records[3]).toEqual(['E3', 'note', 'No *new* deployments\nreported', '', '', '1', '1', '1', 'N', '', '0', 'no', '', ''])
    expect(records[4]).toEqual(['E4', 'claim', 'Ships *loaded* at Tartus', '', '', '1.19', '1', '1.19', '', '', '0', 'no', C1, '2 independent sources, 1 contradicting'])
    expect(records[5]).toEqual(['E5', 'deleted claim', '', '', '', '1', '1', '1', '', '', '0', 'no', C2, ''])
    expect(records[6]).toEqual(['Weighted inconsistency', '', '', '', '', '', '', '', '1', '4', '', '', '', ''])
  })
  it("adds a briefing's citation of each row when given", () => {
    const records = readCsv(achToCsv(report(), stringify, {}, ['passage 1 [1]', '', "the analyst's note", 'passage 1 [1]; contradicted by [2]', 'its claim was deleted']))
    expect(records[0]!.at(-1)).toBe('Cited as')
    expect(records[4]!.at(-1)).toBe('passage 1 [1]; contradicted by [2]')
    expect(records[6]).toHaveLength(15)
  })
})
