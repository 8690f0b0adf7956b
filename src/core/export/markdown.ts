/**
 * The briefing as Markdown (CommonMark): title block with the handling line, key
 * judgments, contents, one section per tag with each passage as a blockquote, its
 * comment and numbered citation, the source list, and when the briefing asks for it the
 * index of entities (each with its other spellings and the sections and passages that
 * mention it: Markdown has no pages).
 *
 * Text the analyst or an article supplied (quotes, comments, titles, notes) is escaped so
 * that it renders as written: Markdown punctuation gets a backslash, which a renderer
 * removes, so the rendered quote is the stored quote character for character. Line
 * breaks inside a quote are kept (hard breaks; blank lines stay paragraph breaks).
 */
import {
  describeCounts,
  describeScope,
  ENTITY_INDEX_TITLE,
  formatAlsoIn,
  formatCitation,
  formatCitedBy,
  formatIndexLocations,
  plural,
  sectionDescription,
  sectionName,
  webLink,
  type BriefingLayout,
  type BriefingPassage,
  type BriefingSection,
  type BriefingSource,
} from '../briefing'
import { claimLines, sourceNotes } from '../briefing-sourcing-format'
import { formatCitationDate } from '../dates'
import { attributionText } from '../sourcing/grading'
import { analysisBlocks, figureBlocks, type MarkdownFigureOptions } from './markdown-figures'

export function briefingToMarkdown(layout: BriefingLayout, options: MarkdownFigureOptions = {}): string {
  const out: string[] = []
  const sourcesByNumber = new Map(layout.sources.map((s) => [s.number, s]))

  if (layout.handling) out.push(`**${escapeInline(layout.handling)}**`, '')
  out.push(`# ${escapeInline(layout.title)}`, '')
  const facts: string[] = []
  if (layout.author) facts.push(`**Author:** ${escapeInline(layout.author)}`)
  facts.push(`**Date:** ${formatCitationDate(layout.date) ?? layout.date}`)
  if (layout.handling) facts.push(`**Handling:** ${escapeInline(layout.handling)}`)
  facts.push(`**Scope:** ${escapeInline(describeScope(layout))}`)
  facts.push(`**Contents:** ${describeCounts(layout)}`)
  out.push(facts.join('\\\n'), '')

  if (layout.keyJudgments.trim()) out.push('## Key judgments', '', block(layout.keyJudgments), '', ...renderCitedClaims(layout))

  out.push('## Contents', '')
  for (const section of layout.sections) {
    out.push(`${section.number}. §${section.number} ${escapeInline(sectionName(section))} (${plural(section.passages.length, 'passage')})`)
  }
  const index = layout.entityIndex ?? []
  out.push(`${layout.sections.length + 1}. Sources (${plural(layout.sources.length, 'source')})`)
  if (index.length > 0) out.push(`${layout.sections.length + 2}. ${ENTITY_INDEX_TITLE} (${plural(index.length, 'entity', 'entities')})`)
  out.push('')

  out.push(...figureBlocks(layout, null, options))
  for (const section of layout.sections) out.push(...renderSection(section, sourcesByNumber), ...figureBlocks(layout, section.number, options))
  out.push(...analysisBlocks(layout))

  out.push('## Sources', '')
  const notes = sourceNotes(layout.sourcing)
  if (notes.length > 0) out.push(notes.map((n) => `*${escapeInline(n)}*`).join('\\\n'), '')
  for (const source of layout.sources) out.push(...renderSource(source))

  if (index.length > 0) {
    out.push(`## ${ENTITY_INDEX_TITLE}`, '', '*Where the passages of this briefing mention each name: section, then passage numbers.*', '')
    for (const entry of index) {
      const also = entry.entity.aliases.length > 0 ? ` (also written ${escapeInline(entry.entity.aliases.join(', '))})` : ''
      out.push(`- **${escapeInline(entry.entity.name)}**${also}: ${formatIndexLocations(entry, layout)}`)
    }
    out.push('')
  }

  if (layout.handling) out.push('---', '', `**${escapeInline(layout.handling)}**`, '')
  return `${out.join('\n').trimEnd()}\n`
}

