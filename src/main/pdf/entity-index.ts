/**
 * The briefing PDF's index of entities (decision 49), composed into the page flow after
 * the source list, from a new page: every entity the printed passages mention, by name,
 * with its other spellings and the pages where those passages are printed. The passages
 * were composed before, so their pages are known here: each passage's page is where its
 * destination (`passage-n`) was placed, the page its number is printed on.
 */
import { ENTITY_INDEX_TITLE, formatNumberList, type BriefingIndexEntry } from '../../core/briefing'
import { CONTENT, S } from './page-design'
import { heading, height, type Flow, type OutlineEntry } from './page-flow'

/** The 1-based pages where an entry's passages are printed, ascending. */
export function indexPages(entry: BriefingIndexEntry, dests: ReadonlyMap<string, number>): number[] {
  const pages = new Set<number>()
  for (const n of entry.passages) {
    const page = dests.get(`passage-${n}`)
    if (page !== undefined) pages.add(page + 1)
  }
  return [...pages].sort((a, b) => a - b)
}

/** `Pages 3, 5–7 (passages 2, 4, 9)`. */
export function describeIndexEntry(pages: readonly number[], passages: readonly number[]): string {
  const where = `${pages.length === 1 ? 'Page' : 'Pages'} ${formatNumberList(pages)}`
  return `${where} (${passages.length === 1 ? 'passage' : 'passages'} ${formatNumberList(passages)})`
}

/** Returns the 0-based page where the index starts. */
export function composeEntityIndex(flow: Flow, entries: readonly BriefingIndexEntry[], outline: OutlineEntry[]): number {
  return flow.tag('Sect', () => {
    if (!flow.atTop) flow.newPage()
    const left = CONTENT.left
    const width = CONTENT.width
    const page = flow.page
    outline.push({ title: ENTITY_INDEX_TITLE, page, y: flow.y, children: [] })
    flow.dest('entity-index')
    heading(flow, ENTITY_INDEX_TITLE)
    const intro = flow.lines('The names the passages of this briefing mention, under any spelling, and the pages where those passages are printed.', { ...S.sourceCited, font: 'italic' }, width)
    flow.tag('P', () => flow.placeLines(intro, { ...S.sourceCited, font: 'italic' }, left, width))
    flow.y += 10
    flow.tag('L', () => {
      for (const entry of entries) flow.tag('LI', () => flow.tag('LBody', () => composeEntry(flow, entry)))
    })
    return page
  })
}

function composeEntry(flow: Flow, entry: BriefingIndexEntry): void {
  const left = CONTENT.left
  const width = CONTENT.width
  const indent = 14
  const nameStyle = { ...S.source, font: 'bold' as const }
  const name = flow.lines(entry.entity.name, nameStyle, width)
  const aliases = entry.entity.aliases.length > 0 ? flow.lines(`Also written ${entry.entity.aliases.join(', ')}`, S.sourceCited, width - indent) : []
  const where = flow.lines(describeIndexEntry(indexPages(entry, flow.dests), entry.passages), S.source, width - indent)
  flow.ensure(Math.min(height(name, nameStyle) + height(aliases, S.sourceCited) + height(where, S.source), 4 * S.source.leading))
  flow.tag('P', () => flow.placeLines(name, nameStyle, left, width))
  if (aliases.length > 0) flow.tag('P', () => flow.placeLines(aliases, S.sourceCited, left + indent, width - indent))
  flow.tag('P', () => flow.placeLines(where, S.source, left + indent, width - indent))
  flow.y += 7
}
