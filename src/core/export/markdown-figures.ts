/**
 * A briefing's figures and ACH matrices in its Markdown export (issues 15 and 16): each
 * figure as an image link to its SVG file (written beside the .md by the export; the
 * link's text is its caption title, and its caption follows in italics), each matrix as
 * the core's Markdown tables (core/ach/export.ts) under the briefing's headings, with
 * each row's citation in this briefing.
 */
import { achToMarkdown } from '../ach/export'
import type { BriefingAnalysis, BriefingFigure } from '../briefing-figures'
import type { BriefingLayout } from '../briefing-types'
import { escapeInline } from './markdown'

export interface MarkdownFigureOptions {
  /** The file name (relative to the .md) each figure's SVG is written to; absent: captions only. */
  figureFile?: (figure: BriefingFigure) => string
}

/** The figures printed in the section numbered `sectionNumber` (null: the whole briefing's, before §1). */
export function figureBlocks(layout: BriefingLayout, sectionNumber: number | null, options: MarkdownFigureOptions): string[] {
  const out: string[] = []
  for (const figure of (layout.figures ?? []).filter((f) => f.sectionNumber === sectionNumber)) {
    const file = options.figureFile?.(figure)
    if (file) out.push(`![Figure ${figure.number}. ${escapeInline(figure.title)}](${encodeURI(file)})`, '')
    out.push(`*Figure ${figure.number}. ${escapeInline(figure.caption)}*`, '')
  }
  return out
}

/** The Analysis part: every matrix with its scores, ranking, ratings and citations. */
export function analysisBlocks(layout: BriefingLayout): string[] {
  const analyses = layout.analyses ?? []
  if (analyses.length === 0) return []
  return ['## Analysis of competing hypotheses', '', ...analyses.flatMap(analysisBlock)]
}

function analysisBlock(analysis: BriefingAnalysis): string[] {
  // The matrix's own headings, two levels down (its title under the part's heading).
  const tables = achToMarkdown(analysis.report)
    .replace(/^(#+) /gm, '##$1 ')
    .replace(/^### ACH: /, `### Matrix ${analysis.number}. `)
  const cites = analysis.report.matrix.evidence.map((row, i) => `- ${row.id}: ${escapeInline(analysis.citations[i] ?? '')}`)
  return [tables.trimEnd(), '', '**Where the evidence comes from:**', '', ...cites, '']
}
