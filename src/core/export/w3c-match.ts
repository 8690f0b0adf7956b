/**
 * W3C Web Annotation import, second step (see ./w3c): matching parsed annotations
 * (./w3c-parse) against a notebook. `planW3cImport` finds each target's article (./w3c-sources:
 * URL, body-hash URN, else the annotations' quotes), checks the quote against the stored
 * text (at the position, read as code points and then as UTF-16 units; else a unique
 * occurrence, or the one whose context matches) and returns highlight drafts plus a problem
 * per annotation it could not place. Nothing is written.
 *
 * Linear in the file: the catalog, the existing highlights and the tags are put in Maps
 * once; each distinct source is resolved once; each article's code point positions are
 * indexed once. Annotations whose position does not hold their quote are searched for
 * together: one pass over each article's text finds all of them (./quote-search).
 */
import type { ArticleId, HighlightId } from '../ids'
import type { Article, Highlight, Tag, TextTarget } from '../model'
import { QUOTE_CONTEXT_CHARS } from '../selectors'
import { quoteSearch } from './quote-search'
import { codePointConverter } from './w3c-offsets'
import {
  describeAnnotation,
  parseW3cAnnotations,
  type ParsedW3cAnnotation,
  type ParsedW3cFile,
  type W3cImportProblem,
  type W3cImportProblemKind,
} from './w3c-parse'
import { indexSources, placeSourcesByQuotes, type QuotePlacement } from './w3c-sources'

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

/**
 * The articles whose texts planning may read, so the caller loads just those: the ones the
 * sources name by URL or hash; and, when some source names none, every article, since such
 * a source is looked for by its quotes.
 */
export function articlesReferenced(parsed: ParsedW3cFile, articles: readonly Article[]): ArticleId[] {
  const index = indexSources(articles)
  const ids = new Set<ArticleId>()
  for (const source of new Set(parsed.annotations.map((a) => a.source))) {
    const found = index.resolve(source)
    if (found.length === 0) return articles.map((a) => a.id)
    for (const article of found) ids.add(article.id)
  }
  return [...ids]
}

