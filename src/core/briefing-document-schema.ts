/**
 * The stored briefing document's shape (see ./briefing-document): its id, the zod schemas
 * and limits, the multi-tag modes, and the functions that make a valid document: create a
 * new one, parse stored or received data, and restore the section invariant (one section
 * per selected tag and entity, no duplicates: the tag sections, in order, are
 * `selection.tagIds`; the entity sections, in order, are `selection.entityIds`; the order
 * of `sections` is the section order).
 */
import { z } from 'zod'
import { BriefingFigureFields } from './briefing-figures'
import { storedDateProblem } from './dates'
import { EntityIdSchema, type EntityId } from './entities/schema'
import { ArticleIdSchema, HighlightIdSchema, TagIdSchema, type TagId } from './ids'
import type { Tag } from './model'
import { DossierError } from './result'
import { ClaimIdSchema } from './sourcing/schema'

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

/**
 * Why `value` cannot be a briefing's date or an end of its date range, or null: the
 * project's one date rule (storedDateProblem: a real day in the years 1000-9999), and a
 * day alone, without a time. The schema keeps the looser check it always had, so a
 * document stored before this rule still reads; new values must pass this one.
 */
export function briefingDayProblem(value: string): string | null {
  const problem = storedDateProblem(value)
  if (problem) return problem
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : `${JSON.stringify(value)} is not a day: write YYYY-MM-DD, without a time.`
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
/** At most this many key judgments carry claims, each citing at most MAX_JUDGMENT_CLAIMS. */
export const MAX_JUDGMENTS = 200
export const MAX_JUDGMENT_CLAIMS = 100

const SectionSettingsFields = {
  /** The analyst's text printed under the section heading ('' for none). */
  note: z.string().max(MAX_NOTE_LENGTH),
  /** Passages in the order the analyst chose; passages not listed follow in date order. */
  order: z.array(HighlightIdSchema).max(100_000),
  /** Passages left out of this section (they may still appear in other sections). */
  excluded: z.array(HighlightIdSchema).max(100_000),
}
/** A section of the passages carrying a tag. (`entityId` never set: the types tell the two kinds apart.) */
export const TagSectionSchema = z.object({ tagId: TagIdSchema, entityId: z.undefined().optional(), ...SectionSettingsFields })
/** A section of the passages whose text mentions an entity under any spelling (decision 49). */
export const EntitySectionSchema = z.object({ entityId: EntityIdSchema, tagId: z.undefined().optional(), ...SectionSettingsFields })
export const BriefingSectionSchema = z.union([TagSectionSchema, EntitySectionSchema])
export type BriefingSectionSettings = z.infer<typeof BriefingSectionSchema>

/** What a section is of: a tag or an entity (ids differ by prefix: `t-` and `e-`). */
export type SectionKey = TagId | EntityId

/** The tag or entity a section is of. */
export function sectionKey(section: BriefingSectionSettings): SectionKey {
  return section.entityId ?? section.tagId
}

/** Whether a section key names an entity (else a tag). */
export function isEntityKey(key: SectionKey): key is EntityId {
  return key.startsWith('e-')
}

export const BriefingSelectionSchema = z
  .object({
    /** The tags whose sections go in, in the order of their sections. */
    tagIds: z.array(TagIdSchema).max(MAX_SECTIONS),
    /**
     * The entities whose sections go in (every passage mentioning one), in the order of
     * their sections. Absent (briefings stored before it existed, or none) means none.
     */
    entityIds: z.array(EntityIdSchema).max(MAX_SECTIONS).optional(),
    /** Only passages from these articles; `null` for every article. */
    articleIds: z.array(ArticleIdSchema).max(100_000).nullable(),
    /** Publication date range, inclusive; `null` for open-ended. Undated articles are left out when either is set. */
    from: IsoDateSchema.nullable(),
    to: IsoDateSchema.nullable(),
    /**
     * Also a last section of the highlighted passages that carry no tag, only a comment
     * ("Untagged passages"). Absent (briefings stored before it existed) means no.
     */
    untagged: z.boolean().optional(),
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
  /** The PDF and Markdown end with an index of the entities the printed passages mention. Absent means no. */
  entityIndex: z.boolean().optional(),
  /**
   * The claims each key judgment cites: entry i holds the claim ids of key judgment i+1
   * (the paragraphs of `keyJudgments`, `keyJudgmentItems`). Absent (briefings stored
   * before claims could be cited) means none (decision 61).
   */
  judgmentClaims: z.array(z.array(ClaimIdSchema).max(MAX_JUDGMENT_CLAIMS)).max(MAX_JUDGMENTS).optional(),
  /** Figures (timeline, map) and ACH matrices (./briefing-figures). Absent means none. */
  ...BriefingFigureFields,
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
  /** Also the passages without a tag (see BriefingSelection.untagged). */
  untagged?: boolean
  /** Sections of passages mentioning these entities, after the tags' sections. */
  entities?: readonly { id: EntityId }[]
  /** End with an index of entities (see BriefingDocument.entityIndex). */
  entityIndex?: boolean
}

/** A new document: one section per given tag, then per given entity, in the given order; nothing excluded. */
export function createBriefingDocument(init: NewBriefingDocument): BriefingDocument {
  const dateProblem = init.date === undefined ? null : briefingDayProblem(init.date)
  if (dateProblem) throw new DossierError('bad-request', `The date ${dateProblem}`)
  const tagIds = unique(init.tags.map((t) => t.id))
  const entityIds = unique((init.entities ?? []).map((e) => e.id))
  if (tagIds.length + entityIds.length > MAX_SECTIONS) throw new DossierError('bad-request', `A briefing holds at most ${MAX_SECTIONS} sections.`)
  const doc: BriefingDocument = {
    id: init.id,
    title: init.title?.trim() || DEFAULT_BRIEFING_TITLE,
    author: init.author?.trim() ?? '',
    date: init.date ?? init.now.slice(0, 10),
    handling: init.handling?.trim() ?? '',
    keyJudgments: init.keyJudgments ?? '',
    selection: {
      tagIds,
      ...(entityIds.length > 0 ? { entityIds } : {}),
      articleIds: null,
      from: null,
      to: null,
      ...(init.untagged ? { untagged: true } : {}),
    },
    multiTag: init.multiTag ?? 'repeat',
    sections: [...tagIds, ...entityIds].map(emptySection),
    ...(init.entityIndex ? { entityIndex: true } : {}),
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
 * Restores the invariant: duplicate tag and entity ids dropped (first wins), one section
 * per selected tag and entity (settings kept, missing ones created at the end), the tag
 * sections in `selection.tagIds` order and the entity sections in `selection.entityIds`
 * order (see `sectionOrder`), duplicate ids inside a section's order/excluded dropped.
 */
export function normaliseBriefingDocument(doc: BriefingDocument): BriefingDocument {
  const tagIds = unique(doc.selection.tagIds)
  const entityIds = unique(doc.selection.entityIds ?? [])
  const settings = new Map<SectionKey, BriefingSectionSettings>()
  for (const s of doc.sections) if (!settings.has(sectionKey(s))) settings.set(sectionKey(s), s)
  const sections = sectionOrder(doc.sections.map(sectionKey), tagIds, entityIds).map((key) => {
    const s = settings.get(key)
    if (!s) return emptySection(key)
    const order = unique(s.order)
    const excluded = unique(s.excluded)
    return order.length === s.order.length && excluded.length === s.excluded.length ? s : { ...s, order, excluded }
  })
  const judgmentClaims = normaliseJudgmentClaims(doc.judgmentClaims)
  if (judgmentClaims !== doc.judgmentClaims) {
    const { judgmentClaims: _old, ...rest } = doc
    return normaliseBriefingDocument(judgmentClaims ? { ...rest, judgmentClaims } : rest)
  }
  const same =
    tagIds.length === doc.selection.tagIds.length &&
    entityIds.length === (doc.selection.entityIds ?? []).length &&
    sections.length === doc.sections.length &&
    sections.every((s, i) => s === doc.sections[i])
  if (same) return doc
  return withSections(doc, sections)
}

/**
 * The section order for these selected tags and entities, keeping the places sections
 * have in `current`: each place held by a selected tag goes to the next of `tagIds` (so
 * tags run in `tagIds` order), each held by a selected entity to the next of `entityIds`;
 * tags and entities without a place follow at the end. For a briefing of tags alone
 * (every one stored before entity sections) this is `tagIds`.
 */
export function sectionOrder(current: readonly SectionKey[], tagIds: readonly TagId[], entityIds: readonly EntityId[]): SectionKey[] {
  const selected = new Set<SectionKey>([...tagIds, ...entityIds])
  const seen = new Set<SectionKey>()
  const slots: boolean[] = [] // true: an entity's place
  for (const key of current) {
    if (seen.has(key) || !selected.has(key)) continue
    seen.add(key)
    slots.push(isEntityKey(key))
  }
  let tagSlots = slots.filter((e) => !e).length
  for (; tagSlots < tagIds.length; tagSlots++) slots.push(false)
  for (let entitySlots = slots.length - tagSlots; entitySlots < entityIds.length; entitySlots++) slots.push(true)
  let nextTag = 0
  let nextEntity = 0
  return slots.map((entity) => (entity ? entityIds[nextEntity++]! : tagIds[nextTag++]!))
}

/** The document with these sections (in this order) and the selection that matches them. */
export function withSections(doc: BriefingDocument, sections: BriefingSectionSettings[]): BriefingDocument {
  const keys = sections.map(sectionKey)
  const tagIds = keys.filter((k): k is TagId => !isEntityKey(k))
  const entityIds = keys.filter(isEntityKey)
  const { entityIds: _old, ...selection } = doc.selection
  return { ...doc, selection: { ...selection, tagIds, ...(entityIds.length > 0 ? { entityIds } : {}) }, sections }
}

/** The settings of a section nobody has edited yet. */
export function emptySection(key: SectionKey): BriefingSectionSettings {
  return isEntityKey(key) ? { entityId: key, note: '', order: [], excluded: [] } : { tagId: key, note: '', order: [], excluded: [] }
}

export function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}

/**
 * Claim ids unique within each key judgment, and no empty entries at the end (so "none"
 * is always stored as absent). The same array when nothing changes.
 */
function normaliseJudgmentClaims(lists: BriefingDocument['judgmentClaims']): BriefingDocument['judgmentClaims'] {
  if (lists === undefined) return undefined
  let end = lists.length
  while (end > 0 && lists[end - 1]!.length === 0) end--
  const cleaned = lists.slice(0, end).map((ids) => {
    const once = unique(ids)
    return once.length === ids.length ? ids : once
  })
  if (cleaned.length === 0) return undefined
  return cleaned.length === lists.length && cleaned.every((ids, i) => ids === lists[i]) ? lists : cleaned
}
