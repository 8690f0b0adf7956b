import { describe, expect, it } from 'vitest'
import { GAP, placeToolbar } from './toolbar-place'

/** A 450 px tall reader (1024x640 with header and status bar), scrolled to 1000. */
const view = { viewTop: 1000, viewHeight: 450 }
const inView = (p: { top: number; scrollTop: number | null }, sel: { top: number; bottom: number }, height: number) => {
  const viewTop = p.scrollTop ?? view.viewTop
  const bottom = viewTop + view.viewHeight
  return { selection: sel.top >= viewTop && sel.top + 20 <= bottom, toolbar: p.top >= viewTop && p.top + height <= bottom, overlaps: p.top < sel.bottom && p.top + height > sel.top }
}

describe('placing the highlight toolbar', () => {
  it('goes below a selection with room below it, without scrolling', () => {
    expect(placeToolbar({ top: 1050, bottom: 1080, height: 230, ...view })).toEqual({ top: 1080 + GAP, scrollTop: null })
  })

  it('goes above a selection near the bottom of the view instead of scrolling it away', () => {
    const sel = { top: 1380, bottom: 1410 }
    const p = placeToolbar({ ...sel, height: 230, ...view })
    expect(p.scrollTop).toBeNull()
    expect(p.top + 230).toBeLessThanOrEqual(sel.top)
    expect(inView(p, sel, 230)).toEqual({ selection: true, toolbar: true, overlaps: false })
  })

  it('scrolls a selection in the middle of a short view so that both show, selection first', () => {
    const sel = { top: 1200, bottom: 1290 }
    const p = placeToolbar({ ...sel, height: 230, viewTop: 1000, viewHeight: 400 })
    expect(p.scrollTop).not.toBeNull()
    const viewTop = p.scrollTop!
    expect(sel.top).toBeGreaterThanOrEqual(viewTop)
    expect(p.top).toBe(sel.bottom + GAP)
    expect(p.top + 230).toBeLessThanOrEqual(viewTop + 400)
  })

  it('keeps the start of a selection taller than the view in sight', () => {
    const sel = { top: 1100, bottom: 1900 }
    const p = placeToolbar({ ...sel, height: 230, ...view })
    const viewTop = p.scrollTop!
    expect(sel.top).toBeGreaterThanOrEqual(viewTop)
    expect(p.top).toBeGreaterThanOrEqual(sel.top + 20)
    expect(p.top + 230).toBeLessThanOrEqual(viewTop + view.viewHeight)
  })
})
