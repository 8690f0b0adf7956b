/**
 * A hostile web page imported and read in the app: the fixture carries 42 XSS vectors
 * (scripts, event handlers, javascript:/data: URLs, frames, forms, SVG/MathML mXSS, remote
 * resources), each of which would call alert() or fetch from xss.example if it ran.
 * Nothing may run: no dialog, no recorded call, no console error from a vector, no
 * executable markup in the reader, no request leaving the app, and no markup in the text
 * the notebook stores.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, ROOT, test } from './harness'

const FIXTURE = join(ROOT, 'src', 'main', 'import', 'fixtures', 'xss-vectors.html')
const TITLE = 'Harbour board publishes its annual report'

/** The library shows articles as options (list) or rows (table); either opens the article. */
async function openFromLibrary(page: Page, title: RegExp): Promise<void> {
  const option = page.getByRole('option', { name: title })
  const row = page.getByRole('row', { name: title })
  await expect(option.or(row).first()).toBeVisible()
  if ((await option.count()) > 0) await option.first().click()
  else await row.first().click()
}

/** Every way a vector could announce itself in the page, recorded in `window.__xss`. */
async function installTripwires(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown> & { __xss: string[] }
    w.__xss = []
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      w[name] = (...args: unknown[]) => void w.__xss.push(`${name}(${args.map(String).join(', ')})`)
    }
    // A javascript: URL navigation or an inline handler would report here before the page changed.
    window.addEventListener('securitypolicyviolation', (e) => void w.__xss.push(`csp: ${e.violatedDirective} ${e.blockedURI}`))
  })
}

/** What in the reader could run code or load something: elements, handler attributes, script URLs. */
async function dangerousMarkup(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((roots) => {
    const found: string[] = []
    const tags = 'script, iframe, frame, frameset, object, embed, form, input, button, style, link, meta, base, svg, math, template, noscript, img, video, audio, source'
    for (const root of roots) {
      // The reader's own controls (the folds' buttons, the margin's highlight bars) sit around
      // and between the paragraphs: elements count inside the text only, never the app's own.
      const text = root.querySelector('.article-body, .article-text') ?? root
      for (const el of text.querySelectorAll(tags)) {
        if (el.matches('button.furniture-toggle, button.margin-bar')) continue
        found.push(`<${el.tagName.toLowerCase()}>`)
      }
      // Handler attributes and script URLs count anywhere in the reader.
      for (const el of [root, ...root.querySelectorAll('*')]) {
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${el.tagName.toLowerCase()}[${attr.name}]`)
          if (/^\s*(javascript|vbscript|data):/i.test(attr.value)) found.push(`${el.tagName.toLowerCase()}[${attr.name}=${attr.value}]`)
          if (attr.name === 'srcdoc' || attr.name === 'formaction' || attr.name === 'xlink:href') found.push(`${el.tagName.toLowerCase()}[${attr.name}]`)
        }
      }
    }
    return found
  })
}

test('an article full of XSS vectors is imported and read without anything running', async ({ app }) => {
  const { page } = app
  const fixture = readFileSync(FIXTURE, 'utf8')
  expect((fixture.match(/<!--v-->/g) ?? []).length).toBe(42)

  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss()
  })
  const consoleProblems: string[] = []
  page.on('console', (m) => {
    if (/alert|xss|javascript:/i.test(m.text())) consoleProblems.push(`${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`))
  // Scheme and host, not URL.origin: that is "null" for the app's own app://dossier.
  const pageUrl = new URL(page.url())
  const appBase = `${pageUrl.protocol}//${pageUrl.host}/`
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  const leftTheApp = (url: string) => !(url.startsWith('data:') || url.startsWith('blob:') || url.startsWith(appBase))

  await installTripwires(page)

  await app.answerDialogs({ importFiles: [[FIXTURE]] })
  await page.getByRole('button', { name: /^Import/ }).first().click()
  await expect(page.getByRole('status')).toContainText('Imported 1 article')

  await openFromLibrary(page, new RegExp(TITLE))
  const reader = page.getByRole('article')
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(TITLE)
  await expect(reader).toContainText('The harbour board published its annual report on Monday')
  await expect(reader).toContainText('The next report is due next spring.')
  expect(await dangerousMarkup(page, 'article')).toEqual([])

  // Give anything deferred (onload, onerror, autofocus, animations, marquee) time to fire.
  await page.waitForTimeout(1_500)
  // Hover, focus and click through the text, where onmouseover/onfocus/onclick vectors sat.
  const body = reader.getByText(/hover text|a hash link|Vector paragraph sixteen/).first()
  if ((await body.count()) > 0) {
    await body.hover()
    await body.click()
  }
  await page.keyboard.press('Tab')
  await page.waitForTimeout(300)

  expect(dialogs).toEqual([])
  expect(await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)).toEqual([])
  expect(consoleProblems).toEqual([])
  expect(await dangerousMarkup(page, '[role="article"], article')).toEqual([])
  expect(await page.locator('iframe, object, embed, frame').count()).toBe(0)
  expect(requests.filter(leftTheApp)).toEqual([])
  expect(page.url().startsWith(appBase)).toBe(true)

  // What the notebook stores is text: no markup, no script, nothing of the vectors.
  const catalog = JSON.parse(readFileSync(join(app.notebookDir, 'catalog.json'), 'utf8')) as { articles: { title: string; bodyHash: string }[] }
  const stored = catalog.articles.find((a) => a.title === TITLE)
  expect(stored).toBeDefined()
  const text = readFileSync(join(app.notebookDir, 'bodies', `${stored!.bodyHash}.txt`), 'utf8')
  expect(text).toContain('Vector paragraph forty-two. The next report is due next spring.')
  expect(text).not.toMatch(/<\s*(script|iframe|img|svg|math|object|embed|form|style|a)\b/i)
  expect(text).not.toMatch(/\bon[a-z]+\s*=|javascript\s*:|vbscript\s*:|alert\s*\(/i)
})
