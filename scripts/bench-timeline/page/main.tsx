/**
 * The timeline bench page: mounts the REAL TimelineChart (src/renderer) at 1280 px with
 * the passages bench.ts sends, holding its viewport the way TimelineView does, and exposes
 * `window.bench` to the Node side. Timed in the page with performance.now():
 *   - draw: a new chart showing every passage, until React has rendered (sync) and until
 *     two animation frames later (painted);
 *   - pan: the viewport moved a little each frame, as a drag moves it, for N frames.
 */
import { useEffect, useState } from 'react'
import { flushSync } from 'react-dom'
import { createRoot, type Root } from 'react-dom/client'
import type { TimelinePassage } from '../../../src/core/api-timeline'
import { dayNumber } from '../../../src/core/timeline/layout'
import type { Lane } from '../../../src/core/timeline/passages'
import { TimelineChart } from '../../../src/renderer/src/components/timeline/TimelineChart'
import { fitViewport, type Viewport } from '../../../src/renderer/src/timeline/viewport'
import '../../../src/renderer/src/styles/base.css'
import '../../../src/renderer/src/styles/timeline.css'
import './bench.css'
import type { TimelineBenchApi } from './protocol'

declare global {
  interface Window {
    bench: TimelineBenchApi
  }
}

let passages: TimelinePassage[] = []
let lanes: Lane[] = []
let root: Root | null = null
let mountKey = 0
let setView: ((v: (current: Viewport) => Viewport) => void) | null = null
const sources = new Map()
const frame = () => new Promise<number>((resolve) => requestAnimationFrame((t) => resolve(t)))

function Bench() {
  const [fit] = useState(() => fitViewport(passages.map((p) => ({ start: dayNumber(p.start), end: dayNumber(p.end) }))))
  const [viewport, setViewport] = useState(fit)
  useEffect(() => {
    setView = (v) => setViewport(v)
  }, [])
  return (
    <TimelineChart
      items={passages}
      lanes={lanes}
      sources={sources}
      viewport={viewport}
      onViewport={(next) => setViewport((v) => (typeof next === 'function' ? next(v) : next))}
      onFit={() => setViewport(fit)}
      onOpen={() => undefined}
      mode="event"
      width={1280}
    />
  )
}

window.bench = {
  load(input) {
    passages = input.passages
    lanes = input.lanes
  },
  async draw() {
    root?.unmount()
    await frame()
    root = createRoot(document.getElementById('bench-root')!)
    const t0 = performance.now()
    flushSync(() => root!.render(<Bench key={++mountKey} />))
    const sync = performance.now() - t0
    await frame()
    await frame()
    return { sync, painted: performance.now() - t0, marks: Number(document.querySelector('canvas[data-mark-count]')?.getAttribute('data-mark-count') ?? 0) }
  },
  async pan(frames, step) {
    await frame()
    let last = performance.now()
    const t0 = last
    let worst = 0
    for (let i = 0; i < frames; i++) {
      setView!((v) => {
        const d = (v.last - v.first) * step
        return { first: v.first + d, last: v.last + d }
      })
      await frame()
      const now = performance.now()
      worst = Math.max(worst, now - last)
      last = now
    }
    return { frames, ms: performance.now() - t0, worst }
  },
}
