/**
 * Reading order and paragraphs for text positioned on PDF pages (pure: no pdfjs here, so
 * it is tested with hand-made runs as well as with real PDFs).
 *
 * A page's runs (positioned strings) are merged into fragments, then ordered by a
 * recursive XY-cut: a region is split at a vertical gutter (an x-range no fragment
 * crosses, at least a font size wide, with text of some width on both sides) into columns
 * read left to right; failing that, at its widest horizontal gap into parts read top to
 * bottom; a region with no gap left is one block of lines. So a full-width headline above
 * two columns reads headline, left column, right column.
 *
 * Within a block, a new paragraph starts where the vertical gap between lines is larger
 * than the block's usual line spacing, where the font size changes, where a line is indented,
 * or where the previous line stopped short although the next word would have fitted.
 * Blocks and pages are separate paragraphs unless the text visibly runs on (no sentence end,
 * a lower-case start, or a line-end hyphen).
 *
 * A bare page number ("3", "Page 3 of 12", "– 3 –") alone at the top or bottom of a page
 * is dropped: it is pagination, and it would split a paragraph running on to the next page.
 * Running headers and other page furniture stay (text analysis finds and folds those).
 *
 * Pages are joined, and words split at line ends de-hyphenated, in ./pdf-join.
 */

import { endsWithWordHyphen, runsOn, wordEms } from './pdf-join'

export { joinPages } from './pdf-join'

export interface TextRun {
  str: string
  /** Left end of the baseline, in PDF units (y grows upwards). */
  x: number
  y: number
  width: number
  /** Font size (height of the em square). */
  size: number
  rtl?: boolean
}

interface Fragment {
  runs: TextRun[]
  x0: number
  x1: number
  y: number
  size: number
  top: number
  bottom: number
  rtl: boolean
}

interface Line {
  text: string
  x0: number
  x1: number
  y: number
  size: number
}

/** A page's text as paragraphs, each a list of lines (joined later, once the whole document is known). */
export interface PageLayout {
  paragraphs: string[][]
  /** Room left at the end of the page's last line, in ems (null: too little text to tell). */
  endRoom: number | null
  /** The page's first line starts at its column's left edge (no paragraph indent). */
  startsFlush: boolean
}

interface Block {
  lines: Line[]
  left: number
  right: number
}

export function layoutPage(runs: readonly TextRun[]): PageLayout {
  const visible = runs.filter((r) => r.str.trim().length > 0 && r.size > 0)
  if (visible.length === 0) return { paragraphs: [], endRoom: null, startsFlush: false }
  const fragments = toFragments(visible)
  const sizes = fragments.map((f) => f.size).sort((a, b) => a - b)
  const typicalSize = sizes[Math.floor(sizes.length / 2)]!
  const blocks: Block[] = xyCut(fragments, typicalSize)
    .map(toLines)
    .filter((lines) => lines.length > 0)
    .map((lines) => ({ lines, left: Math.min(...lines.map((l) => l.x0)), right: Math.max(...lines.map((l) => l.x1)) }))
  widenToColumns(blocks)
  // A bare page number alone at the top or bottom of the page is pagination, not text, and
  // would otherwise split a paragraph that runs on to the next page.
  if (blocks.length > 1 && isPageNumber(blocks[blocks.length - 1]!)) blocks.pop()
  if (blocks.length > 1 && isPageNumber(blocks[0]!)) blocks.shift()

  const paragraphs: string[][] = []
  let previous: Block | null = null
  for (const block of blocks) {
    splitParagraphs(block).forEach((lines, index) => {
      if (index === 0 && previous && continuesInto(previous, block)) paragraphs[paragraphs.length - 1]!.push(...lines.map((l) => l.text))
      else paragraphs.push(lines.map((l) => l.text))
    })
    previous = block
  }
  const first = blocks[0]!
  const last = blocks[blocks.length - 1]!
  // A one-line block at the top (a running header) says nothing about paragraph indents.
  return { paragraphs, endRoom: endRoom(last), startsFlush: first.lines.length > 1 && isFlush(first) }
}

/**
 * A block's margins are those of its column: blocks above and below it that share most of
 * its width. A block of one-line paragraphs, all indented and short, then still shows its
 * indents and short lines.
 */
function widenToColumns(blocks: Block[]): void {
  const own = blocks.map((b) => ({ left: b.left, right: b.right }))
  blocks.forEach((block, i) => {
    for (const other of own) {
      const overlap = Math.min(other.right, own[i]!.right) - Math.max(other.left, own[i]!.left)
      if (overlap >= 0.7 * Math.max(other.right - other.left, own[i]!.right - own[i]!.left)) {
        block.left = Math.min(block.left, other.left)
        block.right = Math.max(block.right, other.right)
      }
    }
  })
}

function isPageNumber(block: Block): boolean {
  return block.lines.length === 1 && /^(?:(?:page|p\.|seite|página|page n°)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/|von|de|sur)\s*\d{1,4})?$/i.test(block.lines[0]!.text)
}

