/**
 * The figures and ACH matrices of a built briefing (issues 15 and 16; core:
 * src/core/briefing-figures.ts): for each figure the document names, its passages (the
 * briefing's, or its section's, after the figure's own filters) with their event dates,
 * the timeline's layout or the map's geometry, the sources numbered as the briefing's
 * Sources list numbers them, a caption, alt text and the SVG; for each matrix its report
 * (scores, ranking, sensitive rows) with each row's citation.
 *
 * What cannot be drawn is left out with a warning in the layout, never a failure of the
 * whole briefing: a section the figure names that is no longer in the briefing, no passage
 * with an event date (timeline) or naming a place with coordinates (map), a matrix whose
 * file is deleted or damaged.
 */
import type { BriefingDocument } from '../../core/briefing-document'
import { PDF_FIGURE_WIDTH, PDF_MAP_HEIGHT, PDF_TIMELINE_LABEL_WIDTH, type BriefingAnalysis, type BriefingFigure, type BriefingFigureSpec } from '../../core/briefing-figures'
import type { BriefingLayout, BriefingPassage, BriefingSection, BriefingWarning } from '../../core/briefing-types'
import { formatCitationDate } from '../../core/dates'
import type { ArticleId } from '../../core/ids'
import type { Highlight } from '../../core/model'
import { layoutTimeline } from '../../core/timeline/layout'
import { filterMapPassages, placesOnMap, type MapPassage } from '../../core/timeline/map'
import { mapGeometry } from '../../core/timeline/map-figure'
import { mapSvg } from '../../core/timeline/map-svg'
import { datePassages, entityLanes, filterPassages, tagLanes, type ArticleRef, type DatedPassage, type NumberedSource } from '../../core/timeline/passages'
import { describePeriod, timelinePlotWidth, timelineSvg } from '../../core/timeline/timeline-svg'
import { isDossierError } from '../../core/result'
import { AchSession } from '../ach/ach-session'
import { loadBasemap } from '../timeline/basemap'
import { loadSuggester } from '../timeline/event-dates'
import { figureFilter, mentionsMatcher } from '../timeline/figures'
import type { BriefingContext } from './briefing-context'

const SVG_WIDTH = 1000

/** Whether building `doc` draws figures or reads matrices. */
export function hasBriefingExtras(doc: BriefingDocument): boolean {
  return (doc.figures?.length ?? 0) > 0 || (doc.achMatrices?.length ?? 0) > 0
}

