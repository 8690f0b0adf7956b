/**
 * W3C Web Annotation export (see ./w3c): an AnnotationCollection (JSON-LD, `@context`
 * http://www.w3.org/ns/anno.jsonld) whose embedded first AnnotationPage holds one
 * Annotation per highlight:
 * - `id`: `urn:dossier:highlight:<highlight id>`, stable across exports;
 * - `motivation` `highlighting`; `created` / `modified` from the highlight;
 * - bodies: one TextualBody per tag (`purpose: tagging`, value = tag name) and the comment
 *   as a TextualBody (`purpose: commenting`, `format: text/plain`); when graded, the
 *   Admiralty grade (`purpose: assessing`, "B2 (usually reliable; probably true)") and the
 *   saved attribution (`purpose: describing`, "Attribution: secondary: Reuters (…)"). An
 *   import knows them by purpose and opening word and does not take them for comments.
 *   (They carry no id: a body with an id is an External Web Resource to the model, which
 *   may not have a purpose: assertion 3.3.5-bodyEWRNoPurpose.)
 * - `target`: `source` = the article's URL when known, else `urn:sha256:<bodyHash>` (the
 *   hash of the stored text, so any notebook holding the same text finds it), with a
 *   TextQuoteSelector (exact/prefix/suffix) and a TextPositionSelector (start/end), in code
 *   points when `textOf` gives the stored text (./w3c-offsets).
 *
 * Also: the items to export, from a built briefing or from the whole notebook.
 */
import { webLink, type BriefingLayout, type NotebookData } from '../briefing'
import type { ArticleId, HighlightId } from '../ids'
import type { Article, Highlight, Tag } from '../model'
import { attributionText, describeGrade } from '../sourcing/grading'
import { OutletMatcher } from '../sourcing/outlets'
import { claimsByHighlight, passageClaimText, type PassageClaim } from '../sourcing/claims'
import type { Attribution, Credibility, Reliability } from '../sourcing/schema'
import type { CsvEventDate } from './csv'
import { codePointOffset } from './w3c-offsets'

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
const HIGHLIGHT_URN_PREFIX = 'urn:dossier:highlight:'

export interface W3cTextualBody {
  type: 'TextualBody'
  purpose: 'tagging' | 'commenting' | 'assessing' | 'describing'
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
  /** The passage's grades and saved attribution (notes/sourcing.md), when any. */
  sourcing?: { reliability?: Reliability | null; credibility?: number | null; attribution?: Attribution | null }
  /** The claims the passage belongs to (sourcing/claims `claimsByHighlight`): one `describing` body each. */
  claims?: readonly PassageClaim[]
  /** The passage's event date (decided, or the resolved suggestion), when it has one: a `describing` body (eventDateBody). */
  event?: Pick<CsvEventDate, 'start' | 'end' | 'precision'> | null
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

/**
 * The target source of an article: its URL when it is an http(s) link (webLink; never a
 * `javascript:` or `file:` IRI, whatever the metadata holds), else the body-hash URN.
 */
export function sourceIri(article: Pick<Article, 'url' | 'bodyHash'>): string {
  return webLink(article.url) ?? bodyHashUrn(article.bodyHash)
}

export function toW3cAnnotation(item: W3cExportItem, textOf?: (articleId: ArticleId) => string | undefined): W3cAnnotation {
  const { highlight: h, article } = item
  const body: W3cTextualBody[] = item.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t.name }))
  if (h.comment.trim()) body.push({ type: 'TextualBody', purpose: 'commenting', value: h.comment, format: 'text/plain' })
  body.push(...sourcingBodies(item))
  if (item.event) body.push(eventDateBody(item.event))
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

/** The sourcing bodies of a passage: its grade and its attribution, each only when there is one. */
function sourcingBodies(item: W3cExportItem): W3cTextualBody[] {
  const bodies: W3cTextualBody[] = []
  const grade = describeGrade(item.sourcing?.reliability ?? null, (item.sourcing?.credibility ?? null) as Credibility | null)
  if (grade) bodies.push({ type: 'TextualBody', purpose: 'assessing', value: `${GRADE_WORD}${grade}`, format: 'text/plain' })
  const attribution = item.sourcing?.attribution
  if (attribution) bodies.push({ type: 'TextualBody', purpose: 'describing', value: `${ATTRIBUTION_WORD}${attributionText(attribution)}`, format: 'text/plain' })
  for (const claim of item.claims ?? []) bodies.push({ type: 'TextualBody', purpose: 'describing', value: `${CLAIM_WORD}${passageClaimText(claim)}`, format: 'text/plain' })
  return bodies
}

const GRADE_WORD = 'Grade '
const ATTRIBUTION_WORD = 'Attribution: '
const CLAIM_WORD = 'Claim: '

/** Whether a body is one of Dossier's own sourcing bodies (which an import skips): by purpose and opening word. */
export function isDossierSourcingBody(purposes: readonly string[], value: string): boolean {
  return (purposes.includes('assessing') && value.startsWith(GRADE_WORD)) || (purposes.includes('describing') && (value.startsWith(ATTRIBUTION_WORD) || value.startsWith(CLAIM_WORD)))
}

/**
 * The event date as a body of the model's own vocabulary (issue 15): a TextualBody whose
 * purpose is `describing` and whose value is the period as an ISO 8601 day or interval
 * (`2025-01-21`, `2025-01-21/2025-01-22`), prefixed `Event date: ` so a person reading the
 * annotation in another tool knows what the days are, and followed by `(approximate)`
 * when it is. No property outside the model is added, so the export keeps passing the
 * W3C MUST tests; Dossier's import leaves the body out of the comment (it does not
 * set event dates yet: the suggestion or the analyst decides there).
 */
export function eventDateBody(event: Pick<CsvEventDate, 'start' | 'end' | 'precision'>): W3cTextualBody {
  const period = event.start === event.end ? event.start : `${event.start}/${event.end}`
  return { type: 'TextualBody', purpose: 'describing', value: `${EVENT_DATE_PREFIX}${period}${event.precision === 'approximate' ? ' (approximate)' : ''}`, format: 'text/plain' }
}

export const EVENT_DATE_PREFIX = 'Event date: '
const EVENT_DATE_VALUE = /^Event date: (\d{4}-\d{2}-\d{2})(?:\/(\d{4}-\d{2}-\d{2}))?( \(approximate\))?$/

/** The period an event-date body (eventDateBody) states, or null when the text is not one. */
export function readEventDateBody(value: string): { start: string; end: string; approximate: boolean } | null {
  const m = EVENT_DATE_VALUE.exec(value)
  return m ? { start: m[1]!, end: m[2] ?? m[1]!, approximate: m[3] !== undefined } : null
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
        sourcing: { reliability: source.reliability ?? null, credibility: p.credibility ?? null, attribution: p.attribution ?? null },
      })
    }
  }
  return items
}

/** Every highlight of the notebook whose article exists, grouped by article in catalog order. */
export function w3cItemsFromNotebook(data: NotebookData): W3cExportItem[] {
  const tagsById = new Map(data.tags.map((t) => [t.id, t]))
  const rank = new Map(data.tags.map((t, i) => [t.id, i]))
  const outlets = data.outlets ? new OutletMatcher(data.outlets) : null
  const claims = claimsByHighlight(data.claims)
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
        sourcing: { reliability: outlets?.reliabilityOf(article)?.grade ?? null, credibility: highlight.credibility ?? null, attribution: highlight.attribution ?? null },
        claims: claims.get(highlight.id) ?? [],
      })),
  )
}

function isDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))
}
