// @vitest-environment jsdom
/**
 * The reader's entity marks (issue 13) in jsdom, with a stand-in for the CSS Custom
 * Highlight API registry (jsdom has none) so what the reader paints can be read back:
 * the marked entity's mentions land on their offsets, beside two overlapping highlights
 * that stay painted; a current mention behind the furniture fold opens it; the keys in the
 * article step and clear; the card shows the entity's record.
 */
import { act } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ArticleView } from '../../../core/api'
import type { ArticleEntity, EntitySummary } from '../../../core/api-entities'
import type { EntityId } from '../../../core/entities'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Highlight, Tag } from '../../../core/model'
import { ArticleReader, type ReaderNames } from '../components/ArticleReader'
import type { HighlightActions } from '../hooks/useHighlightActions'
import { setupDomRoot } from '../test-dom'
import { OVERLAP_NAME } from './css-highlights'
import { ENTITY_CURRENT_NAME, ENTITY_NAME } from './useEntityMarks'

const TEXT = 'World | Middle East\n\nShips docked at Tartus. Papers spell it Tartous, signs say طرطوس.\n\nRelated: Tartus lease talks'
const TAGS: Tag[] = [
  { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: '' },
  { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: '' },
]
const ID = 'e-tartus' as EntityId

function hl(id: string, quote: string, tag: string): Highlight {
  const start = TEXT.indexOf(quote)
  return {
    id: id as HighlightId,
    articleId: 'a-1' as ArticleId,
    target: { start, end: start + quote.length, exact: quote, prefix: '', suffix: '' },
    tagIds: [tag as TagId],
    comment: '',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  }
}

const VIEW: ArticleView = {
  article: { id: 'a-1' as ArticleId, title: 'Ships at Tartus', outlet: null, author: null, published: null, url: null, wordCount: 12, flags: [], rewrites: [], metaEdited: [], metaSources: {} } as unknown as ArticleView['article'],
  text: TEXT,
  // Both cover "Tartous": the mention sits inside their overlap.
  highlights: [hl('h-papers', 'Papers spell it Tartous', 't-bases'), hl('h-signs', 'Tartous, signs', 't-convoys')],
  orphans: [],
  furniture: [
    { start: 0, end: 19, kind: 'section-label', label: 'World | Middle East' },
    { start: TEXT.indexOf('Related'), end: TEXT.length, kind: 'related-headline', label: 'Related: Tartus lease talks' },
  ],
}

function mention(spelling: string, from = 0) {
  const start = TEXT.indexOf(spelling, from)
  return { entityId: ID, start, end: start + spelling.length, alias: spelling }
}
const TARTUS: ArticleEntity = {
  entityId: ID,
  name: 'Tartus',
  type: 'place',
  mentions: [mention('Tartus'), mention('Tartous'), mention('طرطوس'), mention('Tartus', TEXT.indexOf('Related'))],
}
const SUMMARY: EntitySummary = {
  id: ID,
  name: 'Tartus',
  type: 'place',
  kind: 'port',
  aliases: [{ text: 'Tartous' }, { text: 'طرطوس' }, { text: 'Тартус' }],
  description: 'Port city on the Syrian coast.',
  coordinates: { lat: 34.889, lon: 35.887 },
  mentions: 9,
  articles: 4,
}

/** A stand-in registry: each Highlight is a Set of ranges. */
const registry = new Map<string, Set<AbstractRange>>()
class FakeHighlight extends Set<AbstractRange> {
  priority = 0
  constructor(...ranges: AbstractRange[]) {
    super(ranges)
  }
}
const globals = globalThis as unknown as { CSS?: unknown; Highlight?: unknown }
const saved = { CSS: globals.CSS, Highlight: globals.Highlight }
const box = { top: 100, bottom: 120, left: 50, right: 90, width: 40, height: 20, x: 50, y: 100 }
beforeAll(() => {
  globals.CSS = { highlights: registry }
  globals.Highlight = FakeHighlight
  // jsdom lays nothing out; the card needs its mention to have a box.
  Range.prototype.getBoundingClientRect = () => ({ ...box, toJSON: () => box }) as DOMRect
  Range.prototype.getClientRects = () => [box] as unknown as DOMRectList
})
afterAll(() => {
  globals.CSS = saved.CSS
  globals.Highlight = saved.Highlight
})

