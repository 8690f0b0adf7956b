import { describe, expect, it } from 'vitest'
import { fitViewport, MAX_SPAN, MIN_SPAN, pan, span, viewportDays, windowFor, zoom } from './viewport'
import { dayNumber } from '../../../core/timeline/event-date'

describe('the timeline viewport', () => {
  it('fits every passage with a margin, and widens a single day to a week', () => {
    const a = dayNumber('2024-12-13')
    const b = dayNumber('2025-01-22')
    const fit = fitViewport([{ start: a, end: a }, { start: dayNumber('2025-01-21'), end: b }])
    expect(fit.first).toBeLessThan(a)
    expect(fit.last).toBeGreaterThan(b + 1)
    expect(viewportDays(fit)).toEqual({ from: '2024-12-12', to: '2025-01-23' })
    expect(span(fitViewport([{ start: a, end: a }]))).toBe(MIN_SPAN)
  })

  it('zooms about the anchor, within a week and two centuries', () => {
    const v = { first: 0, last: 100 }
    expect(zoom(v, 2, 0)).toEqual({ first: 0, last: 50 })
    expect(zoom(v, 2, 1)).toEqual({ first: 50, last: 100 })
    expect(span(zoom(v, 1000))).toBe(MIN_SPAN)
    expect(span(zoom(v, 1e-6))).toBe(MAX_SPAN)
  })

  it('pans by a share of the span, and keeps one laid-out window while the view stays inside it', () => {
    const v = { first: 100, last: 110 }
    expect(pan(v, -0.5)).toEqual({ first: 95, last: 105 })
    const win = windowFor(v)
    expect(win).toEqual({ first: 90, last: 120 })
    expect(windowFor(pan(v, 0.9))).toEqual(win)
    expect(windowFor(pan(v, 1.1))).not.toEqual(win)
    for (const shift of [0, 0.3, 0.99]) {
      const moved = pan(v, shift)
      expect(moved.first).toBeGreaterThanOrEqual(windowFor(moved).first)
      expect(moved.last).toBeLessThanOrEqual(windowFor(moved).last)
    }
  })
})
