/**
 * The metadata a saved web page states about itself, each value with where it was found.
 * For each field the most specific, most deliberate statement wins:
 *
 *   title     JSON-LD headline > og:title > twitter:title > citation_title > first <h1> > <title>
 *             (a candidate that is only the site's name is skipped, and a known site name
 *             is cut from the end or start of one: sites often fill og:title or a logo
 *             <h1> with their own name, which would give every page of the site one title)
 *   outlet    JSON-LD publisher > og:site_name > JSON-LD Organization > application-name
 *             > the name after the last " | " of <title> ("Headline | Example News")
 *   author    JSON-LD author > meta author > article:author > citation_author > microdata author
 *   published JSON-LD datePublished > article:published_time > microdata/<time> datePublished
 *             > other date meta (pubdate, dc.date, …)            (kept as stated, offset included)
 *   url       <link rel=canonical> > og:url > JSON-LD url > "saved from url" comment
 *   language  <html lang> > Content-Language > og:locale > JSON-LD inLanguage
 *
 * Only safe article URLs (src/core/urls.ts) and dates the core can read are accepted;
 * values are white-space collapsed and length-limited.
 */
import { normaliseStatedDate } from '../../core/date-lines'
import { isSafeArticleUrl } from '../../core/urls'
import type { DomNode } from './html-text'
import type { ExtractedMeta, MetaKey } from './types'

export interface MetaElement extends DomNode {
  getAttribute(name: string): string | null
}

export interface MetaDocument {
  documentElement: MetaElement | null
  querySelector(selector: string): MetaElement | null
  querySelectorAll(selector: string): ArrayLike<MetaElement>
  childNodes: ArrayLike<DomNode>
}

const MAX_VALUE = 500
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|Posting)$/
const ORGANIZATION_TYPE = /Organization$/

type JsonObject = Record<string, unknown>

export function readHtmlMeta(document: MetaDocument): ExtractedMeta {
  const meta: ExtractedMeta = {}
  const set = (key: MetaKey, value: string | null | undefined, source: string): void => {
    if (meta[key] || value === null || value === undefined) return
    const clean = value.replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE)
    if (!clean) return
    if (key === 'url' && !isSafeArticleUrl(clean)) return
    if (key === 'published' && normaliseStatedDate(clean) === null) return
    if (key === 'author' && isHttpUrl(clean)) return
    meta[key] = { value: clean, source }
  }
  const metaTag = (attr: 'name' | 'property' | 'itemprop' | 'http-equiv', names: string[]): { value: string; name: string } | null => {
    for (const el of Array.from(document.querySelectorAll(`meta[${attr}]`))) {
      const name = (el.getAttribute(attr) ?? '').trim().toLowerCase()
      const content = el.getAttribute('content')
      if (names.includes(name) && content && content.trim()) return { value: content, name }
    }
    return null
  }
  const fromMeta = (key: MetaKey, attr: 'name' | 'property' | 'itemprop' | 'http-equiv', names: string[], label: (name: string) => string): void => {
    const found = metaTag(attr, names)
    if (found) set(key, found.value, label(found.name))
  }

  const { article, organization } = readJsonLd(document)
  const pageTitle = (document.querySelector('title')?.textContent ?? '').replace(/\s+/g, ' ').trim()
  const sites = siteNames([
    metaTag('property', ['og:site_name'])?.value,
    people(article?.publisher),
    people(organization),
    metaTag('name', ['application-name'])?.value,
    pipeTail(pageTitle),
  ])
  /** A title candidate, less a site name at its end or start; none when it IS the site name. */
  const setTitle = (value: string | null | undefined, source: string): void => {
    if (meta.title || !value) return
    const title = sites.reduce((t, site) => stripSiteName(t, site, false), value.replace(/\s+/g, ' ').trim())
    if (!sites.some((site) => sameName(site, title))) set('title', title, source)
  }
  if (article) {
    setTitle(str(article.headline) ?? str(article.name), `JSON-LD ${str(article.headline) ? 'headline' : 'name'}`)
    set('author', people(article.author), 'JSON-LD author')
    set('published', str(article.datePublished), 'JSON-LD datePublished')
    set('outlet', people(article.publisher), 'JSON-LD publisher')
    set('url', str(article.url) ?? idOf(article.mainEntityOfPage), 'JSON-LD url')
    set('language', str(article.inLanguage), 'JSON-LD inLanguage')
  }

  setTitle(metaTag('property', ['og:title'])?.value, 'Open Graph og:title')
  setTitle(metaTag('name', ['twitter:title'])?.value ?? metaTag('property', ['twitter:title'])?.value, 'meta twitter:title')
  const citation = metaTag('name', ['citation_title', 'dc.title'])
  if (citation) setTitle(citation.value, `meta ${citation.name}`)
  setTitle(document.querySelector('h1')?.textContent, 'first <h1> heading')

  fromMeta('outlet', 'property', ['og:site_name'], () => 'Open Graph og:site_name')
  if (organization) set('outlet', people(organization), 'JSON-LD Organization name')
  fromMeta('outlet', 'name', ['application-name', 'publisher', 'dc.publisher', 'citation_publisher'], (n) => `meta ${n}`)
  set('outlet', pipeTail(pageTitle), '<title>, the name after its last "|"')

  fromMeta('author', 'name', ['author', 'byl', 'sailthru.author', 'parsely-author', 'dc.creator', 'citation_author'], (n) => `meta ${n}`)
  fromMeta('author', 'property', ['article:author', 'author'], (n) => `meta ${n}`)
  const authorEl = document.querySelector('[itemprop~="author"]')
  set('author', authorEl?.getAttribute('content') ?? authorEl?.textContent, 'microdata itemprop author')

  fromMeta('published', 'property', ['article:published_time'], () => 'Open Graph article:published_time')
  fromMeta('published', 'name', ['article:published_time'], () => 'meta article:published_time')
  const dateEl = document.querySelector('[itemprop~="datePublished"]')
  set('published', dateEl?.getAttribute('content') ?? dateEl?.getAttribute('datetime'), 'microdata itemprop datePublished')
  fromMeta(
    'published',
    'name',
    ['pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'sailthru.date', 'parsely-pub-date', 'citation_publication_date', 'citation_date', 'article.published', 'published_time'],
    (n) => `meta ${n}`,
  )
  const time = document.querySelector('time[pubdate]') ?? document.querySelector('article time[datetime]')
  set('published', time?.getAttribute('datetime'), '<time datetime> in the article')

  set('url', document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), '<link rel="canonical">')
  fromMeta('url', 'property', ['og:url'], () => 'Open Graph og:url')
  set('url', savedFromUrl(document), '"saved from url" comment of the saved page')

  set('language', document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang'), '<html lang>')
  fromMeta('language', 'http-equiv', ['content-language'], () => 'meta http-equiv Content-Language')
  const locale = metaTag('property', ['og:locale'])
  if (locale) set('language', locale.value.replace('_', '-'), 'Open Graph og:locale')

  if (pageTitle) setTitle(stripSiteName(pageTitle, meta.outlet?.value), '<title>')
  return meta
}

