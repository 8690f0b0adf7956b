// @vitest-environment jsdom
/**
 * The reader and side panel in jsdom (no CSS Custom Highlight API there, so highlights are
 * not painted; the margin bars still show each one): bars named by tags and quote open
 * the toolbar, furniture sits behind a fold that reveal opens, the header shows damage
 * flags and rewrite links, and the panel lists orphaned highlights with their quotes.
 */
import { act, createRef } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleView } from '../../../core/api'
import type { ArticleId, HighlightId, TagId } from '../../../core/ids'
import type { Highlight, Tag } from '../../../core/model'
import { ArticleReader, type ReaderHandle } from '../components/ArticleReader'
import { HighlightsPanel } from '../components/HighlightsPanel'
import type { HighlightActions } from '../hooks/useHighlightActions'
import { setupDomRoot } from '../test-dom'

const TEXT = 'World | Middle East\n\nTartus naval base stays open for now.\n\nConvoys left Khmeimim at dawn.\n\nRelated: Other story'
const at = (s: string) => TEXT.indexOf(s)
const TAGS: Tag[] = [
  { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: 'Bases in Syria' },
  { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: 'Movements' },
]

function hl(id: string, quote: string, tagIds: string[], comment = ''): Highlight {
  const start = at(quote)
  return {
    id: id as HighlightId,
    articleId: 'a-1' as ArticleId,
    target: { start, end: start + quote.length, exact: quote, prefix: '', suffix: '' },
    tagIds: tagIds as TagId[],
    comment,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  }
}

const ORPHAN = { ...hl('h-orph1', 'Tartus', ['t-bases']), target: { start: 0, end: 5, exact: 'Latakia port deal', prefix: '', suffix: '' } }

const VIEW: ArticleView = {
  article: {
    id: 'a-1' as ArticleId,
    title: 'Tartus stays',
    outlet: 'bne IntelliNews',
    author: null,
    published: '2024-12-15',
    url: null,
    wordCount: 1234,
    importedAt: '2025-01-01T00:00:00Z',
    sourceFileName: 'tartus.txt',
    highlightCount: 3,
    format: 'txt',
    language: 'en',
    flags: [{ kind: 'replacement-character', detail: 'Some characters could not be decoded.', count: 3 }],
    rewrites: [{ articleId: 'a-2' as ArticleId, title: 'Russia keeps Tartus', score: 0.82, kind: 'rewrite' }],
    metaEdited: [],
    metaSources: {},
  } as ArticleView['article'],
  text: TEXT,
  highlights: [
    hl('h-bases', 'Tartus naval base stays open', ['t-bases', 't-convoys'], 'Key claim'),
    hl('h-dawn', 'Convoys left Khmeimim', ['t-convoys']),
    hl('h-furn', 'Other story', []),
  ],
  orphans: [ORPHAN],
  furniture: [
    { start: 0, end: 19, kind: 'section-label', label: 'World | Middle East' },
    { start: at('Related'), end: TEXT.length, kind: 'related-headline', label: 'Related: Other story' },
  ],
}

const dom = setupDomRoot()

const actions: HighlightActions = { saving: false, create: vi.fn(async () => true), update: vi.fn(async () => true), remove: vi.fn(async () => true), setEventDate: vi.fn(async () => true), acceptEventDate: vi.fn(async () => true) }
const buttons = () => Array.from(dom.container.querySelectorAll('button'))
const named = (name: string | RegExp) => buttons().filter((b) => (typeof name === 'string' ? (b.getAttribute('aria-label') ?? b.textContent) === name : name.test(b.getAttribute('aria-label') ?? b.textContent ?? '')))