/** A column break (the next block starts higher up) inside a paragraph: a full last line, a flush first line. */
function continuesInto(previous: Block, next: Block): boolean {
  const last = previous.lines[previous.lines.length - 1]!
  const first = next.lines[0]!
  if (runsOn(last.text, first.text)) return true
  const room = endRoom(previous)
  return first.y > last.y && Math.abs(first.size - last.size) <= 0.15 * last.size && room !== null && wordEms(first.text) > room && isFlush(next)
}

/** Room at the end of a block's last line, in ems; null for a one-line block (no width to compare with). */
function endRoom(block: Block): number | null {
  const last = block.lines[block.lines.length - 1]!
  return block.lines.length > 1 ? (block.right - last.x1) / last.size : null
}

function isFlush(block: Block): boolean {
  const first = block.lines[0]!
  return first.x0 <= block.left + 0.5 * first.size
}

function toFragments(runs: TextRun[]): Fragment[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x)
  const fragments: Fragment[] = []
  const open: Fragment[] = []
  for (const run of sorted) {
    const right = run.x + Math.max(run.width, 0)
    const target = open.find((f) => Math.abs(f.y - run.y) < 0.35 * Math.max(f.size, run.size) && run.x - f.x1 < 0.6 * Math.max(f.size, run.size) && run.x - f.x1 > -0.5 * run.size && f.rtl === !!run.rtl)
    if (target) {
      target.runs.push(run)
      target.x1 = Math.max(target.x1, right)
      target.size = Math.max(target.size, run.size)
      target.top = Math.max(target.top, run.y + 0.8 * run.size)
      target.bottom = Math.min(target.bottom, run.y - 0.2 * run.size)
      continue
    }
    const fragment: Fragment = { runs: [run], x0: run.x, x1: right, y: run.y, size: run.size, top: run.y + 0.8 * run.size, bottom: run.y - 0.2 * run.size, rtl: !!run.rtl }
    fragments.push(fragment)
    open.push(fragment)
    // Only fragments on nearby baselines can still grow.
    while (open.length > 0 && open[0]!.y - run.y > 2 * open[0]!.size) open.shift()
  }
  return fragments
}

function xyCut(fragments: Fragment[], typicalSize: number): Fragment[][] {
  if (fragments.length <= 1) return [fragments]
  const vertical = verticalCut(fragments, typicalSize)
  if (vertical !== null) {
    return [...xyCut(fragments.filter((f) => f.x1 <= vertical), typicalSize), ...xyCut(fragments.filter((f) => f.x1 > vertical), typicalSize)]
  }
  const gaps = horizontalGaps(fragments)
  if (gaps.length === 0) return [fragments]
  const above = (at: number) => fragments.filter((f) => f.bottom >= at)
  const below = (at: number) => fragments.filter((f) => f.bottom < at)
  const sorted = gaps.map((g) => g.gap).sort((a, b) => a - b)
  // Too few gaps to know the usual one: assume ordinary leading (line boxes 0.2–0.5 em apart).
  const median = sorted[Math.floor((sorted.length - 1) / 2)]!
  const usual = sorted.length < 3 ? Math.min(median, 0.5 * typicalSize) : median
  const byWidth = [...gaps].sort((a, b) => b.gap - a.gap)
  // A gap clearly wider than the usual space between lines separates parts (headline,
  // paragraphs, a band of columns); failing that, any gap that isolates columns.
  const cut =
    byWidth.find((g) => g.gap > Math.max(usual * 1.6, usual + 0.4 * typicalSize)) ??
    byWidth.find((g) => verticalCut(above(g.at), typicalSize) !== null || verticalCut(below(g.at), typicalSize) !== null)
  if (!cut) return [fragments]
  return [...xyCut(above(cut.at), typicalSize), ...xyCut(below(cut.at), typicalSize)]
}

/** The x of the widest gutter that makes columns, or null. */
function verticalCut(fragments: Fragment[], typicalSize: number): number | null {
  if (fragments.length < 2) return null
  const byX = [...fragments].sort((a, b) => a.x0 - b.x0)
  const left = byX[0]!.x0
  const right = Math.max(...fragments.map((f) => f.x1))
  const width = right - left
  const minSide = Math.max(0.15 * width, 4 * typicalSize)
  let reach = byX[0]!.x1
  let best: { at: number; gap: number } | null = null
  for (const f of byX.slice(1)) {
    const gap = f.x0 - reach
    if (gap >= typicalSize && reach - left >= minSide && right - f.x0 >= minSide && (!best || gap > best.gap)) best = { at: reach + gap / 2, gap }
    reach = Math.max(reach, f.x1)
  }
  if (!best) return null
  // Columns hold more than one line each: a wide gap in one row (a justified line above a
  // short one, a label and its value) is not a gutter.
  const rows = (side: Fragment[]) => new Set(side.map((f) => Math.round(f.y / Math.max(1, f.size * 0.5)))).size
  const at = best.at
  return rows(fragments.filter((f) => f.x1 <= at)) > 1 && rows(fragments.filter((f) => f.x1 > at)) > 1 ? at : null
}

