/**
 * A valid Article record for tests, with the fields a test cares about given and the rest
 * filled with fixed, schema-valid values (hashes, counts, no analysis findings).
 */
import type { ArticleId } from '../ids'
import { emptyAnalysisFields, type Article } from '../model'

export function testArticle(id: string, fields: Partial<Omit<Article, 'id'>> & Pick<Article, 'title'>): Article {
  return {
    id: id as ArticleId,
    outlet: null,
    author: null,
    published: null,
    url: null,
    metaSources: {},
    bodyHash: 'a'.repeat(64),
    wordCount: 10,
    charCount: 100,
    importedAt: '2025-03-01T00:00:00.000Z',
    ...emptyAnalysisFields(),
    source: { fileName: `${id}.txt`, format: 'txt', originalFile: `originals/${'b'.repeat(64)}.txt`, originalHash: 'b'.repeat(64) },
    ...fields,
  }
}
