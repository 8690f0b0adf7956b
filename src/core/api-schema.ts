/**
 * Argument validators for every API method. Main checks each call's arguments against
 * these before the service sees them, so a compromised or buggy renderer can only ever
 * send well-formed, bounded requests. `satisfies` makes a missing method a compile error.
 */
import { z } from 'zod'
import type { ApiMethod } from './api'
import { ArticleIdSchema, HighlightIdSchema, TagIdSchema } from './ids'

const NoArgs = z.undefined()
const TagIds = z.array(TagIdSchema).max(200)
const Comment = z.string().max(20000)

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
    .object({ highlightId: HighlightIdSchema, tagIds: TagIds.optional(), comment: Comment.optional() })
    .strict(),
  deleteHighlight: z.object({ highlightId: HighlightIdSchema }).strict(),
  exportBriefing: z
    .object({ title: z.string().min(1).max(300).optional(), tagIds: TagIds.optional() })
    .strict(),
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
