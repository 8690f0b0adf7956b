/**
 * The structured-analysis part of the API contract (issue 16; notes/ach.md): ACH matrices
 * and tag co-occurrence. `DossierApi` extends `AchApi`, and `ACH_API_METHODS` /
 * `achApiArgSchemas` join the contract's method list and argument validators.
 *
 * Every change returns what it replaced (`previous`): the matrix as it was, or null when
 * the change created it. Undo saves `previous` back with `restoreAchMatrix` (or deletes
 * the matrix when it is null); that returns in turn what it replaced, which redo restores.
 */
import { z } from 'zod'
import {
  AchIdSchema,
  AchMatrixSchema,
  EvidenceIdSchema,
  HypothesisIdSchema,
  MAX_HYPOTHESES,
  MAX_EVIDENCE_ROWS,
  MAX_HYPOTHESIS_LENGTH,
  MAX_NOTE_TEXT_LENGTH,
  MAX_QUESTION_LENGTH,
  RatingSchema,
  type AchId,
  type AchMatrix,
  type AchReport,
  type EvidenceId,
  type HypothesisId,
  type Rating,
} from './ach'
import { COOCCURRENCE_KINDS, type CooccurrenceBy, type CooccurrenceGrid } from './cooccurrence'
import { HighlightIdSchema, type HighlightId } from './ids'
import { ClaimIdSchema, type ClaimId } from './sourcing/schema'
import type { Result } from './result'

export interface AchSummary {
  id: AchId
  question: string
  hypothesisCount: number
  evidenceCount: number
  /** The least inconsistent hypotheses (several on a tie; none without hypotheses). */
  leaders: HypothesisId[]
  updatedAt: string
}

/** A matrix with its scores and each row's passage or note, as the notebook has them now. */
export interface AchView extends AchReport {
  /** Rows whose passage or claim was deleted (kept, flagged, still scored). */
  missingRows: EvidenceId[]
}

/** What a change did (`value`) and the matrix it replaced (null: the change created it). */
export interface AchChange<T> {
  value: T
  previous: AchMatrix | null
}

/** One edit of a stored matrix (src/core/ach/edit.ts does each). */
export type AchEdit =
  | { op: 'question'; text: string }
  | { op: 'add-hypothesis'; text: string }
  | { op: 'edit-hypothesis'; hypothesisId: HypothesisId; text: string }
  | { op: 'move-hypothesis'; hypothesisId: HypothesisId; toIndex: number }
  | { op: 'remove-hypothesis'; hypothesisId: HypothesisId }
  | { op: 'weights'; rowId: EvidenceId; credibility?: number; relevance?: number }
  | { op: 'edit-note'; rowId: EvidenceId; text: string }
  | { op: 'move-row'; rowId: EvidenceId; toIndex: number }
  | { op: 'remove-row'; rowId: EvidenceId }
  /** `null` clears the cell (not rated). */
  | { op: 'rate'; rowId: EvidenceId; hypothesisId: HypothesisId; rating: Rating | null }

/**
 * Rows to add: passages by highlight id (credibility defaulting from the passage's grade,
 * relevance medium, unless given), one claim (credibility defaulting from its passages'
 * grades and independent sources, claimWeights), or one typed note.
 */
export type AchEvidenceRequest = { achId: AchId; credibility?: number; relevance?: number } & ({ highlightIds: HighlightId[] } | { claimId: ClaimId } | { note: string })

export interface CooccurrenceRequest {
  by: CooccurrenceBy
  /** tag × tag only: overlapping highlights of one article count too. */
  overlap?: boolean
}

export interface AchApi {
  /** Every readable matrix, most recently changed first (a damaged file is left out and reported when opened). */
  listAchMatrices(): Promise<Result<AchSummary[]>>
  getAchMatrix(args: { achId: AchId }): Promise<Result<AchView>>
  createAchMatrix(args: { question: string }): Promise<Result<AchChange<AchView>>>
  deleteAchMatrix(args: { achId: AchId }): Promise<Result<AchChange<{ achId: AchId }>>>
  /** Undo and redo: stores `matrix` as given (validated; an id not on disk is created). */
  restoreAchMatrix(args: { matrix: AchMatrix }): Promise<Result<AchChange<AchView>>>
  editAchMatrix(args: { achId: AchId; edit: AchEdit }): Promise<Result<AchChange<AchView>>>
  addAchEvidence(args: AchEvidenceRequest): Promise<Result<AchChange<AchView>>>
  /** Tag × tag, tag × article or tag × outlet, with the highlight ids behind each count. */
  cooccurrence(args: CooccurrenceRequest): Promise<Result<CooccurrenceGrid>>
  /** Shows a save dialog in main and writes the grid there as CSV. */
  exportCooccurrence(args: CooccurrenceRequest): Promise<Result<{ path: string } | { canceled: true }>>
}

