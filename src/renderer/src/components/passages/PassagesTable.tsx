/**
 * The passages as a dense, full-width table (the Passages view's "Table" mode): quote,
 * tags, comment, outlet, date, and the event date and grade when any passage has one.
 * Headers sort (SortHeader). Only the rows on screen are rendered (@tanstack/react-virtual),
 * so 10,000 passages scroll and filter smoothly. Keys (shortcuts.ts, "passages-table"):
 * J/K or arrows move, Shift+J/K extend the selection, Space selects, Enter opens the
 * reader; a click selects one row, Ctrl/Cmd+click toggles, Shift+click selects a range,
 * a double-click opens. The bar above lists `actions` for the selected passages.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react'
import type { PassageSummary } from '../../../../core/api'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { Tag } from '../../../../core/model'
import { dispatchKey } from '../../../../core/shortcuts'
import { IS_MAC } from '../../hooks/useAppKeys'
import { plural } from '../../plural'
import { emptySelection, extendTo, keepShown, selectOnly, toggle, type Selection } from '../../passages/selection'
import { nextPassageSort, sortPassageRows, type PassageSort, type PassageSortKey } from '../../passages/table-sort'
import type { PassageAction } from '../../passages/usePassageActions'
import { SortHeader } from '../SortHeader'
import { PassageRow, type PassageRowHandlers } from './PassageRow'
import { passageGrade, useArticleSources } from '../../sourcing/useArticleSources'

interface Props {
  passages: PassageSummary[]
  tags: Tag[]
  actions: PassageAction[]
  onOpen(articleId: ArticleId, highlightId: HighlightId): void
}

/** Each row is one line tall (text is cut with an ellipsis; the full text is its tooltip). */
export const PASSAGE_ROW_HEIGHT = 34

