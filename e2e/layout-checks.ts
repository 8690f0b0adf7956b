/**
 * What the views spec checks on every view: axe-core finds no serious or critical
 * violation (label-in-name included), and nothing of the header, the panes, the drawers or
 * the dialogs lies outside the window or is cut off by a box that clips without scrolling.
 * Screenshots go to test-artifacts/e2e/views/ for people to look at.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ARTIFACTS_DIR, expect } from './harness'

/** The boxes whose every element must be in view: the frame, the panes and what floats over them. */
export const CHECKED = [
  'header.app-header',
  '.workspace > *',
  '.library-pane',
  '.passages',
  '.tags',
  '.entities',
  '.briefing-list',
  '.briefing-main',
  '.import-log',
  '.status-bar',
  'dialog[open]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="toolbar"]',
  '[role="menu"]',
].join(', ')

export interface Violation {
  rule: string
  impact: string
  nodes: string[]
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    // WCAG 2.5.3 (label in name): the visible label must be part of the accessible name.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact ?? '', nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)) }))
}

/**
 * Elements of the checked boxes that lie outside the window, or outside a box that clips
 * them without letting them be scrolled to (overflow hidden or clip). An element inside a
 * scrolling region of its own box can be scrolled to and counts as in view; the region
 * itself is checked. A page or view that scrolls sideways is reported too.
 */
export async function outOfView(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = []
    const vw = document.documentElement.clientWidth
    const vh = document.documentElement.clientHeight
    const describe = (el: Element) => {
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)
      return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${text}"`
    }
    const scrolls = (cs: CSSStyleDeclaration) => /(auto|scroll)/.test(cs.overflowX + cs.overflowY)
    const clips = (cs: CSSStyleDeclaration) => cs.overflowX !== 'visible' || cs.overflowY !== 'visible'
    const seen = new Set<Element>()
    for (const root of document.querySelectorAll(selector)) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (seen.has(el)) continue
        seen.add(el)
        const rect = el.getBoundingClientRect()
        const style = getComputedStyle(el)
        if (el.getClientRects().length === 0 || style.visibility === 'hidden' || (rect.width <= 1 && rect.height <= 1)) continue
        let box = { left: 0, top: 0, right: vw, bottom: vh }
        let scrollable = false
        let fixed = style.position === 'fixed'
        for (let a = el.parentElement; a && !fixed; a = a.parentElement) {
          const cs = getComputedStyle(a)
          if (clips(cs)) {
            if (scrolls(cs) && root.contains(a) && a !== el) {
              scrollable = true
              break
            }
            const r = a.getBoundingClientRect()
            box = { left: Math.max(box.left, r.left), top: Math.max(box.top, r.top), right: Math.min(box.right, r.right), bottom: Math.min(box.bottom, r.bottom) }
          }
          fixed = cs.position === 'fixed'
        }
        if (scrollable) continue
        const slack = 1
        if (rect.left < box.left - slack || rect.top < box.top - slack || rect.right > box.right + slack || rect.bottom > box.bottom + slack) {
          problems.push(`${describe(el)} at ${Math.round(rect.left)},${Math.round(rect.top)}–${Math.round(rect.right)},${Math.round(rect.bottom)} outside ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`)
        }
      }
    }
    const root = document.scrollingElement
    if (root && root.scrollWidth > root.clientWidth + 1) problems.push(`the page scrolls sideways (${root.scrollWidth} px in ${root.clientWidth})`)
    const view = document.querySelector('main')
    if (view && view.scrollWidth > view.clientWidth + 1) problems.push(`the view scrolls sideways (${view.scrollWidth} px in ${view.clientWidth})`)
    return problems.slice(0, 20)
  }, CHECKED)
}

/** Saves the window as it is to test-artifacts/e2e/views/<name>.png. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(ARTIFACTS_DIR, 'views')
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${name}.png`) })
}

/** The two window sizes every view is checked at. */
export const CHECK_SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 640 },
] as const

/**
 * The page as it stands, at both sizes in both themes: a screenshot each
 * (`<name>-<w>x<h>-<theme>-<mode>`), nothing out of view, no serious axe violation (soft
 * assertions, so one stage's failure still shows the others). Back to 1280x800 after.
 */
export async function checkSizesAndThemes(page: Page, name: string, mode: string): Promise<void> {
  for (const size of CHECK_SIZES) {
    await page.setViewportSize(size)
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const label = `${name}-${size.width}x${size.height}-${colorScheme}-${mode}`
      await keepScreenshot(page, label)
      expect.soft(await outOfView(page), `out of view: ${label}`).toEqual([])
      expect.soft(await seriousViolations(page), `axe: ${label}`).toEqual([])
    }
  }
  await page.emulateMedia({ colorScheme: null })
  await page.setViewportSize(CHECK_SIZES[0])
}
