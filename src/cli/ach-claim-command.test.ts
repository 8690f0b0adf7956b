/**
 * `dossier ach evidence ACH_ID --claim CLAIM_ID`: a claim becomes an evidence row whose
 * credibility defaults from its passages' grades and independent sources, `ach show`
 * prints it with its count, and an unknown claim is one clear line that changes nothing.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AchMatrix } from '../core/ach'
import type { Highlight } from '../core/model'
import type { AchView } from '../main/ach/ach-session'
import type { ClaimView } from '../main/sourcing/claim-ops'
import { openTestNotebook, tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'

let tmp: string
let nb: string
let highlights: Highlight[]
let id: string
let claim: ClaimView
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
async function json<T>(...args: string[]): Promise<T> {
  const run = await dossier(...args, '--json')
  expect(run.code, run.err).toBe(0)
  return JSON.parse(run.out) as T
}

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-ach-claim-')
  nb = join(tmp, 'nb')
  const { session } = await openTestNotebook(nb)
  highlights = await session.store.allHighlights()
  await session.close()
  claim = await json<ClaimView>('claim', 'create', 'Russia is moving equipment out of Tartus', '--support', highlights[0]!.id)
  id = (await json<AchMatrix>('ach', 'create', 'Is Russia leaving Tartus?')).id
  await json('ach', 'hypothesis', id, 'Withdrawing for good')
})

describe('dossier ach evidence --claim', () => {
  it('adds the claim as a row, with the weight given, and show prints the claim and its count', async () => {
    const matrix = await json<AchMatrix>('ach', 'evidence', id, '--claim', claim.claim.id, '--weight', '2')
    // One ungraded source: credibility medium (1); --weight is the relevance.
    expect(matrix.evidence).toEqual([{ id: 'E1', source: { kind: 'claim', claimId: claim.claim.id }, credibility: 1, relevance: 2, ratings: {} }])
    const view = await json<AchView>('ach', 'show', id)
    expect(view.evidence[0]).toMatchObject({ id: 'E1', kind: 'claim', text: 'Russia is moving equipment out of Tartus', missing: false, claim: { claimId: claim.claim.id, independentSources: 1 } })
    const shown = await dossier('ach', 'show', id)
    expect(shown.out).toMatch(new RegExp(`E1 +2 .*claim: “?Russia is moving equipment out of Tartus”? \\(1 independent source\\) ${claim.claim.id}`))
  })

  it('refuses an unknown claim, a claim twice, or two kinds of evidence at once, with one line, changing nothing', async () => {
    await expectRefusal(nb, () => dossier('ach', 'evidence', id, '--claim', 'c-0000000000'), 1, 'dossier: No claim with id c-0000000000; `dossier claims` lists them.')
    await expectRefusal(nb, () => dossier('ach', 'evidence', id, '--claim', claim.claim.id), 1, `dossier: The claim ${claim.claim.id} is already evidence row E1 of this matrix.`)
    await expectRefusal(nb, () => dossier('ach', 'evidence', id, '--claim', claim.claim.id, '--note', 'x'), 2, 'give the evidence as --highlight ID, --claim ID or --note TEXT: one of the three')
  })

  it('refuses to delete a claim a matrix uses, naming the row', async () => {
    await expectRefusal(nb, () => dossier('claim', 'delete', claim.claim.id), 1, `The claim ${claim.claim.id} is evidence row E1 of the ACH matrix “Is Russia leaving Tartus?” (${id}): remove the row first`)
  })
})