function readJsonLd(document: MetaDocument): { article: JsonObject | null; organization: JsonObject | null } {
  const nodes: JsonObject[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') {
      const node = value as JsonObject
      nodes.push(node)
      if (node['@graph']) collect(node['@graph'])
    }
  }
  for (const script of Array.from(document.querySelectorAll('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue
    const source = (script.textContent ?? '').replace(/^\s*(?:<!--|<!\[CDATA\[)|(?:-->|\]\]>)\s*$/g, '')
    try {
      collect(JSON.parse(source))
    } catch {
      // Broken JSON-LD states nothing.
    }
  }
  const typed = (pattern: RegExp) => nodes.find((n) => types(n).some((t) => pattern.test(t))) ?? null
  return { article: typed(ARTICLE_TYPE), organization: typed(ORGANIZATION_TYPE) }
}

function types(node: JsonObject): string[] {
  const t = node['@type']
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string')
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0]
  return null
}

function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') return str((value as JsonObject)['@id']) ?? str((value as JsonObject).url)
  return null
}

/** A name, a `{ name }` object, or a list of them, joined with ", ". */
function people(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value]
  const names = list
    .map((p) => (typeof p === 'string' ? p : p && typeof p === 'object' ? str((p as JsonObject).name) : null))
    .filter((n): n is string => !!n && n.trim().length > 0 && !isHttpUrl(n.trim()))
    .map((n) => n.trim())
  return names.length ? [...new Set(names)].join(', ') : null
}

/** An address where a name should be (authors and publishers given as profile links). */
function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value)
}

/** The distinct site names stated, longest first (so "Example News Group" is cut before "Example News"). */
function siteNames(values: (string | null | undefined)[]): string[] {
  const names = values.map((v) => (v ?? '').replace(/\s+/g, ' ').trim()).filter((v) => v.length > 0 && v.length <= 100)
  const distinct = names.filter((n, i) => names.findIndex((m) => sameName(m, n)) === i)
  return distinct.sort((a, b) => b.length - a.length)
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0
}

/** "Headline | Section | Example News" → "Example News": a short name after the last " | ". */
function pipeTail(title: string): string | null {
  const pipe = title.lastIndexOf(' | ')
  if (pipe <= 0) return null
  const tail = title.slice(pipe + 3).trim()
  return tail.length > 0 && tail.split(' ').length <= 4 ? tail : null
}

/** `<!-- saved from url=(0049)https://… -->`, which browsers write into saved pages. */
function savedFromUrl(document: MetaDocument): string | null {
  for (const node of Array.from(document.childNodes).slice(0, 5).concat(Array.from(document.documentElement?.childNodes ?? []).slice(0, 5))) {
    if (node.nodeType !== 8) continue
    const match = /saved from url=\(\d+\)(\S+)/i.exec(node.nodeValue ?? '')
    if (match) return match[1]!
  }
  return null
}

/**
 * "Headline | Outlet" → "Headline" when the outlet is known; with `guess`, also an unknown
 * short tail after a pipe, which is almost always the site name (used for <title> only).
 */
export function stripSiteName(title: string, outlet: string | undefined, guess = true): string {
  const clean = title.replace(/\s+/g, ' ').trim()
  const separator = '\\s*[|–—·•:-]\\s*'
  if (outlet) {
    const name = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const stripped = clean.replace(new RegExp(`\\s+[|–—·•-]\\s+${name}$`, 'i'), '').replace(new RegExp(`^${name}${separator}(?=\\S)`, 'i'), '')
    if (stripped !== clean && stripped.length > 0) return stripped
  }
  if (!guess) return clean
  const pipe = clean.lastIndexOf(' | ')
  if (pipe > 0 && clean.slice(pipe + 3).split(' ').length <= 4) return clean.slice(0, pipe).trim()
  return clean
}
