/**
 * The notebook's data model: articles (metadata only; bodies live in content-addressed
 * files), tags and highlights, and the files they are stored in (notes/data-model.md).
 * Schemas are the single source of truth: types are inferred from them, and the same
 * schemas validate each file on open, so a file that does not match is never half-read
 * and later overwritten.
 */
import { z } from 'zod'
import { FingerprintSchema } from './analysis/fingerprint'
import { ArticleIdSchema, HighlightIdSchema, TagIdSchema, type TagId } from './ids'
import { EventDateSchema } from './timeline/event-date'
import { AttributionSchema, CredibilitySchema } from './sourcing/schema'

/**
 * The notebook format version this build writes. Older notebooks are migrated on open
 * (src/main/storage/migrations.ts); newer ones are refused, never migrated down.
 */
export const SCHEMA_VERSION = 4

const IsoTimestamp = z.string().min(10).max(40)
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 hex digest')

/** Where a metadata value came from, shown beside it so the analyst can judge it. */
export const MetaSourceSchema = z.object({
  title: z.string().optional(),
  outlet: z.string().optional(),
  author: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
  language: z.string().optional(),
  wordCount: z.string().optional(),
})

/** The format an article was imported from (src/main/import/extract.ts). */
export const SourceFormatSchema = z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'email', 'clipboard'])
export type SourceFormat = z.infer<typeof SourceFormatSchema>

/**
 * Damage found by the format extractor (undecodable bytes, no text layer, …) or the text
 * analysis (U+FFFD, mojibake, short), and control characters import removed from the text
 * (`control-characters`, src/core/text-hygiene.ts; count = how many).
 */
export const ArticleFlagSchema = z.object({
  kind: z.enum(['replacement-character', 'mojibake', 'short-extraction', 'undecodable-bytes', 'no-text-layer', 'encoding-guessed', 'control-characters']),
  detail: z.string().max(2000),
  count: z.number().int().nonnegative().optional(),
})
export type ArticleFlag = z.infer<typeof ArticleFlagSchema>

/** Leading or trailing lines that are not the article; offsets index the stored text. */
export const FurnitureSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  kind: z.enum(['stray-word', 'section-label', 'tagline', 'navigation', 'cookie-banner', 'advertisement', 'related-list', 'related-headline', 'tags', 'social', 'copyright']),
  label: z.string().max(1000),
})

/** A link to another article that reuses the same reporting (src/core/analysis/rewrites.ts). */
export const RewriteLinkSchema = z.object({
  articleId: ArticleIdSchema,
  score: z.number().min(0).max(1),
  kind: z.enum(['near-duplicate', 'republication', 'rewrite', 'paraphrase']),
})
export type RewriteLink = z.infer<typeof RewriteLinkSchema>

/** The metadata fields the analyst can edit (`dossier edit`); an edited field is never overwritten by analysis. */
export const EditableMetaFieldSchema = z.enum(['title', 'outlet', 'author', 'published', 'url'])
export type EditableMetaField = z.infer<typeof EditableMetaFieldSchema>

export const ArticleSchema = z.object({
  id: ArticleIdSchema,
  title: z.string().min(1).max(500),
  outlet: z.string().max(200).nullable(),
  author: z.string().max(300).nullable(),
  /**
   * Publication date as stated: `YYYY-MM-DD`, or a full ISO date-time with its UTC offset.
   * New values must pass `storedDateProblem` (src/core/dates.ts); like `url`, the rule is
   * applied where values enter and by `dossier check`, not here: a refusal on read would
   * declare the whole catalog damaged.
   */
  published: z.string().max(40).nullable(),
  /** A safe article URL (`isSafeArticleUrl`, src/core/urls.ts) for every new value. */
  url: z.string().max(2000).nullable(),
  metaSources: MetaSourceSchema,
  /** sha256 of the stored (normalised) text: names the body file and detects tampering. */
  bodyHash: Sha256,
  wordCount: z.number().int().nonnegative(),
  charCount: z.number().int().nonnegative(),
  importedAt: IsoTimestamp,
  format: SourceFormatSchema,
  /** BCP-47 language of the article text, when analysis could tell. */
  language: z.string().max(35).nullable(),
  /** The encoding a text file was decoded from (txt, md, html); null for pdf, docx, clipboard and format-2 articles. */
  encoding: z.string().max(40).nullable(),
  flags: z.array(ArticleFlagSchema),
  /** Articles that reuse the same reporting, both directions linked, best first. */
  rewrites: z.array(RewriteLinkSchema),
  /** Fields the analyst edited; their metaSources say 'edited by the analyst'. */
  metaEdited: z.array(EditableMetaFieldSchema),
  source: z.object({
    fileName: z.string().min(1).max(255),
    /** Same as the article's `format` (format 2 only knew 'txt'). */
    format: SourceFormatSchema,
    /** Notebook-relative path of the original bytes, kept for provenance. */
    originalFile: z.string().min(1),
    originalHash: Sha256,
  }),
})
export type Article = z.infer<typeof ArticleSchema>