/** The layout with its figures and analyses (and warnings for what was left out). */
export async function withBriefingExtras(ctx: Pick<BriefingContext, 'store' | 'entities'>, doc: BriefingDocument, layout: BriefingLayout, highlights: readonly Highlight[]): Promise<BriefingLayout> {
  if (!hasBriefingExtras(doc)) return layout
  const warnings: BriefingWarning[] = [...layout.warnings]
  const figures: BriefingFigure[] = []
  const byId = new Map(highlights.map((h) => [h.id as string, h]))
  const articles = new Map<string, ArticleRef>(ctx.store.articles.map((a) => [a.id, a]))
  const suggest = await loadSuggester()
  const entities = ctx.entities ? (await ctx.entities.file()).entities : []
  // Figures for the whole briefing come first (printed before §1), then by section order.
  const placed = (doc.figures ?? []).map((spec) => ({ spec, section: spec.section === undefined ? null : sectionOf(layout, spec.section) }))
  placed.sort((a, b) => (a.section?.number ?? 0) - (b.section?.number ?? 0))
  for (const { spec, section } of placed) {
    const label = `Figure ${spec.id} (${spec.kind})`
    if (spec.section !== undefined && !section) {
      warnings.push({ kind: 'figure-missing', figureId: spec.id, message: `${label} is left out: its section is no longer in the briefing.` })
      continue
    }
    const scope = scopeHighlights(section ? [section] : layout.sections, byId)
    const { dated, undated } = datePassages(scope, articles, suggest)
    const filter = figureFilter(spec)
    const sourceOf = new Map(layout.sources.map((s) => [s.articleId as string, s.number]))
    const common = { id: spec.id, number: figures.length + 1, sectionNumber: section?.number ?? null, ...(spec.section === undefined ? {} : { section: spec.section }) }
    const scopeName = section ? `§${section.number}` : 'the briefing'
    if (spec.kind === 'timeline') {
      const passages = filterPassages(dated, filter)
      if (passages.length === 0) {
        warnings.push({ kind: 'figure-missing', figureId: spec.id, message: `${label} is left out: no passage of ${scopeName}${filter.tagIds?.length || filter.from || filter.to ? ' within its filters' : ''} has an event date.` })
        continue
      }
      const lanes = spec.by === 'entity' ? entityLanes(passages, (p) => mentionsMatcher(entities).mentionsIn(p.quote)) : tagLanes(passages, ctx.store.tags, spec.tagIds)
      const sources = numbered(passages, layout)
      const title = spec.title ?? `Timeline of the passages of ${scopeName} by event date`
      const undatedCount = undated.length
      const pdfLayout = layoutTimeline(passages, lanes.lanes, lanes.lanesOf, { plotWidth: PDF_FIGURE_WIDTH - PDF_TIMELINE_LABEL_WIDTH })
      const svgLayout = layoutTimeline(passages, lanes.lanes, lanes.lanesOf, { plotWidth: timelinePlotWidth(SVG_WIDTH) })
      const period = describePeriod({ start: passages.reduce((m, p) => (p.start < m ? p.start : m), passages[0]!.start), end: passages.reduce((m, p) => (p.end > m ? p.end : m), passages[0]!.end), precision: 'day' })
      const laneText = pdfLayout.lanes.map((l) => `${l.lane.label} ${l.count}`).join(', ')
      figures.push({
        ...common,
        kind: 'timeline',
        title,
        caption: `${title}. ${count(passages.length, 'passage')} in lanes by ${spec.by ?? 'tag'}${filterText(spec, ctx)}, ${period}; sources ${cites(sources)}.${undatedCount > 0 ? ` ${count(undatedCount, 'passage')} without an event date ${undatedCount === 1 ? 'is' : 'are'} not shown.` : ''}`,
        alt: `Timeline: ${count(passages.length, 'passage')} placed by event date, ${period}, in ${count(pdfLayout.lanes.length, 'lane')} (${laneText}).`,
        sources,
        layout: pdfLayout,
        undatedCount,
        svg: timelineSvg(svgLayout, { title, width: SVG_WIDTH, sources, undatedCount }),
      })
      continue
    }
    const dates = new Map(dated.map((p) => [p.highlightId as string, p]))
    const mapPassages: MapPassage[] = scope.map((h) => {
      const d = dates.get(h.id)
      return { highlightId: h.id, articleId: h.articleId, quote: h.target.exact, tagIds: h.tagIds, ...(d ? { start: d.start, end: d.end } : {}) }
    })
    const kept = filterMapPassages(mapPassages, filter)
    const matcher = mentionsMatcher(entities)
    const places = placesOnMap(entities, kept, (text) => matcher.mentionsIn(text).map((m) => m.id))
    const named = places.filter((p) => p.passages.length > 0)
    if (named.length === 0) {
      warnings.push({ kind: 'figure-missing', figureId: spec.id, message: `${label} is left out: no passage of ${scopeName} names a place with coordinates${entities.length === 0 ? ' (the notebook has no entities)' : ''}.` })
      continue
    }
    const sources = numbered(named.flatMap((p) => p.passages), layout)
    const title = spec.title ?? `Places named in the passages of ${scopeName}`
    const basemap = await loadBasemap()
    const placeText = named.slice(0, 8).map((p) => `${p.name} (${p.passages.length})`).join(', ')
    figures.push({
      ...common,
      kind: 'map',
      title,
      caption: `${title}. Each circle's area follows the number of passages naming the place${filterText(spec, ctx)}; sources ${cites(sources)}.`,
      alt: `Map: ${count(named.length, 'place')} named by the passages: ${placeText}${named.length > 8 ? ', and others' : ''}.`,
      sources,
      geometry: mapGeometry(places, basemap, sourceOf, { width: PDF_FIGURE_WIDTH, height: PDF_MAP_HEIGHT, scale: 0.8 }),
      svg: mapSvg(places, basemap, { title, sources, subtitle: filterText(spec, ctx).replace(/^; /, '') || undefined }),
    })
  }
  const analyses = await briefingAnalyses(ctx, doc, layout, warnings)
  return { ...layout, warnings, ...(figures.length > 0 ? { figures } : {}), ...(analyses.length > 0 ? { analyses } : {}) }
}

