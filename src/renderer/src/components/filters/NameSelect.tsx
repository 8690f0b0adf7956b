/**
 * The "Name" select (issue 13): "Any name" (null) or one of the notebook's entities,
 * grouped by type, each with the number of articles mentioning it. A native select (a
 * combobox to assistive technology: type the first letters to jump); the label wraps it,
 * so its accessible name is "Name". Used by the search dialog's filters; fits the
 * passages filters too.
 */
import type { EntitySummary } from '../../../../core/api-entities'
import type { EntityId } from '../../../../core/entities'
import { TYPE_LABELS } from '../../reader/entity-marks'

export interface NameSelectProps {
  value: EntityId | null
  entities: readonly EntitySummary[]
  onChange(entityId: EntityId | null): void
}

export function NameSelect({ value, entities, onChange }: NameSelectProps) {
  const groups = [...TYPE_LABELS].flatMap(([type, label]) => {
    const of = entities.filter((e) => e.type === type).sort((a, b) => a.name.localeCompare(b.name))
    return of.length > 0 ? [{ type, label: label.group, of }] : []
  })
  return (
    <label>
      Name{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as EntityId))}>
        <option value="">Any name</option>
        {groups.map((g) => (
          <optgroup key={g.type} label={g.label}>
            {g.of.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name} ({e.articles})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  )
}
