/**
 * Pure layout of highlights over an article: which paragraphs hold which segments, which
 * highlights no longer match their stored position (shown as unplaced, never dropped),
 * and how a segment covered by one or more highlights is painted.
 *
 * Painting: the first covering highlight's first tag colour fills the background at a
 * low, theme-dependent alpha (--mark-alpha), so text stays readable in both themes; every
 * further colour (more tags, or more overlapping highlights) adds a solid band at the
 * bottom through an inset box-shadow, so overlaps stay visible.
 */
import type { CSSProperties } from 'react'
import { segmentRange, type Segment, type Span } from '../../core/highlight-segments'
import type { HighlightId, TagId } from '../../core/ids'
import type { Highlight, Tag } from '../../core/model'
import { targetMatches } from '../../core/selectors'
import { splitParagraphs } from '../../core/text'

/** Colour of a highlight without tags (a comment only). */
export const NEUTRAL_MARK_COLOR = 'var(--mark-neutral)'
const BAND_PX = 3
const MAX_BANDS = 3

export interface LaidOutParagraph {
  start: number
  end: number
  segments: Segment[]
}

export interface ArticleLayout {
  paragraphs: LaidOutParagraph[]
  /** Highlights whose stored quote no longer sits at their offsets. */
  unplaced: Set<HighlightId>
}

/** Highlights whose stored quote is no longer at their offsets (drawn nowhere, listed with a warning). */
export function findUnplaced(text: string, highlights: readonly Highlight[]): Set<HighlightId> {
  return new Set(highlights.filter((h) => !targetMatches(text, h.target)).map((h) => h.id))
}

export function layoutArticle(text: string, highlights: readonly Highlight[]): ArticleLayout {
  const unplaced = findUnplaced(text, highlights)
  const spans: Span[] = highlights
    .filter((h) => !unplaced.has(h.id))
    .map((h) => ({ id: h.id, start: h.target.start, end: h.target.end }))
  const paragraphs = splitParagraphs(text).map((p) => ({ ...p, segments: segmentRange(p.start, p.end, spans) }))
  return { paragraphs, unplaced }
}

/** A highlight's colours: one per known tag, or the neutral colour. */
export function highlightColors(highlight: Highlight, tagsById: ReadonlyMap<TagId, Tag>): string[] {
  const colors = highlight.tagIds.flatMap((id) => {
    const tag = tagsById.get(id)
    return tag ? [tag.color] : []
  })
  return colors.length > 0 ? colors : [NEUTRAL_MARK_COLOR]
}

/** Inline style of a <mark> covered by `ids` (in segmentRange's order). */
export function markStyle(ids: readonly HighlightId[], colorsById: ReadonlyMap<HighlightId, string[]>): CSSProperties {
  const colors = ids.flatMap((id) => colorsById.get(id) ?? [NEUTRAL_MARK_COLOR])
  const [first = NEUTRAL_MARK_COLOR, ...rest] = colors
  // Two highlights of the same single colour still get a band, so the overlap shows.
  const extraHighlights = Math.max(0, ids.length - 1)
  const bands = rest.length > 0 ? rest : Array.from({ length: extraHighlights }, () => first)
  const style: CSSProperties = {
    backgroundColor: `color-mix(in srgb, ${first} var(--mark-alpha), transparent)`,
  }
  if (bands.length > 0) {
    style.boxShadow = bands
      .slice(0, MAX_BANDS)
      .map((color, i) => `inset 0 -${(i + 1) * BAND_PX}px 0 ${color}`)
      .join(', ')
  }
  return style
}

/** The most specific (shortest) of the highlights covering a clicked mark. */
export function pickInnermost(ids: readonly HighlightId[], byId: ReadonlyMap<HighlightId, Highlight>): HighlightId | null {
  let best: Highlight | null = null
  for (const id of ids) {
    const h = byId.get(id)
    if (!h) continue
    if (!best || h.target.end - h.target.start < best.target.end - best.target.start) best = h
  }
  return best?.id ?? null
}
