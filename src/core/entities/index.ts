/** Entities: names, places and aliases (notes/entities.md). Pure core; storage, IPC, UI and CLI build on this. */
export * from './schema'
export * from './model'
export { keyTokens, nameKey, detectScript, type KeyToken } from './normalise'
export { buildMatcher, countMentions, type EntityMatcher, type Mention, type QueryExpansion } from './matcher'
export { extractNames, NameTally, type ArticleNames, type NameCandidate, type NameInArticle } from './names'
export { proposeVariants, suggestionId, type VariantSuggestion, type AliasSuggestion, type PairSuggestion, type VariantOptions } from './variants'
export { compareForms, variantForm, transliterate, type VariantMatch } from './variant-rules'
export { loadGazetteer, importPack, type PackImport } from './gazetteer'
