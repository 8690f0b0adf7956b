/**
 * One row of the passages table, memoised: scrolling renders only the rows that come into
 * view, not the ones still shown. Its handlers are stable (they call the table's latest
 * handlers through `PassageRowHandlers`), so a row re-renders only when its passage, its
 * selection or focus, or the columns change.
 */
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react'
import type { PassageSummary } from '../../../../core/api'
import type { Tag } from '../../../../core/model'
import { formatDate } from '../../dates'

export interface PassageRowHandlers {
  keyDown(e: KeyboardEvent<HTMLTableRowElement>, index: number): void
  click(e: MouseEvent, index: number): void
  focus(index: number): void
  open(index: number): void
}

interface Props {
  passage: PassageSummary
  index: number
  selected: boolean
  tabStop: boolean
  height: number
  tagsById: ReadonlyMap<string, Tag>
  hasEvent: boolean
  /** The grade code ("B2", "?3"); `undefined` when no passage shown has one (no column). */
  grade: string | null | undefined
  handlers: PassageRowHandlers
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim()

export const PassageRow = memo(function PassageRow({ passage: p, index, selected, tabStop, height, tagsById, hasEvent, grade, handlers }: Props) {
  const h = p.highlight
  const quote = oneLine(h.target.exact)
  return (
    <tr
      data-highlight-id={h.id}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={selected ? 'is-selected' : undefined}
      style={{ height }}
      tabIndex={tabStop ? 0 : -1}
      onFocus={() => handlers.focus(index)}
      onKeyDown={(e) => handlers.keyDown(e, index)}
      onClick={(e) => handlers.click(e, index)}
      onDoubleClick={() => handlers.open(index)}
    >
      <td className="passages-cell-quote" title={quote} dir="auto">
        “{quote}”
      </td>
      <td className="passages-cell-tags">
        {h.tagIds.flatMap((id) => {
          const t = tagsById.get(id)
          return t
            ? [
                <span key={id} className="passages-tag">
                  <span className="tag-swatch" style={{ '--tag-color': t.color } as CSSProperties} aria-hidden="true" />
                  {t.name}
                </span>,
              ]
            : []
        })}
      </td>
      <td className="passages-cell-text" title={h.comment || undefined} dir="auto">
        {oneLine(h.comment)}
      </td>
      <td className="passages-cell-text" title={p.articleTitle}>
        {p.outlet ?? ''}
      </td>
      <td className="passages-cell-date">{formatDate(p.published)}</td>
      {hasEvent && <td className="passages-cell-date">{h.eventDate ? (h.eventDate.start === h.eventDate.end ? h.eventDate.start : `${h.eventDate.start} – ${h.eventDate.end}`) : ''}</td>}
      {grade !== undefined && <td className="passages-cell-grade">{grade ?? ''}</td>}
    </tr>
  )
})
