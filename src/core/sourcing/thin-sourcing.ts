/**
 * The rule behind the briefing's sourcing warnings (notes/sourcing.md "Briefings"): what a
 * key judgment or a section rests on is thin when
 * - it comes down to ONE independent source (or none): passages of one article, of
 *   articles that are rewrites of one another, or relaying one underlying source count
 *   once (`countIndependentSources`, decision 52); or
 * - every passage it rests on is ungraded (neither its source's reliability nor its own
 *   credibility is given) or comes from a damaged article (text lost or garbled in
 *   import, little text extracted, no text layer).
 * Advice only: a briefing may still be exported.
 */
import type { Article, ArticleFlag } from '../model'
import { countIndependentSources, type ArticleForCount, type IndependentCount, type PassageForCount } from './claims'

/** The flags that say the stored text is not what the outlet published. */
export const DAMAGE_FLAGS: ReadonlySet<ArticleFlag['kind']> = new Set(['replacement-character', 'mojibake', 'short-extraction', 'undecodable-bytes', 'no-text-layer'])

export function isDamaged(article: Pick<Article, 'flags'>): boolean {
  return article.flags.some((f) => DAMAGE_FLAGS.has(f.kind))
}

/** A passage as the rule weighs it: its count key, and whether it is graded and sound. */
export interface WeighedPassage extends PassageForCount {
  /** Its grade code ("B2", "?3") is not null. */
  graded: boolean
  /** Its article carries a damage flag. */
  damaged: boolean
}

export interface ThinSourcing {
  count: IndependentCount
  /** One independent source or none. */
  singleSource: boolean
  /** At least one passage, and every one ungraded or damaged. */
  weakSources: boolean
}

export function thinSourcing(passages: readonly WeighedPassage[], articles: ReadonlyMap<Article['id'], ArticleForCount>): ThinSourcing {
  const count = countIndependentSources(passages, articles)
  return {
    count,
    singleSource: count.independentSources <= 1,
    weakSources: passages.length > 0 && passages.every((p) => !p.graded || p.damaged),
  }
}
