/**
 * The first pass's medium: drawing operations (text runs, rectangles, rules, links, named
 * destinations) recorded per page, and the Flow that places text lines down the pages,
 * breaking pages between lines without orphans or widows and reporting where each part
 * landed. The flow also builds the document's logical structure (./structure): `tag`
 * opens an element around what a composer lays out, and each text run and link is
 * recorded with the element it belongs to. Also the shared measures (`baselineOffset`,
 * `height`), the level-2 `heading`, and `drawOp`, which draws one recorded operation in the
 * second pass.
 */
import { BOTTOM, COLOR, CONTENT, MARGIN, S, type Style } from './page-design'
import { drawRun, makeMeasure, rule, type Doc } from './pdf-document'
import { addStructChild, markContent, structRoot, type StructNode, type StructOptions, type StructType } from './structure'
import { layoutText, type FontKey, type TextLine } from './text-layout'

type Deferred = string | ((ctx: DrawContext) => string)

/** Text and links belong to a structure element (set by Flow.add); rectangles and rules are decoration (artifacts). */
export type Op =
  /** `actual`: the run as written, when what is drawn is not in that order (a right-to-left run, see TaggedDrawing). */
  | { kind: 'text'; x: number; y: number; text: Deferred; font: FontKey; size: number; color: string; align?: 'left' | 'right'; actual?: string; node?: StructNode }
  /** Text that is decoration, not content (a dot leader). */
  | { kind: 'leader'; x: number; y: number; text: string; font: FontKey; size: number; color: string }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string; radius?: number }
  | { kind: 'rule'; x1: number; x2: number; y: number; color: string; width: number }
  /** `label`: what the link leads to, for assistive technology (the annotation's Contents). */
  | { kind: 'goTo'; x: number; y: number; w: number; h: number; name: string; label: string; node?: StructNode }
  | { kind: 'url'; x: number; y: number; w: number; h: number; url: string; node?: StructNode }
  | { kind: 'dest'; name: string; y: number }
  /** Vector graphics drawn by `draw` (a figure, ./figures): content of its Figure element, whose Alt says what it shows. */
  | { kind: 'graphic'; x: number; y: number; w: number; h: number; draw: (doc: Doc) => void; node?: StructNode }

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

/** Where a run of placed lines landed: its page and its top and bottom there. */
export interface Fragment {
  page: number
  top: number
  bottom: number
}

export class Flow {
  readonly pages: PageOps[] = []
  readonly dests = new Map<string, number>()
  /** The document's structure element; `node` is the one being composed. */
  readonly root: StructNode = structRoot()
  node: StructNode = this.root
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

  /** Records an operation; text and links go into the structure element being composed. */
  add(op: Op, page = this.page): void {
    if (op.kind === 'text' || op.kind === 'goTo' || op.kind === 'url' || op.kind === 'graphic') {
      markContent(this.node)
      op.node = this.node
    }
    this.pages[page]!.ops.push(op)
  }

  /** Composes `compose` inside a new structure element (a child of the current one). */
  tag<T>(type: StructType, compose: () => T, options?: StructOptions): T {
    const outer = this.node
    this.node = addStructChild(outer, type, options)
    try {
      return compose()
    } finally {
      this.node = outer
    }
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

  /**
   * One line at the current y, advancing y by the style's leading. Its runs are recorded in
   * reading order (each at its place on the line), so the tagged content reads as written
   * where right-to-left runs are drawn in another order; a run drawn right to left carries
   * its text as written.
   */
  drawLine(line: TextLine, style: Style, x: number, width: number, color = style.color): void {
    const baseline = this.y + baselineOffset(style)
    const start = line.align === 'right' ? x + width - line.width : x
    const reading = line.runs.length > 1 ? [...line.runs].sort((a, b) => a.start - b.start) : line.runs
    for (const run of reading) {
      const actual = run.rtl || run.text !== run.logical ? { actual: run.logical } : {}
      this.add({ kind: 'text', x: start + run.x, y: baseline, text: run.text, font: run.font, size: style.size, color, ...actual })
    }
    this.y += style.leading
  }
}

/** Baseline within a line box: centres capitals and descenders (Noto Sans metrics). */
export function baselineOffset(style: Style): number {
  return style.leading / 2 + 0.21 * style.size
}

export const height = (lines: TextLine[], style: Style) => lines.length * style.leading

/** A heading of the briefing's parts (key judgments, contents, sources; an H2) with a rule under it. */
export function heading(flow: Flow, text: string): void {
  flow.tag('H2', () => flow.drawLine(flow.lines(text, S.h1, CONTENT.width)[0]!, S.h1, CONTENT.left, CONTENT.width))
  flow.y += 2
  flow.add({ kind: 'rule', x1: CONTENT.left, x2: CONTENT.right, y: flow.y, color: COLOR.rule, width: 0.75 })
  flow.y += 10
}

/**
 * Draws one recorded operation on the current page (second pass); a link's annotation
 * goes into `structParent` (its Link element) when given.
 */
export function drawOp(doc: Doc, op: Op, ctx: DrawContext, structParent?: PDFKit.PDFStructureElement): void {
  switch (op.kind) {
    case 'text': {
      const text = typeof op.text === 'function' ? op.text(ctx) : op.text
      let x = op.x
      if (op.align === 'right') x -= makeMeasure(doc)(op.font, text) * op.size
      drawRun(doc, text, op.font, op.size, op.color, x, op.y)
      return
    }
    case 'leader':
      drawRun(doc, op.text, op.font, op.size, op.color, op.x, op.y)
      return
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
      doc.goTo(op.x, op.y, op.w, op.h, op.name, linkOptions(op.label, structParent))
      return
    case 'url':
      doc.link(op.x, op.y, op.w, op.h, op.url, linkOptions(op.url, structParent))
      return
    case 'dest':
      doc.addNamedDestination(op.name, 'XYZ', null, op.y - 8, null)
      return
    case 'graphic':
      op.draw(doc)
      return
  }
}

/**
 * A link annotation's options: its Contents (what it leads to, read out by assistive
 * technology) and its Link structure element. pdfkit writes a JS String object as a PDF
 * text string (a plain string would become a name), and takes `structParent`, which the
 * @types package does not know yet.
 */
function linkOptions(label: string, structParent: PDFKit.PDFStructureElement | undefined): PDFKit.Mixins.AnnotationOption {
  const options = { Contents: new String(label), ...(structParent ? { structParent } : {}) }
  return options as unknown as PDFKit.Mixins.AnnotationOption
}
