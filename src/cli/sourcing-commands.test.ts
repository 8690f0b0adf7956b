/**
 * `dossier outlets`, `outlet …`, `attribution`, `highlight edit --credibility`, `claims` and
 * `claim …`: --json shapes, what outlets.json and claims.json hold, one-line refusals with
 * the notebook unchanged, and the done-means on the shared corpus (skipped when
 * it is absent).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Highlight } from '../core/model'
import type { OutletsFile } from '../core/sourcing'
import type { ArticleSummary } from '../core/api'
import type { AttributionSuggestion, ArticleSource, ClaimView, OutletSummary } from '../main/sourcing/sourcing-session'
import { tempDir } from '../main/briefings/test-notebook'
import { expectRefusal, runCliIn } from './test-cli'

const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')

// Our own fixture prose (not the corpus).
const TEXTS: Record<string, string> = {
  'one.txt': 'Cargo ships left the port at night, Reuters reports, citing two harbour officials.',
  'two.txt': 'Ships were seen leaving the harbour after dark, according to Reuters.',
  'three.txt': 'Satellite images showed the quay empty by Friday morning.',
}

let tmp: string
let nb: string
let ids: Record<string, string>
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const json = async <T>(...args: string[]): Promise<T> => {
  const r = await dossier(...args, '--json')
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out) as T
}
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
const highlight = async (file: string, quote: string) => (await json<Highlight>('highlight', ids[file]!, '--quote', quote, '--tag', 'Convoys')).id

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-sourcing-')
  nb = join(tmp, 'nb')
  await mkdir(join(tmp, 'in'))
  for (const [name, text] of Object.entries(TEXTS)) await writeFile(join(tmp, 'in', name), text)
  expect((await dossier('import', join(tmp, 'in'))).code).toBe(0)
  ids = Object.fromEntries((await json<ArticleSummary[]>('list')).map((a) => [a.sourceFileName, a.id]))
  // The day's backup now, so no later command makes one (it would change the file tree).
  expect((await dossier('backup')).code).toBe(0)
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('dossier outlets / outlet', () => {
  it('a notebook without outlets says how to add one', async () => {
    expect(await json<OutletSummary[]>('outlets')).toEqual([])
    expect((await dossier('outlets')).out).toBe('No outlets yet: add one with "dossier outlet add NAME".\n')
  })

  it('outlet add saves the outlet with aliases, country and grade in outlets.json', async () => {
    const added = await json<OutletSummary>('outlet', 'add', 'Reuters', '--alias', 'reuters.com', '--country', 'UK', '--grade', 'b', '--why', 'Wire service')
    expect(added).toEqual({ id: expect.stringMatching(/^o-[0-9a-f]{10}$/), name: 'Reuters', aliases: ['reuters.com'], country: 'UK', reliability: { grade: 'B', why: 'Wire service' } })
    const file = JSON.parse(await readFile(join(nb, 'outlets.json'), 'utf8')) as OutletsFile
    expect(file).toEqual({ version: 1, outlets: [added], articles: [] })
    await json('outlet', 'add', 'Harbour Watch', '--alias', 'HW')
  })

  it('outlet grade and link; outlets counts the linked articles', async () => {
    expect((await json<OutletSummary>('outlet', 'grade', 'hw', 'c', '--why', 'Local blog')).reliability).toEqual({ grade: 'C', why: 'Local blog' })
    const linked = await json<ArticleSource>('outlet', 'link', ids['three.txt']!, 'Harbour Watch')
    expect(linked).toEqual({ articleId: ids['three.txt'], outlet: { id: expect.any(String), name: 'Harbour Watch', via: 'linked' }, reliability: { grade: 'C', why: 'Local blog', from: 'outlet' } })
    expect((await json<OutletSummary[]>('outlets')).map((o) => [o.name, o.articles, o.linked])).toEqual([
      ['Reuters', 0, 0],
      ['Harbour Watch', 1, 1],
    ])
    expect((await dossier('outlets')).out).toContain('Harbour Watch  C (fairly reliable): Local blog  1 article\n')
  })

  it('refuses bad input with one line and leaves the notebook unchanged', async () => {
    await refused(1, '“Z” is not a reliability grade: use one letter A–F', 'outlet', 'grade', 'Reuters', 'Z')
    await refused(1, '“REUTERS.COM” already belongs to the outlet Reuters (as “reuters.com”); nothing was changed.', 'outlet', 'add', 'Wire', '--alias', 'REUTERS.COM')
    await refused(1, '“hw” already belongs to the outlet Harbour Watch', 'outlet', 'alias', 'Reuters', 'hw')
    await refused(1, 'No outlet is named “Nobody”', 'outlet', 'link', ids['one.txt']!, 'Nobody')
    await refused(1, 'There is no article with id a-0000000000', 'outlet', 'link', 'a-0000000000', 'Reuters')
    await refused(2, 'give an outlet, or --unlink', 'outlet', 'link', ids['one.txt']!)
    await refused(2, '--why explains a --grade', 'outlet', 'add', 'Wire', '--why', 'because')
  })
})

describe('grades and attribution of a passage', () => {
  it('highlight edit --credibility saves 1–6 and refuses 9 leaving everything as it was', async () => {
    const h = await highlight('three.txt', 'the quay empty')
    await expectRefusal(nb, () => dossier('highlight', 'edit', h, '--credibility', '9'), 1, '“9” is not a credibility grade: use a whole number 1–6')
    expect((await json<Highlight>('highlight', 'edit', h, '--credibility', '2')).credibility).toBe(2)
    expect((await json<Highlight>('highlight', 'edit', h, '--credibility', '')).credibility).toBeUndefined()
  })

  it('attribution suggests the source named around the passage; --save keeps it confirmed', async () => {
    const h = await highlight('one.txt', 'Cargo ships left the port')
    const offer = await json<AttributionSuggestion>('attribution', h)
    expect(offer.suggestion).toEqual({ kind: 'secondary', source: 'Reuters', phrase: 'Reuters reports', confirmed: false })
    expect(offer.findings.map((f) => [f.phrase, f.start, f.end])).toEqual([
      ['Reuters reports', 36, 51],
      ['citing two harbour officials', 53, 81],
    ])
    expect((await dossier('attribution', h)).out).toContain('Suggested: secondary “Reuters” (“Reuters reports”), not confirmed\n')
    const saved = await json<Highlight>('attribution', h, '--save')
    expect(saved.attribution).toEqual({ kind: 'secondary', source: 'Reuters', phrase: 'Reuters reports', confirmed: true })
    await refused(2, /--kind/, 'attribution', h, '--save', '--kind', 'tertiary')
    await refused(1, 'There is no highlight with id h-0000000000', 'attribution', 'h-0000000000')
  })
})

describe('exports carry the grades', () => {
  it('the Markdown and PDF citations of a graded passage carry its Admiralty code, the Sources list its reliability', async () => {
    const h = await highlight('three.txt', 'Friday morning')
    await json('highlight', 'edit', h, '--credibility', '3')
    expect((await dossier('export', '--format', 'md', '--out', 'graded.md', '--tag', 'Convoys')).code).toBe(0)
    const md = await readFile(join(tmp, 'graded.md'), 'utf8')
    const cited = md.split('\n').filter((l) => l.includes('Harbour Watch'))
    expect(cited.some((l) => l.endsWith('(C3).'))).toBe(true)
    expect(cited.some((l) => l.endsWith('(C).\\'))).toBe(true) // the Sources entry, with its Markdown line break
    if (!hasPdftotext) return
    expect((await dossier('export', '--format', 'pdf', '--out', 'graded.pdf', '--tag', 'Convoys')).code).toBe(0)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(tmp, 'graded.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toMatch(/Harbour Watch, “[^”]*” \(C3\)\./)
  }, 60_000)
})

describe('dossier claim / claims', () => {
  it('two passages relaying Reuters count once; the contradiction is listed', async () => {
    const [a, b, c] = [await highlight('one.txt', 'the port at night'), await highlight('two.txt', 'Ships were seen leaving'), await highlight('three.txt', 'Satellite images showed')]
    await json('attribution', a, '--save')
    await json('attribution', b, '--save')
    const created = await json<ClaimView>('claim', 'create', 'Cargo ships left the port by night', '--support', a, '--support', b)
    expect(created.supporting).toMatchObject({ passages: 2, independentSources: 1, explanation: '2 passages, 1 independent source: one and two both relay Reuters' })
    const id = created.claim.id
    const added = await json<ClaimView>('claim', 'add', id, c, '--contradicts')
    expect(added.contradicting.independentSources).toBe(1)
    const shown = await dossier('claim', 'show', id)
    expect(shown.out).toContain('Supported by 2 passages, 1 independent source: one and two both relay Reuters.\n')
    expect(shown.out).toContain(`Contradictions: ${c} (three)`)
    const file = JSON.parse(await readFile(join(nb, 'claims.json'), 'utf8')) as { claims: { passages: { highlightId: string; stance: string }[] }[] }
    expect(file.claims[0]!.passages.map((p) => [p.highlightId, p.stance])).toEqual([
      [a, 'supports'],
      [b, 'supports'],
      [c, 'contradicts'],
    ])
    expect((await json<ClaimView[]>('claims')).map((v) => v.supporting.independentSources)).toEqual([1])
    await refused(1, `Highlight ${a} is already in claim ${id} (supporting it); nothing was changed.`, 'claim', 'add', id, a)
    await refused(1, 'There is no highlight with id h-0000000000', 'claim', 'add', id, 'h-0000000000')
    await refused(1, 'No claim with id c-0000000000', 'claim', 'show', 'c-0000000000')
    await refused(1, 'The claim is empty', 'claim', 'create', ' ')
    await refused(1, 'There is no highlight with id h-0000000000', 'claim', 'create', 'x', '--support', 'h-0000000000')
  })
})

describe.skipIf(!existsSync(CORPUS))('sourcing on the shared corpus (skipped: ../shared/corpus is absent in this checkout)', () => {
  it('a claim from the two retellings of the TWZ report (001, 004) and bne IntelliNews (003) has 2 independent sources, naming the pair', async () => {
    const dir = join(tmp, 'corpus-nb')
    const run = (...args: string[]) => runCliIn(tmp, ['--notebook', dir, ...args])
    const files = ['001_daa64de3b2e005fd.txt', '003_993df21826298aa0.txt', '004_9b752680666e40a6.txt'].map((f) => join(CORPUS, f))
    expect((await run('import', ...files)).code).toBe(0)
    const list = JSON.parse((await run('list', '--json')).out) as ArticleSummary[]
    const id = (prefix: string) => list.find((a) => a.sourceFileName.startsWith(prefix))!.id
    const hl = async (prefix: string, quote: string) => (JSON.parse((await run('highlight', id(prefix), '--quote', quote, '--tag', 'Convoys', '--json')).out) as Highlight).id
    const passages = [await hl('001', 'blocked a Russian army caravan'), await hl('004', 'prevented a Russian army convoy'), await hl('003', 'withdraw substantial amounts of equipment')]
    const r = await run('claim', 'create', 'Syria stopped a Russian convoy from reaching Tartus', ...passages.flatMap((h) => ['--support', h]), '--json')
    expect(r.code, r.err).toBe(0)
    const view = JSON.parse(r.out) as ClaimView
    expect(view.supporting.independentSources).toBe(2)
    expect(view.supporting.countedOnce).toEqual([{ reason: 'rewrites', articleIds: [id('001'), id('004')] }])
    expect(view.supporting.explanation).toBe('3 passages, 2 independent sources: 001_daa64de3b2e005fd and 004_9b752680666e40a6 are one report')
    const offer = JSON.parse((await run('attribution', passages[2]!, '--json')).out) as AttributionSuggestion
    expect(offer.suggestion).toMatchObject({ kind: 'secondary', source: 'Reuters' })
  }, 60_000)
})
