/**
 * Figures and ACH matrices in a briefing (issues 15 and 16): what the stored document
 * holds (the figure's kind, where it goes, its options; the matrices by id), the pure
 * edits that add and remove them, and the data main computes for each when the briefing
 * is built (see src/main/briefings/briefing-figures.ts), which the PDF, Markdown and the
 * composer's preview read.
 *
 * Both lists are optional fields of the document (decision 64): a briefing stored before
 * them reads, builds and saves exactly as before, so no migration has anything to
 * convert and the notebook format stays 4. The document stores choices, never copies: a
 * figure is drawn from the notebook's passages and a matrix read from its file each time
 * the briefing is built, and one whose data is gone is left out with a warning.
 *
 * Figure ids are `F1`, `F2`… in the briefing (typed in the CLI), the next one above the
 * highest in use.
 */
import { z } from 'zod'
import type { AchId, AchReport } from './ach'
import { AchIdSchema } from './ach/schema'
import { EntityIdSchema, type EntityId } from './entities/schema'
import { TagIdSchema, type TagId } from './ids'
import { DossierError } from './result'
import { parseEventDateInput } from './timeline/event-date'
import type { TimelineLayout } from './timeline/layout'
import type { MapGeometry } from './timeline/map-figure'
import type { NumberedSource } from './timeline/passages'

export const FIGURE_KINDS = ['timeline', 'map'] as const
export type FigureKind = (typeof FIGURE_KINDS)[number]
export const MAX_FIGURES = 20
export const MAX_BRIEFING_MATRICES = 10

/** The PDF's figure frame (points): the content width of its A4 page; the timeline's lane labels; the map's height. */
export const PDF_FIGURE_WIDTH = 449
export const PDF_TIMELINE_LABEL_WIDTH = 78
export const PDF_MAP_HEIGHT = 300

export const FigureIdSchema = z.string().regex(/^F[1-9][0-9]{0,3}$/, 'not a figure id (F1, F2…)')
export type FigureId = z.infer<typeof FigureIdSchema>

/** A day, month or year as `--from`/`--to` take it (`2025-01-21`, `2025-01`, `2025`); checked by `figureOptionsProblem`. */
const PeriodInput = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'not a YYYY, YYYY-MM or YYYY-MM-DD date')

export const BriefingFigureSpecSchema = z.object({
  id: FigureIdSchema,
  kind: z.enum(FIGURE_KINDS),
  /** The section (its tag or entity) the figure is drawn for and printed in; absent: the whole briefing. */
  section: z.union([TagIdSchema, EntityIdSchema]).optional(),
  /** Timeline lanes: by tag (default) or by the entities the quotes name. */
  by: z.enum(['tag', 'entity']).optional(),
  /** Only passages carrying any of these tags (absent or empty: all). */
  tagIds: z.array(TagIdSchema).max(200).optional(),
  /** Only passages whose event date overlaps from..to. */
  from: PeriodInput.optional(),
  to: PeriodInput.optional(),
  /** The caption's title; absent: a title made from the options. */
  title: z.string().trim().max(300).optional(),
})
export type BriefingFigureSpec = z.infer<typeof BriefingFigureSpecSchema>

/** The document's optional fields (spread into BriefingDocumentSchema). */
export const BriefingFigureFields = {
  /** Figures, in the order they were added (each printed where its `section` says). Absent: none. */
  figures: z.array(BriefingFigureSpecSchema).max(MAX_FIGURES).optional(),
  /** ACH matrices printed in the briefing's Analysis part, in this order. Absent: none. */
  achMatrices: z.array(AchIdSchema).max(MAX_BRIEFING_MATRICES).optional(),
}

/** A figure as asked for, before it has an id. */
export type NewFigure = Omit<BriefingFigureSpec, 'id'>

interface WithFigures {
  figures?: BriefingFigureSpec[]
  achMatrices?: AchId[]
}

/** Why the options cannot make a figure (a date that does not exist, an end before its start), or null. */
export function figureOptionsProblem(options: Pick<NewFigure, 'from' | 'to' | 'by' | 'kind'>): string | null {
  let from: string | undefined
  let to: string | undefined
  for (const which of ['from', 'to'] as const) {
    const value = options[which]
    if (value === undefined) continue
    const parsed = parseEventDateInput(value)
    if (!parsed.ok) return `${which}: ${parsed.message}`
    if (which === 'from') from = parsed.value.start
    else to = parsed.value.end
  }
  if (from && to && to < from) return `the end of the date range (${options.to}) is before its start (${options.from}).`
  if (options.kind === 'map' && options.by !== undefined) return 'a map has no lanes: "by" is for a timeline.'
  return null
}