export const ACH_API_METHODS = [
  'listAchMatrices',
  'getAchMatrix',
  'createAchMatrix',
  'deleteAchMatrix',
  'restoreAchMatrix',
  'editAchMatrix',
  'addAchEvidence',
  'cooccurrence',
  'exportCooccurrence',
] as const satisfies readonly (keyof AchApi)[]

type MissingAchMethods = Exclude<keyof AchApi, (typeof ACH_API_METHODS)[number]>
export const ACH_API_METHODS_COMPLETE: [MissingAchMethods] extends [never] ? true : MissingAchMethods = true

const NoArgs = z.undefined()
/** Texts are checked by the core's rules (trimmed, not empty, bounded); these bound the payload. */
const Question = z.string().max(MAX_QUESTION_LENGTH * 4)
const HypothesisText = z.string().max(MAX_HYPOTHESIS_LENGTH * 4)
const NoteText = z.string().max(MAX_NOTE_TEXT_LENGTH * 4)
/** Out-of-range numbers reach the core, whose refusal names the range. */
const Factor = z.number().finite()
const Index = z.number().int().min(0).max(Math.max(MAX_HYPOTHESES, MAX_EVIDENCE_ROWS))
const Request = z.object({ by: z.enum(COOCCURRENCE_KINDS), overlap: z.boolean().optional() }).strict()

const AchEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('question'), text: Question }).strict(),
  z.object({ op: z.literal('add-hypothesis'), text: HypothesisText }).strict(),
  z.object({ op: z.literal('edit-hypothesis'), hypothesisId: HypothesisIdSchema, text: HypothesisText }).strict(),
  z.object({ op: z.literal('move-hypothesis'), hypothesisId: HypothesisIdSchema, toIndex: Index }).strict(),
  z.object({ op: z.literal('remove-hypothesis'), hypothesisId: HypothesisIdSchema }).strict(),
  z.object({ op: z.literal('weights'), rowId: EvidenceIdSchema, credibility: Factor.optional(), relevance: Factor.optional() }).strict(),
  z.object({ op: z.literal('edit-note'), rowId: EvidenceIdSchema, text: NoteText }).strict(),
  z.object({ op: z.literal('move-row'), rowId: EvidenceIdSchema, toIndex: Index }).strict(),
  z.object({ op: z.literal('remove-row'), rowId: EvidenceIdSchema }).strict(),
  z.object({ op: z.literal('rate'), rowId: EvidenceIdSchema, hypothesisId: HypothesisIdSchema, rating: RatingSchema.nullable() }).strict(),
])

const Weights = { achId: AchIdSchema, credibility: Factor.optional(), relevance: Factor.optional() }

export const achApiArgSchemas = {
  listAchMatrices: NoArgs,
  getAchMatrix: z.object({ achId: AchIdSchema }).strict(),
  createAchMatrix: z.object({ question: Question }).strict(),
  deleteAchMatrix: z.object({ achId: AchIdSchema }).strict(),
  restoreAchMatrix: z.object({ matrix: AchMatrixSchema }).strict(),
  editAchMatrix: z.object({ achId: AchIdSchema, edit: AchEditSchema }).strict(),
  addAchEvidence: z.union([
    z.object({ ...Weights, highlightIds: z.array(HighlightIdSchema).min(1).max(MAX_EVIDENCE_ROWS) }).strict(),
    z.object({ ...Weights, claimId: ClaimIdSchema }).strict(),
    z.object({ ...Weights, note: NoteText }).strict(),
  ]),
  cooccurrence: Request,
  exportCooccurrence: Request,
} satisfies Record<keyof AchApi, z.ZodType>
