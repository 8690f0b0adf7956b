/**
 * Sanitises article HTML with DOMPurify over jsdom.
 *
 * Why jsdom and not linkedom here: DOMPurify needs `document.implementation
 * .createHTMLDocument`, `NodeFilter` and a spec-compliant parser. linkedom has neither
 * the first two, so `DOMPurify(linkedomWindow).isSupported` is false and `sanitize()`
 * then returns its input UNCHANGED. DOMPurify's maintainers test on and recommend jsdom
 * only (the server-side DOM is part of the sanitiser's trusted base: its parser must
 * agree with the browser that later renders the result). linkedom stays the DOM for
 * Readability and metadata, where speed matters and nothing security-relevant depends
 * on parse fidelity.
 *
 * jsdom is loaded lazily (it takes ~0.6 s to load), on the first HTML/DOCX/clipboard
 * import, and one inert window (no scripts run, no resources load) is reused.
 *
 * The policy keeps what an article needs to be read: text, headings, paragraphs, lists,
 * quotes, tables, emphasis, and links to http(s)/mailto addresses. Everything that can
 * run code, load something, submit something or restyle the app goes: scripts, event
 * handlers, iframes/frames/objects/embeds, forms and their controls, style elements and
 * attributes, SVG and MathML, media (which could not load offline anyway), `javascript:`,
 * `data:` and relative URLs, `srcdoc`, `formaction`, ids, names and classes.
 */
import { createRequire } from 'node:module'
import createDOMPurify, { type Config, type DOMPurify, type WindowLike } from 'dompurify'
import type { DomNode } from './html-text'

interface JsdomModule {
  JSDOM: new (html: string, options?: Record<string, unknown>) => { window: unknown }
}

/** The sanitised body element (jsdom) and its serialisation. */
export interface SanitizedHtml {
  html: string
  body: DomNode & { innerHTML: string }
}

const FORBID_TAGS = [
  'style', 'link', 'meta', 'base', 'title',
  'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'output', 'fieldset', 'legend', 'label', 'keygen',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'noscript', 'template', 'slot', 'dialog',
  'img', 'picture', 'source', 'video', 'audio', 'track', 'canvas', 'map', 'area', 'image',
  'svg', 'math',
]

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR: ['style', 'class', 'id', 'name', 'srcset', 'srcdoc', 'formaction', 'action', 'background', 'ping', 'target', 'poster', 'xmlns', 'form', 'popover', 'is'],
  ADD_FORBID_CONTENTS: ['form', 'button', 'select', 'textarea', 'datalist', 'output', 'object', 'embed', 'applet', 'dialog', 'label', 'legend'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|#)/i,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
}

let purifier: DOMPurify | null = null

function getPurifier(): DOMPurify {
  if (purifier) return purifier
  const require = createRequire(import.meta.url)
  const { JSDOM } = require('jsdom') as JsdomModule
  const { window } = new JSDOM('<!DOCTYPE html><html><head></head><body></body></html>')
  const instance = createDOMPurify(window as WindowLike)
  // Fail closed: an unsupported DOM makes DOMPurify return its input unchanged.
  if (!instance.isSupported) throw new Error('DOMPurify cannot run on this DOM; refusing to pass HTML through unsanitised.')
  purifier = instance
  return instance
}

export function sanitizeHtml(dirty: string): SanitizedHtml {
  const body = getPurifier().sanitize(dirty, { ...CONFIG, RETURN_DOM: true }) as unknown as SanitizedHtml['body']
  return { html: body.innerHTML, body }
}
