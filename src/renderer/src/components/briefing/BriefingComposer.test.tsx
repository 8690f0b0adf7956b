// @vitest-environment jsdom
/**
 * The briefing composer against a mocked api that stores documents in memory and builds
 * previews with the real core builder: reordering by keyboard, excluding and including,
 * undo and redo of an edit, debounced text fields, the empty states, and delete with undo.
 */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildBriefing } from '../../../../core/briefing'
import { createBriefingDocument, excludePassage, makeBriefingId, type BriefingDocument, type BriefingId } from '../../../../core/briefing-document'
import type { ArticleId, HighlightId, TagId } from '../../../../core/ids'
import { emptyAnalysisFields, type Article, type Highlight, type Tag } from '../../../../core/model'
import { DossierError, type Result } from '../../../../core/result'
import type { StatusControls } from '../../hooks/useStatus'
import { UndoContext } from '../../undo/UndoContext'
import { UndoStack } from '../../undo/undo-stack'
import { BriefingComposer } from './BriefingComposer'
import type * as ApiModule_ from '../../api'
type ApiModule = typeof ApiModule_

const fake = vi.hoisted(() => ({ api: {} as Record<string, ReturnType<typeof vi.fn>> }))
vi.mock('../../api', async (importOriginal) => ({ ...(await importOriginal<ApiModule>()), api: fake.api, onDossierEvent: () => () => {} }))

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true

const BASES = 't-bases' as TagId
const CONVOYS = 't-convoys' as TagId
const TAGS: Tag[] = [
  { id: BASES, name: 'Bases', color: '#E69F00', description: '' },
  { id: CONVOYS, name: 'Convoys', color: '#56B4E9', description: '' },
]
const article = (id: string, title: string, published: string): Article => ({
  id: id as ArticleId,
  title,
  outlet: 'Wire',
  author: null,
  published,
  url: null,
  metaSources: {},
  bodyHash: 'a'.repeat(64),
  wordCount: 10,
  charCount: 100,
  importedAt: '2025-03-01T00:00:00.000Z',
  ...emptyAnalysisFields(),
  source: { fileName: `${id}.txt`, format: 'txt', originalFile: `originals/${'b'.repeat(64)}.txt`, originalHash: 'b'.repeat(64) },
})
const highlight = (id: string, articleId: string, exact: string, tags: TagId[]): Highlight => ({
  id: id as HighlightId,
  articleId: articleId as ArticleId,
  target: { start: 0, end: exact.length, exact, prefix: '', suffix: '' },
  tagIds: tags,
  comment: '',
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
})
const DATA = {
  tags: TAGS,
  articles: [article('a-early', 'Early piece', '2024-12-01'), article('a-late', 'Late piece', '2025-02-01')],
  highlights: [highlight('h-first', 'a-early', 'first quote', [BASES]), highlight('h-second', 'a-late', 'second quote', [BASES])],
}
const ID = makeBriefingId('abcdef1234')

let store: Map<BriefingId, BriefingDocument>
const ok = <T,>(value: T): Result<T> => ({ ok: true, value })
const saved = (): BriefingDocument[] => fake.api.saveBriefing!.mock.calls.map((c) => (c[0] as { document: BriefingDocument }).document)

function installApi(initial: BriefingDocument[]) {
  store = new Map(initial.map((d) => [d.id, d]))
  Object.assign(fake.api, {
    listBriefings: vi.fn(async () =>
      ok([...store.values()].map((d) => ({ id: d.id, title: d.title, date: d.date, updatedAt: d.updatedAt, sectionCount: d.sections.length }))),
    ),
    getBriefing: vi.fn(async ({ briefingId }: { briefingId: BriefingId }) => ok(store.get(briefingId)!)),
    createBriefing: vi.fn(async () => {
      const doc = createBriefingDocument({ id: makeBriefingId('fedcba9876'), now: '2025-03-02T00:00:00.000Z', tags: TAGS })
      store.set(doc.id, doc)
      return ok(doc)
    }),
    saveBriefing: vi.fn(async ({ document }: { document: BriefingDocument }) => {
      store.set(document.id, document)
      return ok(document)
    }),
    deleteBriefing: vi.fn(async ({ briefingId }: { briefingId: BriefingId }) => {
      store.delete(briefingId)
      return ok({ briefingId })
    }),
    previewBriefing: vi.fn(async ({ briefingId }: { briefingId: BriefingId }) => {
      try {
        return ok(buildBriefing(store.get(briefingId)!, DATA, { generatedAt: '2025-03-03T00:00:00.000Z' }))
      } catch (e) {
        if (e instanceof DossierError) return { ok: false, error: { code: e.code, message: e.message } }
        throw e
      }
    }),
    listPassages: vi.fn(async () => ok([])),
  })
}

const newDoc = (tags: TagId[] = [BASES]) => createBriefingDocument({ id: ID, now: '2025-03-01T00:00:00.000Z', tags: tags.map((id) => ({ id })), title: 'Weekly' })

let container: HTMLDivElement
let root: Root
let undo: UndoStack
const status: StatusControls = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn() }

beforeEach(() => {
  container = document.createElement('div')
  document.body.append(container)
  root = createRoot(container)
  undo = new UndoStack()
})
afterEach(() => {
  act(() => root.unmount())
  container.remove()
  vi.clearAllMocks()
})

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))

async function render() {
  await act(async () =>
    root.render(
      <UndoContext.Provider value={undo}>
        <BriefingComposer tags={TAGS} articles={[]} reloadKey={0} status={status} onOpenPassage={vi.fn()} />
      </UndoContext.Provider>,
    ),
  )
  await settle()
  await settle()
}

const region = () => container.querySelector<HTMLElement>('section[aria-label="Briefing"]')!
const quotes = (list = 'Passages in Bases') =>
  Array.from(container.querySelectorAll(`[aria-label="${list}"] blockquote`)).map((q) => q.textContent)
const buttonIn = (el: ParentNode, name: string) =>
  Array.from(el.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!
const passageItem = (quote: string) =>
  Array.from(container.querySelectorAll<HTMLLIElement>('li.briefing-passage')).find((li) => li.querySelector('blockquote')?.textContent === quote)!
const click = async (el: HTMLElement) => {
  await act(async () => el.click())
  await settle()
}
function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!
  act(() => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
const field = (label: string) => {
  const l = Array.from(container.querySelectorAll('label')).find((x) => x.textContent === label)!
  return document.getElementById(l.htmlFor) as HTMLInputElement
}

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

  it('opens the export dialog for the open briefing', async () => {
    installApi([newDoc()])
    await render()
    await click(buttonIn(container, 'Export…'))
    const dialog = container.querySelector('dialog')!
    expect(dialog.textContent).toContain('Export briefing')
    expect(dialog.textContent).toContain('Weekly')
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
    expect(passageItem('first quote').textContent).toContain('Early piece · Wire · 2024-12-01')
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