/** Horizontal white bands no fragment crosses, top to bottom; `at` is the bottom of the part above. */
function horizontalGaps(fragments: Fragment[]): { at: number; gap: number }[] {
  const byTop = [...fragments].sort((a, b) => b.top - a.top)
  let floor = byTop[0]!.bottom
  const gaps: { at: number; gap: number }[] = []
  for (const f of byTop.slice(1)) {
    const gap = floor - f.top
    if (gap > 0) gaps.push({ at: floor, gap })
    floor = Math.min(floor, f.bottom)
  }
  return gaps
}

function toLines(fragments: Fragment[]): Line[] {
  const sorted = [...fragments].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const groups: Fragment[][] = []
  for (const f of sorted) {
    const group = groups[groups.length - 1]
    if (group && Math.abs(group[0]!.y - f.y) < 0.4 * Math.max(group[0]!.size, f.size)) group.push(f)
    else groups.push([f])
  }
  return groups.map((group) => {
    const rtl = group.filter((f) => f.rtl).length * 2 > group.length
    const runs = group.flatMap((f) => f.runs).sort((a, b) => (rtl ? b.x + b.width - (a.x + a.width) : a.x - b.x))
    let text = ''
    let end = Number.NEGATIVE_INFINITY
    let previous: TextRun | null = null
    for (const run of runs) {
      // Fake bold: the same string drawn twice, slightly offset.
      if (previous && previous.str === run.str && Math.abs(previous.x - run.x) < 0.2 * run.size) continue
      const gap = rtl ? end - (run.x + run.width) : run.x - end
      if (text && gap > 0.15 * run.size && !/\s$/.test(text) && !/^\s/.test(run.str)) text += ' '
      text += run.str
      end = rtl ? run.x : run.x + run.width
      previous = run
    }
    return {
      text: text.replace(/[ \t\n\r\f\v]+/g, ' ').replace(/^ | $/g, ''), // NBSP is text, not layout
      x0: Math.min(...group.map((f) => f.x0)),
      x1: Math.max(...group.map((f) => f.x1)),
      y: group[0]!.y,
      size: Math.max(...group.map((f) => f.size)),
    }
  }).filter((l) => l.text.length > 0)
}

function splitParagraphs(block: Block): Line[][] {
  const { lines } = block
  const gaps = lines
    .slice(1)
    .map((l, i) => lines[i]!.y - l.y)
    .filter((g) => g > 0)
    .sort((a, b) => a - b)
  const median = gaps[Math.floor((gaps.length - 1) / 2)] ?? 0
  // A block of two or three lines says little about its leading: assume at most 1.5 em.
  const spacing = gaps.length < 3 ? Math.min(median, 1.5 * Math.max(...lines.map((l) => l.size))) : median
  // Indented lines start paragraphs (first-line indents) unless they mostly continue a
  // full unindented line above them (hanging indents: lists, references).
  const indented = lines.filter((l) => isIndented(l, block))
  const hanging = lines.filter((l, i) => i > 0 && isIndented(l, block) && !isIndented(lines[i - 1]!, block) && block.right - lines[i - 1]!.x1 < 2 * l.size).length
  const indentStyle = indented.length > 0 && hanging * 2 < indented.length
  const paragraphs: Line[][] = []
  let current: Line[] = []
  lines.forEach((line, index) => {
    const prev = lines[index - 1]
    if (prev && current.length > 0 && startsParagraph(prev, line, { spacing, block, indentStyle })) {
      paragraphs.push(current)
      current = []
    }
    current.push(line)
  })
  if (current.length) paragraphs.push(current)
  return paragraphs
}

function isIndented(line: Line, block: Block): boolean {
  return line.x0 - block.left > 0.9 * line.size
}

function startsParagraph(prev: Line, line: Line, { spacing, block, indentStyle }: { spacing: number; block: Block; indentStyle: boolean }): boolean {
  const gap = prev.y - line.y
  const size = Math.max(prev.size, line.size)
  if (spacing > 0 && gap > Math.max(spacing * 1.35, spacing + 0.35 * size)) return true
  if (Math.abs(prev.size - line.size) > 0.15 * size) return true
  // A word (or a URL, "RO/RO") broken at the line end continues on the next line.
  if ((endsWithWordHyphen(prev.text) || /\S\/$/.test(prev.text)) && /^[\p{L}\p{N}]/u.test(line.text)) return false
  if (indentStyle && isIndented(line, block)) return true
  if (/^[•◦▪▫‣⁃●■□➢►]\s/u.test(line.text)) return true // a list item
  // The line ended early although the next line's first word would have fitted (with a
  // wider margin when no sentence ended there, as the word width is an estimate).
  if (block.right - block.left <= 8 * size) return false
  const room = (block.right - prev.x1) / line.size
  const word = wordEms(line.text)
  return /[.!?:"”’)]$/.test(prev.text) ? room > word + 0.5 : room > word * 1.4 + 1.5
}
