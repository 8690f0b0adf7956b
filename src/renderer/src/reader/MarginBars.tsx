/**
 * The margin beside the text: one thin bar per highlight per tag colour, in lanes so
 * overlapping highlights sit side by side. Each highlight is one button (its colours as
 * stripes side by side) named "Highlight: <tags> — <first words>", which opens it for
 * editing. Only bars in the visible band (useVisibleBand.ts) are given. The bars
 * are one tab stop; arrow keys move between them in text order.
 */
import { memo, useRef, useState, type KeyboardEvent } from 'react'
import type { HighlightId } from '../../../core/ids'
import { dispatchKey } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import type { Labels } from './labels'
import { slotColor, type Slot } from './color-slots'
import type { BarLayout } from './useHighlightPaint'

interface Props {
  layout: BarLayout
  labels: Labels
  activeId: HighlightId | null
  onPick(id: HighlightId): void
  onHover(id: HighlightId | null): void
}

/** Lane pitch in px (bar width plus gap). */
export const LANE_PX = 6
const STRIPE_PX = 4

/** Stripes side by side, each STRIPE_PX wide with a gap, as one background. */
export function stripes(slots: readonly Slot[]): string {
  if (slots.length === 1) return slotColor(slots[0]!)
  const stops = slots.map((slot, i) => `${slotColor(slot)} ${i * LANE_PX}px ${i * LANE_PX + STRIPE_PX}px, transparent ${i * LANE_PX + STRIPE_PX}px ${(i + 1) * LANE_PX}px`)
  return `linear-gradient(to right, ${stops.join(', ')})`
}

interface BarProps {
  id: HighlightId
  top: number
  height: number
  lane: number
  slotKey: string
  label: string
  active: boolean
  tabbable: boolean
  onPick(id: HighlightId): void
  onHover(id: HighlightId | null): void
  onFocusBar(id: HighlightId): void
}

const Bar = memo(function Bar({ id, top, height, lane, slotKey, label, active, tabbable, onPick, onHover, onFocusBar }: BarProps) {
  const slots = slotKey.split(',').map((s) => (s === 'none' ? 'none' : Number(s))) as Slot[]
  return (
    <button
      type="button"
      className={active ? 'margin-bar is-active' : 'margin-bar'}
      data-highlight-id={id}
      tabIndex={tabbable ? 0 : -1}
      aria-label={`Highlight: ${label}`}
      title={label}
      style={{
        top: `${top}px`,
        height: `${height}px`,
        right: `${lane * LANE_PX}px`,
        width: `${(slots.length - 1) * LANE_PX + STRIPE_PX}px`,
        background: stripes(slots),
      }}
      onClick={() => onPick(id)}
      onFocus={() => onFocusBar(id)}
      onMouseEnter={() => onHover(id)}
      onMouseLeave={() => onHover(null)}
    />
  )
})

export const MarginBars = memo(function MarginBars({ layout, labels, activeId, onPick, onHover }: Props) {
  const [focusId, setFocusId] = useState<HighlightId | null>(null)
  const list = useRef<HTMLDivElement>(null)
  const shown = layout.bars
  const tabId = shown.some((b) => b.id === focusId) ? focusId : (shown[0]?.id ?? null)

  // The keymap's `margin` scope.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const taken = dispatchKey(e, 'margin', IS_MAC, {
      'margin.move': () => {
        const at = shown.findIndex((b) => b.id === tabId)
        const next = e.key === 'Home' ? 0 : e.key === 'End' ? shown.length - 1 : Math.max(0, Math.min(shown.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))
        const target = shown[next]
        if (!target) return false
        setFocusId(target.id)
        list.current?.querySelector<HTMLButtonElement>(`[data-highlight-id="${CSS.escape(target.id)}"]`)?.focus()
      },
    })
    if (taken) e.preventDefault()
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
      {shown.map((bar) => (
        <Bar
          key={bar.id}
          id={bar.id}
          top={bar.top}
          height={bar.height}
          lane={bar.lane}
          slotKey={bar.slots.join(',')}
          label={labels.get(bar.id) ?? ''}
          active={bar.id === activeId}
          tabbable={bar.id === tabId}
          onPick={onPick}
          onHover={onHover}
          onFocusBar={setFocusId}
        />
      ))}
    </div>
  )
})
