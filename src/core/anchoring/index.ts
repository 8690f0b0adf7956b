/** Re-anchoring highlights (W3C position + quote selectors) in article text. */
export { anchorTarget, maxQuoteErrors, MIN_APPROXIMATE_SCORE, type Anchor, type AnchorMethod } from './anchor'
export { reanchorAll, type AnchoredHighlight, type ReanchorResult } from './reanchor'
export { findQuote, findQuoteLoosely, foldLoosely, type LooseText, type QuoteSpan } from './quote-match'
