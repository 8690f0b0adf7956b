/**
 * outlets.json and claims.json on disk, and a highlight's sourcing fields: absent = none
 * (no format change), each change saved and undoable by what it returns, a refused change
 * writes nothing, both files backed up, a damaged one moved aside and restored, reported by
 * check; a claim counts a rewrite pair once.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId } from '../../core/ids'
import { checkNotebook } from '../storage/check-notebook'
import { NotebookSession } from '../notebook-session'
import { SourcingSession } from './sourcing-session'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const enc = (s: string) => new TextEncoder().encode(s)
let dir: string
let session: NotebookSession
let sourcing: SourcingSession
let ids: ArticleId[]
const open = async (readOnly = false) => {
  session = await NotebookSession.open(dir, { fontsDir: FONTS }, { readOnly })
  sourcing = new SourcingSession(session.store)
}

// Our own prose: a report, a close rewrite of it, and an unrelated report.
const REPORT = [
  'A Russian army convoy was stopped before it reached the naval base at Tartus on Tuesday, the ministry said.',
  'The column of thirty trucks carrying missiles had left the airfield in the morning and was turned back at a checkpoint.',
  'Officials in Damascus gave no reason for the decision, which follows weeks of talks about the future of the two bases.',
  'Satellite images showed several ships waiting outside the port while cranes loaded armoured vehicles onto a cargo vessel.',
  'The new government has said it wants to review every agreement signed by the previous administration with Moscow.',
].join(' ')
const REWRITE = REPORT.replace('on Tuesday', 'this week').replace('gave no reason', 'offered no explanation')
const OTHER = 'Cargo planes landed at the airbase near Latakia twice a day through January, according to flight tracking data reviewed by our team, and left for Libya.'

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dossier-sourcing-')), 'nb')
  await open()
  const report = await session.importContents([
    { name: 'one.txt', bytes: enc(REPORT) },
    { name: 'two.txt', bytes: enc(REWRITE) },
    { name: 'three.txt', bytes: enc(OTHER) },
  ])
  ids = report.items.map((i) => i.articleId as ArticleId)
})
afterEach(async () => {
  await session.close()
  await rm(join(dir, '..'), { recursive: true, force: true })
})

const quote = (articleId: ArticleId, text: string) => session.highlightQuote({ articleId, quote: text, tagNames: ['Convoys'], comment: '' })

describe('outlets.json', () => {
  it('a notebook without it has no outlets, and opening does not write one', async () => {
    expect((await sourcing.outletsFile()).outlets).toEqual([])
    expect(await readdir(dir)).not.toContain('outlets.json')
    expect(await readdir(dir)).not.toContain('claims.json')
  })

  it('each change is saved; restoring what it returned undoes it exactly', async () => {
    await sourcing.addOutlet({ name: 'Reuters', aliases: ['reuters.com'], country: 'UK', grade: 'b', why: 'Wire service' })
    const before = await readFile(join(dir, 'outlets.json'), 'utf8')
    const graded = await sourcing.gradeOutlet('REUTERS.COM', 'A', 'Checked twice')
    expect(graded.value.reliability).toEqual({ grade: 'A', why: 'Checked twice' })
    await sourcing.restoreOutlets(graded.previous)
    expect(await readFile(join(dir, 'outlets.json'), 'utf8')).toBe(before)
  })

  it('refused changes (alias of another outlet, grade Z, unknown article) write nothing', async () => {
    await sourcing.addOutlet({ name: 'Reuters' })
    await sourcing.addOutlet({ name: 'TRT World', aliases: ['TRT'] })
    const before = await readFile(join(dir, 'outlets.json'), 'utf8')
    await expect(sourcing.addOutletAlias('Reuters', 'trt')).rejects.toThrow('“trt” already belongs to the outlet TRT World (as “TRT”); nothing was changed.')
    await expect(sourcing.gradeOutlet('Reuters', 'Z')).rejects.toThrow(/^“Z” is not a reliability grade/)
    await expect(sourcing.linkArticle('a-0000000000', 'Reuters')).rejects.toThrow('There is no article with id a-0000000000')
    await expect(sourcing.linkArticle(ids[0]!, 'Nobody')).rejects.toThrow(/No outlet is named “Nobody”/)
    expect(await readFile(join(dir, 'outlets.json'), 'utf8')).toBe(before)
  })

  it('links an article and overrides its grade; the link is what the article shows', async () => {
    await sourcing.addOutlet({ name: 'Reuters', grade: 'B', why: 'Wire' })
    const linked = await sourcing.linkArticle(ids[0]!, 'reuters')
    expect(linked.value).toEqual({ articleId: ids[0], outlet: { id: expect.stringMatching(/^o-/), name: 'Reuters', via: 'linked' }, reliability: { grade: 'B', why: 'Wire', from: 'outlet' } })
    await sourcing.gradeArticle(ids[0]!, 'd', 'Early copy')
    expect((await sourcing.articleSource(ids[0]!)).reliability).toEqual({ grade: 'D', why: 'Early copy', from: 'article' })
  })

  it('is backed up; a damaged one is moved aside and restored from the backup, and check reports it', async () => {
    await sourcing.addOutlet({ name: 'Reuters' })
    await sourcing.createClaim('Ships left Tartus')
    const backup = await session.backup('test')
    const good = await readFile(join(dir, 'outlets.json'), 'utf8')
    await session.close()
    await writeFile(join(dir, 'outlets.json'), '{"version":1,"outlets":[{"id":"o-1"')
    await writeFile(join(dir, 'claims.json'), '{"version":1,"claims":[{"id":"x"}]}')
    const report = await checkNotebook(dir)
    expect(report.problems.map((p) => p.file)).toEqual(expect.arrayContaining(['outlets.json', 'claims.json']))
    await open()
    expect((await sourcing.outletsFile()).outlets.map((o) => o.name)).toEqual(['Reuters'])
    expect((await sourcing.claimsFile()).claims.map((c) => c.statement)).toEqual(['Ships left Tartus'])
    expect(session.openReport.recovered).toEqual([
      { file: 'outlets.json', problem: expect.stringContaining('is not valid JSON'), movedTo: expect.stringMatching(/^outlets\.json\.corrupt-/), restoredFrom: backup.id },
      { file: 'claims.json', problem: expect.stringContaining('not a claim id'), movedTo: expect.stringMatching(/^claims\.json\.corrupt-/), restoredFrom: backup.id },
    ])
    expect(await readFile(join(dir, 'outlets.json'), 'utf8')).toBe(good)
  })
})

describe('a highlight’s grade and attribution', () => {
  it('credibility 1–6 is saved with the highlight and undone; 9 is refused and nothing changes', async () => {
    const h = await quote(ids[0]!, 'the ministry said')
    const done = await sourcing.setCredibility(h.id, 2)
    expect((await session.getHighlight(h.id)).credibility).toBe(2)
    await expect(sourcing.setCredibility(h.id, 9)).rejects.toThrow('“9” is not a credibility grade: use a whole number 1–6')
    await expect(sourcing.setCredibility('h-0000000000' as HighlightId, 2)).rejects.toThrow('There is no highlight with id h-0000000000')
    expect((await session.getHighlight(h.id)).credibility).toBe(2)
    await sourcing.restoreHighlight(done.previous)
    expect((await session.getHighlight(h.id)).credibility).toBeUndefined()
  })

  it('suggests the attribution from the passage’s sentence, and saves it confirmed', async () => {
    const h = await quote(ids[2]!, 'Cargo planes landed at the airbase')
    const offer = await sourcing.suggestAttribution(h.id)
    expect(offer.suggestion).toEqual({ kind: 'primary', source: null, phrase: 'reviewed by our team', confirmed: false })
    await sourcing.setAttribution(h.id, { ...offer.suggestion, confirmed: true })
    expect((await session.getHighlight(h.id)).attribution).toEqual({ kind: 'primary', source: null, phrase: 'reviewed by our team', confirmed: true })
    await expect(sourcing.setAttribution(h.id, { kind: 'secondary', source: ' ', confirmed: true })).rejects.toThrow('A secondary attribution names the source')
  })
})

describe('claims.json', () => {
  it('a rewrite pair counts once; the explanation names it; a passage twice is refused', async () => {
    expect(session.store.article(ids[1]!)!.rewrites.map((r) => r.articleId)).toContain(ids[0])
    const a = await quote(ids[0]!, 'A Russian army convoy was stopped')
    const b = await quote(ids[1]!, 'A Russian army convoy was stopped')
    const c = await quote(ids[2]!, 'Cargo planes landed')
    const made = await sourcing.createClaim('A convoy was turned back at Tartus', [
      { highlightId: a.id, stance: 'supports' },
      { highlightId: b.id, stance: 'supports' },
    ])
    await sourcing.addPassage(made.value.id, { highlightId: c.id, stance: 'contradicts' })
    const before = await readFile(join(dir, 'claims.json'), 'utf8')
    await expect(sourcing.addPassage(made.value.id, { highlightId: a.id, stance: 'supports' })).rejects.toThrow(`Highlight ${a.id} is already in claim ${made.value.id}`)
    await expect(sourcing.addPassage(made.value.id, { highlightId: 'h-0000000000', stance: 'supports' })).rejects.toThrow('There is no highlight with id h-0000000000')
    await expect(sourcing.createClaim('x', [{ highlightId: 'h-0000000000', stance: 'supports' }])).rejects.toThrow('There is no highlight')
    expect(await readFile(join(dir, 'claims.json'), 'utf8')).toBe(before)
    const view = await sourcing.showClaim(made.value.id)
    expect(view.supporting.explanation).toBe('2 passages, 1 independent source: one and two are one report')
    expect(view.contradicting.independentSources).toBe(1)
    expect(view.passages.map((p) => p.citation)).toEqual(['“' + session.store.article(ids[0]!)!.title + '”', '“' + session.store.article(ids[1]!)!.title + '”', '“' + session.store.article(ids[2]!)!.title + '”'])
  })

  // Deleting the highlight alone is refused while a claim holds it (claims-integrity.test.ts);
  // deleting its article takes it along.
  it('a passage whose article was deleted stays listed as missing and is not counted', async () => {
    const a = await quote(ids[0]!, 'A Russian army convoy was stopped')
    const made = await sourcing.createClaim('A convoy was turned back', [{ highlightId: a.id, stance: 'supports' }])
    await session.deleteArticle(ids[0]!)
    const view = await sourcing.showClaim(made.value.id)
    expect(view.passages.map((p) => p.present)).toEqual([false])
    expect(view.supporting.independentSources).toBe(0)
  })
})
