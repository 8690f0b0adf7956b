/**
 * The sourcing API through the handler table, as the renderer calls it: outlets graded
 * and edited, a passage graded and attributed, a claim built from three passages of a
 * rewrite pair and an independent report, every change undone with what it returned, and
 * bad input refused with one line and nothing changed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleDetailsSuggestion, ArticleSource, AttributionSuggestion, ClaimView, OutletSummary, SourcingChange } from '../../core/api-sourcing'
import type { ImportReport } from '../../core/api'
import type { ArticleId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import type { Result } from '../../core/result'
import type { Claim, ClaimsFile, Outlet, OutletsFile } from '../../core/sourcing'
import { createApiHandlers, type ApiHandlers } from '../api-handlers'
import type { Dialogs } from '../dialogs'
import { createMainService, type MainService } from '../service'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')
const dialogs: Dialogs = {
  chooseFilesToImport: async () => null,
  chooseNotebookFolder: async () => null,
  chooseExportPath: async () => null,
  chooseAnnotationFile: async () => null,
  chooseGazetteerFile: async () => null,
  confirm: async () => false,
}

// Our own prose: a report, a close retelling of it, and an unrelated report signed by its outlet.
const REPORT = [
  'Four cargo ships waited outside the harbour at Baniyas for most of the week, the port authority said on Thursday.',
  'Dock workers loaded artillery pieces and radar trailers onto the largest of them during two night shifts.',
  'A naval officer who asked not to be named said the equipment came from a depot near the coast.',
  'Satellite images showed the quay cleared of vehicles by Saturday morning, with only cranes left standing.',
  'Neither ministry commented on where the ships would sail once the loading was finished.',
].join('\n\n')
const RETELLING = REPORT.replace('for most of the week', 'for much of the week').replace('Neither ministry commented', 'No ministry commented')
const OTHER = [
  'Airlift from the coast slows',
  'February 3, 2025',
  'Transport aircraft flew out of the coastal airfield twice a day in early February, according to Reuters.',
  'The flights slowed once the talks began, and none was seen at the weekend.',
  'Source: Coast Monitor',
].join('\n\n')

let service: MainService | null = null
afterEach(async () => {
  await service?.shutdown()
  service = null
})

type Call = <T>(method: keyof ApiHandlers, arg?: unknown) => Promise<Result<T>>

async function setUp(): Promise<{ call: Call; ids: ArticleId[] }> {
  service = await createMainService({ notebookDir: mkdtempSync(join(tmpdir(), 'dossier-src-svc-')), fontsDir: FONTS, dialogs, emit: () => undefined })
  const handlers = createApiHandlers(service, () => undefined)
  const call: Call = async <T,>(method: keyof ApiHandlers, arg?: unknown) => (await (arg === undefined ? handlers[method]() : handlers[method](arg))) as Result<T>
  const files = [
    { name: 'report.txt', text: REPORT },
    { name: 'retelling.txt', text: RETELLING },
    { name: 'other.txt', text: OTHER },
  ].map((f) => ({ name: f.name, dataBase64: Buffer.from(f.text).toString('base64') }))
  const report = value(await call<{ items: { articleId?: ArticleId }[] }>('importDroppedFiles', { files }))
  return { call, ids: report.items.map((i) => i.articleId!) }
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

async function highlight(call: Call, articleId: ArticleId, text: string, quote: string): Promise<Highlight> {
  const start = text.indexOf(quote)
  return value(await call<Highlight>('createHighlight', { articleId, start, end: start + quote.length, tagIds: [], comment: '' }))
}

describe('the sourcing API on the main service', () => {
  it('creates, grades, edits and deletes an outlet, and undoes each with what it returned', async () => {
    const { call, ids } = await setUp()
    const created = value(await call<SourcingChange<Outlet, OutletsFile>>('createOutlet', { name: 'Coast Monitor', aliases: ['coastmonitor.example'], reliability: { grade: 'b', why: 'Local reporters on the coast' } }))
    expect(created.value.reliability).toEqual({ grade: 'B', why: 'Local reporters on the coast' })
    const edited = value(await call<SourcingChange<Outlet, OutletsFile>>('editOutlet', { outletId: created.value.id, edit: { country: 'Syria', reliability: { grade: 'C', why: 'One retraction' } } }))
    expect(edited.value).toMatchObject({ country: 'Syria', reliability: { grade: 'C' } })
    value(await call('restoreOutlets', { file: edited.previous }))
    expect(value(await call<OutletSummary[]>('listOutlets'))[0]).toMatchObject({ name: 'Coast Monitor', reliability: { grade: 'B' } })
    expect(value(await call<OutletSummary[]>('listOutlets'))[0]!.country).toBeUndefined()

    const linked = value(await call<SourcingChange<ArticleSource, OutletsFile>>('linkArticleOutlet', { articleId: ids[2], outletId: created.value.id }))
    expect(linked.value).toMatchObject({ outlet: { name: 'Coast Monitor', via: 'linked' }, reliability: { grade: 'B', from: 'outlet' } })
    expect(value(await call<OutletSummary[]>('listOutlets'))[0]).toMatchObject({ articles: 1, linked: 1 })
    const deleted = value(await call<SourcingChange<Outlet, OutletsFile>>('deleteOutlet', { outletId: created.value.id }))
    expect(value(await call<OutletSummary[]>('listOutlets'))).toEqual([])
    expect(value(await call<ArticleSource[]>('listArticleSources')).find((s) => s.articleId === ids[2])!.outlet).toBeNull()
    value(await call('restoreOutlets', { file: deleted.previous }))
    expect(value(await call<ArticleSource[]>('listArticleSources')).find((s) => s.articleId === ids[2])!.outlet).toMatchObject({ name: 'Coast Monitor' })
  })

  it('offers the outlet and date an article states, matched against known outlets', async () => {
    const { call, ids } = await setUp()
    const before = value(await call<ArticleDetailsSuggestion>('suggestArticleDetails', { articleId: ids[2] }))
    expect(before.outlet).toMatchObject({ name: 'Coast Monitor', known: null })
    expect(before.outlet!.source).toMatch(/source line/)
    expect(before.published?.iso).toBe('2025-02-03')
    const outlet = value(await call<SourcingChange<Outlet, OutletsFile>>('createOutlet', { name: 'The Coast Monitor', aliases: ['Coast Monitor'] }))
    const after = value(await call<ArticleDetailsSuggestion>('suggestArticleDetails', { articleId: ids[2] }))
    expect(after.outlet!.known).toEqual({ id: outlet.value.id, name: 'The Coast Monitor' })
  })

  it('grades and attributes a passage, and restores it as it was', async () => {
    const { call, ids } = await setUp()
    value(await call('createOutlet', { name: 'Reuters' }))
    const h = await highlight(call, ids[2]!, OTHER, 'Transport aircraft flew out of the coastal airfield')
    const graded = value(await call<SourcingChange<Highlight, Highlight>>('gradeHighlight', { highlightId: h.id, credibility: 2 }))
    expect(graded.value.credibility).toBe(2)
    const suggestion = value(await call<AttributionSuggestion>('suggestAttribution', { highlightId: h.id }))
    expect(suggestion.suggestion).toMatchObject({ kind: 'secondary', source: 'Reuters' })
    const attributed = value(await call<SourcingChange<Highlight, Highlight>>('setAttribution', { highlightId: h.id, attribution: { ...suggestion.suggestion, confirmed: true } }))
    expect(attributed.value).toMatchObject({ credibility: 2, attribution: { kind: 'secondary', source: 'Reuters', confirmed: true } })
    const undone = value(await call<SourcingChange<Highlight, Highlight>>('restoreHighlightSourcing', { highlight: attributed.previous }))
    expect(undone.value.attribution).toBeUndefined()
    expect(undone.value.credibility).toBe(2)
    value(await call('restoreHighlightSourcing', { highlight: graded.previous }))
    const passages = value(await call<{ highlight: Highlight }[]>('listPassages'))
    expect(passages[0]!.highlight.credibility).toBeUndefined()
  })

  it('counts a retold report once in a claim and says why; edits, restates and undoes it', async () => {
    const { call, ids } = await setUp()
    const a = await highlight(call, ids[0]!, REPORT, 'Dock workers loaded artillery pieces and radar trailers')
    const b = await highlight(call, ids[1]!, RETELLING, 'Dock workers loaded artillery pieces and radar trailers')
    const c = await highlight(call, ids[2]!, OTHER, 'Transport aircraft flew out of the coastal airfield')
    const created = value(await call<SourcingChange<Claim, ClaimsFile>>('createClaim', { statement: 'Heavy equipment left by sea', passages: [{ highlightId: a.id, stance: 'supports' }] }))
    value(await call('addClaimPassages', { claimId: created.value.id, passages: [{ highlightId: b.id, stance: 'supports' }, { highlightId: c.id, stance: 'supports' }] }))
    const [view] = value(await call<ClaimView[]>('listClaims'))
    expect(view!.supporting.independentSources).toBe(2)
    expect(view!.supporting.explanation).toBe('3 passages, 2 independent sources: report and retelling are one report')

    value(await call('setClaimPassageStance', { claimId: created.value.id, highlightId: c.id, stance: 'contradicts' }))
    const restated = value(await call<SourcingChange<Claim, ClaimsFile>>('editClaim', { claimId: created.value.id, statement: 'Equipment left Baniyas by sea' }))
    const [after] = value(await call<ClaimView[]>('listClaims'))
    expect(after!.claim.statement).toBe('Equipment left Baniyas by sea')
    expect([after!.supporting.independentSources, after!.contradicting.independentSources]).toEqual([1, 1])
    value(await call('restoreClaims', { file: restated.previous }))
    expect(value(await call<ClaimView[]>('listClaims'))[0]!.claim.statement).toBe('Heavy equipment left by sea')

    const removed = value(await call<SourcingChange<Claim, ClaimsFile>>('deleteClaim', { claimId: created.value.id }))
    expect(value(await call<ClaimView[]>('listClaims'))).toEqual([])
    value(await call('restoreClaims', { file: removed.previous }))
    expect(value(await call<ClaimView[]>('listClaims'))).toHaveLength(1)
  })

  it('refuses an unknown grade, a claim with no passages, an unknown highlight and a passage twice, and changes nothing', async () => {
    const { call, ids } = await setUp()
    const h = await highlight(call, ids[0]!, REPORT, 'Dock workers loaded artillery pieces')
    const outlet = value(await call<SourcingChange<Outlet, OutletsFile>>('createOutlet', { name: 'Coast Monitor' }))
    const message = (r: Result<unknown>) => (r.ok ? 'accepted' : `${r.error.code}: ${r.error.message}`)

    expect(message(await call('editOutlet', { outletId: outlet.value.id, edit: { reliability: { grade: 'Z', why: '' } } }))).toMatch(/^bad-request: “Z” is not a reliability grade: use one letter A–F/)
    expect(message(await call('gradeHighlight', { highlightId: h.id, credibility: 9 }))).toMatch(/^bad-request: “9” is not a credibility grade/)
    expect(message(await call('createClaim', { statement: 'Ships left', passages: [] }))).toBe('bad-request: invalid arguments for createClaim at passages: a claim needs at least one passage (support or contradict)')
    expect(message(await call('createClaim', { statement: 'Ships left', passages: [{ highlightId: 'h-0000000000', stance: 'supports' }] }))).toMatch(/^not-found: There is no highlight with id h-0000000000/)
    expect(message(await call('createClaim', { statement: 'Ships left', passages: [{ highlightId: h.id, stance: 'supports' }, { highlightId: h.id, stance: 'contradicts' }] }))).toMatch(/^bad-request: Highlight .* is already in claim/)
    expect(value(await call<ClaimView[]>('listClaims'))).toEqual([])
    expect(value(await call<OutletSummary[]>('listOutlets'))[0]!.reliability).toBeUndefined()
    expect(value(await call<{ highlight: Highlight }[]>('listPassages'))[0]!.highlight.credibility).toBeUndefined()

    const claim = value(await call<SourcingChange<Claim, ClaimsFile>>('createClaim', { statement: 'Ships left', passages: [{ highlightId: h.id, stance: 'supports' }] }))
    expect(message(await call('addClaimPassages', { claimId: claim.value.id, passages: [{ highlightId: h.id, stance: 'supports' }] }))).toMatch(/already in claim .* nothing was changed/)
    expect(value(await call<ClaimView[]>('listClaims'))[0]!.passages).toHaveLength(1)
  })

  it.skipIf(!existsSync(CORPUS))('import of the corpus offers the outlets its texts state, matched against known outlets and aliases (skipped: ../shared/corpus absent)', async () => {
    const { call } = await setUp()
    value(await call('createOutlet', { name: 'SwissX', aliases: ['SwissX REDD UK ltd'] }))
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))
    const report = value(await call<ImportReport>('importDroppedFiles', { files: files.map((name) => ({ name, dataBase64: readFileSync(join(CORPUS, name)).toString('base64') })) }))
    const stated = Object.fromEntries(report.items.map((i) => [i.source.slice(0, 3), i.statedOutlet && [i.statedOutlet.name, i.statedOutlet.known]]))
    expect(stated).toEqual({ '000': undefined, '001': undefined, '002': ['SwissX REDD UK ltd', 'SwissX'], '003': ['bne IntelliNews', null], '004': undefined })
    // Offered, never created: the only outlet is the one made above, and it counts 002.
    expect(value(await call<OutletSummary[]>('listOutlets')).map((o) => [o.name, o.articles])).toEqual([['SwissX', 1]])

    // Once the analyst adds it, 003 is counted under it.
    value(await call('createOutlet', { name: 'bne IntelliNews' }))
    const id003 = report.items.find((i) => i.source.startsWith('003'))!.articleId
    const sources = value(await call<ArticleSource[]>('listArticleSources'))
    expect(sources.find((s) => s.articleId === id003)!.outlet).toMatchObject({ name: 'bne IntelliNews', via: 'outlet metadata' })
  })
})
