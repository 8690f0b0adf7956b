/**
 * The sourcing part of the API contract (issue 14; notes/sourcing.md): outlets and their
 * reliability grades, article links and grades, a passage's credibility and attribution,
 * and claims with their independent-source counts. `DossierApi` extends `SourcingApi`;
 * `SOURCING_API_METHODS` / `sourcingApiArgSchemas` join the method list and validators.
 *
 * Every change returns what it replaced (`previous`): `restoreOutlets({ file })`,
 * `restoreClaims({ file })` or `restoreHighlightSourcing({ highlight })` undoes it and
 * returns in turn what it replaced, which redo restores.
 */
import { z } from 'zod'
import { ArticleIdSchema, HighlightIdSchema, type ArticleId, type HighlightId } from './ids'
import type { Highlight } from './model'
import type { Result } from './result'
import {
  AttributionSchema,
  ClaimIdSchema,
  ClaimsFileSchema,
  CredibilitySchema,
  MAX_NOTE_CHARS,
  MAX_OUTLET_NAME_CHARS,
  MAX_STATEMENT_CHARS,
  OutletIdSchema,
  OutletsFileSchema,
  StanceSchema,
  type Attribution,
  type AttributionFinding,
  type Claim,
  type ClaimId,
  type ClaimsFile,
  type Credibility,
  type Grade,
  type IndependentCount,
  type Outlet,
  type OutletId,
  type OutletMatch,
  type OutletsFile,
  type Reliability,
  type Stance,
} from './sourcing'

/** What a change did, and what it replaced (undo: restore `previous`). */
export interface SourcingChange<T, F> {
  value: T
  previous: F
}

/** An outlet with the articles that come from it (linked by the analyst, or matched from their metadata). */
export type OutletSummary = Outlet & { articles: number; linked: number }

/** What the notebook knows of an article's source: its outlet (and how it was found) and the grade that applies. */
export interface ArticleSource {
  articleId: ArticleId
  outlet: { id: string; name: string; via: OutletMatch['via']; matched?: string } | null
  reliability: (Grade & { from: 'article' | 'outlet' }) | null
}

export interface ClaimPassageView {
  highlightId: HighlightId
  articleId: ArticleId
  stance: Stance
  /** false: the highlight (or its article) was deleted; the passage is not counted. */
  present: boolean
  exact: string | null
  articleTitle: string | null
  /** How the count's explanation names the article (its file name). */
  articleLabel: string
  outlet: string | null
  reliability: Reliability | null
  credibility: Credibility | null
  attribution: Attribution | null
  /** "bne IntelliNews, 15 December 2024 (B2)" */
  citation: string
}

export interface ClaimView {
  claim: Claim
  passages: ClaimPassageView[]
  supporting: IndependentCount
  contradicting: IndependentCount
}

/** What the finder offers for a highlight: its suggestion, every phrase found (offsets in the article's text), and the text read. */
export interface AttributionSuggestion {
  highlightId: HighlightId
  suggestion: Attribution
  findings: AttributionFinding[]
  /** The passage's whole sentences, where the phrases were looked for. */
  context: { text: string; start: number }
  /** What the analyst saved before, if anything. */
  saved: Attribution | null
}

/**
 * Likely details of an article read from its text by the importer's analysis (signature,
 * source line, wire dateline, copyright holder; dateline or byline date), for the analyst to
 * accept; the outlet with the known outlet its name or an alias matches, if any.
 */
export interface ArticleDetailsSuggestion {
  articleId: ArticleId
  outlet: { name: string; source: string; known: { id: OutletId; name: string } | null } | null
  /** Stored form (`YYYY-MM-DD…`). */
  published: { iso: string; source: string } | null
}

/** On an import report's item: the outlet its text names, and whether the notebook knows it. */
export interface StatedOutlet {
  name: string
  /** Where the text states it ("signature at the end of the standfirst (… / bne IntelliNews)"). */
  source: string
  /** The known outlet it matched, or null: offered for the analyst to add. */
  known: string | null
}

