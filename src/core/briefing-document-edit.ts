/**
 * Pure, immutable editing operations on a stored briefing document (./briefing-document):
 * scalar fields, the selection (tags and entities = sections, articles, date range),
 * section order and notes, passage order and exclusions. A section is named by its
 * `SectionKey`: the id of its tag or of its entity.
 *
 * Each returns a new document, or the same object when nothing changed (so a UI can skip
 * re-rendering), and keeps the section invariant. None touches `updatedAt`; whoever saves
 * calls `touchBriefingDocument(doc, now)`.
 */
import {
  briefingDayProblem,
  DEFAULT_BRIEFING_TITLE,
  emptySection,
  isEntityKey,
  MAX_KEY_JUDGMENTS_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_SECTIONS,
  MULTI_TAG_MODES,
  sectionKey,
  sectionOrder,
  unique,
  withSections,
  type BriefingDocument,
  type BriefingSectionSettings,
  type SectionKey,
} from './briefing-document-schema'
import type { EntityId } from './entities/schema'
import type { ArticleId, HighlightId, TagId } from './ids'
import { DossierError } from './result'

export function touchBriefingDocument(doc: BriefingDocument, now: string): BriefingDocument {
  return doc.updatedAt === now ? doc : { ...doc, updatedAt: now }
}

// ---------------------------------------------------------------------------------------
// Fields

export type BriefingFields = Partial<Pick<BriefingDocument, 'title' | 'author' | 'date' | 'handling' | 'keyJudgments' | 'multiTag'>>

/** Sets scalar fields. A blank title becomes the default; a bad date or mode is refused. */
export function updateBriefingFields(doc: BriefingDocument, fields: BriefingFields): BriefingDocument {
  const next: BriefingDocument = { ...doc }
  let changed = false
  const set = <K extends keyof BriefingFields>(key: K, value: BriefingDocument[K]) => {
    if (next[key] !== value) {
      next[key] = value
      changed = true
    }
  }
  if (fields.title !== undefined) set('title', fields.title.trim().slice(0, 300) || DEFAULT_BRIEFING_TITLE)
  if (fields.author !== undefined) set('author', checkLength(fields.author.trim(), 300, 'The author'))
  if (fields.handling !== undefined) set('handling', checkLength(fields.handling.trim(), 200, 'The handling line'))
  if (fields.keyJudgments !== undefined) set('keyJudgments', checkLength(fields.keyJudgments, MAX_KEY_JUDGMENTS_LENGTH, 'The key judgments'))
  if (fields.date !== undefined) set('date', checkDay(fields.date, 'The date'))
  if (fields.multiTag !== undefined) {
    if (!MULTI_TAG_MODES.includes(fields.multiTag)) throw new DossierError('bad-request', `Unknown multi-tag mode "${String(fields.multiTag)}".`)
    set('multiTag', fields.multiTag)
  }
  return changed ? next : doc
}

function checkDay(value: string, what: string): string {
  const problem = briefingDayProblem(value)
  if (problem) throw new DossierError('bad-request', `${what} ${problem}`)
  return value
}

// ---------------------------------------------------------------------------------------
// Selection

/**
 * Chooses the tags (= tag sections) and their order; entity sections keep their places
 * (see `sectionOrder`). Settings (note, order, exclusions) of tags still selected are
 * kept; those of tags no longer selected are dropped.
 */
export function setSelectedTags(doc: BriefingDocument, tagIds: readonly TagId[]): BriefingDocument {
  const ids = unique(tagIds)
  if (sameList(ids, doc.selection.tagIds)) return doc
  return setSectionKeys(doc, sectionOrder(sectionKeys(doc), ids, doc.selection.entityIds ?? []))
}

/** The sections' keys (tag or entity ids), in section order. */
export function sectionKeys(doc: BriefingDocument): SectionKey[] {
  return doc.sections.map(sectionKey)
}

/** Sets every section, in order, by key: settings of keys still there are kept, new ones start empty. */
function setSectionKeys(doc: BriefingDocument, keys: readonly SectionKey[]): BriefingDocument {
  const ids = unique(keys)
  if (ids.length > MAX_SECTIONS) throw new DossierError('bad-request', `A briefing holds at most ${MAX_SECTIONS} sections.`)
  if (sameList(ids, sectionKeys(doc))) return doc
  const settings = new Map(doc.sections.map((s) => [sectionKey(s), s]))
  return withSections(
    doc,
    ids.map((id) => settings.get(id) ?? emptySection(id)),
  )
}

/** Adds a section for a tag or an entity at `index` (default: at the end); no change if it is there. */
export function addSection(doc: BriefingDocument, key: SectionKey, index = doc.sections.length): BriefingDocument {
  const keys = sectionKeys(doc)
  if (keys.includes(key)) return doc
  keys.splice(clamp(index, 0, keys.length), 0, key)
  return setSectionKeys(doc, keys)
}

export function removeSection(doc: BriefingDocument, key: SectionKey): BriefingDocument {
  return setSectionKeys(
    doc,
    sectionKeys(doc).filter((k) => k !== key),
  )
}

/** The entities whose sections the briefing holds, in section order. */
export function selectedEntityIds(doc: BriefingDocument): EntityId[] {
  return sectionKeys(doc).filter(isEntityKey)
}

/** Whether the PDF and Markdown end with an index of the entities the printed passages mention. */
export function setEntityIndex(doc: BriefingDocument, on: boolean): BriefingDocument {
  if ((doc.entityIndex === true) === on) return doc
  const { entityIndex: _old, ...rest } = doc
  return on ? { ...rest, entityIndex: true } : rest
}

