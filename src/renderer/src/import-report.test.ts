/**
 * Status wording for import reports.
 */
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../core/api'
import type { ArticleId } from '../../core/ids'
import { describeImport, describeItem, logRow } from './import-report'

const report = (partial: Partial<ImportReport>): ImportReport => ({
  items: [],
  imported: 0,
  duplicates: 0,
  failed: 0,
  skipped: 0,
  ...partial,
})

describe('describeImport', () => {
  it('says only how many were imported when all went in', () => {
    expect(describeImport(report({ imported: 5 }))).toEqual({ summary: 'Imported 5 articles', rows: [], failures: [], lines: [] })
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

describe('the import log', () => {
  it('has a row per file: imported, likely rewrite, duplicate, failed, skipped with its reason, cancelled', () => {
    const { rows, summary } = describeImport(
      report({
        imported: 2,
        duplicates: 1,
        failed: 2,
        skipped: 1,
        items: [
          { source: '/corpus/a.txt', status: 'imported', title: 'Tartus talks' },
          { source: '/corpus/b.txt', status: 'imported', title: 'Convoy', rewriteOf: [{ articleId: 'a-0000000001' as ArticleId, title: 'Officials', score: 0.53 }] },
          { source: '/corpus/c.txt', status: 'duplicate', title: 'Tartus talks' },
          { source: '/corpus/notes.xyz', status: 'skipped', reason: 'not a format Dossier imports (.xyz; it reads .txt)' },
          { source: 'd.txt', status: 'failed', error: { code: 'empty-file', message: 'd.txt holds no text to import.' } },
          { source: 'e.txt', status: 'failed', error: { code: 'canceled', message: 'Not imported.' } },
        ],
      }),
    )
    expect(summary).toBe('Imported 2 articles, 1 duplicate, 1 failed, 1 skipped, 1 cancelled')
    expect(rows.map((r) => [r.file, r.folder, r.outcome])).toEqual([
      ['a.txt', '/corpus', 'imported'],
      ['b.txt', '/corpus', 'rewrite'],
      ['c.txt', '/corpus', 'duplicate'],
      ['notes.xyz', '/corpus', 'skipped'],
      ['d.txt', null, 'failed'],
      ['e.txt', null, 'cancelled'],
    ])
    expect(rows[1]!.detail).toBe('Imported as “Convoy”; likely rewrite of “Officials” (53%)')
    expect(rows[3]!.detail).toBe('Not a format Dossier imports (.xyz; it reads .txt)')
  })
})

describe('the outlet an imported text names', () => {
  it('says which known outlet it matched, or offers it to add', () => {
    const item = { source: '003.txt', status: 'imported' as const, title: 'Russia withdraws equipment' }
    expect(logRow({ ...item, statedOutlet: { name: 'bne IntelliNews', source: 'signature', known: null } }).detail).toBe(
      'Imported as “Russia withdraws equipment”; its text names the outlet “bne IntelliNews”, not among your outlets: add it in Sources or with Edit details',
    )
    expect(describeItem({ ...item, statedOutlet: { name: 'SwissX REDD UK ltd', source: 'copyright', known: 'SwissX' } })).toContain('003.txt: outlet SwissX (its text names “SwissX REDD UK ltd”)')
  })
})
