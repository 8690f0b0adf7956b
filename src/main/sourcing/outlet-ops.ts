/**
 * The notebook's outlets (notes/sourcing.md): every change runs a pure core operation
 * (src/core/sourcing/outlets.ts) on outlets.json as saved, inside the store's save queue,
 * and returns the file it replaced (`previous`): `restoreOutlets(previous)` undoes it
 * exactly. A refused change throws a DossierError and writes nothing. Outlets are named
 * as the user writes them: id (o-…), name or any alias (case and accents do not matter).
 */
import type { ArticleSource, OutletSummary, SourcingChange } from '../../core/api-sourcing'
import type { ArticleId } from '../../core/ids'
import type { Article } from '../../core/model'
import { DossierError, type Result } from '../../core/result'
import {
  addOutletAlias,
  createOutlet,
  deleteOutlet,
  editOutlet,
  gradeArticle,
  gradeOutlet,
  linkArticle,
  makeOutletId,
  OutletMatcher,
  parseReliability,
  type Grade,
  type Outlet,
  type OutletEdit,
  type OutletsFile,
} from '../../core/sourcing'
import { OUTLETS_DOC } from '../storage/file-formats'
import type { NotebookStore } from '../storage/notebook-store'

export type { ArticleSource, OutletSummary, SourcingChange }

export interface SourcingContext {
  store: NotebookStore
  randomHex: () => string
  now: () => string
}

export function thrown<T>(result: Result<T>): T {
  if (!result.ok) throw new DossierError(result.error.code, result.error.message)
  return result.value
}

/** A grade given as text ("b", "Z") with its rationale, checked; null clears. */
export function gradeFrom(grade: string | null, why = ''): Grade | null {
  return grade === null ? null : { grade: thrown(parseReliability(grade)), why }
}

async function change<T>(store: NotebookStore, op: (file: OutletsFile) => Result<OutletsFile>, pick: (file: OutletsFile) => T): Promise<SourcingChange<T, OutletsFile>> {
  return store.updateOptionalFile(OUTLETS_DOC, (draft) => {
    const previous: OutletsFile = { ...draft }
    const next = thrown(op(previous))
    draft.outlets = next.outlets
    draft.articles = next.articles
    return { value: pick(next), previous }
  })
}

export function outletsFile(ctx: SourcingContext): Promise<OutletsFile> {
  return ctx.store.optionalFile(OUTLETS_DOC)
}

export async function matcher(ctx: SourcingContext): Promise<OutletMatcher> {
  return new OutletMatcher(await outletsFile(ctx))
}

/** The outlet a user names (id, name or alias), or a not-found error saying where to look. */
export function findOutlet(m: OutletMatcher, name: string): Outlet {
  const found = m.find(name)
  if (found !== undefined) return found
  const shown = name.trim().length > 80 ? `${name.trim().slice(0, 80)}…` : name.trim()
  throw new DossierError('not-found', `No outlet is named “${shown}” (by name, alias or id); \`dossier outlets\` lists them.`)
}

/** The article with this id, or a not-found error. */
export function articleOf(store: NotebookStore, id: string): Article {
  const article = store.article(id as ArticleId)
  if (article === undefined) throw new DossierError('not-found', `There is no article with id ${id} in this notebook.`)
  return article
}

export async function listOutlets(ctx: SourcingContext): Promise<OutletSummary[]> {
  const m = await matcher(ctx)
  const counts = new Map<string, { articles: number; linked: number }>()
  for (const a of ctx.store.articles) {
    const match = m.outletOf(a)
    if (match === null) continue
    const c = counts.get(match.outlet.id) ?? { articles: 0, linked: 0 }
    c.articles++
    if (match.via === 'linked') c.linked++
    counts.set(match.outlet.id, c)
  }
  return m.file.outlets.map((o) => ({ ...o, ...(counts.get(o.id) ?? { articles: 0, linked: 0 }) }))
}

export interface OutletInput {
  name: string
  aliases?: string[]
  country?: string
  notes?: string
  grade?: string
  why?: string
}

