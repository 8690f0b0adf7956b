/**
 * An ACH matrix as Markdown (CommonMark tables) and as CSV records (the project's CSV
 * format, src/core/export/csv.ts): the question, the hypotheses ranked by weighted
 * inconsistency, the matrix with each row's weight, ratings and diagnosticity, and what
 * the lead hinges on. Ratings are written as their codes (CC … NA), never as colour alone.
 *
 * Text from the analyst or an article is escaped for Markdown (escapeInline) and guarded
 * against spreadsheet formulas in CSV (guardFormula), as the briefing exports are.
 */
import { CSV_STRINGIFY_OPTIONS, guardFormula, type CsvOptions, type CsvStringify } from '../export/csv'
import { escapeInline } from '../export/markdown'
import type { ArticleId, HighlightId } from '../ids'
import type { ClaimId, Stance } from '../sourcing/schema'
import { ratingOf } from './edit'
import { RATING_LABELS, type AchMatrix, type EvidenceId } from './schema'
import type { AchScores } from './score'

/** A claim row's claim as the notebook has it now: what the row, the exports and the briefing show. */
export interface AchClaimDetail {
  claimId: ClaimId
  /** Independent sources of the passages supporting it, and of those contradicting it. */
  independentSources: number
  contradictingSources: number
  /** Its passages that still exist, in the claim's order. */
  passages: AchClaimPassage[]
}

export interface AchClaimPassage {
  highlightId: HighlightId
  articleId: ArticleId
  stance: Stance
  /** The Admiralty code ("B2", "B?"), null when ungraded. */
  grade: string | null
  /** "bne IntelliNews, 15 December 2024 (B2)" */
  citation: string
}

/** What a row stands for, as read from the notebook now. */
export interface AchEvidenceDetail {
  id: EvidenceId
  kind: 'highlight' | 'note' | 'claim'
  /** The passage's quote (read from the highlight now), the note, or the claim's statement; '' for a missing passage or claim. */
  text: string
  highlightId: HighlightId | null
  articleId: ArticleId | null
  articleTitle: string | null
  /** The row's passage or claim no longer exists: the row is kept and flagged. */
  missing: boolean
  /** A claim row's claim (absent for other rows and for a deleted claim). */
  claim?: AchClaimDetail
}

/** "2 independent sources", "1 independent source, 1 contradicting": how a claim row names its count. */
export function claimCountText(claim: Pick<AchClaimDetail, 'independentSources' | 'contradictingSources'>): string {
  const n = claim.independentSources
  const head = `${n} independent ${n === 1 ? 'source' : 'sources'}`
  return claim.contradictingSources > 0 ? `${head}, ${claim.contradictingSources} contradicting` : head
}

/** What a row is called when its passage or claim is gone. */
export function missingRowText(detail: Pick<AchEvidenceDetail, 'kind' | 'highlightId'>): string {
  return detail.kind === 'claim' ? 'claim deleted' : `Passage ${detail.highlightId ?? ''} (deleted)`
}

/** A matrix with its scores and rows' details: what `dossier ach show` and the exports print. */
export interface AchReport {
  matrix: AchMatrix
  scores: AchScores
  /** In row order. */
  evidence: AchEvidenceDetail[]
}

/** 2, 1.41, 0.5: integers as they are, others to at most two decimals. */
export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '')
}

export const RATING_KEY = Object.entries(RATING_LABELS)
  .map(([code, name]) => `${code} ${name}`)
  .join(', ')

/** What the lead hinges on, in sentences (shared by the text and Markdown forms). */
export function achConclusions(report: AchReport, name: (id: string) => string): string[] {
  const { scores } = report
  const lines = [scores.leaders.length === 1 ? `Leading: ${name(scores.leaders[0]!)}.` : `Tied for the lead: ${scores.leaders.map(name).join(' and ')}.`]
  const sensitive = scores.rows.filter((r) => r.sensitive)
  lines.push(
    sensitive.length === 0
      ? 'Sensitive rows: none (removing any single row leaves the lead as it is).'
      : `Sensitive rows (the lead hinges on them): ${sensitive.map((r) => `${r.id} (without it: ${r.leadersWithout.join(' and ')})`).join('; ')}.`,
  )
  lines.push(scores.nonDiagnosticRows.length === 0 ? 'Every row is diagnostic.' : `Not diagnostic (rated alike across the hypotheses): ${scores.nonDiagnosticRows.join(', ')}.`)
  const missing = report.evidence.filter((e) => e.missing).map((e) => e.id)
  if (missing.length > 0) lines.push(`Rows whose passage or claim was deleted (kept, still rated): ${missing.join(', ')}.`)
  return lines
}

