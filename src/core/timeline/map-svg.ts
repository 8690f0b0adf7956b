/**
 * The map as an SVG document: the basemap (land, borders), each place a circle whose area
 * follows its passage count (places no passage names: a small grey dot), labels, a legend
 * of sizes and the numbered sources of the passages shown. Pure string building; every
 * text escaped; the figure and each place carry a <title>.
 */
import { formatCitationDate } from '../dates'
import { fitProjection, pathData, type Basemap, type MapPlace } from './map'
import type { NumberedSource } from './passages'
import { n, shorten, xml } from './svg-text'

export interface MapSvgOptions {
  title?: string
  width?: number
  height?: number
  sources: readonly NumberedSource[]
  /** The filters, said under the title (e.g. "Tags: Bases; 1 December 2024 – 31 January 2025"). */
  subtitle?: string
}

const MARGIN = 16
const FONT = "'Noto Sans', 'Helvetica Neue', Arial, sans-serif"
const PLACE = '#0072B2'

export function mapSvg(places: readonly MapPlace[], basemap: Basemap, options: MapSvgOptions): string {
  const width = options.width ?? 1000
  const height = options.height ?? 700
  const title = options.title ?? 'Places named in the passages'
  const frame = { x: MARGIN, y: 52, width: width - 2 * MARGIN, height: height - 52 - MARGIN }
  const projection = fitProjection(places, frame)
  const maxCount = Math.max(1, ...places.map((p) => p.passages.length))
  const radius = (count: number) => (count === 0 ? 2.5 : 4 + 16 * Math.sqrt(count / maxCount))
  const sourceOf = new Map(options.sources.map((s) => [s.articleId as string, s.number]))
  const withPassages = places.filter((p) => p.passages.length > 0)

  const out: string[] = []
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="map-title map-desc" font-family="${FONT}" width="${width}" height="HEIGHT" viewBox="0 0 ${width} HEIGHT">`)
  out.push(`<title id="map-title">${xml(title)}</title>`)
  const desc = withPassages.length === 0 ? `${places.length} places; no passage names any of them` : `${withPassages.length} of ${places.length} places named by passages: ${withPassages.slice(0, 8).map((p) => `${p.name} (${p.passages.length})`).join(', ')}${withPassages.length > 8 ? ', …' : ''}`
  out.push(`<desc id="map-desc">${xml(`${desc}.`)}</desc>`)
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`)
  out.push(`<text x="${MARGIN}" y="24" font-size="15" font-weight="bold" fill="#111827">${xml(shorten(title, 110))}</text>`)
  if (options.subtitle) out.push(`<text x="${MARGIN}" y="42" font-size="10" fill="#4b5563">${xml(shorten(options.subtitle, 160))}</text>`)
  out.push(`<g class="basemap" aria-hidden="true"><rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" fill="#dbeafe"/>`)
  out.push(`<path d="${pathData(projection, basemap.land)}" fill="#f5f5f4" stroke="#a8a29e" stroke-width="0.6"/>`)
  if (basemap.borders) out.push(`<path d="${pathData(projection, basemap.borders)}" fill="none" stroke="#a8a29e" stroke-width="0.6" stroke-dasharray="2 2"/>`)
  out.push(`<rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" fill="none" stroke="#9ca3af"/></g>`)

  // Smaller circles last, so a large one never hides a small one.
  const inside = (x: number, y: number) => x >= frame.x && x <= frame.x + frame.width && y >= frame.y && y <= frame.y + frame.height
  for (const place of [...places].sort((a, b) => b.passages.length - a.passages.length)) {
    const at = projection([place.lon, place.lat])
    if (!at || !inside(at[0], at[1])) continue
    const [x, y] = at
    const r = radius(place.passages.length)
    const cites = [...new Set(place.passages.map((p) => sourceOf.get(p.articleId)).filter((s): s is number => s !== undefined))].sort((a, b) => a - b)
    const tip = `${place.name}: ${place.passages.length} passage${place.passages.length === 1 ? '' : 's'}${cites.length > 0 ? ` (sources ${cites.map((c) => `[${c}]`).join(' ')})` : ''}${place.mentions === undefined ? '' : `; ${place.mentions} mention${place.mentions === 1 ? '' : 's'} in the notebook`}`
    const ids = xml(place.passages.map((p) => p.highlightId).join(' '))
    const circle = place.passages.length === 0 ? `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="#9ca3af"/>` : `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${PLACE}" fill-opacity="0.55" stroke="${PLACE}" stroke-width="1.2"/>`
    // Only places with passages are labelled: a gazetteer's dots would bury each other's names (each keeps its <title>).
    const label = place.passages.length === 0 ? '' : `<text x="${n(x + r + 3)}" y="${n(y + 3)}" font-size="10" fill="#111827" stroke="#ffffff" stroke-width="2.5" paint-order="stroke">${xml(shorten(place.name, 40))} ${place.passages.length}</text>`
    out.push(`<g class="place" data-entity="${xml(place.entityId)}" data-highlights="${ids}"><title>${xml(tip)}</title>${circle}${label}</g>`)
  }
  out.push(`<text x="${frame.x + frame.width - 4}" y="${frame.y + frame.height - 6}" font-size="8" text-anchor="end" fill="#4b5563">${xml(basemap.attribution)}</text>`)

  const big = radius(maxCount)
  let y = height + 8 + big
  out.push(`<g class="legend" aria-label="Legend"><title>Legend</title>`)
  let x = MARGIN
  for (const count of maxCount === 1 ? [1] : [1, maxCount]) {
    const r = radius(count)
    out.push(`<circle cx="${n(x + r)}" cy="${n(y)}" r="${n(r)}" fill="${PLACE}" fill-opacity="0.55" stroke="${PLACE}"/><text x="${n(x + 2 * r + 5)}" y="${n(y + 4)}" font-size="10" fill="#374151">${count} passage${count === 1 ? '' : 's'}</text>`)
    x += 2 * r + 80
  }
  out.push(`<circle cx="${n(x + 3)}" cy="${n(y)}" r="2.5" fill="#9ca3af"/><text x="${n(x + 10)}" y="${n(y + 4)}" font-size="10" fill="#374151">a place no passage shown names (its name on hover)</text></g>`)
  y += big + 24
  if (options.sources.length > 0) {
    out.push(`<text x="${MARGIN}" y="${y}" font-size="11" font-weight="bold" fill="#111827">Sources</text>`)
    y += 16
    for (const s of options.sources) {
      const line = `[${s.number}] ${s.title}${s.outlet ? `, ${s.outlet}` : ''}${s.published ? `, ${formatCitationDate(s.published)}` : ''}`
      out.push(`<text x="${MARGIN}" y="${y}" font-size="10" fill="#1f2937" data-source="${s.number}">${xml(shorten(line, 150))}</text>`)
      y += 14
    }
  }
  out.push('</svg>')
  return `${out.join('\n').replace(/HEIGHT/g, String(y + MARGIN))}\n`
}
