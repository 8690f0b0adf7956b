import { describe, expect, it } from 'vitest'
import { clampWidth, PANE_LIMITS, readPaneWidths } from './usePaneWidths'

const storage = (value: string | null) => ({ getItem: () => value })

describe('remembered pane widths', () => {
  it('reads what was stored', () => {
    expect(readPaneWidths(storage(JSON.stringify({ library: 300, panel: 240 })))).toEqual({ library: 300, panel: 240 })
  })

  it('falls back to defaults for nothing stored, bad JSON or missing fields', () => {
    const defaults = readPaneWidths(storage(null))
    expect(readPaneWidths(storage('{not json'))).toEqual(defaults)
    expect(readPaneWidths(storage(JSON.stringify({ library: 'wide' })))).toEqual(defaults)
    expect(readPaneWidths(undefined)).toEqual(defaults)
  })

  it('clamps stored and dragged widths so no pane can vanish or swallow the reader', () => {
    expect(readPaneWidths(storage(JSON.stringify({ library: 5, panel: 99999 })))).toEqual({ library: PANE_LIMITS.min, panel: PANE_LIMITS.max })
    expect(clampWidth(Number.NaN)).toBe(PANE_LIMITS.min)
    expect(clampWidth(250.6)).toBe(251)
  })
})
