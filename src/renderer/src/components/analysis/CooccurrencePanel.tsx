/**
 * Tag co-occurrence (notes/ach.md): tag × tag (passages carrying both; overlapping
 * highlights of one article as an option), tag × article or tag × outlet. Each count is a
 * button listing the passages behind it below the grid, each of which opens the reader.
 * "Export CSV" saves the grid shown through main's save dialog.
 */
import { useMemo, useState } from 'react'
import type { CooccurrenceBy, CooccurrenceGrid } from '../../../../core/cooccurrence'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import { api, isCanceled } from '../../api'
import { useApiValue } from '../../hooks/useApiValue'
import { usePassages } from '../../hooks/usePassages'
import type { StatusControls } from '../../hooks/useStatus'
import { plural } from '../../plural'

interface Props {
  reloadKey: number
  status: StatusControls
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
}

const BY_LABELS: Record<CooccurrenceBy, string> = { tag: 'Tag × tag', article: 'Tag × article', outlet: 'Tag × outlet' }

export function CooccurrencePanel({ reloadKey, status, onOpenPassage }: Props) {
  const [by, setBy] = useState<CooccurrenceBy>('tag')
  const [overlap, setOverlap] = useState(false)
  const [chosen, setChosen] = useState<{ row: number; col: number } | null>(null)
  const fetch = useMemo(() => () => api.cooccurrence({ by, overlap: by === 'tag' && overlap }), [by, overlap])
  const grid = useApiValue<CooccurrenceGrid>(fetch, reloadKey, status.announceError).value
  const { passages } = usePassages(reloadKey, status.announceError)
  const byId = useMemo(() => new Map(passages.map((p) => [p.highlight.id, p])), [passages])

  const exportCsv = async () => {
    const result = await api.exportCooccurrence({ by, overlap: by === 'tag' && overlap })
    if (!result.ok) return status.announceError(result.error)
    if (!isCanceled(result.value)) status.announce('success', `Saved ${result.value.path}`)
  }

  const cell = chosen && grid ? grid.cells[chosen.row]?.[chosen.col] : undefined
  const usable = grid && grid.rows.length > 0 && grid.columns.length > 0
  return (
    <div className="cooc">
      <div className="cooc-controls">
        <label>
          Grid{' '}
          <select
            value={by}
            onChange={(e) => {
              setBy(e.target.value as CooccurrenceBy)
              setChosen(null)
            }}
          >
            {(Object.keys(BY_LABELS) as CooccurrenceBy[]).map((k) => (
              <option key={k} value={k}>
                {BY_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        {by === 'tag' && (
          <label>
            <input type="checkbox" checked={overlap} onChange={(e) => setOverlap(e.target.checked)} /> Count overlapping highlights in the same article
          </label>
        )}
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={!usable}>
          Export CSV…
        </button>
      </div>
      {!grid ? (
        <p className="ach-empty">Counting…</p>
      ) : !usable ? (
        <p className="ach-empty">No tagged passages yet: tag passages in the reader and their co-occurrence shows here.</p>
      ) : (
        <div className="cooc-scroll">
          <table className="cooc-grid" aria-label={BY_LABELS[grid.by]}>
            <thead>
              <tr>
                <td />
                {grid.columns.map((c) => (
                  <th key={c.id} scope="col" title={c.label}>
                    <span className="cooc-col-label">{c.label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((r, ri) => (
                <tr key={r.id}>
                  <th scope="row">{r.label}</th>
                  {grid.cells[ri]!.map((c, ci) => (
                    <td key={grid.columns[ci]!.id} className={c.count === 0 ? 'is-zero' : undefined}>
                      {c.count > 0 && (
                        <button
                          type="button"
                          className="cooc-count"
                          aria-pressed={chosen?.row === ri && chosen.col === ci}
                          aria-label={`${c.count}: ${r.label} × ${grid.columns[ci]!.label}`}
                          onClick={() => setChosen({ row: ri, col: ci })}
                        >
                          {c.count}
                        </button>
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cell && chosen && grid && (
        <section className="cooc-passages" aria-labelledby="cooc-passages-title">
          <h3 id="cooc-passages-title" className="ach-section-title">
            {plural(cell.highlightIds.length, 'passage')}: {grid.rows[chosen.row]!.label} × {grid.columns[chosen.col]!.label}
          </h3>
          <ul>
            {cell.highlightIds.map((id) => {
              const p = byId.get(id)
              return (
                <li key={id}>
                  <button type="button" className="link-button" dir="auto" disabled={!p} onClick={() => p && onOpenPassage(p.highlight.articleId, id)}>
                    “{p ? p.highlight.target.exact.replace(/\s+/g, ' ').trim() : id}”
                  </button>
                  {p && <span className="cooc-source"> — {p.articleTitle}</span>}
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </div>
  )
}
