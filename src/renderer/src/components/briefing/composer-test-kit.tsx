/**
 * Shared by the composer's tests: a notebook with two tags, two articles, two tagged
 * highlights and an untagged one that names an entity (Tartus, by an alias); a mocked api that keeps briefings in memory and builds previews with the real
 * core builder; and helpers to render the composer and act on it like a user.
 * Each test file mocks '../../api' with its own `fake.api` object and passes it here.
 */
import { act } from 'react'
import { vi } from 'vitest'
import { buildBriefing } from '../../../../core/briefing'
import { createBriefingDocument, makeBriefingId, type BriefingDocument, type BriefingId } from '../../../../core/briefing-document'
import type { Entity, EntityId } from '../../../../core/entities'
import type { ArticleId, HighlightId, TagId } from '../../../../core/ids'
import type { Article, Highlight, Tag } from '../../../../core/model'
import { DossierError, type Result } from '../../../../core/result'
import type { StatusControls } from '../../hooks/useStatus'
import { UndoContext } from '../../undo/UndoContext'
import { UndoStack } from '../../undo/undo-stack'
import { BriefingComposer } from './BriefingComposer'
import { mountDomRoot } from '../../test-dom'
import { testArticle } from '../../../../core/testing/test-article'

export type FakeApi = Record<string, ReturnType<typeof vi.fn>>

export const BASES = 't-bases' as TagId
export const CONVOYS = 't-convoys' as TagId
export const TAGS: Tag[] = [
  { id: BASES, name: 'Bases', color: '#E69F00', description: '' },
  { id: CONVOYS, name: 'Convoys', color: '#56B4E9', description: '' },
]
const article = (id: string, title: string, published: string): Article => testArticle(id, { title, published, outlet: 'Wire' })
const highlight = (id: string, articleId: string, exact: string, tags: TagId[]): Highlight => ({
  id: id as HighlightId,
  articleId: articleId as ArticleId,
  target: { start: 0, end: exact.length, exact, prefix: '', suffix: '' },
  tagIds: tags,
  comment: '',
  createdAt: '2025-03-01T00:00:00.000Z',
  updatedAt: '2025-03-01T00:00:00.000Z',
})
export const TARTUS = 'e-tartus' as EntityId
export const ENTITIES: Entity[] = [
  { id: TARTUS, name: 'Tartus', type: 'place', aliases: [{ text: 'Tartous' }, { text: 'طرطوس' }] },
  { id: 'e-latakia' as EntityId, name: 'Latakia', type: 'place', aliases: [] },
]
/** The untagged passage that mentions Tartus (as "Tartous"). */
export const PORT_PASSAGE = highlight('h-port', 'a-late', 'ships left Tartous', [])
export const DATA = {
  tags: TAGS,
  articles: [article('a-early', 'Early piece', '2024-12-01'), article('a-late', 'Late piece', '2025-02-01')],
  highlights: [highlight('h-first', 'a-early', 'first quote', [BASES]), highlight('h-second', 'a-late', 'second quote', [BASES]), PORT_PASSAGE],
  // What main finds with the mention index: h-port mentions Tartus.
  entities: { entities: ENTITIES, byHighlight: new Map([[PORT_PASSAGE.id, [TARTUS]]]) },
}
export const ID = makeBriefingId('abcdef1234')

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value })

export const newDoc = (tags: TagId[] = [BASES], id: BriefingId = ID, title = 'Weekly') =>
  createBriefingDocument({ id, now: '2025-03-01T00:00:00.000Z', tags: tags.map((t) => ({ id: t })), title })

/** Fills `api` with in-memory briefing calls; returns the store (id -> document as saved). */
export function installApi(api: FakeApi, initial: BriefingDocument[]): Map<BriefingId, BriefingDocument> {
  const store = new Map(initial.map((d) => [d.id, d]))
  Object.assign(api, {
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
    listEntities: vi.fn(async () => ok(ENTITIES.map((e) => ({ ...e, mentions: 1, articles: 1 })))),
  })
  return store
}

/** The documents passed to saveBriefing, in call order. */
export const savedDocs = (api: FakeApi): BriefingDocument[] => api.saveBriefing!.mock.calls.map((c) => (c[0] as { document: BriefingDocument }).document)

export const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
export const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

/** A mounted composer with a fresh undo stack; call `unmount()` after each test. */
export class ComposerHarness {
  readonly #dom = mountDomRoot()
  readonly container = this.#dom.container
  readonly undo = new UndoStack()
  readonly status: StatusControls = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }

  async render(reloadKey = 0, openRequest = 0) {
    await act(async () =>
      this.#dom.root.render(
        <UndoContext.Provider value={this.undo}>
          <BriefingComposer tags={TAGS} articles={[]} reloadKey={reloadKey} status={this.status} onOpenPassage={vi.fn()} openRequest={openRequest} />
        </UndoContext.Provider>,
      ),
    )
    await settle()
    await settle()
  }

  unmount() {
    this.#dom.dispose()
  }

  quotes(list = 'Passages in Bases') {
    return Array.from(this.container.querySelectorAll(`[aria-label="${list}"] blockquote`)).map((q) => q.textContent)
  }

  passageItem(quote: string) {
    return Array.from(this.container.querySelectorAll<HTMLLIElement>('li.briefing-passage')).find((li) => li.querySelector('blockquote')?.textContent === quote)!
  }

  /** The input or textarea labelled `label`. */
  field(label: string) {
    const l = Array.from(this.container.querySelectorAll('label')).find((x) => x.textContent === label)!
    return document.getElementById(l.htmlFor) as HTMLInputElement
  }
}

export const buttonIn = (el: ParentNode, name: string) =>
  Array.from(el.querySelectorAll('button')).find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name)!

export const click = async (el: HTMLElement) => {
  await act(async () => el.click())
  await settle()
}

/** Sets a field's value as typing would, firing the input event React listens to. */
export function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!
  act(() => {
    setter.call(el, value)
    el.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

/** Moves focus out of a field (React's onBlur listens to focusout). */
export function leave(el: HTMLElement) {
  act(() => {
    el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }))
  })
}
