/**
 * Importing a W3C Web Annotation file (JSON-LD: a collection, a page, or annotations) into
 * the open notebook: the core plans it (src/core/export/w3c: each annotation matched to an
 * article by URL, body hash or its quotes, its quote checked against the stored text), and
 * this module decides what to create and writes it.
 *
 * - An annotation already in the notebook (same article, same range, same tags by name,
 *   same comment) is skipped, so importing a file twice adds nothing the second time.
 * - Limits, each refused whole with one line before anything is written: the file size
 *   (100 MB), the annotations in it (MAX_ANNOTATIONS_PER_FILE), the new tags it would
 *   create (MAX_NEW_TAGS_PER_FILE). More than NEW_TAGS_WITHOUT_ASKING new tags need
 *   `confirmNewTags` to agree: the app asks the user, the CLI wants `--create-tags`.
 * - Order of writes: the tags the file names that the notebook lacks are created first, in
 *   one manifest write; then each article's new highlights in one write of its annotation
 *   file (8 files at a time). A write failure stops the import and says what was already
 *   done (importing the same file again then completes it, because what is there is skipped).
 *
 * Linear in the file: existing highlights, tags and ids are put in Maps and Sets once.
 */
import { readFile, stat } from 'node:fs/promises'
import type { AnnotationImportReport, Canceled } from '../../core/api'
import { articlesReferenced, parseW3cAnnotations, planW3cImport, type W3cHighlightDraft } from '../../core/export/w3c'
import { makeHighlightId, makeTagId, type ArticleId, type TagId } from '../../core/ids'
import type { Highlight, Tag } from '../../core/model'
import { DossierError, isDossierError } from '../../core/result'
import type { NotebookStore } from '../storage/notebook-store'
import { assertWritable } from '../storage/read-only'
import { nextPaletteColor, normaliseTagName } from '../tags/tag-fields'

export interface AnnotationImportContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
}

export interface AnnotationImportOptions {
  /**
   * Asked, with every new tag's name, when the import would create more than
   * NEW_TAGS_WITHOUT_ASKING tags; true goes on, false cancels (nothing is written). It may
   * throw to refuse with its own message. Without it, such an import is refused.
   */
  confirmNewTags?: (names: readonly string[]) => Promise<boolean> | boolean
}

/** A file larger than this is not an annotation export anyone made by hand or with Dossier. */
const MAX_FILE_BYTES = 100 * 1024 * 1024
const MAX_COMMENT = 20_000
/** Articles' annotation files written at once. */
const WRITES_IN_FLIGHT = 8
/** New tags one import may create without asking (more is likely a file from another codebook). */
export const NEW_TAGS_WITHOUT_ASKING = 5
/** New tags one import may create at all: a codebook, not a word list. */
export const MAX_NEW_TAGS_PER_FILE = 200

/** What importing a file would do, decided before anything is written. */
interface ImportPlan {
  toCreate: (W3cHighlightDraft & { names: string[] })[]
  /** The tag names to create, normalised, first spelling kept. */
  newTagNames: string[]
  skipped: number
  problems: AnnotationImportReport['problems']
}

export async function importAnnotations(ctx: AnnotationImportContext, filePath: string, options: AnnotationImportOptions = {}): Promise<AnnotationImportReport | Canceled> {
  assertWritable(ctx.store)
  const plan = await planImport(ctx.store, filePath)
  const count = plan.newTagNames.length
  if (count > MAX_NEW_TAGS_PER_FILE) {
    throw new DossierError(
      'too-large',
      `${filePath} would create ${count} new tags (${namesList(plan.newTagNames)}); one import may create at most ${MAX_NEW_TAGS_PER_FILE}, so nothing was imported.`,
    )
  }
  if (count > NEW_TAGS_WITHOUT_ASKING) {
    if (!options.confirmNewTags) {
      throw new DossierError('needs-confirmation', `${filePath} would create ${count} new tags (${namesList(plan.newTagNames)}); nothing was imported without confirming that.`)
    }
    if (!(await options.confirmNewTags(plan.newTagNames))) return { canceled: true }
  }
  return writePlan(ctx, plan)
}

