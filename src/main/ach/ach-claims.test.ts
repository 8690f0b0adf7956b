/**
 * Claims as ACH evidence rows (notes/ach.md): the default credibility from the claim's
 * grades and independent sources, the row as the view shows it, a claim in a matrix not
 * deleted (decision 67), and a row whose claim is gone shown as deleted, reported by
 * `dossier check` and removed by `--repair` (the matrix file kept aside first).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { removeEvidence } from '../../core/ach'
import type { ArticleId, HighlightId } from '../../core/ids'
import type { ClaimId } from '../../core/sourcing'
import { NotebookSession } from '../notebook-session'
import { SourcingSession } from '../sourcing/sourcing-session'
import { checkNotebook } from '../storage/check-notebook'
import { AchSession } from './ach-session'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const enc = (s: string) => new TextEncoder().encode(s)
let dir: string
let session: NotebookSession
let sourcing: SourcingSession
let ach: AchSession
let h1: HighlightId
let h2: HighlightId
let claimId: ClaimId

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dossier-ach-claims-')), 'nb')
  session = await NotebookSession.open(dir, { fontsDir: FONTS }, {})
  sourcing = new SourcingSession(session.store)
  ach = new AchSession(session.store)
  const report = await session.importContents([
    { name: 'one.txt', bytes: enc('A Russian army convoy was stopped before it reached the naval base at Tartus on Tuesday.') },
    { name: 'two.txt', bytes: enc('Cargo planes landed at the airbase near Latakia twice a day through January.') },
  ])
  const ids = report.items.map((i) => i.articleId as ArticleId)
  h1 = (await session.highlightQuote({ articleId: ids[0]!, quote: 'convoy was stopped', tagNames: ['Convoys'], comment: '' })).id
  h2 = (await session.highlightQuote({ articleId: ids[1]!, quote: 'Cargo planes landed', tagNames: ['Convoys'], comment: '' })).id
  await sourcing.gradeArticle(ids[0]!, 'B')
  await sourcing.setCredibility(h1, 2)
  const created = await sourcing.createClaim('Russia is moving equipment out of Syria', [
    { highlightId: h1, stance: 'supports' },
    { highlightId: h2, stance: 'supports' },
  ])
  claimId = created.value.id
})
afterEach(async () => {
  await session.close()
  await rm(join(dir, '..'), { recursive: true, force: true })
})

describe('a claim as an evidence row', () => {
  it('defaults its credibility from the best grade and the independent sources, and shows the claim', async () => {
    const m = await ach.create('Is Russia leaving Syria?')
    const matrix = await ach.addClaim(m.id, claimId)
    // Best passage B2 = √2; two independent sources (two articles, no shared outlet): √2 × 2^¼ = 2^¾.
    expect(matrix.evidence).toEqual([{ id: 'E1', source: { kind: 'claim', claimId }, credibility: 1.681793, relevance: 1, ratings: {} }])
    const view = await ach.view(m.id)
    expect(view.evidence[0]).toMatchObject({ id: 'E1', kind: 'claim', text: 'Russia is moving equipment out of Syria', missing: false })
    expect(view.evidence[0]!.claim).toMatchObject({ claimId, independentSources: 2, contradictingSources: 0 })
    expect(view.evidence[0]!.claim!.passages.map((p) => [p.highlightId, p.grade])).toEqual([
      [h1, 'B2'],
      [h2, null],
    ])
    // Weights given win over the default.
    const other = await ach.create('Other')
    expect((await ach.addClaim(other.id, claimId, { credibility: 0.5 })).evidence[0]!.credibility).toBe(0.5)
  })

  it('refuses an unknown claim, or one already a row, with one line and writes nothing', async () => {
    const m = await ach.create('Is Russia leaving Syria?')
    await ach.addClaim(m.id, claimId)
    const file = join(dir, 'ach', `${m.id}.json`)
    const before = await readFile(file, 'utf8')
    await expect(ach.addClaim(m.id, 'c-0000000000')).rejects.toMatchObject({ code: 'not-found', message: 'No claim with id c-0000000000; `dossier claims` lists them.' })
    await expect(ach.addClaim(m.id, claimId)).rejects.toMatchObject({ code: 'bad-request', message: `The claim ${claimId} is already evidence row E1 of this matrix.` })
    expect(await readFile(file, 'utf8')).toBe(before)
  })
})

describe('deleting a claim used by a matrix', () => {
  it('is refused, naming the matrix and the row; once the row is removed it can be deleted', async () => {
    const m = await ach.create('Is Russia leaving Syria?')
    await ach.addClaim(m.id, claimId)
    await expect(sourcing.deleteClaim(claimId)).rejects.toThrow(
      `The claim ${claimId} is evidence row E1 of the ACH matrix “Is Russia leaving Syria?” (${m.id}): remove the row first, then delete the claim. Nothing was changed.`,
    )
    expect((await sourcing.claimsFile()).claims.map((c) => c.id)).toEqual([claimId])
    await ach.edit(m.id, (x) => removeEvidence(x, 'E1'))
    await sourcing.deleteClaim(claimId)
    expect((await sourcing.claimsFile()).claims).toEqual([])
  })
})

describe('a row whose claim is gone', () => {
  it('shows as a deleted claim, is reported by check and removed by --repair with the matrix kept aside', async () => {
    const m = await ach.create('Is Russia leaving Syria?')
    await ach.addClaim(m.id, claimId)
    await ach.addNote(m.id, 'No satellite images')
    // Gone the way the app's undo of the claim's creation takes it: claims.json put back without it.
    await sourcing.restoreClaims({ version: 1, claims: [] })
    const view = await ach.view(m.id)
    expect(view.evidence[0]).toMatchObject({ id: 'E1', kind: 'claim', text: '', missing: true })
    expect(view.evidence[0]!.claim).toBeUndefined()
    expect(view.missingRows).toEqual(['E1'])
    await session.close()

    const found = await checkNotebook(dir)
    expect(found.problems).toEqual([
      expect.objectContaining({ file: `ach/${m.id}.json`, message: `Evidence row E1 of the ACH matrix ${m.id} points to the claim ${claimId}, which is not in claims.json.`, repairable: true }),
    ])
    const repaired = await checkNotebook(dir, { repair: true })
    expect(repaired.problems).toEqual([])
    expect(repaired.repaired.map((p) => p.repair)).toEqual([expect.stringMatching(/^Removed the row from the matrix \(the previous file is kept as ach\/m-[0-9a-f]+\.json\.corrupt-/)])
    const kept = (await readdir(join(dir, 'ach'))).filter((n) => n.includes('.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(JSON.parse(await readFile(join(dir, 'ach', kept[0]!), 'utf8')).evidence).toHaveLength(2)
    const stored = JSON.parse(await readFile(join(dir, 'ach', `${m.id}.json`), 'utf8')) as { evidence: { id: string }[] }
    expect(stored.evidence.map((r) => r.id)).toEqual(['E2'])
    expect((await checkNotebook(dir)).problems).toEqual([])
    session = await NotebookSession.open(dir, { fontsDir: FONTS }, {})
  })
})
