/**
 * An ACH matrix (Analysis of Competing Hypotheses, Heuer; notes/ach.md): the question, the
 * hypotheses (columns), the evidence rows and a rating per cell. One matrix is one file,
 * `<notebook>/ach/<id>.json`; this module is its shape (zod schemas, limits), how a new
 * one is made and how stored or received data is read.
 *
 * Ids inside a matrix are short and typed by hand in the CLI: hypotheses `H1`, `H2`…,
 * evidence rows `E1`, `E2`…. They are never reused within a matrix (`nextHypothesis` and
 * `nextEvidence` only grow), so a script that rated `H3` never rates a later hypothesis
 * by mistake after H3 was removed.
 */
import { z } from 'zod'
import { HighlightIdSchema } from '../ids'
import { DossierError } from '../result'
import { ClaimIdSchema } from '../sourcing/schema'

/**
 * The file format this build writes; a file of a higher version is refused as damaged (never
 * rewritten). 2 added claim rows (`source.kind: 'claim'`); a version-1 file is read as it is
 * (`migrateAchFile`) and written as version 2 only when it is next edited.
 */
export const ACH_FORMAT_VERSION = 2

export const MAX_QUESTION_LENGTH = 1000
export const MAX_HYPOTHESIS_LENGTH = 1000
export const MAX_NOTE_TEXT_LENGTH = 5000
export const MAX_HYPOTHESES = 30
export const MAX_EVIDENCE_ROWS = 2000

/** Credibility and relevance are each a factor in this range (PARC ACH's levels fall inside it; see WEIGHT_LEVELS). */
export const MIN_FACTOR = 0.5
export const MAX_FACTOR = 2

export const AchIdSchema = z.string().regex(/^m-[0-9a-z]{4,32}$/, 'not an ACH matrix id').brand<'AchId'>()
export type AchId = z.infer<typeof AchIdSchema>

/** Like the other ids: built from random hex the caller supplies (the core has no RNG). */
export function makeAchId(randomHex: string): AchId {
  return `m-${randomHex.slice(0, 10).toLowerCase()}` as AchId
}

export const HypothesisIdSchema = z.string().regex(/^H[1-9][0-9]{0,5}$/, 'not a hypothesis id (H1, H2…)')
export type HypothesisId = z.infer<typeof HypothesisIdSchema>
export const EvidenceIdSchema = z.string().regex(/^E[1-9][0-9]{0,5}$/, 'not an evidence row id (E1, E2…)')
export type EvidenceId = z.infer<typeof EvidenceIdSchema>

/**
 * A cell's rating, as in PARC ACH: very consistent, consistent, neutral, inconsistent,
 * very inconsistent, not applicable. A cell not rated yet is absent from the row.
 */
export const RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const
export const RatingSchema = z.enum(RATINGS)
export type Rating = z.infer<typeof RatingSchema>

export const RATING_LABELS: Readonly<Record<Rating, string>> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral',
  I: 'inconsistent',
  II: 'very inconsistent',
  NA: 'not applicable',
}

const Text = (max: number, what: string) => z.string().trim().min(1, `${what} is empty`).max(max, `${what} is longer than ${max} characters`)

const Factor = z.number().finite().min(MIN_FACTOR).max(MAX_FACTOR)

export const HypothesisSchema = z.object({
  id: HypothesisIdSchema,
  text: Text(MAX_HYPOTHESIS_LENGTH, 'the hypothesis'),
})
export type Hypothesis = z.infer<typeof HypothesisSchema>

/**
 * What a row stands for: a highlighted passage (its id; the quote is always read from the
 * highlight, never copied), a note the analyst typed (an assumption, an absence of
 * evidence), or a claim of claims.json (its id; the statement, passages and independent
 * sources are read from the claim when shown, format 2).
 */
export const EvidenceSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('highlight'), highlightId: HighlightIdSchema }),
  z.object({ kind: z.literal('note'), text: Text(MAX_NOTE_TEXT_LENGTH, 'the note') }),
  z.object({ kind: z.literal('claim'), claimId: ClaimIdSchema }),
])
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>

export const EvidenceRowSchema = z.object({
  id: EvidenceIdSchema,
  source: EvidenceSourceSchema,
  /** How far the source is believed (0.5-2; 1 = medium). */
  credibility: Factor,
  /** How much the item bears on the question (0.5-2; 1 = medium). */
  relevance: Factor,
  /** Hypothesis id -> rating; a hypothesis missing here is not rated yet. Keys are checked ids, never document text. */
  ratings: z.record(HypothesisIdSchema, RatingSchema),
})
export type EvidenceRow = z.infer<typeof EvidenceRowSchema>

const IsoTimestamp = z.string().min(10).max(40)

