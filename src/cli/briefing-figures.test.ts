/**
 * `dossier briefing figure add|remove` and `dossier briefing ach add|remove` (issues 15
 * and 16): what --json prints, what the briefing file holds, what `briefing show` says,
 * and one-line refusals with the notebook unchanged.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefingDocument } from '../core/briefing-document'
import { openEntityTestNotebook } from '../main/briefings/test-entity-notebook'
import { tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'

let tmp: string
let nb: string
let briefingId: string
let matrixId: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const json = async <T>(...args: string[]): Promise<T> => {
  const r = await dossier(...args, '--json')
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out) as T
}
const stored = async (id: string) => JSON.parse(await readFile(join(nb, 'briefings', `${id}.json`), 'utf8')) as BriefingDocument

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-briefing-figures-')
  nb = join(tmp, 'nb')
  const { session } = await openEntityTestNotebook(nb)
  await session.close()
  briefingId = (await json<BriefingDocument>('briefing', 'create', '--title', 'Figures')).id
  matrixId = (await json<{ id: string }>('ach', 'create', 'Is Russia leaving?')).id
  expect((await dossier('backup')).code).toBe(0)
}, 60_000)
afterAll(() => rm(tmp, { recursive: true, force: true }))

describe('dossier briefing figure and briefing ach', () => {
  it('figure add stores a figure with its options; show lists it; remove takes it out', async () => {
    const doc = await json<BriefingDocument>('briefing', 'figure', 'add', briefingId, '--kind', 'timeline', '--section', 'Bases', '--by', 'entity', '--from', '2024-12', '--title', 'When')
    expect(doc.figures).toEqual([{ id: 'F1', kind: 'timeline', section: expect.stringMatching(/^t-/), by: 'entity', from: '2024-12', title: 'When' }])
    expect(await stored(briefingId)).toEqual(doc)
    const map = await json<BriefingDocument>('briefing', 'figure', 'add', briefingId, '--kind', 'map')
    expect(map.figures?.map((f) => f.id)).toEqual(['F1', 'F2'])
    const shown = await dossier('briefing', 'show', briefingId)
    expect(shown.out).toContain('Figures (2):')
    expect(shown.out).toContain('  F1 timeline (section Bases): lanes by entity; event dates 2024-12 to …; title "When"')
    expect(shown.out).toContain('  F2 map (whole briefing)')
    const removed = await json<BriefingDocument>('briefing', 'figure', 'remove', briefingId, 'F1')
    expect(removed.figures?.map((f) => f.id)).toEqual(['F2'])
  })

  it('ach add names a matrix of the notebook; adding it twice changes nothing; remove takes it out', async () => {
    const added = await json<BriefingDocument>('briefing', 'ach', 'add', briefingId, matrixId)
    expect(added.achMatrices).toEqual([matrixId])
    const again = await dossier('briefing', 'ach', 'add', briefingId, matrixId)
    expect(again.out).toContain('already is as asked; nothing changed')
    expect((await dossier('briefing', 'show', briefingId)).out).toContain(`ACH matrices (1): ${matrixId}`)
    const removed = await json<BriefingDocument>('briefing', 'ach', 'remove', briefingId, matrixId)
    expect(removed.achMatrices).toBeUndefined()
  })

  it('refuses an impossible date, an end before its start, an unknown section, figure or matrix, changing nothing', async () => {
    await expectRefusal(nb, () => dossier('briefing', 'figure', 'add', briefingId, '--kind', 'timeline', '--from', '2025-02-30'), 1, 'The figure cannot be added: from:')
    await expectRefusal(nb, () => dossier('briefing', 'figure', 'add', briefingId, '--kind', 'map', '--from', '2025-02', '--to', '2025-01'), 1, 'is before its start')
    await expectRefusal(nb, () => dossier('briefing', 'figure', 'add', briefingId, '--kind', 'map', '--section', 'Nowhere'), 1, 'Nowhere')
    await expectRefusal(nb, () => dossier('briefing', 'figure', 'remove', briefingId, 'F9'), 1, 'The briefing has no figure F9')
    await expectRefusal(nb, () => dossier('briefing', 'ach', 'add', briefingId, 'm-00000000ff'), 1, 'm-00000000ff')
    await expectRefusal(nb, () => dossier('briefing', 'figure', 'add', briefingId, '--kind', 'chart'), 2, 'chart')
  })
})
