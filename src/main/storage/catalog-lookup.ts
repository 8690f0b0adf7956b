/**
 * Articles by id and by body hash, as Maps over one catalog object: rebuilt when the
 * catalog object changes (a save replaces it), so a look-up never sees a stale catalog.
 */
import type { ArticleId } from '../../core/ids'
import type { Article, Catalog } from '../../core/model'

export interface CatalogMaps {
  byId: Map<ArticleId, Article>
  byBody: Map<string, Article>
}

export class CatalogLookup {
  #of: (CatalogMaps & { catalog: Catalog }) | null = null

  /** The maps of `catalog`, built on first use after each change. */
  of(catalog: Catalog): CatalogMaps {
    if (this.#of?.catalog !== catalog) {
      const byId = new Map<ArticleId, Article>()
      const byBody = new Map<string, Article>()
      for (const a of catalog.articles) {
        byId.set(a.id, a)
        byBody.set(a.bodyHash, a)
      }
      this.#of = { catalog, byId, byBody }
    }
    return this.#of
  }
}
