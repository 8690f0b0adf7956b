/**
 * The Timeline view's map (issue 15, decision 55): the places of the notebook's entities
 * that have coordinates, on the offline Natural Earth basemap (main sends it once; d3-geo
 * projects it here, with the same fitted Mercator as the briefing figure), each a circle
 * sized by its passages or its mentions, its name beside it. A place is a button: it
 * lists its passages beside the map, each opening the reader.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import type { MapData, MapPlaceData } from '../../../../core/api-timeline'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import { fitProjection, pathData, type Basemap, type MapPlace } from '../../../../core/timeline/map'
import { api } from '../../api'
import { excerpt } from '../../article-format'
import { plural } from '../../plural'

/** The basemap is the same for every notebook: fetched once per window. */
let basemap: Promise<Basemap | null> | null = null
function loadBasemap(): Promise<Basemap | null> {
  basemap ??= api.getBasemap().then((r) => (r.ok ? r.value : null))
  return basemap
}

interface Props {
  data: MapData
  sizeBy: 'passages' | 'mentions'
  width: number
  height: number
  onOpen(articleId: ArticleId, highlightId: HighlightId): void
}

export function MapPanel({ data, sizeBy, width, height, onOpen }: Props) {
  const [land, setLand] = useState<Basemap | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void loadBasemap().then((b) => live && setLand(b))
    return () => {
      live = false
    }
  }, [])

  const passages = useMemo(() => new Map(data.passages.map((p) => [p.highlightId as string, p])), [data.passages])
  const mapWidth = Math.max(240, width - 300)
  const projection = useMemo(() => {
    const asPlaces = data.places.map((p): MapPlace => ({ entityId: p.entityId, name: p.name, lat: p.lat, lon: p.lon, passages: p.passageIds.flatMap((id) => passages.get(id) ?? []).map((m) => ({ ...m, tagIds: [] })) }))
    return fitProjection(asPlaces, { x: 0, y: 0, width: mapWidth, height })
  }, [data.places, height, mapWidth, passages])
  const paths = useMemo(() => (land ? { land: pathData(projection, land.land), borders: land.borders ? pathData(projection, land.borders) : '' } : null), [land, projection])

  const measure = (p: MapPlaceData) => (sizeBy === 'passages' ? p.passageIds.length : p.mentions)
  const max = Math.max(1, ...data.places.map(measure))
  const place = data.places.find((p) => p.entityId === selected) ?? null
  const onKey = (e: KeyboardEvent, id: string) => {
    if (e.key !== 'Enter' && e.key !== ' ') return
    e.preventDefault()
    setSelected(id)
  }

  return (
    <div className="map-panel">
      <svg className="map-svg" width={mapWidth} height={height} role="group" aria-label={`Map of ${plural(data.places.length, 'place')}, sized by ${sizeBy}`}>
        <rect width={mapWidth} height={height} className="map-sea" />
        {paths && <path d={paths.land} className="map-land" />}
        {paths?.borders && <path d={paths.borders} className="map-borders" />}
        {/* Places with nothing to show first, under the others; only those with something are named on the map. */}
        {[...data.places].sort((a, b) => measure(a) - measure(b)).map((p) => {
          const xy = projection([p.lon, p.lat])
          if (!xy) return null
          const n = measure(p)
          const r = n === 0 ? 3 : 4 + 16 * Math.sqrt(n / max)
          return (
            <g
              key={p.entityId}
              className={p.entityId === selected ? 'map-place selected' : 'map-place'}
              data-place={p.name}
              role="button"
              tabIndex={0}
              aria-pressed={p.entityId === selected}
              aria-label={`${p.name}: ${plural(p.passageIds.length, 'passage')}, ${plural(p.mentions, 'mention')}`}
              onClick={() => setSelected(p.entityId)}
              onKeyDown={(e) => onKey(e, p.entityId)}
            >
              <circle cx={xy[0]} cy={xy[1]} r={r} className={n === 0 ? 'map-dot empty' : 'map-dot'} />
              {(n > 0 || p.entityId === selected) && (
                <text x={xy[0] + r + 3} y={xy[1] + 4} className="map-label">
                  {p.name}
                </text>
              )}
            </g>
          )
        })}
        {land && (
          <text x={mapWidth - 6} y={height - 6} className="map-credit">
            {land.attribution}
          </text>
        )}
      </svg>
      <aside className="map-side" aria-label="Passages of the place">
        {!place && <p className="map-hint">Click a place (or Tab to it and press Enter) to list its passages.</p>}
        {place && (
          <>
            <h3 className="map-side-title">
              {place.name} <span className="pane-count">{place.passageIds.length}</span>
            </h3>
            <p className="map-side-meta">{plural(place.mentions, 'mention')} in the notebook’s articles</p>
            {place.passageIds.length === 0 && <p className="map-hint">No passage (with these filters) names this place.</p>}
            <ul className="map-passages">
              {place.passageIds.map((id) => {
                const p = passages.get(id)
                if (!p) return null
                const source = data.sources.find((s) => s.articleId === p.articleId)
                return (
                  <li key={id}>
                    <button type="button" className="map-passage" dir="auto" onClick={() => onOpen(p.articleId, p.highlightId)}>
                      “{excerpt(p.quote, 140)}”
                    </button>
                    <span className="map-passage-source">{[source?.title, p.start ? (p.start === p.end ? p.start : `${p.start} – ${p.end}`) : 'no event date'].filter(Boolean).join(' · ')}</span>
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </aside>
    </div>
  )
}
