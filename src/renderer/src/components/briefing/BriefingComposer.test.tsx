// @vitest-environment jsdom
/**
 * The briefing composer against a mocked api that stores documents in memory and builds
 * previews with the real core builder: reordering by keyboard, excluding and including,
 * undo and redo of an edit, debounced text fields, the empty states, and delete with undo.
 */
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { excludePassage } from '../../../../core/briefing-document'
import type { HighlightId } from '../../../../core/ids'
import type * as ApiModule_ from '../../api'
import { BASES, buttonIn, click, ComposerHarness, CONVOYS, DATA, ID, installApi as install, newDoc, ok, savedDocs, settle, typeInto } from './composer-test-kit'
type ApiModule = typeof ApiModule_

const fake = vi.hoisted(() => ({ api: {} as Record<string, ReturnType<typeof vi.fn>> }))
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<ApiModule>()), api: fake.api, onDossierEvent: () => () => {} }))

let h: ComposerHarness
let container: HTMLElement
let undo: ComposerHarness['undo']
beforeEach(() => {
  h = new ComposerHarness()
  container = h.container
  undo = h.undo
})
afterEach(() => {
  h.unmount()
  vi.clearAllMocks()
})

const installApi = (docs: Parameters<typeof install>[1]) => install(fake.api, docs)
const saved = () => savedDocs(fake.api)
const render = () => h.render()
const region = () => container.querySelector<HTMLElement>('section[aria-label="Briefing"]')!
const quotes = (list?: string) => h.quotes(list)
const passageItem = (quote: string) => h.passageItem(quote)
const field = (label: string) => h.field(label)