async function briefingAnalyses(ctx: Pick<BriefingContext, 'store'>, doc: BriefingDocument, layout: BriefingLayout, warnings: BriefingWarning[]): Promise<BriefingAnalysis[]> {
  const ach = new AchSession(ctx.store)
  const out: BriefingAnalysis[] = []
  const printed = new Map<string, BriefingPassage>()
  for (const s of layout.sections) for (const p of s.passages) if (!printed.has(p.highlightId)) printed.set(p.highlightId, p)
  const sourceOf = new Map(layout.sources.map((s) => [s.articleId as string, s.number]))
  for (const id of doc.achMatrices ?? []) {
    try {
      const report = await ach.view(id)
      /** A passage as this briefing cites it: its number and source number, else the source's number, else the article. */
      const cite = (highlightId: string, articleId: ArticleId | null) => {
        const passage = printed.get(highlightId)
        const source = articleId ? sourceOf.get(articleId) : undefined
        if (passage) return `passage ${passage.number} [${passage.sourceNumber}]`
        if (source !== undefined) return `[${source}]`
        const article = articleId ? ctx.store.article(articleId) : undefined
        return article ? [article.title, article.outlet, formatCitationDate(article.published)].filter(Boolean).join(', ') : 'source unknown'
      }
      const citations = report.evidence.map((e) => {
        if (e.kind === 'note') return "the analyst's note"
        if (e.missing) return e.kind === 'claim' ? 'its claim was deleted' : 'its passage was deleted'
        if (e.kind === 'claim') {
          // A claim cites each of its passages; those contradicting it are named as such.
          const passages = e.claim?.passages ?? []
          if (passages.length === 0) return 'a claim with no passages'
          const by = (stance: string) => passages.filter((p) => p.stance === stance).map((p) => cite(p.highlightId, p.articleId))
          const [supports, contradicts] = [by('supports'), by('contradicts')]
          return [supports.join('; '), contradicts.length > 0 ? `contradicted by ${contradicts.join('; ')}` : ''].filter(Boolean).join('; ')
        }
        return cite(e.highlightId!, e.articleId)
      })
      out.push({ number: out.length + 1, report: { matrix: report.matrix, scores: report.scores, evidence: report.evidence }, citations })
    } catch (error) {
      if (!isDossierError(error)) throw error
      warnings.push({ kind: 'ach-missing', achId: id, message: `The ACH matrix ${id} is left out: ${error.message.replace(/\.$/, '')}.` })
    }
  }
  return out
}

function sectionOf(layout: BriefingLayout, key: string): BriefingSection | undefined {
  return layout.sections.find((s) => s.tag?.id === key || s.entity?.id === key)
}

/** The distinct highlights of these sections (printed passages and, in cross-reference mode, those printed elsewhere). */
function scopeHighlights(sections: readonly BriefingSection[], byId: ReadonlyMap<string, Highlight>): Highlight[] {
  const ids = new Set<string>()
  for (const s of sections) {
    for (const p of s.passages) ids.add(p.highlightId)
    for (const r of s.references) ids.add(r.highlightId)
  }
  return [...ids].map((id) => byId.get(id)).filter((h): h is Highlight => h !== undefined)
}

/** The briefing's sources these passages cite, with the briefing's numbers. */
function numbered(passages: readonly Pick<DatedPassage, 'articleId'>[], layout: BriefingLayout): NumberedSource[] {
  const cited = new Set<string>(passages.map((p) => p.articleId))
  return layout.sources.filter((s) => cited.has(s.articleId)).map((s) => ({ number: s.number, articleId: s.articleId, title: s.title, outlet: s.outlet, published: s.published }))
}

function filterText(spec: BriefingFigureSpec, ctx: Pick<BriefingContext, 'store'>): string {
  const parts: string[] = []
  if (spec.tagIds && spec.tagIds.length > 0) parts.push(`tags ${spec.tagIds.map((id) => ctx.store.tags.find((t) => t.id === id)?.name ?? id).join(', ')}`)
  if (spec.from || spec.to) parts.push(`event dates ${spec.from ?? '…'} to ${spec.to ?? '…'}`)
  return parts.length > 0 ? `; ${parts.join('; ')}` : ''
}

const cites = (sources: readonly NumberedSource[]) => sources.map((s) => `[${s.number}]`).join(' ')
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`
