import { describe, expect, it } from 'vitest'
import { buildBriefing, describeScope, formatAlsoIn, formatIndexLocations, sectionDescription, sectionName, sectionPassageIds, type BriefingLayout } from './briefing'
import {
  addSection,
  createBriefingDocument,
  excludePassage,
  makeBriefingId,
  moveSection,
  normaliseBriefingDocument,
  parseBriefingDocument,
  removeSection,
  sectionKeys,
  setEntityIndex,
  setSectionNote,
  setSelectedTags,
  updateBriefingFields,
  type BriefingDocument,
} from './briefing-document'
import type { EntityId } from './entities'
import type { HighlightId } from './ids'
import { briefingToMarkdown } from './export/markdown'
import { DossierError } from './result'
import { BASES, CONVOYS, ENTITIES, fixtureData, HTS, KHMEIMIM, TALKS, TARTUS } from './testing/entity-briefing-fixture'

const GEN = { generatedAt: '2026-12-06T12:00:00.000Z' }
const data = fixtureData()
const doc = (tags = [BASES, CONVOYS], entities: EntityId[] = [TARTUS]) =>
  createBriefingDocument({ id: makeBriefingId('0123456789'), now: GEN.generatedAt, tags: tags.map((id) => ({ id })), entities: entities.map((id) => ({ id })) })
const numbers = (b: BriefingLayout) => b.sections.map((s) => [sectionName(s), s.passages.map((p) => `${p.number}:${p.highlightId}`)])

describe('an entity section', () => {
  it('holds every passage mentioning the entity under any spelling, in either script, and no word that only contains it', () => {
    const b = buildBriefing(doc([], [TARTUS]), data, GEN)
    // "Tartous" (Latin) and "طرطوس" (Arabic) are Tartus; "Tartusian" is another word.
    expect(numbers(b)).toEqual([['Tartus', ['1:h-ships', '2:h-arabic']]])
    expect(b.sections[0]!.tag).toBeNull()
    expect(b.sections[0]!.entity).toEqual({ id: TARTUS, name: 'Tartus', type: 'place', aliases: ['Tartous', 'طرطوس'] })
    expect(sectionDescription(b.sections[0]!)).toBe('Passages that mention Tartus (also written Tartous, طرطوس).')
    expect(describeScope(b)).toBe('Mentioning: Tartus')
    expect(b.scope.untagged).toBe(false)
  })

  it('takes passages whatever their tags, the untagged ones too', () => {
    const b = buildBriefing(doc([], [KHMEIMIM]), data, GEN)
    expect(numbers(b)).toEqual([['Khmeimim', ['1:h-quiet', '2:h-base-ar']]])
  })

  it('is numbered in section order among tag sections, and can be moved like one', () => {
    const d = doc([BASES, CONVOYS], [TARTUS])
    expect(sectionKeys(d)).toEqual([BASES, CONVOYS, TARTUS])
    const b = buildBriefing(moveSection(d, TARTUS, 1), data, GEN)
    expect(numbers(b)).toEqual([
      ['Bases', ['1:h-port', '2:h-quiet', '3:h-fisher']],
      ['Tartus', ['4:h-ships', '5:h-arabic']],
      ['Convoys', ['6:h-ships', '7:h-arabic']],
    ])
    expect(b.sections.map((s) => s.number)).toEqual([1, 2, 3])
    // Repeat mode: the copies point at each other.
    expect(formatAlsoIn(b.sections[1]!.passages[0]!.alsoIn)).toBe('Also in §3 Convoys (passage 6)')
    expect(formatAlsoIn(b.sections[2]!.passages[0]!.alsoIn)).toBe('Also in §2 Tartus (passage 4)')
    expect(describeScope(b)).toBe('Tags: Bases, Convoys · Mentioning: Tartus')
  })

  it('prints a passage once in cross-reference mode, with a reference from the other section', () => {
    const d = updateBriefingFields(moveSection(doc([CONVOYS], [TARTUS]), TARTUS, 0), { multiTag: 'cross-reference' })
    const b = buildBriefing(d, data, GEN)
    expect(numbers(b)).toEqual([
      ['Tartus', ['1:h-ships', '2:h-arabic']],
      ['Convoys', []],
    ])
    expect(formatAlsoIn(b.sections[0]!.passages[0]!.alsoIn)).toBe('See also §2 Convoys')
    expect(b.sections[1]!.references.map((r) => [r.passageNumber, r.sectionNumber, r.tagName])).toEqual([
      [1, 1, 'Tartus'],
      [2, 1, 'Tartus'],
    ])
  })

  it('keeps its own note, order and exclusions', () => {
    let d = doc([], [TARTUS])
    d = setSectionNote(d, TARTUS, 'The port.')
    d = excludePassage(d, TARTUS, 'h-ships' as HighlightId)
    const b = buildBriefing(d, data, GEN)
    expect(b.sections[0]!.note).toBe('The port.')
    expect(sectionPassageIds(b, TARTUS)).toEqual(['h-arabic'])
  })

  it('is left out with a warning when its entity was deleted, and says why a briefing of it alone is empty', () => {
    const without = fixtureData(ENTITIES.filter((e) => e.id !== KHMEIMIM))
    const b = buildBriefing(doc([BASES], [KHMEIMIM]), without, GEN)
    expect(numbers(b)).toEqual([['Bases', ['1:h-port', '2:h-quiet', '3:h-fisher']]])
    expect(b.warnings).toEqual([{ kind: 'entity-missing', entityId: KHMEIMIM, message: `Entity ${KHMEIMIM} is no longer in the notebook; its section was left out.` }])
    // Without entity data (a caller that found no mentions), an entity's section has nothing.
    const bare = { ...data, entities: undefined }
    expect(() => buildBriefing(doc([], [TARTUS]), bare, GEN)).toThrow(DossierError)
  })

  it('names the entity when nothing mentions it', () => {
    const d = excludePassage(excludePassage(doc([], [TARTUS]), TARTUS, 'h-ships' as HighlightId), TARTUS, 'h-arabic' as HighlightId)
    expect(() => buildBriefing(d, data, GEN)).toThrow('Every passage mentioning Tartus (2) is excluded from this briefing.')
    const none = fixtureData([...ENTITIES, { id: 'e-latakia' as EntityId, name: 'Latakia', type: 'place', aliases: [] }])
    expect(() => buildBriefing(doc([], ['e-latakia' as EntityId]), none, GEN)).toThrow('No highlighted passages mention Latakia: there is nothing to put in a briefing.')
  })
})

