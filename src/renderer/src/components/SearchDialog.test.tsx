// @vitest-environment jsdom
/**
 * The search dialog against a mocked api: results come as you type (debounced), matched
 * words are marked, the count says "about" for estimates, query errors are shown, and the
 * keyboard works: ArrowDown moves the active result, Enter opens it, Escape closes.
 */
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import type { SearchHit, SearchResponse } from '../../../core/search/types'
import { SearchDialog } from './SearchDialog'
import { setupDomRoot } from '../test-dom'

const search = vi.fn()
const listArticles = vi.fn()
const listEntities = vi.fn()
vi.mock('../api', () => ({
  api: {
    search: (...a: unknown[]) => search(...a),
    listArticles: (...a: unknown[]) => listArticles(...a),
    listEntities: (...a: unknown[]) => listEntities(...a),
  },
}))

const TAGS: Tag[] = [{ id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: '' }]
const A1 = 'a-0001' as ArticleId
const A2 = 'a-0002' as ArticleId

const HITS: SearchHit[] = [
  { kind: 'article', id: A1, articleId: A1, score: 2, field: 'body', terms: ['tartus'], snippet: { text: 'Ships left Tartus at dawn', ranges: [[11, 17]] } },
  { kind: 'highlight', id: 'h-0009' as HighlightId, articleId: A2, score: 1, field: 'quote', terms: ['tartus'], snippet: { text: 'Tartus lease', ranges: [[0, 6]] } },
]

function response(hits: SearchHit[], extra: Partial<SearchResponse> = {}): SearchResponse {
  return { query: {} as SearchResponse['query'], hits, total: hits.length, totalExact: true, ranking: 'relevance', error: null, ...extra }
}

const dom = setupDomRoot()

const KHMEIMIM = { id: 'e-khmeimim', name: 'Khmeimim Air Base', type: 'place', kind: 'base', aliases: [{ text: 'Khmeimim' }, { text: 'Hmeimim' }], mentions: 16, articles: 16 }
const TARTUS = { id: 'e-tartus', name: 'Tartus', type: 'place', kind: 'port', aliases: [{ text: 'Tartous' }], mentions: 9, articles: 5 }
const HTS = { id: 'e-hts', name: 'Hayat Tahrir al-Sham', type: 'organisation', aliases: [{ text: 'HTS' }], mentions: 3, articles: 2 }

beforeEach(() => {
  search.mockReset()
  listArticles.mockReset()
  listEntities.mockReset()
  listEntities.mockResolvedValue({ ok: true, value: [TARTUS, HTS, KHMEIMIM] })
  listArticles.mockResolvedValue({
    ok: true,
    value: [
      { id: A1, title: 'Russia leaves Tartus', outlet: 'Reuters', published: '2025-01-10' },
      { id: A2, title: 'Lease talks', outlet: 'AP', published: null },
    ],
  })
})

async function render(handlers = { onClose: vi.fn(), onOpenResult: vi.fn() }) {
  await act(async () => {
    dom.root.render(<SearchDialog open tags={TAGS} outlets={['AP', 'Reuters']} {...handlers} />)
  })
  return handlers
}

const input = () => dom.container.querySelector<HTMLInputElement>('input[type="search"]')!
const options = () => Array.from(dom.container.querySelectorAll('[aria-label="Search results"] [role="option"]'))
const wait = (ms: number) => act(() => new Promise<void>((r) => setTimeout(r, ms)))

async function type(value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input(), value)
    input().dispatchEvent(new Event('input', { bubbles: true }))
  })
  await wait(200)
}

const key = (k: string) => act(() => void input().dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })))

