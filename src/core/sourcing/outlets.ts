/**
 * Pure operations on outlets.json (notes/sourcing.md): each takes the file and returns a
 * NEW file, or an error Result with one line and nothing changed (undo = keeping the
 * previous file). And matching: which known outlet an article comes from, by the
 * analyst's link, else by its `outlet` metadata or its URL's domain against every
 * outlet's name and aliases (`nameKey` keys and domains in Maps, so any text is safe).
 */
import { nameKey } from '../entities/normalise'
import { err, ok, type Result } from '../result'
import { cleanMetaText } from '../text-hygiene'
import type { ArticleId } from '../ids'
import {
  MAX_NOTE_CHARS,
  MAX_OUTLET_NAME_CHARS,
  outletSpellings,
  RELIABILITY_GRADES,
  RELIABILITY_WORDS,
  ReliabilitySchema,
  type ArticleSourcing,
  type Grade,
  type Outlet,
  type OutletId,
  type OutletsFile,
  type Reliability,
} from './schema'

export interface NewOutlet {
  id: OutletId
  name: string
  aliases?: string[]
  country?: string
  notes?: string
  reliability?: Grade
}

/** A checked reliability grade (case-insensitive), or a bad-request error naming the scale. */
export function parseReliability(raw: string): Result<Reliability> {
  const parsed = ReliabilitySchema.safeParse(raw.trim().toUpperCase())
  if (parsed.success) return ok(parsed.data)
  const scale = RELIABILITY_GRADES.map((g) => `${g} ${RELIABILITY_WORDS[g]}`).join(', ')
  return err('bad-request', `“${raw}” is not a reliability grade: use one letter A–F (${scale}).`)
}

function checkText(raw: string, what: string): Result<string> {
  const text = cleanMetaText(raw).value
  if (text === '') return err('bad-request', `The ${what} is empty.`)
  if (text.length > MAX_OUTLET_NAME_CHARS) return err('bad-request', `The ${what} is ${text.length} characters long; at most ${MAX_OUTLET_NAME_CHARS} are allowed.`)
  if (nameKey(text) === '') return err('bad-request', `The ${what} “${text}” has no letters or digits.`)
  return ok(text)
}

/** Refuses a spelling another outlet (or this one) already has, naming the owner. */
function takenProblem(file: OutletsFile, text: string, self: OutletId, own: readonly string[]): string | null {
  const key = nameKey(text)
  for (const o of file.outlets) {
    if (o.id === self) continue
    const same = outletSpellings(o).find((s) => nameKey(s) === key)
    if (same !== undefined) return `“${text}” already belongs to the outlet ${o.name} (as “${same}”); nothing was changed.`
  }
  const mine = own.find((s) => nameKey(s) === key)
  if (mine !== undefined) return `“${text}” is already a name of this outlet (“${mine}”, the same when matching); nothing was changed.`
  return null
}

function checkGrade(grade: Grade): Result<Grade> {
  const why = cleanMetaText(grade.why).value
  if (why.length > MAX_NOTE_CHARS) return err('bad-request', `The rationale is longer than ${MAX_NOTE_CHARS} characters.`)
  return ok({ grade: grade.grade, why })
}

const notFound = <T>(id: string): Result<T> => err('not-found', `No outlet with id ${id}.`)

export function createOutlet(file: OutletsFile, input: NewOutlet): Result<OutletsFile> {
  if (file.outlets.some((o) => o.id === input.id)) return err('bad-request', `The outlet id ${input.id} is taken.`)
  const name = checkText(input.name, 'outlet name')
  if (!name.ok) return name
  const own: string[] = []
  const taken = takenProblem(file, name.value, input.id, own)
  if (taken !== null) return err('bad-request', taken)
  own.push(name.value)
  for (const raw of input.aliases ?? []) {
    const alias = checkText(raw, 'alias')
    if (!alias.ok) return alias
    const problem = takenProblem(file, alias.value, input.id, own)
    if (problem !== null) return err('bad-request', problem)
    own.push(alias.value)
  }
  const outlet: Outlet = { id: input.id, name: name.value, aliases: own.slice(1) }
  const country = cleanMetaText(input.country ?? '').value
  if (country.length > 100) return err('bad-request', 'The country is longer than 100 characters.')
  if (country !== '') outlet.country = country
  const notes = (input.notes ?? '').trim()
  if (notes.length > MAX_NOTE_CHARS) return err('bad-request', `The notes are longer than ${MAX_NOTE_CHARS} characters.`)
  if (notes !== '') outlet.notes = notes
  if (input.reliability !== undefined) {
    const grade = checkGrade(input.reliability)
    if (!grade.ok) return grade
    outlet.reliability = grade.value
  }
  return ok({ ...file, outlets: [...file.outlets, outlet] })
}

