/**
 * Stored briefing documents: one file per briefing, `<notebook>/briefings/<id>.json`.
 *
 * The rules (validated reads, damaged files never written over, durable writes one at a
 * time, read-only notebooks refused) are those of every document folder:
 * ../storage/document-folder.ts.
 */
import type { BriefingSummary } from '../../core/api'
import {
  BriefingIdSchema,
  createBriefingDocument,
  makeBriefingId,
  parseBriefingDocument,
  touchBriefingDocument,
  type BriefingDocument,
  type BriefingId,
} from '../../core/briefing-document'
import { DocumentFolder } from '../storage/document-folder'
import type { NotebookStore } from '../storage/notebook-store'

export const BRIEFINGS_DIR = 'briefings'

/** What the storage functions need from the session. */
export interface BriefingStoreContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
}

function folderOf(ctx: Pick<BriefingStoreContext, 'store'>): DocumentFolder<BriefingId, BriefingDocument> {
  return new DocumentFolder(ctx.store, {
    folder: BRIEFINGS_DIR,
    noun: 'briefing',
    idHint: 'b-…',
    fileName: /^(b-[0-9a-z]{4,32})\.json$/,
    parseId: (value) => BriefingIdSchema.parse(value),
    parse: parseBriefingDocument,
    describe: (doc) => `the briefing "${doc.title}"`,
  })
}

export async function listBriefings(ctx: Pick<BriefingStoreContext, 'store'>): Promise<BriefingSummary[]> {
  const summaries: BriefingSummary[] = (await folderOf(ctx).list()).map((doc) => ({
    id: doc.id,
    title: doc.title,
    date: doc.date,
    updatedAt: doc.updatedAt,
    sectionCount: doc.sections.length,
  }))
  return summaries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)))
}

export async function getBriefing(ctx: Pick<BriefingStoreContext, 'store'>, id: BriefingId): Promise<BriefingDocument> {
  return folderOf(ctx).get(id)
}

export async function createBriefing(ctx: BriefingStoreContext, title: string | undefined): Promise<BriefingDocument> {
  // Every tag, and the passages without one: a new briefing holds every passage until the analyst chooses.
  return folderOf(ctx).create(
    () => makeBriefingId(ctx.randomHex()),
    (id) => createBriefingDocument({ id, now: ctx.now(), tags: ctx.store.tags, title, untagged: true }),
  )
}

/**
 * Validates, stamps `updatedAt` and stores the document as given. An unknown id is created
 * (undo of a delete saves the deleted document back).
 *
 * References to tags, highlights and articles that no longer exist are kept, never pruned:
 * the tag or article may come back (undo of its delete), and then its section, note, order
 * and exclusions must come back with it. Laying out (buildBriefing) ignores them, with a warning.
 */
export async function saveBriefing(ctx: BriefingStoreContext, value: BriefingDocument): Promise<BriefingDocument> {
  const document = parseBriefingDocument(value)
  return folderOf(ctx).save(document, (doc) => touchBriefingDocument(doc, ctx.now()))
}

export async function deleteBriefing(ctx: BriefingStoreContext, id: BriefingId): Promise<void> {
  return folderOf(ctx).delete(id)
}
