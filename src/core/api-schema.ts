/**
 * Argument validators for every API method. Main checks each call's arguments against
 * these before the service sees them, so a compromised or buggy renderer can only ever
 * send well-formed, bounded requests. `satisfies` makes a missing method a compile error.
 */
import { z } from 'zod'
import type { ApiMethod } from './api'
import { entityApiArgSchemas } from './api-entities'
import { sourcingApiArgSchemas } from './api-sourcing'
import { CheckedEventDateSchema, timelineApiArgSchemas } from './api-timeline'
import { achApiArgSchemas } from './api-ach'
import { EntityIdSchema } from './entities'
import { BriefingDocumentSchema, BriefingIdSchema } from './briefing-document'
import { ArticleIdSchema, HighlightIdSchema, TagIdSchema } from './ids'
import { storedDateProblem } from './dates'
import { EditableMetaFieldSchema, HighlightSchema, MetaSourceSchema, TagSchema, TextTargetSchema } from './model'
import { unsafeUrlProblem } from './urls'

const NoArgs = z.undefined()
const TagIds = z.array(TagIdSchema).max(200)
const Comment = z.string().max(20000)
/** An event date as stored, checked by the one rule (real days, end not before start). */
const IpcEventDate = CheckedEventDateSchema
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'not a #rrggbb colour')
const TagName = z.string().min(1).max(100)
const TagDescription = z.string().max(500)
/** A string `rule` accepts; its refusal, one sentence, is the message. */
const ruled = (schema: z.ZodString, rule: (value: string) => string | null) =>
  schema.superRefine((value, ctx) => {
    const problem = rule(value)
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
  })
