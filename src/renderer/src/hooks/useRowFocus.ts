/**
 * Keyboard rows of a table (library, entities): one row takes Tab focus (the last focused
 * one still shown, else `fallback`, else the first), refs to every row, and the moves of a
 * `*.move` key (arrows anywhere in the row; Home and End on the row itself).
 */
import { useRef, useState, type KeyboardEvent } from 'react'

export function useRowFocus<Id extends string>(rows: readonly { id: Id }[], fallback?: Id | null) {
  const [focusedId, setFocusedId] = useState<Id | null>(null)
  const rowRefs = useRef(new Map<Id, HTMLTableRowElement>())
  const tabStop = rows.find((r) => r.id === focusedId)?.id ?? rows.find((r) => r.id === fallback)?.id ?? rows[0]?.id

  const focusRow = (index: number) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))]
    if (!target) return
    setFocusedId(target.id)
    rowRefs.current.get(target.id)?.focus()
  }

  /** The `*.move` key at row `index`; false when it is Home or End on a button inside the row (left to the button). */
  const moveKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number): false | void => {
    if (e.key === 'ArrowDown') focusRow(index + 1)
    else if (e.key === 'ArrowUp') focusRow(index - 1)
    else if (e.target !== e.currentTarget) return false
    else focusRow(e.key === 'Home' ? 0 : rows.length - 1)
  }

  /** The ref callback of row `id`. */
  const rowRef = (id: Id) => (el: HTMLTableRowElement | null) => {
    if (el) rowRefs.current.set(id, el)
    else rowRefs.current.delete(id)
  }

  return { focusedId, setFocusedId, rowRefs, tabStop, focusRow, moveKey, rowRef }
}
