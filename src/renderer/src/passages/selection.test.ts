import { describe, expect, it } from 'vitest'
import { emptySelection, extendTo, keepShown, selectOnly, toggle } from './selection'

const order = ['a', 'b', 'c', 'd', 'e']
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort()

describe('the passages table selection', () => {
  it('selects one row on a click, toggles with Ctrl, and extends a range from the anchor with Shift', () => {
    let s = selectOnly(order, 1)
    expect(ids(s)).toEqual(['b'])
    s = toggle(s, order, 3)
    expect(ids(s)).toEqual(['b', 'd'])
    s = extendTo(s, order, 4)
    expect(ids(s)).toEqual(['b', 'd', 'e'])
    s = toggle(s, order, 1)
    expect(ids(s)).toEqual(['d', 'e'])
  })
  it('extends from the row itself when nothing was anchored, and drops rows a filter hid', () => {
    expect(ids(extendTo(emptySelection<string>(), order, 2))).toEqual(['c'])
    expect(ids(keepShown(extendTo(selectOnly(order, 0), order, 3), new Set(['b', 'c', 'e'])))).toEqual(['b', 'c'])
  })
})
