/** Full-text search over articles and highlights (see search-index.ts for the rules). */
export { foldText, foldWithOffsets, splitWords, toOriginalOffset, tokenize, STOP_WORDS, TOKENIZER_VERSION, type FoldedText } from './fold'
export {
  parseQuery,
  indexTerms,
  MAX_ALTERNATIVES,
  MAX_QUERY_CHARS,
  MIN_PREFIX_CHARS,
  type ParseOptions,
  type ParsedQuery,
  type QueryAlternative,
  type QueryClause,
  type QueryIssue,
  type QueryIssueCode,
} from './query'
export { expandNames, searchSpellings, MAX_NAME_WORDS, type NameExpansion, type NameLookup, type NamedEntity } from './expand-names'
export { containsNeedle, findMatches, needlesOf, type MatchSpan, type Needle } from './match'
export { makeSnippet, SNIPPET_CHARS, type Snippet } from './snippet'
export {
  SearchIndex,
  INDEX_FORMAT_VERSION,
  type ArticleInput,
  type GetText,
  type HighlightInput,
  type IndexDiff,
  type LoadResult,
  type ResultKind,
  type SearchFilters,
  type SearchHit,
  type IndexHead,
  type IndexParts,
  type ShardEntries,
  type ShardLoader,
  type SearchIndexOptions,
  type SearchIssue,
  type SearchOptions,
  type SearchResponse,
  type SearchExpansion,
  type SnippetField,
  type TextRange,
} from './search-index'
