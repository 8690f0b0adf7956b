import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../ids'
import type { Tag } from '../model'
import { dayNumber } from './event-date'
import { layoutTimeline, ticks } from './layout'
import { entityLanes, numberSources, tagLanes, type ArticleRef, type DatedPassage } from './passages'
import { describePeriod, timelinePlotWidth, timelineSvg } from './timeline-svg'

const TAGS: Tag[] = [
  { id: 't-bases' as TagId, name: 'Bases', color: '#E69F00', description: '' },
  { id: 't-convoys' as TagId, name: 'Convoys', color: '#56B4E9', description: '' },
  { id: 't-talks' as TagId, name: 'Negotiations', color: '#009E73', description: '' },
]

let seq = 0
function passage(start: string, end = start, extra: Partial<DatedPassage> = {}): DatedPassage {
  seq++
  return {
    highlightId: `h-${String(seq).padStart(10, '0')}` as HighlightId,
    articleId: 'a-0000000001' as ArticleId,
    quote: `Passage ${seq}`,
    tagIds: ['t-bases' as TagId],
    start,
    end,
    precision: start === end ? 'day' : 'month',
    dateSource: 'suggested',
    decided: false,
    ...extra,
  }
}

const ARTICLES = new Map<string, ArticleRef>([
  ['a-0000000001', { id: 'a-0000000001' as ArticleId, title: 'Russia withdraws <equipment> & "more"', outlet: 'bne IntelliNews', published: '2024-12-15' }],
  ['a-0000000002', { id: 'a-0000000002' as ArticleId, title: 'Sparta docks at Tartous', outlet: null, published: null }],
])

describe('layoutTimeline', () => {
  it('draws a day as a point, a range as a span, marks approximate dates, and puts a passage in each of its tag lanes', () => {
    const day = passage('2024-12-13')
    const docking = passage('2025-01-21', '2025-01-22', { precision: 'day', tagIds: ['t-convoys' as TagId, 't-bases' as TagId] })
    const late = passage('2025-01-21', '2025-01-31', { precision: 'approximate', tagIds: ['t-convoys' as TagId] })
    const untagged = passage('2025-01-05', '2025-01-05', { tagIds: [] })
    const all = [day, docking, late, untagged]
    const { lanes, lanesOf } = tagLanes(all, TAGS)
    expect(lanes.map((l) => l.label)).toEqual(['Bases', 'Convoys', 'Untagged'])
    const layout = layoutTimeline(all, lanes, lanesOf)
    const bases = layout.lanes[0]!
    expect(bases.count).toBe(2)
    expect(bases.marks.map((m) => [m.kind, m.passages[0]!.highlightId, m.approximate])).toEqual([
      ['span', docking.highlightId, false],
      ['point', day.highlightId, false],
    ])
    const convoys = layout.lanes[1]!
    // Two overlapping spans: two rows, the longer first.
    expect(convoys.marks.map((m) => [m.kind, m.row, m.approximate, m.passages[0]!.highlightId])).toEqual([
      ['span', 0, true, late.highlightId],
      ['span', 1, false, docking.highlightId],
    ])
    expect(convoys.rows).toBe(2)
    expect(layout.lanes[2]!.marks.map((m) => m.passages[0]!.highlightId)).toEqual([untagged.highlightId])
    expect(layout.firstDay).toBeLessThan(dayNumber('2024-12-13'))
    expect(layout.lastDay).toBeGreaterThan(dayNumber('2025-01-31'))
  })

  it('chosen tags are the lanes, in the order given', () => {
    const all = [passage('2025-01-01', '2025-01-01', { tagIds: ['t-talks' as TagId, 't-bases' as TagId] })]
    const { lanes } = tagLanes(all, TAGS, ['t-talks' as TagId, 't-bases' as TagId])
    expect(lanes.map((l) => l.label)).toEqual(['Negotiations', 'Bases'])
  })

  it('lanes by entity: most passages first, and a lane for passages naming none', () => {
    const a = passage('2025-01-01')
    const b = passage('2025-01-02')
    const c = passage('2025-01-03')
    const names = new Map<string, { id: string; name: string }[]>([
      [a.highlightId, [{ id: 'e-tartus', name: 'Tartus' }, { id: 'e-khmeimim', name: 'Khmeimim' }]],
      [b.highlightId, [{ id: 'e-khmeimim', name: 'Khmeimim' }, { id: 'e-khmeimim', name: 'Khmeimim' }]],
    ])
    const { lanes, lanesOf } = entityLanes([a, b, c], (p) => names.get(p.highlightId) ?? [])
    expect(lanes.map((l) => l.label)).toEqual(['Khmeimim', 'Tartus', 'No entity named'])
    expect(layoutTimeline([a, b, c], lanes, lanesOf).lanes.map((l) => l.count)).toEqual([2, 1, 1])
  })

  it('a chosen domain (the app\'s zoom) sets the axis and the bins, not the passages\' days', () => {
    const inside = passage('2025-01-21')
    const lanes = tagLanes([inside], TAGS)
    const zoomed = layoutTimeline([inside], lanes.lanes, lanes.lanesOf, { plotWidth: 100, domain: { firstDay: dayNumber('2025-01-01'), lastDay: dayNumber('2025-01-31') } })
    expect([zoomed.firstDay, zoomed.lastDay]).toEqual([dayNumber('2025-01-01'), dayNumber('2025-01-31')])
    expect(zoomed.binDays).toBe(7)
    expect(zoomed.ticks.map((t) => t.label)).toEqual(['6 Jan', '13 Jan', '20 Jan', '27 Jan'])
  })

  it('10,000 passages: dense periods become counted columns, every passage is in exactly one mark of its lane, and marks stay few', () => {
    const many: DatedPassage[] = []
    for (let i = 0; i < 10_000; i++) {
      const day = new Date(Date.UTC(2024, 11, 1) + ((i * 7919) % 90) * 86_400_000).toISOString().slice(0, 10)
      const tag = TAGS[i % 3]!.id
      many.push(i % 10 === 0 ? passage(day, new Date(Date.parse(day) + 3 * 86_400_000).toISOString().slice(0, 10), { tagIds: [tag], precision: 'approximate' }) : passage(day, day, { tagIds: [tag] }))
    }
    const { lanes, lanesOf } = tagLanes(many, TAGS)
    const layout = layoutTimeline(many, lanes, lanesOf, { plotWidth: timelinePlotWidth(1200) })
    let marks = 0
    for (const lane of layout.lanes) {
      const ids = lane.marks.flatMap((m) => m.passages.map((p) => p.highlightId))
      expect(new Set(ids).size).toBe(ids.length)
      expect(ids.length).toBe(lane.count)
      marks += lane.marks.length
      expect(lane.rows).toBeLessThanOrEqual(4 + layout.maxStack)
    }
    expect(marks).toBeLessThan(600)
    expect(layout.lanes.flatMap((l) => l.marks).some((m) => m.kind === 'bin' && m.passages.length > 50)).toBe(true)
    const svg = timelineSvg(layout, { sources: numberSources(many, ARTICLES) })
    expect(svg.length).toBeLessThan(400_000)
    expect(parseErrors(svg)).toEqual([])
  })
})

