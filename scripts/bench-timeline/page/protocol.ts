/** What the timeline bench driver (bench.ts, Node) and its page (main.tsx, browser) exchange. */
import type { TimelinePassage } from '../../../src/core/api-timeline'
import type { Lane } from '../../../src/core/timeline/passages'

export interface TimelineBenchInput {
  passages: TimelinePassage[]
  lanes: Lane[]
}

export interface DrawTiming {
  /** Until React has rendered the chart (layout of the window included). */
  sync: number
  /** Until two animation frames later: the frame showing it is painted. */
  painted: number
  /** Marks laid out for the window drawn (points, spans and counted columns, on the canvas). */
  marks: number
}

export interface PanTiming {
  frames: number
  ms: number
  /** The longest frame, ms. */
  worst: number
}

export interface TimelineBenchApi {
  load(input: TimelineBenchInput): void
  /** Mounts a new chart showing every passage and times it. */
  draw(): Promise<DrawTiming>
  /** Pans by `step` of the span each frame for `frames` frames (as a drag does) and times them. */
  pan(frames: number, step: number): Promise<PanTiming>
}

export interface TimelineBenchGlobal {
  bench: TimelineBenchApi
}