/** The core's rules for a stored date (src/core/dates.ts) and an article URL (src/core/urls.ts). */
const StoredDate = ruled(z.string().max(40), storedDateProblem)
const ArticleUrl = ruled(z.string().max(2000), unsafeUrlProblem)
const Day = ruled(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date'), storedDateProblem)
const MetaValue = z.string().max(2000)
/** An edit: '' (or white space) clears the field, anything else must pass `rule` once trimmed. */
const EditedValue = (rule: (value: string) => string | null) => ruled(MetaValue, (v) => (v.trim() === '' ? null : rule(v.trim())))
const ExportFormat = z.enum(['pdf', 'md', 'csv', 'w3c'])
/** A quote and its context as sent back for restore: bounded, since the model's schema is for stored files. */
const QuoteText = z.string().max(100_000)
const IpcHighlight = HighlightSchema.extend({
  target: TextTargetSchema.extend({ exact: QuoteText.min(1), prefix: z.string().max(1000), suffix: z.string().max(1000) }).strict(),
  tagIds: TagIds,
  eventDate: IpcEventDate.nullable().optional(),
}).strict()
const IpcTag = TagSchema.strict()
const NullableMeta = (max: number) => z.string().max(max).nullable()

/** 50 MB of file is at most ~67 MB of base64. */
const MAX_DROP_BASE64 = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4

export const apiArgSchemas = {
  getNotebook: NoArgs,
  chooseNotebook: z.object({ mode: z.enum(['open', 'new']) }).strict(),
  listArticles: NoArgs,
  getArticle: z.object({ articleId: ArticleIdSchema }).strict(),
  listTags: NoArgs,
  chooseAndImportFiles: NoArgs,
  importDroppedFiles: z
    .object({
      files: z
        .array(
          z
            .object({
              name: z.string().min(1).max(255),
              dataBase64: z.string().max(MAX_DROP_BASE64),
            })
            .strict(),
        )
        .min(1)
        .max(1000),
    })
    .strict(),
  createHighlight: z
    .object({
      articleId: ArticleIdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      tagIds: TagIds,
      comment: Comment,
    })
    .strict()
    .refine((a) => a.end > a.start, { message: 'end must be after start' }),
  updateHighlight: z
    .object({ highlightId: HighlightIdSchema, tagIds: TagIds.optional(), comment: Comment.optional(), eventDate: z.union([IpcEventDate, z.null(), z.literal('auto')]).optional() })
    .strict(),
  deleteHighlight: z.object({ highlightId: HighlightIdSchema }).strict(),
  restoreHighlight: z.object({ highlight: IpcHighlight }).strict(),
  updateArticleMeta: z
    .object({
      articleId: ArticleIdSchema,
      change: z
        .object({
          title: MetaValue.optional(),
          outlet: MetaValue.optional(),
          author: MetaValue.optional(),
          published: EditedValue(storedDateProblem).optional(),
          url: EditedValue(unsafeUrlProblem).optional(),
        })
        .strict(),
    })
    .strict(),
  restoreArticleMeta: z
    .object({
      articleId: ArticleIdSchema,
      meta: z
        .object({
          title: z.string().min(1).max(500),
          outlet: NullableMeta(200),
          author: NullableMeta(300),
          published: StoredDate.nullable(),
          url: ArticleUrl.nullable(),
          metaSources: MetaSourceSchema.extend(
            Object.fromEntries(Object.keys(MetaSourceSchema.shape).map((k) => [k, z.string().max(500).optional()])) as Record<keyof typeof MetaSourceSchema.shape, z.ZodOptional<z.ZodString>>,
          ).strict(),
          metaEdited: z.array(EditableMetaFieldSchema).max(5),
        })
        .strict(),
    })
    .strict(),
  deleteArticle: z.object({ articleId: ArticleIdSchema }).strict(),
  restoreArticle: z.object({ articleId: ArticleIdSchema }).strict(),
  importClipboard: z.object({ text: z.string().max(20_000_000).optional(), html: z.string().max(50_000_000).optional() }).strict(),
  cancelImport: NoArgs,
  listTagSummaries: NoArgs,
  createTag: z.object({ name: TagName, color: Color.optional(), description: TagDescription.optional() }).strict(),
  updateTag: z.object({ tagId: TagIdSchema, name: TagName.optional(), color: Color.optional(), description: TagDescription.optional() }).strict(),
  deleteTag: z.object({ tagId: TagIdSchema }).strict(),
  mergeTags: z.object({ fromTagId: TagIdSchema, intoTagId: TagIdSchema }).strict(),
  restoreTag: z
    .object({
      tag: IpcTag,
      index: z.number().int().nonnegative().max(10_000),
      highlights: z.array(z.object({ highlightId: HighlightIdSchema, tagIds: TagIds }).strict()).max(1_000_000),
    })
    .strict(),
  listPassages: NoArgs,
  search: z
    .object({
      query: z.string().max(500),
      tagIds: TagIds.optional(),
      tagMode: z.enum(['any', 'all']).optional(),
      outlets: z.array(z.string().max(200)).max(200).optional(),
      from: Day.optional(),
      to: Day.optional(),
      kinds: z.array(z.enum(['article', 'highlight'])).max(2).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
      includeFurniture: z.boolean().optional(),
      exact: z.boolean().optional(),
      entityId: EntityIdSchema.optional(),
    })
    .strict(),
  listBriefings: NoArgs,
  getBriefing: z.object({ briefingId: BriefingIdSchema }).strict(),
  createBriefing: z.object({ title: z.string().max(300).optional() }).strict(),
  saveBriefing: z.object({ document: BriefingDocumentSchema }).strict(),
  deleteBriefing: z.object({ briefingId: BriefingIdSchema }).strict(),
  previewBriefing: z.object({ briefingId: BriefingIdSchema }).strict(),
  exportBriefing: z
    .object({
      title: z.string().min(1).max(300).optional(),
      tagIds: TagIds.optional(),
      briefingId: BriefingIdSchema.optional(),
      format: ExportFormat.optional(),
    })
    .strict(),
  cancelExport: NoArgs,
  revealExport: z.object({ exportId: z.string().regex(/^x-[0-9a-z]{1,32}$/), action: z.enum(['open', 'show']) }).strict(),
  chooseAndImportAnnotations: NoArgs,
  ...entityApiArgSchemas,
  ...sourcingApiArgSchemas,
  ...timelineApiArgSchemas,
  ...achApiArgSchemas,
} satisfies Record<ApiMethod, z.ZodType>

/** Validates one call's argument list; returns the parsed argument or a readable reason. */
export function parseApiArgs(
  method: ApiMethod,
  args: readonly unknown[],
): { ok: true; arg: unknown } | { ok: false; message: string } {
  if (args.length > 1) return { ok: false, message: `${method} takes at most one argument` }
  const parsed = apiArgSchemas[method].safeParse(args[0])
  if (parsed.success) return { ok: true, arg: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return { ok: false, message: `invalid arguments for ${method}${where}: ${issue?.message ?? 'rejected'}` }
}
