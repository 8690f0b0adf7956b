/**
 * Which passages (highlights) mention which entities: a passage mentions an entity when its
 * text overlaps one of the entity's mentions in the article (offsets from the mention index,
 * src/main/entities/mention-index.ts). Overlap, not containment: a passage cut inside a name
 * still names it. Pure: the mentions come from whoever holds the index.
 */
import type { ArticleId, HighlightId } from '../ids'
import type { Highlight } from '../model'
import type { Mention } from './matcher'
import type { EntityId } from './schema'

type Span = Pick<Highlight['target'], 'start' | 'end'>

function overlaps(m: Pick<Mention, 'start' | 'end'>, t: Span): boolean {
  return m.start < t.end && m.end > t.start
}

/** The highlights of one article whose text overlaps one of `mentions`. */
export function passagesMentioning(highlights: readonly Highlight[], mentions: readonly Mention[]): HighlightId[] {
  return highlights.filter((h) => mentions.some((m) => overlaps(m, h.target))).map((h) => h.id)
}

/**
 * For every highlight that mentions an entity: the entities it mentions, in the order of
 * their first mention in it. `mentionsIn` gives an article's mentions in text order.
 */
export function entitiesOfPassages(
  highlights: readonly Highlight[],
  mentionsIn: (articleId: ArticleId) => readonly Mention[],
): Map<HighlightId, EntityId[]> {
  const out = new Map<HighlightId, EntityId[]>()
  for (const h of highlights) {
    const mentions = mentionsIn(h.articleId)
    if (mentions.length === 0) continue
    const found = new Set<EntityId>()
    // Mentions are in text order: skip those ending before the passage, stop after it.
    for (const m of mentions) {
      if (m.start >= h.target.end) break
      if (overlaps(m, h.target)) found.add(m.entityId)
    }
    if (found.size > 0) out.set(h.id, [...found])
  }
  return out
}
