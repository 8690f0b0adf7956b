/**
 * One passage in a briefing section: number, quote, comment and source, with Move up /
 * Move down buttons (Alt+ArrowUp / Alt+ArrowDown while it has focus), drag-and-drop
 * handles, Exclude, and a link back to the highlight. An excluded passage is shown
 * dimmed with Include.
 */
import type { DragEvent, KeyboardEvent } from 'react'
import type { HighlightId } from '../../../../core/ids'
import { sourceLine, type PassageCard } from '../../briefing/passage-cards'
import { reorderKeyDelta } from '../../briefing/reorder'

export interface PassageItemProps {
  card: PassageCard
  /** The passage's number in the briefing; null when excluded. */
  number: number | null
  index: number
  count: number
  excluded: boolean
  alsoIn?: string | null
  /** 'before' / 'after' when a dragged passage would land next to this one. */
  dropSide?: 'before' | 'after' | null
  onMove(delta: number): void
  onToggleExcluded(): void
  onOpen(): void
  drag?: {
    onDragStart(event: DragEvent<HTMLLIElement>): void
    onDragOver(event: DragEvent<HTMLLIElement>): void
    onDrop(event: DragEvent<HTMLLIElement>): void
    onDragEnd(): void
  }
}

export function passageElementId(id: HighlightId): string {
  return `briefing-passage-${id}`
}

export function PassageItem(props: PassageItemProps) {
  const { card, number, index, count, excluded, alsoIn, dropSide, onMove, onToggleExcluded, onOpen, drag } = props
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (excluded) return
    const delta = reorderKeyDelta(event)
    if (delta === null) return
    event.preventDefault()
    onMove(delta)
  }
  const classes = ['briefing-passage', excluded ? 'excluded' : '', dropSide ? `drop-${dropSide}` : ''].filter(Boolean).join(' ')
  const source = sourceLine(card)
  return (
    <li
      id={passageElementId(card.highlightId)}
      className={classes}
      tabIndex={0}
      aria-label={`${number !== null ? `Passage ${number}` : 'Excluded passage'}: ${card.quote.slice(0, 80)}`}
      draggable={!excluded && count > 1}
      onKeyDown={onKeyDown}
      {...(drag && !excluded ? drag : {})}
    >
      <div className="briefing-passage-body">
        {number !== null && <span className="briefing-passage-number">{number}</span>}
        <blockquote className="briefing-passage-quote">{card.quote}</blockquote>
        {card.comment && <p className="briefing-passage-comment" dir="auto">{card.comment}</p>}
        <p className="briefing-passage-source">
          <button type="button" className="briefing-passage-link" onClick={onOpen} title="Open the article at this highlight">
            {card.sourceTitle || 'Untitled article'}
          </button>
          {source && <span> · {source}</span>}
        </p>
        {alsoIn && <p className="briefing-passage-also">{alsoIn}</p>}
      </div>
      <div className="briefing-passage-actions">
        {!excluded && (
          <>
            <button type="button" className="button button-small" aria-label="Move up" title="Move up (Alt+↑)" disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label="Move down"
              title="Move down (Alt+↓)"
              disabled={index >= count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
          </>
        )}
        <button type="button" className="button button-small" onClick={onToggleExcluded}>
          {excluded ? 'Include' : 'Exclude'}
        </button>
      </div>
    </li>
  )
}
