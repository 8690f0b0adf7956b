/**
 * The briefing PDF's source list, composed into the page flow from a new page: a list of
 * the sources numbered as cited, each with outlet, title, author and date, its URL (a link
 * only when it is http or https: see webLink), and the passages that cite it.
 */
import { formatCitation, formatCitedBy, webLink, type BriefingSource } from '../../core/briefing'
import type { BriefingSourcing } from '../../core/briefing-sourcing-types'
import { sourceNotes } from '../../core/briefing-sourcing-format'
import { CONTENT, S, SOURCE_LABEL_WIDTH } from './page-design'
import { baselineOffset, heading, height, type Flow, type OutlineEntry } from './page-flow'

/** Returns the 0-based page where the source list starts. */
export function composeSources(flow: Flow, sources: readonly BriefingSource[], outline: OutlineEntry[], sourcing?: BriefingSourcing): number {
  return flow.tag('Sect', () => composeSourceList(flow, sources, outline, sourcing))
}

/** A heading, a line saying how the list is used, then the sources as a list labelled [1], [2]… */
function composeSourceList(flow: Flow, sources: readonly BriefingSource[], outline: OutlineEntry[], sourcing?: BriefingSourcing): number {
  if (!flow.atTop) flow.newPage()
  const left = CONTENT.left
  const width = CONTENT.width
  const page = flow.page
  outline.push({ title: 'Sources', page, y: flow.y, children: [] })
  flow.dest('sources')
  heading(flow, 'Sources')
  const intro = flow.lines('Bracketed numbers under each passage refer to this list. Each entry names the passages that cite it.', { ...S.sourceCited, font: 'italic' }, width)
  flow.tag('P', () => flow.placeLines(intro, S.sourceCited, left, width))
  // Rewrite clusters (counted once) and damaged texts, before the list they refer to.
  for (const note of sourceNotes(sourcing)) {
    flow.y += 3
    flow.tag('P', () => flow.placeLines(flow.lines(note, S.source, width), S.source, left, width))
  }
  flow.y += 10
  flow.tag('L', () => {
    for (const source of sources) flow.tag('LI', () => composeSource(flow, source))
  })
  return page
}

function composeSource(flow: Flow, source: BriefingSource): void {
  const left = CONTENT.left
  const width = CONTENT.width
  const textX = left + SOURCE_LABEL_WIDTH
  const textWidth = width - SOURCE_LABEL_WIDTH
  const label = `[${source.number}]`
  const full = formatCitation(source)
  const rest = full.startsWith(`${label} `) ? full.slice(label.length + 1) : full
  const citation = flow.lines(rest, S.source, textWidth)
  const url = source.url?.trim() ? flow.lines(source.url.trim(), S.sourceUrl, textWidth) : []
  const cited = source.citedBy.length ? flow.lines(`${formatCitedBy(source.citedBy)}.`, S.sourceCited, textWidth) : []
  const entryHeight = height(citation, S.source) + (url.length ? 1 + height(url, S.sourceUrl) : 0) + height(cited, S.sourceCited)
  flow.ensure(Math.min(entryHeight, 5 * S.source.leading))
  const top = flow.y
  flow.dest(`source-${source.number}`)
  flow.tag('Lbl', () => flow.add({ kind: 'text', x: left, y: top + baselineOffset(S.source), text: label, font: 'bold', size: S.sourceLabel.size, color: S.sourceLabel.color }))
  flow.tag('LBody', () => {
    flow.tag('P', () => flow.placeLines(citation, S.source, textX, textWidth))
    if (url.length) {
      flow.y += 1
      const href = safeUri(source.url!.trim())
      const placeUrl = () => {
        const parts = flow.placeLines(url, S.sourceUrl, textX, textWidth)
        if (href) for (const p of parts) flow.add({ kind: 'url', x: textX, y: p.top, w: textWidth, h: p.bottom - p.top, url: href }, p.page)
      }
      // Only an http(s) URL is a link; any other is shown as text.
      flow.tag('P', () => (href ? flow.tag('Link', placeUrl) : placeUrl()))
    }
    if (cited.length) flow.tag('P', () => flow.placeLines(cited, S.sourceCited, textX, textWidth))
  })
  flow.y += 9
}

/** A URI safe for a PDF URI action (ASCII, non-ASCII percent-encoded); null unless an http(s) link (webLink). */
function safeUri(url: string): string | null {
  const link = webLink(url)
  if (!link) return null
  try {
    const parsed = new URL(link)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null
  } catch {
    return null
  }
}