export function achToMarkdown(report: AchReport): string {
  const { matrix, scores } = report
  const hypotheses = new Map(matrix.hypotheses.map((h) => [h.id, h]))
  const out = [`# ACH: ${escapeInline(matrix.question)}`, '']
  if (matrix.hypotheses.length > 0) {
    out.push(achConclusions(report, (id) => `${id} ${escapeInline(hypotheses.get(id)?.text ?? '')}`).join('\\\n'), '')
    out.push('## Hypotheses', '', '| Rank | Hypothesis | Weighted inconsistency |', '|---:|---|---:|')
    for (const id of scores.ranking) {
      const h = scores.hypotheses.find((x) => x.id === id)!
      out.push(`| ${h.rank} | ${id} ${escapeInline(h.text)} | ${formatScore(h.inconsistency)} |`)
    }
    out.push('')
  }
  out.push('## Evidence and ratings', '')
  if (matrix.evidence.length === 0) out.push('No evidence yet.', '')
  else {
    const ids = matrix.hypotheses.map((h) => h.id)
    out.push(`| Row | Evidence | Weight | ${ids.join(' | ')}${ids.length ? ' | ' : ''}Diagnostic |`, `|---|---|---:|${ids.map(() => ':---:|').join('')}---|`)
    matrix.evidence.forEach((row, r) => {
      const score = scores.rows[r]!
      const ratings = ids.map((h) => ratingOf(row, h) ?? ' ')
      const flags = [score.diagnostic ? `yes (${formatScore(score.diagnosticity)})` : 'no', score.sensitive ? 'sensitive' : ''].filter(Boolean).join(', ')
      out.push(`| ${row.id} | ${evidenceCell(report.evidence[r]!)} | ${formatScore(score.weight)} | ${ratings.join(' | ')}${ids.length ? ' | ' : ''}${flags} |`)
    })
    out.push('', `Ratings: ${RATING_KEY}; blank: not rated. Weight = credibility × relevance; weighted inconsistency adds 1 (I) or 2 (II) times the weight.`, '')
  }
  return `${out.join('\n')}`
}

/** A row's evidence as plain text (the PDF's cell): the quote cut to `maxQuote` characters, the note, the claim with its count, or what is gone. */
export function evidenceText(detail: AchEvidenceDetail, maxQuote = Infinity): string {
  if (detail.kind === 'note') return `Note: ${detail.text}`
  if (detail.missing) return detail.kind === 'claim' ? '(claim deleted)' : '(passage deleted)'
  if (detail.claim) return `Claim: ${detail.text} (${claimCountText(detail.claim)}${claimGrades(detail.claim)})`
  return `“${detail.text.length > maxQuote ? `${detail.text.slice(0, maxQuote - 1)}…` : detail.text}”`
}

/** "; grades B2, C3" (each distinct grade of the claim's passages once), or '' when none is graded. */
export function claimGrades(claim: AchClaimDetail): string {
  const grades = [...new Set(claim.passages.map((p) => p.grade).filter((g): g is string => g !== null))]
  return grades.length === 0 ? '' : `; ${grades.length === 1 ? 'grade' : 'grades'} ${grades.join(', ')}`
}

function evidenceCell(detail: AchEvidenceDetail): string {
  if (detail.kind === 'note') return `Note: ${escapeInline(detail.text)}`
  if (detail.missing) return missingRowText(detail)
  if (detail.claim) return `Claim: ${escapeInline(detail.text)} (${claimCountText(detail.claim)}${escapeInline(claimGrades(detail.claim))})`
  const from = detail.articleTitle ? ` — ${escapeInline(detail.articleTitle)}` : ''
  return `“${escapeInline(detail.text)}”${from}`
}

const KIND_NAMES: Readonly<Record<AchEvidenceDetail['kind'], readonly [string, string]>> = {
  highlight: ['passage', 'deleted passage'],
  note: ['note', 'note'],
  claim: ['claim', 'deleted claim'],
}

/**
 * Header, one record per row, then the weighted inconsistency of each hypothesis. A claim
 * row names its claim and count in the last columns (added in format 2, after the columns
 * scripts already read); `citations` (a briefing's, one per row) adds a "Cited as" column.
 */
export function achCsvRecords(report: AchReport, options: CsvOptions = {}, citations?: readonly string[]): string[][] {
  const guard = options.guardFormulas ?? true
  const text = (value: string) => (guard ? guardFormula(value) : value)
  const { matrix, scores } = report
  const header = ['Row', 'Kind', 'Evidence', 'Article', 'Highlight', 'Credibility', 'Relevance', 'Weight', ...matrix.hypotheses.map((h) => text(`${h.id}: ${h.text}`)), 'Diagnosticity', 'Sensitive', 'Claim', 'Independent sources', ...(citations ? ['Cited as'] : [])]
  const rows = matrix.evidence.map((row, r) => {
    const detail = report.evidence[r]!
    const score = scores.rows[r]!
    return [
      row.id,
      KIND_NAMES[detail.kind][detail.missing ? 1 : 0],
      text(detail.text),
      text(detail.articleTitle ?? ''),
      detail.highlightId ?? '',
      formatScore(row.credibility),
      formatScore(row.relevance),
      formatScore(score.weight),
      ...matrix.hypotheses.map((h) => ratingOf(row, h.id) ?? ''),
      formatScore(score.diagnosticity),
      score.sensitive ? 'yes' : 'no',
      row.source.kind === 'claim' ? row.source.claimId : '',
      detail.claim ? claimCountText(detail.claim) : '',
      ...(citations ? [text(citations[r] ?? '')] : []),
    ]
  })
  const totals = ['Weighted inconsistency', '', '', '', '', '', '', '', ...scores.hypotheses.map((h) => formatScore(h.inconsistency)), '', '', '', '', ...(citations ? [''] : [])]
  return [header, ...rows, totals]
}

export function achToCsv(report: AchReport, stringify: CsvStringify, options: CsvOptions = {}, citations?: readonly string[]): string {
  return stringify(achCsvRecords(report, options, citations), CSV_STRINGIFY_OPTIONS)
}