export function PassagesTable({ passages, tags, actions, onOpen }: Props) {
  const [sort, setSort] = useState<PassageSort | null>(null)
  const rows = useMemo(() => (sort ? sortPassageRows(passages, sort, tags) : passages), [passages, sort, tags])
  const order = useMemo(() => rows.map((p) => p.highlight.id), [rows])
  const shown = useMemo(() => new Set(order), [order])
  const [selectionState, setSelection] = useState<Selection<HighlightId>>(emptySelection)
  const selection = keepShown(selectionState, shown)
  const [focusIndex, setFocusIndex] = useState(0)
  const focus = Math.max(0, Math.min(rows.length - 1, focusIndex))
  const wantFocus = useRef(false)
  const scroller = useRef<HTMLDivElement>(null)
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags])
  const hasEvent = useMemo(() => passages.some((p) => p.highlight.eventDate), [passages])
  // The grade code joins the article's reliability (outlet or article grade) and the passage's credibility.
  const sources = useArticleSources()
  const hasGrade = useMemo(() => passages.some((p) => passageGrade(sources, p.highlight.articleId, p.highlight.credibility) !== null), [passages, sources])

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser re-renders this table on scroll by design; nothing memoised reads it
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => PASSAGE_ROW_HEIGHT, overscan: 12 })

  useEffect(() => {
    if (!wantFocus.current) return
    const el = scroller.current?.querySelector<HTMLElement>(`tr[aria-rowindex="${focus + 2}"]`)
    if (el) {
      wantFocus.current = false
      el.focus({ preventScroll: true })
    }
  })

  const moveTo = (index: number, extend: boolean) => {
    const next = Math.max(0, Math.min(rows.length - 1, index))
    if (extend) setSelection((s) => extendTo(s.anchor === null ? { ...s, anchor: focus } : s, order, next))
    setFocusIndex(next)
    wantFocus.current = true
    virtual.scrollToIndex(next, { align: 'auto' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (e.target !== e.currentTarget) return
    const p = rows[index]
    const taken = dispatchKey(e, 'passages-table', IS_MAC, {
      'passages.move': () => moveTo(e.key === 'Home' ? 0 : e.key === 'End' ? rows.length - 1 : index + (e.key === 'j' || e.key === 'J' || e.key === 'ArrowDown' ? 1 : -1), false),
      'passages.extend': () => moveTo(index + (e.key === 'J' || e.key === 'ArrowDown' ? 1 : -1), true),
      'passages.select': () => setSelection((s) => toggle(s, order, index)),
      'passages.open': () => p && onOpen(p.highlight.articleId, p.highlight.id),
    })
    if (taken) e.preventDefault()
  }

  const onClick = (e: MouseEvent, index: number) => {
    setFocusIndex(index)
    if (e.shiftKey) setSelection((s) => extendTo(s, order, index))
    else if (e.ctrlKey || e.metaKey) setSelection((s) => toggle(s, order, index))
    else setSelection(selectOnly(order, index))
  }

  const header = (key: PassageSortKey, label: string) => (
    <SortHeader label={label} direction={sort?.key === key ? sort.direction : 'none'} onSort={() => setSort((s) => nextPassageSort(s, key))} />
  )

  // The rows' handlers stay the same object; they call the latest closures (set after each render).
  const latest = useRef<PassageRowHandlers | null>(null)
  // After every render on purpose: the handlers close over this render's state (setFocusIndex is stored, not called).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    latest.current = {
      keyDown: onKeyDown,
      click: onClick,
      focus: setFocusIndex,
      open: (index) => {
        const p = rows[index]
        if (p) onOpen(p.highlight.articleId, p.highlight.id)
      },
    }
  })
  const handlers = useMemo<PassageRowHandlers>(
    () => ({
      keyDown: (e, i) => latest.current?.keyDown(e, i),
      click: (e, i) => latest.current?.click(e, i),
      focus: (i) => latest.current?.focus(i),
      open: (i) => latest.current?.open(i),
    }),
    [],
  )

  const items = virtual.getVirtualItems()
  const top = items[0]?.start ?? 0
  const bottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0)
  const columns = 5 + (hasEvent ? 1 : 0) + (hasGrade ? 1 : 0)
  const selectedIds = order.filter((id) => selection.ids.has(id))

  return (
    <div className="passages-table-wrap">
      <div className="passages-actions" role="toolbar" aria-label="Selected passages">
        <span className="passages-selected" aria-live="polite">
          {selectedIds.length === 0 ? 'Select passages (click, Space, Shift+J/K) to act on them' : `${plural(selectedIds.length, 'passage')} selected`}
        </span>
        {actions.map((a) => (
          <button key={a.id} type="button" className="button button-small" disabled={selectedIds.length === 0} onClick={() => a.run(selectedIds)}>
            {a.label}
          </button>
        ))}
        {selectedIds.length > 0 && (
          <button type="button" className="button button-small" onClick={() => setSelection(emptySelection())}>
            Clear selection
          </button>
        )}
      </div>
      <div ref={scroller} className="passages-table-scroll">
        <table role="grid" className="library-table passages-table" aria-label="Passages" aria-rowcount={rows.length + 1} aria-multiselectable="true">
          <thead>
            <tr>
              {header('quote', 'Quote')}
              {header('tags', 'Tags')}
              {header('comment', 'Comment')}
              {header('outlet', 'Outlet')}
              {header('published', 'Date')}
              {hasEvent && header('event', 'Event date')}
              {hasGrade && header('grade', 'Grade')}
            </tr>
          </thead>
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true" style={{ height: top }}>
                <td colSpan={columns} />
              </tr>
            )}
            {items.map((item) => (
              <PassageRow
                key={rows[item.index]!.highlight.id}
                passage={rows[item.index]!}
                index={item.index}
                selected={selection.ids.has(rows[item.index]!.highlight.id)}
                tabStop={item.index === focus}
                height={PASSAGE_ROW_HEIGHT}
                tagsById={tagsById}
                hasEvent={hasEvent}
                grade={hasGrade ? passageGrade(sources, rows[item.index]!.highlight.articleId, rows[item.index]!.highlight.credibility) : undefined}
                handlers={handlers}
              />
            ))}
            {bottom > 0 && (
              <tr aria-hidden="true" style={{ height: bottom }}>
                <td colSpan={columns} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  )
}
