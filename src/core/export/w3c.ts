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
 * first page, a Page, one Annotation, or an array of them); `planW3cImport` matches each
 * target to an article (URL, or body-hash URN), checks the quote against the stored text
 * (at the position; else a unique occurrence, or the one whose context matches) and returns
 * highlight drafts plus a problem per annotation it could not place. Nothing is written.
 */
import { z } from 'zod'
import type { BriefingLayout, NotebookData } from '../briefing'
import type { ArticleId, HighlightId } from '../ids'
import type { Article, Highlight, Tag, TextTarget } from '../model'
import { DossierError } from '../result'
import { findOccurrences, QUOTE_CONTEXT_CHARS } from '../selectors'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
const HIGHLIGHT_URN_PREFIX = 'urn:dossier:highlight:'
const SHA256_URN = /^urn:sha256:([0-9a-f]{64})$/i

// ---------------------------------------------------------------------------------------
// Export

export interface W3cTextualBody {
  type: 'TextualBody'
  purpose: 'tagging' | 'commenting'
  value: string
  format?: 'text/plain'
}

export interface W3cAnnotation {
  '@context'?: string
  id: string
  type: 'Annotation'
  motivation: 'highlighting'
  created?: string
  modified?: string
  body?: W3cTextualBody[]
  target: {
    source: string
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ]
  }
}

export interface W3cCollection {
  '@context': typeof ANNO_CONTEXT
  id: string
  type: 'AnnotationCollection'
  label: string
  total: number
  created?: string
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] }
}

export interface W3cExportItem {
  highlight: Pick<Highlight, 'id' | 'articleId' | 'target' | 'comment' | 'createdAt' | 'updatedAt'>
  article: Pick<Article, 'id' | 'url' | 'bodyHash'>
  tags: readonly Pick<Tag, 'name'>[]
}

export interface W3cExportOptions {
  label: string
  /** Collection IRI; default `urn:dossier:collection:<name>:<generatedAt>`. */
  id?: string
  /** ISO timestamp of the export (the collection's `created`, and its default id). */
  generatedAt: string
  /** The stored text of an article, to count positions in code points (see module comment). */
  textOf?: (articleId: ArticleId) => string | undefined
}

export function highlightUrn(id: HighlightId): string {
  return `${HIGHLIGHT_URN_PREFIX}${id}`
}

export function bodyHashUrn(bodyHash: string): string {
  return `urn:sha256:${bodyHash.toLowerCase()}`
}

/** The target source of an article: its URL when known (absolute), else the body-hash URN. */
export function sourceIri(article: Pick<Article, 'url' | 'bodyHash'>): string {
  const url = article.url?.trim()
  return url && /^[a-z][a-z0-9+.-]*:\S+$/i.test(url) ? url : bodyHashUrn(article.bodyHash)
}

export function toW3cAnnotation(item: W3cExportItem, textOf?: (articleId: ArticleId) => string | undefined): W3cAnnotation {
  const { highlight: h, article } = item
  const body: W3cTextualBody[] = item.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t.name }))
  if (h.comment.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: h.comment, format: 'text/plain' })
  const text = textOf?.(article.id)
  const start = text === undefined ? h.target.start : codePointOffset(text, h.target.start)
  const end = text === undefined ? h.target.end : codePointOffset(text, h.target.end)
  const annotation: W3cAnnotation = {
    id: highlightUrn(h.id),
    type: 'Annotation',
    motivation: 'highlighting',
    ...(isDateTime(h.createdAt) ? { created: h.createdAt } : {}),
    ...(isDateTime(h.updatedAt) ? { modified: h.updatedAt } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: sourceIri(article),
      selector: [
        { type: 'TextQuoteSelector', exact: h.target.exact, prefix: h.target.prefix, suffix: h.target.suffix },
        { type: 'TextPositionSelector', start, end },
      ],
    },
  }
  return annotation
}

export function toW3cCollection(items: readonly W3cExportItem[], options: W3cExportOptions, name = 'notebook'): W3cCollection {
  const id = options.id ?? `urn:dossier:collection:${name}:${options.generatedAt.replace(/[^0-9A-Za-z]/g, '')}`
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: options.label,
    total: items.length,
    ...(isDateTime(options.generatedAt) ? { created: options.generatedAt } : {}),
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items: items.map((item) => toW3cAnnotation(item, options.textOf)) },
  }
}

