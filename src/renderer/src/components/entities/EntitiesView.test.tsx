// @vitest-environment jsdom
/**
 * The Entities view against a mocked api and a real undo stack: the empty state's
 * starter gazetteer and its undo/redo (restoreEntities with the file each step returned),
 * the table with counts and its keys, an edit refused half-way (the file from before is put
 * back, the dialog shows why, nothing is recorded), a bad coordinate refused before any
 * call, merge, delete after confirmation, and the suggestions queue (alias accepted at
 * once, pair asking the type first, reject), and a gazetteer file imported from the
 * Gazetteer menu or File menu (main asks for the file), undone as one step.
 */
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { EntitySummary } from '../../../../core/api-entities'
import type { EntitiesFile, EntityId, VariantSuggestion } from '../../../../core/entities'
import { setupDomRoot } from '../../test-dom'
import { UndoContext } from '../../undo/UndoContext'
import { UndoStack } from '../../undo/undo-stack'
import { EntitiesView } from './EntitiesView'

const mocks = vi.hoisted(() => ({
  listEntities: vi.fn(),
  listEntitySuggestions: vi.fn(),
  addStarterGazetteer: vi.fn(),
  removeStarterGazetteer: vi.fn(),
  restoreEntities: vi.fn(),
  createEntity: vi.fn(),
  renameEntity: vi.fn(),
  editEntity: vi.fn(),
  addEntityAlias: vi.fn(),
  removeEntityAlias: vi.fn(),
  mergeEntities: vi.fn(),
  splitEntity: vi.fn(),
  deleteEntity: vi.fn(),
  acceptEntitySuggestion: vi.fn(),
  rejectEntitySuggestion: vi.fn(),
  importGazetteerFile: vi.fn(),
}))
vi.mock('../../api', () => ({
  api: Object.fromEntries(Object.keys(mocks).map((k) => [k, (...a: unknown[]) => mocks[k as keyof typeof mocks](...a)])),
}))

const file = (label: string): EntitiesFile => ({ version: 1, entities: [], rejected: [{ id: 's-0000000000000000', label }] })
const BEFORE = file('before')
const AFTER = file('after')

const summary = (id: string, name: string, aliases: string[], mentions: number, articles: number): EntitySummary => ({
  id: `e-${id}` as EntityId,
  name,
  type: 'place',
  aliases: aliases.map((text) => ({ text })),
  mentions,
  articles,
})
const TARTUS = summary('tartus', 'Tartus', ['Tartous'], 4, 2)
const KHMEIMIM = summary('khmeimim', 'Khmeimim Air Base', ['Khmeimim', 'Hmeimim'], 2, 2)

const candidate = (text: string, count: number) => ({ key: text.toLowerCase(), text, count, lower: 0, articleIds: ['a-1'], examples: [{ articleId: 'a-1', line: `They call it ${text}.` }] })
const ALIAS: VariantSuggestion = {
  kind: 'alias',
  id: 's-00000000000000a1',
  label: 'Hmeimeem ~ Khmeimim Air Base',
  score: 1,
  reasons: ['ee/i'],
  name: candidate('Hmeimeem', 1),
  entityId: KHMEIMIM.id,
  entityName: 'Khmeimim Air Base',
  like: 'Hmeimim',
}
const PAIR: VariantSuggestion = { kind: 'pair', id: 's-00000000000000b2', label: 'Jolani ~ Julani', score: 1, reasons: ['o/u'], name: candidate('Jolani', 3), other: candidate('Julani', 2) }

const dom = setupDomRoot()
let stack: UndoStack
const status = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
const onChanged = vi.fn(async () => {})
const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value })
const refused = (message: string) => Promise.resolve({ ok: false as const, error: { code: 'bad-request', message } })

