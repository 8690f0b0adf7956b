// @vitest-environment jsdom
/**
 * A highlight's event date in the reader: the suggestion with its phrase and rule, the
 * unresolved reason, Accept, Change (a range typed; a backwards one refused in place,
 * nothing sent), Clear and Use suggestion.
 */
import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleId, HighlightId } from '../../../core/ids'
import type { Highlight } from '../../../core/model'
import type { EventDateSuggestion } from '../../../core/timeline/event-date'
import { setupDomRoot } from '../test-dom'
import { EventDateLine } from './EventDateLine'

const dom = setupDomRoot()

const HIGHLIGHT: Highlight = {
  id: 'h-0000000001' as HighlightId,
  articleId: 'a-0000000001' as ArticleId,
  target: { start: 0, end: 10, exact: 'departed on 11 December', prefix: '', suffix: '' },
  tagIds: [],
  comment: '',
  createdAt: '2025-01-15T00:00:00Z',
  updatedAt: '2025-01-15T00:00:00Z',
}
const SUGGESTED: EventDateSuggestion = { start: '2024-12-11', end: '2024-12-11', precision: 'day', phrase: 'on 11 December', rule: 'day+inferred-year', source: 'suggested' }

function show(highlight: Highlight, suggestion: EventDateSuggestion | null) {
  const handlers = { onSet: vi.fn(async () => true), onAccept: vi.fn(async () => true) }
  act(() => dom.root.render(<EventDateLine highlight={highlight} suggestion={suggestion} {...handlers} />))
  return handlers
}
const button = (name: string) => Array.from(dom.container.querySelectorAll('button')).find((b) => b.textContent === name)
const click = (name: string) => act(() => button(name)!.click())
function type(value: string) {
  const input = dom.container.querySelector('input')!
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
  act(() => input.form!.requestSubmit())
}

describe('EventDateLine', () => {
  it('shows the suggestion with its phrase and rule, and Accept accepts it', () => {
    const handlers = show(HIGHLIGHT, SUGGESTED)
    expect(dom.container.textContent).toContain('Suggested: 11 December 2024 from “on 11 December” (rule day+inferred-year)')
    click('Accept')
    expect(handlers.onAccept).toHaveBeenCalledOnce()
  })

  it('says why a relative date is unresolved, and offers a date to be set', () => {
    show(HIGHLIGHT, { unresolved: true, phrase: 'On Tuesday', rule: 'weekday', reason: '“On Tuesday” is relative and the article has no publication date to count from', source: 'suggested' })
    expect(dom.container.textContent).toContain('Unresolved: “On Tuesday” is relative and the article has no publication date to count from.')
    expect(button('Accept')).toBeUndefined()
    expect(button('Set date')).toBeDefined()
  })

  it('refuses a range ending before it starts, in place, sending nothing; then sets a range', () => {
    const handlers = show(HIGHLIGHT, SUGGESTED)
    click('Change')
    type('2024-12-14/2024-12-12')
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toBe('The event date ends (2024-12-12) before it starts (2024-12-14). Nothing was changed.')
    expect(handlers.onSet).not.toHaveBeenCalled()
    type('2024-12-12/2024-12-14')
    expect(handlers.onSet).toHaveBeenCalledWith({ start: '2024-12-12', end: '2024-12-14', precision: 'day', source: 'analyst' })
  })

  it('a decided date can be cleared or handed back to the suggestion', () => {
    const handlers = show({ ...HIGHLIGHT, eventDate: { start: '2024-12-10', end: '2024-12-10', precision: 'day', source: 'analyst' } }, SUGGESTED)
    expect(dom.container.textContent).toContain('10 December 2024 set by you')
    click('Clear')
    expect(handlers.onSet).toHaveBeenLastCalledWith(null)
    click('Use suggestion')
    expect(handlers.onSet).toHaveBeenLastCalledWith('auto')
  })
})