/** The distinct highlights of a briefing, in briefing order. */
export function w3cItemsFromLayout(layout: BriefingLayout): W3cExportItem[] {
  const sources = new Map(layout.sources.map((s) => [s.number, s]))
  const seen = new Set<HighlightId>()
  const items: W3cExportItem[] = []
  for (const section of layout.sections) {
    for (const p of section.passages) {
      if (seen.has(p.highlightId)) continue
      seen.add(p.highlightId)
      const source = sources.get(p.sourceNumber)!
      items.push({
        highlight: { id: p.highlightId, articleId: p.articleId, target: p.target, comment: p.comment, createdAt: p.createdAt, updatedAt: p.updatedAt },
        article: { id: p.articleId, url: source.url, bodyHash: source.bodyHash },
        tags: p.tags,
      })
    }
  }
  return items
}

/** Every highlight of the notebook whose article exists, grouped by article in catalog order. */
export function w3cItemsFromNotebook(data: NotebookData): W3cExportItem[] {
  const tagsById = new Map(data.tags.map((t) => [t.id, t]))
  const rank = new Map(data.tags.map((t, i) => [t.id, i]))
  const byArticle = new Map<ArticleId, Highlight[]>()
  for (const h of data.highlights) byArticle.set(h.articleId, [...(byArticle.get(h.articleId) ?? []), h])
  return data.articles.flatMap((article) =>
    (byArticle.get(article.id) ?? [])
      .slice()
      .sort((a, b) => a.target.start - b.target.start || a.target.end - b.target.end)
      .map((highlight) => ({
        highlight,
        article,
        tags: highlight.tagIds
          .filter((id) => tagsById.has(id))
          .sort((a, b) => rank.get(a)! - rank.get(b)!)
          .map((id) => tagsById.get(id)!),
      })),
  )
}

// ---------------------------------------------------------------------------------------
// Import: shape

const OneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)])
const Purpose = OneOrMany(z.string())

const SelectorSchema: z.ZodType<unknown> = z.looseObject({ type: z.union([z.string(), z.array(z.string())]).optional() })
const SpecificTargetSchema = z.looseObject({
  source: z.string().min(1),
  selector: OneOrMany(SelectorSchema).optional(),
})
const TargetSchema = z.union([z.string().min(1), SpecificTargetSchema])
const BodySchema = z.union([
  z.string(),
  z.looseObject({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    purpose: Purpose.optional(),
    value: z.string().optional(),
    format: z.union([z.string(), z.array(z.string())]).optional(),
  }),
])

export const W3cAnnotationSchema = z.looseObject({
  id: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t : [t]).includes('Annotation'), 'type must include "Annotation"'),
  motivation: Purpose.optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: OneOrMany(BodySchema).optional(),
  bodyValue: z.string().optional(),
  target: OneOrMany(TargetSchema),
})

const TypeWith = (name: string) =>
  z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t : [t]).includes(name), `type must include "${name}"`)
const PageSchema = z.looseObject({ type: TypeWith('AnnotationPage'), items: z.array(z.unknown()) })
const CollectionSchema = z.looseObject({
  type: TypeWith('AnnotationCollection'),
  label: z.union([z.string(), z.array(z.string())]).optional(),
  total: z.number().int().nonnegative().optional(),
  first: z.union([z.string(), PageSchema]).optional(),
})

const SelectorTextQuote = z.looseObject({ type: z.literal('TextQuoteSelector'), exact: z.string().min(1), prefix: z.string().optional(), suffix: z.string().optional() })
const SelectorTextPosition = z.looseObject({ type: z.literal('TextPositionSelector'), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })

export interface ParsedW3cAnnotation {
  /** Position in the file (0-based), for messages. */
  index: number
  id: string | null
  source: string
  quote: { exact: string; prefix: string; suffix: string } | null
  position: { start: number; end: number } | null
  tagNames: string[]
  comment: string
  created: string | null
  modified: string | null
}

