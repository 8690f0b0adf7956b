/**
 * The composer's entity controls (decision 49), beside the tag sections: the sections of
 * entities the briefing has (untick to remove), "Add section from entity…" (a list of the
 * notebook's entities not yet in it: choosing one adds its section, every passage that
 * mentions it under any spelling), and whether the briefing ends with an index of entities.
 */
import { addSection, removeSection, selectedEntityIds, setEntityIndex, type BriefingDocument } from '../../../../core/briefing-document'
import type { EntityId } from '../../../../core/entities'
import type { Briefings } from '../../hooks/useBriefings'

/** What the composer needs of an entity: from api.listEntities. */
export interface EntityChoice {
  id: EntityId
  name: string
  aliases: { text: string }[]
  mentions: number
}

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
        <select
          aria-label={ADD_ENTITY_LABEL}
          value=""
          disabled={available.length === 0}
          onChange={(e) => {
            const entity = byId.get(e.target.value as EntityId)
            if (entity) editor.edit(`add section ${entity.name}`, (d) => addSection(d, entity.id))
          }}
        >
          <option value="">{ADD_ENTITY_LABEL}</option>
          {available.map((e) => (
            <option key={e.id} value={e.id}>
              {optionLabel(e)}
            </option>
          ))}
        </select>
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

/** `Tartus (Tartous, Tartouss, طرطوس, …)`: the name and its first few other spellings, so the list stays narrow. */
export function optionLabel(entity: Pick<EntityChoice, 'name' | 'aliases'>): string {
  const shown = entity.aliases.slice(0, 3).map((a) => a.text)
  if (shown.length === 0) return entity.name
  return `${entity.name} (${shown.join(', ')}${entity.aliases.length > shown.length ? ', …' : ''})`
}