describe('the index of entities', () => {
  it('lists every entity the printed passages mention, by name, with its aliases and passage numbers', () => {
    const b = buildBriefing(setEntityIndex(doc([BASES, TALKS], []), true), data, GEN)
    expect(numbers(b)).toEqual([
      ['Bases', ['1:h-port', '2:h-quiet', '3:h-fisher']],
      ['Negotiations', ['4:h-hts']],
    ])
    expect(b.entityIndex!.map((e) => [e.entity.name, e.entity.aliases, e.passages])).toEqual([
      ['Hayat Tahrir al-Sham', ['HTS'], [4]],
      ['Khmeimim', ['Hmeimim', 'حميميم'], [2]],
    ])
    expect(formatIndexLocations(b.entityIndex![1]!, b)).toBe('§1: 2')
  })

  it('lists a passage printed twice under both its numbers, and is absent unless asked for', () => {
    const d = doc([CONVOYS], [TARTUS])
    expect(buildBriefing(d, data, GEN).entityIndex).toBeUndefined()
    const b = buildBriefing(setEntityIndex(d, true), data, GEN)
    expect(b.entityIndex!.map((e) => [e.entity.name, e.passages])).toEqual([['Tartus', [1, 2, 3, 4]]])
    expect(formatIndexLocations(b.entityIndex![0]!, b)).toBe('§1: 1, 2; §2: 3, 4')
  })
})

describe('the stored document with entity sections', () => {
  it('validates and keeps entity sections where they are; a document of tags alone is read as before', () => {
    const d = doc([BASES, CONVOYS], [TARTUS, HTS])
    expect(d.selection.entityIds).toEqual([TARTUS, HTS])
    expect(d.sections.at(-1)).toEqual({ entityId: HTS, note: '', order: [], excluded: [] })
    expect(parseBriefingDocument(JSON.parse(JSON.stringify(d)))).toEqual(d)
    const old = createBriefingDocument({ id: makeBriefingId('0123456789'), now: GEN.generatedAt, tags: [{ id: BASES }] })
    expect(old.selection).not.toHaveProperty('entityIds')
    expect(old).not.toHaveProperty('entityIndex')
    expect(normaliseBriefingDocument(old)).toBe(old)
    expect(parseBriefingDocument(JSON.parse(JSON.stringify(old)))).toEqual(old)
  })

  it('adds, removes and reorders entity sections among tag sections, keeping the selection in step', () => {
    let d = doc([BASES, CONVOYS], [])
    d = addSection(d, KHMEIMIM, 1)
    expect(sectionKeys(d)).toEqual([BASES, KHMEIMIM, CONVOYS])
    expect(d.selection).toMatchObject({ tagIds: [BASES, CONVOYS], entityIds: [KHMEIMIM] })
    // Choosing other tags leaves the entity's section in its place.
    d = setSelectedTags(d, [CONVOYS, TALKS, BASES])
    expect(sectionKeys(d)).toEqual([CONVOYS, KHMEIMIM, TALKS, BASES])
    d = removeSection(d, KHMEIMIM)
    expect(sectionKeys(d)).toEqual([CONVOYS, TALKS, BASES])
    expect(d.selection).not.toHaveProperty('entityIds')
  })

  it('restores the invariant of received data: sections for selected entities, none for others', () => {
    const base = doc([BASES], [])
    const received = { ...base, selection: { ...base.selection, entityIds: [TARTUS, TARTUS] }, sections: [{ entityId: KHMEIMIM, note: 'x', order: [], excluded: [] }, ...base.sections] } as BriefingDocument
    const d = parseBriefingDocument(received)
    expect(sectionKeys(d)).toEqual([BASES, TARTUS])
    expect(d.selection.entityIds).toEqual([TARTUS])
  })

  it('refuses a section naming neither a tag nor an entity', () => {
    const base = doc([BASES], [])
    expect(() => parseBriefingDocument({ ...base, sections: [{ note: '', order: [], excluded: [] }] })).toThrow(/Not a valid briefing document/)
  })
})

describe('the Markdown index of entities', () => {
  it('closes the file with each entity, its other spellings, and its sections and passages; listed in the contents', () => {
    const md = briefingToMarkdown(buildBriefing(setEntityIndex(doc([CONVOYS], [TARTUS]), true), data, GEN))
    expect(md).toContain('3. Sources (2 sources)\n4. Index of entities (1 entity)')
    const index = md.slice(md.indexOf('## Index of entities'))
    expect(md.indexOf('## Sources')).toBeLessThan(md.indexOf('## Index of entities'))
    expect(index).toContain('- **Tartus** (also written Tartous, طرطوس): §1: 1, 2; §2: 3, 4')
    const without = briefingToMarkdown(buildBriefing(doc([CONVOYS], [TARTUS]), data, GEN))
    expect(without).not.toContain('Index of entities')
  })
})
