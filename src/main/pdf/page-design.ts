/**
 * The briefing PDF's page design (A4, points): page and margins, the content box, colours,
 * the text styles (font, size, leading, colour) and the fixed measures of the blocks.
 * Constants (and the colour a section is drawn in); the composers (./front-matter, ./sections, ./source-list), the page
 * flow (./page-flow) and the furniture (./page-furniture) read them.
 */
import type { LatinFontKey } from './text-layout'

export const PAGE = { width: 595.28, height: 841.89 }
export const MARGIN = { top: 86, bottom: 84, left: 76, right: 70 }
export const CONTENT = { left: MARGIN.left, right: PAGE.width - MARGIN.right, width: PAGE.width - MARGIN.left - MARGIN.right }
export const BOTTOM = PAGE.height - MARGIN.bottom

export const COLOR = {
  ink: '#14181d',
  body: '#262b32',
  muted: '#59626e',
  faint: '#8a929c',
  rule: '#cfd5dc',
  accent: '#1c3d5a',
  tint: '#f2f4f7',
  commentTint: '#f6f3ea',
  commentRule: '#c9b98f',
  handling: '#7a1a1a',
}

/** A section's colour: its tag's; an entity's section is in the accent colour, the untagged section in the neutral muted grey. */
export function sectionColor(section: { tag: { color: string } | null; entity?: unknown }): string {
  return section.tag?.color ?? (section.entity ? COLOR.accent : COLOR.muted)
}

export interface Style {
  font: LatinFontKey
  size: number
  leading: number
  color: string
}
export const S = {
  kicker: { font: 'bold', size: 8.5, leading: 12, color: COLOR.accent },
  title: { font: 'bold', size: 23, leading: 29, color: COLOR.ink },
  metaLabel: { font: 'bold', size: 8.5, leading: 13.5, color: COLOR.muted },
  metaValue: { font: 'regular', size: 9.5, leading: 13.5, color: COLOR.body },
  h1: { font: 'bold', size: 13, leading: 18, color: COLOR.accent },
  body: { font: 'regular', size: 10.5, leading: 15.5, color: COLOR.body },
  toc: { font: 'regular', size: 10.5, leading: 15, color: COLOR.body },
  tocCount: { font: 'regular', size: 8.5, leading: 15, color: COLOR.faint },
  sectionNumber: { font: 'bold', size: 15, leading: 20, color: COLOR.ink },
  sectionTitle: { font: 'bold', size: 15, leading: 20, color: COLOR.ink },
  description: { font: 'italic', size: 9, leading: 12.5, color: COLOR.muted },
  note: { font: 'regular', size: 10, leading: 14.5, color: COLOR.body },
  noteLabel: { font: 'bold', size: 7.5, leading: 11, color: COLOR.muted },
  quote: { font: 'serif', size: 10.5, leading: 15.5, color: COLOR.ink },
  gutter: { font: 'bold', size: 9.5, leading: 15.5, color: COLOR.muted },
  citation: { font: 'regular', size: 8.5, leading: 12, color: COLOR.muted },
  also: { font: 'italic', size: 8.5, leading: 12, color: COLOR.muted },
  commentLabel: { font: 'bold', size: 7.5, leading: 11, color: '#7d6b3a' },
  comment: { font: 'regular', size: 9.5, leading: 13.5, color: COLOR.body },
  refs: { font: 'regular', size: 9, leading: 13, color: COLOR.muted },
  sourceLabel: { font: 'bold', size: 9.5, leading: 13.5, color: COLOR.accent },
  source: { font: 'regular', size: 9.5, leading: 13.5, color: COLOR.body },
  sourceUrl: { font: 'regular', size: 8, leading: 11.5, color: COLOR.accent },
  sourceCited: { font: 'italic', size: 8.5, leading: 12, color: COLOR.muted },
  header: { font: 'regular', size: 7.5, leading: 10, color: COLOR.faint },
  handling: { font: 'bold', size: 8, leading: 10, color: COLOR.handling },
} satisfies Record<string, Style>

/**
 * Noto Naskh Arabic at the same point size looks a size smaller than Noto Sans (its
 * letters sit lower in a taller em); Arabic runs are set this much larger.
 */
export const ARABIC_SCALE = 1.15

export const QUOTE_INDENT = 14
export const BAR_WIDTH = 3
export const COMMENT_PAD = 7
export const SOURCE_LABEL_WIDTH = 30
