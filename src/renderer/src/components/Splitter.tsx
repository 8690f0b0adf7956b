/**
 * A vertical splitter between two panes (role "separator", focusable): drag it with the
 * mouse, or use Left/Right (Shift for bigger steps) and Home/End with the keyboard.
 * `side` says which pane it resizes: the one to its left or to its right.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { PANE_LIMITS } from '../hooks/usePaneWidths'

interface Props {
  label: string
  width: number
  side: 'left' | 'right'
  onResize(width: number): void
}

export function Splitter({ label, width, side, onResize }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  const sign = side === 'left' ? 1 : -1

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { x: e.clientX, width }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    onResize(drag.current.width + sign * (e.clientX - drag.current.x))
  }
  const onPointerUp = () => {
    drag.current = null
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 48 : 16
    if (e.key === 'ArrowLeft') onResize(width - sign * step)
    else if (e.key === 'ArrowRight') onResize(width + sign * step)
    else if (e.key === 'Home') onResize(PANE_LIMITS.min)
    else if (e.key === 'End') onResize(PANE_LIMITS.max)
    else return
    e.preventDefault()
  }

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={PANE_LIMITS.min}
      aria-valuemax={PANE_LIMITS.max}
      tabIndex={0}
      className="splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
