/**
 * The body of the briefing PDF, composed into the page flow: one section per tag, or of the
 * untagged passages, in a neutral colour (colour rule, number, title, description, the
 * analyst's note, kept with what follows), its passages as a numbered list: each passage a
 * quote block with a tag-coloured bar, its citation (linked to the source list) and "see
 * also" line, the analyst's comment in a box set apart, and the section's references to
 * passages printed elsewhere (cross-reference mode).
 *
 * A quote is set in the passages' own face (serif, against the analyst's sans-serif
 * prose), between quote marks (“…”; «…» for a right-to-left quote, whose marks then
 * mirror to open on the right), with an ellipsis where it starts or ends in the middle of
 * a sentence of its article (core/quote-fragment). The stored quote itself is drawn as it
 * is, and tagged with its article's language when that is not the document's.
 */
import { formatAlsoIn, formatCitation, sectionDescription, sectionName, type BriefingPassage, type BriefingSection, type BriefingSource } from '../../core/briefing'
import { quoteFragment } from '../../core/quote-fragment'
import { BAR_WIDTH, BOTTOM, COLOR, COMMENT_PAD, CONTENT, MARGIN, QUOTE_INDENT, S, sectionColor } from './page-design'
import { baselineOffset, height, type Flow, type Fragment, type OutlineEntry } from './page-flow'
import { passageLanguage } from './structure'
import { isRightToLeftParagraph, type TextLine } from './text-layout'

/** Returns the 0-based page where the section starts. `after` composes what ends the section (its figures). */
export function composeSection(flow: Flow, section: BriefingSection, sources: ReadonlyMap<number, BriefingSource>, outline: OutlineEntry[], after?: () => void): number {
  return flow.tag('Sect', () => {
    const page = composeSectionParts(flow, section, sources, outline)
    after?.()
    return page
  })
}

function composeSectionParts(flow: Flow, section: BriefingSection, sources: ReadonlyMap<number, BriefingSource>, outline: OutlineEntry[]): number {
  const left = CONTENT.left
  const width = CONTENT.width
  const numberText = `§${section.number}`
  const numberWidth = flow.measure('bold', numberText) * S.sectionNumber.size + 10
  const name = sectionName(section)
  const color = sectionColor(section)
  const descriptionText = sectionDescription(section)
  const titleLines = flow.lines(name, S.sectionTitle, width - numberWidth)
  const description = descriptionText.trim() ? flow.lines(descriptionText, S.description, width - numberWidth) : []
  const noteLines = section.note.trim() ? flow.lines(section.note, S.note, width - numberWidth) : []
  const headHeight = 8 + height(titleLines, S.sectionTitle) + (description.length ? 2 + height(description, S.description) : 0)

  // Keep the heading with the note's start, or with the first passage's first lines.
  const firstPassage = section.passages[0]
  const keep = headHeight + (noteLines.length ? 8 + S.noteLabel.leading + Math.min(noteLines.length, 3) * S.note.leading : 0) + (firstPassage ? 14 + 3 * S.quote.leading : 0)
  if (!flow.atTop) flow.y += 26
  flow.ensure(keep)
  const startPage = flow.page
  const entry: OutlineEntry = { title: `§${section.number} ${name}`, page: flow.page, y: flow.y, children: [] }
  outline.push(entry)
  flow.dest(`section-${section.number}`)

  flow.add({ kind: 'rect', x: left, y: flow.y, w: width, h: 2.5, color })
  flow.y += 8
  const top = flow.y
  flow.tag('H2', () => {
    flow.add({ kind: 'text', x: left, y: top + baselineOffset(S.sectionNumber), text: numberText, font: 'bold', size: S.sectionNumber.size, color })
    flow.placeLines(titleLines, S.sectionTitle, left + numberWidth, width - numberWidth)
  })
  if (description.length) {
    flow.y += 2
    flow.tag('P', () => flow.placeLines(description, S.description, left + numberWidth, width - numberWidth))
  }
  if (noteLines.length) {
    flow.y += 8
    flow.tag('Div', () => {
      flow.tag('P', () => flow.drawLine(flow.lines("ANALYST'S NOTE", S.noteLabel, width)[0]!, S.noteLabel, left + numberWidth, width - numberWidth))
      flow.tag('P', () => flow.placeLines(noteLines, S.note, left + numberWidth, width - numberWidth))
    })
  }
  flow.y += 14

  if (section.passages.length > 0) {
    flow.tag('L', () => {
      for (const passage of section.passages) flow.tag('LI', () => composePassage(flow, passage, section, sources.get(passage.sourceNumber), entry))
    })
  }
  if (section.references.length > 0) flow.tag('Div', () => composeReferences(flow, section))
  return startPage
}

