/**
 * The Timeline view (region "Timeline", issue 15): the notebook's passages placed by event
 * date in lanes by tag or by entity (or its articles by publication date, in lanes by
 * outlet), and, behind
 * a switch, the Map of the places they name, filtered by the same tag and by the dates the
 * timeline shows (linked). Data comes from main (api-timeline.ts); the layout, the zoom
 * and the projection are done here. Clear empty states say what to do when nothing is
 * dated, or no place has coordinates.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { TimelineMode } from '../../../../core/api-timeline'
import type { ArticleId, HighlightId, TagId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import { dayNumber } from '../../../../core/timeline/layout'
import { api } from '../../api'
import { formatDate } from '../../dates'
import { useApiValue } from '../../hooks/useApiValue'
import type { StatusControls } from '../../hooks/useStatus'
import { plural } from '../../plural'
import { fitViewport, pan, viewportDays, zoom, type Viewport } from '../../timeline/viewport'
import { EmptyState } from '../EmptyState'
import { MapPanel } from './MapPanel'
import { TimelineChart } from './TimelineChart'
import { TimelineLegend } from './TimelineLegend'

export type TimelinePanel = 'timeline' | 'map'

interface Props {
  tags: Tag[]
  reloadKey: number
  panel: TimelinePanel
  onPanel(panel: TimelinePanel): void
  /** Opens a passage, or (no highlight: an article of the publication-date timeline) an article, in the reader. */
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId | null): void
  status: StatusControls
}

