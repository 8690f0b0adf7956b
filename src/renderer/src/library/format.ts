/**
 * Words for the library table's cells: flag badges, rewrite entries, dates, and where a
 * metadata value came from.
 */
import type { ArticleSummary } from '../../../core/api'
import { formatCitationDate } from '../../../core/dates'
import type { ArticleFlag, EditableMetaField } from '../../../core/model'

const FLAG_LABELS: Record<ArticleFlag['kind'], string> = {
  'replacement-character': 'Replacement characters',
  mojibake: 'Mojibake',
  'short-extraction': 'Short extraction',
  'undecodable-bytes': 'Undecodable bytes',
  'no-text-layer': 'No text layer',
  'encoding-guessed': 'Encoding guessed',
  'control-characters': 'Control characters removed',
}

export function flagLabel(kind: ArticleFlag['kind']): string {
  return FLAG_LABELS[kind]
}

/** "Mojibake (12): …detail" for a badge's hover text and accessible description. */
export function flagDescription(flag: ArticleFlag): string {
  const count = flag.count !== undefined ? ` (${flag.count})` : ''
  return `${flagLabel(flag.kind)}${count}: ${flag.detail}`
}

/** "rewrite of Convoy turned back (82%)"; the kind says how close the reuse is. */
export function rewriteEntry(link: ArticleSummary['rewrites'][number]): string {
  const kind = link.kind === 'near-duplicate' ? 'near-duplicate of' : link.kind === 'republication' ? 'republication of' : link.kind === 'paraphrase' ? 'paraphrase of' : 'rewrite of'
  return `${kind} ${link.title} (${Math.round(link.score * 100)}%)`
}

export function dateCell(published: string | null): string {
  return formatCitationDate(published) ?? ''
}

export const META_FIELD_LABELS: Record<EditableMetaField, string> = {
  title: 'Title',
  outlet: 'Outlet',
  author: 'Author',
  published: 'Date',
  url: 'URL',
}

/** "Source: first heading" beside a field in the details dialog. */
export function metaSourceLine(source: string | undefined): string {
  return source ? `Source: ${source}` : 'Source: not found in the file'
}
