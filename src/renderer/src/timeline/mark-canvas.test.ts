import { describe, expect, it } from 'vitest'
import type { ArticleId } from '../../../core/ids'
import { dayNumber } from '../../../core/timeline/event-date'
import { layoutTimeline, type LayoutItem } from '../../../core/timeline/layout'
import { hitMark, markBox, placeMarks, ROW } from './mark-canvas'

const lanes = [
  { key: 'a', label: 'A', color: '#E69F00' },
  { key: 'b', label: 'B', color: '#56B4E9' },
]
const item = (n: number, start: string, end = start): LayoutItem & { lane: string } => ({ articleId: `a-${n}` as ArticleId, start, end, precision: 'day', lane: n % 2 ? 'b' : 'a' })

describe('the canvas marks: where each is, and which the pointer is over', () => {
  const first = dayNumber('2025-01-01')
  const items = [item(0, '2025-01-05'), item(1, '2025-01-10', '2025-01-20'), ...Array.from({ length: 8 }, (_, i) => item(2 + 2 * i, '2025-01-25'))]
  const layout = layoutTimeline(items, lanes, (p) => [p.lane], { plotWidth: 600, domain: { firstDay: first, lastDay: first + 59 } })
  const { placed, laneTops } = placeMarks(layout)
  const px = 10
  const find = (kind: string) => placed.findIndex((p) => p.mark.kind === kind)

  it('places a day as a dot, a range as a bar, a dense day as a column, the second lane below the first', () => {
    expect(placed.map((p) => p.mark.kind).sort()).toEqual(['bin', 'point', 'span'])
    const dot = markBox(placed[find('point')]!, first, px)
    expect(dot).toEqual({ x: 4 * px + px / 2 - 5, y: 8 + ROW / 2 - 5, w: 10, h: 10 })
    const bar = markBox(placed[find('span')]!, first, px)
    expect([bar.x, bar.w]).toEqual([9 * px, 11 * px])
    expect(bar.y).toBeGreaterThanOrEqual(laneTops[1]!)
  })

  it('hits the mark under the pointer, a dot a little outside its edge, and nothing between marks', () => {
    const dot = markBox(placed[find('point')]!, first, px)
    expect(hitMark(placed, first, px, dot.x + 5, dot.y + 5)).toBe(find('point'))
    expect(hitMark(placed, first, px, dot.x - 1, dot.y - 1)).toBe(find('point'))
    const bar = markBox(placed[find('span')]!, first, px)
    expect(hitMark(placed, first, px, bar.x + bar.w - 1, bar.y + 1)).toBe(find('span'))
    const column = markBox(placed[find('bin')]!, first, px)
    expect(hitMark(placed, first, px, column.x + 2, column.y + column.h - 2)).toBe(find('bin'))
    expect(placed[find('bin')]!.mark.passages).toHaveLength(8)
    expect(hitMark(placed, first, px, dot.x + 40, dot.y + 5)).toBeNull()
  })
})
