/**
 * The entity part of a `NotebookSession` (session.entities): names, places and aliases,
 * their mention index, suggestions, and search with names. Every change returns the
 * entities file it replaced (`previous`), which `restore` puts back (undo).
 */
import type { EntitiesFile, EntityPatch, EntityType, NewEntity, VariantOptions, VariantSuggestion } from '../../core/entities'
import type { SearchResponse } from '../../core/search/types'
import type { NotebookSearch } from '../search/notebook-search'
import type { NotebookStore } from '../storage/notebook-store'
import * as ops from './entity-ops'
import { searchWithNames, type NamesSearchQuery } from './entity-search'
import { MentionIndex } from './mention-index'
import { acceptSuggestion, rejectSuggestionById, suggestVariants } from './suggestions'

export type { EntitiesChange, EntitySummary } from './entity-ops'
export type { NamesSearchQuery } from './entity-search'

export class EntitySession {
  #mentions: MentionIndex | null = null
  readonly #ctx: ops.EntityContext

  constructor(store: NotebookStore, randomHex: () => string) {
    this.#ctx = { store, randomHex, mentions: () => this.mentionIndex() }
  }

  /** The mention index, opened (read from its cache or built) on first use. */
  mentionIndex(): MentionIndex {
    this.#mentions ??= MentionIndex.open(this.#ctx.store)
    return this.#mentions
  }

  /** The file as saved (entities and rejected suggestions). */
  file(): Promise<EntitiesFile> {
    return this.#ctx.store.entities()
  }

  list(): Promise<ops.EntitySummary[]> {
    return ops.listEntities(this.#ctx)
  }

  add(input: Omit<NewEntity, 'id'>) {
    return ops.addEntity(this.#ctx, input)
  }

  addAlias(name: string, alias: string) {
    return ops.addEntityAlias(this.#ctx, name, alias)
  }

  removeAlias(name: string, alias: string) {
    return ops.removeEntityAlias(this.#ctx, name, alias)
  }

  rename(name: string, newName: string, keepOldName = true) {
    return ops.renameNamedEntity(this.#ctx, name, newName, keepOldName)
  }

  edit(name: string, patch: EntityPatch) {
    return ops.editNamedEntity(this.#ctx, name, patch)
  }

  merge(keep: string, other: string) {
    return ops.mergeNamedEntities(this.#ctx, keep, other)
  }

  split(name: string, newName: string, aliases: string[], type?: EntityType) {
    return ops.splitNamedEntity(this.#ctx, name, newName, aliases, type)
  }

  delete(name: string) {
    return ops.deleteNamedEntity(this.#ctx, name)
  }

  /** Undo of any change: the file it returned as `previous`. */
  restore(previous: EntitiesFile) {
    return ops.restoreEntities(this.#ctx, previous)
  }

  /** Adds a gazetteer pack's entities from its JSON text; `label` names it in the error for a malformed one (default "gazetteer file"). */
  importPack(json: string, label?: string) {
    return ops.importEntityPack(this.#ctx, json, label)
  }

  /** Removes the entities a pack added (by id). */
  removePack(json: string) {
    return ops.removeEntityPack(this.#ctx, json)
  }

  suggest(options?: VariantOptions): Promise<VariantSuggestion[]> {
    return suggestVariants(this.#ctx, options)
  }

  accept(suggestionId: string, type?: EntityType) {
    return acceptSuggestion(this.#ctx, suggestionId, type)
  }

  reject(suggestionId: string) {
    return rejectSuggestionById(this.#ctx, suggestionId)
  }

  search(search: NotebookSearch, query: NamesSearchQuery): Promise<SearchResponse> {
    return searchWithNames(this.#ctx, search, query)
  }

  /** Writes the mention index if it changed, and stops following the notebook. */
  async close(): Promise<void> {
    await this.#mentions?.close().catch(() => undefined)
    this.#mentions = null
  }
}