/** The text under each range of a painted layer, sorted. */
function painted(name: string): string[] {
  return [...(registry.get(name) ?? [])].map((r) => {
    const live = document.createRange()
    live.setStart(r.startContainer, r.startOffset)
    live.setEnd(r.endContainer, r.endOffset)
    return live.toString()
  }).sort()
}

const dom = setupDomRoot()
const actions: HighlightActions = { saving: false, create: vi.fn(async () => true), update: vi.fn(async () => true), remove: vi.fn(async () => true), setEventDate: vi.fn(async () => true), acceptEventDate: vi.fn(async () => true) }

function names(current: number, card = false): ReaderNames {
  return { marked: { entity: TARTUS, current }, card, cardId: 'entity-card', summaries: new Map([[ID, SUMMARY]]), onStep: vi.fn(), onEscape: vi.fn() }
}
const render = (n: ReaderNames | undefined) => act(() => dom.root.render(<ArticleReader view={VIEW} tags={TAGS} actions={actions} names={n} />))
const article = () => dom.container.querySelector('article')!
const press = (key: string, shiftKey = false) => act(() => void article().dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true })))

describe('entity marks in the reader', () => {
  it('marks each rendered mention on its own characters, inside and beside two overlapping highlights that stay painted', () => {
    render(names(0))
    expect(painted(ENTITY_CURRENT_NAME)).toEqual(['Tartus'])
    expect(painted(ENTITY_NAME)).toEqual(['Tartous', 'طرطوس']) // the fourth is behind the closed fold
    expect(painted(OVERLAP_NAME)).toEqual(['Tartous'])
    expect([...registry.keys()].filter((k) => k.startsWith('dossier-tag-')).sort()).toEqual(['dossier-tag-0', 'dossier-tag-1'])
    render(names(1))
    expect(painted(ENTITY_CURRENT_NAME)).toEqual(['Tartous'])
    expect(painted(ENTITY_NAME)).toEqual(['Tartus', 'طرطوس'])
  })

  it('opens the fold hiding the current mention and marks it there', () => {
    render(names(3))
    expect(Array.from(dom.container.querySelectorAll('button.furniture-toggle')).map((b) => b.getAttribute('aria-expanded'))).toEqual(['false', 'true'])
    expect(painted(ENTITY_CURRENT_NAME)).toEqual(['Tartus'])
    const current = [...registry.get(ENTITY_CURRENT_NAME)!][0]!
    expect(current.startContainer.parentElement!.textContent).toBe('Related: Tartus lease talks')
  })

  it('paints nothing, and leaves the highlights, once the marks are cleared', () => {
    render(names(0))
    render(undefined)
    expect(registry.has(ENTITY_NAME)).toBe(false)
    expect(registry.has(ENTITY_CURRENT_NAME)).toBe(false)
    expect(registry.has(OVERLAP_NAME)).toBe(true)
  })

  it('steps with N and Shift+N and asks to clear with Escape, only while something is marked', () => {
    const n = names(0)
    render(n)
    press('n')
    press('N', true)
    press('Escape')
    expect(vi.mocked(n.onStep).mock.calls).toEqual([[1], [-1]])
    expect(n.onEscape).toHaveBeenCalledOnce()
    const none = { ...names(0), marked: null }
    render(none)
    press('n')
    press('Escape')
    expect(none.onStep).not.toHaveBeenCalled()
    expect(none.onEscape).not.toHaveBeenCalled()
  })

  it('shows the card of the current mention: name, type, the spelling used here, other spellings, place and counts', () => {
    render(names(1, true))
    const card = dom.container.querySelector('[role="tooltip"]')!
    expect(card.id).toBe('entity-card')
    expect(Array.from(card.querySelectorAll('p')).map((p) => p.textContent)).toEqual([
      'Tartus',
      'Place · port',
      'Written here as Tartous',
      'Also written: طرطوس, Тартус',
      'Port city on the Syrian coast.',
      '34.89° N, 35.89° E',
      '9 mentions in 4 articles of the notebook',
    ])
    render(names(1, false))
    expect(dom.container.querySelector('[role="tooltip"]')).toBeNull()
  })
})
