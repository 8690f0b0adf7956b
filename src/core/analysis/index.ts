/**
 * Text analysis of imported articles (pure core): metadata with sources, page furniture,
 * damage flags, and text-reuse fingerprints for finding rewrites and republications.
 */
export { analyseText } from './analyse'
export type { AnalyseOptions, ArticleMeta, MetaField, MetaValue, Span, StatedValue, StructuralMeta, TextAnalysis } from './analyse'
export type { Furniture, FurnitureKind } from './furniture'
export { SHORT_EXTRACTION_WORDS } from './flags'
export type { TextFlag, TextFlagKind } from './flags'
export { detectLanguage, normaliseLanguageTag } from './language'
export { FINGERPRINT_VERSION, FingerprintSchema, containment, exactContainment, fingerprint, similarity } from './fingerprint'
export type { Fingerprint, FingerprintOptions } from './fingerprint'
export { alignSentences, SENTENCE_MATCH } from './paraphrase'
export type { Alignment } from './paraphrase'
export { REWRITE_THRESHOLD, compareFingerprints, findRewrites } from './rewrites'
export type { ReuseKind, RewriteMatch, TextReuse } from './rewrites'
