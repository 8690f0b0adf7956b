/**
 * The bench page: mounts the REAL PassagesTable (src/renderer) with 10,000 passages and
 * the real passage filter (src/renderer/src/passages/filter.ts), and exposes
 * `window.bench` to bench.ts, which drives it through Playwright. Frames are timed in the
 * page (rAF to rAF; Chromium runs with vsync and the frame-rate limit off, so a frame
 * lasts as long as its work).
 */
import { useMemo, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { PassageSummary } from '../../../src/core/api'
import type { ArticleId, HighlightId, TagId } from '../../../src/core/ids'
import type { Tag } from '../../../src/core/model'
import { PassagesTable } from '../../../src/renderer/src/components/passages/PassagesTable'
import { EMPTY_FILTER, filterPassages } from '../../../src/renderer/src/passages/filter'
import '../../../src/renderer/src/styles/base.css'
import '../../../src/renderer/src/styles/library.css'
import '../../../src/renderer/src/styles/passages.css'
import '../../../src/renderer/src/styles/analysis.css'
import './bench.css'
import type { BenchApi, FrameRun } from './protocol'

declare global {
  interface Window {
    bench: BenchApi
  }
}

let setText: (text: string) => void = () => undefined

function Bench({ passages, tags }: { passages: PassageSummary[]; tags: Tag[] }) {
  const [text, set] = useState('')
  setText = set
  const shown = useMemo(() => filterPassages(passages, { ...EMPTY_FILTER, text }), [passages, text])
  return <PassagesTable passages={shown} tags={tags} actions={[{ id: 'noop', label: 'Tag…', run: () => undefined }]} onOpen={() => undefined} />
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

/** Runs `step(i)` at the start of each of `count` frames; returns each frame's length. */
async function frames(count: number, step: (i: number) => void): Promise<FrameRun> {
  const out: number[] = []
  let last = await frame()
  for (let i = 0; i < count; i++) {
    step(i)
    const now = await frame()
    out.push(now - last)
    last = now
  }
  const table = document.querySelector('.passages-table')
  return { frames: out, renderedRows: table?.querySelectorAll('tbody tr[data-highlight-id]').length ?? 0, rows: Number(table?.getAttribute('aria-rowcount') ?? 1) - 1 }
}

const scroller = () => document.querySelector<HTMLElement>('.passages-table-scroll')!

window.bench = {
  async load(input) {
    const tags: Tag[] = Array.from({ length: input.tagCount }, (_, i) => ({ id: `t-${String(i).padStart(4, '0')}` as TagId, name: `Tag ${i + 1}`, color: `#${((i * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`, description: '' }))
    const passages: PassageSummary[] = input.passages.map((p, i) => ({
      highlight: {
        id: `h-${String(i).padStart(6, '0')}` as HighlightId,
        articleId: `a-${String(i % 400).padStart(4, '0')}` as ArticleId,
        target: { start: 0, end: p.quote.length, exact: p.quote, prefix: '', suffix: '' },
        tagIds: p.tags.map((t) => tags[t]!.id),
        comment: p.comment,
        createdAt: '2025-01-01T00:00:00Z',
        updatedAt: '2025-01-01T00:00:00Z',
      },
      articleTitle: `Article ${i % 400}`,
      outlet: p.outlet,
      published: p.published,
    }))
    createRoot(document.getElementById('bench-root')!).render(<Bench passages={passages} tags={tags} />)
    for (let i = 0; i < 5; i++) await frame()
  },
  async scroll(count, px) {
    const run = await frames(count, () => {
      scroller().scrollTop += px
    })
    scroller().scrollTop = 0
    await frame()
    await frame()
    return run
  },
  async filter(text) {
    const run = await frames(text.length + 1, (i) => setText(i < text.length ? text.slice(0, i + 1) : ''))
    await frame()
    return run
  },
  idle: (count) => frames(count, () => undefined),
}
