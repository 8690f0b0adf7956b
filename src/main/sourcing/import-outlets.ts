/**
 * After an import (notes/sourcing.md): each new article's outlet, as its text states it
 * (the importer's analysis), is matched against the known outlets and aliases; the report
 * says which it matched, or offers the name for the analyst to add, never creating one.
 */
import type { ImportReport } from '../../core/api'
import type { ArticleId } from '../../core/ids'
import { statedOutletOf } from './article-details'
import type { SourcingSession } from './sourcing-session'

/** Sets `statedOutlet` on the report's imported items whose text names an outlet. */
export async function offerStatedOutlets(sourcing: SourcingSession, report: ImportReport): Promise<void> {
  const imported = report.items.filter((i) => i.status === 'imported' && i.articleId !== undefined)
  if (imported.length === 0) return
  const m = await sourcing.matcher()
  for (const item of imported) {
    const article = sourcing.store.article(item.articleId as ArticleId)
    const stated = article === undefined ? null : statedOutletOf(article, m)
    if (stated !== null) item.statedOutlet = stated
  }
}