/** Whether the briefing ends with a section of the passages that carry no tag. */
export function setUntagged(doc: BriefingDocument, untagged: boolean): BriefingDocument {
  if ((doc.selection.untagged === true) === untagged) return doc
  const { untagged: _old, ...rest } = doc.selection
  return { ...doc, selection: untagged ? { ...rest, untagged: true } : rest }
}

/** `null` for every article. Duplicates are dropped; order is irrelevant. */
export function setArticleFilter(doc: BriefingDocument, articleIds: readonly ArticleId[] | null): BriefingDocument {
  const next = articleIds === null ? null : unique(articleIds)
  const current = doc.selection.articleIds
  if (next === null ? current === null : current !== null && sameList(next, current)) return doc
  return { ...doc, selection: { ...doc.selection, articleIds: next } }
}

/** Inclusive publication date range; either end may be open (`null`). */
export function setDateRange(doc: BriefingDocument, from: string | null, to: string | null): BriefingDocument {
  if (from !== null) checkDay(from, 'The start of the date range')
  if (to !== null) checkDay(to, 'The end of the date range')
  if (from !== null && to !== null && from > to) throw new DossierError('bad-request', `The date range starts (${from}) after it ends (${to}).`)
  if (doc.selection.from === from && doc.selection.to === to) return doc
  return { ...doc, selection: { ...doc.selection, from, to } }
}

// ---------------------------------------------------------------------------------------
// Sections: order, notes, passages

/** Moves the section of `key` (a tag or an entity) to `toIndex` (clamped), shifting the others. */
export function moveSection(doc: BriefingDocument, key: SectionKey, toIndex: number): BriefingDocument {
  const from = sectionIndex(doc, key)
  const to = clamp(toIndex, 0, doc.sections.length - 1)
  if (from === to) return doc
  return setSectionKeys(doc, moveItem(sectionKeys(doc), from, to))
}

/** Keyboard reordering: one step up (-1) or down (+1); no change at either end. */
export function moveSectionBy(doc: BriefingDocument, key: SectionKey, delta: number): BriefingDocument {
  return moveSection(doc, key, sectionIndex(doc, key) + delta)
}

export function setSectionNote(doc: BriefingDocument, key: SectionKey, note: string): BriefingDocument {
  checkLength(note, MAX_NOTE_LENGTH, 'A section note')
  return updateSection(doc, key, (s) => (s.note === note ? s : { ...s, note }))
}

/**
 * Moves a passage within a section. `shownOrder` is the section's passages as the analyst
 * currently sees them (from the built layout, see `sectionPassageIds`); the result stores that
 * whole order with the move applied, so what the analyst saw is what stays.
 */
export function movePassage(
  doc: BriefingDocument,
  key: SectionKey,
  shownOrder: readonly HighlightId[],
  highlightId: HighlightId,
  toIndex: number,
): BriefingDocument {
  const from = shownOrder.indexOf(highlightId)
  if (from === -1) throw new DossierError('bad-request', `Passage ${highlightId} is not in this section.`)
  const to = clamp(toIndex, 0, shownOrder.length - 1)
  const order = moveItem(unique(shownOrder), from, to)
  return updateSection(doc, key, (s) => (sameList(s.order, order) ? s : { ...s, order }))
}

/** Keyboard reordering of a passage: one step up (-1) or down (+1). */
export function movePassageBy(
  doc: BriefingDocument,
  key: SectionKey,
  shownOrder: readonly HighlightId[],
  highlightId: HighlightId,
  delta: number,
): BriefingDocument {
  return movePassage(doc, key, shownOrder, highlightId, shownOrder.indexOf(highlightId) + delta)
}

/** Forgets the explicit order: the section's passages run in date order again. */
export function resetPassageOrder(doc: BriefingDocument, key: SectionKey): BriefingDocument {
  return updateSection(doc, key, (s) => (s.order.length === 0 ? s : { ...s, order: [] }))
}

export function excludePassage(doc: BriefingDocument, key: SectionKey, highlightId: HighlightId): BriefingDocument {
  return updateSection(doc, key, (s) => (s.excluded.includes(highlightId) ? s : { ...s, excluded: [...s.excluded, highlightId] }))
}

export function includePassage(doc: BriefingDocument, key: SectionKey, highlightId: HighlightId): BriefingDocument {
  return updateSection(doc, key, (s) => (s.excluded.includes(highlightId) ? { ...s, excluded: s.excluded.filter((id) => id !== highlightId) } : s))
}

/** The settings of the section of `key` (a tag or an entity), or undefined when it is not selected. */
export function findSection(doc: BriefingDocument, key: SectionKey): BriefingSectionSettings | undefined {
  return doc.sections.find((s) => sectionKey(s) === key)
}

// ---------------------------------------------------------------------------------------

function sectionIndex(doc: BriefingDocument, key: SectionKey): number {
  const index = doc.sections.findIndex((s) => sectionKey(s) === key)
  if (index === -1) throw new DossierError('bad-request', `The briefing has no section for ${isEntityKey(key) ? 'entity' : 'tag'} ${key}.`)
  return index
}

function updateSection(
  doc: BriefingDocument,
  key: SectionKey,
  change: (s: BriefingSectionSettings) => BriefingSectionSettings,
): BriefingDocument {
  const index = sectionIndex(doc, key)
  const current = doc.sections[index]!
  const next = change(current)
  if (next === current) return doc
  const sections = [...doc.sections]
  sections[index] = next
  return { ...doc, sections }
}

function checkLength(value: string, max: number, what: string): string {
  if (value.length > max) throw new DossierError('bad-request', `${what} is too long (${value.length} characters; at most ${max}).`)
  return value
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** `items` with the one at `from` moved to `to` (also used by the ACH matrix edits). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item!)
  return next
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max)
}
