/**
 * The logical structure of the briefing PDF (tagged PDF), as the first pass composes it:
 * a tree of structure elements (Document, Sect, H1/H2, P, L/LI/Lbl/LBody, BlockQuote,
 * Table/TR/TH/TD, TOC/TOCI, Link…) in reading order. The composers open elements around
 * what they lay out (`Flow.tag`), and every text run and link the flow records belongs to
 * the innermost one; ./tagged-drawing turns the tree into pdfkit's structure tree and wraps
 * each run in a marked-content sequence of its element while the pages are drawn.
 *
 * An element holds either other elements or content (text and links), never both: the
 * order of its children is then the reading order whatever the drawing order, and the
 * composers cannot put text outside an element (adding text to an element that holds
 * elements, or the reverse, throws).
 *
 * Languages: the document's is `DOCUMENT_LANGUAGE` (the briefing's own text, its labels
 * and headings are English); a passage is tagged with its article's language when that
 * differs (`passageLanguage`), and Arabic runs inside text of another language are marked
 * as Arabic spans when drawn.
 */
import { containsArabic } from './script-runs'
import { isRightToLeftParagraph } from './text-layout'

/** The language of the briefing's own text (headings, labels, the analyst's prose). */
export const DOCUMENT_LANGUAGE = 'en'

export type StructType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'BlockQuote'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'TOC'
  | 'TOCI'
  | 'Link'
  | 'Figure'
  | 'Caption'

export interface StructOptions {
  /** The element's Lang, when it differs from its parent's. */
  lang?: string
  /** For a table header cell: what it heads. */
  scope?: 'Row' | 'Column'
  /** For a Figure: what it shows, in words (its Alt). */
  alt?: string
}

export interface StructNode {
  readonly type: StructType
  readonly options: StructOptions
  /** The language in force: the element's own, else its parent's. */
  readonly language: string
  readonly children: StructNode[]
  /** Whether text or links were recorded in it (then it holds no elements). */
  content: boolean
}

export function structRoot(): StructNode {
  return { type: 'Document', options: {}, language: DOCUMENT_LANGUAGE, children: [], content: false }
}

/** A new element at the end of `parent`'s children. */
export function addStructChild(parent: StructNode, type: StructType, options: StructOptions = {}): StructNode {
  if (parent.content) throw new Error(`A ${type} element cannot go into a ${parent.type} element that holds text`)
  const lang = options.lang && options.lang !== parent.language ? options.lang : undefined
  const node: StructNode = { type, options: { ...options, lang }, language: lang ?? parent.language, children: [], content: false }
  parent.children.push(node)
  return node
}

/** Marks `node` as holding content (text or a link). */
export function markContent(node: StructNode): void {
  if (node.children.length > 0) throw new Error(`Text cannot go into a ${node.type} element that holds other elements`)
  node.content = true
}

/** Whether any element at or under `node` holds content (an element without any is not written). */
export function hasContent(node: StructNode): boolean {
  return node.content || node.children.some(hasContent)
}

/** Languages written in Arabic script (BCP-47 primary subtags). */
const ARABIC_SCRIPT_LANGUAGES = new Set(['ar', 'arz', 'ary', 'apc', 'fa', 'prs', 'ur', 'ps', 'sd', 'ug', 'ckb', 'ks'])

const primary = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] ?? ''

export function isArabicScriptLanguage(lang: string): boolean {
  return ARABIC_SCRIPT_LANGUAGES.has(primary(lang))
}

/**
 * The language to tag a passage with: a quote written in Arabic (a right-to-left
 * paragraph of Arabic script) is its article's language when that is written in Arabic
 * script, else Arabic; any other quote is its article's language when analysis found one
 * written in another script than Arabic. Undefined: the document's language applies.
 */
export function passageLanguage(quote: string, articleLanguage: string | null): string | undefined {
  const language = articleLanguage?.trim() || null
  if (containsArabic(quote) && isRightToLeftParagraph(quote)) return language && isArabicScriptLanguage(language) ? language : 'ar'
  if (language && !isArabicScriptLanguage(language) && primary(language) !== primary(DOCUMENT_LANGUAGE)) return language
  return undefined
}