describe('numberSources', () => {
  it('numbers articles by their earliest passage, undated ones (a map\'s) last', () => {
    const undatedFirst = [
      { articleId: 'a-0000000002' as ArticleId },
      { articleId: 'a-0000000001' as ArticleId, start: '2025-01-21' },
    ]
    expect(numberSources(undatedFirst, ARTICLES).map((s) => [s.number, s.articleId])).toEqual([
      [1, 'a-0000000001'],
      [2, 'a-0000000002'],
    ])
  })
})

describe('ticks', () => {
  it('weeks (Mondays) for a short axis, months for a year, years for decades', () => {
    expect(ticks(dayNumber('2025-01-01'), dayNumber('2025-01-20')).map((t) => t.label)).toEqual(['6 Jan', '13 Jan', '20 Jan'])
    expect(ticks(dayNumber('2024-11-20'), dayNumber('2025-02-10')).map((t) => t.label)).toEqual(['Dec', 'Jan 2025', 'Feb'])
    expect(ticks(dayNumber('1990-06-01'), dayNumber('2025-02-10')).map((t) => t.label)).toEqual(['1995', '2000', '2005', '2010', '2015', '2020', '2025'])
  })
})

describe('timelineSvg', () => {
  it('is well-formed SVG with a title, escaped quotes and titles, source numbers and a legend', () => {
    const hostile = passage('2024-12-13', '2024-12-13', { quote: 'Tartus <script>alert(1)</script> & "quoted"\u0007 end' })
    const docking = passage('2025-01-21', '2025-01-22', { articleId: 'a-0000000002' as ArticleId, precision: 'day', dateSource: 'analyst', decided: true })
    const all = [hostile, docking]
    const { lanes, lanesOf } = tagLanes(all, TAGS)
    const sources = numberSources(all, ARTICLES)
    expect(sources.map((s) => [s.number, s.title])).toEqual([
      [1, 'Russia withdraws <equipment> & "more"'],
      [2, 'Sparta docks at Tartous'],
    ])
    const svg = timelineSvg(layoutTimeline(all, lanes, lanesOf), { title: 'Bases & <withdrawal>', sources, undatedCount: 3 })
    expect(parseErrors(svg)).toEqual([])
    expect(svg).not.toContain('<script>')
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document
    expect(doc.querySelector('svg > title')!.textContent).toBe('Bases & <withdrawal>')
    expect(doc.documentElement.getAttribute('role')).toBe('img')
    const titles = [...doc.querySelectorAll('g.point > title, g.span > title')].map((t) => t.textContent)
    expect(titles).toEqual([
      `“${docking.quote}” [2], 21 January 2025 – 22 January 2025 (date set by the analyst)`,
      '“Tartus <script>alert(1)</script> & "quoted" end” [1], 13 December 2024 (suggested date)',
    ])
    expect(doc.querySelector(`g[data-highlights="${hostile.highlightId}"] text`)!.textContent).toBe('[1]')
    const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent)
    expect(texts).toContain('[1] Russia withdraws <equipment> & "more", bne IntelliNews, 15 December 2024')
    expect(texts).toContain('[2] Sparta docks at Tartous')
    expect(texts).toContain('3 passages have no event date and are not shown.')
    expect(texts).toContain('approximate period')
  })

  it('describes periods as a reader would say them', () => {
    expect(describePeriod({ start: '2025-01-21', end: '2025-01-21', precision: 'day' })).toBe('21 January 2025')
    expect(describePeriod({ start: '2025-01-01', end: '2025-01-31', precision: 'month' })).toBe('January 2025')
    expect(describePeriod({ start: '2015-01-01', end: '2015-12-31', precision: 'year' })).toBe('2015')
    expect(describePeriod({ start: '2025-01-21', end: '2025-01-31', precision: 'approximate' })).toBe('about 21 January 2025 – 31 January 2025')
  })
})

function parseErrors(svg: string): string[] {
  const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document
  return [...doc.getElementsByTagName('parsererror')].map((e) => e.textContent ?? 'parse error')
}
