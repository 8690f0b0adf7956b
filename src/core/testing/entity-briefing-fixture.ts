/**
 * A small notebook for briefing tests with entities (decision 49): three articles, one in
 * Arabic, whose passages name a port and a base in Latin and Arabic spellings, and the
 * entity data main would hand the layout (mentions found by the real matcher over the
 * articles' texts, passages by `entitiesOfPassages`). Texts written for these tests.
 */
import type { BriefingEntityData, NotebookData } from '../briefing-types'
import { buildMatcher, entitiesOfPassages, type Entity, type EntityId, type Mention } from '../entities'
import type { ArticleId, HighlightId, TagId } from '../ids'
import { DEFAULT_TAGS, type Article, type Highlight } from '../model'
import { testArticle } from './test-article'

export const TARTUS = 'e-tartus' as EntityId
export const KHMEIMIM = 'e-khmeimim' as EntityId
export const HTS = 'e-hts' as EntityId
export const [BASES, CONVOYS, TALKS] = DEFAULT_TAGS.map((t) => t.id) as [TagId, TagId, TagId]

export const ENTITIES: Entity[] = [
  { id: TARTUS, name: 'Tartus', type: 'place', kind: 'port', aliases: [{ text: 'Tartous' }, { text: 'طرطوس', script: 'Arab' }] },
  { id: KHMEIMIM, name: 'Khmeimim', type: 'place', kind: 'base', aliases: [{ text: 'Hmeimim' }, { text: 'حميميم', script: 'Arab' }] },
  { id: HTS, name: 'Hayat Tahrir al-Sham', type: 'organisation', aliases: [{ text: 'HTS' }] },
]

export const TEXTS: Record<string, string> = {
  'a-one': 'Russian ships left Tartous on Monday. Officials at the port declined to comment. The Hmeimim air base stayed quiet.',
  'a-two': 'غادرت السفن الروسية ميناء طرطوس صباح الاثنين. وقالت مصادر إن قاعدة حميميم ما زالت تعمل.',
  'a-three': 'HTS fighters entered the city at dawn. A Tartusian fisherman said nothing had changed.',
}

export const ARTICLES: Article[] = [
  testArticle('a-one', { title: 'Ships leave the port', outlet: 'Wire A', published: '2024-12-10', language: 'en' }),
  testArticle('a-two', { title: 'السفن تغادر', outlet: 'Wire B', published: '2024-12-12', language: 'ar' }),
  testArticle('a-three', { title: 'Fighters in the city', outlet: 'Wire C', published: '2024-12-14', language: 'en' }),
]

function passage(id: string, articleId: string, exact: string, tagIds: TagId[], comment = ''): Highlight {
  const start = TEXTS[articleId]!.indexOf(exact)
  if (start < 0) throw new Error(`fixture: “${exact}” is not in ${articleId}`)
  return {
    id: id as HighlightId,
    articleId: articleId as ArticleId,
    target: { start, end: start + exact.length, exact, prefix: '', suffix: '' },
    tagIds,
    comment,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
  }
}

export const HIGHLIGHTS: Highlight[] = [
  passage('h-ships', 'a-one', 'Russian ships left Tartous on Monday.', [CONVOYS]),
  passage('h-quiet', 'a-one', 'The Hmeimim air base stayed quiet.', [BASES]),
  passage('h-port', 'a-one', 'Officials at the port declined to comment.', [BASES]),
  passage('h-arabic', 'a-two', 'غادرت السفن الروسية ميناء طرطوس صباح الاثنين.', [CONVOYS]),
  passage('h-base-ar', 'a-two', 'وقالت مصادر إن قاعدة حميميم ما زالت تعمل.', [], 'Untagged, with a comment.'),
  passage('h-hts', 'a-three', 'HTS fighters entered the city at dawn.', [TALKS]),
  passage('h-fisher', 'a-three', 'A Tartusian fisherman said nothing had changed.', [BASES]),
]

/** Each article's mentions, as the mention index holds them. */
export function fixtureMentions(entities: readonly Entity[] = ENTITIES): Map<ArticleId, Mention[]> {
  const matcher = buildMatcher(entities)
  return new Map(Object.entries(TEXTS).map(([id, text]) => [id as ArticleId, matcher.findMentions(text)]))
}

export function fixtureEntityData(entities: readonly Entity[] = ENTITIES): BriefingEntityData {
  const mentions = fixtureMentions(entities)
  return { entities, byHighlight: entitiesOfPassages(HIGHLIGHTS, (id) => mentions.get(id) ?? []) }
}

export function fixtureData(entities: readonly Entity[] = ENTITIES): NotebookData {
  return { articles: ARTICLES, tags: DEFAULT_TAGS, highlights: HIGHLIGHTS, entities: fixtureEntityData(entities) }
}
