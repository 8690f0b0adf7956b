/**
 * Paints the marked entity's mentions in the reader (issue 13; notes/reader.md) with the
 * CSS Custom Highlight API, like the highlights and over the same Text nodes, in two
 * layers of their own: `dossier-entity` (every mention: a double underline in the entity
 * colour, below the highlights' tag underlines) and `dossier-entity-current` (the mention
 * the panel's Previous/Next went to). Highlights keep their fills and lines, so a mention
 * inside or across overlapping highlights shows both. Nothing in the DOM changes.
 *
 * When the marked entity or its current mention changes, the reader scrolls to that
 * mention, first asking `ensureShown` to open a furniture fold that hides it (the mention
 * is painted once the fold's text is rendered).
 */
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { Mention } from '../../../core/entities'
import type { ToolbarAnchor } from '../components/HighlightToolbar'
import { HighlightPainter } from './css-highlights'
import type { MarkedEntity } from './entity-marks'
import { firstLineBox, liveRange, rangeBox } from './pointer'
import { anchorFor, scrollRangeIntoView } from './scroll-to'
import type { TextIndex } from './text-index'

export const ENTITY_NAME = 'dossier-entity'
export const ENTITY_CURRENT_NAME = 'dossier-entity-current'

/** The ranges of `mentions` in the rendered text (null where folded away), in mention order. */
export function mentionRanges(index: TextIndex, mentions: readonly Mention[]): (AbstractRange | null)[] {
  return mentions.map((m) => index.staticRangeFor(m.start, m.end))
}

export interface EntityMarks {
  /** Where the card of mention `index` goes (content coordinates), while one is asked for and rendered. */
  card: { index: number; anchor: ToolbarAnchor } | null
}

type Card = EntityMarks['card']

function sameCard(a: Card, b: Card): boolean {
  if (a === null || b === null) return a === b
  return a.index === b.index && a.anchor.top === b.anchor.top && a.anchor.left === b.anchor.left && a.anchor.bottom === b.anchor.bottom
}

interface Options {
  scroller: RefObject<HTMLElement | null>
  index(): TextIndex | null
  /** Changes after every paint pass of the highlights (the text's layout may have changed). */
  layoutSignal: unknown
  marked: MarkedEntity | null
  /** Opens the fold hiding text[start, end) if any; true when it had to. */
  ensureShown(start: number, end: number): boolean
  /** The mention whose card to show (hovered, or current), or null. */
  cardIndex: number | null
}

export function useEntityMarks({ scroller, index, layoutSignal, marked, ensureShown, cardIndex }: Options): EntityMarks {
  const painter = useRef<HighlightPainter | null>(null)
  const [card, setCard] = useState<Card>(null)
  const cached = useRef<{ index: TextIndex | null; mentions: readonly Mention[] | null; list: (AbstractRange | null)[] }>({ index: null, mentions: null, list: [] })
  /** The mention to scroll to once it is rendered ("entityId:index"), set when the mark moves. */
  const pending = useRef<string | null>(null)
  const seen = useRef<string | null>(null)

  useEffect(() => () => painter.current?.paint(new Map()), [])

  useLayoutEffect(() => {
    const key = marked ? `${marked.entity.entityId}:${marked.current}` : null
    if (key !== seen.current) pending.current = seen.current = key
    const idx = index()
    // The same Range objects while the layout and the entity stay, so painting again changes nothing.
    const mentions = marked?.entity.mentions ?? null
    if (cached.current.index !== idx || cached.current.mentions !== mentions) {
      cached.current = { index: idx, mentions, list: mentions && idx ? mentionRanges(idx, mentions) : [] }
    }
    const { list } = cached.current
    const all: AbstractRange[] = []
    const now: AbstractRange[] = []
    list.forEach((r, i) => {
      if (r) (i === marked?.current ? now : all).push(r)
    })
    painter.current ??= new HighlightPainter()
    painter.current.paint(
      new Map([
        [ENTITY_NAME, all],
        [ENTITY_CURRENT_NAME, now],
      ]),
    )
    const container = scroller.current
    if (marked && pending.current === key) {
      const mention = marked.entity.mentions[marked.current]
      const range = list[marked.current]
      if (!mention) {
        pending.current = null
      } else if (range && container) {
        pending.current = null
        scrollRangeIntoView(container, liveRange(range))
      } else if (!ensureShown(mention.start, mention.end)) {
        pending.current = null // nowhere to show it (not rendered, no fold to open)
      }
    }

    // The card's place: under the mention's first line (content coordinates, so scrolling does not move it).
    const range = cardIndex === null ? null : list[cardIndex]
    let next: Card = null
    if (range && container && cardIndex !== null) {
      const live = liveRange(range)
      const box = rangeBox(live)
      if (box.width > 0 || box.height > 0) next = { index: cardIndex, anchor: anchorFor(container, { left: firstLineBox(live).left, top: box.top, bottom: box.bottom }) }
    }
    // Placing the card depends on where the browser put the text: measured here, before paint.
    setCard((c) => (sameCard(c, next) ? c : next))
  }, [marked, index, layoutSignal, scroller, ensureShown, cardIndex])

  return { card }
}