/** `A, B, C, D, E and 7 more`: the first names of a list of new tags. */
export function namesList(names: readonly string[], shown = NEW_TAGS_WITHOUT_ASKING): string {
  const first = names.slice(0, shown).join(', ')
  return names.length > shown ? `${first} and ${names.length - shown} more` : first
}

async function planImport(store: NotebookStore, filePath: string): Promise<ImportPlan> {
  const parsed = parseW3cAnnotations(await readJsonFile(filePath))
  const highlights = await store.allHighlights()
  const texts = new Map<ArticleId, string>()
  for (const id of articlesReferenced(parsed, store.articles)) {
    const article = store.article(id)
    const text = article && (await store.readBody(article.bodyHash).catch(() => undefined))
    if (text !== undefined) texts.set(id, text)
  }
  const plan = planW3cImport(parsed, { articles: store.articles, tags: store.tags, highlights, textOf: (id) => texts.get(id) })
  // A file names a few tags thousands of times: normalise each spelling once.
  const normalisedNames = new Map<string, string | DossierError>()
  const normalised = (raw: string): string => {
    let name = normalisedNames.get(raw)
    if (name === undefined) {
      try {
        name = normaliseTagName(raw)
      } catch (error) {
        if (!isDossierError(error)) throw error
        name = error
      }
      normalisedNames.set(raw, name)
    }
    if (typeof name !== 'string') throw name
    return name
  }
  const problems = plan.problems.map((p) => ({ annotation: p.annotationId ?? `#${p.index + 1}`, message: p.message }))

  // Decide what to create: normalised tag names, comments within limits, no duplicates.
  const existing = new Map<string, Set<string>>()
  const keyOf = (articleId: string, start: number, end: number) => `${articleId}:${start}:${end}`
  const signature = (tagNames: readonly string[], comment: string) => `${[...new Set(tagNames.map(fold))].sort().join('\u0000')}\u0001${comment.trim()}`
  const tagName = new Map(store.tags.map((t) => [t.id, t.name]))
  for (const h of highlights) {
    const key = keyOf(h.articleId, h.target.start, h.target.end)
    if (!existing.has(key)) existing.set(key, new Set())
    existing.get(key)!.add(signature(h.tagIds.flatMap((id) => tagName.get(id) ?? []), h.comment))
  }
  const knownTags = new Set(store.tags.map((t) => fold(t.name)))
  const newTags = new Map<string, string>() // folded -> first spelling
  const toCreate: ImportPlan['toCreate'] = []
  let skipped = 0
  for (const draft of plan.drafts) {
    const label = draft.annotationId ?? `${draft.articleId} ${draft.start}-${draft.end}`
    let names: string[]
    try {
      names = draft.tagNames.map(normalised)
    } catch (error) {
      if (!isDossierError(error)) throw error
      problems.push({ annotation: label, message: `Annotation ${label}: ${error.message}` })
      continue
    }
    if (draft.comment.trim().length > MAX_COMMENT) {
      problems.push({ annotation: label, message: `Annotation ${label}: its comment is longer than ${MAX_COMMENT} characters.` })
      continue
    }
    const key = keyOf(draft.articleId, draft.start, draft.end)
    const sig = signature(names, draft.comment)
    if (existing.get(key)?.has(sig)) {
      skipped++
      continue
    }
    if (!existing.has(key)) existing.set(key, new Set())
    existing.get(key)!.add(sig)
    toCreate.push({ ...draft, names })
    for (const name of names) if (!knownTags.has(fold(name)) && !newTags.has(fold(name))) newTags.set(fold(name), name)
  }
  return { toCreate, newTagNames: [...newTags.values()], skipped, problems }
}

