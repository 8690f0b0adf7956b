import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractClipboard, extractDocument } from './extract'
import { DEFAULT_LIMITS } from './extract-limits'
import { stripSiteName } from './html-meta'
import { sanitizeHtml } from './sanitize'

const fixture = (name: string): Uint8Array => readFileSync(join(import.meta.dirname, 'fixtures', name))
const page = (head: string, body: string): Uint8Array => Buffer.from(`<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`)
const PROSE =
  '<p>The harbour master said the northern breakwater would be closed for repairs from Monday, and that pleasure craft should use the south entrance until the work is finished in the autumn.</p>' +
  '<p>Fishing boats will keep their berths, but the fuel pontoon moves to the east quay for the duration. The board expects the repairs to cost less than last year’s estimate.</p>'

describe('saved web pages', () => {
  it('extracts the article, not the page chrome, with the metadata the page states and where it says it', async () => {
    const doc = await extractDocument(fixture('news-article.html'), 'ferry.html')
    expect(doc.format).toBe('html')
    expect(doc.encoding).toBe('utf-8')
    expect(doc.flags).toEqual([])
    const paragraphs = doc.text.split('\n\n')
    expect(paragraphs[0]).toBe('Ferry crews walk out over night rotas')
    expect(paragraphs).toContain('The operator called the walkout unlawful and said it had offered talks for Thursday. A spokesman said replacement crews could not be found at short notice, so all sailings were cancelled until further notice.')
    for (const chrome of ['cookies', 'Accept', 'Sport', 'Council approves', 'All rights reserved', 'Injected by script', 'analytics']) expect(doc.text).not.toContain(chrome)
    expect(doc.meta).toEqual({
      title: { value: 'Ferry crews walk out over night rotas', source: 'JSON-LD headline' },
      author: { value: 'Mira Kovač, Tomás Ferreira', source: 'JSON-LD author' },
      published: { value: '2025-03-04T10:15:00+01:00', source: 'JSON-LD datePublished' },
      outlet: { value: 'The Harbour Gazette', source: 'JSON-LD publisher' },
      url: { value: 'https://harbour-gazette.example/2025/03/ferry-strike', source: '<link rel="canonical">' },
      language: { value: 'en-GB', source: 'JSON-LD inLanguage' },
    })
    expect(doc.sanitizedHtml).toContain('<em>unlawful</em>')
    expect(doc.sanitizedHtml).not.toMatch(/<script|<style|<button|onclick|<nav/i)
  })

  it('falls back to Open Graph, meta tags, <html lang> and the "saved from" comment without JSON-LD', async () => {
    const html = Buffer.from(
      `<!-- saved from url=(0040)https://quay-news.example/breakwater -->\n<html lang="nl"><head><meta charset="utf-8"><title>Breakwater closed – Quay News</title>` +
        `<meta property="og:title" content="Breakwater closed for repairs"><meta property="og:site_name" content="Quay News">` +
        `<meta name="author" content="Joost de Vries"><meta property="article:published_time" content="2024-12-15T08:00:00-05:00"></head>` +
        `<body><article>${PROSE}</article></body></html>`,
    )
    const doc = await extractDocument(html, 'quay.htm')
    expect(doc.meta).toEqual({
      title: { value: 'Breakwater closed for repairs', source: 'Open Graph og:title' },
      outlet: { value: 'Quay News', source: 'Open Graph og:site_name' },
      author: { value: 'Joost de Vries', source: 'meta author' },
      published: { value: '2024-12-15T08:00:00-05:00', source: 'Open Graph article:published_time' },
      url: { value: 'https://quay-news.example/breakwater', source: '"saved from url" comment of the saved page' },
      language: { value: 'nl', source: '<html lang>' },
    })
  })

  it('takes the title from <title> without the site name when nothing better is stated, and ignores bad values', async () => {
    const doc = await extractDocument(
      page(
        '<title>Breakwater closed for repairs | Quay News</title><meta name="date" content="true"><link rel="canonical" href="javascript:alert(1)"><meta property="article:author" content="https://quay-news.example/staff/1">',
        `<div>${PROSE}</div>`,
      ),
      'quay.html',
    )
    expect(doc.meta).toEqual({
      title: { value: 'Breakwater closed for repairs', source: '<title>' },
      outlet: { value: 'Quay News', source: '<title>, the name after its last "|"' },
    })
    expect(stripSiteName('Ferry strike - Harbour Gazette', 'Harbour Gazette')).toBe('Ferry strike')
    expect(stripSiteName('Harbour Gazette: Ferry strike', 'Harbour Gazette')).toBe('Ferry strike')
    expect(stripSiteName('Al-Sharaa meets envoys', undefined)).toBe('Al-Sharaa meets envoys')
  })

  it('decodes a page by its declared charset when it is not UTF-8', async () => {
    const latin = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>'), Buffer.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]), Buffer.from(' on the quay.</p></body></html>')])
    const doc = await extractDocument(latin, 'cafe.html')
    expect(doc.text).toBe('“Café” on the quay.')
    expect(doc.encoding).toBe('windows-1252')
    expect(doc.flags).toEqual([])
  })

  it('reads a bare HTML fragment', async () => {
    const doc = await extractDocument(Buffer.from('<h2>Notes</h2><p>First <b>point</b>.<br>Second line.</p><ul><li>one</li><li>two</li></ul>'), 'notes.html')
    expect(doc.text).toBe('Notes\n\nFirst point.\nSecond line.\n\none\n\ntwo')
  })

  it('refuses a page that is only scripts with a specific error', async () => {
    const html = page('<title>App</title><script src="app.js"></script>', '<div id="root"></div><script>render(document.getElementById("root"))</script><noscript>You need to enable JavaScript to run this app.</noscript>')
    await expect(extractDocument(html, 'app.html')).rejects.toMatchObject({ code: 'script-only-html', message: expect.stringMatching(/only scripts \(2\).*never runs/) })
    await expect(extractDocument(page('<title>Empty</title>', '<div> </div>'), 'empty.html')).rejects.toMatchObject({ code: 'no-article-text' })
  })

  it('refuses a page nested deeper than the limit before parsing it (the parser is quadratic in depth)', async () => {
    const nested = (n: number) => page('<title>Deep</title>', `${'<div>'.repeat(n)}${PROSE}${'</div>'.repeat(n)}`)
    await expect(extractDocument(nested(100_000), 'deep.html')).rejects.toMatchObject({
      code: 'too-complex',
      message: 'deep.html is nested too deeply to read: its structure goes deeper than Dossier can follow. Save or export it again from the program that made it.',
    })
    expect(() => extractClipboard({ html: `${'<div>'.repeat(5_000)}x` })).toThrow(expect.objectContaining({ code: 'too-complex' }))
    expect((await extractDocument(nested(200), 'ok.html')).text).toMatch(/^The harbour master said/)
  })

  it('refuses, as too complex, a structure that overflows the stack of a reader', async () => {
    // With the nesting check out of the way, 20,000 levels overflow a recursive DOM walk.
    const limits = { ...DEFAULT_LIMITS, maxNesting: Number.MAX_SAFE_INTEGER }
    await expect(extractDocument(page('', `${'<div>'.repeat(20_000)}${PROSE}${'</div>'.repeat(20_000)}`), 'deep.html', { limits })).rejects.toMatchObject({ code: 'too-complex', message: /^deep\.html is nested too deeply/ })
  })
})

