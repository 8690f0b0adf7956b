/**
 * What a briefing is built from: the notebook's articles, tags, highlights, outlets
 * (their grades, notes/sourcing.md) and claims (key judgments cite them), and, when
 * the briefing has entity sections or an index of entities, the entities with the
 * passages that mention them (decision 49). The mentions come from the notebook's mention
 * index (src/main/entities/mention-index.ts), which this waits for; the core layout only
 * reads them.
 */
import type { BriefingDocument } from '../../core/briefing-document'
import type { BriefingAchChoice, BriefingEntityData, NotebookData, SimpleBriefingRequest } from '../../core/briefing-types'
import { entitiesOfPassages } from '../../core/entities'
import type { Highlight } from '../../core/model'
import { CLAIMS_DOC, OUTLETS_DOC } from '../storage/file-formats'
import { AchSession } from '../ach/ach-session'
import type { BriefingContext } from './briefing-context'

/** Whether building `source` reads entities: a stored briefing with an entity section or the index. */
export function needsEntities(source: BriefingDocument | SimpleBriefingRequest): boolean {
  if (!('selection' in source) || !('sections' in source)) return false
  return source.entityIndex === true || source.sections.some((s) => s.entityId !== undefined)
}

/** The data to build `source` from, given the notebook's highlights. */
export async function briefingData(ctx: Pick<BriefingContext, 'store' | 'entities'>, source: BriefingDocument | SimpleBriefingRequest, highlights: readonly Highlight[]): Promise<NotebookData> {
  const { store } = ctx
  const data: NotebookData = { articles: store.articles, tags: store.tags, highlights, outlets: await store.optionalFile(OUTLETS_DOC), claims: await store.optionalFile(CLAIMS_DOC) }
  if (ctx.entities === undefined || !needsEntities(source)) return data
  return { ...data, entities: await entityData(ctx.entities, highlights) }
}

async function entityData(entities: NonNullable<BriefingContext['entities']>, highlights: readonly Highlight[]): Promise<BriefingEntityData> {
  const index = entities.mentionIndex()
  await index.whenReady()
  const file = await entities.file()
  return { entities: file.entities, byHighlight: entitiesOfPassages(highlights, (id) => index.mentionsIn(id)) }
}

/** The notebook's ACH matrices the composer offers to add (its preview carries them; h-achapp's API is for the Analysis view). */
export async function achChoices(ctx: Pick<BriefingContext, 'store'>): Promise<BriefingAchChoice[]> {
  return (await new AchSession(ctx.store).list()).map((m) => ({ id: m.id, question: m.question, hypothesisCount: m.hypothesisCount, evidenceCount: m.evidenceCount }))
}
