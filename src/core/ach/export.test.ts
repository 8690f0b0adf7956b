import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { readCsv } from '../export/testing/read-csv'
import type { HighlightId } from '../ids'
import { achToCsv, achToMarkdown, scoreAchMatrix, type AchEvidenceDetail, type AchReport } from './index'
import { matrixFrom } from './testing'

const H1 = 'h-0000000001' as HighlightId
const H2 = 'h-0000000002' as HighlightId

/** Two hypotheses; E1 a passage (C, II), E2 a deleted passage (I, C), E3 a note (N, N). */
function report(): AchReport {
  const matrix = matrixFrom(
    ['Withdrawing | for good', '=Bargaining'],
    [
      { ratings: ['C', 'II'], highlight: H1, weights: [2, 1] },
      { ratings: ['I', 'C'], highlight: H2 },
      { ratings: ['N', null], note: 'No *new* deployments\nreported' },
    ],
  )
  const evidence: AchEvidenceDetail[] = [
    { id: 'E1', kind: 'highlight', text: 'the convoy was blocked', highlightId: H1, articleId: null, articleTitle: 'Convoy stopped', missing: false },
    { id: 'E2', kind: 'highlight', text: '', highlightId: H2, articleId: null, articleTitle: null, missing: true },
    { id: 'E3', kind: 'note', text: 'No *new* deployments\nreported', highlightId: null, articleId: null, articleTitle: null, missing: false },
  ]
  return { matrix, scores: scoreAchMatrix(matrix), evidence }
}

describe('achToMarkdown', () => {
  it('ranks the hypotheses, writes the ratings as codes and says what the lead hinges on', () => {
    const md = achToMarkdown(report())
    expect(md).toContain('# ACH: Who moved the convoy?')
    // H1: E2 I (weight 1) = 1; H2: E1 II (weight 2) = 4.
    expect(md).toContain('Leading: H1 Withdrawing \\| for good.')
    // Without E1, H2 (0) leads.
    expect(md).toContain('Sensitive rows (the lead hinges on them): E1 (without it: H2).')
    expect(md).toContain('Not diagnostic (rated alike across the hypotheses): E3.')
    expect(md).toContain('| 1 | H1 Withdrawing \\| for good | 1 |\n| 2 | H2 \\=Bargaining | 4 |')
    expect(md).toContain('| Row | Evidence | Weight | H1 | H2 | Diagnostic |')
    expect(md).toContain('| E1 | “the convoy was blocked” — Convoy stopped | 2 | C | II | yes (4), sensitive |')
    expect(md).toContain('| E2 | Passage h-0000000002 (deleted) | 1 | I | C | yes (1) |')
    expect(md).toContain('| E3 | Note: No \\*new\\* deployments reported | 1 | N |   | no |')
    expect(md).toContain('Rows whose passage was deleted (kept, still rated): E2.')
  })
})

describe('achToCsv', () => {
  it('writes one record per row, the hypotheses as columns, and the scores last, in the project CSV format', () => {
    const records = readCsv(achToCsv(report(), stringify))
    expect(records[0]).toEqual(['Row', 'Kind', 'Evidence', 'Article', 'Highlight', 'Credibility', 'Relevance', 'Weight', 'H1: Withdrawing | for good', 'H2: =Bargaining', 'Diagnosticity', 'Sensitive'])
    expect(records[1]).toEqual(['E1', 'passage', 'the convoy was blocked', 'Convoy stopped', H1, '2', '1', '2', 'C', 'II', '4', 'yes'])
    expect(records[2]).toEqual(['E2', 'deleted passage', '', '', H2, '1', '1', '1', 'I', 'C', '1', 'no'])
    expect(records[3]).toEqual(['E3', 'note', 'No *new* deployments\nreported', '', '', '1', '1', '1', 'N', '', '0', 'no'])
    expect(records[4]).toEqual(['Weighted inconsistency', '', '', '', '', '', '', '', '1', '4', '', ''])
  })
})
