/**
 * "Mentions", the one entity picker (issue 13), used by the Passages filters and the search
 * dialog's filters: a combobox over the notebook's entities (the ARIA combobox pattern:
 * type to narrow by any spelling, Up/Down move through the list, Enter chooses, Escape
 * closes, then clears the text; most articles first), and once one is chosen, an
 * active-filter chip "Mentions: Tartus" (focus moves to its × button, so the keyboard
 * does not lose its place) whose × button clears it (focus returns to the combobox).
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { EntitySummary } from '../../../../core/api-entities'
import type { EntityId } from '../../../../core/entities'
import { filterEntities, typeLabel } from '../../entities/entity-list'
import { plural } from '../../plural'

interface Props {
  entities: readonly EntitySummary[]
  value: EntityId | null
  onChange(entityId: EntityId | null): void
}

/** Options listed at most; typing narrows further. */
const MAX_OPTIONS = 50

export function EntityPicker({ entities, value, onChange }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const clear = useRef<HTMLButtonElement>(null)
  const chosen = entities.find((e) => e.id === value)
  const options = useMemo(
    () => filterEntities(entities, text).sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, MAX_OPTIONS),
    [entities, text],
  )
  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-option-${i}`

  const choose = (entity: EntitySummary) => {
    onChange(entity.id)
    setText('')
    setOpen(false)
    // The combobox gives way to the chip: focus goes to its × button.
    requestAnimationFrame(() => clear.current?.focus())
  }

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!open) return setOpen(true)
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((i) => (options.length === 0 ? 0 : (i + step + options.length) % options.length))
    } else if (e.key === 'Enter' && open && options[active]) {
      e.preventDefault()
      choose(options[active])
    } else if (e.key === 'Escape' && (open || text !== '')) {
      e.preventDefault()
      e.stopPropagation()
      if (open) setOpen(false)
      else setText('')
    }
  }

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
    <span className="entity-filter">
      <label htmlFor={`${id}-input`}>Mentions</label>
      <span className="entity-filter-box">
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          dir="auto"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          placeholder="Any entity"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setActive(0)
            setOpen(true)
          }}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Entities" className="entity-filter-list" hidden={!open}>
          {open && options.length === 0 && (
            <li className="entity-filter-empty" role="presentation">
              No entity is spelled like that
            </li>
          )}
          {open &&
            options.map((entity, i) => (
              <li
                key={entity.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'entity-filter-option is-active' : 'entity-filter-option'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(entity)}
              >
                <bdi className="entity-filter-name">{entity.name}</bdi>
                <span className="entity-filter-meta">
                  {typeLabel(entity)} · {plural(entity.articles, 'article')}
                </span>
              </li>
            ))}
        </ul>
      </span>
    </span>
  )
}