export type W3cImportProblemKind =
  | 'invalid'
  | 'no-selector'
  | 'unknown-source'
  | 'text-unavailable'
  | 'quote-not-found'
  | 'ambiguous-quote'

export interface W3cImportProblem {
  index: number
  annotationId: string | null
  kind: W3cImportProblemKind
  message: string
}

export interface ParsedW3cFile {
  label: string | null
  annotations: ParsedW3cAnnotation[]
  problems: W3cImportProblem[]
}

/**
 * Reads a Web Annotation JSON(-LD) document. The container must be recognisable (else
 * DossierError 'bad-request'); each annotation that is not usable becomes a problem.
 */
export function parseW3cAnnotations(json: unknown): ParsedW3cFile {
  let label: string | null = null
  let items: unknown[]
  const collection = CollectionSchema.safeParse(json)
  if (collection.success) {
    const { first, total } = collection.data
    label = Array.isArray(collection.data.label) ? (collection.data.label[0] ?? null) : (collection.data.label ?? null)
    if (typeof first === 'string') {
      throw new DossierError('bad-request', `This annotation collection does not include its annotations (its first page is only linked: ${first}).`)
    }
    items = first?.items ?? []
    if (first && typeof first.next === 'string') {
      throw new DossierError('bad-request', 'This annotation collection has more pages than the one included; only single-file collections can be imported.')
    }
    if (total !== undefined && total !== items.length) {
      throw new DossierError('bad-request', `This annotation collection says it holds ${total} annotations but includes ${items.length}.`)
    }
  } else if (PageSchema.safeParse(json).success) {
    items = (json as { items: unknown[] }).items
  } else if (Array.isArray(json)) {
    items = json
  } else if (W3cAnnotationSchema.safeParse(json).success) {
    items = [json]
  } else {
    throw new DossierError('bad-request', 'Not a W3C Web Annotation file: expected an AnnotationCollection, an AnnotationPage or Annotations.')
  }

  const annotations: ParsedW3cAnnotation[] = []
  const problems: W3cImportProblem[] = []
  items.forEach((item, index) => {
    const result = readAnnotation(item, index)
    if ('problem' in result) problems.push(result.problem)
    else annotations.push(result.annotation)
  })
  return { label, annotations, problems }
}

function readAnnotation(item: unknown, index: number): { annotation: ParsedW3cAnnotation } | { problem: W3cImportProblem } {
  const parsed = W3cAnnotationSchema.safeParse(item)
  const rawId = typeof (item as { id?: unknown } | null)?.id === 'string' ? (item as { id: string }).id : null
  const problem = (kind: W3cImportProblemKind, message: string) => ({ problem: { index, annotationId: rawId, kind, message } })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return problem('invalid', `Annotation ${describe(index, rawId)} is not a valid annotation (${issue ? `${issue.path.join('.') || 'annotation'}: ${issue.message}` : 'unknown shape'}).`)
  }
  const a = parsed.data
  const targets = (Array.isArray(a.target) ? a.target : [a.target]).filter((t): t is z.infer<typeof SpecificTargetSchema> => typeof t !== 'string')
  let quote: ParsedW3cAnnotation['quote'] = null
  let position: ParsedW3cAnnotation['position'] = null
  let source: string | null = null
  for (const target of targets) {
    const selectors = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector]
    const q = selectors.map((s) => SelectorTextQuote.safeParse(s)).find((r) => r.success)?.data
    const p = selectors.map((s) => SelectorTextPosition.safeParse(s)).find((r) => r.success && r.data.end > r.data.start)?.data
    if (q || p) {
      source = target.source
      quote = q ? { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' } : null
      position = p ? { start: p.start, end: p.end } : null
      break
    }
  }
  if (source === null) {
    return problem('no-selector', `Annotation ${describe(index, rawId)} has no text quote or text position selector, so it cannot be placed in a text.`)
  }

  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]
  const tagNames: string[] = []
  const comments: string[] = []
  for (const body of bodies) {
    if (typeof body === 'string' || body.value === undefined) continue
    const purposes = body.purpose === undefined ? [] : Array.isArray(body.purpose) ? body.purpose : [body.purpose]
    if (purposes.includes('tagging')) {
      const name = body.value.trim()
      if (name && !tagNames.includes(name)) tagNames.push(name)
    } else {
      comments.push(body.value)
    }
  }
  if (a.bodyValue !== undefined) comments.push(a.bodyValue)
  return {
    annotation: {
      index,
      id: a.id ?? null,
      source,
      quote,
      position,
      tagNames,
      comment: comments.join('\n\n'),
      created: a.created ?? null,
      modified: a.modified ?? null,
    },
  }
}

