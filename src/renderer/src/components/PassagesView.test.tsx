// @vitest-environment jsdom
/**
 * The passages view against a mocked api: grouping by tag, the Any/All tag filter, the
 * diacritic-insensitive text filter, the "Mentions" entity filter with its chip, the
 * empty states, and opening a passage.
 */
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { PassageSummary } from '../../../core/api'
import type { EntitySummary } from '../../../core/api-entities'
import type { EntityId } from '../../../core/entities'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { PassagesView } from './PassagesView'
import { setupDomRoot } from '../test-dom'

const listPassages = vi.fn()
const listEntities = vi.fn()
const listEntityPassages = vi.fn()
vi.mock('../api', () => ({
  api: {
    listPassages: (...a: unknown[]) => listPassages(...a),
    listEntities: (...a: unknown[]) => listEntities(...a),
    listEntityPassages: (...a: unknown[]) => listEntityPassages(...a),
  },
}))

const entity = (id: string, name: string, aliases: string[], articles: number): EntitySummary => ({
  id: `e-${id}` as EntityId,
  name,
  type: 'place',
  aliases: aliases.map((text) => ({ text })),
  mentions: articles * 2,
  articles,
})
const ENTITIES = [entity('tartus', 'Tartus', ['Tartous', 'طرطوس'], 2), entity('khmeimim', 'Khmeimim Air Base', ['Hmeimim'], 1)]

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
  listEntities.mockReset().mockResolvedValue({ ok: true, value: ENTITIES })
  listEntityPassages.mockReset()
})

async function render(passages: PassageSummary[], onOpenPassage = vi.fn()) {
  listPassages.mockResolvedValue({ ok: true, value: passages })
  await act(async () => {
    dom.root.render(<PassagesView tags={TAGS} reloadKey={0} onOpenPassage={onOpenPassage} status={status} onChanged={vi.fn()} onOpenMatrix={vi.fn()} />)
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

  it('keeps the passages that mention the entity chosen in Mentions, shown as a chip that clears', async () => {
    listEntityPassages.mockResolvedValue({ ok: true, value: ['h-both'] })
    await render(PASSAGES)
    const combobox = dom.container.querySelector<HTMLInputElement>('input[role="combobox"]')!
    expect(combobox.labels?.[0]?.textContent).toBe('Mentions')
    // Any spelling finds the entity: the Arabic alias of Tartus.
    type(combobox, 'طرطوس')
    const options = () => Array.from(dom.container.querySelectorAll('[role="option"]')).map((o) => o.querySelector('bdi')!.textContent)
    expect(combobox.getAttribute('aria-expanded')).toBe('true')
    expect(options()).toEqual(['Tartus'])
    await act(async () => {
      combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    })
    expect(listEntityPassages).toHaveBeenCalledWith({ entityId: 'e-tartus' })
    expect(groups()).toEqual([
      ['Bases1', ['“Ships left Tartus with equipment”']],
      ['Convoys1', ['“Ships left Tartus with equipment”']],
    ])
    const chip = dom.container.querySelector('[role="group"][aria-label="Active filter"]')!
    expect(chip.textContent).toContain('Mentions: Tartus')
    await act(async () => chip.querySelector<HTMLButtonElement>('button[aria-label="Clear filter Mentions: Tartus"]')!.click())
    expect(groups()).toHaveLength(3)
    expect(dom.container.querySelector('[role="group"][aria-label="Active filter"]')).toBeNull()
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
