/**
 * Saved web pages (.html/.htm) and HTML from the clipboard.
 *
 * Page: decode (BOM > valid UTF-8 > declared charset > detection), parse with linkedom,
 * read the metadata the page states (before Readability changes the DOM), extract the
 * article with Mozilla Readability, sanitise it with DOMPurify (./sanitize), and take the
 * text from the sanitised DOM, so the text never holds anything the sanitised HTML does
 * not. Readability often drops the page's <h1> as a duplicate of the title; the headline
 * is put back at the top (from the page's own <h1>, so only visible page text is used).
 *
 * Clipboard HTML is already the user's selection: it is sanitised without Readability.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { DossierError } from '../../core/result'
import { DEFAULT_LIMITS, nestedTooDeeply, type ReaderLimits } from './extract-limits'
import { readHtmlMeta, type MetaDocument, type MetaElement } from './html-meta'
import { htmlToText, visibleText } from './html-text'
import { nestingDepth } from './nesting'
import { sanitizeHtml } from './sanitize'
import { decodeText } from './text-decoding'
import type { ExtractedDocument, ExtractFlag } from './types'

interface PageDocument extends MetaDocument {
  body: (MetaElement & { innerHTML: string }) | null
}

export function extractHtmlFile(bytes: Uint8Array, name: string, limits: ReaderLimits = DEFAULT_LIMITS): ExtractedDocument {
  const declared = declaredCharset(bytes)
  const decoded = decodeText(bytes, name, { declared })
  return extractHtmlPage(decoded.text, name, decoded.encoding, decoded.flags, limits)
}

export function extractHtmlPage(html: string, name: string, encoding: string, flags: ExtractFlag[], limits: ReaderLimits = DEFAULT_LIMITS): ExtractedDocument {
  refuseDeepNesting(html, name, limits)
  const document = parseDocument(html)
  const meta = readHtmlMeta(document)
  const body = document.body
  const visible = body ? visibleText(body) : ''
  if (!visible) {
    const scripts = Array.from(document.querySelectorAll('script')).filter((s) => !/json/i.test(s.getAttribute('type') ?? '')).length
    if (scripts > 0) {
      throw new DossierError(
        'script-only-html',
        `${name} holds only scripts (${scripts}) and no article text: the page builds itself with JavaScript, which Dossier never runs. Open it in a browser and save it again once it has loaded, or copy the article and paste it.`,
      )
    }
    throw new DossierError('no-article-text', `${name} is an HTML page with no text to import.`)
  }
  const headline = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''

  let articleHtml = body!.innerHTML
  try {
    const article = new Readability(document as never).parse()
    const length = article?.textContent?.replace(/\s+/g, ' ').trim().length ?? 0
    // Keep Readability's choice unless it is a sliver of a page that has much more text.
    if (article?.content && length > 0 && (length >= 500 || length >= visible.length * 0.2)) articleHtml = article.content
    const byline = article?.byline?.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '')
    if (byline && !meta.author && byline.length <= 120) meta.author = { value: byline, source: 'byline in the page (found by Readability)' }
  } catch {
    // Readability gives up on some malformed pages; the whole body is sanitised instead.
  }

  const sanitized = sanitizeHtml(withHeadline(articleHtml, headline))
  const text = htmlToText(sanitized.body)
  if (!text.trim()) throw new DossierError('no-article-text', `${name}: no article text was left after removing scripts, styles and page chrome.`)
  return { format: 'html', text, meta, flags, encoding, sanitizedHtml: sanitized.html }
}

/** Clipboard HTML: sanitised as given (the selection is the article), no metadata. */
export function extractClipboardHtml(html: string, limits: ReaderLimits = DEFAULT_LIMITS): { text: string; sanitizedHtml: string } {
  // Windows' CF_HTML carries a "Version:0.9 StartHTML:…" header before the markup.
  const markup = html.replace(/^Version:\d[\s\S]*?(?=<)/, '')
  refuseDeepNesting(markup, 'The clipboard content', limits)
  const sanitized = sanitizeHtml(markup)
  return { text: htmlToText(sanitized.body), sanitizedHtml: sanitized.html }
}

/** Deep nesting makes the parser quadratic and the DOM walkers overflow: refused before parsing (./nesting). */
function refuseDeepNesting(html: string, name: string, limits: ReaderLimits): void {
  if (nestingDepth(html, 'html', limits.maxNesting + 1) > limits.maxNesting) throw nestedTooDeeply(name)
}

function parseDocument(html: string): PageDocument {
  // linkedom treats a fragment's first element as the document element; give it a body.
  const isDocument = /<(?:html|body|head)[\s>]/i.test(html.slice(0, 4096)) || /^\s*(?:<!--[\s\S]*?-->\s*)*<!doctype/i.test(html)
  const source = isDocument ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  const { document } = parseHTML(source) as unknown as { document: PageDocument }
  if (!document.body || document.documentElement?.nodeName.toUpperCase() !== 'HTML') {
    return (parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as { document: PageDocument }).document
  }
  return document
}

function withHeadline(articleHtml: string, headline: string): string {
  if (!headline) return articleHtml
  const start = htmlToText((parseHTML(`<!DOCTYPE html><html><body>${articleHtml}</body></html>`) as unknown as { document: PageDocument }).document.body!)
    .slice(0, headline.length + 200)
    .replace(/\s+/g, ' ')
  if (start.toLowerCase().includes(headline.toLowerCase())) return articleHtml
  return `<h1>${escapeHtml(headline)}</h1>${articleHtml}`
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The charset a page declares in its first 1024 bytes (meta charset, http-equiv, XML declaration). */
export function declaredCharset(bytes: Uint8Array): { encoding: string; source: string } | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 1024))
  const meta = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  if (meta) return { encoding: meta[1]!, source: 'meta charset' }
  const xml = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)
  if (xml) return { encoding: xml[1]!, source: 'XML declaration' }
  return null
}
