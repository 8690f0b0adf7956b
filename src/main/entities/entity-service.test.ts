import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleEntity, EntitiesChange, EntitySummary, GazetteerFileImport } from '../../core/api-entities'
import type { EntitiesFile, Entity, EntityId } from '../../core/entities'
import type { HighlightId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import type { Result } from '../../core/result'
import type { SearchResponse } from '../../core/search/types'
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
  chooseGazetteerFile: async () => gazetteerAnswer,
  confirm: async () => false,
}
/** What the gazetteer file dialog answers (null: cancelled). */
let gazetteerAnswer: string | null = null

const PORT_TEXT = 'Ships left the port of Tartous on Monday.\n\nA second convoy reached Tartus by road, officials said.\n\nNothing moved at the air base.'
const BASE_TEXT = 'Equipment was flown out of Hmeimim overnight.\n\nThe Khmeimim runway stayed open.'

let service: MainService | null = null
afterEach(async () => {
  await service?.shutdown()
  service = null
  gazetteerAnswer = null
})

async function setUp(starter: string | null = STARTER): Promise<{ call: <T>(method: keyof ApiHandlers, arg?: unknown) => Promise<Result<T>>; ids: string[] }> {
  service = await createMainService({ notebookDir: mkdtempSync(join(tmpdir(), 'dossier-ent-svc-')), fontsDir: FONTS, starterGazetteerFile: starter ?? undefined, dialogs, emit: () => undefined })
  const handlers = createApiHandlers(service, () => undefined)
  const call = async <T,>(method: keyof ApiHandlers, arg?: unknown) => (await (arg === undefined ? handlers[method]() : handlers[method](arg))) as Result<T>
  const files = [
    { name: 'port.txt', dataBase64: Buffer.from(PORT_TEXT).toString('base64') },
    { name: 'base.txt', dataBase64: Buffer.from(BASE_TEXT).toString('base64') },
  ]
  const report = await call<{ items: { articleId?: string }[] }>('importDroppedFiles', { files })
  if (!report.ok) throw new Error(report.error.message)
  return { call, ids: report.value.items.map((i) => i.articleId!) }
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const named = (list: EntitySummary[], name: string) => list.find((e) => e.name === name)

describe('the entity API on the main service', () => {
  it('adds the starter gazetteer and counts every spelling of a place as its mentions', async () => {
    const { call, ids } = await setUp()
    const added = value(await call<EntitiesChange<{ changed: Entity[] }>>('addStarterGazetteer'))
    expect(added.value.changed.length).toBeGreaterThan(10)
    expect(added.previous.entities).toEqual([])
    const list = value(await call<EntitySummary[]>('listEntities'))
    expect(named(list, 'Tartus')).toMatchObject({ mentions: 2, articles: 1 })
    const entities = value(await call<ArticleEntity[]>('getArticleEntities', { articleId: ids[1] }))
    expect(entities.map((e) => [e.name, e.mentions.map((m) => BASE_TEXT.slice(m.start, m.end))])).toEqual([['Khmeimim Air Base', ['Hmeimim', 'Khmeimim']]])
  })

  it('lists the passages that mention an entity, under any spelling', async () => {
    const { call, ids } = await setUp()
    value(await call('addStarterGazetteer'))
    const at = (text: string) => ({ start: PORT_TEXT.indexOf(text), end: PORT_TEXT.indexOf(text) + text.length })
    const onPort = value(await call<Highlight>('createHighlight', { articleId: ids[0], ...at('Ships left the port of Tartous'), tagIds: [], comment: '' }))
    const elsewhere = value(await call<Highlight>('createHighlight', { articleId: ids[0], ...at('Nothing moved at the air base.'), tagIds: [], comment: '' }))
    const tartus = named(value(await call<EntitySummary[]>('listEntities')), 'Tartus')!
    const passages = value(await call<HighlightId[]>('listEntityPassages', { entityId: tartus.id }))
    expect(passages).toEqual([onPort.id])
    expect(passages).not.toContain(elsewhere.id)
  })

  it('searches every spelling of a named place, or the one typed with exact', async () => {
    const { call, ids } = await setUp()
    value(await call('addStarterGazetteer'))
    const both = value(await call<SearchResponse>('search', { query: 'Hmeimim', kinds: ['article'] }))
    expect(both.hits.map((h) => h.articleId)).toEqual([ids[1]])
    expect(both.expansions?.[0]?.entity).toBe('Khmeimim Air Base')
    const exact = value(await call<SearchResponse>('search', { query: 'Tartous', exact: true, kinds: ['article'] }))
    expect(exact.expansions ?? []).toEqual([])
    const tartus = named(value(await call<EntitySummary[]>('listEntities')), 'Tartus')!
    const filtered = value(await call<SearchResponse>('search', { query: 'convoy', entityId: tartus.id, kinds: ['article'] }))
    expect(filtered.hits.map((h) => h.articleId)).toEqual([ids[0]])
  })

  it('undoes a rename with the file it returned, and redoes it with the file undo returned', async () => {
    const { call } = await setUp()
    const created = value(await call<EntitiesChange<Entity>>('createEntity', { name: 'Port of Tartus', type: 'place', kind: 'port', aliases: ['Tartous'] }))
    const renamed = value(await call<EntitiesChange<Entity>>('renameEntity', { entityId: created.value.id, name: 'Tartus naval base' }))
    expect(renamed.value.aliases.map((a) => a.text)).toContain('Port of Tartus')
    const undone = value(await call<EntitiesChange<null>>('restoreEntities', { file: renamed.previous }))
    expect(value(await call<EntitySummary[]>('listEntities')).map((e) => e.name)).toEqual(['Port of Tartus'])
    value(await call('restoreEntities', { file: undone.previous }))
    expect(value(await call<EntitySummary[]>('listEntities')).map((e) => e.name)).toEqual(['Tartus naval base'])
  })

  it('refuses an alias another entity owns, and a bad coordinate, and changes nothing', async () => {
    const { call } = await setUp()
    const a = value(await call<EntitiesChange<Entity>>('createEntity', { name: 'Tartus', type: 'place' }))
    const b = value(await call<EntitiesChange<Entity>>('createEntity', { name: 'Latakia', type: 'place' }))
    const before = value(await call<EntitySummary[]>('listEntities'))
    const taken = await call('addEntityAlias', { entityId: b.value.id, alias: 'TARTUS' })
    expect(taken).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    if (!taken.ok) expect(taken.error.message).toMatch(/Tartus/)
    const badCoordinate = await call('editEntity', { entityId: a.value.id as EntityId, edit: { coordinates: { lat: 91, lon: 0 } } })
    expect(badCoordinate).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    if (!badCoordinate.ok) expect(badCoordinate.error.message).toMatch(/editEntity at edit\.coordinates\.lat/)
    expect(value(await call<EntitySummary[]>('listEntities'))).toEqual(before)
  })

  it('says plainly when the starter gazetteer is not installed', async () => {
    const { call } = await setUp(null)
    const result = await call<EntitiesChange<EntitiesFile>>('addStarterGazetteer')
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/starter gazetteer is not installed/) } })
  })

  describe('importGazetteerFile (a file chosen in main\'s dialog)', () => {
    const PACK = {
      version: 1,
      entities: [
        { id: 'e-qardaha', name: 'Qardaha', type: 'place', aliases: [{ text: 'القرداحة' }, { text: 'Tartous' }] },
        { id: 'e-nayrab', name: 'Nayrab Air Base', type: 'place', aliases: [{ text: 'Nairab' }, { text: 'Hmeimim' }] },
      ],
      rejected: [],
    }
    const packFile = (name: string, text: string) => {
      const path = join(mkdtempSync(join(tmpdir(), 'dossier-pack-')), name)
      writeFileSync(path, text)
      return path
    }

    it('adds the entities of the chosen file, leaves out the spellings the notebook has, and is undone as one step', async () => {
      const { call } = await setUp()
      value(await call('addStarterGazetteer'))
      const before = value(await call<EntitySummary[]>('listEntities'))
      gazetteerAnswer = packFile('qardaha.json', JSON.stringify(PACK))
      const done = value(await call<GazetteerFileImport>('importGazetteerFile'))
      expect(done.fileName).toBe('qardaha.json')
      expect(done.value.changed.map((e) => [e.name, e.aliases.map((a) => a.text)])).toEqual([
        ['Qardaha', ['القرداحة']],
        ['Nayrab Air Base', ['Nairab']],
      ])
      expect(done.value.spellingsLeftOut).toBe(2)
      const after = value(await call<EntitySummary[]>('listEntities'))
      expect(after.map((e) => e.name)).toEqual([...before.map((e) => e.name), 'Qardaha', 'Nayrab Air Base'])
      value(await call('restoreEntities', { file: done.previous }))
      expect(value(await call<EntitySummary[]>('listEntities'))).toEqual(before)
    })

    it('refuses a malformed file in one line naming it, and changes nothing', async () => {
      const { call } = await setUp()
      value(await call('createEntity', { name: 'Tartus', type: 'place' }))
      const before = value(await call<EntitySummary[]>('listEntities'))
      gazetteerAnswer = packFile('broken.json', '{"version": 1, "entities": [')
      expect(await call('importGazetteerFile')).toMatchObject({ ok: false, error: { code: 'broken-file', message: expect.stringMatching(/^The gazetteer file “broken\.json” is not JSON: [^\n]+$/) } })
      gazetteerAnswer = packFile('wrong.json', JSON.stringify({ ...PACK, entities: [{ id: 'e-x', name: 'X', type: 'planet', aliases: [] }] }))
      expect(await call('importGazetteerFile')).toMatchObject({ ok: false, error: { code: 'broken-file', message: expect.stringMatching(/^The gazetteer file “wrong\.json” is malformed: /) } })
      expect(value(await call<EntitySummary[]>('listEntities'))).toEqual(before)
    })

    it('does nothing when the dialog is cancelled, and refuses arguments from the renderer', async () => {
      const { call } = await setUp()
      expect(value(await call('importGazetteerFile'))).toEqual({ canceled: true })
      expect(await call('importGazetteerFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
      expect(value(await call<EntitySummary[]>('listEntities'))).toEqual([])
    })
  })
})
