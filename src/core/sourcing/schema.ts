/**
 * The sourcing model (notes/sourcing.md): outlets with their reliability grade, the
 * article → outlet links, claims built from passages, and a highlight's attribution.
 * Grades follow the Admiralty (NATO STANAG 2511) system: source reliability A–F,
 * information credibility 1–6. Types are inferred from the zod schemas; the rules a
 * schema cannot state (unique ids, one owner per spelling, a passage once per claim) are
 * `outletsProblem` and `claimsProblem`.
 *
 * Files (both optional in a notebook: absent = empty, decision 50):
 *   outlets.json  { version: 1, outlets: Outlet[], articles: ArticleSourcing[] }
 *   claims.json   { version: 1, claims: Claim[] }
 */
import { z } from 'zod'
import { ArticleIdSchema, HighlightIdSchema } from '../ids'
import { nameKey } from '../entities/normalise'

export const SOURCING_FORMAT_VERSION = 1
export const MAX_OUTLET_NAME_CHARS = 200
export const MAX_NOTE_CHARS = 2000
export const MAX_STATEMENT_CHARS = 1000

/** Source reliability (Admiralty/NATO system). */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const ReliabilitySchema = z.enum(RELIABILITY_GRADES)
export type Reliability = z.infer<typeof ReliabilitySchema>
export const RELIABILITY_WORDS: Readonly<Record<Reliability, string>> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
}

/** Information credibility (Admiralty/NATO system). */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const
export const CredibilitySchema = z.number().int().min(1, 'credibility is 1–6').max(6, 'credibility is 1–6')
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6
export const CREDIBILITY_WORDS: Readonly<Record<Credibility, string>> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
}

/** A reliability grade with why it was given. */
export const GradeSchema = z.object({
  grade: ReliabilitySchema,
  why: z.string().max(MAX_NOTE_CHARS),
})
export type Grade = z.infer<typeof GradeSchema>

export const OutletIdSchema = z.string().regex(/^o-[0-9a-z]{4,32}$/, 'not an outlet id').brand<'OutletId'>()
export type OutletId = z.infer<typeof OutletIdSchema>
export const ClaimIdSchema = z.string().regex(/^c-[0-9a-z]{4,32}$/, 'not a claim id').brand<'ClaimId'>()
export type ClaimId = z.infer<typeof ClaimIdSchema>

/** Ids from random hex supplied by the caller (the core has no RNG; see src/core/ids.ts). */
export function makeOutletId(randomHex: string): OutletId {
  return `o-${randomHex.slice(0, 10).toLowerCase()}` as OutletId
}
export function makeClaimId(randomHex: string): ClaimId {
  return `c-${randomHex.slice(0, 10).toLowerCase()}` as ClaimId
}

const NameText = z.string().trim().min(1, 'empty').max(MAX_OUTLET_NAME_CHARS, `longer than ${MAX_OUTLET_NAME_CHARS} characters`)

export const OutletSchema = z.object({
  id: OutletIdSchema,
  name: NameText,
  /** Other names it goes by: site names, web domains (reuters.com), the copyright-holder line. */
  aliases: z.array(NameText).max(200),
  /** Where it is based (free text: "Turkey", "UK"). */
  country: z.string().max(100).optional(),
  notes: z.string().max(MAX_NOTE_CHARS).optional(),
  /** Its default reliability, which an article's own grade overrides. */
  reliability: GradeSchema.optional(),
})
export type Outlet = z.infer<typeof OutletSchema>

/** What the analyst said about one article's source: its outlet, and a reliability grade overriding the outlet's. */
export const ArticleSourcingSchema = z
  .object({
    articleId: ArticleIdSchema,
    outletId: OutletIdSchema.optional(),
    reliability: GradeSchema.optional(),
  })
  .refine((a) => a.outletId !== undefined || a.reliability !== undefined, { message: 'names neither an outlet nor a grade' })
export type ArticleSourcing = z.infer<typeof ArticleSourcingSchema>

export const OutletsFileSchema = z.object({
  version: z.literal(SOURCING_FORMAT_VERSION),
  outlets: z.array(OutletSchema),
  articles: z.array(ArticleSourcingSchema),
})
export type OutletsFile = z.infer<typeof OutletsFileSchema>

export function emptyOutletsFile(): OutletsFile {
  return { version: SOURCING_FORMAT_VERSION, outlets: [], articles: [] }
}

