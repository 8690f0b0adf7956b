import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import type { Entity, EntityId } from '../entities'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { filterMapPassages, fitProjection, placesOnMap, validCoordinates, type Basemap, type MapPassage } from './map'
import { mapSvg } from './map-svg'

const place = (id: string, name: string, lat: number, lon: number): Entity => ({ id: id as EntityId, name, type: 'place', coordinates: { lat, lon }, aliases: [] })
const ENTITIES: Entity[] = [
  place('e-tartus', 'Tartus <port> & "base"', 34.889, 35.887),
  place('e-latakia', 'Latakia', 35.52, 35.79),
  place('e-damascus', 'Damascus', 33.513, 36.292),
  { id: 'e-sharaa' as EntityId, name: 'al-Sharaa', type: 'person', aliases: [] },
]
/** A square of "land" around the eastern Mediterranean coast: the basemap the core is given. */
const BASEMAP: Basemap = {
  land: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[35.5, 32], [35.5, 38], [42, 38], [42, 32], [35.5, 32]]] } },
  borders: { type: 'MultiLineString', coordinates: [[[36, 33], [38, 37]]] },
  attribution: 'Test basemap',
}
const passage = (n: number, quote: string, extra: Partial<MapPassage> = {}): MapPassage => ({ highlightId: `h-${String(n).padStart(10, '0')}` as HighlightId, articleId: 'a-0000000001' as ArticleId, quote, tagIds: ['t-bases' as TagId], ...extra })
const naming = (text: string) => ENTITIES.filter((e) => text.includes(e.name.split(' ')[0]!)).map((e) => e.id as string)

describe('placesOnMap', () => {
  it('keeps places with coordinates, counts the passages naming each, most first', () => {
    const passages = [passage(1, 'ships at Tartus'), passage(2, 'Tartus and Latakia'), passage(3, 'al-Sharaa spoke')]
    const places = placesOnMap(ENTITIES, passages, naming, new Map([['e-tartus', 7]]))
    expect(places.map((p) => [p.name, p.passages.length, p.mentions])).toEqual([
      ['Tartus <port> & "base"', 2, 7],
      ['Latakia', 1, 0],
      ['Damascus', 0, 0],
    ])
  })

  it('leaves out coordinates outside WGS84', () => {
    expect(validCoordinates(91, 0)).toBe(false)
    expect(validCoordinates(0, -180.5)).toBe(false)
    expect(validCoordinates(Number.NaN, 0)).toBe(false)
    expect(validCoordinates(-90, 180)).toBe(true)
    expect(placesOnMap([place('e-bad', 'Nowhere', 95, 10)], [], naming)).toEqual([])
  })
})

describe('filterMapPassages', () => {
  const dated = passage(1, 'Tartus', { start: '2025-01-21', end: '2025-01-22' })
  const undated = passage(2, 'Latakia', { tagIds: ['t-convoys' as TagId] })
  it('by tag, and by date range (which leaves undated passages out)', () => {
    expect(filterMapPassages([dated, undated], {}).length).toBe(2)
    expect(filterMapPassages([dated, undated], { tagIds: ['t-convoys' as TagId] })).toEqual([undated])
    expect(filterMapPassages([dated, undated], { from: '2025-01-22' })).toEqual([dated])
    expect(filterMapPassages([dated, undated], { to: '2025-01-20' })).toEqual([])
  })
})

describe('mapSvg', () => {
  it('fits the places with passages, draws the basemap, sized circles with titles, and escapes names', () => {
    const places = placesOnMap(ENTITIES, [passage(1, 'Tartus'), passage(2, 'Tartus'), passage(3, 'Latakia', { articleId: 'a-0000000002' as ArticleId })], naming)
    const svg = mapSvg(places, BASEMAP, {
      title: 'Bases & <ports>',
      sources: [
        { number: 1, articleId: 'a-0000000001' as ArticleId, title: 'One', outlet: null, published: '2024-12-15' },
        { number: 2, articleId: 'a-0000000002' as ArticleId, title: 'Two', outlet: 'Outlet', published: null },
      ],
    })
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.querySelector('svg > title')!.textContent).toBe('Bases & <ports>')
    expect(doc.querySelectorAll('g.basemap path')).toHaveLength(2)
    const circles = [...doc.querySelectorAll('g.place')].map((g) => [g.querySelector('title')!.textContent, Number(g.querySelector('circle')!.getAttribute('r'))])
    expect(circles.map(([t]) => t)).toEqual(['Tartus <port> & "base": 2 passages (sources [1])', 'Latakia: 1 passage (sources [2])', 'Damascus: 0 passages'])
    const [tartus, latakia, damascus] = circles.map(([, r]) => r as number)
    expect(tartus).toBeGreaterThan(latakia!)
    expect(damascus).toBeLessThan(latakia!)
    expect([...doc.querySelectorAll('text[data-source]')].map((t) => t.textContent)).toEqual(['[1] One, 15 December 2024', '[2] Two, Outlet'])
  })

  it('the projection frames the places with passages inside the drawing', () => {
    const places = placesOnMap(ENTITIES, [passage(1, 'Tartus'), passage(2, 'Latakia')], naming)
    const frame = { x: 16, y: 52, width: 968, height: 632 }
    const projection = fitProjection(places, frame)
    for (const p of places.filter((x) => x.passages.length > 0)) {
      const [x, y] = projection([p.lon, p.lat])!
      expect(x).toBeGreaterThan(frame.x)
      expect(x).toBeLessThan(frame.x + frame.width)
      expect(y).toBeGreaterThan(frame.y)
      expect(y).toBeLessThan(frame.y + frame.height)
    }
  })
})