/**
 * The quote as printed: between quote marks, with an ellipsis where it starts or ends
 * mid-sentence. A right-to-left quote takes «…»: mirrored at a right-to-left level (as
 * text-layout does), the first opens on the right.
 */
export function printedQuote(passage: Pick<BriefingPassage, 'quote' | 'target'>): string {
  const { startsMidSentence, endsMidSentence } = quoteFragment({ ...passage.target, exact: passage.quote })
  const [open, close] = isRightToLeftParagraph(passage.quote) ? ['«', '»'] : ['“', '”']
  return `${open}${startsMidSentence ? '…' : ''}${passage.quote}${endsMidSentence ? '…' : ''}${close}`
}

function composePassage(flow: Flow, passage: BriefingPassage, section: BriefingSection, source: BriefingSource | undefined, entry: OutlineEntry): void {
  const left = CONTENT.left
  const x = left + QUOTE_INDENT
  const width = CONTENT.width - QUOTE_INDENT
  const quote = flow.lines(printedQuote(passage), S.quote, width)
  const citation = flow.lines(source ? formatCitation(source, passage) : `[${passage.sourceNumber}]`, S.citation, width)
  const alsoText = formatAlsoIn(passage.alsoIn)
  const also = alsoText ? flow.lines(`${alsoText}.`, S.also, width) : []
  const hasComment = passage.comment.trim().length > 0
  const commentWidth = width - 2 * COMMENT_PAD - 2
  const comment = hasComment ? flow.lines(passage.comment, S.comment, commentWidth) : []
  const quoteHeight = height(quote, S.quote) + 3 + height(citation, S.citation) + height(also, S.also)
  const commentHeight = hasComment ? 6 + 2 * COMMENT_PAD + S.commentLabel.leading + height(comment, S.comment) : 0
  const total = quoteHeight + commentHeight

  // Short passages stay whole on one page; long ones flow, but never start with too little room.
  const pageHeight = BOTTOM - MARGIN.top
  if (total > flow.space && (total <= pageHeight * 0.45 || flow.space < 4 * S.quote.leading)) flow.newPage()

  const startY = flow.y
  entry.children.push({ title: `${passage.number}. ${excerpt(passage.quote, 70)}`, page: flow.page, y: flow.y, children: [] })
  flow.dest(`passage-${passage.number}`)
  // The passage number in the left margin, on the first line of the quote.
  const number = String(passage.number)
  flow.tag('Lbl', () =>
    flow.add({
      kind: 'text',
      x: left - 10,
      y: startY + baselineOffset(S.gutter) + (S.quote.size - S.gutter.size) * 0.1,
      text: number,
      font: 'bold',
      size: S.gutter.size,
      color: COLOR.muted,
      align: 'right',
    }),
  )

  flow.tag('LBody', () => {
    const lang = passageLanguage(passage.quote, source?.language ?? null)
    const fragments = flow.tag('BlockQuote', () => flow.placeLines(quote, S.quote, x, width), lang ? { lang } : {})
    flow.y += 3
    // The citation links to the source list from its "[n]".
    const placeCitation = () => {
      const parts = flow.placeLines(citation, S.citation, x, width)
      const label = parts[0]!
      if (source) {
        const w = flow.measure('regular', `[${source.number}] `) * S.citation.size
        flow.add({ kind: 'goTo', x, y: label.top, w, h: S.citation.leading, name: `source-${source.number}`, label: `Source ${source.number} in the list of sources` }, label.page)
      }
      return parts
    }
    fragments.push(...flow.tag('P', () => (source ? flow.tag('Link', placeCitation) : placeCitation())))
    if (also.length) fragments.push(...flow.tag('P', () => flow.placeLines(also, S.also, x, width)))
    composeBarAndComment(flow, section, fragments, comment)
  })
  flow.y += 16
}

