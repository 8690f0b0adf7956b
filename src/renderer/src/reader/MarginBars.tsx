/**
 * The margin beside the text: one thin bar per highlight per tag colour, in lanes so
 * overlapping highlights sit side by side. Each highlight is one button (its bars side by
 * side inside it) named "Highlight: <tags> — <first words>", which opens it for editing.
 * The bars are one tab stop; arrow keys move between them in text order.
 */
import { memo, useRef, useState, type KeyboardEvent } from 'react'
import type { HighlightId } from '../../../core/ids'
import { slotColor } from './color-slots'
import type { BarLayout } from './useHighlightPaint'

interface Props {
  layout: BarLayout
  labels: ReadonlyMap<HighlightId, string>
  activeId: HighlightId | null
  onPick(id: HighlightId): void
  onHover(id: HighlightId | null): void
}

/** Lane pitch in px (bar width plus gap). */
export const LANE_PX = 6

export const MarginBars = memo(function MarginBars({ layout, labels, activeId, onPick, onHover }: Props) {
  const [focusId, setFocusId] = useState<HighlightId | null>(null)
  const list = useRef<HTMLDivElement>(null)
  const ordered = layout.bars
  const tabId = ordered.some((b) => b.id === focusId) ? focusId : (ordered[0]?.id ?? null)

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return
    const at = ordered.findIndex((b) => b.id === tabId)
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? ordered.length - 1 : Math.max(0, Math.min(ordered.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))
    const target = ordered[next]
    if (!target) return
    e.preventDefault()
    setFocusId(target.id)
    list.current?.querySelector<HTMLButtonElement>(`[data-highlight-id="${CSS.escape(target.id)}"]`)?.focus()
  }

  return (
    <div
      ref={list}
      className="margin-bars"
      role="group"
      aria-label="Highlights in the margin"
      style={{ width: `${Math.max(1, layout.laneCount) * LANE_PX}px` }}
      onKeyDown={onKeyDown}
    >
      {ordered.map((bar) => (
        <button
          key={bar.id}
          type="button"
          className={bar.id === activeId ? 'margin-bar is-active' : 'margin-bar'}
          data-highlight-id={bar.id}
          tabIndex={bar.id === tabId ? 0 : -1}
          aria-label={`Highlight: ${labels.get(bar.id) ?? ''}`}
          title={labels.get(bar.id)}
          style={{ top: `${bar.top}px`, height: `${bar.height}px`, right: `${bar.lane * LANE_PX}px`, width: `${bar.slots.length * LANE_PX}px` }}
          onClick={() => onPick(bar.id)}
          onFocus={() => setFocusId(bar.id)}
          onMouseEnter={() => onHover(bar.id)}
          onMouseLeave={() => onHover(null)}
        >
          {bar.slots.map((slot) => (
            <span key={slot} className="margin-bar-stripe" style={{ backgroundColor: slotColor(slot) }} />
          ))}
        </button>
      ))}
    </div>
  )
})