async function render(entities: EntitySummary[], suggestions: VariantSuggestion[] = [], request: { importRequested?: boolean; onImportStarted?: () => void } = {}) {
  mocks.listEntities.mockImplementation(() => ok(entities))
  mocks.listEntitySuggestions.mockImplementation(() => ok(suggestions))
  await act(async () => {
    dom.root.render(
      <UndoContext.Provider value={stack}>
        <EntitiesView reloadKey={0} articles={[{ id: 'a-1' as never, title: 'Ships leave Tartus' }]} onChanged={onChanged} status={status} {...request} />
      </UndoContext.Provider>,
    )
  })
}

beforeEach(() => {
  for (const m of Object.values(mocks)) m.mockReset()
  onChanged.mockClear()
  status.announce.mockClear()
  stack = new UndoStack()
})

const named = (name: string) => {
  const found = Array.from(document.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)
  if (!found) throw new Error(`no button ${name}`)
  return found
}
const click = (name: string) => act(async () => named(name).click())
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')
const fill = (el: HTMLInputElement | HTMLTextAreaElement, value: string) =>
  act(() => {
    const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
const field = (label: string) => {
  const l = Array.from(dialog()!.querySelectorAll('label')).find((x) => x.textContent === label)
  return (l?.control ?? dialog()!.querySelector(`[aria-label="${label}"]`)) as HTMLInputElement
}
const submit = () => act(async () => dialog()!.querySelector('form')!.requestSubmit())

describe('EntitiesView', () => {
  it('offers the starter gazetteer when empty; adding it is undone and redone through restoreEntities', async () => {
    await render([])
    expect(dom.container.textContent).toContain('No entities yet')
    mocks.addStarterGazetteer.mockImplementation(() => ok({ value: { changed: [{}, {}], skipped: [] }, previous: BEFORE }))
    await click('Add the starter gazetteer (Russia in Syria: bases, ports, ships, people)')
    expect(status.announce).toHaveBeenLastCalledWith('success', 'Added 2 entities of the starter gazetteer')
    expect(stack.undoLabel).toBe('add the starter gazetteer')
    mocks.restoreEntities.mockImplementationOnce(() => ok({ value: null, previous: AFTER })).mockImplementationOnce(() => ok({ value: null, previous: BEFORE }))
    await act(async () => void (await stack.undo()))
    expect(mocks.restoreEntities).toHaveBeenLastCalledWith({ file: BEFORE })
    await act(async () => void (await stack.redo()))
    expect(mocks.restoreEntities).toHaveBeenLastCalledWith({ file: AFTER })
    expect(onChanged).toHaveBeenCalledTimes(3)
  })

  it('lists name, type, aliases and counts; Enter on a row opens its editor', async () => {
    await render([TARTUS, KHMEIMIM])
    const rows = Array.from(dom.container.querySelectorAll('table[aria-label="Entities"] tbody tr'))
    expect(rows.map((r) => Array.from(r.children).slice(0, 5).map((c) => c.textContent))).toEqual([
      ['Tartus', 'Place', 'Tartous', '4', '2'],
      ['Khmeimim Air Base', 'Place', 'Khmeimim, Hmeimim', '2', '2'],
    ])
    const row = rows[0] as HTMLElement
    expect(row.tabIndex).toBe(0)
    await act(async () => void row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })))
    expect(dialog()!.getAttribute('aria-labelledby')).toBeTruthy()
    expect(dialog()!.querySelector('h2')!.textContent).toBe('Edit Tartus')
  })

  it('puts the file back when a later call of an edit is refused, shows why, and records nothing', async () => {
    await render([TARTUS, KHMEIMIM])
    await click('Edit Tartus')
    fill(field('Name'), 'Port of Tartus')
    fill(field('New alias'), 'Hmeimim')
    mocks.renameEntity.mockImplementation(() => ok({ value: { ...TARTUS, name: 'Port of Tartus' }, previous: BEFORE }))
    mocks.addEntityAlias.mockImplementation(() => refused('“Hmeimim” already belongs to Khmeimim Air Base (as “Hmeimim”).'))
    mocks.restoreEntities.mockImplementation(() => ok({ value: null, previous: AFTER }))
    await submit()
    expect(mocks.renameEntity).toHaveBeenCalledWith({ entityId: 'e-tartus', name: 'Port of Tartus', keepOldName: true })
    expect(mocks.addEntityAlias).toHaveBeenCalledWith({ entityId: 'e-tartus', alias: 'Hmeimim' })
    expect(mocks.restoreEntities).toHaveBeenCalledExactlyOnceWith({ file: BEFORE })
    expect(dialog()!.querySelector('[role="alert"]')!.textContent).toBe('“Hmeimim” already belongs to Khmeimim Air Base (as “Hmeimim”).')
    expect(stack.canUndo).toBe(false)
  })

  it('refuses a bad coordinate in the dialog without calling main', async () => {
    await render([TARTUS])
    await click('Add entity')
    fill(field('Name'), 'Jableh')
    fill(field('Latitude'), '135')
    fill(field('Longitude'), '35.9')
    await submit()
    expect(dialog()!.querySelector('[role="alert"]')!.textContent).toMatch(/latitude must be within -90\.\.90/)
    expect(field('Latitude').closest('fieldset')!.getAttribute('aria-invalid')).toBe('true')
    expect(mocks.createEntity).not.toHaveBeenCalled()
    fill(field('Latitude'), '35.36')
    mocks.createEntity.mockImplementation(() => ok({ value: { ...TARTUS, id: 'e-jableh', name: 'Jableh' }, previous: BEFORE }))
    await submit()
    expect(mocks.createEntity).toHaveBeenCalledExactlyOnceWith({ name: 'Jableh', type: 'place', coordinates: { lat: 35.36, lon: 35.9 } })
    expect(dialog()).toBeNull()
    expect(stack.undoLabel).toBe('new entity Jableh')
  })

  it('merges the entity chosen into this one', async () => {
    await render([TARTUS, KHMEIMIM])
    await click('Merge another entity into Tartus…')
    const select = field('Entity to merge into Tartus') as unknown as HTMLSelectElement
    act(() => {
      select.value = KHMEIMIM.id
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    expect(dialog()!.textContent).toContain('“Khmeimim Air Base” and its 2 aliases become aliases of Tartus')
    mocks.mergeEntities.mockImplementation(() => ok({ value: TARTUS, previous: BEFORE }))
    await click('Merge')
    expect(mocks.mergeEntities).toHaveBeenCalledExactlyOnceWith({ keepId: 'e-tartus', otherId: 'e-khmeimim' })
    expect(stack.undoLabel).toBe('merge Khmeimim Air Base into Tartus')
  })

  it('deletes only after confirmation', async () => {
    await render([TARTUS])
    await click('Delete Tartus')
    expect(dialog()!.textContent).toContain('Delete Tartus and its 1 alias?')
    expect(mocks.deleteEntity).not.toHaveBeenCalled()
    mocks.deleteEntity.mockImplementation(() => ok({ value: TARTUS, previous: BEFORE }))
    await act(async () => dialog()!.querySelector<HTMLButtonElement>('.button-danger-solid')!.click())
    expect(mocks.deleteEntity).toHaveBeenCalledExactlyOnceWith({ entityId: 'e-tartus' })
    expect(stack.undoLabel).toBe('delete Tartus')
  })

  it('shows suggestions with their evidence; an alias is accepted at once, a pair asks its type', async () => {
    await render([KHMEIMIM], [ALIAS, PAIR])
    const queue = dom.container.querySelector('aside')!
    expect(queue.getAttribute('aria-busy')).toBe('false')
    const items = Array.from(queue.querySelectorAll('.entity-suggestion'))
    expect(items[0]!.querySelector('h3')!.textContent).toBe('“Hmeimeem” may be Khmeimim Air Base')
    expect(items[0]!.textContent).toContain('“Hmeimeem” 1 time, like “Hmeimim” · 1 article · ee/i')
    expect(items[0]!.textContent).toContain('They call it Hmeimeem. — Ships leave Tartus')
    mocks.acceptEntitySuggestion.mockImplementation(() => ok({ value: KHMEIMIM, previous: BEFORE }))
    await click('Accept Hmeimeem → Khmeimim Air Base')
    expect(mocks.acceptEntitySuggestion).toHaveBeenLastCalledWith({ suggestionId: ALIAS.id })
    expect(stack.undoLabel).toBe('add alias Hmeimeem to Khmeimim Air Base')

    await click('Accept Jolani ~ Julani')
    expect(mocks.acceptEntitySuggestion).toHaveBeenCalledTimes(1)
    const typeForm = queue.querySelector('form[aria-label="Type of the new entity Jolani"]')!
    const select = typeForm.querySelector('select')!
    act(() => {
      select.value = 'person'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    await click('Make entity')
    expect(mocks.acceptEntitySuggestion).toHaveBeenLastCalledWith({ suggestionId: PAIR.id, type: 'person' })

    mocks.rejectEntitySuggestion.mockImplementation(() => ok({ value: null, previous: BEFORE }))
    await click('Reject Jolani ~ Julani')
    expect(mocks.rejectEntitySuggestion).toHaveBeenCalledExactlyOnceWith({ suggestionId: PAIR.id })
    expect(stack.undoLabel).toBe('reject Jolani ~ Julani')
  })

  describe('importing a gazetteer file', () => {
    const IMPORTED = { value: { changed: [TARTUS, KHMEIMIM], skipped: [], spellingsLeftOut: 1 }, previous: BEFORE, fileName: 'pack.json' }
    const menuItem = async (label: string) => {
      await click('Gazetteer')
      const item = Array.from(document.querySelectorAll<HTMLElement>('[role="menuitem"]')).find((i) => i.textContent === label)
      if (!item) throw new Error(`no menu item ${label}`)
      await act(async () => item.click())
    }

    it('from the Gazetteer menu: says what it added and left out, and is undone as one step', async () => {
      await render([TARTUS])
      mocks.importGazetteerFile.mockImplementation(() => ok(IMPORTED))
      await menuItem('Import gazetteer file…')
      expect(mocks.importGazetteerFile).toHaveBeenCalledExactlyOnceWith()
      expect(status.announce).toHaveBeenLastCalledWith('success', 'Added 2 entities from “pack.json”; 1 spelling already known was left out')
      expect(stack.undoLabel).toBe('import pack.json')
      mocks.restoreEntities.mockImplementationOnce(() => ok({ value: null, previous: AFTER }))
      await act(async () => void (await stack.undo()))
      expect(mocks.restoreEntities).toHaveBeenCalledExactlyOnceWith({ file: BEFORE })
    })

    it('does nothing when the dialog is cancelled; a malformed file is announced and nothing recorded', async () => {
      await render([])
      mocks.importGazetteerFile.mockImplementationOnce(() => ok({ canceled: true }))
      await click('Import gazetteer file…')
      expect(status.announce).not.toHaveBeenCalled()
      mocks.importGazetteerFile.mockImplementationOnce(() => refused('The gazetteer file “bad.json” is not JSON: Unexpected end of JSON input.'))
      await click('Import gazetteer file…')
      expect(status.announceError).toHaveBeenLastCalledWith({ code: 'bad-request', message: 'The gazetteer file “bad.json” is not JSON: Unexpected end of JSON input.' })
      expect(stack.canUndo).toBe(false)
      expect(mocks.restoreEntities).not.toHaveBeenCalled()
    })

    it('from File > Import Gazetteer File…: asks main once the view is loaded, and says it started', async () => {
      const onImportStarted = vi.fn()
      mocks.importGazetteerFile.mockImplementation(() => ok(IMPORTED))
      await render([TARTUS], [], { importRequested: true, onImportStarted })
      expect(onImportStarted).toHaveBeenCalledOnce()
      expect(mocks.importGazetteerFile).toHaveBeenCalledOnce()
      expect(stack.undoLabel).toBe('import pack.json')
    })
  })
})
