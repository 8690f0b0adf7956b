/**
 * The entities as a table named "Entities": Name, Type, Aliases, Mentions, Articles and
 * per-row actions (Edit…, Merge…, Split…, Delete…, each named with the entity). Column
 * headers sort (aria-sort; a second click reverses). Rows use a roving tabindex as the
 * library table does: Up/Down/Home/End move between rows, Enter edits, Delete asks to
 * delete (the keymap's `entities` scope).
 */
import { useState, type KeyboardEvent } from 'react'
import type { EntitySummary } from '../../../../core/api-entities'
import type { EntityId } from '../../../../core/entities'
import { dispatchKey } from '../../../../core/shortcuts'
import { nextEntitySort, sortEntities, typeLabel, type EntitySort, type EntitySortKey } from '../../entities/entity-list'
import { IS_MAC } from '../../hooks/useAppKeys'
import { useRowFocus } from '../../hooks/useRowFocus'
import { SortHeader } from '../SortHeader'

export type EntityAction = 'edit' | 'merge' | 'split' | 'delete'

interface Props {
  entities: EntitySummary[]
  /** More than one entity in the notebook (merging needs another). */
  canMerge: boolean
  onAction(action: EntityAction, entity: EntitySummary): void
}

const COLUMNS: { key: EntitySortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: 'Name' },
  { key: 'type', label: 'Type' },
  { key: 'aliases', label: 'Aliases' },
  { key: 'mentions', label: 'Mentions', numeric: true },
  { key: 'articles', label: 'Articles', numeric: true },
]

/** Aliases shown in a row before "+N more" (all of them are in the cell's title). */
const SHOWN_ALIASES = 4

export function EntityTable({ entities, canMerge, onAction }: Props) {
  const [sort, setSort] = useState<EntitySort | null>(null)
  const rows = sort ? sortEntities(entities, sort) : entities
  const { setFocusedId, tabStop, moveKey, rowRef } = useRowFocus<EntityId>(rows)

  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, entity: EntitySummary, index: number) => {
    const onRow = e.target === e.currentTarget
    const taken = dispatchKey(e, 'entities', IS_MAC, {
      'entities.move': () => moveKey(e, index),
      'entities.edit': () => onRow && onAction('edit', entity),
      'entities.delete': () => onRow && onAction('delete', entity),
    })
    if (taken) e.preventDefault()
  }

  return (
    <div className="library-table-scroll entity-table-scroll">
      <table className="library-table entity-table" aria-label="Entities">
        <thead>
          <tr>
            {COLUMNS.map((col) => (
              <SortHeader key={col.key} label={col.label} numeric={col.numeric} direction={sort?.key === col.key ? sort.direction : 'none'} onSort={() => setSort(nextEntitySort(sort, col.key))} />
            ))}
            <th scope="col" className="library-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((entity, index) => {
            const tabbable = entity.id === tabStop
            const aliases = entity.aliases.map((a) => a.text)
            const more = aliases.length - SHOWN_ALIASES
            const buttonTab = tabbable ? 0 : -1
            return (
              <tr
                key={entity.id}
                ref={rowRef(entity.id)}
                tabIndex={tabbable ? 0 : -1}
                aria-labelledby={`entity-name-${entity.id}`}
                className="library-row entity-row"
                data-entity-id={entity.id}
                onFocus={() => setFocusedId(entity.id)}
                onKeyDown={(e) => onRowKeyDown(e, entity, index)}
              >
                <th scope="row" className="entity-cell-name">
                  <span id={`entity-name-${entity.id}`} className="entity-name" dir="auto">
                    {entity.name}
                  </span>
                  {entity.description && (
                    <span className="entity-description" title={entity.description}>
                      {entity.description}
                    </span>
                  )}
                </th>
                <td className="entity-cell-type">{typeLabel(entity)}</td>
                <td className="entity-cell-aliases" title={aliases.join(', ') || undefined}>
                  {aliases.slice(0, SHOWN_ALIASES).map((text, i) => (
                    <span key={text}>
                      <bdi>{text}</bdi>
                      {i < Math.min(aliases.length, SHOWN_ALIASES) - 1 ? ', ' : ''}
                    </span>
                  ))}
                  {more > 0 && <span className="entity-more"> +{more} more</span>}
                </td>
                <td className="is-numeric">{entity.mentions.toLocaleString('en')}</td>
                <td className="is-numeric">{entity.articles.toLocaleString('en')}</td>
                <td className="library-actions">
                  <div className="library-actions-inner">
                    <button type="button" className="button button-small" tabIndex={buttonTab} aria-label={`Edit ${entity.name}`} onClick={() => onAction('edit', entity)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      tabIndex={buttonTab}
                      aria-label={`Merge another entity into ${entity.name}…`}
                      disabled={!canMerge}
                      onClick={() => onAction('merge', entity)}
                    >
                      Merge…
                    </button>
                    <button
                      type="button"
                      className="button button-small"
                      tabIndex={buttonTab}
                      aria-label={`Split ${entity.name}…`}
                      disabled={entity.aliases.length === 0}
                      onClick={() => onAction('split', entity)}
                    >
                      Split…
                    </button>
                    <button type="button" className="button button-small button-danger" tabIndex={buttonTab} aria-label={`Delete ${entity.name}`} onClick={() => onAction('delete', entity)}>
                      Delete
                    </button>
                  </div>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