export async function addOutlet(ctx: SourcingContext, input: OutletInput): Promise<SourcingChange<Outlet, OutletsFile>> {
  const reliability = input.grade === undefined ? undefined : (gradeFrom(input.grade, input.why) ?? undefined)
  const file = await outletsFile(ctx)
  let id = makeOutletId(ctx.randomHex())
  while (file.outlets.some((o) => o.id === id)) id = makeOutletId(ctx.randomHex())
  const { grade: _g, why: _w, ...rest } = input
  return change(ctx.store, (f) => createOutlet(f, { ...rest, id, reliability }), (f) => f.outlets.find((o) => o.id === id)!)
}

export async function addAlias(ctx: SourcingContext, name: string, alias: string): Promise<SourcingChange<Outlet, OutletsFile>> {
  const outlet = findOutlet(await matcher(ctx), name)
  return change(ctx.store, (f) => addOutletAlias(f, outlet.id, alias), (f) => f.outlets.find((o) => o.id === outlet.id)!)
}

/** Grades an outlet (`grade` null clears it). */
export async function gradeNamedOutlet(ctx: SourcingContext, name: string, grade: string | null, why = ''): Promise<SourcingChange<Outlet, OutletsFile>> {
  const checked = gradeFrom(grade, why)
  const outlet = findOutlet(await matcher(ctx), name)
  return change(ctx.store, (f) => gradeOutlet(f, outlet.id, checked), (f) => f.outlets.find((o) => o.id === outlet.id)!)
}

/** Edits an outlet (named by id, name or alias): its spellings, country, notes and, with `reliability`, its grade, in one change. */
export async function editNamedOutlet(ctx: SourcingContext, name: string, edit: OutletEdit & { reliability?: { grade: string; why: string } | null }): Promise<SourcingChange<Outlet, OutletsFile>> {
  const { reliability, ...rest } = edit
  const grade = reliability === undefined ? undefined : gradeFrom(reliability?.grade ?? null, reliability?.why)
  const outlet = findOutlet(await matcher(ctx), name)
  const op = (f: OutletsFile): Result<OutletsFile> => {
    const edited = editOutlet(f, outlet.id, rest)
    return !edited.ok || grade === undefined ? edited : gradeOutlet(edited.value, outlet.id, grade)
  }
  return change(ctx.store, op, (f) => f.outlets.find((o) => o.id === outlet.id)!)
}

/** Removes an outlet and its article links; returns it as it was. */
export async function deleteNamedOutlet(ctx: SourcingContext, name: string): Promise<SourcingChange<Outlet, OutletsFile>> {
  const outlet = findOutlet(await matcher(ctx), name)
  return change(ctx.store, (f) => deleteOutlet(f, outlet.id), () => outlet)
}

/** Links an article to an outlet (`outletName` null unlinks it). */
export async function linkArticleToOutlet(ctx: SourcingContext, articleId: string, outletName: string | null): Promise<SourcingChange<ArticleSource, OutletsFile>> {
  const article = articleOf(ctx.store, articleId)
  const outlet = outletName === null ? null : findOutlet(await matcher(ctx), outletName)
  return change(ctx.store, (f) => linkArticle(f, article.id, outlet?.id ?? null), (f) => sourceOf(new OutletMatcher(f), article))
}

/** Grades one article, overriding its outlet's grade (`grade` null clears it). */
export async function gradeOneArticle(ctx: SourcingContext, articleId: string, grade: string | null, why = ''): Promise<SourcingChange<ArticleSource, OutletsFile>> {
  const checked = gradeFrom(grade, why)
  const article = articleOf(ctx.store, articleId)
  return change(ctx.store, (f) => gradeArticle(f, article.id, checked), (f) => sourceOf(new OutletMatcher(f), article))
}

export function sourceOf(m: OutletMatcher, article: Article): ArticleSource {
  const match = m.outletOf(article)
  return {
    articleId: article.id,
    outlet: match === null ? null : { id: match.outlet.id, name: match.outlet.name, via: match.via, ...(match.matched !== undefined ? { matched: match.matched } : {}) },
    reliability: m.reliabilityOf(article),
  }
}

export async function restoreOutlets(ctx: SourcingContext, previous: OutletsFile): Promise<SourcingChange<null, OutletsFile>> {
  const checked = OUTLETS_DOC.validate(previous)
  if (!checked.ok) throw new DossierError('bad-request', `The outlets to restore are malformed: ${checked.reason}; nothing was changed.`)
  return change(ctx.store, () => ({ ok: true, value: checked.value }), () => null)
}