function replaceOutlet(file: OutletsFile, outlet: Outlet): OutletsFile {
  return { ...file, outlets: file.outlets.map((o) => (o.id === outlet.id ? outlet : o)) }
}

export function addOutletAlias(file: OutletsFile, id: OutletId, raw: string): Result<OutletsFile> {
  const outlet = file.outlets.find((o) => o.id === id)
  if (outlet === undefined) return notFound(id)
  const alias = checkText(raw, 'alias')
  if (!alias.ok) return alias
  const problem = takenProblem(file, alias.value, id, outletSpellings(outlet))
  if (problem !== null) return err('bad-request', problem)
  return ok(replaceOutlet(file, { ...outlet, aliases: [...outlet.aliases, alias.value] }))
}

/** Sets (or with null clears) an outlet's default reliability. */
export function gradeOutlet(file: OutletsFile, id: OutletId, grade: Grade | null): Result<OutletsFile> {
  const outlet = file.outlets.find((o) => o.id === id)
  if (outlet === undefined) return notFound(id)
  const next: Outlet = { ...outlet }
  if (grade === null) delete next.reliability
  else {
    const checked = checkGrade(grade)
    if (!checked.ok) return checked
    next.reliability = checked.value
  }
  return ok(replaceOutlet(file, next))
}

export interface OutletEdit {
  name?: string
  /** The whole list of aliases, replacing the current one. */
  aliases?: string[]
  /** null or "" clears it. */
  country?: string | null
  notes?: string | null
}

/** Edits an outlet's name, aliases, country or notes; every spelling checked as when it was created. */
export function editOutlet(file: OutletsFile, id: OutletId, edit: OutletEdit): Result<OutletsFile> {
  const outlet = file.outlets.find((o) => o.id === id)
  if (outlet === undefined) return notFound(id)
  const others: OutletsFile = { ...file, outlets: file.outlets.filter((o) => o.id !== id) }
  const rebuilt = createOutlet(others, {
    id,
    name: edit.name ?? outlet.name,
    aliases: edit.aliases ?? outlet.aliases,
    country: edit.country === undefined ? outlet.country : (edit.country ?? undefined),
    notes: edit.notes === undefined ? outlet.notes : (edit.notes ?? undefined),
    reliability: outlet.reliability,
  })
  if (!rebuilt.ok) return rebuilt
  return ok(replaceOutlet(file, rebuilt.value.outlets.find((o) => o.id === id)!))
}

/** Removes an outlet and unlinks its articles (their own grades stay). */
export function deleteOutlet(file: OutletsFile, id: OutletId): Result<OutletsFile> {
  if (!file.outlets.some((o) => o.id === id)) return notFound(id)
  const articles = file.articles
    .map((a) => {
      if (a.outletId !== id) return a
      const { outletId: _gone, ...rest } = a
      return rest as ArticleSourcing
    })
    .filter((a) => a.outletId !== undefined || a.reliability !== undefined)
  return ok({ ...file, outlets: file.outlets.filter((o) => o.id !== id), articles })
}

function changeArticle(file: OutletsFile, articleId: ArticleId, change: (a: ArticleSourcing) => ArticleSourcing): OutletsFile {
  const current = file.articles.find((a) => a.articleId === articleId) ?? { articleId }
  const next = change({ ...current } as ArticleSourcing)
  const rest = file.articles.filter((a) => a.articleId !== articleId)
  const keep = next.outletId !== undefined || next.reliability !== undefined
  return { ...file, articles: keep ? [...rest, next] : rest }
}

/** Links an article to an outlet (null: unlinks it; matching from its metadata applies again). */
export function linkArticle(file: OutletsFile, articleId: ArticleId, outletId: OutletId | null): Result<OutletsFile> {
  if (outletId !== null && !file.outlets.some((o) => o.id === outletId)) return notFound(outletId)
  return ok(
    changeArticle(file, articleId, (a) => {
      if (outletId === null) delete a.outletId
      else a.outletId = outletId
      return a
    }),
  )
}

