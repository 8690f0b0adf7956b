/**
 * Deleting an article moves it, with its highlights, to `<notebook>/trash/<articleId>.json`
 * so undo can restore it exactly; bodies and originals stay (content-addressed).
 */
import type { ArticleRemoval } from '../../core/api'
import type { ArticleId } from '../../core/ids'
import type { Article } from '../../core/model'
import { DossierError } from '../../core/result'
import type { NotebookStore } from '../storage/notebook-store'

export async function deleteArticle(_store: NotebookStore, _articleId: ArticleId): Promise<ArticleRemoval> {
  throw new DossierError('internal', 'deleteArticle is not built yet')
}

export async function restoreArticle(_store: NotebookStore, _articleId: ArticleId): Promise<Article> {
  throw new DossierError('internal', 'restoreArticle is not built yet')
}
