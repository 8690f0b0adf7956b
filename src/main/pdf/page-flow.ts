/**
 * The first pass's medium: drawing operations (text runs, rectangles, rules, links, named
 * destinations) recorded per page, and the Flow that places text lines down the pages,
 * breaking pages between lines without orphans or widows and reporting where each part
 * landed. Also the shared measures (`baselineOffset`, `height`), the level-1 `heading`,
 * and `drawOp`, which draws one recorded operation in the second pass.
 */
import { BOTTOM, COLOR, CONTENT, MARGIN, S, type Style } from './page-design'
import { drawRun, makeMeasure, rule, type Doc } from './pdf-document'
import { layoutText, type FontKey, type TextLine } from './text-layout'

type Deferred = string | ((ctx: DrawContext) => string)

export type Op =
  | { kind: 'text'; x: number; y: number; text: Deferred; font: FontKey; size: number; color: string; align?: 'left' | 'right' }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { kind: 'rule'; x1: number; x2: number; y: number; color: string; width: number }
  | { kind: 'goTo'; x: number; y: number; w: number; h: number; name: string }
  | { kind: 'url'; x: number; y: number; w: number; h: number; url: string }
  | { kind: 'dest'; name: string; y: number }

export interface PageOps {
  /** Backgrounds, drawn first. */
  under: Op[]
  ops: Op[]
}

export interface OutlineEntry {
  title: string
  page: number
  y: number
  children: OutlineEntry[]
}

export interface DrawContext {
  pageCount: number
  pageOf: (dest: string) => number
}

interface Fragment {
  page: number
  top: number
  bottom: number
}

export class Flow {
  readonly pages: PageOps[] = []
  readonly dests = new Map<string, number>()
  page = -1
  y = MARGIN.top

  constructor(readonly measure: (font: FontKey, text: string) => number) {
    this.newPage()
  }

  newPage(): void {
    this.pages.push({ under: [], ops: [] })
    this.page = this.pages.length - 1
    this.y = MARGIN.top
  }

  get atTop(): boolean {
    return this.y <= MARGIN.top + 0.5
  }

  get space(): number {
    return BOTTOM - this.y
  }

  /** A new page unless `height` still fits (never leaves a page empty). */
  ensure(height: number): void {
    if (!this.atTop && this.y + height > BOTTOM) this.newPage()
  }

  add(op: Op, page = this.page): void {
    this.pages[page]!.ops.push(op)
  }

  under(op: Op, page = this.page): void {
    this.pages[page]!.under.push(op)
  }

  dest(name: string): void {
    this.dests.set(name, this.page)
    this.add({ kind: 'dest', name, y: this.y })
  }

  lines(text: string, style: Style, width: number): TextLine[] {
    return layoutText(text, style.font, style.size, width, this.measure)
  }

  /**
   * Places lines at x, breaking pages between lines: never 1 line alone at the foot of a
   * page when more follow (orphan), never 1 line alone at the top of the next (widow).
   * `padding` is added above/below the part on each page (for boxes). Returns the parts.
   */
  placeLines(lines: TextLine[], style: Style, x: number, width: number, padding = 0): Fragment[] {
    const fragments: Fragment[] = []
    let i = 0
    while (i < lines.length) {
      let fit = Math.floor((this.space - 2 * padding) / style.leading)
      const remaining = lines.length - i
      if (fit < remaining) {
        if (fit < 2 && !this.atTop) {
          this.newPage()
          continue
        }
        if (remaining - fit === 1 && fit >= 3) fit -= 1
      }
      const count = Math.max(1, Math.min(fit, remaining))
      const top = this.y
      this.y += padding
      for (let k = 0; k < count; k++) this.drawLine(lines[i + k]!, style, x, width)
      this.y += padding
      fragments.push({ page: this.page, top, bottom: this.y })
      i += count
      if (i < lines.length) this.newPage()
    }
    return fragments
  }

  /** One line at the current y, advancing y by the style's leading. */
  drawLine(line: TextLine, style: Style, x: number, width: number, color = style.color): void {
    const baseline = this.y + baselineOffset(style)
    const start = line.align === 'right' ? x + width - line.width : x
    for (const run of line.runs) {
      this.add({ kind: 'text', x: start + run.x, y: baseline, text: run.text, font: run.font, size: style.size, color })
    }
    this.y += style.leading
  }
}

/** Baseline within a line box: centres capitals and descenders (Noto Sans metrics). */
export function baselineOffset(style: Style): number {
  return style.leading / 2 + 0.21 * style.size
}

export const height = (lines: TextLine[], style: Style) => lines.length * style.leading

/** A level-1 heading (key judgments, contents, sources) with a rule under it. */
export function heading(flow: Flow, text: string): void {
  flow.drawLine(flow.lines(text, S.h1, CONTENT.width)[0]!, S.h1, CONTENT.left, CONTENT.width)
  flow.y += 2
  flow.add({ kind: 'rule', x1: CONTENT.left, x2: CONTENT.right, y: flow.y, color: COLOR.rule, width: 0.75 })
  flow.y += 10
}

/** Draws one recorded operation on the current page (second pass). */
export function drawOp(doc: Doc, op: Op, ctx: DrawContext): void {
  switch (op.kind) {
    case 'text': {
      const text = typeof op.text === 'function' ? op.text(ctx) : op.text
      let x = op.x
      if (op.align === 'right') x -= makeMeasure(doc)(op.font, text) * op.size
      drawRun(doc, text, op.font, op.size, op.color, x, op.y)
      return
    }
    case 'rect':
      doc.save()
      if (op.radius) doc.roundedRect(op.x, op.y, op.w, op.h, op.radius)
      else doc.rect(op.x, op.y, op.w, op.h)
      doc.fill(op.color).restore()
      return
    case 'rule':
      rule(doc, op.x1, op.x2, op.y, op.color, op.width)
      return
    case 'goTo':
      doc.goTo(op.x, op.y, op.w, op.h, op.name)
      return
    case 'url':
      doc.link(op.x, op.y, op.w, op.h, op.url)
      return
    case 'dest':
      doc.addNamedDestination(op.name, 'XYZ', null, op.y - 8, null)
      return
  }
}
