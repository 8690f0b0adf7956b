/**
 * Status wording for import reports.
 */
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../core/api'
import type { ArticleId } from '../../core/ids'
import { describeImport } from './import-report'

const report = (partial: Partial<ImportReport>): ImportReport => ({
  items: [],
  imported: 0,
  duplicates: 0,
  failed: 0,
  ...partial,
})

describe('describeImport', () => {
  it('says only how many were imported when all went in', () => {
    expect(describeImport(report({ imported: 5 }))).toEqual({ summary: 'Imported 5 articles', failures: [], lines: [] })
    expect(describeImport(report({ imported: 1 })).summary).toBe('Imported 1 article')
  })

  it('counts duplicates and failures and names each failed file', () => {
    const result = describeImport(
      report({
        imported: 3,
        duplicates: 1,
        failed: 1,
        items: [
          { source: 'a.txt', status: 'imported' },
          { source: 'b.txt', status: 'duplicate' },
          { source: 'photo.jpg', status: 'failed', error: { code: 'binary-file', message: 'photo.jpg is not a text file.' } },
        ],
      }),
      [{ name: 'folder', message: 'could not be read' }],
    )
    expect(result.summary).toBe('Imported 3 articles, 1 duplicate, 2 failed')
    expect(result.failures).toEqual(['folder: could not be read', 'photo.jpg: photo.jpg is not a text file.'])
  })

  it('lists every file: imported as which title, duplicate of which, likely rewrites, failed and cancelled', () => {
    const result = describeImport(
      report({
        imported: 1,
        duplicates: 1,
        failed: 3,
        items: [
          {
            source: 'reuters.html',
            status: 'imported',
            title: 'Convoy turned back',
            rewriteOf: [{ articleId: 'a-0000000001' as ArticleId, title: 'Officials: convoy back', score: 0.816 }],
          },
          { source: 'again.txt', status: 'duplicate', title: 'Tartus talks', duplicateOf: 'a-0000000002' as ArticleId },
          { source: 'empty.txt', status: 'failed', error: { code: 'empty-file', message: 'empty.txt holds no text to import.' } },
          { source: 'c.txt', status: 'failed', error: { code: 'canceled', message: 'Not imported: the import was cancelled before this file.' } },
          { source: 'd.txt', status: 'failed', error: { code: 'canceled', message: 'Not imported: the import was cancelled before this file.' } },
        ],
      }),
    )
    expect(result.summary).toBe('Imported 1 article, 1 duplicate, 1 failed, 2 cancelled')
    expect(result.lines).toEqual([
      'reuters.html: imported as “Convoy turned back”',
      'reuters.html: likely rewrite of “Officials: convoy back” (82%)',
      'again.txt: duplicate of “Tartus talks”, not imported again',
      'empty.txt: empty.txt holds no text to import.',
      'c.txt: cancelled, not imported',
      'd.txt: cancelled, not imported',
    ])
    expect(result.failures).toEqual(['empty.txt: empty.txt holds no text to import.'])
  })
})
