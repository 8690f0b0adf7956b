/**
 * The stored briefing document: what the analyst composes (title, author, date, handling
 * line, key judgments, which tags/articles/dates go in, section order, passage order,
 * exclusions, notes). Several live in one notebook. `buildBriefing` (./briefing) turns one
 * into a numbered layout against the notebook's current data.
 *
 * The document stores choices, never copies of passages: quotes always come from the
 * highlights when the briefing is built, so an export cannot drift from the notebook.
 *
 * Every helper here is pure and immutable: it returns a new document, or the same object
 * when nothing changed (so a UI can skip re-rendering). Helpers never touch `updatedAt`;
 * whoever saves calls `touchBriefingDocument(doc, now)`.
 *
 * Invariant (kept by every helper, restored by `normaliseBriefingDocument`):
 * `sections.map(s => s.tagId)` equals `selection.tagIds`, with no duplicates. The order of
 * `selection.tagIds` is the section order.
 */
import { z } from 'zod'
import { ArticleIdSchema, HighlightIdSchema, TagIdSchema, type ArticleId, type HighlightId, type TagId } from './ids'
import type { Tag } from './model'
import { DossierError } from './result'

export const BriefingIdSchema = z.string().regex(/^b-[0-9a-z]{4,32}$/, 'not a briefing id').brand<'BriefingId'>()
export type BriefingId = z.infer<typeof BriefingIdSchema>

/** Like the other ids: built from random hex the caller supplies (the core has no RNG). */
export function makeBriefingId(randomHex: string): BriefingId {
  return `b-${randomHex.slice(0, 10).toLowerCase()}` as BriefingId
}

/** A calendar date `YYYY-MM-DD` that exists (no 2025-02-30). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date')
  .refine(isCalendarDate, 'not a calendar date')

export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  const probe = new Date(Date.UTC(y, mo, d))
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo && probe.getUTCDate() === d
}

const IsoTimestamp = z.string().min(10).max(40)

/**
 * How a passage carrying several selected tags is shown:
 * - `repeat`: printed in every section it belongs to (each copy has its own number);
 * - `cross-reference`: printed once, in the first section (in section order) that includes
 *   it, with "see also §n" to the others, which list it as a reference.
 */
export const MULTI_TAG_MODES = ['repeat', 'cross-reference'] as const
export type MultiTagMode = (typeof MULTI_TAG_MODES)[number]

export const MAX_SECTIONS = 200
export const MAX_NOTE_LENGTH = 20_000
export const MAX_KEY_JUDGMENTS_LENGTH = 50_000

export const BriefingSectionSchema = z.object({
  tagId: TagIdSchema,
  /** The analyst's text printed under the section heading ('' for none). */
  note: z.string().max(MAX_NOTE_LENGTH),
  /** Passages in the order the analyst chose; passages not listed follow in date order. */
  order: z.array(HighlightIdSchema).max(100_000),
  /** Passages left out of this section (they may still appear in other sections). */
  excluded: z.array(HighlightIdSchema).max(100_000),
})
export type BriefingSectionSettings = z.infer<typeof BriefingSectionSchema>

export const BriefingSelectionSchema = z
  .object({
    /** The tags that go in, in section order. */
    tagIds: z.array(TagIdSchema).max(MAX_SECTIONS),
    /** Only passages from these articles; `null` for every article. */
    articleIds: z.array(ArticleIdSchema).max(100_000).nullable(),
    /** Publication date range, inclusive; `null` for open-ended. Undated articles are left out when either is set. */
    from: IsoDateSchema.nullable(),
    to: IsoDateSchema.nullable(),
  })
  .refine((s) => s.from === null || s.to === null || s.from <= s.to, { message: 'from must not be after to', path: ['to'] })
export type BriefingSelection = z.infer<typeof BriefingSelectionSchema>