describe('XSS: nothing executable survives sanitisation', () => {
  const xss = fixture('xss-vectors.html')
  const vectorCount = (Buffer.from(xss).toString('utf8').match(/<!--v-->/g) ?? []).length
  const DANGEROUS: [string, RegExp][] = [
    ['script element', /<script/i],
    ['event handler attribute', /\son[a-z]+\s*=/i],
    ['javascript: URL', /javascript\s*:/i],
    ['vbscript: URL', /vbscript\s*:/i],
    ['data: URL', /data\s*:/i],
    ['iframe', /<iframe/i],
    ['frame/frameset', /<frame/i],
    ['form', /<form/i],
    ['input', /<input/i],
    ['button', /<button/i],
    ['style element', /<style/i],
    ['style attribute', /\sstyle\s*=/i],
    ['object', /<object/i],
    ['embed', /<embed/i],
    ['link', /<link/i],
    ['meta', /<meta/i],
    ['base', /<base/i],
    ['srcdoc', /srcdoc/i],
    ['formaction', /formaction/i],
    ['svg', /<svg/i],
    ['math', /<math/i],
    ['xlink:href', /xlink:href/i],
    ['CSS expression', /expression\s*\(/i],
    ['template', /<template/i],
    ['noscript', /<noscript/i],
    ['img', /<img/i],
    ['media', /<(video|audio|source)/i],
    ['alert call', /alert\s*\(/i],
  ]

  it(`the fixture carries at least 30 known vectors (${vectorCount})`, () => {
    expect(vectorCount).toBeGreaterThanOrEqual(30)
  })

  it('extractDocument keeps the article text and none of the vectors', async () => {
    const doc = await extractDocument(xss, 'xss.html')
    for (const [what, pattern] of DANGEROUS) expect(doc.sanitizedHtml, what).not.toMatch(pattern)
    expect(doc.text).not.toMatch(/alert|javascript/i)
    expect(doc.text).toContain('The harbour board published its annual report on Monday')
    expect(doc.text).toContain('Vector paragraph forty-two. The next report is due next spring.')
    expect(doc.sanitizedHtml).toContain('<a href="https://harbour.example/report">the full report</a>')
  })

  it('sanitizeHtml alone (no Readability in front) removes every vector from the raw page', () => {
    const { html } = sanitizeHtml(Buffer.from(xss).toString('utf8'))
    for (const [what, pattern] of DANGEROUS) expect(html, what).not.toMatch(pattern)
  })

  it('nothing runs when the sanitised HTML is mounted in a DOM that executes scripts and every event fires', async () => {
    const raw = Buffer.from(xss).toString('utf8')
    // The harness must be able to fail: the raw page does run code in it.
    expect(runInScriptingDom(raw).length).toBeGreaterThan(0)
    const doc = await extractDocument(xss, 'xss.html')
    expect(runInScriptingDom(doc.sanitizedHtml!)).toEqual([])
    expect(runInScriptingDom(sanitizeHtml(raw).html)).toEqual([])
  })

  it('clipboard HTML is sanitised too', () => {
    const doc = extractClipboard({ html: '<meta charset="utf-8"><p onclick="alert(1)">Pasted <a href="javascript:alert(2)">text</a></p><script>alert(3)</script>', text: 'Pasted text' })
    expect(doc).toEqual({ format: 'clipboard', text: 'Pasted text', meta: {}, flags: [], sanitizedHtml: '<p>Pasted <a>text</a></p>' })
  })
})

/** Mounts HTML in jsdom with scripts enabled, fires every event a vector could hang on, and returns what ran. */
function runInScriptingDom(html: string): string[] {
  const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as {
    JSDOM: new (html: string, options: Record<string, unknown>) => { window: ScriptWindow }
    VirtualConsole: new () => { on(event: 'jsdomError', listener: (error: Error) => void): void }
  }
  const calls: string[] = []
  const record = (...args: unknown[]) => void calls.push(args.map(String).join(' '))
  // Code that runs in a nested frame calls that frame's own alert(), which jsdom reports as "not implemented".
  const virtualConsole = new VirtualConsole()
  virtualConsole.on('jsdomError', (error) => record(`jsdom: ${error.message}`))
  const { window } = new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`, {
    runScripts: 'dangerously',
    virtualConsole,
    beforeParse(w: ScriptWindow) {
      w.alert = record
      w.confirm = record
      w.prompt = record
      w.eval = record
    },
  })
  const events = ['load', 'error', 'mouseover', 'focus', 'click', 'toggle', 'begin', 'start', 'animationstart', 'pageshow']
  for (const element of Array.from(window.document.querySelectorAll('*'))) {
    for (const type of events) element.dispatchEvent(new window.Event(type))
  }
  window.close()
  return calls
}

interface ScriptWindow {
  alert: unknown
  confirm: unknown
  prompt: unknown
  eval: unknown
  Event: new (type: string) => unknown
  document: { querySelectorAll(selector: string): ArrayLike<{ dispatchEvent(event: unknown): boolean }> }
  close(): void
}
