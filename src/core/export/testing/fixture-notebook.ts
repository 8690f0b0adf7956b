/**
 * A small notebook for the export tests, written by hand: Turkish letters, curly quotes,
 * dashes, an Arabic place name inside an English sentence, an emoji before a passage (so
 * UTF-16 and code-point offsets differ), Markdown and CSV metacharacters, an article
 * without URL and one without date. Highlights are made from the texts like the app makes
 * them (makeTextTarget), so every target matches its text.
 */
import type { ArticleId, HighlightId, TagId } from '../../ids'
import { emptyAnalysisFields, type Article, type Highlight, type Tag } from '../../model'
import { makeTextTarget } from '../../selectors'
import type { ClaimId, ClaimsFile, OutletId, OutletsFile } from '../../sourcing/schema'

export const TAGS: Tag[] = [
  { id: 't-ports' as TagId, name: 'Ports & shipping', color: '#0072B2', description: 'Port calls, shipping routes and who controls the harbours.' },
  { id: 't-talks' as TagId, name: 'Negotiations', color: '#009E73', description: 'Talks between Moscow and Damascus.' },
  { id: 't-people' as TagId, name: 'People', color: '#CC79A7', description: '' },
]
export const [PORTS, TALKS, PEOPLE] = TAGS.map((t) => t.id) as [TagId, TagId, TagId]

export const TEXTS: Record<string, string> = {
  'a-0000000001':
    'Tartus, 15 December. Satellite images show two vessels berthed at the port of طرطوس on 14 December, the operator’s third call this year… ' +
    'Officials said the berths would be “cleared” — perhaps by March — and that the *temporary* arrangement [sic] would end.\n\n' +
    'A second paragraph: =HYPERLINK("x") is what a hostile page might contain, and 3 < 4 > 2 & so on.',
  'a-0000000002':
    '🚢 Ankara, 3 January. Mehmet Sohtaoğlu told reporters that the “temporary” arrangement — agreed in March — would ‘remain in place’ until further notice. ' +
    'Sohtaoğlu, 54, has led the port authority since 2019; he was born in İzmir.',
  'a-0000000003':
    'Notes from the harbour. The harbour authority (مرفأ طرطوس) published its tariff only in Arabic. ' +
    'Freight rates rose for a third month, brokers said; waits at anchor, not demand, explain it.',
}

const article = (id: string, title: string, outlet: string | null, published: string | null, url: string | null, hashChar: string): Article => ({
  id: id as ArticleId,
  title,
  outlet,
  author: id === 'a-0000000001' ? 'Jane Roe' : null,
  published,
  url,
  metaSources: {},
  bodyHash: hashChar.repeat(64),
  wordCount: TEXTS[id]!.split(/\s+/).length,
  charCount: TEXTS[id]!.length,
  importedAt: '2025-03-01T09:00:00.000Z',
  ...emptyAnalysisFields(),
  source: { fileName: `${id}.txt`, format: 'txt', originalFile: `originals/${hashChar.repeat(64)}.txt`, originalHash: hashChar.repeat(64) },
})

export const ARTICLES: Article[] = [
  article('a-0000000001', 'Russia withdraws naval assets | ports *update*', 'bne IntelliNews', '2024-12-15', 'https://example.org/news/russia-withdraws', '1'),
  article('a-0000000002', '“Temporary” corridor will stay, Sohtaoğlu says', 'Anadolu Agency', '2025-01-03T10:00:00+03:00', null, '2'),
  article('a-0000000003', 'Notes from the harbour at طرطوس', null, null, null, '3'),
]

let counter = 0
function highlight(articleId: string, quote: string, tagIds: TagId[], comment = '', occurrence = 0): Highlight {
  const text = TEXTS[articleId]!
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start === -1) throw new Error(`fixture quote not in ${articleId}: ${quote}`)
  counter++
  return {
    id: `h-${String(counter).padStart(10, '0')}` as HighlightId,
    articleId: articleId as ArticleId,
    target: makeTextTarget(text, start, start + quote.length),
    tagIds,
    comment,
    createdAt: `2025-03-0${counter % 9 || 1}T10:00:00.000Z`,
    updatedAt: `2025-03-0${counter % 9 || 1}T11:30:00.000Z`,
  }
}

export const HIGHLIGHTS: Highlight[] = [
  highlight('a-0000000001', 'Satellite images show two vessels berthed at the port of طرطوس on 14 December, the operator’s third call this year…', [PORTS], 'Cross-check with the AIS data.\nSecond line of the comment.'),
  highlight('a-0000000001', 'Officials said the berths would be “cleared” — perhaps by March — and that the *temporary* arrangement [sic] would end.', [PORTS, TALKS], ''),
  highlight('a-0000000001', '=HYPERLINK("x") is what a hostile page might contain, and 3 < 4 > 2 & so on.', [PORTS], '@mention, "quoted", and a comma'),
  highlight('a-0000000002', 'Mehmet Sohtaoğlu told reporters that the “temporary” arrangement — agreed in March — would ‘remain in place’ until further notice.', [TALKS, PEOPLE], 'Contradicts the ministry’s statement… check the Turkish original.'),
  highlight('a-0000000002', 'Sohtaoğlu, 54, has led the port authority since 2019; he was born in İzmir.', [PEOPLE], ''),
  highlight('a-0000000003', 'The harbour authority (مرفأ طرطوس) published its tariff only in Arabic.', [PORTS], 'Ask for a translation — the fees matter.'),
  highlight('a-0000000003', 'Freight rates rose for a third month, brokers said; waits at anchor, not demand, explain it.', [], 'Untagged passage.'),
]

export const NOTEBOOK = { articles: ARTICLES, tags: TAGS, highlights: HIGHLIGHTS }

export const textOf = (id: ArticleId): string | undefined => TEXTS[id]

/**
 * The notebook with sourcing (issue 14): bne IntelliNews graded B, the first highlight
 * credibility 2 and a confirmed attribution to Reuters, the second credibility 3.
 */
export function gradedNotebook(): typeof NOTEBOOK & { outlets: OutletsFile } {
  return {
    ...NOTEBOOK,
    outlets: {
      version: 1,
      outlets: [{ id: 'o-bne0000001' as OutletId, name: 'bne IntelliNews', aliases: [], reliability: { grade: 'B', why: 'Regional wire' } }],
      articles: [],
    },
    highlights: HIGHLIGHTS.map((h, i) =>
      i === 0 ? { ...h, credibility: 2, attribution: { kind: 'secondary' as const, source: 'Reuters', phrase: 'Reuters reports', confirmed: true } } : i === 1 ? { ...h, credibility: 3 } : h,
    ),
  }
}

/** The graded notebook with one claim: the first highlight supports it, the second contradicts it. */
export function claimedNotebook(): ReturnType<typeof gradedNotebook> & { claims: ClaimsFile } {
  const data = gradedNotebook()
  const at = '2026-11-21T13:57:00.000Z'
  const passage = (h: Highlight, stance: 'supports' | 'contradicts') => ({ highlightId: h.id, articleId: h.articleId, stance, addedAt: at })
  return {
    ...data,
    claims: {
      version: 1,
      claims: [{ id: 'c-ships0001' as ClaimId, statement: 'Russian ships loaded equipment at Tartus', passages: [passage(HIGHLIGHTS[0]!, 'supports'), passage(HIGHLIGHTS[1]!, 'contradicts')], createdAt: at, updatedAt: at }],
    },
  }
}