export function planW3cImport(parsed: ParsedW3cFile, context: W3cImportContext): W3cImportPlan {
  const budget = { checks: 0 }
  const texts = textCache(context.textOf)
  const index = indexSources(context.articles)
  const sourcesByQuotes = placeUnknownSources(parsed.annotations, index, context.articles, texts, budget)

  // 1. Each annotation's articles, and whether its stated position holds its quote there.
  const steps = parsed.annotations.map((annotation): Step => {
    let candidates = index.resolve(annotation.source)
    if (candidates.length === 0) {
      const placement = sourcesByQuotes.get(annotation.source)
      if (!placement || 'problem' in placement) {
        const why = placement ? ` ${placement.problem}` : ''
        return { annotation, failure: { kind: 'unknown-source', message: `no article in this notebook matches its source ${annotation.source}${why}.` } }
      }
      candidates = [placement.article]
    }
    for (const article of candidates) {
      const text = texts.get(article)
      const range = text && atPosition(text, annotation)
      if (range) return { annotation, placed: { article, target: contextOf(text.text, range.start, range.end), relocated: false } }
    }
    // Else its quote is searched for in those texts, all of an article's quotes at once.
    if (annotation.quote) for (const article of candidates) texts.get(article)?.wanted.add(annotation.quote.exact)
    return { annotation, candidates }
  })

  // 2. Find every quote that needs it, one pass over each text.
  texts.searchWanted(budget)

  // 3. Place the rest by their quotes, in file order.
  const drafts: W3cHighlightDraft[] = []
  const problems = [...parsed.problems]
  const existing = new Map<string, HighlightId>()
  for (const h of context.highlights ?? []) existing.set(`${h.articleId}:${h.target.start}:${h.target.end}`, h.id)
  for (const step of steps) {
    const { annotation } = step
    const outcome = 'candidates' in step ? placeByQuote(step.candidates, annotation, texts) : step
    if ('failure' in outcome) {
      const { kind, message } = outcome.failure
      problems.push({ index: annotation.index, annotationId: annotation.id, kind, message: `Annotation ${describeAnnotation(annotation.index, annotation.id)}: ${message}` })
      continue
    }
    const { article, target, relocated } = outcome.placed
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

interface Placed {
  article: Article
  target: TextTarget
  relocated: boolean
}
interface Failure {
  kind: W3cImportProblemKind
  message: string
}
/** An annotation after step 1: placed, failed, or waiting for its quote to be searched in its candidate articles. */
type Step = { annotation: ParsedW3cAnnotation } & ({ placed: Placed } | { failure: Failure } | { candidates: readonly Article[] })

/** The first candidate article holding the quote once (or once in its context); else why not. */
function placeByQuote(candidates: readonly Article[], annotation: ParsedW3cAnnotation, texts: TextCache): { placed: Placed } | { failure: Failure } {
  let failure: Failure | null = null
  for (const article of candidates) {
    const text = texts.get(article)
    if (text === undefined) {
      failure ??= { kind: 'text-unavailable', message: `the text of article “${article.title}” could not be read.` }
      continue
    }
    const result = findByQuote(text, annotation)
    if ('target' in result) return { placed: { article, target: result.target, relocated: true } }
    if (!failure || failure.kind === 'text-unavailable') failure = { kind: result.kind, message: `${result.message} in “${article.title}”.` }
  }
  return { failure: failure! }
}

/** Parse and plan in one step (the caller supplies texts for every article it may need). */
export function importW3cAnnotations(json: unknown, context: W3cImportContext): W3cImportPlan {
  return planW3cImport(parseW3cAnnotations(json), context)
}

/** The sources no URL or hash names, each placed by its annotations' quotes when they tell (./w3c-sources). */
function placeUnknownSources(
  annotations: readonly ParsedW3cAnnotation[],
  index: ReturnType<typeof indexSources>,
  articles: readonly Article[],
  texts: TextCache,
  budget: { checks: number },
): Map<string, QuotePlacement> {
  const unknown = new Map<string, ParsedW3cAnnotation[]>()
  for (const a of annotations) {
    if (index.resolve(a.source).length > 0) continue
    const list = unknown.get(a.source)
    if (list) list.push(a)
    else unknown.set(a.source, [a])
  }
  return unknown.size === 0 ? new Map() : placeSourcesByQuotes(unknown, articles, (article) => texts.get(article)?.text, budget)
}

/** An article's stored text, read once, with what anchoring reuses across its annotations. */
interface ArticleText {
  text: string
  /** Code point offset -> UTF-16 offset (./w3c-offsets). */
  toUtf16: (codePoints: number) => number
  /** Quotes to search for in this text (annotations whose position did not hold them). */
  wanted: Set<string>
  /** Where each wanted quote occurs, once `searchWanted` ran. */
  found: Map<string, number[]>
}

interface TextCache {
  get(article: Article): ArticleText | undefined
  /** Searches every text for its wanted quotes, all of one text's in one pass (./quote-search). */
  searchWanted(budget: { checks: number }): void
}

function textCache(textOf: (articleId: ArticleId) => string | undefined): TextCache {
  const cache = new Map<ArticleId, ArticleText | undefined>()
  return {
    get(article) {
      if (cache.has(article.id)) return cache.get(article.id)
      const text = textOf(article.id)
      const entry = text === undefined ? undefined : { text, toUtf16: codePointConverter(text), wanted: new Set<string>(), found: new Map<string, number[]>() }
      cache.set(article.id, entry)
      return entry
    },
    searchWanted(budget) {
      for (const entry of cache.values()) {
        if (!entry || entry.wanted.size === 0) continue
        quoteSearch(entry.wanted, budget).findAll(entry.text, (quote, start) => {
          const hits = entry.found.get(quote)
          if (hits) hits.push(start)
          else entry.found.set(quote, [start])
        })
      }
    },
  }
}

/** Context is re-read from this notebook's text, as makeTextTarget stores it. */
function contextOf(text: string, start: number, end: number): TextTarget {
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_CHARS), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT_CHARS),
  }
}

/** The stated position, read as code points as the model says, then as UTF-16 units as some producers write, when it holds the quote (or there is no quote). */
function atPosition(article: ArticleText, a: ParsedW3cAnnotation): { start: number; end: number } | null {
  if (!a.position) return null
  const { text } = article
  const asCodePoints = { start: article.toUtf16(a.position.start), end: article.toUtf16(a.position.end) }
  for (const range of [asCodePoints, a.position]) {
    if (range.start < 0 || range.end > text.length || range.end <= range.start) continue
    if (!a.quote || text.slice(range.start, range.end) === a.quote.exact) return range
  }
  return null
}

type QuoteResult = { target: TextTarget } | { kind: 'quote-not-found' | 'ambiguous-quote'; message: string }

/** The quote's one occurrence, or the one whose context matches. */
function findByQuote(article: ArticleText, a: ParsedW3cAnnotation): QuoteResult {
  const { text } = article
  if (!a.quote) return { kind: 'quote-not-found', message: 'its position lies outside the text' }
  const hits = article.found.get(a.quote.exact) ?? []
  if (hits.length === 0) return { kind: 'quote-not-found', message: `the quote “${shorten(a.quote.exact)}” is not in the text` }
  let chosen: number | undefined
  if (hits.length === 1) chosen = hits[0]
  else {
    const { prefix, suffix, exact } = a.quote
    const matching = hits.filter((s) => s >= prefix.length && text.slice(s - prefix.length, s) === prefix && text.slice(s + exact.length, s + exact.length + suffix.length) === suffix)
    if (matching.length === 1) chosen = matching[0]
  }
  if (chosen === undefined) {
    return { kind: 'ambiguous-quote', message: `the quote “${shorten(a.quote.exact)}” occurs ${hits.length} times and its context does not tell which` }
  }
  return { target: contextOf(text, chosen, chosen + a.quote.exact.length) }
}

function shorten(text: string, max = 50): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}
