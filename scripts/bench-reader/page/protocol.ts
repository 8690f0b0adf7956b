/** What the bench driver (bench.ts, Node) and the bench page (main.tsx, browser) exchange. */

export interface BenchInput {
  text: string
  /** Highlights: offsets into `text` and indices into the default codebook's tags. */
  spans: { start: number; end: number; tags: number[] }[]
}

export interface Timing {
  /** Until React has rendered and run the layout effects. */
  sync: number
  /** Until two animation frames later: the frame showing the change is painted. */
  painted: number
}

export interface PageCheck {
  highlights: number
  bars: number
  /** Ranges registered in the tag colour layers (only those in the visible band). */
  paintedRanges: number
  marks: number
}

export type Mode = 'css' | 'naive'

export interface MeasureOptions {
  /** Mount a new reader first (cold caches), as when an article is opened. */
  fresh?: boolean
  /** Indices of highlights added after the first `to` in the measured render. */
  extra?: number[]
}

export interface BenchApi {
  load(input: BenchInput): void
  measure(mode: Mode, from: number, to: number, options?: MeasureOptions): Promise<Timing>
  check(): PageCheck
  /** Scrolls the reader by `px` and times until three frames later (scroll, band update, its paint). */
  scroll(px: number): Promise<Timing>
  /** Two animation frames with nothing changed: the floor under every "painted" figure. */
  idleFrames(): Promise<number>
}

/** The page's global object, as seen from either side. */
export interface BenchGlobal {
  bench: BenchApi
}
