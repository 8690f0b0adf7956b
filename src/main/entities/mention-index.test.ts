import { describe, expect, it } from 'vitest'
import { buildMatcher, makeEntityId, type Entity } from '../../core/entities'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { prepareHighlight } from '../../core/search/doc-store'
import { highlightInput } from '../../core/search/doc-store'
import { findsAnything } from './mention-index'

const entity = (n: number, name: string, aliases: string[] = []): Entity => ({ id: makeEntityId(n.toString(16).padStart(16, '0')), name, type: 'place', aliases: aliases.map((text) => ({ text })) })

describe('what the main thread skips while a worker builds the indexes', () => {
  it('findsAnything tells, without building the matcher, whether the matcher would find anything', () => {
    const cases: Entity[][] = [
      [],
      [entity(1, 'Tartus')],
      [entity(1, '—'), entity(2, '...', ['-', '«»'])],
      [entity(1, '—', ['Khmeimim'])],
      [entity(1, '?!'), entity(2, 'طرطوس')],
      [entity(1, 'al-'), entity(2, '·')],
    ]
    for (const entities of cases) expect(findsAnything(entities), JSON.stringify(entities.map((e) => e.name))).toBe(buildMatcher(entities).size > 0)
    // Both kinds occur among the cases: the comparison above means something.
    expect(new Set(cases.map((c) => findsAnything(c)))).toEqual(new Set([true, false]))
  })

  it('a highlight as handed to the index worker (highlightInput) is indexed exactly as the whole highlight', () => {
    const whole: Highlight = {
      id: 'h-0000000001' as HighlightId,
      articleId: 'a-0000000001' as ArticleId,
      target: { exact: 'the naval base in Tartus', start: 10, end: 34, prefix: 'Near ', suffix: ' ships' } as Highlight['target'],
      tagIds: ['t-bases' as TagId, 't-convoys' as TagId],
      comment: 'Key claim',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      credibility: 2,
    } as Highlight
    const slim = highlightInput(whole)
    expect(Object.keys(slim).sort()).toEqual(['articleId', 'comment', 'id', 'tagIds', 'target'])
    expect(prepareHighlight(slim)).toEqual(prepareHighlight(whole))
  })
})
