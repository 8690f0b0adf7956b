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
 * Invariant (kept by every helper, restored by `normaliseBriefingDocument`): a section is
 * of a tag (`tagId`) or of an entity (`entityId`: every passage mentioning it, decision
 * 49); the tag sections, in order, are `selection.tagIds` and the entity sections, in
 * order, are `selection.entityIds` (absent when none), with no duplicates. The order of
 * `sections` is the section order.
 *
 * This module is the public entry point; the code lives in
 * - ./briefing-document-schema: ids, schemas, limits; create, parse, normalise;
 * - ./briefing-document-edit: the editing operations.
 */
export {
  BriefingDocumentSchema,
  BriefingIdSchema,
  BriefingSectionSchema,
  BriefingSelectionSchema,
  EntitySectionSchema,
  TagSectionSchema,
  briefingDayProblem,
  isEntityKey,
  sectionKey,
  sectionOrder,
  createBriefingDocument,
  DEFAULT_BRIEFING_TITLE,
  isCalendarDate,
  IsoDateSchema,
  makeBriefingId,
  MAX_KEY_JUDGMENTS_LENGTH,
  MAX_JUDGMENT_CLAIMS,
  MAX_JUDGMENTS,
  MAX_NOTE_LENGTH,
  MAX_SECTIONS,
  MULTI_TAG_MODES,
  normaliseBriefingDocument,
  parseBriefingDocument,
  type BriefingDocument,
  type BriefingId,
  type BriefingSectionSettings,
  type BriefingSelection,
  type MultiTagMode,
  type NewBriefingDocument,
  type SectionKey,
} from './briefing-document-schema'
export {
  addSection,
  excludePassage,
  findSection,
  includePassage,
  movePassage,
  movePassageBy,
  moveSection,
  moveSectionBy,
  removeSection,
  resetPassageOrder,
  sectionKeys,
  selectedEntityIds,
  setArticleFilter,
  setEntityIndex,
  setDateRange,
  setSectionNote,
  setSelectedTags,
  setUntagged,
  touchBriefingDocument,
  updateBriefingFields,
  type BriefingFields,
} from './briefing-document-edit'
export { citeClaim, judgmentClaimIds, unciteClaim } from './briefing-claims-edit'
