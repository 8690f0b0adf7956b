/**
 * The band of the text body (in px from its top) worth drawing margin bars for: the
 * scroll container's visible height plus a screen above and below, snapped to steps so
 * scrolling re-renders only when the band moves a step. Highlights outside the band are
 * neither registered with CSS.highlights nor given margin buttons (they are all listed in
 * the side panel, and come in as the band reaches them); with 1,000 highlights over 30
 * screens this keeps it to about a hundred.
 */
import { useEffect, useState, type RefObject } from 'react'

export interface Band {
  top: number
  bottom: number
}

const STEP = 600
/** Before the first measurement (and where there is no layout, as in jsdom): everything. */
export const EVERYTHING: Band = { top: -Infinity, bottom: Infinity }

export function bandFor(bodyTopInView: number, viewHeight: number): Band {
  const visibleTop = -bodyTopInView
  const top = Math.floor((visibleTop - viewHeight) / STEP) * STEP
  const bottom = Math.ceil((visibleTop + 2 * viewHeight) / STEP) * STEP
  return { top, bottom }
}

export function useVisibleBand(scroller: RefObject<HTMLElement | null>, body: RefObject<HTMLElement | null>): Band {
  const [band, setBand] = useState<Band>(EVERYTHING)
  useEffect(() => {
    const container = scroller.current
    const text = body.current
    if (!container || !text) return
    let frame = 0
    const update = () => {
      frame = 0
      const height = container.clientHeight
      if (height === 0) return // no layout (jsdom, hidden): keep drawing everything
      const next = bandFor(text.getBoundingClientRect().top - container.getBoundingClientRect().top, height)
      setBand((current) => (current.top === next.top && current.bottom === next.bottom ? current : next))
    }
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update)
    }
    update()
    container.addEventListener('scroll', schedule, { passive: true })
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule)
    observer?.observe(container)
    return () => {
      cancelAnimationFrame(frame)
      container.removeEventListener('scroll', schedule)
      observer?.disconnect()
    }
  }, [scroller, body])
  return band
}