/** Sets (or with null clears) one article's own reliability grade, overriding its outlet's. */
export function gradeArticle(file: OutletsFile, articleId: ArticleId, grade: Grade | null): Result<OutletsFile> {
  let checked: Grade | null = null
  if (grade !== null) {
    const r = checkGrade(grade)
    if (!r.ok) return r
    checked = r.value
  }
  return ok(
    changeArticle(file, articleId, (a) => {
      if (checked === null) delete a.reliability
      else a.reliability = checked
      return a
    }),
  )
}

/** The host of an http(s) URL, lower case, without `www.` and port; null for anything else. */
export function hostOf(url: string | null | undefined): string | null {
  const m = /^https?:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url ?? '')
  if (!m) return null
  const host = m[1]!.toLowerCase().replace(/\.$/, '')
  return host.startsWith('www.') ? host.slice(4) : host
}

const DOMAIN = /^(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})$/i

/** What an article states about its source, for matching. */
export interface ArticleSourceMeta {
  id: ArticleId
  outlet: string | null
  url: string | null
}

export type OutletMatchVia = 'linked' | 'outlet metadata' | 'url'
export interface OutletMatch {
  outlet: Outlet
  via: OutletMatchVia
  /** The metadata text or host that matched (absent for a link). */
  matched?: string
}

/** Finds outlets by name, alias or domain: build once per outlets file, then look up many articles. */
export class OutletMatcher {
  readonly #byKey = new Map<string, Outlet>()
  readonly #byDomain = new Map<string, Outlet>()
  readonly #byId = new Map<string, Outlet>()
  readonly #links = new Map<string, ArticleSourcing>()
  /** Matching keys of texts looked up so far: outlet metadata repeats across a notebook's articles. */
  readonly #keys = new Map<string, string>()

  constructor(readonly file: OutletsFile) {
    for (const o of file.outlets) {
      this.#byId.set(o.id, o)
      for (const s of outletSpellings(o)) {
        this.#byKey.set(nameKey(s), o)
        const domain = DOMAIN.exec(s.trim())
        if (domain) this.#byDomain.set(domain[1]!.toLowerCase(), o)
      }
    }
    for (const a of file.articles) this.#links.set(a.articleId, a)
  }

  byId(id: string): Outlet | undefined {
    return this.#byId.get(id)
  }

  /** `nameKey(text)`, remembered. */
  keyOf(text: string): string {
    let key = this.#keys.get(text)
    if (key === undefined) {
      key = nameKey(text)
      this.#keys.set(text, key)
    }
    return key
  }

  /** The outlet one of whose spellings has the same matching key as `text`. */
  byName(text: string): Outlet | undefined {
    const key = this.keyOf(text)
    return key === '' ? undefined : this.#byKey.get(key)
  }

  /** The outlet owning the URL's host or a parent domain of it (news.bbc.co.uk → bbc.co.uk). */
  byUrl(url: string | null | undefined): { outlet: Outlet; host: string } | undefined {
    let host = hostOf(url)
    while (host !== null && host.includes('.')) {
      const outlet = this.#byDomain.get(host)
      if (outlet !== undefined) return { outlet, host }
      host = host.slice(host.indexOf('.') + 1)
    }
    return undefined
  }

  /** The analyst's record for an article (its link and own grade), if any. */
  sourcingOf(articleId: ArticleId): ArticleSourcing | undefined {
    return this.#links.get(articleId)
  }

  /** The article's outlet: the analyst's link, else its outlet metadata, else its URL's domain. */
  outletOf(article: ArticleSourceMeta): OutletMatch | null {
    const linked = this.#links.get(article.id)?.outletId
    const outlet = linked === undefined ? undefined : this.#byId.get(linked)
    if (outlet !== undefined) return { outlet, via: 'linked' }
    if (article.outlet) {
      const named = this.byName(article.outlet)
      if (named !== undefined) return { outlet: named, via: 'outlet metadata', matched: article.outlet }
    }
    const byUrl = this.byUrl(article.url)
    return byUrl === undefined ? null : { outlet: byUrl.outlet, via: 'url', matched: byUrl.host }
  }

  /** The reliability that applies to an article: its own grade, else its outlet's; null when neither is graded. */
  reliabilityOf(article: ArticleSourceMeta): (Grade & { from: 'article' | 'outlet' }) | null {
    const own = this.#links.get(article.id)?.reliability
    if (own !== undefined) return { ...own, from: 'article' }
    const outlet = this.outletOf(article)?.outlet.reliability
    return outlet === undefined ? null : { ...outlet, from: 'outlet' }
  }

  /** The outlet a user names: its id, name or any alias (by matching key). */
  find(name: string): Outlet | undefined {
    return this.#byId.get(name.trim()) ?? this.byName(name)
  }
}
