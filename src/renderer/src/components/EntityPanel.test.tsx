// @vitest-environment jsdom
/**
 * The reader's names panel: entities grouped by type, most mentioned first, each a toggle
 * named with its count; the marked one says which mention is current and steps with its
 * buttons or N / Shift+N; Escape asks to clear; an article naming nothing known says so.
 */
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleEntity } from '../../../core/api-entities'
import type { EntityId, EntityType } from '../../../core/entities'
import { setupDomRoot } from '../test-dom'
import { EntityPanel, NO_NAMES, type MarkState } from './EntityPanel'

function entity(name: string, type: EntityType, count: number): ArticleEntity {
  const entityId = `e-${name.toLowerCase().replace(/\W+/g, '-')}` as EntityId
  return { entityId, name, type, mentions: Array.from({ length: count }, (_, i) => ({ entityId, start: i * 10, end: i * 10 + 5, alias: name })) }
}
const ENTITIES = [entity('HTS', 'organisation', 1), entity('Damascus', 'place', 1), entity('Tartus', 'place', 4)]

const dom = setupDomRoot()
const handlers = () => ({ onMark: vi.fn(), onStep: vi.fn(), onEscape: vi.fn() })
function render(entities: ArticleEntity[] | null, marks: MarkState | null = null, h = handlers()) {
  act(() => dom.root.render(<EntityPanel data={{ entities, summaries: new Map(), failure: null }} marks={marks} cardId={marks?.card ? 'card' : null} {...h} />))
  return h
}
const toggles = () => Array.from(dom.container.querySelectorAll<HTMLButtonElement>('button[aria-pressed]'))
const button = (text: string) => Array.from(dom.container.querySelectorAll('button')).find((b) => b.textContent === text)!
const press = (target: Element, key: string, shiftKey = false) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true })))

describe('EntityPanel', () => {
  it('is the region “Names in this article”, grouping by type with the most mentioned first', () => {
    render(ENTITIES)
    expect(dom.container.querySelector('aside')!.getAttribute('aria-label')).toBe('Names in this article')
    expect(Array.from(dom.container.querySelectorAll('section')).map((s) => [s.getAttribute('aria-label'), Array.from(s.querySelectorAll('button')).map((b) => b.textContent)])).toEqual([
      ['Places', ['Tartus 4 mentions', 'Damascus 1 mention']],
      ['Organisations', ['HTS 1 mention']],
    ])
    expect(toggles().map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false'])
  })

  it('marks a name when pressed and clears it when pressed again', () => {
    const h = render(ENTITIES)
    act(() => toggles()[0]!.click())
    expect(h.onMark).toHaveBeenLastCalledWith('e-tartus')
    render(ENTITIES, { entityId: 'e-tartus' as EntityId, current: 0, card: true }, h)
    expect(toggles()[0]!.getAttribute('aria-pressed')).toBe('true')
    expect(toggles()[0]!.getAttribute('aria-describedby')).toBe('card')
    act(() => toggles()[0]!.click())
    expect(h.onMark).toHaveBeenLastCalledWith(null)
  })

  it('says which mention is current and steps with Previous, Next, N and Shift+N; Escape asks to clear', () => {
    const h = render(ENTITIES, { entityId: 'e-tartus' as EntityId, current: 1, card: false })
    expect(dom.container.querySelector('[role="status"]')!.textContent).toBe('Mention 2 of 4')
    expect(dom.container.querySelector('[role="group"]')!.getAttribute('aria-label')).toBe('Mentions of Tartus')
    act(() => button('Next').click())
    act(() => button('Previous').click())
    press(toggles()[0]!, 'n')
    press(toggles()[0]!, 'N', true)
    press(toggles()[0]!, 'Escape')
    expect(h.onStep.mock.calls).toEqual([[1], [-1], [1], [-1]])
    expect(h.onEscape).toHaveBeenCalledOnce()
  })

  it('cannot step through a name mentioned once, and ignores the keys while nothing is marked', () => {
    const h = render(ENTITIES, { entityId: 'e-damascus' as EntityId, current: 0, card: false })
    expect([button('Previous').disabled, button('Next').disabled]).toEqual([true, true])
    render(ENTITIES, null, h)
    press(toggles()[0]!, 'Escape')
    expect(h.onEscape).not.toHaveBeenCalled()
  })

  it('says when the article names no known entity, and where to add some', () => {
    render([])
    expect(dom.container.textContent).toContain(NO_NAMES)
    expect(NO_NAMES).toBe('No known names in this article. Add entities in the Entities view.')
    expect(toggles()).toHaveLength(0)
  })
})
