/**
 * Human-readable output of the CLI: tables and summaries. (--json prints the values
 * themselves; see run-cli.ts.)
 */
import type { ArticleSummary, ImportItem, ImportReport } from '../core/api'
import type { Tag } from '../core/model'
import type { BackupInfo } from '../main/storage/backups'
import type { CheckReport } from '../main/storage/check-notebook'
import type { NotebookSession } from '../main/notebook-session'
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
  }
}

export function formatImportTotals(report: ImportReport): string {
  return `Imported ${report.imported}, duplicates ${report.duplicates}, failed ${report.failed}.\n`
}

export function formatList(articles: ArticleSummary[]): string {
  if (articles.length === 0) return 'There are no articles in this notebook yet. Add some with "dossier import PATH...".\n'
  return table(
    ['ID', 'DATE', 'OUTLET', 'WORDS', 'HIGHLIGHTS', 'TITLE'],
    articles.map((a) => [a.id, a.published ? a.published.slice(0, 10) : '—', a.outlet === null ? '—' : label(a.outlet), String(a.wordCount), String(a.highlightCount), label(a.title)]),
    ['l', 'l', 'l', 'r', 'r', 'l'],
  )
}

export function formatShow(view: Awaited<ReturnType<NotebookSession['getArticle']>>, tags: Tag[]): string {
  const a = view.article
  const src = a.metaSources
  const field = (name: string, value: string | null, source?: string) =>
    `${`${name}:`.padEnd(11)}${value === null ? '—' : label(value)}${value && source ? `  [from the ${source}]` : ''}`
  const lines = [
    label(a.title),
    '',
    field('id', a.id),
    field('title', a.title, src.title),
    field('published', a.published, src.published),
    field('outlet', a.outlet, src.outlet),
    field('author', a.author, src.author),
    field('url', a.url, src.url),
    field('words', String(a.wordCount)),
    field('file', a.sourceFileName),
    field('imported', a.importedAt),
    '',
    '─'.repeat(72),
    view.text.replace(/\n+$/, ''),
    '─'.repeat(72),
    '',
  ]
  if (view.highlights.length === 0) {
    lines.push(`No highlights yet. Add one with: dossier highlight ${a.id} --quote "…" --tag NAME`)
  } else {
    lines.push(`Highlights (${view.highlights.length}):`)
    for (const h of view.highlights) {
      const names = tagNames(h.tagIds, tags).map(label)
      lines.push('', `${h.id}  [${names.join(', ')}]  characters ${h.target.start}–${h.target.end}`, `  “${h.target.exact}”`)
      if (h.comment) lines.push(`  comment: ${label(oneLine(h.comment))}`)
    }
  }
  return `${lines.join('\n')}\n`
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
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)))
  const render = (row: string[]) =>
    row
      .map((cell, c) => {
        if (c === row.length - 1) return cell
        const pad = ' '.repeat((widths[c] ?? 0) - [...cell].length)
        return align[c] === 'r' ? pad + cell : cell + pad
      })
      .join('  ')
  return `${all.map(render).join('\n')}\n`
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