export const AchMatrixSchema = z
  .object({
    version: z.literal(ACH_FORMAT_VERSION),
    id: AchIdSchema,
    question: Text(MAX_QUESTION_LENGTH, 'the question'),
    hypotheses: z.array(HypothesisSchema).max(MAX_HYPOTHESES),
    evidence: z.array(EvidenceRowSchema).max(MAX_EVIDENCE_ROWS),
    /** The number the next hypothesis / evidence row gets (ids are never reused). */
    nextHypothesis: z.number().int().min(1),
    nextEvidence: z.number().int().min(1),
    createdAt: IsoTimestamp,
    updatedAt: IsoTimestamp,
  })
  .superRefine((m, ctx) => {
    const problem = matrixProblem(m)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
export type AchMatrix = z.infer<typeof AchMatrixSchema>

/** What the schema's shape cannot say: unique ids, below the counters, ratings naming existing hypotheses. */
function matrixProblem(m: Omit<AchMatrix, 'version' | 'id'> & { hypotheses: Hypothesis[]; evidence: EvidenceRow[] }): string | null {
  const hyps = new Set<string>()
  for (const h of m.hypotheses) {
    if (hyps.has(h.id)) return `hypothesis ${h.id} appears twice`
    if (idNumber(h.id) >= m.nextHypothesis) return `hypothesis ${h.id} is not below nextHypothesis (${m.nextHypothesis})`
    hyps.add(h.id)
  }
  const rows = new Set<string>()
  for (const row of m.evidence) {
    if (rows.has(row.id)) return `evidence row ${row.id} appears twice`
    if (idNumber(row.id) >= m.nextEvidence) return `evidence row ${row.id} is not below nextEvidence (${m.nextEvidence})`
    rows.add(row.id)
    for (const h of Object.keys(row.ratings)) if (!hyps.has(h)) return `evidence row ${row.id} rates ${h}, which is not a hypothesis of this matrix`
  }
  return null
}

export function idNumber(id: string): number {
  return Number(id.slice(1))
}

export interface NewAchMatrix {
  id: AchId
  /** ISO timestamp: createdAt and updatedAt. */
  now: string
  question: string
}

/** A new matrix: the question, no hypotheses, no evidence. An empty question is refused. */
export function createAchMatrix(init: NewAchMatrix): AchMatrix {
  return parseAchMatrix({
    version: ACH_FORMAT_VERSION,
    id: init.id,
    question: checkText(init.question, MAX_QUESTION_LENGTH, 'The question'),
    hypotheses: [],
    evidence: [],
    nextHypothesis: 1,
    nextEvidence: 1,
    createdAt: init.now,
    updatedAt: init.now,
  })
}

/** The row kinds of format 1 (frozen: do not change). */
const V1_SOURCE_KINDS: ReadonlySet<unknown> = new Set(['highlight', 'note'])

/**
 * A stored matrix in the current format: a version-1 file is version 2 without claim rows,
 * so it reads as it is with the version raised (in memory only: the file is rewritten when
 * the matrix is next edited). Anything else, a version-1 file holding a claim row included,
 * is passed on unchanged for the schema to refuse.
 */
export function migrateAchFile(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) return value
  const evidence = (value as { evidence?: unknown }).evidence
  const kinds = Array.isArray(evidence) ? evidence.map((row: unknown) => (row as { source?: { kind?: unknown } } | null)?.source?.kind) : []
  return kinds.every((k) => V1_SOURCE_KINDS.has(k)) ? { ...value, version: ACH_FORMAT_VERSION } : value
}

/** What an ACH file on disk may hold: any format this build reads, as the current one. */
export const StoredAchMatrixSchema = z.preprocess(migrateAchFile, AchMatrixSchema)

/** Validates stored or received data as a matrix; throws DossierError('bad-request') naming the first problems. */
export function parseAchMatrix(value: unknown): AchMatrix {
  const parsed = StoredAchMatrixSchema.safeParse(value)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || 'matrix'}: ${i.message}`)
      .join('; ')
    throw new DossierError('bad-request', `Not a valid ACH matrix (${problems}).`)
  }
  return parsed.data
}

/** The text trimmed, or a one-line refusal when it is empty or too long. */
export function checkText(value: string, max: number, what: string): string {
  const text = value.trim()
  if (text === '') throw new DossierError('bad-request', `${what} is empty: write some text.`)
  if (text.length > max) throw new DossierError('bad-request', `${what} is ${text.length} characters long; the most is ${max}.`)
  return text
}

/** A credibility or relevance factor, or a one-line refusal naming the range. */
export function checkFactor(value: number, what: string): number {
  if (!Number.isFinite(value) || value < MIN_FACTOR || value > MAX_FACTOR) {
    throw new DossierError('bad-request', `${what} must be a number from ${MIN_FACTOR} to ${MAX_FACTOR} (1 = medium); ${String(value)} is out of range.`)
  }
  return value
}

/**
 * PARC ACH's three levels for credibility and relevance (Heuer and Pherson's tool):
 * low = 1/√2, medium = 1, high = √2, so a row's weight (their product) runs from 0.5 to 2.
 */
export const WEIGHT_LEVELS: ReadonlyMap<string, number> = new Map([
  ['low', Math.SQRT1_2],
  ['medium', 1],
  ['high', Math.SQRT2],
])

/** The rating a user typed (`ii`, ` C `, `n/a`), or a one-line refusal listing the scale. */
export function parseRating(value: string): Rating {
  const upper = value.trim().toUpperCase().replace('/', '')
  if ((RATINGS as readonly string[]).includes(upper)) return upper as Rating
  throw new DossierError('bad-request', `"${value}" is not a rating: use one of ${RATINGS.join(', ')} (very consistent … very inconsistent, not applicable).`)
}
