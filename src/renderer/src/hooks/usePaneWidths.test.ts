import { describe, expect, it } from 'vitest'
import { ARTICLE_MIN, clampWidth, fitPanes, PANE_LIMITS, readCollapsed, readPaneWidths } from './usePaneWidths'

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

describe('fitting the panes to the window', () => {
  const chosen = { library: 260, panel: 300, libraryCollapsed: false, panelCollapsed: false }

  it('leaves them as chosen when the article has room', () => {
    expect(fitPanes(1280, chosen)).toEqual(chosen)
  })

  it('narrows them on a narrow window so the article keeps its minimum, never below a pane’s own minimum', () => {
    const fitted = fitPanes(1024, chosen)
    expect(fitted.libraryCollapsed).toBe(false)
    expect(1024 - fitted.library - fitted.panel).toBeGreaterThanOrEqual(ARTICLE_MIN)
    expect(fitted.panel).toBeGreaterThanOrEqual(PANE_LIMITS.min)
  })

  it('folds the library list to its rail when narrowing is not enough, and keeps a chosen collapse', () => {
    const fitted = fitPanes(700, chosen)
    expect(fitted.libraryCollapsed).toBe(true)
    expect(fitPanes(1280, { ...chosen, panelCollapsed: true }).panelCollapsed).toBe(true)
  })

  it('remembers a collapsed pane, and reads bad stored values as open', () => {
    expect(readCollapsed(storage(JSON.stringify({ libraryCollapsed: true })))).toEqual({ libraryCollapsed: true, panelCollapsed: false })
    expect(readCollapsed(storage('{oops'))).toEqual({ libraryCollapsed: false, panelCollapsed: false })
  })
})
