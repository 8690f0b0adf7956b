// @vitest-environment jsdom
/**
 * The library table as a user meets it: header clicks sort (aria-sort), the filter box
 * narrows rows (with an empty state and Clear filters), arrow keys move between rows and
 * Enter opens one, and Delete asks first, deletes through the API, and is undoable.
 * The details dialog shows where each value came from, saves only changed fields, and
 * keeps main's error inside the dialog.
 */
import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArticleSummary, ArticleView } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'
import { api } from '../api'
import type { StatusControls } from '../hooks/useStatus'
import { summary } from '../library/test-articles'
import { UndoContext } from '../undo/UndoContext'
import { UndoStack } from '../undo/undo-stack'
import { LibraryTable } from './LibraryTable'
import { setupDomRoot } from '../test-dom'
import { CommandContext } from '../commands'

vi.mock('../api', () => ({
  api: {
    deleteArticle: vi.fn(),
    restoreArticle: vi.fn(),
    getArticle: vi.fn(),
    updateArticleMeta: vi.fn(),
    restoreArticleMeta: vi.fn(),
  },
}))
const fake = vi.mocked(api)

const ARTICLES: ArticleSummary[] = [
  summary(1, { title: 'Ships leave Tartus', outlet: 'Reuters', published: '2024-12-15', wordCount: 800, highlightCount: 3 }),
  summary(2, {
    title: 'Şam talks resume',
    outlet: 'Anadolu',
    published: '2025-01-03',
    wordCount: 300,
    flags: [{ kind: 'mojibake', detail: 'Ã© found 4 times', count: 4 }],
    rewrites: [{ articleId: 'a-0000000001' as ArticleId, title: 'Ships leave Tartus', score: 0.82, kind: 'rewrite' }],
  }),
  summary(3, { title: 'Convoy at Khmeimim', outlet: 'AFP', published: '2024-11-30', wordCount: 500 }),
]

const dom = setupDomRoot()
let undo: UndoStack
let status: StatusControls

beforeEach(() => {
  undo = new UndoStack()
  status = { announce: vi.fn<StatusControls['announce']>(), announceError: vi.fn(), clear: vi.fn(), retract: vi.fn(), settle: vi.fn() }
  vi.clearAllMocks()
})

function render(articles = ARTICLES, handlers = { onOpen: vi.fn(), onChanged: vi.fn(async () => {}) }) {
  act(() =>
    dom.root.render(
      <UndoContext.Provider value={undo}>
        <LibraryTable articles={articles} selectedId={null} status={status} {...handlers} />
      </UndoContext.Provider>,
    ),
  )
  return handlers
}

const table = () => dom.container.querySelector('table[aria-label="Library"]')!
const rowTitles = () => [...dom.container.querySelectorAll('tbody tr th')].map((th) => th.querySelector('.library-title-link')!.textContent)
const header = (name: string) => [...dom.container.querySelectorAll('thead th')].find((th) => th.textContent?.startsWith(name))!
const button = (name: string, scope: ParentNode = document) =>
  [...scope.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name || b.textContent === name)!
const dialog = () => document.querySelector('[role="dialog"]')
const flush = () => act(async () => {})

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  act(() => {
    setter.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

function key(target: Element, k: string) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }))
  })
}

