// Search filters: checking and compiling SearchFilters once per query, and testing a
// document (article or highlight) against them.
import type { ArticleId, HighlightId, TagId } from '../ids'
import { foldText } from './fold'
import { DAY_RE, type ArticleEntry, type DocStore } from './doc-store'
import type { ResultKind, SearchFilters, SearchIssue } from './types'

export interface CompiledFilter {
  /** Whether any filter is set. */
  active: boolean
  kinds: ReadonlySet<ResultKind> | null
  tags: readonly TagId[] | null
  tagMode: 'any' | 'all'
  outlets: ReadonlySet<string> | null
  from: string | null
  to: string | null
  articles: ReadonlySet<ArticleId> | null
}

function articleMeta(a: ArticleEntry, f: CompiledFilter): boolean {
  if (f.outlets !== null && (a.outletKey === null || !f.outlets.has(a.outletKey))) return false
  if (f.from !== null && (a.day === null || a.day < f.from)) return false
  if (f.to !== null && (a.day === null || a.day > f.to)) return false
  return true
}

export function compileFilter(o: SearchFilters): CompiledFilter | SearchIssue {
  for (const [name, value] of [
    ['from', o.from],
    ['to', o.to],
  ] as const) {
    if (value !== undefined && !DAY_RE.test(value)) return { code: 'bad-filter', message: `The ${name} date must be written YYYY-MM-DD (got “${value}”).` }
  }
  if (o.from !== undefined && o.to !== undefined && o.from > o.to) {
    return { code: 'bad-filter', message: `The date range is empty: ${o.from} is after ${o.to}.` }
  }
  const f = {
    kinds: o.kinds === undefined ? null : new Set(o.kinds),
    tags: o.tagIds === undefined || o.tagIds.length === 0 ? null : [...o.tagIds],
    tagMode: o.tagMode ?? 'any',
    outlets: o.outlets === undefined || o.outlets.length === 0 ? null : new Set(o.outlets.map((s) => foldText(s.trim()))),
    from: o.from ?? null,
    to: o.to ?? null,
    articles: o.articleIds === undefined ? null : new Set(o.articleIds),
  }
  return { ...f, active: f.kinds !== null || f.tags !== null || f.outlets !== null || f.from !== null || f.to !== null || f.articles !== null }
}

/** Whether a document (article or highlight id) passes the filter. */
export function passes(store: DocStore, id: string, f: CompiledFilter): boolean {
  const article = store.articles.get(id as ArticleId)
  if (article !== undefined) {
    if (f.kinds !== null && !f.kinds.has('article')) return false
    if (f.articles !== null && !f.articles.has(article.id)) return false
    if (!articleMeta(article, f)) return false
    if (f.tags !== null) {
      const carried = new Set<TagId>()
      for (const hid of store.byArticle.get(article.id) ?? []) for (const t of store.highlights.get(hid)?.tagIds ?? []) carried.add(t)
      return f.tagMode === 'all' ? f.tags.every((t) => carried.has(t)) : f.tags.some((t) => carried.has(t))
    }
    return true
  }
  const highlight = store.highlights.get(id as HighlightId)
  if (highlight === undefined) return false
  if (f.kinds !== null && !f.kinds.has('highlight')) return false
  if (f.articles !== null && !f.articles.has(highlight.articleId)) return false
  if (f.outlets !== null || f.from !== null || f.to !== null) {
    const parent = store.articles.get(highlight.articleId)
    if (parent === undefined || !articleMeta(parent, f)) return false
  }
  if (f.tags !== null) {
    return f.tagMode === 'all' ? f.tags.every((t) => highlight.tagIds.includes(t)) : f.tags.some((t) => highlight.tagIds.includes(t))
  }
  return true
}

