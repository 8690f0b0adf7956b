/**
 * Page furniture (taglines, related headlines, …) before and after the article proper is
 * shown behind a fold. This splits the stored text's paragraphs into the leading fold,
 * the body and the trailing fold. Offsets keep indexing the stored text: paragraphs are
 * only grouped (and cut where a fold boundary falls inside one), never re-numbered.
 */
import type { HeaderLine } from '../../../core/analysis/analyse'
import type { ArticleView } from '../../../core/api'
import { splitParagraphs } from '../../../core/text'

/** Page furniture, or a header line (headline copy, date line, byline) the reader's own header already shows. */
export type Furniture = ArticleView['furniture'][number] | { start: number; end: number; kind: HeaderLine['kind']; label: string }

export const HEADER_KINDS: ReadonlySet<Furniture['kind']> = new Set(['headline', 'date-line', 'byline'])

/** Header lines as fold items: only the ones that open the text end up folded (foldRegions). */
export function headerFurniture(lines: readonly HeaderLine[]): Furniture[] {
  return lines.map((l) => ({ start: l.start, end: l.end, kind: l.kind, label: `“${l.text.length > 70 ? `${l.text.slice(0, 69)}…` : l.text}”, shown above` }))
}

export interface Block {
  start: number
  end: number
}

export interface FoldPart {
  /** Where the folded region lies in the stored text. */
  start: number
  end: number
  items: Furniture[]
  blocks: Block[]
}

export interface ArticleParts {
  leading: FoldPart | null
  body: Block[]
  trailing: FoldPart | null
}

const isBlank = (text: string, from: number, to: number) => text.slice(from, to).trim().length === 0

/**
 * The leading fold covers the furniture items that, in order, follow only whitespace
 * from the start of the text; the trailing fold those that lead only to whitespace at
 * its end. Furniture in the middle of the text is not folded.
 */
export function foldRegions(text: string, furniture: readonly Furniture[]): { leading: Furniture[]; trailing: Furniture[]; leadEnd: number; trailStart: number } {
  const items = [...furniture].filter((f) => f.end > f.start).sort((a, b) => a.start - b.start)
  const leading: Furniture[] = []
  let leadEnd = 0
  for (const f of items) {
    if (f.start > leadEnd && !isBlank(text, leadEnd, f.start)) break
    leading.push(f)
    leadEnd = Math.max(leadEnd, f.end)
  }
  const trailing: Furniture[] = []
  let trailStart = text.length
  for (let i = items.length - 1; i >= leading.length; i--) {
    const f = items[i]!
    if (f.end < trailStart && !isBlank(text, f.end, trailStart)) break
    trailing.unshift(f)
    trailStart = Math.min(trailStart, f.start)
  }
  if (trailStart < leadEnd) trailStart = leadEnd
  return { leading, trailing, leadEnd, trailStart }
}

/** Cuts the paragraphs into leading fold, body and trailing fold. */
export function splitArticle(text: string, furniture: readonly Furniture[]): ArticleParts {
  const { leading, trailing, leadEnd, trailStart } = foldRegions(text, furniture)
  const lead: Block[] = []
  const body: Block[] = []
  const trail: Block[] = []
  const push = (into: Block[], start: number, end: number) => {
    if (end > start && !isBlank(text, start, end)) into.push(trimBlock(text, start, end))
  }
  for (const p of splitParagraphs(text)) {
    push(lead, p.start, Math.min(p.end, leadEnd))
    push(body, Math.max(p.start, leadEnd), Math.min(p.end, trailStart))
    push(trail, Math.max(p.start, trailStart), p.end)
  }
  return {
    leading: leading.length > 0 && lead.length > 0 ? { start: 0, end: leadEnd, items: leading, blocks: lead } : null,
    body,
    trailing: trailing.length > 0 && trail.length > 0 ? { start: trailStart, end: text.length, items: trailing, blocks: trail } : null,
  }
}

/** Drops leading/trailing newlines a cut left at a block's edges. */
function trimBlock(text: string, start: number, end: number): Block {
  let s = start
  let e = end
  while (s < e && (text[s] === '\n' || text[s] === '\r')) s++
  while (e > s && (text[e - 1] === '\n' || text[e - 1] === '\r')) e--
  return { start: s, end: e }
}

/** Whether text[start, end) touches a fold region. */
export function inFold(part: FoldPart | null, start: number, end: number): boolean {
  return part !== null && start < part.end && end > part.start
}

/** "tagline, related headlines…": the kinds of what is folded, for the fold's button. */
const KIND_NAMES: Record<Furniture['kind'], string> = {
  headline: 'headline',
  'date-line': 'date line',
  byline: 'byline',
  'stray-word': 'stray word',
  'section-label': 'section label',
  tagline: 'tagline',
  navigation: 'navigation',
  'cookie-banner': 'cookie banner',
  advertisement: 'advertisement',
  'related-list': 'related list',
  'related-headline': 'related headlines',
  tags: 'tags',
  social: 'social links',
  copyright: 'copyright',
}

export function kindName(kind: Furniture['kind']): string {
  return KIND_NAMES[kind]
}

export function foldSummary(items: readonly Furniture[]): string {
  const kinds = [...new Set(items.map((f) => kindName(f.kind)))]
  return kinds.slice(0, 3).join(', ') + (kinds.length > 3 ? '…' : '')
}

/** Identifies the blocks the parts render: equal keys, same text blocks in the DOM. */
export function partsKey(parts: ArticleParts): string {
  const blocks = (list: readonly Block[] | undefined) => (list ?? []).map((b) => `${b.start}-${b.end}`).join(',')
  return `${blocks(parts.leading?.blocks)}|${blocks(parts.body)}|${blocks(parts.trailing?.blocks)}`
}