export const BriefingDocumentSchema = z.object({
  id: BriefingIdSchema,
  title: z.string().min(1).max(300),
  /** Printed in the title block and the PDF's Author field ('' for none). */
  author: z.string().max(300),
  /** The briefing's date as the analyst states it. */
  date: IsoDateSchema,
  /** Free text such as "UNCLASSIFIED // FOR TRAINING", printed on every page ('' for none). */
  handling: z.string().max(200),
  keyJudgments: z.string().max(MAX_KEY_JUDGMENTS_LENGTH),
  selection: BriefingSelectionSchema,
  multiTag: z.enum(MULTI_TAG_MODES),
  sections: z.array(BriefingSectionSchema).max(MAX_SECTIONS),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
})
export type BriefingDocument = z.infer<typeof BriefingDocumentSchema>

export const DEFAULT_BRIEFING_TITLE = 'Briefing'

export interface NewBriefingDocument {
  id: BriefingId
  /** ISO timestamp: createdAt/updatedAt, and the date when `date` is not given. */
  now: string
  /** Default selection: these tags in this order (usually the notebook's tags). */
  tags: readonly Pick<Tag, 'id'>[]
  title?: string
  author?: string
  date?: string
  handling?: string
  keyJudgments?: string
  multiTag?: MultiTagMode
}

/** A new document: one section per given tag, in the given order; nothing excluded. */
export function createBriefingDocument(init: NewBriefingDocument): BriefingDocument {
  const tagIds = unique(init.tags.map((t) => t.id))
  const doc: BriefingDocument = {
    id: init.id,
    title: init.title?.trim() || DEFAULT_BRIEFING_TITLE,
    author: init.author?.trim() ?? '',
    date: init.date ?? init.now.slice(0, 10),
    handling: init.handling?.trim() ?? '',
    keyJudgments: init.keyJudgments ?? '',
    selection: { tagIds, articleIds: null, from: null, to: null },
    multiTag: init.multiTag ?? 'repeat',
    sections: tagIds.map(emptySection),
    createdAt: init.now,
    updatedAt: init.now,
  }
  return parseBriefingDocument(doc)
}

/**
 * Validates stored or received data as a document and restores the section invariant.
 * Throws DossierError('bad-request') naming the first problems.
 */
