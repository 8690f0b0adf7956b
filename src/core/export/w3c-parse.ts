/**
 * W3C Web Annotation import, first step (see ./w3c): reading the file. `parseW3cAnnotations`
 * validates the shape with zod (a Collection with an embedded first page, a Page, one
 * Annotation, or an array of them) and reads each annotation's source, quote and position
 * selectors, tag names and comment; each annotation it cannot use becomes a problem.
 * Placing them in the notebook's texts is ./w3c-match.
 *
 * A file holding more than MAX_ANNOTATIONS_PER_FILE annotations is refused whole, before
 * any annotation is read. Quotes and their context are normalised as stored texts are
 * (normaliseText: CRLF and CR to LF, NFC), so a quote taken from a copy of the article
 * with other line ends or another Unicode form still matches the stored text.
 */
import { z } from 'zod'
import { DossierError } from '../result'
import { normaliseText } from '../text'
import { isDossierSourcingBody } from './w3c-export'
import { readEventDateBody } from './w3c-export'

/** The most annotations one file may hold (several times any real export; a bound on the work of one import). */
export const MAX_ANNOTATIONS_PER_FILE = 50_000

// Schemas are written so that valid input fails no branch: a failed zod branch builds its
// error issues, which at thousands of annotations costs more than everything else. So a
// value that may be one or many is made an array first, objects are tried before strings,
// selectors are parsed by the schema their `type` names, and objects whose other keys are
// not read are stripped rather than copied (z.object, not looseObject).
const asArray = (v: unknown) => (v === undefined || Array.isArray(v) ? v : [v])
const OneOrMany = <T extends z.ZodType>(schema: T) => z.preprocess(asArray, z.array(schema))
const Strings = OneOrMany(z.string())

const SelectorSchema: z.ZodType<unknown> = z.looseObject({ type: z.union([z.string(), z.array(z.string())]).optional() })
const SpecificTargetSchema = z.object({
  source: z.string().min(1),
  selector: OneOrMany(SelectorSchema).optional(),
})
const TargetSchema = z.union([SpecificTargetSchema, z.string().min(1)])
const BodySchema = z.union([
  z.object({
    type: Strings.optional(),
    purpose: Strings.optional(),
    value: z.string().optional(),
    format: Strings.optional(),
  }),
  z.string(),
])

export const W3cAnnotationSchema = z.object({
  id: z.string().optional(),
  type: Strings.refine((t) => t.includes('Annotation'), 'type must include "Annotation"'),
  motivation: Strings.optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  body: OneOrMany(BodySchema).optional(),
  bodyValue: z.string().optional(),
  target: OneOrMany(TargetSchema),
})

const TypeWith = (name: string) => Strings.refine((t) => t.includes(name), `type must include "${name}"`)
const PageSchema = z.looseObject({ type: TypeWith('AnnotationPage'), items: z.array(z.unknown()) })
const CollectionSchema = z.looseObject({
  type: TypeWith('AnnotationCollection'),
  label: Strings.optional(),
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
 * Reads Web Annotation JSON(-LD) input. The container must be recognisable (else
 * DossierError 'bad-request'); each annotation that is not usable becomes a problem.
 */
export function parseW3cAnnotations(json: unknown): ParsedW3cFile {
  let label: string | null = null
  let items: unknown[]
  const collection = CollectionSchema.safeParse(json)
  if (collection.success) {
    const { first, total } = collection.data
    label = collection.data.label?.[0] ?? null
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
  if (items.length > MAX_ANNOTATIONS_PER_FILE) {
    throw new DossierError(
      'too-large',
      `This file holds ${count(items.length)} annotations; at most ${count(MAX_ANNOTATIONS_PER_FILE)} can be imported from one file, so nothing was imported: split it into smaller files.`,
    )
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
    return problem('invalid', `Annotation ${describeAnnotation(index, rawId)} is not a valid annotation (${issue ? `${issue.path.join('.') || 'annotation'}: ${issue.message}` : 'unknown shape'}).`)
  }
  const a = parsed.data
  const targets = a.target.filter((t): t is z.infer<typeof SpecificTargetSchema> => typeof t !== 'string')
  let quote: ParsedW3cAnnotation['quote'] = null
  let position: ParsedW3cAnnotation['position'] = null
  let source: string | null = null
  for (const target of targets) {
    const selectors = target.selector ?? []
    const ofType = (type: string) => selectors.filter((s) => (asArray((s as { type?: unknown }).type) as unknown[] | undefined)?.includes(type))
    const q = ofType('TextQuoteSelector').map((s) => SelectorTextQuote.safeParse(s)).find((r) => r.success)?.data
    const p = ofType('TextPositionSelector').map((s) => SelectorTextPosition.safeParse(s)).find((r) => r.success && r.data.end > r.data.start)?.data
    if (q || p) {
      source = target.source
      quote = q ? { exact: normaliseText(q.exact), prefix: normaliseText(q.prefix ?? ''), suffix: normaliseText(q.suffix ?? '') } : null
      position = p ? { start: p.start, end: p.end } : null
      break
    }
  }
  if (source === null) {
    return problem('no-selector', `Annotation ${describeAnnotation(index, rawId)} has no text quote or text position selector, so it cannot be placed in a text.`)
  }

  const bodies = a.body ?? []
  const tagNames = new Set<string>()
  const comments: string[] = []
  for (const body of bodies) {
    if (typeof body === 'string' || body.value === undefined) continue
    const purposes = body.purpose ?? []
    // Dossier's own grade and attribution bodies are not comments (./w3c-export).
    if (isDossierSourcingBody(purposes, body.value)) continue
    if (purposes.includes('tagging')) {
      const name = body.value.trim()
      if (name) tagNames.add(name)
    } else if (purposes.includes('describing') && readEventDateBody(body.value)) {
      // Dossier's event date (w3c-export eventDateBody): not the analyst's comment.
      continue
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
      tagNames: [...tagNames],
      comment: comments.join('\n\n'),
      created: a.created ?? null,
      modified: a.modified ?? null,
    },
  }
}

/** `50,000`: thousands separated, as the messages show counts. */
function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** How messages name an annotation: its 1-based position, and its id when it has one. */
export function describeAnnotation(index: number, id: string | null): string {
  return id ? `${index + 1} (${id})` : `${index + 1}`
}