/** Under the key judgments, the claims each one cites: statement, independent sources, passages and grades. */
function renderCitedClaims(layout: BriefingLayout): string[] {
  const out: string[] = []
  for (const judgment of layout.sourcing?.judgments ?? []) {
    if (judgment.claims.length === 0) continue
    out.push(`**Key judgment ${judgment.number} cites:**`, '')
    for (const claim of judgment.claims) {
      const [first, ...rest] = claimLines(claim).map(escapeInline)
      out.push(`- ${[first, ...rest].join('\\\n  ')}`)
    }
    out.push('')
  }
  return out
}

function renderSection(section: BriefingSection, sources: ReadonlyMap<number, BriefingSource>): string[] {
  const out = [`## §${section.number} ${escapeInline(sectionName(section))}`, '']
  const description = sectionDescription(section)
  if (description) out.push(`*${escapeInline(description)}*`, '')
  if (section.note.trim()) out.push(block(section.note), '')
  for (const passage of section.passages) out.push(...renderPassage(passage, sources.get(passage.sourceNumber)))
  if (section.references.length > 0) {
    out.push(`**Also relevant to ${escapeInline(sectionName(section))}** (printed in other sections):`, '')
    for (const ref of section.references) {
      out.push(`- Passage ${ref.passageNumber} (§${ref.sectionNumber} ${escapeInline(ref.tagName)}): “${escapeInline(oneLine(ref.quote, 90))}”`)
    }
    out.push('')
  }
  return out
}

function renderPassage(passage: BriefingPassage, source: BriefingSource | undefined): string[] {
  const out = [`**Passage ${passage.number}**`, '', quoteBlock(passage.quote), '']
  if (passage.comment.trim()) out.push(`**Comment:** ${block(passage.comment)}`, '')
  // The underlying source the analyst confirmed (notes/sourcing.md): "secondary: Reuters (“Reuters reports”)".
  if (passage.attribution) out.push(`**Attribution:** ${escapeInline(attributionText(passage.attribution))}`, '')
  const citation = source ? formatCitation(source, passage) : `[${passage.sourceNumber}]`
  const also = formatAlsoIn(passage.alsoIn)
  out.push(escapeInline(citation) + (also ? ` ${escapeInline(also)}.` : ''), '')
  return out
}

function renderSource(source: BriefingSource): string[] {
  const lines = [escapeInline(formatCitation(source))]
  if (source.url) lines.push(linkOrText(source.url))
  if (source.citedBy.length > 0) lines.push(`${formatCitedBy(source.citedBy)}.`)
  return [lines.join('\\\n'), '']
}

/** A quote as a blockquote: every line prefixed, blank lines kept, single breaks made hard. */
export function quoteBlock(text: string): string {
  return block(text)
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')
}

/**
 * Multi-line analyst or article text: each line escaped; a single line break becomes a
 * hard break (backslash), a blank line stays a paragraph break.
 */
export function block(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  return lines
    .map((line, i) => {
      const escaped = escapeLine(line)
      const next = lines[i + 1]
      const hardBreak = next !== undefined && next.trim() !== '' && line.trim() !== ''
      return hardBreak ? `${escaped}\\` : escaped
    })
    .join('\n')
}

/**
 * Escapes text for use inside a line: the characters that start emphasis, code, links,
 * HTML, strikethrough or entities. Newlines are folded to spaces (use `block` to keep them).
 */
export function escapeInline(text: string): string {
  return escapeLine(text.replace(/\s*\n\s*/g, ' '))
}

function escapeLine(line: string): string {
  let s = line
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
  // Block markers at the start of a line: heading, quote, list, thematic break, setext, numbered list.
  s = s.replace(/^(\s{0,3})([#>+=-])/, '$1\\$2').replace(/^(\s{0,3}\d{1,9})([.)])/, '$1\\$2')
  return s
}

/** An http(s) URL as an autolink; anything else (`javascript:`, `file:`…) as plain, escaped text. */
function linkOrText(url: string): string {
  const link = webLink(url)
  return link ? `<${link}>` : escapeInline(url)
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}
