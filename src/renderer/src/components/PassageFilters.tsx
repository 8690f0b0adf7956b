/**
 * The passages view's filter bar: text (searchbox "Filter passages"), tags with an
 * Any/All choice, outlet, article, a date range, and the entity the passages mention
 * (when the notebook has entities). Controlled: the view owns the filter.
 */
import type { CSSProperties } from 'react'
import type { EntitySummary } from '../../../core/api-entities'
import type { ArticleId, TagId } from '../../../core/ids'
import type { Tag } from '../../../core/model'
import { isFilterEmpty, type PassageFilter } from '../passages/filter'
import { DateRange } from './filters/DateRange'
import { EntityPicker } from './filters/EntityPicker'
import { OutletSelect } from './filters/OutletSelect'

interface Props {
  filter: PassageFilter
  onChange(filter: PassageFilter): void
  onClear(): void
  tags: Tag[]
  outlets: string[]
  articles: { id: ArticleId; title: string }[]
  entities: readonly EntitySummary[]
}

export function PassageFilters({ filter, onChange, onClear, tags, outlets, articles, entities }: Props) {
  const set = (change: Partial<PassageFilter>) => onChange({ ...filter, ...change })
  const toggleTag = (id: TagId, on: boolean) =>
    set({ tagIds: on ? tags.filter((t) => t.id === id || filter.tagIds.includes(t.id)).map((t) => t.id) : filter.tagIds.filter((t) => t !== id) })

  return (
    <div className="passages-filters" role="group" aria-label="Passage filters">
      <input
        type="search"
        className="passages-text"
        aria-label="Filter passages"
        placeholder="Filter passages…"
        value={filter.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      {tags.length > 0 && (
        <fieldset className="passages-tags">
          <legend>Tags</legend>
          {tags.map((tag) => (
            <label key={tag.id} className="passages-tag" title={tag.description || undefined}>
              <input type="checkbox" checked={filter.tagIds.includes(tag.id)} onChange={(e) => toggleTag(tag.id, e.target.checked)} />
              <span className="tag-swatch" style={{ '--tag-color': tag.color } as CSSProperties} aria-hidden="true" />
              {tag.name}
            </label>
          ))}
          <span className="passages-mode" role="radiogroup" aria-label="Match tags">
            {(['any', 'all'] as const).map((mode) => (
              <label key={mode}>
                <input type="radio" name="passages-tag-mode" value={mode} checked={filter.tagMode === mode} onChange={() => set({ tagMode: mode })} />
                {mode === 'any' ? 'Any' : 'All'}
              </label>
            ))}
          </span>
        </fieldset>
      )}
      <div className="passages-selects">
        <OutletSelect value={filter.outlet} outlets={outlets} onChange={(outlet) => set({ outlet })} />
        <label>
          Article
          <select
            value={filter.articleId ?? ''}
            onChange={(e) => set({ articleId: e.target.value === '' ? null : (e.target.value as ArticleId) })}
          >
            <option value="">All articles</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <DateRange from={filter.from} to={filter.to} onChange={set} />
        {entities.length > 0 && <EntityPicker entities={entities} value={filter.entityId} onChange={(entityId) => set({ entityId })} />}
        {!isFilterEmpty(filter) && (
          <button type="button" className="button button-small" onClick={onClear}>
            Clear filters
          </button>
        )}
      </div>
    </div>
  )
}
