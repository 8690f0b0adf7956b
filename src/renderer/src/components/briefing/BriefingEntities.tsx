/**
 * The composer's entity controls (decision 49), beside the tag sections: the sections of
 * entities the briefing has (untick to remove), "Add section from entity…" (the app's one
 * entity combobox over the notebook's entities not yet in it, found by any spelling and
 * shown with type and mention count: choosing one adds its section, every passage that
 * mentions it under any spelling; focus stays in the box for the next one), and whether
 * the briefing ends with an index of entities.
 */
import type { EntitySummary } from '../../../../core/api-entities'
import { addSection, removeSection, selectedEntityIds, setEntityIndex, type BriefingDocument } from '../../../../core/briefing-document'
import { typeLabel } from '../../entities/entity-list'
import type { Briefings } from '../../hooks/useBriefings'
import { plural } from '../../plural'
import { EntityCombobox } from '../filters/EntityCombobox'

/** What the composer needs of an entity: from api.listEntities. */
export type EntityChoice = EntitySummary

export interface BriefingEntitiesProps {
  doc: BriefingDocument
  entities: readonly EntityChoice[]
  editor: Pick<Briefings, 'edit'>
}

export const ADD_ENTITY_LABEL = 'Add section from entity…'

export function BriefingEntities({ doc, entities, editor }: BriefingEntitiesProps) {
  const chosen = selectedEntityIds(doc)
  const byId = new Map(entities.map((e) => [e.id, e]))
  const available = entities.filter((e) => !chosen.includes(e.id))
  return (
    <fieldset className="briefing-tags briefing-entities">
      <legend>Sections (entities)</legend>
      {chosen.map((id) => {
        const entity = byId.get(id)
        const name = entity?.name ?? `${id} (deleted)`
        return (
          <label key={id} className="briefing-tag-option briefing-entity-option">
            <input type="checkbox" checked onChange={() => editor.edit(`remove section ${name}`, (d) => removeSection(d, id))} />
            {name}
          </label>
        )
      })}
      {entities.length === 0 ? (
        <p className="briefing-hint">The notebook has no entities yet: add names and places in the Entities view.</p>
      ) : (
        <EntityCombobox
          className="entity-filter briefing-entity-add"
          entities={available}
          label={ADD_ENTITY_LABEL}
          placeholder={available.length === 0 ? 'Every entity has its section' : 'Name or any spelling'}
          disabled={available.length === 0}
          describe={(e) => `${typeLabel(e)} · ${plural(e.mentions, 'mention')}`}
          onChoose={(entity) => editor.edit(`add section ${entity.name}`, (d) => addSection(d, entity.id))}
        />
      )}
      <label className="briefing-tag-option">
        <input
          type="checkbox"
          checked={doc.entityIndex === true}
          onChange={(e) => editor.edit(e.target.checked ? 'add index of entities' : 'remove index of entities', (d) => setEntityIndex(d, e.target.checked))}
        />
        Index of entities (at the end of the PDF)
      </label>
    </fieldset>
  )
}
