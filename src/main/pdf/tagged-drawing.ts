/**
 * Draws the composed pages as tagged PDF (second pass): pdfkit's structure tree is built
 * from the composed one (./structure) before the first page, every text run is drawn
 * inside a marked-content sequence of its element (one sequence per run of consecutive
 * operations of one element), every link annotation is attached to its Link element, and
 * everything else (backgrounds, rules, the running header and footer) is marked as an
 * artifact, so assistive technology reads the structure tree in reading order and skips
 * the decoration. The runs of a line are drawn in reading order (./page-flow); a run drawn
 * right to left is a Span whose ActualText is the run as written, and an Arabic run inside
 * text of another language a Span with Lang `ar`.
 *
 * pdfkit writes an element when it is ended; an element is ended as soon as its last
 * operation is drawn (so a link's object reference names the page it is on, and a long
 * briefing does not keep every element in memory), the containers when the document ends.
 */
import type { Op, PageOps } from './page-flow'
import type { Doc } from './pdf-document'
import { hasContent, isArabicScriptLanguage, type StructNode } from './structure'

/** Options pdfkit 0.20 takes that the @types package does not know yet. */
type ElementOptions = NonNullable<Parameters<Doc['struct']>[1]> & { scope?: 'Row' | 'Column' }
type ArtifactOptions = { type: 'Layout' | 'Pagination'; attached?: ('Top' | 'Bottom')[] }

export class TaggedDrawing {
  readonly #doc: Doc
  readonly #elements = new Map<StructNode, PDFKit.PDFStructureElement>()
  /** The last operation of each element, in drawing order (pages in order, operations in order). */
  readonly #last = new Map<StructNode, Op>()
  /** The element whose marked-content sequence is open on the current page. */
  #open: StructNode | null = null

  constructor(doc: Doc, root: StructNode, pages: readonly PageOps[]) {
    this.#doc = doc
    for (const page of pages) for (const op of page.ops) if ('node' in op && op.node) this.#last.set(op.node, op)
    const element = doc.struct(root.type)
    doc.addStructure(element)
    this.#addChildren(root, element)
  }

  #addChildren(node: StructNode, element: PDFKit.PDFStructureElement): void {
    for (const child of node.children) {
      if (!hasContent(child)) continue
      const options: ElementOptions = {}
      if (child.options.lang) options.lang = child.options.lang
      if (child.options.scope) options.scope = child.options.scope
      if (child.options.alt) options.alt = child.options.alt
      const childElement = this.#doc.struct(child.type, options)
      element.add(childElement)
      this.#elements.set(child, childElement)
      this.#addChildren(child, childElement)
    }
  }

  /** Draws one composed operation with `draw` (given the Link element for an annotation), marked as it must be. */
  draw(op: Op, draw: (structParent?: PDFKit.PDFStructureElement) => void): void {
    const node = 'node' in op ? op.node : undefined
    const foreign = op.kind === 'text' && op.font === 'arabic' && node !== undefined && !isArabicScriptLanguage(node.language)
    if (op.kind === 'text' && node && (foreign || op.actual !== undefined)) {
      this.#span(node, { ...(foreign ? { lang: 'ar' } : {}), ...(op.actual !== undefined ? { actual: op.actual } : {}) }, draw)
    } else if ((op.kind === 'text' || op.kind === 'graphic') && node) {
      this.#openSequence(node)
      draw()
    } else if ((op.kind === 'goTo' || op.kind === 'url') && node) {
      draw(this.#elements.get(node))
    } else if (op.kind === 'rect' || op.kind === 'rule' || op.kind === 'leader') {
      this.artifact({ type: 'Layout' }, () => draw())
    } else {
      draw()
    }
    if (node && this.#last.get(node) === op) {
      if (this.#open === node) this.#closeSequence()
      this.#elements.get(node)?.end()
    }
  }

  /** Draws decoration or page furniture as an artifact (outside the structure tree). */
  artifact(options: ArtifactOptions, draw: () => void): void {
    this.#closeSequence()
    this.#doc.markContent('Artifact', options)
    draw()
    this.#doc.endMarkedContent()
  }

  /** Closes what is open on the current page; call before the next page is added. */
  endPage(): void {
    this.#closeSequence()
  }

  /**
   * A run that needs its own Span element in the element's content: an Arabic run inside
   * text of another language (Lang `ar`), and a run drawn in another order than it is
   * written (right to left), whose ActualText is the run as written. (A marked-content
   * Span nested in the element's sequence would be lawful, but poppler stops reading the
   * element's text there.)
   */
  #span(node: StructNode, options: { lang?: string; actual?: string }, draw: () => void): void {
    this.#closeSequence()
    const span = this.#doc.struct('Span', options)
    this.#element(node).add(span)
    span.add(this.#doc.markStructureContent('Span'))
    draw()
    this.#doc.endMarkedContent()
    span.end()
  }

  #element(node: StructNode): PDFKit.PDFStructureElement {
    const element = this.#elements.get(node)
    if (!element) throw new Error(`No structure element for a ${node.type}`)
    return element
  }

  #openSequence(node: StructNode): void {
    if (this.#open === node) return
    this.#closeSequence()
    this.#element(node).add(this.#doc.markStructureContent(node.type))
    this.#open = node
  }

  #closeSequence(): void {
    if (this.#open === null) return
    this.#doc.endMarkedContent()
    this.#open = null
  }
}
