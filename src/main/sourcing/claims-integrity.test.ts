/**
 * Claims whose passages no longer exist (notes/sourcing.md): deleting a highlight that a
 * claim holds is refused with a message naming the claim (decision 62), and `dossier
 * check` reports a passage whose article was deleted, which `--repair` removes from its
 * claim after keeping a copy of claims.json.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId } from '../../core/ids'
import { NotebookSession } from '../notebook-session'
import { checkNotebook } from '../storage/check-notebook'
import { SourcingSession } from './sourcing-session'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const enc = (s: string) => new TextEncoder().encode(s)
const ONE = 'A Russian army convoy was stopped before it reached the naval base at Tartus on Tuesday, the ministry said.'
const TWO = 'Cargo planes landed at the airbase near Latakia twice a day through January, according to flight tracking data.'
let dir: string
let session: NotebookSession
let sourcing: SourcingSession
let ids: ArticleId[]
let h1: HighlightId
let h2: HighlightId

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dossier-claims-integrity-')), 'nb')
  session = await NotebookSession.open(dir, { fontsDir: FONTS }, {})
  sourcing = new SourcingSession(session.store)
  const report = await session.importContents([
    { name: 'one.txt', bytes: enc(ONE) },
    { name: 'two.txt', bytes: enc(TWO) },
  ])
  ids = report.items.map((i) => i.articleId as ArticleId)
  h1 = (await session.highlightQuote({ articleId: ids[0]!, quote: 'convoy was stopped', tagNames: ['Convoys'], comment: '' })).id
  h2 = (await session.highlightQuote({ articleId: ids[1]!, quote: 'Cargo planes landed', tagNames: ['Convoys'], comment: '' })).id
})
afterEach(async () => {
  await session.close()
  await rm(join(dir, '..'), { recursive: true, force: true })
})

describe('deleting a highlight a claim holds', () => {
  it('is refused, naming the claim, and nothing changes; once out of the claim it can be deleted', async () => {
    const claim = (await sourcing.createClaim('The convoy was stopped', [{ highlightId: h1, stance: 'supports' }])).value
    await expect(session.deleteHighlight(h1)).rejects.toThrow(`Highlight ${h1} is a passage of the claim “The convoy was stopped” (${claim.id}): remove it from the claim first, then delete it. Nothing was changed.`)
    expect((await session.getHighlight(h1)).id).toBe(h1)
    await sourcing.removePassage(claim.id, h1)
    await session.deleteHighlight(h1)
    await expect(session.getHighlight(h1)).rejects.toThrow()
  })
})

describe('dossier check and claims', () => {
  it('reports a passage whose article was deleted; --repair removes it and keeps the old claims.json', async () => {
    const claim = (await sourcing.createClaim('Two reports', [{ highlightId: h1, stance: 'supports' }, { highlightId: h2, stance: 'supports' }])).value
    await session.deleteArticle(ids[1]!)
    await session.close()

    const report = await checkNotebook(dir)
    expect(report.problems).toEqual([
      {
        file: 'claims.json',
        message: `Claim ${claim.id} holds a passage that no longer exists: its article ${ids[1]} is not in the catalog.`,
        repairable: true,
        repair: expect.stringMatching(/^Remove the passage from the claim \(claims\.json is kept as claims\.json\.corrupt-.+ first\)\.$/),
      },
    ])
    const before = await readFile(join(dir, 'claims.json'), 'utf8')

    const repaired = await checkNotebook(dir, { repair: true })
    expect(repaired.problems).toEqual([])
    expect(repaired.repaired).toHaveLength(1)
    const kept = (await readdir(dir)).filter((n) => n.startsWith('claims.json.corrupt-'))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe(before)
    expect((await checkNotebook(dir)).problems).toEqual([])

    session = await NotebookSession.open(dir, { fontsDir: FONTS }, {})
    sourcing = new SourcingSession(session.store)
    expect((await sourcing.claimsFile()).claims[0]!.passages.map((p) => p.highlightId)).toEqual([h1])
  })
})