/** The tag-coloured bar beside a passage's quote and citation, then its comment, boxed. */
function composeBarAndComment(flow: Flow, section: BriefingSection, fragments: Fragment[], comment: TextLine[]): void {
  const left = CONTENT.left
  const x = left + QUOTE_INDENT
  const width = CONTENT.width - QUOTE_INDENT
  const commentWidth = width - 2 * COMMENT_PAD - 2
  // The tag-coloured bar beside the quote and its citation, one segment per page.
  for (const page of new Set(fragments.map((f) => f.page))) {
    const onPage = fragments.filter((f) => f.page === page)
    const top = Math.min(...onPage.map((f) => f.top)) + 2
    const bottom = Math.max(...onPage.map((f) => f.bottom)) - 2
    flow.under({ kind: 'rect', x: left, y: top, w: BAR_WIDTH, h: bottom - top, color: sectionColor(section) }, page)
  }

  if (comment.length > 0) {
    flow.y += 6
    if (flow.space < 2 * COMMENT_PAD + S.commentLabel.leading + 2 * S.comment.leading) flow.newPage()
    const top = flow.y
    const labelPage = flow.page
    flow.y += COMMENT_PAD
    const parts = flow.tag('Div', () => {
      flow.tag('P', () => flow.drawLine(flow.lines('ANALYST COMMENT', S.commentLabel, commentWidth)[0]!, S.commentLabel, x + COMMENT_PAD + 2, commentWidth))
      return flow.tag('P', () => flow.placeLines(comment, S.comment, x + COMMENT_PAD + 2, commentWidth))
    })
    flow.y += COMMENT_PAD
    // Box: tint plus a thin rule on the left, per page the comment spans.
    const boxes = parts.map((p, i) => ({ page: p.page, top: i === 0 && p.page === labelPage ? top : p.top - (i === 0 ? 0 : COMMENT_PAD), bottom: i === parts.length - 1 ? flow.y : p.bottom }))
    if (parts[0] && parts[0].page !== labelPage) boxes.unshift({ page: labelPage, top, bottom: top + COMMENT_PAD + S.commentLabel.leading })
    for (const b of boxes) {
      flow.under({ kind: 'rect', x, y: b.top, w: width, h: b.bottom - b.top, color: COLOR.commentTint }, b.page)
      flow.under({ kind: 'rect', x, y: b.top, w: 2, h: b.bottom - b.top, color: COLOR.commentRule }, b.page)
    }
  }
}

function composeReferences(flow: Flow, section: BriefingSection): void {
  const x = CONTENT.left + QUOTE_INDENT
  const width = CONTENT.width - QUOTE_INDENT
  const label = flow.lines(`Also relevant to ${sectionName(section)}, printed in other sections:`, { ...S.refs, font: 'italic' }, width)
  flow.ensure(height(label, S.refs) + 2 * S.refs.leading)
  flow.tag('P', () => flow.placeLines(label, { ...S.refs, font: 'italic' }, x, width))
  for (const ref of section.references) {
    const text = `Passage ${ref.passageNumber} (§${ref.sectionNumber} ${ref.tagName}): “${excerpt(ref.quote, 80)}”`
    const lines = flow.lines(text, S.refs, width - 10)
    flow.tag('P', () =>
      flow.tag('Link', () => {
        for (const part of flow.placeLines(lines, S.refs, x + 10, width - 10)) {
          flow.add({ kind: 'goTo', x, y: part.top, w: width, h: part.bottom - part.top, name: `passage-${ref.passageNumber}`, label: `Passage ${ref.passageNumber}` }, part.page)
        }
      }),
    )
  }
  flow.y += 12
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}
