/**
 * The passages table's multi-selection, as file managers have it: a click selects one
 * row, Ctrl/Cmd+click (or Space) toggles one, Shift+click (or Shift+J/K) selects the
 * range from the anchor. Pure: each returns the new selection and anchor.
 */
export interface Selection<Id> {
  ids: ReadonlySet<Id>
  /** Index of the row ranges start from. */
  anchor: number | null
}

export function emptySelection<Id>(): Selection<Id> {
  return { ids: new Set(), anchor: null }
}

export function selectOnly<Id>(order: readonly Id[], index: number): Selection<Id> {
  const id = order[index]
  return id === undefined ? emptySelection() : { ids: new Set([id]), anchor: index }
}

export function toggle<Id>(sel: Selection<Id>, order: readonly Id[], index: number): Selection<Id> {
  const id = order[index]
  if (id === undefined) return sel
  const ids = new Set(sel.ids)
  if (ids.has(id)) ids.delete(id)
  else ids.add(id)
  return { ids, anchor: index }
}

/** The rows from the anchor (or `index` when there is none) to `index`, added to what was selected. */
export function extendTo<Id>(sel: Selection<Id>, order: readonly Id[], index: number): Selection<Id> {
  const anchor = sel.anchor ?? index
  const ids = new Set(sel.ids)
  for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
    const id = order[i]
    if (id !== undefined) ids.add(id)
  }
  return { ids, anchor }
}

/** Keeps only ids still shown (after a filter or a delete), in no particular order. */
export function keepShown<Id>(sel: Selection<Id>, shown: ReadonlySet<Id>): Selection<Id> {
  if ([...sel.ids].every((id) => shown.has(id))) return sel
  return { ids: new Set([...sel.ids].filter((id) => shown.has(id))), anchor: null }
}
