/**
 * Builds the sourcing part of a briefing's layout (./briefing-sourcing-types, notes/
 * sourcing.md "Briefings") from the built sections and sources and the notebook's
 * outlets, claims, articles and highlights:
 * - each key judgment with the claims it cites (`BriefingDocument.judgmentClaims`), each
 *   claim with its independent-source count and its passages' grades and numbers; a cited
 *   claim that no longer exists becomes a `claim-missing` warning, never an error;
 * - warnings (the rule: ./sourcing/thin-sourcing) for key judgments and sections;
 * - the Sources list's rewrite clusters and damage notes;
 * - every claim of the notebook with its count, for the composer's picker.
 * Articles are named by their number in the Sources list ("[4]") where they have one.
 */
import type { BriefingDocument } from './briefing-document'
import { keyJudgmentItems, plural, sectionName } from './briefing-format'
import type {
  BriefingClaim,
  BriefingClaimCount,
  BriefingClaimPassage,
  BriefingSourcing,
  SourceCluster,
  SourceDamage,
  SourcingTarget,
  SourcingWarning,
} from './briefing-sourcing-types'
import type { BriefingSection, BriefingSource, BriefingWarning, NotebookData } from './briefing-types'
import type { ArticleId, HighlightId } from './ids'
import type { Article, ArticleFlag, Highlight } from './model'
import { passageSourceKey, type ArticleForCount, type IndependentCount } from './sourcing/claims'
import { gradeCode, citationText } from './sourcing/grading'
import { OutletMatcher } from './sourcing/outlets'
import { emptyOutletsFile, type Claim, type ClaimId, type Credibility } from './sourcing/schema'
import { DAMAGE_FLAGS, isDamaged, thinSourcing, type WeighedPassage } from './sourcing/thin-sourcing'

export type * from './briefing-sourcing-types'

interface Built {
  sections: readonly BriefingSection[]
  sources: readonly BriefingSource[]
}

