/** The printed text of cited claims and of the Sources list's notes. */
import { describe, expect, it } from 'vitest'
import { buildBriefing } from './briefing'
import { claimLines, sourceNotes } from './briefing-sourcing-format'
import { sourcingBriefing, sourcingNotebook } from './testing/sourcing-briefing-fixture'

describe('sourcing text', () => {
  const layout = buildBriefing(sourcingBriefing(), sourcingNotebook([1, 4, 3]), { generatedAt: '2025-03-02T00:00:00Z' })

  it('a cited claim: statement, count with why, and each passage’s number, source and grade', () => {
    expect(claimLines(layout.sourcing!.judgments[0]!.claims[0]!)).toEqual([
      'Claim: “Ships loaded at Tartus”',
      '3 passages, 2 independent sources: [2] and [3] are one report.',
      'Supporting: passage 2 [2] (ungraded); passage 3 [3] (ungraded); passage 1 [1] (B2).',
    ])
  })

  it('the Sources list notes the rewrite pair and the damaged source', () => {
    expect(sourceNotes(layout.sourcing)).toEqual(['[2] and [3] tell one report, 53% shared text: counted once.', '[4]: 2 unreadable characters in the text.'])
  })
})
