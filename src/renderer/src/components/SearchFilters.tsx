/**
 * The search dialog's filters: tags (toggle buttons, any of them), outlet, a date range,
 * and Mentions (articles mentioning an entity under any spelling, the same picker as the
 * Passages filters; shown once the notebook has entities).
 */
import type { CSSProperties } from 'react'
import type { EntitySummary } from '../../../core/api-entities'
import type { TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import type { SearchDialogFilters } from '../search/snippet-parts'
import { DateRange } from './filters/DateRange'
import { EntityPicker } from './filters/EntityPicker'
import { OutletSelect } from './filters/OutletSelect'

interface Props {
  filters: SearchDialogFilters
  onChange(filters: SearchDialogFilters): void
  tags: Tag[]
  outlets: string[]
  entities?: readonly EntitySummary[]
}

export function SearchFilters({ filters, onChange, tags, outlets, entities = [] }: Props) {
  const set = (change: Partial<SearchDialogFilters>) => onChange({ ...filters, ...change })
  const toggle = (id: TagId) =>
    set({ tagIds: filters.tagIds.includes(id) ? filters.tagIds.filter((t) => t !== id) : [...filters.tagIds, id] })

  return (
    <div className="search-filters">
      {tags.length > 0 && (
        <div className="search-tags" role="group" aria-label="Only with tags">
          {tags.map((tag) => (
            <button
              key={tag.id}
              type="button"
              className="search-tag"
              aria-pressed={filters.tagIds.includes(tag.id)}
              title={tag.description || undefined}
              style={{ '--tag-color': tag.color } as CSSProperties}
              onClick={() => toggle(tag.id)}
            >
              <span className="tag-swatch" aria-hidden="true" />
              {tag.name}
            </button>
          ))}
        </div>
      )}
      <OutletSelect value={filters.outlet} outlets={outlets} onChange={(outlet) => set({ outlet })} />
      <DateRange from={filters.from} to={filters.to} onChange={set} />
      {entities.length > 0 && <EntityPicker value={filters.entityId ?? null} entities={entities} onChange={(entityId) => set({ entityId })} />}
    </div>
  )
}
