/**
 * Suggested variants (notes/entities.md, "Suggestion rules"): the notebook's names are
 * gathered from every article's text (`extractNames`, `NameTally`) and compared with the
 * entities' spellings and with each other (`proposeVariants`). Nothing is merged without
 * the analyst: `acceptSuggestion` adds the alias (or, for two unknown names, makes a new
 * entity of them), `rejectSuggestionById` records the refusal in entities.json so it is
 * never proposed again. Both return the file they replaced, for undo.
 *
 * The names and the suggestions are derived caches (name-cache.ts): the names read from
 * the bodies once, then kept per article in `names.json` and brought in step by reading
 * only the articles added, changed or deleted; the suggestions from `suggestions.json`,
 * updated for the names those articles touch, and compared anew when the entities (and
 * rejected suggestions) change.
 */
import { addAlias, createEntity, makeEntityId, rejectSuggestion, type Entity, type EntityType, type VariantOptions, type VariantSuggestion } from '../../core/entities'
import { DossierError, err } from '../../core/result'
import { type EntitiesChange, type EntityContext } from './entity-ops'
import { notebookSuggestions } from './name-cache'

/** Every suggestion for the notebook as it is now, best first (rejected ones left out). */
export async function suggestVariants(ctx: EntityContext, options: VariantOptions = {}): Promise<VariantSuggestion[]> {
  return (await notebookSuggestions(ctx.store, await ctx.store.entities(), options)).suggestions
}

async function findSuggestion(ctx: EntityContext, id: string): Promise<VariantSuggestion> {
  if (!/^s-[0-9a-f]{16}$/.test(id.trim())) throw new DossierError('bad-request', `“${id.slice(0, 40)}” is not a suggestion id (s- and 16 hex digits, as \`dossier entities suggest\` lists them).`)
  const found = (await suggestVariants(ctx, { limit: 100_000 })).find((s) => s.id === id.trim())
  if (found === undefined) throw new DossierError('not-found', `There is no suggestion ${id.trim()} now (it was accepted or rejected, or the notebook changed): run \`dossier entities suggest\`.`)
  return found
}

/**
 * Accepts a suggestion: an alias suggestion adds the name as an alias of its entity; a
 * pair makes a new entity named by the more frequent name, with the other as its alias
 * (its type must be given).
 */
export async function acceptSuggestion(ctx: EntityContext, id: string, type?: EntityType): Promise<EntitiesChange<Entity> & { suggestion: VariantSuggestion }> {
  const suggestion = await findSuggestion(ctx, id)
  if (suggestion.kind === 'pair' && type === undefined) {
    throw new DossierError('bad-request', `Suggestion ${suggestion.id} (${suggestion.label}) makes a new entity: give its type with --type (place, unit, ship, person or organisation).`)
  }
  const newId = makeEntityId(ctx.randomHex())
  const target = suggestion.kind === 'alias' ? suggestion.entityId : newId
  const done = await ctx.store.updateEntities((draft) => {
    const previous = { ...draft }
    const next =
      suggestion.kind === 'alias'
        ? addAlias(previous, suggestion.entityId, suggestion.name.text)
        : previous.entities.some((e) => e.id === newId)
          ? err('bad-request', 'Entity id clash; try again.')
          : createEntity(previous, { id: newId, name: suggestion.name.text, type: type!, aliases: [suggestion.other.text] })
    if (!next.ok) throw new DossierError(next.error.code, next.error.message)
    draft.entities = next.value.entities
    return { previous, value: next.value.entities.find((e) => e.id === target)! }
  })
  return { ...done, suggestion }
}

/** Rejects a suggestion for good (kept in entities.json's `rejected`). */
export async function rejectSuggestionById(ctx: EntityContext, id: string): Promise<EntitiesChange<null> & { suggestion: VariantSuggestion }> {
  const suggestion = await findSuggestion(ctx, id)
  const done = await ctx.store.updateEntities((draft) => {
    const previous = { ...draft }
    draft.rejected = rejectSuggestion(previous, { id: suggestion.id, label: suggestion.label }).rejected
    return { previous, value: null }
  })
  return { ...done, suggestion }
}