/** The analysis fields of an article with nothing found (format-2 articles after migration; test fixtures). */
export function emptyAnalysisFields(): Pick<Article, 'format' | 'language' | 'encoding' | 'flags' | 'rewrites' | 'metaEdited'> {
  return { format: 'txt', language: null, encoding: null, flags: [], rewrites: [], metaEdited: [] }
}

/**
 * `analysis/<bodyHash>.json`: what analysis derived from one stored text, kept out of the
 * catalog because only the reader (furniture) and rewrite detection (fingerprint) need it.
 * Derived data: content-addressed like the body it describes, and recomputed from the
 * body whenever it is missing, damaged or of an older fingerprint version.
 */
export const AnalysisFileSchema = z.object({
  bodyHash: Sha256,
  furniture: z.array(FurnitureSchema),
  /** Null until computed (articles migrated from format 3 or earlier). */
  fingerprint: FingerprintSchema.nullable(),
})
export type AnalysisFile = z.infer<typeof AnalysisFileSchema>
/** An analysis file read for its furniture only (show, search): the fingerprint is neither validated nor kept. */
export const AnalysisFurnitureSchema = AnalysisFileSchema.pick({ bodyHash: true, furniture: true })
export type Furniture = z.infer<typeof FurnitureSchema>

export const TagSchema = z.object({
  id: TagIdSchema,
  name: z.string().min(1).max(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string().max(500),
})
export type Tag = z.infer<typeof TagSchema>

/**
 * A W3C TextPositionSelector plus TextQuoteSelector in one: offsets index the stored
 * article text in UTF-16 code units; exact/prefix/suffix let the highlight be found again
 * if offsets ever stop matching.
 */
export const TextTargetSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
})
export type TextTarget = z.infer<typeof TextTargetSchema>

export const HighlightSchema = z.object({
  id: HighlightIdSchema,
  articleId: ArticleIdSchema,
  target: TextTargetSchema,
  tagIds: z.array(TagIdSchema),
  comment: z.string().max(20000),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  /**
   * When what the passage reports happened, as the analyst decided (decision 53): absent =
   * not decided (the suggestion from its text counts), null = cleared (no event date).
   */
  eventDate: EventDateSchema.nullable().optional(),
  /** Information credibility 1–6 (Admiralty system; notes/sourcing.md); absent = not graded. */
  credibility: CredibilitySchema.optional(),
  /** Where the passage's information came from, as confirmed or saved by the analyst (notes/sourcing.md). */
  attribution: AttributionSchema.optional(),
})
export type Highlight = z.infer<typeof HighlightSchema>

/** `notebook.json`: the manifest (format version) and the tags. Small; rewritten on tag changes. */
export const ManifestSchema = z.object({
  schemaVersion: z.number().int().positive(),
  createdAt: IsoTimestamp,
  tags: z.array(TagSchema),
})
export type Manifest = z.infer<typeof ManifestSchema>

/** `catalog.json`: every article's metadata. Rewritten on import, edit and delete only. */
export const CatalogSchema = z.object({
  articles: z.array(ArticleSchema),
})
export type Catalog = z.infer<typeof CatalogSchema>

/** `annotations/<articleId>.json`: one article's highlights; the only file a highlight save rewrites. */
export const AnnotationFileSchema = z.object({
  articleId: ArticleIdSchema,
  highlights: z.array(HighlightSchema),
})
export type AnnotationFile = z.infer<typeof AnnotationFileSchema>

/**
 * The codebook every new notebook starts with. Colours are from the Okabe-Ito palette,
 * chosen to stay distinguishable under the common forms of colour blindness.
 */
export const DEFAULT_TAGS: readonly Tag[] = [
  {
    id: 't-bases' as TagId,
    name: 'Bases',
    color: '#E69F00',
    description: 'Status of Russian bases in Syria: Tartus naval base, Khmeimim air base and others.',
  },
  {
    id: 't-convoys' as TagId,
    name: 'Convoys',
    color: '#56B4E9',
    description: 'Movements of troops, vehicles, ships and aircraft leaving or returning.',
  },
  {
    id: 't-negotiations' as TagId,
    name: 'Negotiations',
    color: '#009E73',
    description: 'Talks between Moscow and the new authorities in Damascus, and their terms.',
  },
]

export function createManifest(nowIso: string): Manifest {
  return { schemaVersion: SCHEMA_VERSION, createdAt: nowIso, tags: DEFAULT_TAGS.map((t) => ({ ...t })) }
}