/** Where the information in a passage came from, as the analyst confirmed it (or the finder suggested it). */
export const ATTRIBUTION_KINDS = ['primary', 'secondary', 'unattributed'] as const
export const AttributionKindSchema = z.enum(ATTRIBUTION_KINDS)
export type AttributionKind = z.infer<typeof AttributionKindSchema>
export const AttributionSchema = z.object({
  /** primary: the outlet saw or obtained it itself; secondary: it relays another outlet, agency or person; unattributed: it does not say. */
  kind: AttributionKindSchema,
  /** The underlying source named ("Reuters", "TRT", "Russian and Syrian sources"); null when none is named. */
  source: z.string().max(300).nullable(),
  /** The words that name it, as they stand in the text ("according to TRT media"). */
  phrase: z.string().max(500).optional(),
  /** Whether the analyst confirmed it (false: a suggestion saved as it was offered). */
  confirmed: z.boolean(),
})
export type Attribution = z.infer<typeof AttributionSchema>

export const STANCES = ['supports', 'contradicts'] as const
export const StanceSchema = z.enum(STANCES)
export type Stance = z.infer<typeof StanceSchema>

export const ClaimPassageSchema = z.object({
  highlightId: HighlightIdSchema,
  /** The highlight's article, kept so a claim names its sources even after a highlight is deleted. */
  articleId: ArticleIdSchema,
  stance: StanceSchema,
  addedAt: z.string().min(10).max(40),
})
export type ClaimPassage = z.infer<typeof ClaimPassageSchema>

export const ClaimSchema = z.object({
  id: ClaimIdSchema,
  statement: z.string().trim().min(1, 'empty').max(MAX_STATEMENT_CHARS),
  passages: z.array(ClaimPassageSchema),
  createdAt: z.string().min(10).max(40),
  updatedAt: z.string().min(10).max(40),
})
export type Claim = z.infer<typeof ClaimSchema>

export const ClaimsFileSchema = z.object({
  version: z.literal(SOURCING_FORMAT_VERSION),
  claims: z.array(ClaimSchema),
})
export type ClaimsFile = z.infer<typeof ClaimsFileSchema>

export function emptyClaimsFile(): ClaimsFile {
  return { version: SOURCING_FORMAT_VERSION, claims: [] }
}

/** Every spelling of an outlet that matches: its name first, then its aliases. */
export function outletSpellings(outlet: Outlet): string[] {
  return [outlet.name, ...outlet.aliases]
}

/**
 * The rules of outlets.json a schema cannot state: unique outlet ids; each spelling's
 * matching key (`nameKey`) owned by one outlet; one record per article; each linked
 * outlet exists. The first problem as one line, or null.
 */
export function outletsProblem(file: OutletsFile): string | null {
  const ids = new Set<string>()
  const owners = new Map<string, { outlet: Outlet; text: string }>()
  for (const o of file.outlets) {
    if (ids.has(o.id)) return `outlet id ${o.id} is used twice`
    ids.add(o.id)
    for (const text of outletSpellings(o)) {
      const key = nameKey(text)
      if (key === '') return `“${text}” (${o.name}) has no letters or digits`
      const owner = owners.get(key)
      if (owner !== undefined) return `“${text}” of ${o.name} is the same spelling as “${owner.text}” of ${owner.outlet.name} when matching`
      owners.set(key, { outlet: o, text })
    }
  }
  const articles = new Set<string>()
  for (const a of file.articles) {
    if (articles.has(a.articleId)) return `article ${a.articleId} has two records`
    articles.add(a.articleId)
    if (a.outletId !== undefined && !ids.has(a.outletId)) return `article ${a.articleId} is linked to ${a.outletId}, which is not an outlet of the file`
  }
  return null
}

/** The rules of claims.json a schema cannot state: unique claim ids, a highlight at most once per claim. */
export function claimsProblem(file: ClaimsFile): string | null {
  const ids = new Set<string>()
  for (const c of file.claims) {
    if (ids.has(c.id)) return `claim id ${c.id} is used twice`
    ids.add(c.id)
    const seen = new Set<string>()
    for (const p of c.passages) {
      if (seen.has(p.highlightId)) return `claim ${c.id} holds highlight ${p.highlightId} twice`
      seen.add(p.highlightId)
    }
  }
  return null
}
