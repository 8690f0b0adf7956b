/** Human-readable output of `dossier briefing`: the list, and one briefing with its sections. */
import type { BriefingSummary } from '../core/api'
import type { BriefingDocument, BriefingId } from '../core/briefing-document'
import { builtSection } from '../core/briefing'
import type { BriefingLayout } from '../core/briefing-types'
import type { Entity } from '../core/entities'
import type { Tag } from '../core/model'
import { isDossierError } from '../core/result'
import type { NotebookSession } from '../main/notebook-session'
import { oneLine, plural, table } from './format'
import { escapeLabel as label } from './terminal-safe'
import { formatFigureLines } from './briefing-figures'

/** The briefing laid out against the notebook now, or null when nothing is in it yet (no passages). */
export async function previewOf(session: NotebookSession, id: BriefingId): Promise<BriefingLayout | null> {
  try {
    return await session.previewBriefing(id)
  } catch (error) {
    if (isDossierError(error) && error.code === 'empty-selection') return null
    throw error
  }
}

export function formatBriefingList(briefings: BriefingSummary[]): string {
  if (briefings.length === 0) return 'This notebook has no briefings yet. Make one with: dossier briefing create --title TITLE\n'
  return table(
    ['ID', 'DATE', 'SECTIONS', 'CHANGED', 'TITLE'],
    briefings.map((b) => [b.id, b.date, String(b.sectionCount), b.updatedAt.replace('T', ' ').slice(0, 16), label(b.title)]),
    ['l', 'l', 'r', 'l', 'l'],
  )
}

const MULTI_TAG: Record<BriefingDocument['multiTag'], string> = {
  repeat: 'repeat (a passage with several of these tags is printed in each section)',
  'cross-reference': 'cross-reference (printed once, with "see also" in the other sections)',
}

/** The briefing's fields, what goes in, and each section (of a tag or an entity) with its note and passage count. */
export function formatBriefing(doc: BriefingDocument, tags: readonly Tag[], layout: BriefingLayout | null, entities: readonly Entity[] = []): string {
  const field = (name: string, value: string) => `${`${name}:`.padEnd(11)}${value}`
  const { selection } = doc
  const range = selection.from === null && selection.to === null ? 'any date' : `${selection.from ?? '…'} to ${selection.to ?? '…'} (undated articles left out)`
  const lines = [
    label(doc.title),
    '',
    field('id', doc.id),
    field('date', doc.date),
    field('author', doc.author === '' ? '—' : label(doc.author)),
    field('handling', doc.handling === '' ? '—' : label(doc.handling)),
    field('articles', selection.articleIds === null ? 'all' : `${selection.articleIds.length} chosen: ${selection.articleIds.join(', ')}`),
    field('published', range),
    field('multi-tag', MULTI_TAG[doc.multiTag]),
    field('index', doc.entityIndex ? 'ends with an index of entities' : 'no index of entities'),
    field('passages', layout === null ? '0 (nothing in it yet: tag passages, or choose other sections)' : `${layout.passageCount} from ${plural(layout.sources.length, 'source')}`),
    field('changed', doc.updatedAt),
    '',
  ]
  if (doc.keyJudgments.trim() === '') lines.push('Key judgments: none.')
  else lines.push('Key judgments:', ...doc.keyJudgments.replace(/\n+$/, '').split('\n').map((l) => (l === '' ? '' : `  ${l}`)))
  lines.push('')
  if (doc.sections.length === 0) lines.push('No sections: add one with --section or --add-section TAG.')
  else lines.push(`Sections (${doc.sections.length}):`)
  doc.sections.forEach((s, i) => {
    const key = s.entityId ?? s.tagId
    const named = s.entityId === undefined ? tags.find((t) => t.id === s.tagId) : entities.find((e) => e.id === s.entityId)
    const shown = layout ? builtSection(layout, key) : undefined
    const what = s.entityId === undefined ? 'tag' : 'entity'
    const count = named === undefined ? `its ${what} was deleted: left out` : plural(shown?.passages.length ?? 0, 'passage')
    const extras = [
      shown && shown.references.length > 0 ? `${shown.references.length} printed in another section` : '',
      s.excluded.length > 0 ? `${s.excluded.length} left out` : '',
      s.order.length > 0 ? 'in its own order' : '',
    ].filter(Boolean)
    const name = named ? `${label(named.name)}${s.entityId === undefined ? '' : ' (entity: passages that mention it)'}` : key
    lines.push(`  ${i + 1}. ${name}  ${count}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`)
    if (s.note.trim() !== '') lines.push(`     note: ${label(oneLine(s.note))}`)
  })
  lines.push(...formatFigureLines(doc, tags))
  for (const w of layout?.warnings ?? []) if (w.kind !== 'tag-missing' && w.kind !== 'entity-missing') lines.push(`  warning: ${label(oneLine(w.message))}`)
  return `${lines.join('\n')}\n`
}
