/**
 * The map (issue 15, decision 55): the places of the notebook's entities that have
 * coordinates, each with the passages whose quote names it (after the figure's filters:
 * tags, a date range), projected onto a basemap passed in as GeoJSON. The basemap is
 * Natural Earth data (npm `world-atlas`) that main or the CLI reads and converts: the core
 * reads no file. Projection and paths are d3-geo's (Mercator fitted to the places).
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson'
import type { Entity } from '../entities'
import type { HighlightId, TagId, ArticleId } from '../ids'
import type { PassageFilter } from './passages'

/** Land and (optionally) borders, in GeoJSON (WGS84 longitude, latitude). */
export interface Basemap {
  land: Feature<Geometry> | FeatureCollection<Geometry>
  borders?: MultiLineString
  /** Credit line drawn on the map. */
  attribution: string
}

/** A passage as the map needs it: its quote (to find places), tags and event date, if any. */
export interface MapPassage {
  highlightId: HighlightId
  articleId: ArticleId
  quote: string
  tagIds: readonly TagId[]
  start?: string
  end?: string
}

export interface MapPlace {
  entityId: string
  name: string
  lat: number
  lon: number
  /** Passages (after the filters) whose quote names the place. */
  passages: MapPassage[]
  /** Mentions of the place in the notebook's articles (the mention index), when known. */
  mentions?: number
}

/**
 * Passages kept by a filter: any of the tags (none given: all), and when a date range is
 * given, only dated passages overlapping it.
 */
export function filterMapPassages(passages: readonly MapPassage[], filter: PassageFilter): MapPassage[] {
  const tags = filter.tagIds && filter.tagIds.length > 0 ? new Set(filter.tagIds) : null
  return passages.filter((p) => {
    if (tags && !p.tagIds.some((t) => tags.has(t))) return false
    if (!filter.from && !filter.to) return true
    if (!p.start || !p.end) return false
    return (!filter.from || p.end >= filter.from) && (!filter.to || p.start <= filter.to)
  })
}

/**
 * The places with coordinates and the passages naming each (`mentionsIn(quote)` gives the
 * entity ids a text names: the entities matcher), most passages first, then by name.
 */
export function placesOnMap(entities: readonly Entity[], passages: readonly MapPassage[], mentionsIn: (text: string) => string[], mentionCounts?: ReadonlyMap<string, number>): MapPlace[] {
  const places = new Map<string, MapPlace>()
  for (const e of entities) {
    if (e.type !== 'place' || !e.coordinates || !validCoordinates(e.coordinates.lat, e.coordinates.lon)) continue
    places.set(e.id, { entityId: e.id, name: e.name, lat: e.coordinates.lat, lon: e.coordinates.lon, passages: [], ...(mentionCounts ? { mentions: mentionCounts.get(e.id) ?? 0 } : {}) })
  }
  for (const p of passages) {
    for (const id of new Set(mentionsIn(p.quote))) places.get(id)?.passages.push(p)
  }
  return [...places.values()].sort((a, b) => b.passages.length - a.passages.length || a.name.localeCompare(b.name))
}

/** WGS84 degrees: latitude -90..90, longitude -180..180. */
export function validCoordinates(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
}

/**
 * A Mercator projection fitted to the places with passages (all places when none has
 * one) inside a width x height frame, with a margin of at least `padDegrees` around them.
 */
export function fitProjection(places: readonly MapPlace[], frame: { x: number; y: number; width: number; height: number }, padDegrees = 1.5): GeoProjection {
  const shown = places.some((p) => p.passages.length > 0) ? places.filter((p) => p.passages.length > 0) : places
  const lats = shown.map((p) => p.lat)
  const lons = shown.map((p) => p.lon)
  const [s, n] = lats.length > 0 ? [Math.min(...lats), Math.max(...lats)] : [30, 40]
  const [w, e] = lons.length > 0 ? [Math.min(...lons), Math.max(...lons)] : [30, 42]
  const pad = Math.max(padDegrees, (n - s) * 0.15, (e - w) * 0.15)
  const box: Feature<Geometry> = {
    type: 'Feature',
    properties: {},
    geometry: {
      type: 'MultiPoint',
      coordinates: [
        [Math.max(-180, w - pad), Math.max(-85, s - pad)],
        [Math.min(180, e + pad), Math.min(85, n + pad)],
      ],
    },
  }
  return geoMercator()
    .fitExtent([[frame.x, frame.y], [frame.x + frame.width, frame.y + frame.height]], box)
    .clipExtent([[frame.x, frame.y], [frame.x + frame.width, frame.y + frame.height]])
}

/** The SVG path data of a basemap layer under a projection (one decimal: sub-pixel is enough). */
export function pathData(projection: GeoProjection, geometry: Basemap['land'] | MultiLineString): string {
  return geoPath(projection).digits(1)(geometry) ?? ''
}
