/**
 * "Mentions", the entity filter of Passages and the search dialog (issue 13): the one
 * entity combobox (./EntityCombobox: any spelling narrows the list, most articles first),
 * and once one is chosen, an active-filter chip "Mentions: Tartus" (focus moves to its ×
 * button, so the keyboard does not lose its place) whose × button clears it (focus
 * returns to the combobox).
 */
import { useRef } from 'react'
import type { EntitySummary } from '../../../../core/api-entities'
import type { EntityId } from '../../../../core/entities'
import { typeLabel } from '../../entities/entity-list'
import { plural } from '../../plural'
import { EntityCombobox } from './EntityCombobox'

interface Props {
  entities: readonly EntitySummary[]
  value: EntityId | null
  onChange(entityId: EntityId | null): void
}

export function EntityPicker({ entities, value, onChange }: Props) {
  const input = useRef<HTMLInputElement>(null)
  const clear = useRef<HTMLButtonElement>(null)
  const chosen = entities.find((e) => e.id === value)

  if (chosen)
    return (
      <span className="filter-chip" role="group" aria-label="Active filter">
        <span>
          Mentions: <bdi className="filter-chip-value">{chosen.name}</bdi>
        </span>
        <button
          ref={clear}
          type="button"
          className="filter-chip-clear"
          aria-label={`Clear filter Mentions: ${chosen.name}`}
          title="Clear this filter"
          onClick={() => {
            onChange(null)
            requestAnimationFrame(() => input.current?.focus())
          }}
        >
          ×
        </button>
      </span>
    )

  return (
    <EntityCombobox
      entities={entities}
      label="Mentions"
      placeholder="Any entity"
      describe={(entity) => `${typeLabel(entity)} · ${plural(entity.articles, 'article')}`}
      inputRef={input}
      onChoose={(entity) => {
        onChange(entity.id)
        // The combobox gives way to the chip: focus goes to its × button.
        requestAnimationFrame(() => clear.current?.focus())
      }}
    />
  )
}
