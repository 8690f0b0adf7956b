/**
 * The service methods of the entity API (src/core/api-entities.ts) on the open notebook's
 * `session.entities`. Entities arrive by id; every change hands back the file it replaced.
 * A gazetteer file is chosen in main's own dialog and read here: the renderer never names a path.
 */
import type { ArticleEntity, EntitiesApi } from '../../core/api-entities'
import { passagesMentioning, type EntityId } from '../../core/entities'
import type { ArticleId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { DossierError } from '../../core/result'
import { basename } from 'node:path'
import type { Dialogs } from '../dialogs'
import type { NotebookSession } from '../notebook-session'
import { readPackFile } from './entity-ops'

type EntityService = {
  [K in keyof EntitiesApi]: EntitiesApi[K] extends (...args: infer P) => Promise<{ ok: true; value: infer R } | { ok: false }> ? (...args: P) => Promise<R> : never
}

export function createEntityService(session: () => NotebookSession, starterPackFile: string | undefined, dialogs: Pick<Dialogs, 'chooseGazetteerFile'>): EntityService {
  const entities = () => session().entities
  const starterPack = async () => {
    if (starterPackFile === undefined) throw new DossierError('unsupported', 'The starter gazetteer is not installed with this copy of Dossier.')
    return readPackFile(starterPackFile)
  }
  return {
    listEntities: () => entities().list(),
    createEntity: (request) => entities().add(request),
    editEntity: ({ entityId, edit }) => entities().edit(entityId, edit),
    renameEntity: ({ entityId, name, keepOldName }) => entities().rename(entityId, name, keepOldName ?? true),
    addEntityAlias: ({ entityId, alias }) => entities().addAlias(entityId, alias),
    removeEntityAlias: ({ entityId, alias }) => entities().removeAlias(entityId, alias),
    mergeEntities: ({ keepId, otherId }) => entities().merge(keepId, otherId),
    splitEntity: ({ entityId, name, aliases }) => entities().split(entityId, name, aliases),
    deleteEntity: ({ entityId }) => entities().delete(entityId),
    restoreEntities: ({ file }) => entities().restore(file),
    listEntitySuggestions: () => entities().suggest(),
    async acceptEntitySuggestion({ suggestionId, type }) {
      const { value, previous } = await entities().accept(suggestionId, type)
      return { value, previous }
    },
    async rejectEntitySuggestion({ suggestionId }) {
      const { value, previous } = await entities().reject(suggestionId)
      return { value, previous }
    },
    addStarterGazetteer: async () => entities().importPack(await starterPack()),
    removeStarterGazetteer: async () => entities().removePack(await starterPack()),
    async importGazetteerFile() {
      const notebook = session() // no notebook open: refused before any dialog
      const path = await dialogs.chooseGazetteerFile()
      if (path === null) return { canceled: true }
      const fileName = basename(path)
      const done = await notebook.entities.importPack(await readPackFile(path), `gazetteer file “${fileName}”`)
      return { ...done, fileName }
    },
    async getArticleEntities({ articleId }) {
      const notebook = session()
      if (notebook.store.article(articleId) === undefined) throw new DossierError('not-found', 'That article is not in this notebook any more.')
      const index = notebook.entities.mentionIndex()
      await index.whenReady()
      const file = await notebook.entities.file()
      const byId = new Map<EntityId, ArticleEntity>()
      for (const m of index.mentionsIn(articleId)) {
        let row = byId.get(m.entityId)
        if (row === undefined) {
          const entity = file.entities.find((e) => e.id === m.entityId)
          if (entity === undefined) continue // the index is behind a delete; the next sync drops it
          byId.set(m.entityId, (row = { entityId: entity.id, name: entity.name, type: entity.type, mentions: [] }))
        }
        row.mentions.push(m)
      }
      return [...byId.values()].sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
    },
    async listEntityPassages({ entityId }) {
      const notebook = session()
      const file = await notebook.entities.file()
      if (!file.entities.some((e) => e.id === entityId)) throw new DossierError('not-found', 'That entity is not in this notebook any more.')
      const index = notebook.entities.mentionIndex()
      await index.whenReady()
      const articles = index.articlesOf(entityId)
      const byArticle = new Map<ArticleId, Highlight[]>()
      for (const h of await notebook.store.allHighlights()) {
        if (!articles.has(h.articleId)) continue
        const list = byArticle.get(h.articleId)
        if (list === undefined) byArticle.set(h.articleId, [h])
        else list.push(h)
      }
      return [...byArticle].flatMap(([articleId, list]) =>
        passagesMentioning(
          list,
          index.mentionsIn(articleId).filter((m) => m.entityId === entityId),
        ),
      )
    },
  }
}
