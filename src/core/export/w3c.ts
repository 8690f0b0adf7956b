/**
 * W3C Web Annotation Data Model (Recommendation, 23 February 2017) export and import.
 *
 * Export: an AnnotationCollection (JSON-LD, `@context` http://www.w3.org/ns/anno.jsonld)
 * whose embedded first AnnotationPage holds one Annotation per highlight:
 * - `id`: `urn:dossier:highlight:<highlight id>`, stable across exports;
 * - `motivation` `highlighting`; `created` / `modified` from the highlight;
 * - bodies: one TextualBody per tag (`purpose: tagging`, value = tag name) and the comment
 *   as a TextualBody (`purpose: commenting`, `format: text/plain`);
 * - `target`: `source` = the article's URL when known, else `urn:sha256:<bodyHash>` (the
 *   hash of the stored text, so any notebook holding the same text finds it), with a
 *   TextQuoteSelector (exact/prefix/suffix) and a TextPositionSelector (start/end).
 *
 * Positions: the model counts TextPositionSelector offsets in Unicode code points; the
 * notebook stores UTF-16 code units. With `textOf` the export converts (they differ only
 * after a character outside the BMP, such as an emoji); the import converts back, and also
 * accepts UTF-16 offsets from producers that use them (checked against the quote).
 *
 * Import: `parseW3cAnnotations` validates the shape with zod (a Collection with an embedded
 * first page, a Page, one Annotation, or an array of them; at most MAX_ANNOTATIONS_PER_FILE)
 * and normalises quotes as stored texts are; `planW3cImport` matches each target to an
 * article (URL, body-hash URN, else the annotations' quotes: ./w3c-sources), checks the
 * quote against the stored text (at the position; else a unique occurrence, or the one
 * whose context matches) and returns highlight drafts plus a problem per annotation it
 * could not place. Nothing is written. Planning is linear in the file (see ./w3c-match).
 *
 * This module is the public entry point; the code lives in ./w3c-export, ./w3c-parse,
 * ./w3c-sources, ./w3c-match, ./w3c-offsets and ./quote-search.
 */
export {
  ANNO_CONTEXT,
  bodyHashUrn,
  eventDateBody,
  highlightUrn,
  readEventDateBody,
  sourceIri,
  toW3cAnnotation,
  toW3cCollection,
  w3cItemsFromLayout,
  w3cItemsFromNotebook,
  type W3cAnnotation,
  type W3cCollection,
  type W3cExportItem,
  type W3cExportOptions,
  type W3cTextualBody,
} from './w3c-export'
export {
  MAX_ANNOTATIONS_PER_FILE,
  parseW3cAnnotations,
  W3cAnnotationSchema,
  type ParsedW3cAnnotation,
  type ParsedW3cFile,
  type W3cImportProblem,
  type W3cImportProblemKind,
} from './w3c-parse'
export {
  articlesReferenced,
  importW3cAnnotations,
  planW3cImport,
  type W3cHighlightDraft,
  type W3cImportContext,
  type W3cImportPlan,
} from './w3c-match'
export { MAX_CANDIDATE_CHECKS } from './quote-search'
export { codePointConverter, codePointOffset, utf16Offset } from './w3c-offsets'