// ---------------------------------------------------------------------------------------
// Import: matching against a notebook

export interface W3cHighlightDraft {
  /** The annotation's own id (null when it had none). */
  annotationId: string | null
  articleId: ArticleId
  /** UTF-16 offsets into the stored article text, as highlights store them. */
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  tagNames: string[]
  comment: string
  created: string | null
  modified: string | null
  /** True when the quote was found elsewhere than the stated position. */
  relocated: boolean
  /** An existing highlight on the same article and range, when there is one. */
  duplicateOf: HighlightId | null
}

export interface W3cImportPlan {
  label: string | null
  total: number
  drafts: W3cHighlightDraft[]
  problems: W3cImportProblem[]
  /** Tag names used by the drafts that the notebook does not have (case-insensitive), first spelling kept. */
  newTagNames: string[]
}

export interface W3cImportContext {
  articles: readonly Article[]
  tags: readonly Pick<Tag, 'name'>[]
  /** Existing highlights, to mark duplicates. */
  highlights?: readonly Pick<Highlight, 'id' | 'articleId' | 'target'>[]
  /** The stored text of an article (load the ones `articlesReferenced` names). */
  textOf: (articleId: ArticleId) => string | undefined
}

/** The articles a parsed file refers to, so the caller can load just their texts. */
export function articlesReferenced(parsed: ParsedW3cFile, articles: readonly Article[]): ArticleId[] {
  const ids = new Set<ArticleId>()
  for (const a of parsed.annotations) for (const article of candidatesFor(a.source, articles)) ids.add(article.id)
  return [...ids]
}

export function planW3cImport(parsed: ParsedW3cFile, context: W3cImportContext): W3cImportPlan {
  const drafts: W3cHighlightDraft[] = []
  const problems = [...parsed.problems]
  const existing = new Map<string, HighlightId>()
  for (const h of context.highlights ?? []) existing.set(`${h.articleId}:${h.target.start}:${h.target.end}`, h.id)

  for (const annotation of parsed.annotations) {
    const problem = (kind: W3cImportProblemKind, message: string) =>
      problems.push({ index: annotation.index, annotationId: annotation.id, kind, message: `Annotation ${describe(annotation.index, annotation.id)}: ${message}` })
    const candidates = candidatesFor(annotation.source, context.articles)
    if (candidates.length === 0) {
      problem('unknown-source', `no article in this notebook matches its source ${annotation.source}.`)
      continue
    }
    let placed: { article: Article; target: TextTarget; relocated: boolean } | null = null
    let failure: { kind: W3cImportProblemKind; message: string } | null = null
    for (const article of candidates) {
      const text = context.textOf(article.id)
      if (text === undefined) {
        failure ??= { kind: 'text-unavailable', message: `the text of article “${article.title}” could not be read.` }
        continue
      }
      const result = anchor(text, annotation)
      if ('target' in result) {
        placed = { article, target: result.target, relocated: result.relocated }
        break
      }
      if (!failure || failure.kind === 'text-unavailable') failure = { kind: result.kind, message: `${result.message} in “${article.title}”.` }
    }
    if (!placed) {
      problem(failure!.kind, failure!.message)
      continue
    }
    const { article, target, relocated } = placed
    drafts.push({
      annotationId: annotation.id,
      articleId: article.id,
      ...target,
      tagNames: annotation.tagNames,
      comment: annotation.comment,
      created: annotation.created,
      modified: annotation.modified,
      relocated,
      duplicateOf: existing.get(`${article.id}:${target.start}:${target.end}`) ?? null,
    })
  }

  const known = new Set(context.tags.map((t) => t.name.toLocaleLowerCase()))
  const newTagNames: string[] = []
  for (const d of drafts) {
    for (const name of d.tagNames) {
      const key = name.toLocaleLowerCase()
      if (!known.has(key)) {
        known.add(key)
        newTagNames.push(name)
      }
    }
  }
  return { label: parsed.label, total: parsed.annotations.length + parsed.problems.length, drafts, problems, newTagNames }
}

