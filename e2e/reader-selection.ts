/**
 * Helpers for driving the reader's text: select a passage the way a user's drag would
 * leave it (a DOM Selection, then mouseup), and find where a passage sits on screen.
 * They read only the article's paragraphs (`p[data-start]`), not the header or margin.
 */
import type { Page } from '@playwright/test'

export async function selectTextInReader(page: Page, passage: string): Promise<void> {
  const found = await page.getByRole('article').evaluate((root, wanted) => {
    const nodes: Text[] = []
    let all = ''
    for (const p of root.querySelectorAll('p[data-start]')) {
      const n = p.firstChild
      if (!(n instanceof Text)) continue
      nodes.push(n)
      all += n.data + '\u0000' // never let a passage match across paragraphs
    }
    const at = all.indexOf(wanted)
    if (at === -1) return false
    const locate = (offset: number, preferEnd: boolean): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        const len = node.data.length + 1
        if (offset < seen + len || (preferEnd && offset === seen + len)) return [node, offset - seen]
        seen += len
      }
      const last = nodes[nodes.length - 1]!
      return [last, last.data.length]
    }
    const [startNode, startOffset] = locate(at, false)
    const [endNode, endOffset] = locate(at + wanted.length, true)
    const range = document.createRange()
    range.setStart(startNode, startOffset)
    range.setEnd(endNode, endOffset)
    const selection = window.getSelection()!
    selection.removeAllRanges()
    selection.addRange(range)
    const rect = range.getBoundingClientRect()
    endNode.parentElement?.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }))
    return true
  }, passage)
  if (!found) throw new Error(`The reader does not show the passage: ${passage.slice(0, 60)}…`)
}

/** The viewport centre of the first character of `passage` in the reader's text. */
export async function pointInReaderText(page: Page, passage: string): Promise<{ x: number; y: number }> {
  const point = await page.getByRole('article').evaluate((root, wanted) => {
    for (const p of root.querySelectorAll('p[data-start]')) {
      const node = p.firstChild
      const at = node instanceof Text ? node.data.indexOf(wanted) : -1
      if (at === -1 || !(node instanceof Text)) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + 1)
      const rect = range.getBoundingClientRect()
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    }
    return null
  }, passage)
  if (!point) throw new Error(`The reader does not show the passage: ${passage.slice(0, 60)}…`)
  return point
}

/** Puts a collapsed selection (a caret) before `passage` in the reader's text and focuses the article. */
export async function placeCaretInReader(page: Page, passage: string): Promise<void> {
  const placed = await page.getByRole('article').evaluate((root, wanted) => {
    for (const p of root.querySelectorAll('p[data-start]')) {
      const node = p.firstChild
      const at = node instanceof Text ? node.data.indexOf(wanted) : -1
      if (at === -1 || !(node instanceof Text)) continue
      ;(root as HTMLElement).focus()
      window.getSelection()!.collapse(node, at)
      return true
    }
    return false
  }, passage)
  if (!placed) throw new Error(`The reader does not show the passage: ${passage.slice(0, 60)}…`)
}
