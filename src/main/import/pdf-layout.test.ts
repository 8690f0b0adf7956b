import { describe, expect, it } from 'vitest'
import { joinPages, layoutPage, type TextRun } from './pdf-layout'

/** Lines of text as runs: one run per word (as many PDF producers write them), 0.5 em per character. */
function column(lines: string[], x: number, top: number, options: { size?: number; leading?: number; indent?: (i: number) => number } = {}): TextRun[] {
  const size = options.size ?? 10
  const leading = options.leading ?? 12
  return lines.flatMap((line, i) => {
    let cursor = x + (options.indent?.(i) ?? 0)
    return line.split(' ').map((word) => {
      const run = { str: word, x: cursor, y: top - i * leading, width: word.length * size * 0.5, size }
      cursor += run.width + size * 0.3
      return run
    })
  })
}
const text = (runs: TextRun[]): string => joinPages([layoutPage(runs)])

describe('reading order', () => {
  it('reads three columns under a headline left to right', () => {
    const runs = [
      ...column(['Ferry strike enters its second week'], 50, 760, { size: 20 }),
      ...column(['Left column, first line of it', 'ends here.'], 50, 700),
      ...column(['Middle column, first line of it', 'ends here.'], 230, 700),
      ...column(['Right column, first line of it', 'runs on'], 410, 700),
    ]
    expect(text(runs)).toBe('Ferry strike enters its second week\n\nLeft column, first line of it ends here.\n\nMiddle column, first line of it ends here.\n\nRight column, first line of it runs on')
  })

  it('does not take a bullet list or a one-row gap for columns; list items are paragraphs', () => {
    const bullets = [0, 1, 2].flatMap((i) => [
      { str: '•', x: 50, y: 700 - i * 12, width: 4, size: 10 },
      ...column([['first point of the list', 'second point', 'third point'][i]!], 66, 700 - i * 12),
    ])
    expect(text(bullets)).toBe('• first point of the list\n\n• second point\n\n• third point')
    const row = [...column(['Name'], 50, 600), ...column(['Value'], 400, 600)]
    expect(text(row)).toBe('Name Value')
  })

  it('skips fake-bold duplicates and orders right-to-left lines from the right', () => {
    const bold = [
      { str: 'Bold', x: 50, y: 700, width: 20, size: 10 },
      { str: 'Bold', x: 50.3, y: 700, width: 20, size: 10 },
      { str: 'text', x: 73, y: 700, width: 20, size: 10 },
    ]
    expect(text(bold)).toBe('Bold text')
    const rtl = [
      { str: 'مرحبا', x: 200, y: 700, width: 30, size: 10, rtl: true },
      { str: 'بالعالم', x: 160, y: 700, width: 35, size: 10, rtl: true },
    ]
    expect(text(rtl)).toBe('مرحبا بالعالم')
  })
})

describe('paragraphs', () => {
  const body = [
    'The harbour board met on Monday to discuss the repairs to the north',
    'breakwater, which were delayed by the storms in February and March.',
    'Work will start in May.',
    'Contractors have been asked to submit their bids by the end of the',
    'month, and the board will choose one of them at its next meeting.',
  ]

  it('starts a paragraph after a line that ended early at a sentence end, and at a larger gap', () => {
    expect(text(column(body, 50, 700))).toBe(`${body.slice(0, 3).join(' ')}\n\n${body.slice(3).join(' ')}`)
    const spaced = [...column(body.slice(0, 2), 50, 700), ...column(body.slice(3), 50, 660)]
    expect(text(spaced)).toBe(`${body.slice(0, 2).join(' ')}\n\n${body.slice(3).join(' ')}`)
  })

  it('starts a paragraph at a first-line indent and at a change of font size', () => {
    const indented = column(['First paragraph runs over two lines', 'and ends here without a short line', 'Second one starts indented and goes on', 'to the end.'], 50, 700, { indent: (i) => (i === 2 ? 15 : 0) })
    expect(text(indented)).toBe('First paragraph runs over two lines and ends here without a short line\n\nSecond one starts indented and goes on to the end.')
    const heading = [...column(['Repairs'], 50, 712, { size: 14 }), ...column(body.slice(0, 2), 50, 696)]
    expect(text(heading)).toBe(`Repairs\n\n${body.slice(0, 2).join(' ')}`)
  })

  it('joins a paragraph across pages only when it visibly runs on', () => {
    const page1 = layoutPage(column(['The board said the work would', 'cost more than'], 50, 100))
    const page2 = layoutPage(column(['expected, because of the storms.'], 50, 700))
    const page3 = layoutPage(column(['A new paragraph.'], 50, 700))
    expect(joinPages([page1, page2, page3])).toBe('The board said the work would cost more than expected, because of the storms.\n\nA new paragraph.')
  })

  it('drops bare page numbers at the top or bottom of a page so a paragraph runs on across them', () => {
    const page1 = layoutPage([...column(['Running header of the page'], 50, 780), ...column(['The board said the work would', 'cost more than'], 50, 700), ...column(['Page 1 of 2'], 280, 40)])
    const page2 = layoutPage([...column(['– 2 –'], 280, 780), ...column(['expected, because of the storms.', 'A second line here.'], 50, 700)])
    expect(joinPages([page1, page2])).toBe('Running header of the page\n\nThe board said the work would cost more than expected, because of the storms. A second line here.')
    expect(joinPages([layoutPage(column(['12'], 50, 700))])).toBe('12') // a page holding only a number keeps it
  })

  it('keeps line-end hyphens in a document that does not hyphenate words, and joins after a slash', () => {
    const filler = Array.from({ length: 24 }, (_, i) => `line ${i + 1} of a long paragraph that goes on and on without end`)
    const lines = [...filler.slice(0, 12), 'officials remained tight-', 'lipped about the roll-on/roll-off (RO/', 'RO) ships, and the ferries still waiting at anchor', ...filler.slice(12)]
    const joined = text(column(lines, 50, 760, { leading: 12 }))
    expect(joined).toContain('officials remained tight-lipped about the roll-on/roll-off (RO/RO) ships, and the ferries still waiting at anchor line 13')
  })

  it('returns nothing for a page without visible text', () => {
    expect(layoutPage([{ str: '  ', x: 0, y: 0, width: 5, size: 10 }])).toEqual({ paragraphs: [], endRoom: null, startsFlush: false })
    expect(joinPages([])).toBe('')
  })
})