describe('SearchDialog', () => {
  it('is a dialog named Search with the searchbox focused', async () => {
    await render()
    expect(dom.container.querySelector('[role="dialog"]')!.getAttribute('aria-label')).toBe('Search')
    expect(input().getAttribute('aria-label')).toBe('Search the notebook')
    expect(document.activeElement).toBe(input())
    // The one listbox shown (the Mentions picker keeps its own hidden until opened).
    expect(Array.from(dom.container.querySelectorAll('[role="listbox"]:not([hidden])'), (l) => l.getAttribute('aria-label'))).toEqual(['Search results'])
  })

  it('searches once typing pauses and marks the matched words', async () => {
    search.mockResolvedValue({ ok: true, value: response(HITS, { total: 12, totalExact: false }) })
    await render()
    await type('tart')
    await type('tartus')
    expect(search).toHaveBeenCalledTimes(2)
    expect(search).toHaveBeenLastCalledWith({ query: 'tartus', limit: 50 })
    expect(dom.container.querySelector('.search-summary')!.textContent).toBe('about 12 results')
    expect(options().map((o) => o.querySelector('.search-kind')!.textContent)).toEqual(['Article', 'Highlight'])
    expect(options()[0]!.querySelector('.search-result-title')!.textContent).toBe('Russia leaves Tartus')
    expect(Array.from(dom.container.querySelectorAll('.search-snippet mark')).map((m) => m.textContent)).toEqual(['Tartus', 'Tartus'])
  })

  it('does not search on every keystroke', async () => {
    search.mockResolvedValue({ ok: true, value: response(HITS) })
    await render()
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    for (const v of ['t', 'ta', 'tar']) {
      act(() => {
        setter.call(input(), v)
        input().dispatchEvent(new Event('input', { bubbles: true }))
      })
    }
    await wait(200)
    expect(search).toHaveBeenCalledExactlyOnceWith({ query: 'tar', limit: 50 })
  })

  it('moves with ArrowDown and opens the highlight with Enter, then closes', async () => {
    search.mockResolvedValue({ ok: true, value: response(HITS) })
    const { onClose, onOpenResult } = await render()
    await type('tartus')
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true')
    key('ArrowDown')
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true')
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id)
    key('ArrowDown')
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true')
    key('Enter')
    expect(onOpenResult).toHaveBeenCalledExactlyOnceWith(A2, 'h-0009')
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('opens an article result with no highlight', async () => {
    search.mockResolvedValue({ ok: true, value: response(HITS) })
    const { onOpenResult } = await render()
    await type('tartus')
    key('Enter')
    expect(onOpenResult).toHaveBeenCalledWith(A1, null)
  })

  it('shows the query error instead of results', async () => {
    search.mockResolvedValue({ ok: true, value: response([], { error: { code: 'unclosed-quote', message: 'A quote is not closed.' } }) })
    await render()
    await type('"tartus')
    expect(dom.container.querySelector('[role="alert"]')!.textContent).toBe('A quote is not closed.')
    expect(options()).toHaveLength(0)
  })

  it('sends the chosen filters', async () => {
    search.mockResolvedValue({ ok: true, value: response([]) })
    await render()
    act(() => dom.container.querySelector<HTMLButtonElement>('button[aria-pressed]')!.click())
    await type('lease')
    expect(search).toHaveBeenLastCalledWith({ query: 'lease', limit: 50, tagIds: ['t-bases'], tagMode: 'any' })
    expect(dom.container.querySelector('.search-summary')!.textContent).toBe('0 results')
  })

  it('searches page furniture only when its box is ticked, and says when a snippet comes from it', async () => {
    const furniture: SearchHit = { ...HITS[0]!, field: 'furniture', snippet: { text: 'Related stories: Quillfeather lighthouse', ranges: [[17, 29]] } }
    search.mockResolvedValue({ ok: true, value: response([furniture]) })
    await render()
    const box = dom.container.querySelector<HTMLInputElement>('input[type="checkbox"]')!
    expect(box.closest('label')!.textContent).toBe('Include page furniture (related headlines, taglines…)')
    expect(box.checked).toBe(false)
    await type('quillfeather')
    expect(search).toHaveBeenLastCalledWith({ query: 'quillfeather', limit: 50 })
    act(() => box.click())
    await wait(200)
    expect(box.checked).toBe(true)
    expect(search).toHaveBeenLastCalledWith({ query: 'quillfeather', limit: 50, includeFurniture: true })
    expect(options()[0]!.querySelector('.search-snippet')!.textContent).toBe('Page furniture: Related stories: Quillfeather lighthouse')
  })

  it('shows the search syntax on request, as a region the button controls', async () => {
    await render()
    const button = Array.from(dom.container.querySelectorAll('button')).find((b) => b.textContent === 'Search syntax')!
    expect(button.getAttribute('aria-expanded')).toBe('false')
    expect(dom.container.querySelector('[role="region"]')).toBeNull()
    act(() => button.click())
    expect(button.getAttribute('aria-expanded')).toBe('true')
    const region = document.getElementById(button.getAttribute('aria-controls')!)!
    expect(region.getAttribute('aria-label')).toBe('Search syntax')
    expect(region.textContent).toContain('Tartus OR Latakia either word')
    expect(region.textContent).toContain('Tartus -Russia or Tartus NOT Russia: Tartus, but not where Russia is')
    expect(region.textContent).toContain('Tartus port OR Latakia is (Tartus port) OR Latakia')
    act(() => button.click())
    expect(dom.container.querySelector('[role="region"]')).toBeNull()
  })

  it('says under the results which other spellings each name also matched, with their article counts', async () => {
    const expansions = [
      { raw: 'Hmeimim', entityId: 'e-khmeimim', entity: 'Khmeimim Air Base', spellings: [{ text: 'حميميم', articles: 2 }, { text: 'Hmeymim', articles: 0 }, { text: 'Khmeimim', articles: 14 }] },
      { raw: 'HTS', entityId: 'e-hts', entity: 'Hayat Tahrir al-Sham', spellings: [{ text: 'Hayat Tahrir al-Sham', articles: 0 }] },
    ]
    search.mockResolvedValue({ ok: true, value: response(HITS, { expansions }) })
    await render()
    await type('Hmeimim HTS')
    const list = dom.container.querySelector('[aria-label="Other spellings searched"]')!
    expect(Array.from(list.querySelectorAll('li')).map((li) => li.textContent)).toEqual([
      '“Hmeimim” also matched: Khmeimim (14), حميميم (2); 1 other spelling not found',
      '“HTS” also matched: no article; 1 other spelling of Hayat Tahrir al-Sham searched',
    ])
    // Each spelling is isolated from its count, so an Arabic one does not pull "(2)" to its left.
    expect(Array.from(list.querySelectorAll('bdi')).map((b) => b.textContent)).toEqual(['Hmeimim', 'Khmeimim', 'حميميم', 'HTS'])
  })

  it('searches only the spelling typed when Exact spelling is ticked, and then lists no other spellings', async () => {
    search.mockImplementation(async (args: { exact?: boolean }) => ({
      ok: true,
      value: response(HITS, args.exact ? {} : { expansions: [{ raw: 'Hmeimim', entityId: 'e-khmeimim', entity: 'Khmeimim Air Base', spellings: [{ text: 'Khmeimim', articles: 14 }] }] }),
    }))
    await render()
    await type('Hmeimim')
    expect(dom.container.querySelector('[aria-label="Other spellings searched"]')!.textContent).toBe('“Hmeimim” also matched: Khmeimim (14)')
    const exact = Array.from(dom.container.querySelectorAll('label')).find((l) => l.textContent === 'Exact spelling')!.querySelector('input')!
    act(() => exact.click())
    await wait(200)
    expect(search).toHaveBeenLastCalledWith({ query: 'Hmeimim', limit: 50, exact: true })
    expect(dom.container.querySelector('[aria-label="Other spellings searched"]')).toBeNull()
  })

  it('filters by an entity chosen in Mentions (the Passages picker), and Escape there does not close the dialog', async () => {
    search.mockResolvedValue({ ok: true, value: response([]) })
    const { onClose } = await render()
    const combobox = dom.container.querySelector<HTMLInputElement>('input[role="combobox"]')!
    expect(combobox.labels?.[0]?.textContent).toBe('Mentions')
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(combobox, 'tartous')
      combobox.dispatchEvent(new Event('input', { bubbles: true }))
    })
    expect(Array.from(dom.container.querySelectorAll('[role="option"] bdi'), (o) => o.textContent)).toEqual(['Tartus'])
    act(() => void combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true })))
    expect(onClose).not.toHaveBeenCalled()
    act(() => void combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })))
    expect(search).not.toHaveBeenCalled()
    act(() => void combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true })))
    act(() => void combobox.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })))
    expect(dom.container.querySelector('[role="group"][aria-label="Active filter"]')!.textContent).toContain('Mentions: Tartus')
    await type('lease')
    expect(search).toHaveBeenLastCalledWith({ query: 'lease', limit: 50, entityId: 'e-tartus' })
  })

  it('closes on Escape', async () => {
    const { onClose } = await render()
    key('Escape')
    expect(onClose).toHaveBeenCalledOnce()
  })
})
