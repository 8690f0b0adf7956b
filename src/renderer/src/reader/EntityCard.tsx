/**
 * The entity card (issue 13): shown beside a marked mention while the pointer is on it, or
 * for the current mention after the panel moved to it, so keyboard users see it too
 * (Escape hides it). Name, type and kind, the other spellings, the description,
 * coordinates and how often the notebook mentions it (listEntities). It sits in the
 * reader's scroll container, below the mention (above when there is no room), never
 * scrolls the reader, and the reader does not show it while the highlight toolbar or
 * chooser is open.
 */
import { useLayoutEffect, useRef } from 'react'
import type { ArticleEntity, EntitySummary } from '../../../core/api-entities'
import type { ToolbarAnchor } from '../components/HighlightToolbar'
import { formatCoordinates, notebookCounts, typeLine } from './entity-marks'
import { placeToolbar } from './toolbar-place'

interface Props {
  id: string
  entity: ArticleEntity
  /** The notebook's record of it (aliases, description, counts); absent until listEntities answers. */
  summary: EntitySummary | undefined
  /** The mention's box in the scroll container's content coordinates. */
  anchor: ToolbarAnchor
  /** The spelling this mention uses. */
  spelling: string
}

const EDGE = 8
/** Spellings listed on the card; the rest are counted (the Entities view lists them all). */
const MAX_SPELLINGS = 6

export function EntityCard({ id, entity, summary, anchor, spelling }: Props) {
  const box = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const el = box.current
    const container = el?.offsetParent as HTMLElement | null | undefined
    if (!el || !container) return
    const maxLeft = container.clientWidth - el.offsetWidth - EDGE
    el.style.left = `${Math.max(EDGE, Math.min(anchor.left, maxLeft))}px`
    el.style.top = `${placeToolbar({ top: anchor.top, bottom: anchor.bottom, viewTop: container.scrollTop, viewHeight: container.clientHeight, height: el.offsetHeight }).top}px`
  }, [anchor])

  const others = (summary ? summary.aliases.map((a) => a.text) : []).filter((s) => s !== entity.name && s !== spelling)
  const shown = others.slice(0, MAX_SPELLINGS)
  return (
    <div ref={box} id={id} className="entity-card" role="tooltip" style={{ top: anchor.bottom + EDGE, left: anchor.left }}>
      <p className="entity-card-name" dir="auto">
        {entity.name}
      </p>
      <p className="entity-card-type">{typeLine(summary ?? entity)}</p>
      {spelling !== entity.name && (
        <p className="entity-card-line">
          Written here as <bdi>{spelling}</bdi>
        </p>
      )}
      {others.length > 0 && (
        <p className="entity-card-line">
          Also written:{' '}
          {shown.map((text, i) => (
            <span key={text}>
              {i > 0 && ', '}
              <bdi>{text}</bdi>
            </span>
          ))}
          {others.length > shown.length && ` and ${others.length - shown.length} more`}
        </p>
      )}
      {summary?.description && (
        <p className="entity-card-description" dir="auto">
          {summary.description}
        </p>
      )}
      {summary?.coordinates && <p className="entity-card-line">{formatCoordinates(summary.coordinates)}</p>}
      {summary && <p className="entity-card-counts">{notebookCounts(summary)}</p>}
    </div>
  )
}
