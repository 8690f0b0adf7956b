/** A sortable table column's header cell: a button that sorts, its state as `aria-sort` and an arrow (library and entities tables). */
export function SortHeader({ label, numeric, direction, onSort }: { label: string; numeric?: boolean; direction: 'ascending' | 'descending' | 'none'; onSort: () => void }) {
  return (
    <th scope="col" aria-sort={direction} className={numeric ? 'is-numeric' : undefined}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
        </span>
      </button>
    </th>
  )
}