/** The document with the figure added at the end (its id: one above the highest in use). Bad options are refused, changing nothing. */
export function addFigure<D extends WithFigures>(doc: D, figure: NewFigure): D {
  const problem = figureOptionsProblem(figure)
  if (problem) throw new DossierError('bad-request', `The figure cannot be added: ${problem}`)
  const figures = doc.figures ?? []
  if (figures.length >= MAX_FIGURES) throw new DossierError('bad-request', `A briefing holds at most ${MAX_FIGURES} figures.`)
  const next = 1 + Math.max(0, ...figures.map((f) => Number(f.id.slice(1))))
  const spec: BriefingFigureSpec = { id: `F${next}`, ...withoutEmpty(figure) }
  return { ...doc, figures: [...figures, BriefingFigureSpecSchema.parse(spec)] }
}

/** The document without the figure; an id the briefing does not have is refused. */
export function removeFigure<D extends WithFigures>(doc: D, id: string): D {
  const figures = doc.figures ?? []
  if (!figures.some((f) => f.id === id)) throw new DossierError('not-found', `The briefing has no figure ${id}${figures.length > 0 ? ` (it has ${figures.map((f) => f.id).join(', ')})` : ''}.`)
  const rest = figures.filter((f) => f.id !== id)
  const { figures: _old, ...others } = doc
  return (rest.length > 0 ? { ...others, figures: rest } : others) as D
}

/** The document with the matrix added at the end of its Analysis part; one already there stays where it is (same document). */
export function addBriefingMatrix<D extends WithFigures>(doc: D, id: AchId): D {
  const ids = doc.achMatrices ?? []
  if (ids.includes(id)) return doc
  if (ids.length >= MAX_BRIEFING_MATRICES) throw new DossierError('bad-request', `A briefing holds at most ${MAX_BRIEFING_MATRICES} ACH matrices.`)
  return { ...doc, achMatrices: [...ids, id] }
}

/** The document without the matrix (same document when it does not hold it). */
export function removeBriefingMatrix<D extends WithFigures>(doc: D, id: AchId): D {
  const ids = doc.achMatrices ?? []
  if (!ids.includes(id)) return doc
  const rest = ids.filter((m) => m !== id)
  const { achMatrices: _old, ...others } = doc
  return (rest.length > 0 ? { ...others, achMatrices: rest } : others) as D
}

function withoutEmpty(figure: NewFigure): NewFigure {
  const out: NewFigure = { kind: figure.kind }
  if (figure.section !== undefined) out.section = figure.section
  if (figure.by !== undefined) out.by = figure.by
  if (figure.tagIds && figure.tagIds.length > 0) out.tagIds = [...new Set(figure.tagIds)]
  if (figure.from !== undefined) out.from = figure.from
  if (figure.to !== undefined) out.to = figure.to
  if (figure.title?.trim()) out.title = figure.title.trim()
  return out
}

// ---------------------------------------------------------------------------------------
// What main computes for a built briefing (plain data: it goes to the PDF worker and the renderer)

interface FigureCommon {
  id: FigureId
  /** "Figure n": 1.. in the order they are printed. */
  number: number
  /** The section it is printed in (its §n); null: the whole briefing's, before the first section. */
  sectionNumber: number | null
  /** The section key the spec names (absent: whole briefing). */
  section?: TagId | EntityId
  title: string
  /** What it shows and from what: printed under it. */
  caption: string
  /** The figure in words, for assistive technology (the PDF's Alt, the preview's alt). */
  alt: string
  /** The sources its marks cite, numbered as the briefing's Sources list numbers them. */
  sources: NumberedSource[]
  /** The figure as a standalone SVG document (Markdown export, the composer's preview). */
  svg: string
}

export interface BriefingTimelineFigure extends FigureCommon {
  kind: 'timeline'
  layout: TimelineLayout
  /** Passages in its scope left off for want of an event date. */
  undatedCount: number
}

export interface BriefingMapFigure extends FigureCommon {
  kind: 'map'
  geometry: MapGeometry
}

export type BriefingFigure = BriefingTimelineFigure | BriefingMapFigure

/** An ACH matrix as a briefing prints it: the report, and how each row's passage is cited. */
export interface BriefingAnalysis {
  number: number
  report: AchReport
  /** Per evidence row (row order): its citation (`passage 4 [2]`, a source outside the briefing, a note, a deleted passage). */
  citations: string[]
}