/** An edit of an outlet: absent fields stay; `null` clears; `aliases` replaces the list. */
export interface OutletEditRequest {
  name?: string
  aliases?: string[]
  country?: string | null
  notes?: string | null
  /** A–F with its rationale; null clears the grade. */
  reliability?: { grade: Reliability; why: string } | null
}

export interface ClaimPassageRequest {
  highlightId: HighlightId
  stance: Stance
}

type OutletsChange<T> = Promise<Result<SourcingChange<T, OutletsFile>>>
type ClaimsChange<T> = Promise<Result<SourcingChange<T, ClaimsFile>>>
type HighlightChangeResult = Promise<Result<SourcingChange<Highlight, Highlight>>>

export interface SourcingApi {
  listOutlets(): Promise<Result<OutletSummary[]>>
  createOutlet(args: { name: string; aliases?: string[]; country?: string; notes?: string; reliability?: { grade: Reliability; why: string } }): OutletsChange<Outlet>
  editOutlet(args: { outletId: OutletId; edit: OutletEditRequest }): OutletsChange<Outlet>
  /** Removes the outlet and unlinks its articles. */
  deleteOutlet(args: { outletId: OutletId }): OutletsChange<Outlet>
  /** Links an article to an outlet (null unlinks; matching from its metadata applies again). */
  linkArticleOutlet(args: { articleId: ArticleId; outletId: OutletId | null }): OutletsChange<ArticleSource>
  /** One article's own reliability, overriding its outlet's (null clears). */
  gradeArticle(args: { articleId: ArticleId; reliability: { grade: Reliability; why: string } | null }): OutletsChange<ArticleSource>
  /** Undo and redo of any outlet or article-source change. */
  restoreOutlets(args: { file: OutletsFile }): OutletsChange<null>
  /** Every article's outlet and grade as the notebook knows them. */
  listArticleSources(): Promise<Result<ArticleSource[]>>
  /** Outlets and dates the article's text states, for its details dialog. */
  suggestArticleDetails(args: { articleId: ArticleId }): Promise<Result<ArticleDetailsSuggestion>>

  /** A passage's information credibility 1–6 (null clears). */
  gradeHighlight(args: { highlightId: HighlightId; credibility: Credibility | null }): HighlightChangeResult
  /** Saves the attribution the analyst confirmed or edited (null clears). */
  setAttribution(args: { highlightId: HighlightId; attribution: Attribution | null }): HighlightChangeResult
  suggestAttribution(args: { highlightId: HighlightId }): Promise<Result<AttributionSuggestion>>
  /** Undo of gradeHighlight / setAttribution: the highlight's sourcing fields as `highlight` has them. */
  restoreHighlightSourcing(args: { highlight: Highlight }): HighlightChangeResult

  /** Every claim with its passages and independent-source counts (supporting and contradicting apart). */
  listClaims(): Promise<Result<ClaimView[]>>
  /** A claim needs at least one passage; all are checked before anything is written. */
  createClaim(args: { statement: string; passages: ClaimPassageRequest[] }): ClaimsChange<Claim>
  editClaim(args: { claimId: ClaimId; statement: string }): ClaimsChange<Claim>
  /** Adds passages (all or none: one unknown or already there refuses them all). */
  addClaimPassages(args: { claimId: ClaimId; passages: ClaimPassageRequest[] }): ClaimsChange<Claim>
  setClaimPassageStance(args: { claimId: ClaimId; highlightId: HighlightId; stance: Stance }): ClaimsChange<Claim>
  removeClaimPassage(args: { claimId: ClaimId; highlightId: HighlightId }): ClaimsChange<Claim>
  deleteClaim(args: { claimId: ClaimId }): ClaimsChange<Claim>
  restoreClaims(args: { file: ClaimsFile }): ClaimsChange<null>
}