/** Parse and plan in one step (the caller supplies texts for every article it may need). */
export function importW3cAnnotations(json: unknown, context: W3cImportContext): W3cImportPlan {
  return planW3cImport(parseW3cAnnotations(json), context)
}

function candidatesFor(source: string, articles: readonly Article[]): Article[] {
  const hash = SHA256_URN.exec(source)?.[1]?.toLowerCase()
  if (hash) return articles.filter((a) => a.bodyHash === hash)
  const exact = articles.filter((a) => a.url === source)
  if (exact.length > 0) return exact
  const key = urlKey(source)
  return key === null ? [] : articles.filter((a) => a.url !== null && urlKey(a.url) === key)
}

/** Scheme and host lower-cased, fragment and trailing slash dropped: the same page by any spelling. */
function urlKey(url: string): string | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i.exec(url.trim())
  if (!m) return null
  return `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}${m[3]!.replace(/\/+$/, '')}`
}

type AnchorResult = { target: TextTarget; relocated: boolean } | { kind: 'quote-not-found' | 'ambiguous-quote'; message: string }

function anchor(text: string, a: ParsedW3cAnnotation): AnchorResult {
  // Context is re-read from this notebook's text, as makeTextTarget stores it.
  const contextOf = (start: number, end: number): TextTarget => ({
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
  })
  if (a.position) {
    // Code points as the model says; then UTF-16 units as some producers write.
    const asCodePoints = { start: utf16Offset(text, a.position.start), end: utf16Offset(text, a.position.end) }
    for (const range of [asCodePoints, a.position]) {
      if (range.start < 0 || range.end > text.length || range.end <= range.start) continue
      if (!a.quote || text.slice(range.start, range.end) === a.quote.exact) {
        return { target: contextOf(range.start, range.end), relocated: false }
      }
    }
  }
  if (!a.quote) return { kind: 'quote-not-found', message: 'its position lies outside the text' }
  const hits = findOccurrences(text, a.quote.exact)
  if (hits.length === 0) return { kind: 'quote-not-found', message: `the quote “${shorten(a.quote.exact)}” is not in the text` }
  let chosen: number | undefined
  if (hits.length === 1) chosen = hits[0]
  else {
    const { prefix, suffix, exact } = a.quote
    const matching = hits.filter((s) => text.slice(s - prefix.length, s) === prefix && text.slice(s + exact.length, s + exact.length + suffix.length) === suffix)
    if (matching.length === 1) chosen = matching[0]
  }
  if (chosen === undefined) {
    return { kind: 'ambiguous-quote', message: `the quote “${shorten(a.quote.exact)}” occurs ${hits.length} times and its context does not tell which` }
  }
  return { target: contextOf(chosen, chosen + a.quote.exact.length), relocated: true }
}

// ---------------------------------------------------------------------------------------
// Offsets: UTF-16 code units (stored) <-> Unicode code points (the model)

/** Code points in `text` before UTF-16 offset `utf16`. */
export function codePointOffset(text: string, utf16: number): number {
  let pairs = 0
  for (let i = 0; i < utf16 - 1 && i < text.length - 1; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs++
        i++
      }
    }
  }
  return utf16 - pairs
}

/** UTF-16 offset of code point number `codePoints` (text.length when past the end; -1 when negative). */
export function utf16Offset(text: string, codePoints: number): number {
  if (codePoints < 0) return -1
  let i = 0
  for (let n = 0; n < codePoints; n++) {
    if (i >= text.length) return text.length + (codePoints - n)
    const c = text.charCodeAt(i)
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1
  }
  return i
}

function isDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))
}

function describe(index: number, id: string | null): string {
  return id ? `${index + 1} (${id})` : `${index + 1}`
}

function shorten(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}