export function TimelineView({ tags, reloadKey, panel, onPanel, onOpenPassage, status }: Props) {
  const [mode, setMode] = useState<TimelineMode>('event')
  const [by, setBy] = useState<'tag' | 'entity'>('tag')
  const [tagId, setTagId] = useState<TagId | ''>('')
  const [sizeBy, setSizeBy] = useState<'passages' | 'mentions'>('passages')
  const [linked, setLinked] = useState(true)
  /** The zoom and pan, with the fitted view it was made from: a new answer (another mode, tag or lane choice) shows all again. */
  const [zoomed, setZoomed] = useState<{ fit: Viewport; viewport: Viewport } | null>(null)
  const tagIds = useMemo(() => (tagId ? [tagId] : []), [tagId])
  const fetchTimeline = useCallback(() => api.getTimeline({ mode, by, tagIds }), [by, mode, tagIds])
  const timeline = useApiValue(fetchTimeline, reloadKey, status.announceError)
  const data = timeline.value
  /** What the chart draws: the passages, or in publication-date mode the articles. */
  const items = useMemo(() => (data ? (data.mode === 'published' ? data.articles : data.passages) : []), [data])

  const fit = useMemo(() => fitViewport(items.map((p) => ({ start: dayNumber(p.start), end: dayNumber(p.end) }))), [items])
  const shown = zoomed && zoomed.fit === fit ? zoomed.viewport : fit
  const range = useMemo(() => viewportDays(shown), [shown])
  const dated = items.length > 0
  const fetchMap = useCallback(() => api.getMap({ tagIds, ...(linked && dated ? range : {}) }), [dated, linked, range, tagIds])
  const map = useApiValue(panel === 'map' ? fetchMap : null, reloadKey, status.announceError)

  const box = useRef<HTMLDivElement>(null)
  const [size, setSize] = useState({ width: 900, height: 480 })
  useEffect(() => {
    const el = box.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }))
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  const sources = useMemo(() => new Map((data?.sources ?? []).map((s) => [s.articleId as string, s])), [data])
  const onViewport = useCallback(
    (next: Viewport | ((v: Viewport) => Viewport)) =>
      setZoomed((z) => {
        const current = z && z.fit === fit ? z.viewport : fit
        return { fit, viewport: typeof next === 'function' ? next(current) : next }
      }),
    [fit],
  )
  const onFit = useCallback(() => setZoomed(null), [])

  let body
  if (panel === 'map') {
    const m = map.value
    if (!m) body = <p className="timeline-loading">Loading the map…</p>
    else if (m.places.length === 0)
      body = (
        <EmptyState title="No place has coordinates" commands={[{ command: 'show-entities', label: 'Go to Entities' }]}>
          <p>
            No place has coordinates: add the starter gazetteer in Entities (Gazetteer › Add the starter gazetteer), or give a place its latitude and longitude there.
            {m.placeEntityCount > 0 && ` This notebook has ${plural(m.placeEntityCount, 'place')}, none with coordinates.`}
          </p>
        </EmptyState>
      )
    else body = <MapPanel data={m} sizeBy={sizeBy} width={size.width} height={Math.max(260, size.height - 8)} onOpen={onOpenPassage} />
  } else if (!data) body = <p className="timeline-loading">Loading the timeline…</p>
  else if (data.mode === 'published' && data.articleCount === 0)
    body = (
      <EmptyState title="No articles yet" commands={[{ command: 'import', label: 'Import files' }]}>
        <p>Import articles: each one with a publication date appears here, in the lane of its outlet.</p>
      </EmptyState>
    )
  else if (data.mode === 'event' && data.highlightCount === 0)
    body = (
      <EmptyState title="No passages yet" commands={[{ command: 'show-reader', label: 'Go to the reader' }]}>
        <p>Highlight passages in the reader: each gets an event date from its text (“on 13 December”, “21 and 22 January”), and appears here.</p>
      </EmptyState>
    )
  else if (items.length === 0)
    body = (
      <EmptyState title={data.mode === 'event' ? 'No passage has an event date yet' : 'No article has a publication date'} commands={[{ command: data.mode === 'event' ? 'show-reader' : 'show-library', label: data.mode === 'event' ? 'Go to the reader' : 'Go to the library' }]}>
        <p>
          {data.mode === 'event'
            ? 'No passage has an event date yet: highlight passages that name a day (“on 13 December”), or set a date on a highlight in the reader’s Highlights panel (Event date › Change).'
            : 'No article has a publication date: give articles theirs in the library (Edit details), or switch Dates to “Event date”.'}
          {tagId && ' Or choose All tags.'}
        </p>
      </EmptyState>
    )
  else
    body = (
      <TimelineChart
        items={items}
        lanes={data.lanes}
        sources={sources}
        viewport={shown}
        onViewport={onViewport}
        onFit={onFit}
        onOpen={onOpenPassage}
        mode={data.mode}
        width={size.width}
      />
    )

  const hasPassages = dated
  return (
    <section className="timeline" aria-label="Timeline">
      <header className="timeline-header">
        <h1 className="timeline-title">{panel === 'map' ? 'Map' : 'Timeline'}</h1>
        <div className="segmented" role="group" aria-label="Show">
          <button type="button" className="segment" aria-pressed={panel === 'timeline'} onClick={() => onPanel('timeline')}>
            Timeline
          </button>
          <button type="button" className="segment" aria-pressed={panel === 'map'} onClick={() => onPanel('map')}>
            Map
          </button>
        </div>
        <label className="timeline-field">
          Tag
          <select value={tagId} onChange={(e) => setTagId(e.target.value as TagId | '')}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        {panel === 'timeline' ? (
          <>
            <label className="timeline-field">
              Dates
              <select value={mode} onChange={(e) => setMode(e.target.value as TimelineMode)}>
                <option value="event">Event date</option>
                <option value="published">Publication date (articles)</option>
              </select>
            </label>
            {mode === 'event' ? (
              <label className="timeline-field">
                Lanes
                <select value={by} onChange={(e) => setBy(e.target.value as 'tag' | 'entity')}>
                  <option value="tag">By tag</option>
                  <option value="entity">By entity</option>
                </select>
              </label>
            ) : (
              <p className="timeline-field">Lanes by outlet</p>
            )}
            {hasPassages && (
              <div className="timeline-zoom" role="group" aria-label="Zoom">
                <button type="button" className="button button-small" aria-label="Zoom in" title="Zoom in (+)" onClick={() => onViewport((v) => zoom(v, 1.5))}>
                  +
                </button>
                <button type="button" className="button button-small" aria-label="Zoom out" title="Zoom out (-)" onClick={() => onViewport((v) => zoom(v, 1 / 1.5))}>
                  −
                </button>
                <button type="button" className="button button-small" aria-label="Earlier" title="Earlier (Left)" onClick={() => onViewport((v) => pan(v, -0.3))}>
                  ←
                </button>
                <button type="button" className="button button-small" aria-label="Later" title="Later (Right)" onClick={() => onViewport((v) => pan(v, 0.3))}>
                  →
                </button>
                <button type="button" className="button button-small" title="Show all (0)" onClick={onFit}>
                  Show all
                </button>
              </div>
            )}
          </>
        ) : (
          <>
            <label className="timeline-field">
              Size by
              <select value={sizeBy} onChange={(e) => setSizeBy(e.target.value as 'passages' | 'mentions')}>
                <option value="passages">Passages</option>
                <option value="mentions">Mentions</option>
              </select>
            </label>
            <label className="timeline-check">
              <input type="checkbox" checked={linked} onChange={(e) => setLinked(e.target.checked)} disabled={!hasPassages} />
              Only the timeline’s dates
            </label>
          </>
        )}
        {hasPassages && (
          <p className="timeline-range" aria-live="polite">
            {formatDate(range.from)} – {formatDate(range.to)}
          </p>
        )}
      </header>
      {panel === 'timeline' && hasPassages && data && <TimelineLegend undated={data.undated} count={items.length} mode={data.mode} />}
      <div className="timeline-body" ref={box}>
        {body}
      </div>
    </section>
  )
}
