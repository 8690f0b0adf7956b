/**
 * Status wording for import reports.
 */
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../core/api'
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
    expect(describeImport(report({ imported: 5 }))).toEqual({ summary: 'Imported 5 articles', failures: [] })
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
})
