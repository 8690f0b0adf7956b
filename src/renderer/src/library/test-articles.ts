/** Library rows for the library tests (invented articles, not the corpus). */
import type { ArticleSummary } from '../../../core/api'
import type { ArticleId } from '../../../core/ids'

export function summary(n: number, partial: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: `a-${String(n).padStart(10, '0')}` as ArticleId,
    title: `Article ${n}`,
    outlet: null,
    author: null,
    published: null,
    url: null,
    wordCount: 100,
    importedAt: '2026-11-21T10:00:00.000Z',
    sourceFileName: `article-${n}.txt`,
    highlightCount: 0,
    format: 'txt',
    language: null,
    flags: [],
    rewrites: [],
    metaEdited: [],
    ...partial,
  }
}
