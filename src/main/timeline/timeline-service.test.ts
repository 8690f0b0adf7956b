import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { EventDateChange, EventDateSuggestionRow, MapData, TimelineData } from '../../core/api-timeline'
import type { Highlight, Tag } from '../../core/model'
import type { Result } from '../../core/result'
import type { Basemap } from '../../core/timeline/map'
import { createApiHandlers, type ApiHandlers } from '../api-handlers'
import type { Dialogs } from '../dialogs'
import { createMainService, type MainService } from '../service'

const ROOT = join(import.meta.dirname, '..', '..', '..')
const FONTS = join(ROOT, 'resources', 'fonts')
const STARTER = join(ROOT, 'resources', 'gazetteer', 'syria-russia.json')

const dialogs: Dialogs = {
  chooseFilesToImport: async () => null,
  chooseNotebookFolder: async () => null,
  chooseExportPath: async () => null,
  chooseAnnotationFile: async () => null,
  chooseGazetteerFile: async () => null,
  confirm: async () => false,
}

const SHIP_TEXT = 'The cargo ship departed Tartus on 11 December with armoured vehicles.\n\nOn January 21 and 22 two vessels docked at Tartous.\n\nNothing else moved.'
const UNDATED_TEXT = 'A convoy was turned back on Tuesday near Khmeimim.\n\nThe base stayed quiet.'

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

async function setUp(): Promise<{ call: Call; ship: Highlight; docking: Highlight; convoy: Highlight; bases: Tag }> {
  service = await createMainService({ notebookDir: mkdtempSync(join(tmpdir(), 'dossier-tl-svc-')), fontsDir: FONTS, starterGazetteerFile: STARTER, dialogs, emit: () => undefined })
  const handlers = createApiHandlers(service, () => undefined)
  const call: Call = async <T,>(method: keyof ApiHandlers, arg?: unknown) => (await (arg === undefined ? handlers[method]() : handlers[method](arg))) as Result<T>
  const files = [
    { name: 'ship.txt', dataBase64: Buffer.from(SHIP_TEXT).toString('base64') },
    { name: 'convoy.txt', dataBase64: Buffer.from(UNDATED_TEXT).toString('base64') },
  ]
  const [shipId, convoyId] = value(await call<{ items: { articleId?: string }[] }>('importDroppedFiles', { files })).items.map((i) => i.articleId!)
  value(await call('updateArticleMeta', { articleId: shipId, change: { published: '2025-02-02' } }))
  // The starter codebook has Bases.
  const bases = value(await call<Tag[]>('listTags')).find((t) => t.name === 'Bases')!
  const mark = async (articleId: string, text: string, body: string, tagIds: string[]) =>
    value(await call<Highlight>('createHighlight', { articleId, start: body.indexOf(text), end: body.indexOf(text) + text.length, tagIds, comment: '' }))
  const ship = await mark(shipId!, 'The cargo ship departed Tartus on 11 December', SHIP_TEXT, [bases.id])
  const docking = await mark(shipId!, 'On January 21 and 22 two vessels docked at Tartous.', SHIP_TEXT, [])
  const convoy = await mark(convoyId!, 'A convoy was turned back on Tuesday near Khmeimim.', UNDATED_TEXT, [bases.id])
  return { call, ship, docking, convoy, bases }
}

const days = (data: TimelineData) => data.passages.map((p) => `${p.start}/${p.end} ${p.lanes.join(',')}`)

