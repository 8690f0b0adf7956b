// @vitest-environment jsdom
/**
 * The passages view against a mocked api: grouping by tag, the Any/All tag filter, the
 * diacritic-insensitive text filter, the empty states, and opening a passage.
 */
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PassageSummary } from '../../../core/api'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { PassagesView } from './PassagesView'
import { setupDomRoot } from '../test-dom'

const listPassages = vi.fn()
vi.mock('../api', () => ({ api: { listPassages: (...a: unknown[]) => listPassages(...a) } }))

const TAGS: Tag[] = [
  { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: 'Bases in Syria' },
  { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: 'Movements' },
]

function passage(id: string, quote: string, tagIds: string[], title = 'Russia and Tartus'): PassageSummary {
  return {
    highlight: {
      id: `h-${id}` as HighlightId,
      articleId: 'a-0001' as ArticleId,
      target: { start: 0, end: quote.length, exact: quote, prefix: '', suffix: '' },
      tagIds: tagIds as TagId[],
      comment: id === 'both' ? 'Check with Ali Sohtaoğlu' : '',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    },
    articleTitle: title,
    outlet: 'Reuters',
    published: '2025-01-10',
  }
}

const PASSAGES = [
  passage('both', 'Ships left Tartus with equipment', ['t-bases', 't-convoys']),
  passage('bases', 'The lease of the naval base', ['t-bases']),
  passage('none', 'Unsorted remark', []),
]

const dom = setupDomRoot()
const status = { announce: vi.fn(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }

beforeEach(() => {
  listPassages.mockReset()
})

async function render(passages: PassageSummary[], onOpenPassage = vi.fn()) {
  listPassages.mockResolvedValue({ ok: true, value: passages })
  await act(async () => {
    dom.root.render(<PassagesView tags={TAGS} reloadKey={0} onOpenPassage={onOpenPassage} status={status} />)
  })
  return onOpenPassage
}

/** Each group as [heading text, quotes]. */
const groups = () =>
  Array.from(dom.container.querySelectorAll('section.passages-group')).map((s) => [
    s.querySelector('h3')!.textContent,
    Array.from(s.querySelectorAll('.passage-quote')).map((q) => q.textContent),
  ])
const checkbox = (name: string) =>
  Array.from(dom.container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find((i) => i.parentElement!.textContent === name)!
const radio = (name: string) =>
  Array.from(dom.container.querySelectorAll<HTMLInputElement>('input[type="radio"]')).find((i) => i.parentElement!.textContent === name)!
const buttonNamed = (name: string) => Array.from(dom.container.querySelectorAll('button')).find((b) => b.textContent === name)

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('PassagesView', () => {
  it('is a region named Passages that groups highlights by tag, untagged last', async () => {
    await render(PASSAGES)
    expect(dom.container.querySelector('section[aria-label="Passages"]')).not.toBeNull()
    expect(groups()).toEqual([
      ['Bases2', ['“Ships left Tartus with equipment”', '“The lease of the naval base”']],
      ['Convoys1', ['“Ships left Tartus with equipment”']],
      ['Untagged1', ['“Unsorted remark”']],
    ])
    expect(dom.container.querySelector('.passage-source')!.textContent).toBe('Russia and TartusReuters10 January 2025')
  })

  it('filters by tags with Any or All', async () => {
    await render(PASSAGES)
    act(() => checkbox('Bases').click())
    act(() => checkbox('Convoys').click())
    expect(radio('Any').checked).toBe(true)
    expect(groups()).toEqual([
      ['Bases2', ['“Ships left Tartus with equipment”', '“The lease of the naval base”']],
      ['Convoys1', ['“Ships left Tartus with equipment”']],
    ])
    act(() => radio('All').click())
    expect(groups()).toEqual([
      ['Bases1', ['“Ships left Tartus with equipment”']],
      ['Convoys1', ['“Ships left Tartus with equipment”']],
    ])
    expect(dom.container.querySelector('.passages-count')!.textContent).toBe('1 highlight of 3')
  })

  it('matches text without diacritics, and offers Clear filters when nothing matches', async () => {
    await render(PASSAGES)
    const search = dom.container.querySelector<HTMLInputElement>('input[type="search"]')!
    expect(search.getAttribute('aria-label')).toBe('Filter passages')
    type(search, 'sohtaoglu')
    expect(groups().map((g) => g[0])).toEqual(['Bases1', 'Convoys1'])
    type(search, 'nowhere to be found')
    expect(dom.container.textContent).toContain('No passages match these filters')
    act(() => dom.container.querySelector<HTMLButtonElement>('.passages-scroll button')!.click())
    expect(search.value).toBe('')
    expect(groups()).toHaveLength(3)
  })

  it('opens the article at the highlight on click', async () => {
    const onOpen = await render(PASSAGES)
    act(() => dom.container.querySelectorAll<HTMLButtonElement>('.passage-quote')[1]!.click())
    expect(onOpen).toHaveBeenCalledExactlyOnceWith('a-0001', 'h-bases')
  })

  it('says so when there are no highlights yet', async () => {
    await render([])
    expect(dom.container.textContent).toContain('No highlights yet')
    expect(dom.container.querySelector('input[type="search"]')).toBeNull()
    expect(buttonNamed('Clear filters')).toBeUndefined()
  })
})
