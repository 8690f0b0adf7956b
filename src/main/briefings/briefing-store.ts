/**
 * Stored briefing documents: one file per briefing, `<notebook>/briefings/<id>.json`.
 *
 * - Every read is validated (parseBriefingDocument). A file that cannot be read or fails
 *   the schema is never written over: the list skips it (and logs why), opening it says
 *   it is damaged, and saving to its id is refused, so the analyst's work in it can still
 *   be recovered by hand or from a backup.
 * - Writes are durable (temp file, fsync, rename, directory fsync: writeFileDurably, as the
 *   notebook store writes) and run one at a time per notebook folder.
 * - A read-only notebook refuses every change with the store's own read-only error.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
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
import { DossierError, isDossierError } from '../../core/result'
import { syncDirectory, writeFileDurably } from '../storage/durable-write'
import { assertWritable } from '../storage/read-only'
import type { NotebookStore } from '../storage/notebook-store'

export const BRIEFINGS_DIR = 'briefings'

/** What the storage functions need from the session. */
export interface BriefingStoreContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
}

type Loaded = { ok: true; doc: BriefingDocument } | { ok: false; reason: string } | { ok: false; missing: true }

/** Writes per notebook folder, one at a time. */
const queues = new Map<string, Promise<unknown>>()

function serialised<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(dir) ?? Promise.resolve()).then(work)
  queues.set(
    dir,
    run.catch(() => undefined),
  )
  return run
}

function folderOf(ctx: Pick<BriefingStoreContext, 'store'>): string {
  return join(ctx.store.dir, BRIEFINGS_DIR)
}

function fileOf(ctx: Pick<BriefingStoreContext, 'store'>, id: BriefingId): string {
  return join(folderOf(ctx), `${id}.json`)
}

/** The id as a safe file name; anything else (a path, say) is a bad request. */
function checkId(id: string): BriefingId {
  const parsed = BriefingIdSchema.safeParse(id)
  if (!parsed.success) throw new DossierError('bad-request', `"${id}" is not a briefing id (b-…).`)
  return parsed.data
}

async function load(file: string, id: BriefingId): Promise<Loaded> {
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, missing: true }
    return { ok: false, reason: `cannot be read (${(error as Error).message})` }
  }
  if (raw.trim() === '') return { ok: false, reason: 'is empty' }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (error) {
    return { ok: false, reason: `is not valid JSON (${(error as Error).message})` }
  }
  try {
    const doc = parseBriefingDocument(json)
    if (doc.id !== id) return { ok: false, reason: `holds briefing ${doc.id}, not ${id}` }
    return { ok: true, doc }
  } catch (error) {
    if (isDossierError(error)) return { ok: false, reason: error.message }
    throw error
  }
}

function damaged(id: BriefingId, reason: string): DossierError {
  return new DossierError(
    'notebook-unreadable',
    `The stored briefing ${BRIEFINGS_DIR}/${id}.json is damaged (${reason.replace(/\.$/, '')}); it was left as it is. Restore it from a backup, or move it out of the folder.`,
  )
}

export async function listBriefings(ctx: Pick<BriefingStoreContext, 'store'>): Promise<BriefingSummary[]> {
  const names = await readdir(folderOf(ctx)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw new DossierError('notebook-unreadable', `Cannot list the stored briefings (${error.message}).`)
  })
  const summaries: BriefingSummary[] = []
  for (const name of names) {
    const m = /^(b-[0-9a-z]{4,32})\.json$/.exec(name)
    if (!m) continue
    const id = m[1] as BriefingId
    const loaded = await load(join(folderOf(ctx), name), id)
    if (loaded.ok) {
      const { doc } = loaded
      summaries.push({ id: doc.id, title: doc.title, date: doc.date, updatedAt: doc.updatedAt, sectionCount: doc.sections.length })
    } else if ('reason' in loaded) {
      // Skipped, never rewritten: the file stays for the analyst (or a backup) to recover.
      console.warn(`Skipping a damaged briefing: ${damaged(id, loaded.reason).message}`)
    }
  }
  return summaries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)))
}

export async function getBriefing(ctx: Pick<BriefingStoreContext, 'store'>, rawId: BriefingId): Promise<BriefingDocument> {
  const id = checkId(rawId)
  const loaded = await load(fileOf(ctx, id), id)
  if (loaded.ok) return loaded.doc
  if ('reason' in loaded) throw damaged(id, loaded.reason)
  throw new DossierError('not-found', `There is no briefing with id ${id} in this notebook.`)
}

export async function createBriefing(ctx: BriefingStoreContext, title: string | undefined): Promise<BriefingDocument> {
  assertWritable(ctx.store)
  return serialised(ctx.store.dir, async () => {
    let id: BriefingId
    do {
      id = makeBriefingId(ctx.randomHex())
    } while (!('missing' in (await load(fileOf(ctx, id), id))))
    // Every tag, and the passages without one: a new briefing holds every passage until the analyst chooses.
    const doc = createBriefingDocument({ id, now: ctx.now(), tags: ctx.store.tags, title, untagged: true })
    await write(ctx, doc)
    return doc
  })
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
  assertWritable(ctx.store)
  const { store } = ctx
  return serialised(store.dir, async () => {
    const current = await load(fileOf(ctx, document.id), document.id)
    if (!current.ok && 'reason' in current) throw damaged(document.id, current.reason)
    const stored = touchBriefingDocument(document, ctx.now())
    await write(ctx, stored)
    return stored
  })
}

export async function deleteBriefing(ctx: BriefingStoreContext, rawId: BriefingId): Promise<void> {
  const id = checkId(rawId)
  assertWritable(ctx.store)
  await serialised(ctx.store.dir, async () => {
    const file = fileOf(ctx, id)
    try {
      await rm(file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DossierError('not-found', `There is no briefing with id ${id} in this notebook.`)
      throw new DossierError('write-failed', `Could not delete the briefing ${id} (${(error as Error).message}); it is still there.`)
    }
    await syncDirectory(folderOf(ctx)).catch(() => undefined)
  })
}

async function write(ctx: BriefingStoreContext, doc: BriefingDocument): Promise<void> {
  try {
    await mkdir(folderOf(ctx), { recursive: true })
    await writeFileDurably(fileOf(ctx, doc.id), `${JSON.stringify(doc, null, 1)}\n`)
  } catch (error) {
    throw new DossierError('write-failed', `Could not save the briefing "${doc.title}" (${(error as Error).message}); nothing was changed.`)
  }
}
