import { describe, expect, it } from 'vitest'
import type { PassageSummary } from '../../../core/api'
import type { Tag } from '../../../core/model'
import { nextPassageSort, sortPassageRows } from './table-sort'

const tags = [{ id: 't-b', name: 'Bases' }, { id: 't-a', name: 'Aviation' }] as unknown as Tag[]
function passage(id: string, exact: string, extra: { outlet?: string; published?: string; credibility?: number; tagIds?: string[]; comment?: string } = {}): PassageSummary {
  return {
    highlight: { id, target: { exact }, tagIds: extra.tagIds ?? [], comment: extra.comment ?? '', credibility: extra.credibility },
    articleTitle: 'A',
    outlet: extra.outlet ?? null,
    published: extra.published ?? null,
  } as unknown as PassageSummary
}

const rows = [
  passage('h1', 'beta', { outlet: 'Reuters', published: '2024-01-02', credibility: 3, tagIds: ['t-b'] }),
  passage('h2', 'Alpha', { published: '2024-03-01', tagIds: ['t-a'], comment: 'note' }),
  passage('h3', 'gamma', { outlet: 'AP', credibility: 1 }),
]
const ids = (list: PassageSummary[]) => list.map((p) => p.highlight.id)

describe('sorting the passages table', () => {
  it('sorts text without regard to case, dates and grades in order, missing values last both ways', () => {
    expect(ids(sortPassageRows(rows, { key: 'quote', direction: 'ascending' }, tags))).toEqual(['h2', 'h1', 'h3'])
    expect(ids(sortPassageRows(rows, { key: 'outlet', direction: 'ascending' }, tags))).toEqual(['h3', 'h1', 'h2'])
    expect(ids(sortPassageRows(rows, { key: 'outlet', direction: 'descending' }, tags))).toEqual(['h1', 'h3', 'h2'])
    expect(ids(sortPassageRows(rows, { key: 'published', direction: 'descending' }, tags))).toEqual(['h2', 'h1', 'h3'])
    expect(ids(sortPassageRows(rows, { key: 'grade', direction: 'ascending' }, tags))).toEqual(['h3', 'h1', 'h2'])
    expect(ids(sortPassageRows(rows, { key: 'tags', direction: 'ascending' }, tags))).toEqual(['h2', 'h1', 'h3'])
  })
  it('starts dates newest first and flips a column clicked again', () => {
    expect(nextPassageSort(null, 'published')).toEqual({ key: 'published', direction: 'descending' })
    expect(nextPassageSort({ key: 'quote', direction: 'ascending' }, 'quote')).toEqual({ key: 'quote', direction: 'descending' })
  })
})