export function buildBriefingSourcing(doc: Pick<BriefingDocument, 'keyJudgments' | 'judgmentClaims'>, data: NotebookData, built: Built, warnings: BriefingWarning[]): BriefingSourcing {
  const articlesById = new Map(data.articles.map((a) => [a.id, a]))
  const highlightsById = new Map(data.highlights.map((h) => [h.id, h]))
  const matcher = new OutletMatcher(data.outlets ?? emptyOutletsFile())
  const sourceOf = new Map(built.sources.map((s) => [s.articleId, s.number]))
  const printedAs = new Map<HighlightId, number[]>()
  for (const section of built.sections) for (const p of section.passages) printedAs.set(p.highlightId, [...(printedAs.get(p.highlightId) ?? []), p.number])

  const forCount = new Map<ArticleId, ArticleForCount>()
  const countable = (article: Article): ArticleForCount => {
    let entry = forCount.get(article.id)
    if (entry === undefined) {
      const n = sourceOf.get(article.id)
      entry = { label: n !== undefined ? `[${n}]` : fileStem(article), rewrites: article.rewrites.map((r) => r.articleId) }
      forCount.set(article.id, entry)
    }
    return entry
  }
  const weigh = (h: Highlight, article: Article): WeighedPassage => {
    countable(article)
    return {
      highlightId: h.id,
      articleId: article.id,
      source: passageSourceKey(h.attribution, matcher.outletOf(article), matcher),
      graded: gradeCode(matcher.reliabilityOf(article)?.grade, h.credibility) !== null,
      damaged: isDamaged(article),
    }
  }

  const claimsById = new Map((data.claims?.claims ?? []).map((c) => [c.id, c]))
  const presentPassages = (claim: Claim, stance: 'supports' | 'contradicts'): WeighedPassage[] =>
    claim.passages.flatMap((p) => {
      const h = highlightsById.get(p.highlightId)
      const article = articlesById.get(p.articleId)
      return p.stance === stance && h !== undefined && article !== undefined ? [weigh(h, article)] : []
    })
  // Counted in Sources-list order, so explanations read "[2] and [3]", not "[3] and [2]".
  const inListOrder = (passages: readonly WeighedPassage[]) =>
    [...passages].sort((a, b) => (sourceOf.get(a.articleId) ?? Infinity) - (sourceOf.get(b.articleId) ?? Infinity))
  const countOf = (passages: readonly WeighedPassage[]): BriefingClaimCount => {
    const { count } = thinSourcing(inListOrder(passages), forCount)
    return { passages: count.passages, independentSources: count.independentSources, explanation: count.explanation }
  }
  const viewClaim = (claim: Claim): BriefingClaim => ({
    id: claim.id,
    statement: claim.statement,
    supporting: countOf(presentPassages(claim, 'supports')),
    contradicting: countOf(presentPassages(claim, 'contradicts')),
    passages: claim.passages.map((p): BriefingClaimPassage => {
      const h = highlightsById.get(p.highlightId)
      const article = articlesById.get(p.articleId)
      const reliability = article ? matcher.reliabilityOf(article)?.grade : undefined
      const credibility = h?.credibility as Credibility | undefined
      const outlet = article ? (matcher.outletOf(article)?.outlet.name ?? article.outlet) : null
      return {
        highlightId: p.highlightId,
        articleId: p.articleId,
        stance: p.stance,
        present: h !== undefined && article !== undefined,
        passageNumbers: printedAs.get(p.highlightId) ?? [],
        sourceNumber: sourceOf.get(p.articleId) ?? null,
        grade: gradeCode(reliability, credibility),
        citation: citationText({ outlet, title: article?.title ?? null, published: article?.published ?? null, reliability, credibility }),
      }
    }),
  })

  const sourcingWarnings: SourcingWarning[] = []
  const judge = (target: SourcingTarget, name: string, passages: readonly WeighedPassage[]) => {
    const thin = thinSourcing(inListOrder(passages), forCount)
    if (thin.singleSource) sourcingWarnings.push({ kind: 'single-source', target, message: singleSourceMessage(name, thin.count) })
    if (thin.weakSources) sourcingWarnings.push({ kind: 'weak-sources', target, message: `${name} rests only on ungraded or damaged sources: grade them, or add a sound one.` })
  }

  const texts = keyJudgmentItems(doc.keyJudgments)
  const lists = doc.judgmentClaims ?? []
  const judgments = texts.map((text, i) => {
    const claims: BriefingClaim[] = []
    for (const id of lists[i] ?? []) {
      const claim = claimsById.get(id)
      if (claim) claims.push(viewClaim(claim))
      else warnings.push({ kind: 'claim-missing', claimId: id, judgment: i + 1, message: `Key judgment ${i + 1} cites claim ${id}, which is no longer in the notebook; it was left out.` })
    }
    if (claims.length > 0) judge({ kind: 'judgment', judgment: i + 1 }, `Key judgment ${i + 1}`, uniquePassages(claims.flatMap((c) => presentPassages(claimsById.get(c.id)!, 'supports'))))
    return { number: i + 1, text, claims }
  })
  lists.forEach((ids, i) => {
    if (i >= texts.length && ids.length > 0) {
      warnings.push({ kind: 'claim-missing', claimId: ids[0]!, judgment: i + 1, message: `Key judgment ${i + 1} is no longer in the text; the ${plural(ids.length, 'claim')} it cited ${ids.length === 1 ? 'was' : 'were'} left out.` })
    }
  })

  for (const section of built.sections) {
    const passages = section.passages.flatMap((p) => {
      const h = highlightsById.get(p.highlightId)
      const article = articlesById.get(p.articleId)
      return h && article ? [weigh(h, article)] : []
    })
    const key = section.tag?.id ?? section.entity?.id ?? null
    judge({ kind: 'section', sectionNumber: section.number, key }, `§${section.number} ${sectionName(section)}`, passages)
  }

  return {
    judgments,
    warnings: sourcingWarnings,
    clusters: sourceClusters(built.sources, articlesById),
    damage: sourceDamage(built.sources, articlesById),
    claims: [...claimsById.values()].map((c) => {
      const count = countOf(presentPassages(c, 'supports'))
      return { id: c.id as ClaimId, statement: c.statement, passages: c.passages.length, independentSources: count.independentSources }
    }),
  }
}

