/**
 * The map as plain geometry for a renderer that is not SVG (the briefing PDF draws it with
 * its own vector paths): the basemap's land and borders as path data projected into a
 * frame, and each place's position, radius, label and the source numbers of its passages.
 * Same projection and sizing as map-svg.ts (fitProjection, one decimal in paths), so the
 * PDF and the Markdown's SVG show the same map.
 */
import { fitProjection, pathData, type Basemap, type MapPlace } from './map'

export interface MapGeometryPlace {
  name: string
  x: number
  y: number
  r: number
  /** Passages naming it (0: a small grey dot, not labelled). */
  count: number
  /** Source numbers of those passages, ascending. */
  cites: number[]
}

export interface MapGeometry {
  width: number
  height: number
  /** SVG path data (absolute coordinates in the width x height frame). */
  land: string
  borders: string
  /** Largest first, so a renderer drawing in order never hides a small place under a large one. */
  places: MapGeometryPlace[]
  /** Passage counts the legend shows (1, and the largest). */
  legendCounts: number[]
  /** The factor radii are multiplied by (placeRadius). */
  scale: number
  attribution: string
}

/** Radius of a place with `count` passages, when the largest has `maxCount`. */
export function placeRadius(count: number, maxCount: number, scale = 1): number {
  return count === 0 ? 2.5 * scale : (4 + 16 * Math.sqrt(count / Math.max(1, maxCount))) * scale
}

export function mapGeometry(places: readonly MapPlace[], basemap: Basemap, sourceOf: ReadonlyMap<string, number>, size: { width: number; height: number; scale?: number }): MapGeometry {
  const frame = { x: 0, y: 0, width: size.width, height: size.height }
  const projection = fitProjection(places, frame)
  const maxCount = Math.max(1, ...places.map((p) => p.passages.length))
  const scale = size.scale ?? 1
  const out: MapGeometryPlace[] = []
  for (const place of [...places].sort((a, b) => b.passages.length - a.passages.length)) {
    const at = projection([place.lon, place.lat])
    if (!at || at[0] < 0 || at[0] > size.width || at[1] < 0 || at[1] > size.height) continue
    const cites = [...new Set(place.passages.map((p) => sourceOf.get(p.articleId)).filter((s): s is number => s !== undefined))].sort((a, b) => a - b)
    out.push({ name: place.name, x: at[0], y: at[1], r: placeRadius(place.passages.length, maxCount, scale), count: place.passages.length, cites })
  }
  return {
    width: size.width,
    height: size.height,
    land: pathData(projection, basemap.land),
    borders: basemap.borders ? pathData(projection, basemap.borders) : '',
    places: out,
    legendCounts: maxCount === 1 ? [1] : [1, maxCount],
    scale,
    attribution: basemap.attribution,
  }
}