describe('ArticleReader', () => {
  it('shows a margin bar per placed highlight, named by tags and quote start, as wide as its tag colours', () => {
    act(() => dom.root.render(<ArticleReader view={VIEW} tags={TAGS} actions={actions} />))
    const bars = named(/^Highlight: /)
    expect(bars.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Highlight: Bases, Convoys — Tartus naval base stays open',
      'Highlight: Convoys — Convoys left Khmeimim',
    ]) // the third sits in the folded furniture
    expect([bars[0]!.style.width, bars[1]!.style.width]).toEqual(['10px', '4px']) // two colours side by side, one
    expect(bars.map((b) => b.tabIndex)).toEqual([0, -1])
  })

  it('opens the toolbar on a highlight when its bar is clicked', () => {
    act(() => dom.root.render(<ArticleReader view={VIEW} tags={TAGS} actions={actions} />))
    act(() => named(/^Highlight: Convoys/)[0]!.click())
    const toolbar = dom.container.querySelector('[role="toolbar"]')!
    expect(toolbar.getAttribute('aria-label')).toBe('Highlight')
    expect(named('Remove highlight')).toHaveLength(1)
    expect(Array.from(toolbar.querySelectorAll('[aria-pressed="true"]')).map((b) => b.textContent?.replace(/\d$/, ''))).toEqual(['Convoys'])
  })

  it('hides furniture behind folds and opens the fold when a highlight inside it is revealed', () => {
    const ref = createRef<ReaderHandle>()
    act(() => dom.root.render(<ArticleReader ref={ref} view={VIEW} tags={TAGS} actions={actions} />))
    const paragraphs = () => Array.from(dom.container.querySelectorAll('p[data-start]')).map((p) => p.textContent)
    expect(paragraphs()).toEqual(['Tartus naval base stays open for now.', 'Convoys left Khmeimim at dawn.'])
    const folds = named(/^Show 1 hidden line/)
    expect(folds.map((b) => b.textContent)).toEqual(['Show 1 hidden line (section label)', 'Show 1 hidden line (related headlines)'])
    expect(dom.container.textContent).toContain('World | Middle East') // listed by label while folded
    act(() => ref.current!.reveal('h-furn' as HighlightId))
    expect(paragraphs()).toContain('Related: Other story')
    expect(named(/^Hide 1 line/)[0]!.getAttribute('aria-expanded')).toBe('true')
    expect(named(/^Highlight: No tag — Other story/)).toHaveLength(1)
  })

  it('shows damage flags and rewrite links that open the other article', () => {
    const onOpenArticle = vi.fn()
    act(() => dom.root.render(<ArticleReader view={VIEW} tags={TAGS} actions={actions} onOpenArticle={onOpenArticle} />))
    expect(dom.container.querySelector('[aria-label="Import warnings"]')!.textContent).toContain('Replacement characters (3)')
    expect(dom.container.textContent).toContain('1,234 words')
    act(() => named('Likely rewrite of Russia keeps Tartus (82%)')[0]!.click())
    expect(onOpenArticle).toHaveBeenCalledWith('a-2')
  })
})

describe('HighlightsPanel', () => {
  it('lists highlights in text order and orphans with their quotes and a note', () => {
    const onReveal = vi.fn()
    act(() => dom.root.render(<HighlightsPanel view={VIEW} tags={TAGS} onReveal={onReveal} onEdit={vi.fn()} />))
    const lists = dom.container.querySelectorAll('ul.highlight-list')
    expect(Array.from(lists[0]!.querySelectorAll('.highlight-quote')).map((q) => q.textContent)).toEqual([
      '“Tartus naval base stays open”',
      '“Convoys left Khmeimim”',
      '“Other story”',
    ])
    expect(lists[1]!.getAttribute('aria-label')).toBe('Orphaned highlights')
    expect(lists[1]!.textContent).toContain('“Latakia port deal”')
    expect(dom.container.textContent).toContain('no longer matches the article')
    act(() => (lists[0]!.querySelector('.highlight-quote') as HTMLButtonElement).click())
    expect(onReveal).toHaveBeenCalledWith('h-bases')
  })
})
