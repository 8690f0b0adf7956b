/**
 * Human-readable output of the CLI: tables and summaries. (--json prints the values
 * themselves; see run-cli.ts.)
 */
import type { ArticleSummary, ArticleView, ImportItem, ImportReport } from '../core/api'
import { FLAG_CODES, FLAG_NAMES, REWRITE_WORDS } from '../core/article-labels'
import type { ArticleFlag, EditableMetaField, Highlight, Tag } from '../core/model'
import type { BackupInfo } from '../main/storage/backups'
import type { CheckReport } from '../main/storage/check-notebook'
import type { NotebookSession } from '../main/notebook-session'
import type { HighlightWithSuggestion } from '../main/timeline/event-dates'
import { describeEventDate } from './event-date-format'
import { escapeLabel as label } from './terminal-safe'

export function formatImport(report: ImportReport): string {
  return `${report.items.map(formatImportItem).join('')}${formatImportTotals(report)}`
}

/** One line of the import report (with its "likely rewrite" line when it has one). */
export function formatImportItem(item: ImportItem): string {
  switch (item.status) {
    case 'imported': {
      const rewrites = item.rewriteOf?.length
        ? `  ${item.articleId ?? ''} is a likely rewrite of ${item.rewriteOf.map((r) => `${r.articleId} "${label(oneLine(r.title))}" (${Math.round(r.score * 100)}%)`).join(', ')}\n`
        : ''
      return `imported  ${item.articleId ?? ''}  ${label(item.title ?? '')}\n${rewrites}`
    }
    case 'duplicate':
      return `duplicate ${item.duplicateOf ?? item.articleId ?? ''}  ${label(item.source)} (already in the notebook as "${label(item.title ?? '')}")\n`
    case 'failed':
      return `failed    ${label(item.source)}: ${label(oneLine(item.error?.message ?? 'unknown error'))}\n`
    case 'skipped':
      return `skipped   ${label(item.source)}: ${label(oneLine(item.reason ?? 'not imported'))}\n`
  }
}

export function formatImportTotals(report: ImportReport): string {
  const skipped = report.skipped > 0 ? `, skipped ${report.skipped}` : ''
  return `Imported ${report.imported}, duplicates ${report.duplicates}, failed ${report.failed}${skipped}.\n`
}

export function formatList(articles: ArticleSummary[]): string {
  if (articles.length === 0) return 'There are no articles in this notebook yet. Add some with "dossier import PATH...".\n'
  const rows = articles.map((a) => [
    a.id,
    a.published ? a.published.slice(0, 10) : '—',
    a.outlet === null ? '—' : label(a.outlet),
    String(a.wordCount),
    String(a.highlightCount),
    flagCell(a),
    label(a.title),
  ])
  const legend = listLegend(articles)
  return table(['ID', 'DATE', 'OUTLET', 'WORDS', 'HIGHLIGHTS', 'FLAGS', 'TITLE'], rows, ['l', 'l', 'l', 'r', 'r', 'l', 'l']) + (legend ? `\n${legend}\n` : '')
}

/** `moji,ctrl,rw2`: the article's damage flags as short codes, and `rwN` for N likely rewrites; — for none. */
function flagCell(a: Pick<ArticleSummary, 'flags' | 'rewrites'>): string {
  const codes = [...new Set(a.flags.map((f) => FLAG_CODES[f.kind]))]
  if (a.rewrites.length > 0) codes.push(`rw${a.rewrites.length}`)
  return codes.length === 0 ? '—' : codes.join(',')
}

/** What the codes in the FLAGS column mean (only those that occur), or '' when none do. */
function listLegend(articles: readonly ArticleSummary[]): string {
  const kinds = new Set(articles.flatMap((a) => a.flags.map((f) => f.kind)))
  const parts = (Object.keys(FLAG_CODES) as ArticleFlag['kind'][]).filter((k) => kinds.has(k)).map((k) => `${FLAG_CODES[k]} = ${FLAG_NAMES[k].toLowerCase()}`)
  if (articles.some((a) => a.rewrites.length > 0)) parts.push('rwN = likely rewrite of, or rewritten by, N other articles')
  return parts.length === 0 ? '' : `FLAGS: ${parts.join('; ')}. "dossier show ID" gives the details.`
}

