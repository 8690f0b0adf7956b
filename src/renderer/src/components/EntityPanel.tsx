/**
 * The reader's names panel (complementary region "Names in this article", below the
 * highlights; issue 13): the entities the open article mentions, grouped by type, most
 * mentioned first, each with its count. Pressing one marks all its mentions in the text
 * (reader/useEntityMarks.ts) and goes to the first; Previous and Next (or N and Shift+N)
 * move between them, saying which one ("Mention 2 of 5"), and the entity card shows beside
 * the mention. Pressing it again clears the marks; Escape hides the card, then clears.
 */
import type { KeyboardEvent } from 'react'
import type { ArticleEntity } from '../../../core/api-entities'
import type { EntityId } from '../../../core/entities'
import { dispatchKey } from '../../../core/shortcuts'
import { IS_MAC } from '../hooks/useAppKeys'
import type { ArticleEntities } from '../hooks/useArticleEntities'
import { groupByType } from '../reader/entity-marks'

export interface MarkState {
  entityId: EntityId
  /** Index into the entity's mentions. */
  current: number
  /** The card shows beside the current mention (after the panel moved to it). */
  card: boolean
}

interface Props {
  data: ArticleEntities
  marks: MarkState | null
  /** Id of the entity card while it shows the marked entity (the marked button is described by it). */
  cardId: string | null
  onMark(entityId: EntityId | null): void
  onStep(by: 1 | -1): void
  onEscape(): void
}

export const NO_NAMES = 'No known names in this article. Add entities in the Entities view.'

function Count({ n }: { n: number }) {
  return (
    <span className="entity-count">
      {n}
      <span className="visually-hidden">{n === 1 ? ' mention' : ' mentions'}</span>
    </span>
  )
}

export function EntityPanel({ data, marks, cardId, onMark, onStep, onEscape }: Props) {
  const { entities, failure } = data
  const groups = entities ? groupByType(entities) : []

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!marks) return
    const taken = dispatchKey(e, 'names', IS_MAC, {
      'names.next': () => onStep(1),
      'names.previous': () => onStep(-1),
      'names.clear': () => onEscape(),
    })
    if (taken) e.preventDefault()
  }

  const item = (entity: ArticleEntity) => {
    const marked = marks?.entityId === entity.entityId
    const count = entity.mentions.length
    return (
      <li key={entity.entityId} className={`entity-item${marked ? ' is-marked' : ''}`}>
        <button
          type="button"
          className="entity-toggle"
          aria-pressed={marked}
          aria-describedby={marked && cardId ? cardId : undefined}
          title={marked ? 'Clear the marks' : 'Mark its mentions in the text'}
          onClick={() => onMark(marked ? null : entity.entityId)}
        >
          <span className="entity-name" dir="auto">
            {entity.name}
          </span>{' '}
          <Count n={count} />
        </button>
        {marked && marks && (
          <div className="entity-nav" role="group" aria-label={`Mentions of ${entity.name}`}>
            <button type="button" className="button button-small" onClick={() => onStep(-1)} disabled={count < 2} aria-keyshortcuts="Shift+N">
              Previous
            </button>
            <span className="entity-position" role="status">
              Mention {marks.current + 1} of {count}
            </span>
            <button type="button" className="button button-small" onClick={() => onStep(1)} disabled={count < 2} aria-keyshortcuts="N">
              Next
            </button>
          </div>
        )}
      </li>
    )
  }

  return (
    <aside className="panel entity-panel" aria-label="Names in this article" onKeyDown={onKeyDown}>
      <div className="pane-header">
        <h2 className="pane-heading">
          Names in this article {entities && <span className="pane-count">{entities.length}</span>}
        </h2>
      </div>
      {failure && (
        <p className="entity-failure" role="alert">
          Could not list the names: {failure.message}
        </p>
      )}
      {entities === null && !failure && <p className="entity-loading">Looking for names…</p>}
      {entities && entities.length === 0 && !failure && (
        <p className="entity-empty">{NO_NAMES}</p>
      )}
      {groups.map((g) => (
        <section key={g.type} className="entity-group" aria-label={g.label}>
          <h3 className="pane-subheading">{g.label}</h3>
          <ul className="entity-list">{g.entities.map(item)}</ul>
        </section>
      ))}
      {groups.length > 0 && (
        <p className="entity-legend">
          Marked mentions are <span className="entity-legend-sample">underlined twice</span> in the text.
        </p>
      )}
    </aside>
  )
}
