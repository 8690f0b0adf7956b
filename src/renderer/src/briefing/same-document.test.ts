import { describe, expect, it } from 'vitest'
import { createBriefingDocument, makeBriefingId, updateBriefingFields } from '../../../core/briefing-document'
import { sameDocument } from './same-document'

const doc = createBriefingDocument({ id: makeBriefingId('abcdef1234'), now: '2025-03-01T00:00:00.000Z', tags: [], title: 'Weekly' })

describe('sameDocument', () => {
  it('ignores when it was saved and the order of keys', () => {
    const reordered = Object.fromEntries(Object.entries({ ...doc, updatedAt: '2025-03-02T00:00:00.000Z' }).reverse()) as typeof doc
    expect(sameDocument(doc, reordered)).toBe(true)
  })
  it('tells a changed field apart', () => {
    expect(sameDocument(doc, updateBriefingFields(doc, { author: 'Gulf desk' }))).toBe(false)
  })
})