describe('LibraryTable', () => {
  it('shows every article with its columns, flag badges and rewrite entries', () => {
    render()
    expect(table()).not.toBeNull()
    expect(rowTitles()).toEqual(['Ships leave Tartus', 'Şam talks resume', 'Convoy at Khmeimim'])
    const badge = dom.container.querySelector('.flag-badge')!
    expect(badge.textContent).toContain('Mojibake')
    expect(badge.getAttribute('title')).toBe('Mojibake (4): Ã© found 4 times')
    expect(dom.container.querySelector('.rewrite-list')!.textContent).toBe('rewrite of Ships leave Tartus (82%)')
    expect([...dom.container.querySelectorAll('thead th')].map((th) => th.getAttribute('aria-sort'))).toEqual(['none', 'none', 'none', 'none', 'none', 'none', 'none', null])
  })

  it('sorts on a header click and reverses on a second click', () => {
    render()
    act(() => header('Title').querySelector('button')!.click())
    expect(header('Title').getAttribute('aria-sort')).toBe('ascending')
    expect(rowTitles()).toEqual(['Convoy at Khmeimim', 'Şam talks resume', 'Ships leave Tartus'])
    act(() => header('Title').querySelector('button')!.click())
    expect(header('Title').getAttribute('aria-sort')).toBe('descending')
    expect(rowTitles()).toEqual(['Ships leave Tartus', 'Şam talks resume', 'Convoy at Khmeimim'])
    act(() => header('Date').querySelector('button')!.click())
    expect(header('Title').getAttribute('aria-sort')).toBe('none')
    expect(header('Date').getAttribute('aria-sort')).toBe('descending')
    expect(rowTitles()).toEqual(['Şam talks resume', 'Ships leave Tartus', 'Convoy at Khmeimim'])
  })

  it('filters without regard to accents, and offers Clear filters when nothing matches', () => {
    render()
    const box = dom.container.querySelector<HTMLInputElement>('input[type="search"][aria-label="Filter library"]')!
    type(box, 'sam')
    expect(rowTitles()).toEqual(['Şam talks resume'])
    type(box, 'no such article')
    expect(table()).toBeNull()
    expect(dom.container.querySelector('h2')?.textContent).toBe('No article matches the filters')
    act(() => button('Clear filters', dom.container).click())
    expect(rowTitles()).toHaveLength(3)
    expect(box.value).toBe('')
  })

  it('says so when the library is empty, and offers the ways in: Import files and Paste an article', () => {
    const run = vi.fn()
    act(() =>
      dom.root.render(
        <CommandContext.Provider value={run}>
          <UndoContext.Provider value={undo}>
            <LibraryTable articles={[]} selectedId={null} status={status} onOpen={vi.fn()} onChanged={vi.fn(async () => {})} />
          </UndoContext.Provider>
        </CommandContext.Provider>,
      ),
    )
    expect(table()).toBeNull()
    expect(dom.container.querySelector('h2')?.textContent).toBe('Your notebook is empty')
    act(() => button('Import files', dom.container).click())
    act(() => button('Paste an article', dom.container).click())
    expect(run.mock.calls).toEqual([['import'], ['paste-article']])
  })

  it('moves between rows with the arrow keys (one row in the tab order) and opens with Enter', () => {
    const { onOpen } = render()
    const rows = () => [...dom.container.querySelectorAll<HTMLTableRowElement>('tbody tr')]
    expect(rows().map((r) => r.tabIndex)).toEqual([0, -1, -1])
    act(() => rows()[0]!.focus())
    key(rows()[0]!, 'ArrowDown')
    expect(document.activeElement).toBe(rows()[1])
    expect(rows().map((r) => r.tabIndex)).toEqual([-1, 0, -1])
    key(rows()[1]!, 'End')
    expect(document.activeElement).toBe(rows()[2])
    key(rows()[2]!, 'ArrowUp')
    key(rows()[1]!, 'Enter')
    expect(onOpen).toHaveBeenCalledWith('a-0000000002')
    act(() => rows()[2]!.querySelector('td')!.click())
    expect(onOpen).toHaveBeenLastCalledWith('a-0000000003')
    // The row's buttons do not open the article.
    act(() => button('Delete Convoy at Khmeimim', dom.container).click())
    expect(onOpen).toHaveBeenCalledTimes(2)
    key(dialog()!, 'Escape')
  })

  it('asks before deleting, deletes through the API, and undo restores it', async () => {
    fake.deleteArticle.mockResolvedValue({ ok: true, value: { articleId: 'a-0000000001' as ArticleId, title: 'Ships leave Tartus', highlightCount: 3 } })
    fake.restoreArticle.mockResolvedValue({ ok: true, value: ARTICLES[0]! })
    const { onChanged } = render()
    act(() => button('Delete Ships leave Tartus', dom.container).click())
    expect(dialog()?.getAttribute('aria-modal')).toBe('true')
    expect(dialog()?.textContent).toContain('Delete “Ships leave Tartus” and its 3 highlights?')
    expect(fake.deleteArticle).not.toHaveBeenCalled()

    // Cancel (the focused button) leaves everything as it was.
    expect(document.activeElement?.textContent).toBe('Cancel')
    key(dialog()!, 'Escape')
    expect(dialog()).toBeNull()
    expect(fake.deleteArticle).not.toHaveBeenCalled()

    act(() => button('Delete Ships leave Tartus', dom.container).click())
    await act(async () => button('Delete', dialog()!).click())
    expect(fake.deleteArticle).toHaveBeenCalledWith({ articleId: 'a-0000000001' })
    expect(dialog()).toBeNull()
    expect(onChanged).toHaveBeenCalledTimes(1)
    expect(vi.mocked(status.announce)).toHaveBeenLastCalledWith('success', expect.stringContaining('Deleted “Ships leave Tartus” and its 3 highlights'))

    expect(undo.undoLabel).toBe('delete “Ships leave Tartus”')
    await act(async () => void (await undo.undo()))
    expect(fake.restoreArticle).toHaveBeenCalledWith({ articleId: 'a-0000000001' })
    expect(onChanged).toHaveBeenCalledTimes(2)
    await act(async () => void (await undo.redo()))
    expect(fake.deleteArticle).toHaveBeenCalledTimes(2)
  })

  it('keeps the confirmation open with main’s message when the delete fails', async () => {
    fake.deleteArticle.mockResolvedValue({ ok: false, error: { code: 'write-failed', message: 'Could not move “Ships leave Tartus” to the notebook’s trash (disk full); nothing was deleted.' } })
    const { onChanged } = render()
    act(() => button('Delete Ships leave Tartus', dom.container).click())
    await act(async () => button('Delete', dialog()!).click())
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toContain('nothing was deleted')
    expect(onChanged).not.toHaveBeenCalled()
    expect(undo.canUndo).toBe(false)
  })

  it('edits details: shows each value’s source, sends only the changed fields, keeps errors in the dialog, and is undoable', async () => {
    const view = {
      article: { ...ARTICLES[0]!, author: null, metaSources: { title: 'first heading', outlet: 'meta og:site_name' } },
      text: '',
      highlights: [],
      orphans: [],
      furniture: [],
    } satisfies ArticleView
    fake.getArticle.mockResolvedValue({ ok: true, value: view })
    fake.updateArticleMeta.mockResolvedValueOnce({ ok: false, error: { code: 'bad-request', message: 'The date "15/12" is not YYYY-MM-DD.' } })
    const { onChanged } = render()
    act(() => button('Edit details of Ships leave Tartus', dom.container).click())
    await flush()
    const d = dialog()!
    const field = (label: string) => {
      const l = [...d.querySelectorAll('label')].find((x) => x.textContent === label)!
      return document.getElementById(l.htmlFor) as HTMLInputElement
    }
    expect(field('Title').value).toBe('Ships leave Tartus')
    // The date in the app's one format, not the stored 2024-12-15; unchanged, it is not sent.
    expect(field('Date').value).toBe('15 December 2024')
    expect(document.getElementById(field('Outlet').getAttribute('aria-describedby')!)?.textContent).toBe('Source: meta og:site_name')
    expect(document.getElementById(field('Author').getAttribute('aria-describedby')!)?.textContent).toBe('Source: not found in the file')

    type(field('Date'), '15/12')
    await act(async () => button('Save', d).click())
    expect(fake.updateArticleMeta).toHaveBeenLastCalledWith({ articleId: 'a-0000000001', change: { published: '15/12' } })
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toBe('The date "15/12" is not YYYY-MM-DD.')

    fake.updateArticleMeta.mockResolvedValue({ ok: true, value: { ...ARTICLES[0]!, author: 'M. Gebeily', published: '2024-12-16' } })
    type(field('Date'), '16 December 2024')
    type(field('Author'), 'M. Gebeily')
    await act(async () => button('Save', dialog()!).click())
    expect(fake.updateArticleMeta).toHaveBeenLastCalledWith({ articleId: 'a-0000000001', change: { author: 'M. Gebeily', published: '2024-12-16' } })
    expect(dialog()).toBeNull()
    expect(onChanged).toHaveBeenCalledTimes(1)

    // Undo puts back the whole snapshot read before the edit: values, sources, edited marks.
    fake.restoreArticleMeta.mockResolvedValue({ ok: true, value: ARTICLES[0]! })
    await act(async () => void (await undo.undo()))
    expect(fake.restoreArticleMeta).toHaveBeenLastCalledWith({
      articleId: 'a-0000000001',
      meta: {
        title: 'Ships leave Tartus',
        outlet: 'Reuters',
        author: null,
        published: '2024-12-15',
        url: ARTICLES[0]!.url,
        metaSources: { title: 'first heading', outlet: 'meta og:site_name' },
        metaEdited: ARTICLES[0]!.metaEdited,
      },
    })
  })
})