function uniquePassages(passages: readonly WeighedPassage[]): WeighedPassage[] {
  const seen = new Set<HighlightId>()
  return passages.filter((p) => !seen.has(p.highlightId) && Boolean(seen.add(p.highlightId)))
}

function singleSourceMessage(name: string, count: IndependentCount): string {
  if (count.passages === 0) return `${name} rests on no passage: its claims have no supporting passage left.`
  const why = count.explanation.includes(': ') ? ` (${count.explanation.slice(count.explanation.indexOf(': ') + 2)})` : ''
  return `${name} rests on a single independent source${why}.`
}

/** An article's file name without its extension: how a claim names an article the briefing does not cite. */
function fileStem(article: Article): string {
  return article.source.fileName.replace(/\.[a-z0-9]{1,5}$/i, '').slice(0, 40) || article.id
}

/** Sources linked as rewrites or duplicates of one another, grouped: "[4] and [5] tell one report, 53% shared text". */
export function sourceClusters(sources: readonly BriefingSource[], articles: ReadonlyMap<ArticleId, Article>): SourceCluster[] {
  const numberOf = new Map(sources.map((s) => [s.articleId, s.number]))
  const parent = new Map<number, number>()
  const find = (n: number): number => {
    let root = n
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!
    return root
  }
  const shared = new Map<number, number>()
  for (const source of sources) {
    for (const link of articles.get(source.articleId)?.rewrites ?? []) {
      const other = numberOf.get(link.articleId)
      if (other === undefined || other === source.number) continue
      const [a, b] = [find(source.number), find(other)]
      const root = Math.min(a, b)
      parent.set(a, root)
      parent.set(b, root)
      shared.set(root, Math.max(shared.get(root) ?? 0, shared.get(a) ?? 0, shared.get(b) ?? 0, link.score))
    }
  }
  const groups = new Map<number, number[]>()
  for (const s of sources) groups.set(find(s.number), [...(groups.get(find(s.number)) ?? []), s.number])
  return [...groups.entries()]
    .filter(([, numbers]) => numbers.length > 1)
    .map(([root, numbers]) => {
      const score = shared.get(root) ?? 0
      const names = numbers.map((n) => `[${n}]`)
      const list = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
      return { sourceNumbers: numbers, shared: score, message: `${list} tell one report, ${Math.round(score * 100)}% shared text` }
    })
}

const DAMAGE_WORDS: Partial<Record<ArticleFlag['kind'], (n: number | undefined) => string>> = {
  'replacement-character': (n) => `${plural(n ?? 1, 'unreadable character')} in the text`,
  mojibake: (n) => `${plural(n ?? 1, 'garbled character')} (mojibake) in the text`,
  'short-extraction': () => 'little text was extracted: the article may be incomplete',
  'undecodable-bytes': (n) => `${plural(n ?? 1, 'undecodable byte')} in the original file`,
  'no-text-layer': () => 'the PDF has no text layer',
}

/** "[4]: 2 unreadable characters in the text": each cited article's damage flags, in words. */
export function sourceDamage(sources: readonly BriefingSource[], articles: ReadonlyMap<ArticleId, Article>): SourceDamage[] {
  return sources.flatMap((s) => {
    const notes = (articles.get(s.articleId)?.flags ?? []).filter((f) => DAMAGE_FLAGS.has(f.kind)).map((f) => DAMAGE_WORDS[f.kind]!(f.count))
    return notes.length > 0 ? [{ sourceNumber: s.number, notes }] : []
  })
}