describe('the timeline API on the main service', () => {
  it('suggests event dates against the publication date, and leaves a relative phrase unresolved without one', async () => {
    const { call, ship, docking, convoy } = await setUp()
    const rows = value(await call<EventDateSuggestionRow[]>('listEventDateSuggestions', { articleId: ship.articleId }))
    const of = (id: string) => rows.find((r) => r.highlightId === id)?.suggestion
    expect(of(ship.id)).toMatchObject({ start: '2024-12-11', end: '2024-12-11', phrase: 'on 11 December', rule: 'day+inferred-year' })
    expect(of(docking.id)).toMatchObject({ start: '2025-01-21', end: '2025-01-22' })
    const [undated] = value(await call<EventDateSuggestionRow[]>('listEventDateSuggestions', { articleId: convoy.articleId }))
    expect(undated?.suggestion).toMatchObject({ unresolved: true, phrase: expect.stringMatching(/Tuesday/), reason: expect.stringMatching(/no publication date/) })
  })

  it('places passages in lanes by tag, filters by date, and leaves the unresolved one off with its reason', async () => {
    const { call, bases } = await setUp()
    const all = value(await call<TimelineData>('getTimeline', {}))
    expect(days(all)).toEqual([`2024-12-11/2024-12-11 ${bases.id}`, '2025-01-21/2025-01-22 untagged'])
    expect(all.lanes.map((l) => l.label)).toEqual(['Bases', 'Untagged'])
    expect(all.undated).toEqual({ count: 1, reasons: [{ reason: expect.stringMatching(/no publication date/), count: 1 }] })
    expect(days(value(await call<TimelineData>('getTimeline', { from: '2025-01' })))).toEqual(['2025-01-21/2025-01-22 untagged'])
    expect(days(value(await call<TimelineData>('getTimeline', { tagIds: [bases.id] })))).toEqual([`2024-12-11/2024-12-11 ${bases.id}`])
  })

  it('in publication-date mode shows the dated articles (one with no passage too) in lanes by outlet, leaving the undated one off', async () => {
    const { call, ship, bases } = await setUp()
    const body = 'Outlets reported on the withdrawal.'
    const [quietId] = value(await call<{ items: { articleId?: string }[] }>('importDroppedFiles', { files: [{ name: 'quiet.txt', dataBase64: Buffer.from(body).toString('base64') }] })).items.map((i) => i.articleId!)
    value(await call('updateArticleMeta', { articleId: quietId, change: { published: '2025-01-05', outlet: 'Tartus Daily', title: 'Quiet' } }))
    value(await call('updateArticleMeta', { articleId: ship.articleId, change: { outlet: 'bne IntelliNews', title: 'Ship' } }))
    const published = value(await call<TimelineData>('getTimeline', { mode: 'published' }))
    expect(published.by).toBe('outlet')
    expect(published.passages).toEqual([])
    const shown = published.articles.map((a) => `${a.start} ${a.title} [${published.lanes.find((l) => l.key === a.lanes[0])?.label}] ${a.passageCount}`).sort()
    expect(shown).toEqual(['2025-01-05 Quiet [Tartus Daily] 0', '2025-02-02 Ship [bne IntelliNews] 2'])
    expect(published.undated).toEqual({ count: 1, reasons: [{ reason: 'it has no publication date', count: 1 }] })
    expect(published.articleCount).toBe(3)
    // The tag filter keeps the articles with a passage so tagged; the date filter reads the publication day.
    const tagged = value(await call<TimelineData>('getTimeline', { mode: 'published', tagIds: [bases.id] }))
    expect(tagged.articles.map((a) => a.title)).toEqual(['Ship'])
    expect(value(await call<TimelineData>('getTimeline', { mode: 'published', to: '2025-01' })).articles.map((a) => a.title)).toEqual(['Quiet'])
  })

  it('puts lanes by entity when asked', async () => {
    const { call } = await setUp()
    value(await call('addStarterGazetteer'))
    const byEntity = value(await call<TimelineData>('getTimeline', { by: 'entity' }))
    expect(byEntity.lanes.map((l) => l.label)).toEqual(['Tartus'])
    expect(byEntity.passages).toHaveLength(2)
  })

  it('accepts a suggestion, changes it, clears it, and undoes each with what it returned', async () => {
    const { call, ship } = await setUp()
    const accepted = value(await call<EventDateChange>('acceptEventDateSuggestion', { highlightId: ship.id }))
    expect(accepted.previous).toBe('auto')
    expect(accepted.highlight.eventDate).toMatchObject({ start: '2024-12-11', source: 'suggested', phrase: 'on 11 December' })
    const changed = value(await call<EventDateChange>('setEventDate', { highlightId: ship.id, eventDate: { start: '2024-12-10', end: '2024-12-12', precision: 'day', source: 'analyst' } }))
    expect(changed.previous).toEqual(accepted.highlight.eventDate)
    const cleared = value(await call<EventDateChange>('setEventDate', { highlightId: ship.id, eventDate: null }))
    expect(cleared.highlight.eventDate).toBeNull()
    expect(days(value(await call<TimelineData>('getTimeline', {})))).toEqual(['2025-01-21/2025-01-22 untagged'])
    const undone = value(await call<EventDateChange>('setEventDate', { highlightId: ship.id, eventDate: cleared.previous }))
    expect(undone.highlight.eventDate).toMatchObject({ start: '2024-12-10', end: '2024-12-12' })
    const back = value(await call<EventDateChange>('setEventDate', { highlightId: ship.id, eventDate: accepted.previous }))
    expect(back.highlight.eventDate).toBeUndefined()
  })

  it('refuses an impossible date, an end before its start, a bad filter, and an unresolved suggestion, changing nothing', async () => {
    const { call, ship, convoy } = await setUp()
    const impossible = await call('setEventDate', { highlightId: ship.id, eventDate: { start: '2025-02-30', end: '2025-02-30', precision: 'day', source: 'analyst' } })
    expect(impossible).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/2025-02-30 is not a real day/) } })
    const backwards = await call('setEventDate', { highlightId: ship.id, eventDate: { start: '2025-01-22', end: '2025-01-21', precision: 'day', source: 'analyst' } })
    expect(backwards).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/ends \(2025-01-21\) before it starts/) } })
    const badFilter = await call('getTimeline', { from: '2025-13' })
    expect(badFilter).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/no month 13/) } })
    const unresolved = await call('acceptEventDateSuggestion', { highlightId: convoy.id })
    expect(unresolved).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/Nothing to accept: .*no publication date/) } })
    const stored = value(await call<{ highlights: Highlight[] }>('getArticle', { articleId: ship.articleId })).highlights.find((h) => h.id === ship.id)
    expect(stored?.eventDate).toBeUndefined()
  })

  it('maps places with coordinates and their passages, filtered by the timeline date range; the basemap is offline land', async () => {
    const { call, ship, docking } = await setUp()
    expect(value(await call<MapData>('getMap', {}))).toMatchObject({ places: [], placeEntityCount: 0 })
    value(await call('addStarterGazetteer'))
    const map = value(await call<MapData>('getMap', {}))
    const tartus = map.places.find((p) => p.name === 'Tartus')!
    expect(tartus.passageIds.sort()).toEqual([ship.id, docking.id].sort())
    expect(tartus.lat).toBeCloseTo(34.9, 0)
    expect(map.passages.map((p) => p.quote)).toContain('On January 21 and 22 two vessels docked at Tartous.')
    const january = value(await call<MapData>('getMap', { from: '2025-01-01', to: '2025-01-31' }))
    expect(january.places.find((p) => p.name === 'Tartus')?.passageIds).toEqual([docking.id])
    const basemap = value(await call<Basemap>('getBasemap'))
    expect(basemap.attribution).toMatch(/Natural Earth/)
    expect(basemap.land.type).toMatch(/Feature/)
  })
})
