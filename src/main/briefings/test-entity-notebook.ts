/**
 * A real notebook holding the entity briefing fixture (src/core/testing/entity-briefing-
 * fixture.ts): its texts imported as .txt files, its entities added, its passages
 * highlighted by quoting with the fixture's tags. Not shipped code: only tests use it.
 */
import { DEFAULT_TAGS } from '../../core/model'
import type { ArticleId } from '../../core/ids'
import type { EntityId } from '../../core/entities'
import { ENTITIES, HIGHLIGHTS, TEXTS } from '../../core/testing/entity-briefing-fixture'
import { NotebookSession } from '../notebook-session'
import { FONTS_DIR } from './test-notebook'

export interface EntityTestNotebook {
  session: NotebookSession
  /** Fixture article id -> the id the import gave it. */
  articles: Map<string, ArticleId>
  /** Fixture entity id -> the id the notebook gave it. */
  entities: Map<EntityId, EntityId>
}

let clock = 0
const now = () => new Date(Date.UTC(2026, 11, 6, 12, 0, clock++)).toISOString()

export async function openEntityTestNotebook(dir: string): Promise<EntityTestNotebook> {
  const session = await NotebookSession.open(dir, { fontsDir: FONTS_DIR, now, app: 'test' })
  const report = await session.importContents(Object.entries(TEXTS).map(([id, text]) => ({ name: `${id}.txt`, bytes: new TextEncoder().encode(text) })))
  const articles = new Map<string, ArticleId>()
  for (const item of report.items) {
    if (!item.articleId) throw new Error(`fixture import failed: ${item.source} ${item.status}`)
    articles.set(item.source.replace(/\.txt$/, ''), item.articleId)
  }
  const entities = new Map<EntityId, EntityId>()
  for (const { id, ...entity } of ENTITIES) entities.set(id, (await session.entities.add(entity)).value.id)
  for (const h of HIGHLIGHTS) {
    const tagNames = h.tagIds.map((id) => DEFAULT_TAGS.find((t) => t.id === id)!.name)
    await session.highlightQuote({ articleId: articles.get(h.articleId)!, quote: h.target.exact, tagNames, comment: h.comment })
  }
  return { session, articles, entities }
}
