/**
 * Human-readable output of `dossier ach …` and `dossier cooccurrence`: text tables. (--json
 * prints the values themselves; see ach-commands.ts.)
 */
import { achConclusions, claimCountText, claimGrades, formatScore as formatNumber, RATING_KEY, ratingOf, type AchMatrix } from '../core/ach'
import type { CooccurrenceGrid } from '../core/cooccurrence'
import type { AchSummary, AchView } from '../main/ach/ach-session'
import { oneLine, table } from './format'
import { escapeLabel as label } from './terminal-safe'

const QUOTE_WIDTH = 70

function clip(text: string, width: number): string {
  const chars = [...oneLine(text)]
  return chars.length <= width ? chars.join('') : `${chars.slice(0, width - 1).join('')}…`
}

export function formatAchList(list: readonly AchSummary[]): string {
  if (list.length === 0) return 'There are no ACH matrices in this notebook yet. Start one with: dossier ach create "QUESTION"\n'
  return table(
    ['ID', 'UPDATED', 'HYPOTHESES', 'ROWS', 'LEADING', 'QUESTION'],
    list.map((m) => [m.id, m.updatedAt.replace('T', ' ').slice(0, 16), String(m.hypothesisCount), String(m.evidenceCount), m.leaders.join(', ') || '—', label(clip(m.question, QUOTE_WIDTH))]),
    ['l', 'l', 'r', 'r', 'l', 'l'],
  )
}

/** The matrix as an analyst reads it: hypotheses ranked, the ratings, then what the leader hinges on. */
export function formatAchView(view: AchView): string {
  const { matrix, scores } = view
  const out: string[] = [`ACH matrix ${matrix.id}: ${label(oneLine(matrix.question))}`, '']
  if (matrix.hypotheses.length === 0) {
    out.push(`No hypotheses yet. Add one with: dossier ach hypothesis ${matrix.id} "TEXT"`)
    return `${out.join('\n')}\n`
  }
  const byId = new Map(scores.hypotheses.map((h) => [h.id, h]))
  out.push('Hypotheses, least inconsistent first (weighted inconsistency: I = 1, II = 2 times the row weight):')
  out.push(
    indent(
      table(
        ['RANK', 'ID', 'INCONSISTENCY', 'UNRATED', 'HYPOTHESIS'],
        scores.ranking.map((id) => {
          const h = byId.get(id)!
          return [String(h.rank), h.id, formatNumber(h.inconsistency), String(h.unratedCells), label(clip(h.text, QUOTE_WIDTH))]
        }),
        ['r', 'l', 'r', 'r', 'l'],
      ),
    ),
  )
  out.push('')
  if (matrix.evidence.length === 0) {
    out.push(`No evidence yet. Add a passage with: dossier ach evidence ${matrix.id} --highlight ID (or --note "TEXT")`)
    return `${out.join('\n')}\n`
  }
  out.push(`Ratings (${RATING_KEY}; · not rated):`)
  out.push(indent(ratingsTable(view)))
  out.push('')
  out.push(...conclusions(view))
  return `${out.join('\n')}\n`
}

function ratingsTable(view: AchView): string {
  const { matrix, scores } = view
  const rowScores = new Map(scores.rows.map((r) => [r.id, r]))
  const details = new Map(view.evidence.map((e) => [e.id, e]))
  const header = ['ROW', 'WEIGHT', ...matrix.hypotheses.map((h) => h.id), 'DIAGNOSTIC', 'EVIDENCE']
  const rows = matrix.evidence.map((row) => {
    const score = rowScores.get(row.id)!
    const detail = details.get(row.id)!
    const flags = [score.sensitive ? 'sensitive' : '', detail.missing ? 'MISSING' : ''].filter(Boolean).join(', ')
    return [
      row.id,
      formatNumber(score.weight),
      ...matrix.hypotheses.map((h) => ratingOf(row, h.id) ?? '·'),
      score.diagnostic ? `yes (${formatNumber(score.diagnosticity)})` : 'no',
      `${flags ? `[${flags}] ` : ''}${evidenceText(view, detail)}`,
    ]
  })
  return table(header, rows, ['l', 'r', ...matrix.hypotheses.map(() => 'l' as const), 'l', 'l'])
}

/** The claim id a claim row points to (the row's source; the detail of a deleted claim has none). */
function claimIdOf(view: AchView, rowId: string): string {
  const source = view.matrix.evidence.find((r) => r.id === rowId)?.source
  return source?.kind === 'claim' ? source.claimId : ''
}

function evidenceText(view: AchView, detail: AchView['evidence'][number]): string {
  if (detail.kind === 'note') return `note: ${label(clip(detail.text, QUOTE_WIDTH))}`
  if (detail.missing) return detail.kind === 'claim' ? `claim ${claimIdOf(view, detail.id)} was deleted (the row is kept)` : `passage ${detail.highlightId ?? ''} was deleted (the row is kept)`
  if (detail.claim) return `claim: ${label(clip(detail.text, QUOTE_WIDTH))} (${claimCountText(detail.claim)}${claimGrades(detail.claim)}) ${detail.claim.claimId}`
  const from = detail.articleTitle ? ` (${label(clip(detail.articleTitle, 30))})` : ''
  return `“${label(clip(detail.text, QUOTE_WIDTH))}”${from} ${detail.highlightId ?? ''}`
}

function conclusions(view: AchView): string[] {
  const text = new Map(view.matrix.hypotheses.map((h) => [h.id, h.text]))
  return achConclusions(view, (id) => `${id} “${label(clip(text.get(id) ?? '', 40))}”`)
}

/** A short confirmation after a change, then the ranking in one line. */
export function formatAchChange(what: string, matrix: AchMatrix, view: AchView): string {
  const ranking = view.scores.ranking.map((id) => `${id} ${formatNumber(view.scores.hypotheses.find((h) => h.id === id)!.inconsistency)}`).join(', ')
  return `${what}\n${ranking ? `Inconsistency: ${ranking}.\n` : ''}See it all with: dossier ach show ${matrix.id}\n`
}

export function formatCooccurrence(grid: CooccurrenceGrid): string {
  if (grid.rows.length === 0) return 'The notebook has no tags.\n'
  if (grid.columns.length === 0) return 'No passage carries a tag yet.\n'
  const what = grid.by === 'tag' ? `Passages tagged with both${grid.overlap ? ', or overlapping in one article' : ''} (the diagonal: passages with the tag):` : `Passages of each tag by ${grid.by}:`
  const columnLabels = grid.by === 'tag' ? grid.columns.map((_, i) => `T${i + 1}`) : grid.columns.map((c, i) => `${grid.by === 'article' ? 'A' : 'O'}${i + 1}`)
  const rows = grid.rows.map((row, r) => [grid.by === 'tag' ? `T${r + 1} ${label(clip(row.label, 30))}` : label(clip(row.label, 30)), ...grid.cells[r]!.map((c) => (c.count === 0 ? '·' : String(c.count)))])
  const key = grid.columns.map((c, i) => `  ${columnLabels[i]}  ${label(clip(c.label, 60))}${grid.by === 'article' ? `  ${c.id}` : ''}`)
  return `${what}\n${table(['', ...columnLabels], rows, ['l', ...columnLabels.map(() => 'r' as const)])}\n${key.join('\n')}\n`
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n')
    .replace(/\n$/, '')
}
