import { describe, expect, it } from 'vitest'
import type { Entity } from '../../../core/entities'
import { gazetteerFileDone } from './gazetteer-report'

const entities = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `e-${i}`, name: `E${i}`, type: 'place', aliases: [] }) as unknown as Entity)
const skipped = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `S${i}`, reason: 'its name already belongs to Tartus' }))

describe('the status line of a gazetteer file import', () => {
  it('says how many entities were added and how many known spellings were left out', () => {
    expect(gazetteerFileDone({ fileName: 'pack.json', value: { changed: entities(12), skipped: [], spellingsLeftOut: 3 } })).toBe('Added 12 entities from “pack.json”; 3 spellings already known were left out')
    expect(gazetteerFileDone({ fileName: 'pack.json', value: { changed: entities(1), skipped: [], spellingsLeftOut: 0 } })).toBe('Added 1 entity from “pack.json”')
    expect(gazetteerFileDone({ fileName: 'pack.json', value: { changed: entities(2), skipped: skipped(1), spellingsLeftOut: 1 } })).toBe(
      'Added 2 entities from “pack.json”; 1 spelling already known was left out; 1 entity skipped (already in the notebook)',
    )
  })

  it('says plainly when a file added nothing, and why', () => {
    expect(gazetteerFileDone({ fileName: 'again.json', value: { changed: [], skipped: skipped(4), spellingsLeftOut: 0 } })).toBe('Nothing added from “again.json”: its entities are in this notebook already')
    expect(gazetteerFileDone({ fileName: 'empty.json', value: { changed: [], skipped: [], spellingsLeftOut: 0 } })).toBe('Nothing added from “empty.json”: it holds no entities')
  })
})
