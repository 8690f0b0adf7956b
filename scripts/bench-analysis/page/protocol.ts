/** What the bench driver (bench.ts, Node) and the bench page (main.tsx, browser) exchange. */

export interface BenchPassage {
  quote: string
  tags: number[]
  comment: string
  outlet: string | null
  published: string | null
}

export interface BenchInput {
  passages: BenchPassage[]
  tagCount: number
}

export interface FrameRun {
  /** Every frame's length (rAF to rAF), in ms. */
  frames: number[]
  /** Rows the table had rendered at the end (the virtualiser keeps this small). */
  renderedRows: number
  /** Rows the table holds (after the filter). */
  rows: number
}

export interface BenchApi {
  load(input: BenchInput): Promise<void>
  /** Scrolls the table by `px` each frame for `frames` frames, then back to the top. */
  scroll(frames: number, px: number): Promise<FrameRun>
  /** Types `text` into the filter one character a frame (then clears it), as an analyst types. */
  filter(text: string): Promise<FrameRun>
  idle(frames: number): Promise<FrameRun>
}

export interface BenchGlobal {
  bench: BenchApi
}
