/**
 * Text shared by the briefing renderers (PDF, Markdown, W3C): citations, lists of passage
 * numbers, "see also" lines, the scope and count lines of the title block, plurals, and
 * which article URLs may be written as links. Pure functions of the built layout
 * (./briefing-types).
 */
import type { BriefingCrossReference, BriefingEntity, BriefingLayout, BriefingPassage, BriefingSection, BriefingSource } from './briefing-types'
import { formatCitationDate } from './dates'
import { gradeCode } from './sourcing/grading'

/**
 * `[3] bne IntelliNews, “Russia withdraws …”, 15 December 2024.` — fields the source lacks
 * are left out. Graded (notes/sourcing.md), the Admiralty code follows: the source's
 * reliability in the Sources list (`… 2024 (B).`), with the passage's credibility where a
 * passage cites it (`… 2024 (B2).`, `(?3)` when only the passage is graded).
 */
export function formatCitation(source: BriefingSource, passage?: Pick<BriefingPassage, 'credibility'>): string {
  const parts = [source.outlet, `“${source.title}”`, source.author ? `by ${source.author}` : null, formatCitationDate(source.published)]
  const code = passage ? gradeCode(source.reliability, passage.credibility) : (source.reliability ?? null)
  return `[${source.number}] ${parts.filter((p): p is string => Boolean(p)).join(', ')}${code ? ` (${code})` : ''}.`
}

/** `1, 3–5, 9`: ascending numbers with runs of three or more collapsed (en dash). */
export function formatNumberList(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`)
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]))
    i = j + 1
  }
  return parts.join(', ')
}

/** `Cited in passage 4` / `Cited in passages 1, 3–5`. */
export function formatCitedBy(numbers: readonly number[]): string {
  return numbers.length === 1 ? `Cited in passage ${numbers[0]}` : `Cited in passages ${formatNumberList(numbers)}`
}

/** `See also §2 Convoys` (cross-reference) / `Also in §2 Convoys (passage 9)` (repeat). */
export function formatAlsoIn(refs: readonly BriefingCrossReference[]): string | null {
  if (refs.length === 0) return null
  const items = refs.map((r) => `§${r.sectionNumber} ${r.tagName}${r.passageNumber === null ? '' : ` (passage ${r.passageNumber})`}`)
  return `${refs.every((r) => r.passageNumber === null) ? 'See also' : 'Also in'} ${items.join('; ')}`
}

/** `published 1 January 2025 – 31 January 2025`, `published from …`, `published until …`. */
export function describeDateRange(from: string | null, to: string | null): string {
  if (from !== null && to !== null) return `between ${formatCitationDate(from)} and ${formatCitationDate(to)}`
  if (from !== null) return `on or after ${formatCitationDate(from)}`
  if (to !== null) return `on or before ${formatCitationDate(to)}`
  return 'at any date'
}

/** The heading of the section that holds the passages without a tag. */
export const UNTAGGED_SECTION_NAME = 'Untagged passages'
const UNTAGGED_SECTION_DESCRIPTION = 'Highlighted passages that carry no tag.'

/** A section's heading: its tag's or entity's name, or "Untagged passages". */
export function sectionName(section: Pick<BriefingSection, 'tag' | 'entity'>): string {
  return section.tag?.name ?? section.entity?.name ?? UNTAGGED_SECTION_NAME
}

/**
 * A section's description line: its tag's description ('' for none), what an entity's
 * section holds (with the entity's other spellings), or what the untagged section holds.
 */
export function sectionDescription(section: Pick<BriefingSection, 'tag' | 'entity'>): string {
  if (section.tag) return section.tag.description
  if (section.entity) return entitySectionDescription(section.entity)
  return UNTAGGED_SECTION_DESCRIPTION
}

/** `Passages that mention Tartus (also written Tartous, طرطوس).` */
export function entitySectionDescription(entity: Pick<BriefingEntity, 'name' | 'aliases'>): string {
  const also = entity.aliases.length > 0 ? ` (also written ${entity.aliases.join(', ')})` : ''
  return `Passages that mention ${entity.name}${also}.`
}

/** The heading of the index of entities that may close a briefing. */
export const ENTITY_INDEX_TITLE = 'Index of entities'

/** Whether a section is the one of passages without a tag (neither a tag's nor an entity's). */
export function isUntaggedSection(section: Pick<BriefingSection, 'tag' | 'entity'>): boolean {
  return section.tag === null && !section.entity
}

/** One line for the title block: tags (and untagged passages), entities, article filter and date range. */
export function describeScope(layout: BriefingLayout): string {
  const { tags, untagged } = layout.scope
  const entities = layout.scope.entities ?? []
  const names = tags.map((t) => t.name).join(', ')
  const parts: string[] = []
  if (tags.length > 0) parts.push(`Tags: ${names}${untagged ? '; passages without a tag' : ''}`)
  else if (untagged || entities.length === 0) parts.push('Passages without a tag')
  if (entities.length > 0) parts.push(`Mentioning: ${entities.map((e) => e.name).join(', ')}`)
  if (layout.scope.articleCount !== null) parts.push(`${plural(layout.scope.articleCount, 'chosen article')}`)
  if (layout.scope.from !== null || layout.scope.to !== null) parts.push(`published ${describeDateRange(layout.scope.from, layout.scope.to)}`)
  return parts.join(' · ')
}

/** A list marker the analyst may type before a judgment: `1.`, `2)`, `-`, `*`, `•`. */
const LIST_MARKER = /^[ \t]*(?:\d{1,3}[.)]|[-*•–])[ \t]+/

/**
 * The key judgments as a list, one judgment per item, to be numbered 1, 2, 3…: a line that
 * starts with a list marker starts an item (the marker is dropped: the list is numbered);
 * so does a line after a blank line. Lines that follow within an item stay in it (line
 * breaks kept). Without any marker or blank line, each line is a judgment. Empty when
 * there are none.
 */
export function keyJudgmentItems(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const marked = lines.some((l) => LIST_MARKER.test(l))
  const paragraphs = lines.some((l) => l.trim() === '')
  const items: string[][] = []
  let current: string[] | null = null
  for (const line of lines) {
    if (line.trim() === '') {
      current = null
      continue
    }
    const startsItem = current === null || LIST_MARKER.test(line) || (!marked && !paragraphs)
    if (startsItem) {
      current = []
      items.push(current)
    }
    current!.push(line.replace(LIST_MARKER, '').trim())
  }
  return items.map((item) => item.join('\n'))
}

/** `12 passages from 5 sources`. */
export function describeCounts(layout: BriefingLayout): string {
  return `${plural(layout.passageCount, 'passage')} from ${plural(layout.sources.length, 'source')}`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * The URL as a link target, or null when it must not be one. Only http and https with a
 * host qualify: whatever an article's metadata holds (`javascript:`, `data:`, `file:`, a
 * mail address…), no export writes any other scheme as a link. The URL may still be shown
 * as text. No white space, angle brackets, quotes or control characters, which would
 * end or break a Markdown autolink or a PDF URI.
 */
export function webLink(url: string | null | undefined): string | null {
  const trimmed = url?.trim() ?? ''
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return /^https?:\/\/[^\s/?#<>"\\\u0000-\u001f\u007f][^\s<>"\\\u0000-\u001f\u007f]*$/i.test(trimmed) ? trimmed : null
}
