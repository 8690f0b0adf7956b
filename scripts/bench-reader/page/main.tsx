/**
 * The bench page: mounts the REAL ArticleReader (src/renderer) with a fake ArticleView and
 * exposes `window.bench` to the Node side (bench.ts), which drives it through Playwright.
 * Each measurement renders the reader with `from` highlights, waits until that is painted,
 * then sets `to` highlights and times, in the page with performance.now():
 *   - sync: until React has rendered and run the layout effects (Ranges built, CSS
 *     highlights registered, margin bars measured, laid out and rendered);
 *   - painted: until two animation frames later, i.e. the frame showing them is painted.
 * Highlights are registered with CSS.highlights and given margin bars only within the
 * visible band (the scroll view plus a screen either side); `scroll` times moving on.
 */
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import type { ArticleView } from '../../../src/core/api'
import type { ArticleId, HighlightId, TagId } from '../../../src/core/ids'
import { DEFAULT_TAGS, type Highlight } from '../../../src/core/model'
import { ArticleReader } from '../../../src/renderer/src/components/ArticleReader'
import type { HighlightActions } from '../../../src/renderer/src/hooks/useHighlightActions'
import '../../../src/renderer/src/styles/base.css'
import '../../../src/renderer/src/styles/reader.css'
import '../../../src/renderer/src/styles/toolbar.css'
import './bench.css'
import { NaiveReader } from './naive'
import type { BenchApi, Mode } from './protocol'

declare global {
  interface Window {
    bench: BenchApi
  }
}

const ARTICLE_ID = 'a-bench' as ArticleId
const tags = [...DEFAULT_TAGS]
const actions: HighlightActions = { saving: false, create: async () => false, update: async () => false, remove: async () => false, setEventDate: async () => false, acceptEventDate: async () => false }
let root: Root | null = null
let text = ''
let all: Highlight[] = []
let article: ArticleView['article'] | null = null
let currentMode: Mode | null = null
let mountKey = 0
let lastCount = 0

const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))

function render(mode: Mode, count: number, extra: readonly number[] = []): void {
  const highlights = [...all.slice(0, count), ...extra.map((i) => all[i]!)]
  lastCount = highlights.length
  if (mode !== currentMode) {
    root?.unmount()
    root = createRoot(document.getElementById('bench-root')!)
    currentMode = mode
  }
  if (mode === 'naive') {
    root!.render(<NaiveReader text={text} highlights={highlights} tags={tags} />)
    return
  }
  const view: ArticleView = { article: article!, text, highlights, orphans: [], furniture: [] }
  root!.render(<ArticleReader key={mountKey} view={view} tags={tags} actions={actions} />)
}

window.bench = {
  load(input) {
    text = input.text
    all = input.spans.map((s, i) => ({
      id: `h-${String(i).padStart(5, '0')}` as HighlightId,
      articleId: ARTICLE_ID,
      target: { start: s.start, end: s.end, exact: text.slice(s.start, s.end), prefix: '', suffix: '' },
      tagIds: s.tags.map((t) => tags[t % tags.length]!.id as TagId),
      comment: '',
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    }))
    article = {
      id: ARTICLE_ID,
      title: 'Bench article',
      outlet: 'Bench',
      author: null,
      published: null,
      url: null,
      wordCount: text.split(/\s+/).length,
      importedAt: '2025-01-01T00:00:00Z',
      sourceFileName: 'bench.txt',
      highlightCount: all.length,
      format: 'txt',
      language: 'en',
      flags: [],
      rewrites: [],
      metaEdited: [],
      metaSources: {},
    }
  },

  async measure(mode, from, to, options = {}) {
    if (options.fresh) mountKey++
    flushSync(() => render(mode, from))
    await frames()
    const t0 = performance.now()
    flushSync(() => render(mode, to, options.extra))
    const t1 = performance.now()
    await frames()
    return { sync: t1 - t0, painted: performance.now() - t0 }
  },

  async scroll(px) {
    const scroller = document.querySelector<HTMLElement>('.reader-scroll')!
    await frames()
    const t0 = performance.now()
    scroller.scrollTop += px
    const t1 = performance.now()
    await frames()
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
    return { sync: t1 - t0, painted: performance.now() - t0 }
  },

  async idleFrames() {
    const t0 = performance.now()
    await frames()
    return performance.now() - t0
  },

  check() {
    let paintedRanges = 0
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('dossier-tag-')) paintedRanges += highlight.size
    return {
      highlights: currentMode === 'css' ? lastCount : 0,
      bars: document.querySelectorAll('.margin-bar').length,
      paintedRanges,
      marks: document.querySelectorAll('mark').length,
    }
  },
}
