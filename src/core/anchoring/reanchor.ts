/**
 * Re-anchors every highlight of one article against its text. What cannot be anchored is
 * returned as an orphan (with its stored quote) for the caller to keep and list, never drop.
 */
import type { TextTarget } from '../model'
import { anchorTarget, type AnchorMethod } from './anchor'

export interface AnchoredHighlight<H> {
  highlight: H
  start: number
  end: number
  method: AnchorMethod
  score: number
}

export interface ReanchorResult<H> {
  /** In the order given. */
  anchored: AnchoredHighlight<H>[]
  /** In the order given. */
  orphans: H[]
}

/** Works for the model's `Highlight` and for anything else that carries a `target`. */
export function reanchorAll<H extends { target: TextTarget }>(text: string, highlights: readonly H[]): ReanchorResult<H> {
  const anchored: AnchoredHighlight<H>[] = []
  const orphans: H[] = []
  for (const highlight of highlights) {
    const anchor = anchorTarget(text, highlight.target)
    if (anchor === null) orphans.push(highlight)
    else anchored.push({ highlight, start: anchor.start, end: anchor.end, method: anchor.method, score: anchor.score })
  }
  return { anchored, orphans }
}
