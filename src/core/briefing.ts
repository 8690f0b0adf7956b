/**
 * Briefing layout data: which passages go under which tag heading, in what order, and
 * which numbered source each cites. Pure data, so the PDF renderer (main), a future
 * Markdown export and the tests all read the same structure.
 */
import { formatCitationDate } from './dates'
import type { ArticleId, HighlightId, TagId } from './ids'
import type { Article, Highlight, Tag } from './model'
import { DossierError } from './result'

export interface BriefingPassage {
  highlightId: HighlightId
  articleId: ArticleId
  /** The quote exactly as stored: never re-typed, re-punctuated or trimmed. */
  quote: string
  comment: string
  /** Number of the source in `sources`. */
  sourceNumber: number
}

export interface BriefingSection {
  tag: Tag
  passages: BriefingPassage[]
}

export interface BriefingSource {
  number: number
  articleId: ArticleId
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
}

export interface BriefingLayout {
  title: string
  generatedAt: string
  sections: BriefingSection[]
  sources: BriefingSource[]
  passageCount: number
}

export interface BriefingInput {
  articles: readonly Article[]
  tags: readonly Tag[]
  highlights: readonly Highlight[]
  title?: string
  tagIds?: readonly TagId[]
  generatedAt: string
}

export const DEFAULT_BRIEFING_TITLE = 'Briefing'

export function buildBriefing(input: BriefingInput): BriefingLayout {
  const tagsById = new Map(input.tags.map((t) => [t.id, t]))
  for (const id of input.tagIds ?? []) {
    if (!tagsById.has(id)) throw new DossierError('unknown-tag', `No tag with id ${id} in this notebook.`)
  }
  const chosenTags = input.tagIds ? input.tagIds.map((id) => tagsById.get(id)!) : [...input.tags]
  const articlesById = new Map(input.articles.map((a) => [a.id, a]))

  const sources: BriefingSource[] = []
  const sourceNumbers = new Map<ArticleId, number>()
  const sourceFor = (article: Article): number => {
    const known = sourceNumbers.get(article.id)
    if (known !== undefined) return known
    const number = sources.length + 1
    sources.push({
      number,
      articleId: article.id,
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      published: article.published,
      url: article.url,
    })
    sourceNumbers.set(article.id, number)
    return number
  }

  const sections: BriefingSection[] = []
  let passageCount = 0
  for (const tag of chosenTags) {
    const tagged = input.highlights
      .filter((h) => h.tagIds.includes(tag.id) && articlesById.has(h.articleId))
      .sort((a, b) => comparePassages(articlesById.get(a.articleId)!, a, articlesById.get(b.articleId)!, b))
    if (tagged.length === 0) continue
    const passages = tagged.map((h) => ({
      highlightId: h.id,
      articleId: h.articleId,
      quote: h.target.exact,
      comment: h.comment,
      sourceNumber: sourceFor(articlesById.get(h.articleId)!),
    }))
    passageCount += passages.length
    sections.push({ tag, passages })
  }

  if (passageCount === 0) {
    const which = input.tagIds ? chosenTags.map((t) => t.name).join(', ') : 'any tag'
    throw new DossierError('empty-selection', `No highlighted passages carry ${which}: there is nothing to put in a briefing.`)
  }

  return {
    title: input.title?.trim() || DEFAULT_BRIEFING_TITLE,
    generatedAt: input.generatedAt,
    sections,
    sources,
    passageCount,
  }
}

/** Passages run in publication order; undated articles last; then by position in the article. */
function comparePassages(aArticle: Article, a: Highlight, bArticle: Article, b: Highlight): number {
  const ad = aArticle.published ?? '\uffff'
  const bd = bArticle.published ?? '\uffff'
  if (ad !== bd) return ad < bd ? -1 : 1
  if (aArticle.id !== bArticle.id) return aArticle.title.localeCompare(bArticle.title)
  return a.target.start - b.target.start
}

/** `[3] bne IntelliNews, “Russia withdraws …”, 15 December 2024.` — fields the source lacks are left out. */
export function formatCitation(source: BriefingSource): string {
  const parts = [source.outlet, `“${source.title}”`, source.author ? `by ${source.author}` : null, formatCitationDate(source.published)]
  return `[${source.number}] ${parts.filter((p): p is string => Boolean(p)).join(', ')}.`
}
