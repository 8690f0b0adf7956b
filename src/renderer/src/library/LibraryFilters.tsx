/**
 * The filter bar above the library table: a searchbox over title, outlet and author,
 * an outlet select, a date range, and a damage-flag select. Controlled: the table owns
 * the filter state.
 */
import { useId } from 'react'
import type { ArticleFlag } from '../../../core/model'
import { DateRange } from '../components/filters/DateRange'
import { OutletSelect } from '../components/filters/OutletSelect'
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
        <OutletSelect value={filter.outlet} outlets={outlets} onChange={(outlet) => set({ outlet: outlet ?? '' })} />
        <label htmlFor={`${id}-flag`}>Flags</label>
        <select id={`${id}-flag`} value={filter.flag} onChange={(e) => set({ flag: e.target.value as FlagFilter })}>
          <option value="">Any article</option>
          <option value="any">Has flags</option>
          <option value="needs-details">Needs details (no outlet or date)</option>
          {flagKinds.map((k) => (
            <option key={k} value={k}>
              {flagLabel(k)}
            </option>
          ))}
        </select>
      </div>
      <div className="library-filter-row">
        <DateRange from={filter.from} to={filter.to} onChange={set} />
      </div>
    </div>
  )
}