export function parseBriefingDocument(value: unknown): BriefingDocument {
  const parsed = BriefingDocumentSchema.safeParse(value)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'document'}: ${i.message}`)
      .join('; ')
    throw new DossierError('bad-request', `Not a valid briefing document (${problems}).`)
  }
  return normaliseBriefingDocument(parsed.data)
}

/**
 * Restores the invariant: duplicate tag ids dropped (first wins), one section per selected
 * tag in selection order (settings kept, missing ones created), duplicate ids inside a
 * section's order/excluded dropped.
 */
export function normaliseBriefingDocument(doc: BriefingDocument): BriefingDocument {
  const tagIds = unique(doc.selection.tagIds)
  const settings = new Map<TagId, BriefingSectionSettings>()
  for (const s of doc.sections) if (!settings.has(s.tagId)) settings.set(s.tagId, s)
  const sections = tagIds.map((tagId) => {
    const s = settings.get(tagId)
    if (!s) return emptySection(tagId)
    const order = unique(s.order)
    const excluded = unique(s.excluded)
    return order.length === s.order.length && excluded.length === s.excluded.length ? s : { ...s, order, excluded }
  })
  const same =
    tagIds.length === doc.selection.tagIds.length &&
    sections.length === doc.sections.length &&
    sections.every((s, i) => s === doc.sections[i])
  if (same) return doc
  return { ...doc, selection: { ...doc.selection, tagIds }, sections }
}

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
  if (fields.date !== undefined) {
    if (!isCalendarDate(fields.date)) throw new DossierError('bad-request', `"${fields.date}" is not a date (YYYY-MM-DD).`)
    set('date', fields.date)
  }
  if (fields.multiTag !== undefined) {
    if (!MULTI_TAG_MODES.includes(fields.multiTag)) throw new DossierError('bad-request', `Unknown multi-tag mode "${String(fields.multiTag)}".`)
    set('multiTag', fields.multiTag)
  }
  return changed ? next : doc
}

// ---------------------------------------------------------------------------------------
// Selection

/**
 * Chooses the tags (= sections) and their order. Settings (note, order, exclusions) of
 * tags still selected are kept; those of tags no longer selected are dropped.
 */
export function setSelectedTags(doc: BriefingDocument, tagIds: readonly TagId[]): BriefingDocument {
  const ids = unique(tagIds)
  if (ids.length > MAX_SECTIONS) throw new DossierError('bad-request', `A briefing holds at most ${MAX_SECTIONS} sections.`)
  if (sameList(ids, doc.selection.tagIds)) return doc
  const settings = new Map(doc.sections.map((s) => [s.tagId, s]))
  return {
    ...doc,
    selection: { ...doc.selection, tagIds: ids },
    sections: ids.map((id) => settings.get(id) ?? emptySection(id)),
  }
}

/** Adds a section for `tagId` at `index` (default: at the end); no change if it is there. */
export function addSection(doc: BriefingDocument, tagId: TagId, index = doc.selection.tagIds.length): BriefingDocument {
  if (doc.selection.tagIds.includes(tagId)) return doc
  const ids = [...doc.selection.tagIds]
  ids.splice(clamp(index, 0, ids.length), 0, tagId)
  return setSelectedTags(doc, ids)
}

export function removeSection(doc: BriefingDocument, tagId: TagId): BriefingDocument {
  return setSelectedTags(
    doc,
    doc.selection.tagIds.filter((id) => id !== tagId),
  )
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
  for (const d of [from, to]) {
    if (d !== null && !isCalendarDate(d)) throw new DossierError('bad-request', `"${d}" is not a date (YYYY-MM-DD).`)
  }
  if (from !== null && to !== null && from > to) throw new DossierError('bad-request', `The date range starts (${from}) after it ends (${to}).`)
  if (doc.selection.from === from && doc.selection.to === to) return doc
  return { ...doc, selection: { ...doc.selection, from, to } }
}

// ---------------------------------------------------------------------------------------
// Sections: order, notes, passages

/** Moves the section for `tagId` to `toIndex` (clamped), shifting the others. */
export function moveSection(doc: BriefingDocument, tagId: TagId, toIndex: number): BriefingDocument {
  const from = sectionIndex(doc, tagId)
  const to = clamp(toIndex, 0, doc.sections.length - 1)
  if (from === to) return doc
  return setSelectedTags(doc, moveItem(doc.selection.tagIds, from, to))
}

/** Keyboard reordering: one step up (-1) or down (+1); no change at either end. */
export function moveSectionBy(doc: BriefingDocument, tagId: TagId, delta: number): BriefingDocument {
  return moveSection(doc, tagId, sectionIndex(doc, tagId) + delta)
}

export function setSectionNote(doc: BriefingDocument, tagId: TagId, note: string): BriefingDocument {
  checkLength(note, MAX_NOTE_LENGTH, 'A section note')
  return updateSection(doc, tagId, (s) => (s.note === note ? s : { ...s, note }))
}

/**
 * Moves a passage within a section. `shownOrder` is the section's passages as the analyst
 * currently sees them (from the built layout, see `sectionPassageIds`); the result stores that
 * whole order with the move applied, so what the analyst saw is what stays.
 */
export function movePassage(
  doc: BriefingDocument,
  tagId: TagId,
  shownOrder: readonly HighlightId[],
  highlightId: HighlightId,
  toIndex: number,
): BriefingDocument {
  const from = shownOrder.indexOf(highlightId)
  if (from === -1) throw new DossierError('bad-request', `Passage ${highlightId} is not in this section.`)
  const to = clamp(toIndex, 0, shownOrder.length - 1)
  const order = moveItem(unique(shownOrder), from, to)
  return updateSection(doc, tagId, (s) => (sameList(s.order, order) ? s : { ...s, order }))
}

/** Keyboard reordering of a passage: one step up (-1) or down (+1). */
export function movePassageBy(
  doc: BriefingDocument,
  tagId: TagId,
  shownOrder: readonly HighlightId[],
  highlightId: HighlightId,
  delta: number,
): BriefingDocument {
  return movePassage(doc, tagId, shownOrder, highlightId, shownOrder.indexOf(highlightId) + delta)
}

/** Forgets the explicit order: the section's passages run in date order again. */
export function resetPassageOrder(doc: BriefingDocument, tagId: TagId): BriefingDocument {
  return updateSection(doc, tagId, (s) => (s.order.length === 0 ? s : { ...s, order: [] }))
}

export function excludePassage(doc: BriefingDocument, tagId: TagId, highlightId: HighlightId): BriefingDocument {
  return updateSection(doc, tagId, (s) => (s.excluded.includes(highlightId) ? s : { ...s, excluded: [...s.excluded, highlightId] }))
}

export function includePassage(doc: BriefingDocument, tagId: TagId, highlightId: HighlightId): BriefingDocument {
  return updateSection(doc, tagId, (s) => (s.excluded.includes(highlightId) ? { ...s, excluded: s.excluded.filter((id) => id !== highlightId) } : s))
}

/** The settings of the section for `tagId`, or undefined when that tag is not selected. */
export function findSection(doc: BriefingDocument, tagId: TagId): BriefingSectionSettings | undefined {
  return doc.sections.find((s) => s.tagId === tagId)
}

/**
 * Drops references to things no longer in the notebook (deleted tags, highlights,
 * articles), e.g. before saving after a deletion. Returns what was removed.
 */
export function pruneBriefingDocument(
  doc: BriefingDocument,
  existing: { tagIds: ReadonlySet<TagId>; highlightIds: ReadonlySet<HighlightId>; articleIds: ReadonlySet<ArticleId> },
): { document: BriefingDocument; removed: { tagIds: TagId[]; highlightIds: HighlightId[]; articleIds: ArticleId[] } } {
  const removedTags = doc.selection.tagIds.filter((id) => !existing.tagIds.has(id))
  const removedHighlights = new Set<HighlightId>()
  let next = setSelectedTags(
    doc,
    doc.selection.tagIds.filter((id) => existing.tagIds.has(id)),
  )
  next = {
    ...next,
    sections: next.sections.map((s) => {
      const keep = (id: HighlightId) => {
        if (existing.highlightIds.has(id)) return true
        removedHighlights.add(id)
        return false
      }
      const order = s.order.filter(keep)
      const excluded = s.excluded.filter(keep)
      return order.length === s.order.length && excluded.length === s.excluded.length ? s : { ...s, order, excluded }
    }),
  }
  const removedArticles = (doc.selection.articleIds ?? []).filter((id) => !existing.articleIds.has(id))
  if (removedArticles.length > 0) next = setArticleFilter(next, (next.selection.articleIds ?? []).filter((id) => existing.articleIds.has(id)))
  const changed = removedTags.length > 0 || removedHighlights.size > 0 || removedArticles.length > 0
  return {
    document: changed ? next : doc,
    removed: { tagIds: removedTags, highlightIds: [...removedHighlights], articleIds: removedArticles },
  }
}

// ---------------------------------------------------------------------------------------

function emptySection(tagId: TagId): BriefingSectionSettings {
  return { tagId, note: '', order: [], excluded: [] }
}

function sectionIndex(doc: BriefingDocument, tagId: TagId): number {
  const index = doc.sections.findIndex((s) => s.tagId === tagId)
  if (index === -1) throw new DossierError('bad-request', `The briefing has no section for tag ${tagId}.`)
  return index
}

function updateSection(
  doc: BriefingDocument,
  tagId: TagId,
  change: (s: BriefingSectionSettings) => BriefingSectionSettings,
): BriefingDocument {
  const index = sectionIndex(doc, tagId)
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

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items]
  const [item] = next.splice(from, 1)
  next.splice(to, 0, item!)
  return next
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(Math.max(n, min), max)
}
