/** An article as the library lists it: metadata, counts, flags, and rewrite links with the other article's title. */
import type { ArticleSummary } from '../../core/api'
import type { Article } from '../../core/model'
import type { NotebookStore } from '../storage/notebook-store'

export function summariseArticle(a: Article, store: Pick<NotebookStore, 'article' | 'highlightCount'>): ArticleSummary {
  // A link to an article no longer in the notebook (deleted, in the trash) is not shown; it stays stored for undo.
  const rewrites = a.rewrites.flatMap((link) => {
    const other = store.article(link.articleId)
    return other ? [{ ...link, title: other.title }] : []
  })
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    published: a.published,
    url: a.url,
    wordCount: a.wordCount,
    importedAt: a.importedAt,
    sourceFileName: a.source.fileName,
    highlightCount: store.highlightCount(a.id),
    format: a.format,
    language: a.language,
    flags: a.flags,
    rewrites,
    metaEdited: a.metaEdited,
  }
}
