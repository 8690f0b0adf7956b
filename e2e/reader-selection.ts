/** Selects a passage in the reader the way a user's drag would leave it: a DOM Selection, then mouseup. */
import type { Page } from '@playwright/test'

export async function selectTextInReader(page: Page, passage: string): Promise<void> {
  const found = await page.getByRole('article').evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    let all = ''
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text)
      all += (n as Text).data
    }
    const at = all.indexOf(wanted)
    if (at === -1) return false
    const locate = (offset: number, preferEnd: boolean): [Text, number] => {
      let seen = 0
      for (const node of nodes) {
        const len = node.data.length
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
