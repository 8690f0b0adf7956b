/**
 * The selection rules of a briefing (see ./briefing): the order passages run in, the
 * explicit order an analyst gave a section, and the message that says which step emptied
 * an empty selection. Pure functions of the notebook data and the briefing.
 */
import type { BriefingDocument } from './briefing-document'
import { describeDateRange, plural } from './briefing-format'
import type { BriefingEntity, BriefingWarning, SectionRef } from './briefing-types'
import type { ArticleId, HighlightId } from './ids'
import type { Article, Highlight, Tag } from './model'
import { DossierError } from './result'

export interface Candidate {
  highlight: Highlight
  article: Article
}

/** How many passages survived each step of the selection, so an empty result can say which step emptied it. */
export interface SelectionFunnel {
  /** Passages carrying a selected tag (or, in the untagged section, no tag). */
  tagged: number
  inArticles: number
  inDates: number
  included: number
}

/** `YYYY-MM-DD` of the stated publication date, or null when the article has none. */
export function publicationDay(article: Pick<Article, 'published'>): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(article.published ?? '')
  return m ? m[1]! : null
}

/** Passages run in publication order; undated articles last; then by position in the article. */
export function comparePassages(aArticle: Article, a: Highlight, bArticle: Article, b: Highlight): number {
  const ad = aArticle.published ?? '\uffff'
  const bd = bArticle.published ?? '\uffff'
  if (ad !== bd) return ad < bd ? -1 : 1
  if (aArticle.id !== bArticle.id) return aArticle.title.localeCompare(bArticle.title) || (aArticle.id < bArticle.id ? -1 : 1)
  return a.target.start - b.target.start || a.target.end - b.target.end
}

/**
 * The analyst's explicit order first (ids still in the section), then the rest by date.
 * `section` is the section's tag or entity; null for the untagged section, which has no stored order.
 */
export function orderCandidates(
  candidates: Candidate[],
  order: readonly HighlightId[],
  section: SectionRef | null,
  highlightsById: ReadonlyMap<HighlightId, Highlight>,
  stored: boolean,
  warnings: BriefingWarning[],
): Candidate[] {
  const byId = new Map(candidates.map((c) => [c.highlight.id, c]))
  const first: Candidate[] = []
  for (const id of order) {
    const c = byId.get(id)
    if (c) {
      first.push(c)
      byId.delete(id)
    } else if (stored && section !== null && !highlightsById.has(id)) {
      warnings.push({
        kind: 'passage-missing',
        highlightId: id,
        ...section,
        message: `Passage ${id}, placed in this briefing, no longer exists (its highlight or its article was deleted).`,
      })
    }
  }
  const rest = [...byId.values()].sort((a, b) => comparePassages(a.article, a.highlight, b.article, b.highlight))
  return [...first, ...rest]
}

/** The error for a selection that holds no passage, saying which step emptied it. */
export function emptySelection(
  doc: BriefingDocument,
  tags: readonly Tag[],
  entities: readonly BriefingEntity[],
  untagged: boolean,
  funnel: SelectionFunnel,
  articleFilter: ReadonlySet<ArticleId> | null,
  warnings: readonly BriefingWarning[],
): DossierError {
  const missing = warnings.filter((w) => w.kind === 'tag-missing').length
  if (tags.length === 0 && entities.length === 0 && !untagged) {
    const why = missing > 0 ? ` (the ${plural(missing, 'tag')} it named ${missing === 1 ? 'was' : 'were'} deleted)` : ''
    return new DossierError('empty-selection', `The briefing has no tags selected${why}: choose at least one tag.`)
  }
  const tagNames = joinOr(tags.map((t) => t.name))
  const entityNames = joinOr(entities.map((e) => e.name))
  const carry = [tags.length > 0 ? `carry ${tagNames}` : '', entities.length > 0 ? `mention ${entityNames}` : ''].filter(Boolean).join(' or ')
  const tagged = [tags.length > 0 ? `tagged ${tagNames}` : '', entities.length > 0 ? `mentioning ${entityNames}` : ''].filter(Boolean).join(' or ')
  if (funnel.tagged === 0) {
    return untagged
      ? new DossierError('empty-selection', 'No passages are highlighted: there is nothing to put in a briefing.')
      : new DossierError('empty-selection', `No highlighted passages ${carry}: there is nothing to put in a briefing.`)
  }
  // What was selected: "3 passages tagged Bases", or with the untagged ones "3 highlighted passages".
  const subject = (n: number) => (untagged ? plural(n, 'highlighted passage') : `${plural(n, 'passage')} ${tagged}`)
  if (funnel.inArticles === 0) {
    // A filter whose articles were all deleted keeps meaning "these articles", never "every
    // article" (null is "every article"): the briefing is empty, and the message says why, so
    // the analyst can choose articles again (or undo the delete) rather than get passages they
    // did not choose.
    const chosen = [...(articleFilter ?? [])]
    if (chosen.length > 0 && chosen.every((id) => warnings.some((w) => w.kind === 'article-missing' && w.articleId === id))) {
      return new DossierError(
        'empty-selection',
        `The ${plural(chosen.length, 'article')} chosen for this briefing ${chosen.length === 1 ? 'is' : 'are'} no longer in the notebook: choose other articles, or clear the article choice to use every article.`,
      )
    }
    return new DossierError('empty-selection', `None of the ${subject(funnel.tagged)} comes from the ${plural(articleFilter?.size ?? 0, 'chosen article')}.`)
  }
  if (funnel.inDates === 0) {
    const range = describeDateRange(doc.selection.from, doc.selection.to)
    return new DossierError(
      'empty-selection',
      `None of the ${subject(funnel.inArticles)} comes from an article published ${range} (undated articles are left out when a date range is set).`,
    )
  }
  const every = untagged ? 'Every highlighted passage' : `Every passage ${tagged}`
  return new DossierError('empty-selection', `${every} (${funnel.inDates}) is excluded from this briefing.`)
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}