export const SOURCING_API_METHODS = [
  'listOutlets',
  'createOutlet',
  'editOutlet',
  'deleteOutlet',
  'linkArticleOutlet',
  'gradeArticle',
  'restoreOutlets',
  'listArticleSources',
  'suggestArticleDetails',
  'gradeHighlight',
  'setAttribution',
  'suggestAttribution',
  'restoreHighlightSourcing',
  'listClaims',
  'createClaim',
  'editClaim',
  'addClaimPassages',
  'setClaimPassageStance',
  'removeClaimPassage',
  'deleteClaim',
  'restoreClaims',
] as const satisfies readonly (keyof SourcingApi)[]

type MissingSourcingMethods = Exclude<keyof SourcingApi, (typeof SOURCING_API_METHODS)[number]>
export const SOURCING_API_METHODS_COMPLETE: [MissingSourcingMethods] extends [never] ? true : MissingSourcingMethods = true

const NoArgs = z.undefined()
/** Texts are checked by the core's rules; these bound the payload. */
const Name = z.string().max(MAX_OUTLET_NAME_CHARS * 4)
const Note = z.string().max(MAX_NOTE_CHARS * 2)
const GradeArg = z.object({ grade: z.string().max(8), why: Note }).strict()
const Passages = z
  .array(z.object({ highlightId: HighlightIdSchema, stance: StanceSchema }).strict())
  .min(1, 'a claim needs at least one passage (support or contradict)')
  .max(500)
const Statement = z.string().max(MAX_STATEMENT_CHARS * 2)

export const sourcingApiArgSchemas = {
  listOutlets: NoArgs,
  createOutlet: z
    .object({ name: Name, aliases: z.array(Name).max(200).optional(), country: z.string().max(400).optional(), notes: Note.optional(), reliability: GradeArg.optional() })
    .strict(),
  editOutlet: z
    .object({
      outletId: OutletIdSchema,
      edit: z
        .object({
          name: Name.optional(),
          aliases: z.array(Name).max(200).optional(),
          country: z.string().max(400).nullable().optional(),
          notes: Note.nullable().optional(),
          reliability: GradeArg.nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  deleteOutlet: z.object({ outletId: OutletIdSchema }).strict(),
  linkArticleOutlet: z.object({ articleId: ArticleIdSchema, outletId: OutletIdSchema.nullable() }).strict(),
  gradeArticle: z.object({ articleId: ArticleIdSchema, reliability: GradeArg.nullable() }).strict(),
  restoreOutlets: z.object({ file: OutletsFileSchema }).strict(),
  listArticleSources: NoArgs,
  suggestArticleDetails: z.object({ articleId: ArticleIdSchema }).strict(),
  gradeHighlight: z.object({ highlightId: HighlightIdSchema, credibility: z.number().nullable() }).strict(),
  setAttribution: z.object({ highlightId: HighlightIdSchema, attribution: AttributionSchema.strict().nullable() }).strict(),
  suggestAttribution: z.object({ highlightId: HighlightIdSchema }).strict(),
  restoreHighlightSourcing: z.object({ highlight: z.object({ id: HighlightIdSchema, credibility: CredibilitySchema.optional(), attribution: AttributionSchema.optional() }).passthrough() }).strict(),
  listClaims: NoArgs,
  createClaim: z.object({ statement: Statement, passages: Passages }).strict(),
  editClaim: z.object({ claimId: ClaimIdSchema, statement: Statement }).strict(),
  addClaimPassages: z.object({ claimId: ClaimIdSchema, passages: Passages }).strict(),
  setClaimPassageStance: z.object({ claimId: ClaimIdSchema, highlightId: HighlightIdSchema, stance: StanceSchema }).strict(),
  removeClaimPassage: z.object({ claimId: ClaimIdSchema, highlightId: HighlightIdSchema }).strict(),
  deleteClaim: z.object({ claimId: ClaimIdSchema }).strict(),
  restoreClaims: z.object({ file: ClaimsFileSchema }).strict(),
} satisfies Record<keyof SourcingApi, z.ZodType>
