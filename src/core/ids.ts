/**
 * Branded id types, so an ArticleId can never be passed where a TagId is expected.
 * At runtime they are plain strings (payloads stay plain JSON). The schemas double as
 * the validators used at the IPC boundary and when a notebook file is read.
 */
import { z } from 'zod'

export const ArticleIdSchema = z.string().regex(/^a-[0-9a-z]{4,32}$/, 'not an article id').brand<'ArticleId'>()
export const HighlightIdSchema = z.string().regex(/^h-[0-9a-z]{4,32}$/, 'not a highlight id').brand<'HighlightId'>()
export const TagIdSchema = z.string().regex(/^t-[0-9a-z-]{1,40}$/, 'not a tag id').brand<'TagId'>()

export type ArticleId = z.infer<typeof ArticleIdSchema>
export type HighlightId = z.infer<typeof HighlightIdSchema>
export type TagId = z.infer<typeof TagIdSchema>

/**
 * Builds an id from random hex supplied by the caller: the core has no RNG of its own,
 * so it stays deterministic under test. Ten hex digits keep ids short enough to type in
 * the CLI while making a collision in one notebook vanishingly unlikely (callers still check).
 */
export function makeArticleId(randomHex: string): ArticleId {
  return `a-${randomHex.slice(0, 10).toLowerCase()}` as ArticleId
}
export function makeHighlightId(randomHex: string): HighlightId {
  return `h-${randomHex.slice(0, 10).toLowerCase()}` as HighlightId
}
export function makeTagId(randomHex: string): TagId {
  return `t-${randomHex.slice(0, 10).toLowerCase()}` as TagId
}
