/**
 * An ACH matrix as a grid (role "grid"): hypotheses as columns, evidence as rows, a
 * rating in each cell shown as its code and a colour (never the colour alone). One cell
 * takes Tab focus; keys as PARC ACH users expect them (shortcuts.ts, scope "ach"):
 * arrows move, 1–5 rate CC/C/N/I/II, 0 or Delete rate NA, Enter edits (a hypothesis'
 * text in the header; on a row's evidence cell it opens the passage in the reader, the
 * claim in the Sources view, or edits the note; on a rating cell it goes to the row's
 * credibility). A claim row shows its statement, its independent-source count and grades.
 * Rows not diagnostic are marked "not diagnostic"; sensitive rows "sensitive" and ◆.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { RATING_LABELS, WEIGHT_LEVELS, claimCountText, claimGrades, formatScore, ratingOf, type EvidenceId, type HypothesisId, type Rating } from '../../../../core/ach'
import type { AchEdit, AchView } from '../../../../core/api-ach'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { ClaimId } from '../../../../core/sourcing'
import { dispatchKey } from '../../../../core/shortcuts'
import { moveCell, orderRows, ratingClass, RATING_KEYS, type CellPos } from '../../analysis/grid'
import { IS_MAC } from '../../hooks/useAppKeys'

interface Props {
  view: AchView
  byDiagnosticity: boolean
  onEdit(label: string, edit: AchEdit): void
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
  onOpenClaim(claimId: ClaimId): void
}

const LEVELS = [...WEIGHT_LEVELS.entries()]

export function AchGrid({ view, byDiagnosticity, onEdit, onOpenPassage, onOpenClaim }: Props) {
  const { matrix, scores } = view
  const order = orderRows(view, byDiagnosticity)
  const rows = order.map((id) => ({ row: matrix.evidence.find((r) => r.id === id)!, score: scores.rows.find((r) => r.id === id)!, detail: view.evidence.find((e) => e.id === id) }))
  const hyps = matrix.hypotheses
  const [pos, setPos] = useState<CellPos>({ row: rows.length > 0 ? 0 : -1, col: hyps.length > 0 ? 1 : 0 })
  const [editing, setEditing] = useState<{ kind: 'hypothesis'; id: HypothesisId } | { kind: 'note'; id: EvidenceId } | null>(null)
  const grid = useRef<HTMLTableElement>(null)
  /** Bumped when the focus should follow the focused cell (after a move or an edit). */
  const [focusRequest, setFocusRequest] = useState(0)
  const at = { row: Math.min(pos.row, rows.length - 1), col: Math.min(pos.col, hyps.length) }

  useEffect(() => {
    if (focusRequest === 0) return
    grid.current?.querySelector<HTMLElement>(`[data-cell="${at.row}:${at.col}"]`)?.focus()
  }, [focusRequest, at.row, at.col])

  const go = (next: CellPos) => {
    setPos(next)
    setFocusRequest((n) => n + 1)
  }

  const onKeyDown = (e: KeyboardEvent, p: CellPos) => {
    if (editing) return
    const row = rows[p.row]
    const hyp = p.col > 0 ? hyps[p.col - 1] : undefined
    const rate = () => {
      const rating = RATING_KEYS.get(e.key)
      if (!row || !hyp || !rating) return false
      onEdit(`rate ${row.row.id} ${hyp.id}`, { op: 'rate', rowId: row.row.id, hypothesisId: hyp.id, rating })
    }
    const taken = dispatchKey(e, 'ach', IS_MAC, {
      'ach.move': () => {
        const next = moveCell(p, e.key, rows.length, hyps.length)
        if (next) go(next)
      },
      'ach.rate': rate,
      'ach.clear': rate,
      'ach.edit': () => {
        if (p.row === -1 && hyp) return setEditing({ kind: 'hypothesis', id: hyp.id })
        if (!row) return false
        if (p.col === 0 && row.detail?.kind === 'highlight' && row.detail.articleId && row.detail.highlightId) return onOpenPassage(row.detail.articleId, row.detail.highlightId)
        if (p.col === 0 && row.detail?.claim) return onOpenClaim(row.detail.claim.claimId)
        if (p.col === 0 && row.detail?.kind === 'note') return setEditing({ kind: 'note', id: row.row.id })
        document.getElementById(`ach-cred-${row.row.id}`)?.focus()
      },
    })
    if (taken) e.preventDefault()
  }

  /** A focusable cell; `label` only where the text alone does not say it (a rating's code). */
  const cellProps = (p: CellPos, label?: string) => ({
    'data-cell': `${p.row}:${p.col}`,
    tabIndex: p.row === at.row && p.col === at.col ? 0 : -1,
    'aria-label': label,
    onKeyDown: (e: KeyboardEvent) => onKeyDown(e, p),
    onFocus: () => setPos(p),
  })

  const finishEdit = (text: string | null) => {
    const target = editing
    setEditing(null)
    setFocusRequest((n) => n + 1)
    if (!target || text === null) return
    if (target.kind === 'hypothesis') onEdit(`edit hypothesis ${target.id}`, { op: 'edit-hypothesis', hypothesisId: target.id, text })
    else onEdit(`edit note ${target.id}`, { op: 'edit-note', rowId: target.id, text })
  }

  return (
    <table ref={grid} role="grid" className="ach-grid" aria-label={`ACH matrix: ${matrix.question}`} aria-rowcount={rows.length + 1}>
      <thead>
        <tr>
          <th scope="col" className="ach-evidence-head" {...cellProps({ row: -1, col: 0 })}>
            Evidence
          </th>
          <th scope="col" className="ach-weight-head">
            Credibility · relevance
          </th>
          {hyps.map((h, i) => (
            <th key={h.id} scope="col" className="ach-hyp-head" {...cellProps({ row: -1, col: i + 1 })}>
              {editing?.kind === 'hypothesis' && editing.id === h.id ? (
                <InlineEdit initial={h.text} label={`Text of ${h.id}`} onDone={finishEdit} />
              ) : (
                <>
                  <span className="ach-id">{h.id}</span> {h.text}
                </>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ row, score, detail }, r) => {
          const missing = detail?.missing === true
          const text = detail ? (missing ? (detail.kind === 'claim' ? 'Claim deleted' : 'Passage deleted') : detail.text) : ''
          const claim = missing ? undefined : detail?.claim
          return (
            <tr key={row.id} className={score.diagnostic ? undefined : 'is-not-diagnostic'} data-row-id={row.id}>
              <th scope="row" className="ach-evidence" {...cellProps({ row: r, col: 0 })}>
                {editing?.kind === 'note' && editing.id === row.id ? (
                  <InlineEdit initial={text} label={`Text of ${row.id}`} onDone={finishEdit} />
                ) : (
                  <>
                    <span className="ach-id">{row.id}</span>{' '}
                    {detail?.kind === 'highlight' && !missing ? (
                      <button type="button" className="link-button ach-passage" tabIndex={-1} dir="auto" title={text} onClick={() => detail.articleId && detail.highlightId && onOpenPassage(detail.articleId, detail.highlightId)}>
                        “{text.replace(/\s+/g, ' ').trim()}”
                      </button>
                    ) : claim ? (
                      <>
                        <button type="button" className="link-button ach-passage ach-claim" tabIndex={-1} dir="auto" title={`Open the claim in the Sources view: ${text}`} onClick={() => onOpenClaim(claim.claimId)}>
                          <span className="ach-kind">Claim:</span> {text}
                        </button>
                        <span className="ach-claim-count">
                          {claimCountText(claim)}
                          {claimGrades(claim)}
                        </span>
                      </>
                    ) : (
                      <span dir="auto">{text}</span>
                    )}
                    <span className="ach-row-flags">
                      {score.sensitive && <span className="ach-flag is-sensitive">◆ sensitive</span>}
                      {!score.diagnostic && <span className="ach-flag">not diagnostic</span>}
                    </span>
                  </>
                )}
              </th>
              <td className="ach-weights">
                <WeightSelect id={`ach-cred-${row.id}`} label={`Credibility of ${row.id}`} value={row.credibility} onChange={(v) => onEdit(`credibility of ${row.id}`, { op: 'weights', rowId: row.id, credibility: v })} />
                <WeightSelect id={`ach-rel-${row.id}`} label={`Relevance of ${row.id}`} value={row.relevance} onChange={(v) => onEdit(`relevance of ${row.id}`, { op: 'weights', rowId: row.id, relevance: v })} />
                <span className="ach-weight" title="Weight = credibility × relevance">
                  ×{formatScore(score.weight)}
                </span>
              </td>
              {hyps.map((h, i) => {
                const rating: Rating | null = ratingOf(row, h.id)
                return (
                  <td key={h.id} className={`ach-cell ${ratingClass(rating)}`} {...cellProps({ row: r, col: i + 1 }, rating ? `${rating}, ${RATING_LABELS[rating]}: ${row.id} against ${h.id}` : `Not rated: ${row.id} against ${h.id}`)}>
                    {rating ?? '–'}
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function WeightSelect({ id, label, value, onChange }: { id: string; label: string; value: number; onChange(v: number): void }) {
  const known = LEVELS.some(([, v]) => Math.abs(v - value) < 1e-6)
  return (
    <select id={id} className="ach-weight-select" aria-label={label} value={known ? String(LEVELS.find(([, v]) => Math.abs(v - value) < 1e-6)![1]) : String(value)} onChange={(e) => onChange(Number(e.target.value))}>
      {!known && <option value={String(value)}>{formatScore(value)}</option>}
      {LEVELS.map(([name, v]) => (
        <option key={name} value={String(v)}>
          {name}
        </option>
      ))}
    </select>
  )
}

function InlineEdit({ initial, label, onDone }: { initial: string; label: string; onDone(text: string | null): void }) {
  const [text, setText] = useState(initial)
  // Enter, then the blur that follows it, must finish once.
  const finished = useRef(false)
  const finish = (value: string | null) => {
    if (finished.current) return
    finished.current = true
    onDone(value)
  }
  return (
    <input
      className="ach-inline-edit"
      aria-label={label}
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter') finish(text.trim() === initial.trim() ? null : text)
        else if (e.key === 'Escape') finish(null)
      }}
      onBlur={() => finish(text.trim() === initial.trim() ? null : text)}
    />
  )
}
