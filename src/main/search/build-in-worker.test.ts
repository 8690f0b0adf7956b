import { describe, expect, it } from 'vitest'
import { joinMentions } from './build-in-worker'
import type { CompactMentions } from './index-jobs'

/** Each article's mentions as [entity, start, end, spelling], read back from the compact form. */
function decoded(m: CompactMentions): [string, number, number, string][][] {
  const out: [string, number, number, string][][] = []
  for (let k = 0; k + 1 < m.offsets.length; k++) {
    const rows: [string, number, number, string][] = []
    for (let r = m.offsets[k]! * 4; r < m.offsets[k + 1]! * 4; r += 4) rows.push([m.entityIds[m.rows[r]!]!, m.rows[r + 1]!, m.rows[r + 2]!, m.spellings[m.rows[r + 3]!]!])
    out.push(rows)
  }
  return out
}

describe('joinMentions (mention scans split across worker threads)', () => {
  it('gives every article its own mentions, whatever numbering each share used', () => {
    // Share one: two articles (Tartus twice in the first, nothing in the second).
    const one: CompactMentions = { entityIds: ['e-tartus'], spellings: ['Tartus', 'Tartous'], offsets: Int32Array.from([0, 2, 2]), rows: Int32Array.from([0, 4, 10, 0, 0, 30, 37, 1]) }
    // Share two numbers Hmeimim first, and meets Tartus under a spelling share one has too.
    const two: CompactMentions = {
      entityIds: ['e-hmeimim', 'e-tartus'],
      spellings: ['Khmeimim', 'Tartous'],
      offsets: Int32Array.from([0, 1, 3]),
      rows: Int32Array.from([0, 0, 8, 0, 1, 12, 19, 1, 0, 40, 48, 0]),
    }
    const joined = joinMentions([one, two])
    expect(decoded(joined)).toEqual([
      [
        ['e-tartus', 4, 10, 'Tartus'],
        ['e-tartus', 30, 37, 'Tartous'],
      ],
      [],
      [['e-hmeimim', 0, 8, 'Khmeimim']],
      [
        ['e-tartus', 12, 19, 'Tartous'],
        ['e-hmeimim', 40, 48, 'Khmeimim'],
      ],
    ])
    // Each entity and spelling is numbered once.
    expect(joined.entityIds).toEqual(['e-tartus', 'e-hmeimim'])
    expect(joined.spellings).toEqual(['Tartus', 'Tartous', 'Khmeimim'])
  })
})
