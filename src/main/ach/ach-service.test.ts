import { mkdtempSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AchMatrix } from '../../core/ach'
import type { AchChange, AchSummary, AchView } from '../../core/api-ach'
import type { CooccurrenceGrid } from '../../core/cooccurrence'
import type { Highlight, Tag } from '../../core/model'
import type { Result } from '../../core/result'
import { createApiHandlers, type ApiHandlers } from '../api-handlers'
import type { Dialogs } from '../dialogs'
import { createMainService, type MainService } from '../service'
import { SourcingSession } from '../sourcing/sourcing-session'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const TEXT = 'The convoy stopped at the border on Monday.\n\nFuel trucks were seen queuing nearby.\n\nOfficials denied any order to wait.'

let service: MainService | null = null
afterEach(async () => {
  await service?.shutdown()
  service = null
})

type Call = <T>(method: keyof ApiHandlers, arg?: unknown) => Promise<Result<T>>

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

async function setUp(exportTo: string | null = null): Promise<{ call: Call; dir: string; passages: Highlight[]; tags: Tag[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-ach-svc-'))
  const dialogs: Dialogs = {
    chooseFilesToImport: async () => null,
    chooseNotebookFolder: async () => null,
    chooseExportPath: async () => exportTo,
    chooseAnnotationFile: async () => null,
    chooseGazetteerFile: async () => null,
    confirm: async () => false,
  }
  service = await createMainService({ notebookDir: dir, fontsDir: FONTS, dialogs, emit: () => undefined })
  const handlers = createApiHandlers(service, () => undefined)
  const call: Call = async (method, arg) => (await (arg === undefined ? handlers[method]() : handlers[method](arg))) as Result<never>
  const report = value(await call<{ items: { articleId?: string }[] }>('importDroppedFiles', { files: [{ name: 'convoy.txt', dataBase64: Buffer.from(TEXT).toString('base64') }] }))
  const articleId = report.items[0]!.articleId!
  const tags = [value(await call<Tag>('createTag', { name: 'Logistics' })), value(await call<Tag>('createTag', { name: 'Denial' }))]
  const at = (text: string, tagIds: string[]) => ({ articleId, start: TEXT.indexOf(text), end: TEXT.indexOf(text) + text.length, tagIds, comment: '' })
  const passages = [
    value(await call<Highlight>('createHighlight', at('The convoy stopped at the border', [tags[0]!.id]))),
    value(await call<Highlight>('createHighlight', at('Fuel trucks were seen queuing nearby.', [tags[0]!.id, tags[1]!.id]))),
    value(await call<Highlight>('createHighlight', at('Officials denied any order to wait.', [tags[1]!.id]))),
  ]
  return { call, dir, passages, tags }
}

const edit = (call: Call, achId: string, e: unknown) => call<AchChange<AchView>>('editAchMatrix', { achId, edit: e })

describe('the ACH API on the main service', () => {
  it('builds a matrix from passages and a note, scores it, and names the row the leader hinges on', async () => {
    const { call, passages } = await setUp()
    const created = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Why did the convoy stop?' }))
    expect(created.previous).toBeNull()
    const id = created.value.matrix.id
    value(await edit(call, id, { op: 'add-hypothesis', text: 'Fuel shortage' }))
    value(await edit(call, id, { op: 'add-hypothesis', text: 'Ordered to wait' }))
    const added = value(await call<AchChange<AchView>>('addAchEvidence', { achId: id, highlightIds: [passages[1]!.id, passages[2]!.id] }))
    value(await call('addAchEvidence', { achId: id, note: 'No satellite images of the road' }))
    expect(added.value.evidence.map((e) => [e.id, e.text])).toEqual([
      ['E1', 'Fuel trucks were seen queuing nearby.'],
      ['E2', 'Officials denied any order to wait.'],
    ])
    value(await edit(call, id, { op: 'rate', rowId: 'E1', hypothesisId: 'H1', rating: 'CC' }))
    value(await edit(call, id, { op: 'rate', rowId: 'E1', hypothesisId: 'H2', rating: 'II' }))
    value(await edit(call, id, { op: 'rate', rowId: 'E2', hypothesisId: 'H1', rating: 'C' }))
    const last = value(await edit(call, id, { op: 'rate', rowId: 'E2', hypothesisId: 'H2', rating: 'C' }))
    expect(last.value.scores.hypotheses.map((h) => [h.id, h.inconsistency, h.rank])).toEqual([
      ['H1', 0, 1],
      ['H2', 2, 2],
    ])
    expect(last.value.scores.leaders).toEqual(['H1'])
    expect(last.value.scores.rows.map((r) => [r.id, r.diagnostic, r.sensitive])).toEqual([
      ['E1', true, true],
      ['E2', false, false],
      ['E3', false, false],
    ])
    expect(value(await call<AchSummary[]>('listAchMatrices')).map((m) => [m.question, m.evidenceCount, m.leaders])).toEqual([['Why did the convoy stop?', 3, ['H1']]])
  })

  it('undoes a rating with the matrix it returned, redoes it with the one undo returned, and undoes a create by deleting', async () => {
    const { call } = await setUp()
    const created = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Who ordered the halt?' }))
    const id = created.value.matrix.id
    value(await edit(call, id, { op: 'add-hypothesis', text: 'The army' }))
    value(await call('addAchEvidence', { achId: id, note: 'A radio message was heard' }))
    const rated = value(await edit(call, id, { op: 'rate', rowId: 'E1', hypothesisId: 'H1', rating: 'I' }))
    expect(rated.previous?.evidence[0]?.ratings).toEqual({})
    const undone = value(await call<AchChange<AchView>>('restoreAchMatrix', { matrix: rated.previous }))
    expect(undone.value.matrix.evidence[0]?.ratings).toEqual({})
    const redone = value(await call<AchChange<AchView>>('restoreAchMatrix', { matrix: undone.previous }))
    expect(redone.value.matrix.evidence[0]?.ratings).toEqual({ H1: 'I' })
    const deleted = value(await call<AchChange<{ achId: string }>>('deleteAchMatrix', { achId: id }))
    expect(value(await call<AchSummary[]>('listAchMatrices'))).toEqual([])
    const back = value(await call<AchChange<AchView>>('restoreAchMatrix', { matrix: deleted.previous }))
    expect(back.previous).toBeNull()
    expect(back.value.matrix.evidence[0]?.ratings).toEqual({ H1: 'I' })
  })

  it('defaults a passage row’s credibility from the passage’s grade, and leaves an ungraded one medium', async () => {
    const { call, passages } = await setUp()
    await new SourcingSession(service!.session().store).setCredibility(passages[0]!.id, 5)
    const id = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Q' })).value.matrix.id
    const view = value(await call<AchChange<AchView>>('addAchEvidence', { achId: id, highlightIds: [passages[0]!.id, passages[1]!.id] })).value
    expect(view.matrix.evidence.map((r) => [r.credibility, r.relevance])).toEqual([
      [0.707107, 1],
      [1, 1],
    ])
  })

  it('adds a claim as a row (credibility from the claim, undone by saving the matrix before back), and refuses an unknown one', async () => {
    const { call, passages } = await setUp()
    const claim = (await new SourcingSession(service!.session().store).createClaim('The convoy was held up', [{ highlightId: passages[0]!.id, stance: 'supports' }])).value
    const id = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Q' })).value.matrix.id
    const added = value(await call<AchChange<AchView>>('addAchEvidence', { achId: id, claimId: claim.id, relevance: Math.SQRT2 }))
    expect(added.value.matrix.evidence).toEqual([{ id: 'E1', source: { kind: 'claim', claimId: claim.id }, credibility: 1, relevance: Math.SQRT2, ratings: {} }])
    expect(added.value.evidence[0]).toMatchObject({ kind: 'claim', text: 'The convoy was held up', claim: { independentSources: 1 } })
    const undone = value(await call<AchChange<AchView>>('restoreAchMatrix', { matrix: added.previous }))
    expect(undone.value.matrix.evidence).toEqual([])
    expect(await call('addAchEvidence', { achId: id, claimId: 'c-0000000000' })).toMatchObject({ ok: false, error: { code: 'not-found', message: 'No claim with id c-0000000000; `dossier claims` lists them.' } })
    expect(await call('addAchEvidence', { achId: id, claimId: 'not a claim' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })

  it('refuses a rating off the scale, an unknown row and a passage added twice, with one line each, and changes nothing', async () => {
    const { call, passages } = await setUp()
    const id = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Q' })).value.matrix.id
    value(await edit(call, id, { op: 'add-hypothesis', text: 'H' }))
    value(await call('addAchEvidence', { achId: id, highlightIds: [passages[0]!.id] }))
    const before = value(await call<AchView>('getAchMatrix', { achId: id })).matrix
    expect(await edit(call, id, { op: 'rate', rowId: 'E1', hypothesisId: 'H1', rating: 'X' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/editAchMatrix at edit\.rating/) } })
    expect(await edit(call, id, { op: 'rate', rowId: 'E9', hypothesisId: 'H1', rating: 'I' })).toMatchObject({ ok: false, error: { message: 'Matrix ' + id + ' has no evidence row "E9" (it has: E1…E1).' } })
    const twice = await call('addAchEvidence', { achId: id, highlightIds: [passages[1]!.id, passages[0]!.id] })
    expect(twice).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already evidence row E1/) } })
    expect(value(await call<AchView>('getAchMatrix', { achId: id })).matrix).toEqual(before)
  })

  it('keeps a damaged matrix file as it is and refuses to open or save over it, with one clear error', async () => {
    const { call, dir } = await setUp()
    const good = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Kept' })).value.matrix
    const bad = value(await call<AchChange<AchView>>('createAchMatrix', { question: 'Damaged' })).value.matrix
    const file = join(dir, 'ach', `${bad.id}.json`)
    await writeFile(file, '{"version": 1, "id": ')
    const opened = await call('getAchMatrix', { achId: bad.id })
    expect(opened).toMatchObject({ ok: false, error: { code: 'notebook-unreadable', message: expect.stringMatching(new RegExp(`ach/${bad.id}\\.json is damaged`)) } })
    expect(await edit(call, bad.id, { op: 'add-hypothesis', text: 'H' })).toMatchObject({ ok: false, error: { code: 'notebook-unreadable' } })
    const overwrite: AchMatrix = { ...good, id: bad.id }
    expect(await call('restoreAchMatrix', { matrix: overwrite })).toMatchObject({ ok: false, error: { code: 'notebook-unreadable' } })
    expect(await readFile(file, 'utf8')).toBe('{"version": 1, "id": ')
    expect(value(await call<AchSummary[]>('listAchMatrices')).map((m) => m.question)).toEqual(['Kept'])
  })

  it('counts tag co-occurrence with the passages behind each count, by tag and by article, and writes it as CSV', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dossier-ach-csv-')), 'tags')
    const { call, passages, tags } = await setUp(out)
    const grid = value(await call<CooccurrenceGrid>('cooccurrence', { by: 'tag' }))
    const [a, b] = tags.map((t) => grid.rows.findIndex((r) => r.id === t.id)) as [number, number]
    expect([grid.rows[a]!.label, grid.rows[b]!.label]).toEqual(['Logistics', 'Denial'])
    expect([a, b].map((r) => [a, b].map((c) => grid.cells[r]![c]!.count))).toEqual([
      [2, 1],
      [1, 2],
    ])
    expect(grid.cells[a]![b]!.highlightIds).toEqual([passages[1]!.id])
    const byArticle = value(await call<CooccurrenceGrid>('cooccurrence', { by: 'article' }))
    expect(byArticle.columns).toHaveLength(1)
    expect([a, b].map((r) => byArticle.cells[r]![0]!.highlightIds.length)).toEqual([2, 2])
    const written = value(await call<{ path: string }>('exportCooccurrence', { by: 'tag' }))
    expect(written.path).toBe(`${out}.csv`)
    expect(await readFile(written.path, 'utf8')).toContain(tags[1]!.name)
  })
})
