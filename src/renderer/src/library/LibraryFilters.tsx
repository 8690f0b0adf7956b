/**
 * The filter bar above the library table: a searchbox over title, outlet and author,
 * an outlet select, a date range, and a damage-flag select. Controlled: the table owns
 * the filter state.
 */
import { useId } from 'react'
import type { ArticleFlag } from '../../../core/model'
import type { FlagFilter, LibraryFilter } from './filter'
import { flagLabel } from './format'

interface Props {
  filter: LibraryFilter
  outlets: string[]
  flagKinds: ArticleFlag['kind'][]
  onChange(filter: LibraryFilter): void
}

export function LibraryFilters({ filter, outlets, flagKinds, onChange }: Props) {
  const id = useId()
  const set = (patch: Partial<LibraryFilter>) => onChange({ ...filter, ...patch })
  return (
    <div className="library-filters" role="search" aria-label="Library filters">
      <input
        type="search"
        className="library-filter-text"
        aria-label="Filter library"
        placeholder="Filter by title, outlet, author"
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.text) {
            e.preventDefault()
            e.stopPropagation()
            set({ text: '' })
          }
        }}
      />
      <div className="library-filter-row">
        <label htmlFor={`${id}-outlet`}>Outlet</label>
        <select id={`${id}-outlet`} value={filter.outlet} onChange={(e) => set({ outlet: e.target.value })}>
          <option value="">All outlets</option>
          {outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-flag`}>Flags</label>
        <select id={`${id}-flag`} value={filter.flag} onChange={(e) => set({ flag: e.target.value as FlagFilter })}>
          <option value="">Any article</option>
          <option value="any">Has flags</option>
          {flagKinds.map((k) => (
            <option key={k} value={k}>
              {flagLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="library-filter-row">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => set({ to: e.target.value })} />
      </div>
    </div>
  )
}
