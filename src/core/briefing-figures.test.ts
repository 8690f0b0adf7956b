import { describe, expect, it } from 'vitest'
import type { AchId } from './ach'
import { createBriefingDocument, makeBriefingId, parseBriefingDocument } from './briefing-document'
import { addBriefingMatrix, addFigure, removeBriefingMatrix, removeFigure } from './briefing-figures'
import type { TagId } from './ids'

const doc = () => createBriefingDocument({ id: makeBriefingId('0123456789'), now: '2025-01-15T10:00:00.000Z', tags: [{ id: 't-bases' as TagId }] })
const M1 = 'm-0000000001' as AchId

describe('figures and matrices of a briefing document', () => {
  it('a document stored before them reads as it was (no migration), and one holding them round-trips', () => {
    const old = doc()
    expect(parseBriefingDocument(JSON.parse(JSON.stringify(old)))).toEqual(old)
    const withAll = addBriefingMatrix(addFigure(addFigure(old, { kind: 'timeline', section: 't-bases' as TagId, tagIds: [] }), { kind: 'map', from: '2024-12' }), M1)
    expect(withAll.figures).toEqual([
      { id: 'F1', kind: 'timeline', section: 't-bases' },
      { id: 'F2', kind: 'map', from: '2024-12' },
    ])
    expect(parseBriefingDocument(JSON.parse(JSON.stringify(withAll)))).toEqual(withAll)
  })

  it('ids grow from the highest in use; removing the last figure or matrix drops the field', () => {
    const two = addFigure(addFigure(doc(), { kind: 'timeline' }), { kind: 'map' })
    expect(addFigure(removeFigure(two, 'F1'), { kind: 'timeline' }).figures?.map((f) => f.id)).toEqual(['F2', 'F3'])
    expect('figures' in removeFigure(removeFigure(two, 'F1'), 'F2')).toBe(false)
    const one = addBriefingMatrix(doc(), M1)
    expect(addBriefingMatrix(one, M1)).toBe(one)
    expect('achMatrices' in removeBriefingMatrix(one, M1)).toBe(false)
  })

  it('refuses a day that does not exist, an end before its start, lanes on a map and an unknown figure, with one line', () => {
    expect(() => addFigure(doc(), { kind: 'timeline', to: '2025-02-30' })).toThrow(/^The figure cannot be added: to: /)
    expect(() => addFigure(doc(), { kind: 'timeline', from: '2025-03', to: '2025-01-31' })).toThrow('the end of the date range (2025-01-31) is before its start (2025-03).')
    expect(() => addFigure(doc(), { kind: 'map', by: 'entity' })).toThrow('a map has no lanes')
    expect(() => removeFigure(doc(), 'F1')).toThrow('The briefing has no figure F1.')
  })
})
