/**
 * The one entity combobox (issue 13; the ARIA combobox pattern): type to narrow the
 * notebook's entities by any spelling (name, alias in any script, type), Up/Down move
 * through the list, Enter chooses, Escape closes the list, then clears the text, and only
 * then lets the key through; most articles first (then mentions, then name). Choosing
 * calls `onChoose` and empties the box. The Passages and search filters wrap it with a
 * chip (./EntityPicker); the briefing composer uses it to add a section from an entity.
 */
import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react'
import type { EntitySummary } from '../../../../core/api-entities'
import { filterEntities } from '../../entities/entity-list'

interface Props {
  entities: readonly EntitySummary[]
  /** The visible label, which is the combobox's name. */
  label: string
  placeholder: string
  /** The second line of an option, e.g. "Place · 5 articles". */
  describe(entity: EntitySummary): string
  onChoose(entity: EntitySummary): void
  inputRef?: Ref<HTMLInputElement>
  disabled?: boolean
  className?: string
}

/** Options listed at most; typing narrows further. */
const MAX_OPTIONS = 50

export function EntityCombobox({ entities, label, placeholder, describe, onChoose, inputRef, disabled = false, className = 'entity-filter' }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const options = useMemo(
    () => filterEntities(entities, text).sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, MAX_OPTIONS),
    [entities, text],
  )
  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-option-${i}`

  const choose = (entity: EntitySummary) => {
    onChoose(entity)
    setText('')
    setActive(0)
    setOpen(false)
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

  return (
    <span className={className}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <span className="entity-filter-box">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          role="combobox"
          dir="auto"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? optionId(active) : undefined}
          placeholder={placeholder}
          autoComplete="off"
          disabled={disabled}
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
                <span className="entity-filter-meta">{describe(entity)}</span>
              </li>
            ))}
        </ul>
      </span>
    </span>
  )
}