describe('BriefingComposer', () => {
  it('shows the sections and passages in preview order', async () => {
    installApi([newDoc()])
    await render()
    expect(region()).toBeTruthy()
    expect(container.querySelector('.briefing-section h3')!.textContent).toBe('§1 Bases')
    expect(quotes()).toEqual(['first quote', 'second quote'])
  })

  it('moves a passage down with Alt+ArrowDown and saves the moved order', async () => {
    installApi([newDoc()])
    await render()
    const first = passageItem('first quote')
    act(() => first.focus())
    await act(async () => first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true })))
    await settle()
    expect(fake.api.saveBriefing).toHaveBeenCalledOnce()
    expect(saved()[0]!.sections[0]!.order).toEqual(['h-second', 'h-first'])
    expect(quotes()).toEqual(['second quote', 'first quote'])
    expect(document.activeElement).toBe(passageItem('first quote'))
  })

  it('reorders by drag and drop, showing where the passage will land', async () => {
    installApi([newDoc()])
    await render()
    const drag = async (type: string, target: HTMLElement, clientY = 0) => {
      const event = new Event(type, { bubbles: true, cancelable: true })
      Object.assign(event, { clientY, dataTransfer: { setData: vi.fn(), effectAllowed: '', dropEffect: '' } })
      await act(async () => target.dispatchEvent(event))
    }
    const first = passageItem('first quote')
    const second = passageItem('second quote')
    second.getBoundingClientRect = () => ({ top: 100, height: 40 }) as DOMRect
    await drag('dragstart', first)
    await drag('dragover', second, 130)
    expect(second.classList.contains('drop-after')).toBe(true)
    await drag('drop', second, 130)
    await settle()
    expect(saved().at(-1)!.sections[0]!.order).toEqual(['h-second', 'h-first'])
    expect(quotes()).toEqual(['second quote', 'first quote'])
    expect(container.querySelector('.drop-after, .drop-before')).toBeNull()
  })

  it('opens the export dialog for the open briefing when it has a handling line', async () => {
    installApi([{ ...newDoc(), handling: 'UNCLASSIFIED // FOR TRAINING' }])
    await render()
    await click(buttonIn(container, 'Export…'))
    expect(document.body.querySelector('[role="dialog"]')).toBeNull()
    const dialog = container.querySelector('dialog')!
    expect(dialog.textContent).toContain('Export briefing')
    expect(dialog.textContent).toContain('Weekly')
  })

  it('opens a new briefing when asked to export from elsewhere (the header) and there is none, and opens the existing one otherwise', async () => {
    installApi([])
    await h.render(0, 1)
    expect(fake.api.createBriefing).toHaveBeenCalledTimes(1)
    h.unmount()
    vi.clearAllMocks()
    h = new ComposerHarness()
    installApi([newDoc()])
    await h.render(0, 1)
    expect(fake.api.createBriefing).not.toHaveBeenCalled()
    expect(h.container.querySelector('.briefing-toolbar h2')?.textContent).toBe('Weekly')
  })

  it('retracts “Created briefing …” from the status bar once the briefing is renamed', async () => {
    installApi([])
    await render()
    await click(buttonIn(container, 'New briefing'))
    const created = vi.mocked(h.status.announce).mock.calls.find((c) => String(c[1]).startsWith('Created briefing'))!
    typeInto(field('Title'), 'Tartus weekly')
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 450))))
    await settle()
    expect(h.status.retract).toHaveBeenCalledWith(created[4])
  })

  it('asks before exporting a briefing without a handling line: add one (focus goes to it), or export without', async () => {
    installApi([newDoc()])
    await render()
    await click(buttonIn(container, 'Export…'))
    const ask = () => document.body.querySelector<HTMLElement>('[role="dialog"]')
    expect(ask()?.textContent).toContain('has no handling line')
    expect(container.querySelector('dialog')).toBeNull()
    await click(buttonIn(ask()!, 'Add a handling line'))
    await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))))
    expect(ask()).toBeNull()
    expect(document.activeElement?.getAttribute('name')).toBe('handling')

    await click(buttonIn(container, 'Export…'))
    await click(buttonIn(ask()!, 'Export without one'))
    expect(container.querySelector('dialog')?.textContent).toContain('Export briefing')
  })

  it('excludes a passage (shown dimmed with Include) and includes it again', async () => {
    installApi([newDoc()])
    await render()
    await click(buttonIn(passageItem('first quote'), 'Exclude'))
    expect(saved().at(-1)!.sections[0]!.excluded).toEqual(['h-first'])
    expect(quotes()).toEqual(['second quote'])
    expect(quotes('Excluded from Bases')).toEqual(['first quote'])
    expect(passageItem('first quote').classList.contains('excluded')).toBe(true)

    await click(buttonIn(passageItem('first quote'), 'Include'))
    expect(saved().at(-1)!.sections[0]!.excluded).toEqual([])
    expect(quotes()).toEqual(['first quote', 'second quote'])
    expect(container.querySelector('[aria-label="Excluded from Bases"]')).toBeNull()
  })

  it('shows passages excluded earlier from the notebook’s passage list, ready to include', async () => {
    installApi([excludePassage(newDoc(), BASES, 'h-first' as HighlightId)])
    fake.api.listPassages!.mockResolvedValue(
      ok([{ highlight: DATA.highlights[0]!, articleTitle: 'Early piece', outlet: 'Wire', published: '2024-12-01' }]),
    )
    await render()
    expect(quotes()).toEqual(['second quote'])
    expect(quotes('Excluded from Bases')).toEqual(['first quote'])
    expect(passageItem('first quote').textContent).toContain('Early piece · Wire · 1 December 2024')
  })

  it('undo of a move saves the previous document, and redo saves the moved one again', async () => {
    const before = newDoc()
    installApi([before])
    await render()
    await click(buttonIn(passageItem('first quote'), 'Move down'))
    expect(undo.undoLabel).toBe('move passage')

    await act(async () => void (await undo.undo()))
    await settle()
    expect(saved().at(-1)).toEqual(before)
    expect(quotes()).toEqual(['first quote', 'second quote'])

    await act(async () => void (await undo.redo()))
    await settle()
    expect(saved().at(-1)!.sections[0]!.order).toEqual(['h-second', 'h-first'])
    expect(quotes()).toEqual(['second quote', 'first quote'])
  })

  it('saves a text field after typing pauses, as one undoable change', async () => {
    installApi([newDoc()])
    await render()
    const handling = field('Handling line')
    typeInto(handling, 'UNCLASSIFIED ')
    typeInto(handling, 'UNCLASSIFIED // FOR TRAINING')
    expect(fake.api.saveBriefing).not.toHaveBeenCalled()
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 450)))
    await settle()
    expect(fake.api.saveBriefing).toHaveBeenCalledOnce()
    expect(saved()[0]!.handling).toBe('UNCLASSIFIED // FOR TRAINING')
    expect(undo.undoLabel).toBe('edit handling line')
  })

  it('adds a section when its tag is ticked, and explains an empty briefing', async () => {
    installApi([newDoc([])])
    await render()
    expect(container.textContent).toContain('Passages come from highlights tagged with the selected tags')
    const convoys = Array.from(container.querySelectorAll('label')).find((l) => l.textContent === 'Convoys')!.querySelector('input')!
    await click(convoys)
    expect(saved().at(-1)!.selection.tagIds).toEqual([CONVOYS])
  })

  it('offers New briefing when there are none', async () => {
    installApi([])
    await render()
    expect(container.textContent).toContain('No briefings yet')
    await click(buttonIn(container.querySelector('.empty-state')!, 'New briefing'))
    expect(fake.api.createBriefing).toHaveBeenCalledOnce()
    expect(container.querySelector('.briefing-toolbar h2')!.textContent).toBe('Briefing')
  })

  it('deletes a briefing after confirming, and undo saves it back', async () => {
    const doc = newDoc()
    installApi([doc])
    await render()
    await click(buttonIn(container, 'Delete Weekly'))
    expect(fake.api.deleteBriefing).not.toHaveBeenCalled()
    await click(buttonIn(container.querySelector('[role="alertdialog"]')!, 'Delete briefing'))
    expect(fake.api.deleteBriefing).toHaveBeenCalledWith({ briefingId: ID })
    expect(container.textContent).toContain('No briefings yet')

    await act(async () => void (await undo.undo()))
    await settle()
    expect(fake.api.saveBriefing).toHaveBeenLastCalledWith({ document: doc })
    expect(quotes()).toEqual(['first quote', 'second quote'])
  })
})
