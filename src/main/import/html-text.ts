/**
 * Plain text from a DOM (linkedom or jsdom; only the node interface below is used), laid
 * out as paragraphs separated by a blank line: every block element starts and ends a
 * paragraph, `<br>` is a line break inside one, white space in text collapses as a browser
 * renders it (except in `<pre>`), table rows become lines with cells separated by tabs.
 * Scripts, styles and templates contribute nothing.
 */

export interface DomNode {
  nodeType: number
  nodeName: string
  nodeValue: string | null
  textContent: string | null
  childNodes: ArrayLike<DomNode>
}

const ELEMENT = 1
const TEXT = 3
const CDATA = 4

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIR', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI',
  'LEGEND', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'UL',
])
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'SELECT', 'TEXTAREA', 'BUTTON'])

export function htmlToText(root: DomNode): string {
  const paragraphs: string[] = []
  let lines: string[] = ['']
  const flush = (): void => {
    const text = lines
      .map((l) => l.replace(/[ \t\n\r\f]+/g, ' ').trim())
      .filter((l) => l.length > 0)
      .join('\n')
    if (text) paragraphs.push(text)
    lines = ['']
  }
  const append = (text: string): void => {
    lines[lines.length - 1] += text
  }

  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      append(node.nodeValue ?? '')
      return
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return
    const name = node.nodeName.toUpperCase()
    if (SKIP.has(name)) return
    if (name === 'BR') {
      lines.push('')
      return
    }
    if (name === 'PRE') {
      flush()
      const text = (node.textContent ?? '').replace(/^\n/, '').replace(/\s+$/, '')
      if (text.trim()) paragraphs.push(text)
      return
    }
    if (name === 'TABLE') {
      flush()
      const rows = tableRows(node)
      if (rows.length) paragraphs.push(rows.join('\n'))
      return
    }
    const block = BLOCK.has(name)
    if (block) flush()
    for (const child of Array.from(node.childNodes)) walk(child)
    if (block) flush()
  }
  walk(root)
  flush()
  return paragraphs.join('\n\n')
}

function tableRows(table: DomNode): string[] {
  const rows: string[] = []
  const visit = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== ELEMENT) continue
      const name = child.nodeName.toUpperCase()
      if (name === 'TR') {
        const cells = Array.from(child.childNodes)
          .filter((c) => c.nodeType === ELEMENT && /^T[DH]$/i.test(c.nodeName))
          .map((c) => htmlToText(c).replace(/\s+/g, ' ').trim())
        if (cells.some((c) => c.length > 0)) rows.push(cells.join('\t'))
      } else if (name === 'CAPTION') {
        const caption = htmlToText(child)
        if (caption) rows.push(caption)
      } else if (name !== 'TABLE' && !SKIP.has(name)) visit(child)
    }
  }
  visit(table)
  return rows
}

/** Visible text of a DOM subtree, white space collapsed: for "is there anything but scripts?" checks. */
export function visibleText(root: DomNode): string {
  return htmlToText(root).replace(/\s+/g, ' ').trim()
}