async function writePlan(ctx: AnnotationImportContext, plan: ImportPlan): Promise<AnnotationImportReport> {
  const { store } = ctx
  const { toCreate, skipped, problems } = plan
  // 1. Tags, in one manifest write. Read the codebook again: the user may have added a tag
  // while the confirmation was open.
  const tagIds = new Map(store.tags.map((t) => [fold(t.name), t.id]))
  const takenTagIds = new Set<string>(store.tags.map((t) => t.id))
  const codebook: Tag[] = [...store.tags]
  const newTags: Tag[] = []
  for (const name of plan.newTagNames) {
    if (tagIds.has(fold(name))) continue
    let id: TagId
    do id = makeTagId(ctx.randomHex())
    while (takenTagIds.has(id))
    takenTagIds.add(id)
    const tag: Tag = { id, name, color: nextPaletteColor(codebook), description: '' }
    codebook.push(tag)
    newTags.push(tag)
    tagIds.set(fold(name), id)
  }
  if (newTags.length > 0) {
    await store.updateManifest((manifest) => {
      manifest.tags.push(...newTags)
    })
  }

  // 2. Highlights, one write per article.
  const now = ctx.now()
  const taken = new Set<string>((await store.allHighlights()).map((h) => h.id))
  const byArticle = new Map<ArticleId, Highlight[]>()
  for (const draft of toCreate) {
    let id = makeHighlightId(ctx.randomHex())
    while (taken.has(id)) id = makeHighlightId(ctx.randomHex())
    taken.add(id)
    const highlight: Highlight = {
      id,
      articleId: draft.articleId,
      target: { start: draft.start, end: draft.end, exact: draft.exact, prefix: draft.prefix, suffix: draft.suffix },
      tagIds: [...new Set(draft.names.map((n) => tagIds.get(fold(n))!))],
      comment: draft.comment.trim(),
      createdAt: timestamp(draft.created) ?? now,
      updatedAt: timestamp(draft.modified) ?? timestamp(draft.created) ?? now,
    }
    const list = byArticle.get(draft.articleId)
    if (list) list.push(highlight)
    else byArticle.set(draft.articleId, [highlight])
  }
  // Each article's file is written durably (fsync); several at a time, so the disk's waits overlap.
  const writes = [...byArticle]
  let next = 0
  let created = 0
  let failure: unknown = null
  const writer = async () => {
    while (failure === null && next < writes.length) {
      const [articleId, list] = writes[next++]!
      try {
        await store.updateHighlights(articleId, (current) => {
          current.push(...list)
        })
        created += list.length
      } catch (error) {
        failure ??= error
      }
    }
  }
  await Promise.all(Array.from({ length: WRITES_IN_FLIGHT }, writer))
  if (failure !== null) {
    const done = [
      newTags.length > 0 ? `created ${newTags.length === 1 ? 'the tag' : `${newTags.length} tags:`} ${namesList(newTags.map((t) => `"${t.name}"`))}` : '',
      `imported ${created} of ${toCreate.length} annotations`,
    ].filter(Boolean)
    const reason = failure instanceof Error ? failure.message : String(failure)
    throw new DossierError(
      'write-failed',
      `The import stopped: ${reason} Before that it ${done.join(' and ')}. Importing the same file again adds the rest (what is already there is skipped).`,
    )
  }
  return { created, skipped, tagsCreated: newTags.map((t) => t.name), problems }
}

async function readJsonFile(filePath: string): Promise<unknown> {
  const info = await stat(filePath).catch(() => null)
  if (!info) throw new DossierError('not-found', `No such file: ${filePath}`)
  if (!info.isFile()) throw new DossierError('bad-request', `${filePath} is not a file.`)
  if (info.size > MAX_FILE_BYTES) throw new DossierError('too-large', `${filePath} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: too large for an annotation file.`)
  let raw: string
  try {
    raw = await readFile(filePath, 'utf8')
  } catch (error) {
    throw new DossierError('unreadable', `Cannot read ${filePath} (${(error as Error).message}).`)
  }
  if (!/\S/.test(raw)) throw new DossierError('bad-request', `${filePath} is empty: it holds no annotations.`)
  try {
    return JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw) as unknown
  } catch (error) {
    throw new DossierError('bad-request', `${filePath} is not valid JSON (${(error as Error).message}), so it cannot be a W3C Web Annotation file.`)
  }
}

/** A tag name as compared (NFC, lower case in the root locale); memoised, as ICU's locale lookup is slow and names repeat. */
function fold(name: string): string {
  let folded = FOLDED.get(name)
  if (folded === undefined) {
    folded = name.normalize('NFC').toLocaleLowerCase('und')
    if (FOLDED.size > 10_000) FOLDED.clear()
    FOLDED.set(name, folded)
  }
  return folded
}
const FOLDED = new Map<string, string>()

/** An ISO date-time the notebook can store, else null. */
function timestamp(value: string | null): string | null {
  if (!value || value.length < 10 || value.length > 40 || Number.isNaN(Date.parse(value))) return null
  return value
}