export function formatShow(view: ArticleView, tags: Tag[]): string {
  const a = view.article
  const src = a.metaSources
  const edited = new Set<string>(a.metaEdited)
  const field = (name: string, value: string | null, key?: EditableMetaField) => {
    const source = key === undefined ? undefined : edited.has(key) ? 'edited by the analyst' : src[key] && `from the ${src[key]}`
    return `${`${name}:`.padEnd(11)}${value === null ? '—' : label(value)}${value && source ? `  [${label(source)}]` : ''}`
  }
  const lines = [
    label(a.title),
    '',
    field('id', a.id),
    field('title', a.title, 'title'),
    field('published', a.published, 'published'),
    field('outlet', a.outlet, 'outlet'),
    field('author', a.author, 'author'),
    field('url', a.url, 'url'),
    field('words', String(a.wordCount)),
    field('format', `${a.format}${a.language ? `, language ${a.language}` : ''}`),
    field('file', a.sourceFileName),
    field('imported', a.importedAt),
    ...analysisLines(view),
    '',
    '─'.repeat(72),
    view.text.replace(/\n+$/, ''),
    '─'.repeat(72),
    '',
  ]
  if (view.highlights.length === 0 && view.orphans.length === 0) {
    lines.push(`No highlights yet. Add one with: dossier highlight ${a.id} --quote "…" --tag NAME`)
  }
  const listHighlights = (highlights: readonly Highlight[], where: (h: Highlight) => string) => {
    for (const h of highlights) {
      const names = tagNames(h.tagIds, tags).map(label)
      lines.push('', `${h.id}  [${names.join(', ')}]  ${where(h)}`, `  “${h.target.exact}”`)
      if (h.comment) lines.push(`  comment: ${label(oneLine(h.comment))}`)
      const suggested = (h as HighlightWithSuggestion).suggestedEventDate
      if (h.eventDate !== undefined || suggested) lines.push(`  event date: ${describeEventDate(h.eventDate !== undefined ? h.eventDate : suggested, h.eventDate === undefined)}`)
    }
  }
  if (view.highlights.length > 0) {
    lines.push(`Highlights (${view.highlights.length}):`)
    listHighlights(view.highlights, (h) => `characters ${h.target.start}–${h.target.end}`)
  }
  if (view.orphans.length > 0) {
    if (view.highlights.length > 0) lines.push('')
    lines.push(`Highlights whose quote is no longer in the text (${view.orphans.length}; kept, never removed):`)
    listHighlights(view.orphans, () => 'not found')
  }
  return `${lines.join('\n')}\n`
}

/** Damage flags with their details, likely rewrites with score and title, and the page furniture ranges. */
function analysisLines(view: ArticleView): string[] {
  const a = view.article
  const lines: string[] = []
  if (a.flags.length > 0) {
    lines.push('', `Flags (${a.flags.length}):`)
    for (const f of a.flags) lines.push(`  ${FLAG_NAMES[f.kind]}${f.count === undefined ? '' : ` (${f.count})`}: ${label(oneLine(f.detail))}`)
  }
  if (a.rewrites.length > 0) {
    lines.push('', `Rewrite links (${a.rewrites.length}):`)
    for (const r of a.rewrites) lines.push(`  ${r.articleId}  ${`${Math.round(r.score * 100)}%`.padStart(4)}  ${REWRITE_WORDS[r.kind]} "${label(r.title)}"`)
  }
  if (view.furniture.length > 0) {
    lines.push('', `Page furniture (${view.furniture.length}; not the article, kept in the text below):`)
    const rows = view.furniture.map((f) => [`characters ${f.start}–${f.end}`, f.kind, label(oneLine(f.label))])
    lines.push(...columns(rows, ['l', 'l', 'l']).trimEnd().split('\n').map((l) => `  ${l}`))
  }
  return lines
}

export function tagsWithCounts(session: NotebookSession): Promise<(Tag & { highlightCount: number })[]> {
  return session.listTagSummaries()
}

export function formatTags(tags: (Tag & { highlightCount: number })[]): string {
  if (tags.length === 0) return 'This notebook has no tags.\n'
  return table(
    ['NAME', 'COLOUR', 'HIGHLIGHTS', 'DESCRIPTION'],
    tags.map((t) => [label(t.name), t.color, String(t.highlightCount), label(t.description)]),
    ['l', 'l', 'r', 'l'],
  )
}

export function tagNames(ids: readonly string[], tags: readonly Tag[]): string[] {
  return ids.map((id) => tags.find((t) => t.id === id)?.name ?? id)
}

export function table(header: string[], rows: string[][], align: ('l' | 'r')[]): string {
  return columns([header, ...rows], align)
}

/** Rows as aligned columns, two spaces apart; the last column is not padded. */
export function columns(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)))
  const render = (row: string[]) =>
    row
      .map((cell, c) => {
        if (c === row.length - 1) return cell
        const pad = ' '.repeat((widths[c] ?? 0) - [...cell].length)
        return align[c] === 'r' ? pad + cell : cell + pad
      })
      .join('  ')
  return `${rows.map(render).join('\n')}\n`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function formatBackups(backups: BackupInfo[]): string {
  if (backups.length === 0) return 'This notebook has no backups yet. Make one with: dossier backup\n'
  return table(
    ['ID', 'CREATED', 'REASON', 'ARTICLES', 'FILES'],
    backups.map((b) => [label(b.id), b.createdAt.replace('T', ' ').slice(0, 19), label(b.reason), b.articleCount === null ? '—' : String(b.articleCount), String(b.fileCount)]),
    ['l', 'l', 'l', 'r', 'r'],
  )
}

export function formatCheck(report: CheckReport, repair: boolean): string {
  const lines: string[] = []
  for (const p of report.repaired) lines.push(`repaired  ${label(p.file)}: ${label(oneLine(p.message))}${p.repair ? ` (${label(oneLine(p.repair))})` : ''}`)
  for (const p of report.problems) lines.push(`${p.repairable ? 'fixable ' : 'problem '}  ${label(p.file)}: ${label(oneLine(p.message))}`)
  for (const k of report.kept) lines.push(`kept      ${label(k.file)}: ${label(oneLine(k.message))}`)
  const fixable = report.problems.filter((p) => p.repairable).length
  lines.push(
    report.problems.length === 0
      ? `${report.checkedFiles} files checked: no problems${report.repaired.length > 0 ? ` (after ${plural(report.repaired.length, 'repair')})` : ''}.`
      : `${report.checkedFiles} files checked: ${plural(report.problems.length, 'problem')}${!repair && fixable > 0 ? `; ${fixable} can be repaired with "dossier check --repair"` : ''}.`,
  )
  return `${lines.join('\n')}\n`
}

export function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim()
}
