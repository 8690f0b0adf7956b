/**
 * The Analysis view (region "Analysis"; Mod+9): ACH matrices (the list, a form to create
 * one, the matrix being worked on) and tag co-occurrence, as two tabs. The matrix open is
 * remembered while the app runs (App passes it down), so adding rows from the passages
 * table and coming back shows the same matrix.
 */
import { useCallback, useMemo, useState, type FormEvent } from 'react'
import type { AchId } from '../../../../core/ach'
import type { AchView } from '../../../../core/api-ach'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { ClaimId } from '../../../../core/sourcing'
import { api } from '../../api'
import { useAchActions } from '../../analysis/useAchActions'
import { useApiValue } from '../../hooks/useApiValue'
import type { StatusControls } from '../../hooks/useStatus'
import { plural } from '../../plural'
import { AchEditor } from './AchEditor'
import { CooccurrencePanel } from './CooccurrencePanel'

interface Props {
  reloadKey: number
  status: StatusControls
  openId: AchId | null
  onOpenId(id: AchId | null): void
  onChanged(): void
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
  /** Shows a claim row's claim in the Sources view. */
  onOpenClaim(claimId: ClaimId): void
}

type Tab = 'ach' | 'cooccurrence'

export function AnalysisView({ reloadKey, status, openId, onOpenId, onChanged, onOpenPassage, onOpenClaim }: Props) {
  const [tab, setTab] = useState<Tab>('ach')
  const [question, setQuestion] = useState('')
  const list = useApiValue(api.listAchMatrices, reloadKey, status.announceError)
  const fetchMatrix = useMemo(() => (openId === null ? null : () => api.getAchMatrix({ achId: openId })), [openId])
  const fetched = useApiValue(fetchMatrix, reloadKey, status.announceError).value
  /** The view a change just returned, shown until the fetch after it catches up. */
  const [latest, setLatest] = useState<AchView | null>(null)
  const candidates = [fetched, latest].filter((v): v is AchView => v !== undefined && v !== null && v.matrix.id === openId)
  const view = candidates.sort((a, b) => (a.matrix.updatedAt < b.matrix.updatedAt ? 1 : -1))[0] ?? null

  const onView = useCallback(
    (next: AchView | null, achId: AchId) => {
      if (next === null) {
        if (achId === openId) onOpenId(null)
        return
      }
      onOpenId(next.matrix.id)
      setLatest(next)
    },
    [onOpenId, openId],
  )
  const actions = useAchActions(status, onView, onChanged)

  const create = async (e: FormEvent) => {
    e.preventDefault()
    if (question.trim() === '') return
    if (await actions.apply('new ACH matrix', () => api.createAchMatrix({ question }))) setQuestion('')
  }

  const matrices = list.value ?? []
  return (
    <section className="analysis" aria-label="Analysis">
      <header className="analysis-header">
        <h1 className="analysis-title">Analysis</h1>
        <div role="tablist" aria-label="Analysis tools" className="analysis-tabs">
          {(['ach', 'cooccurrence'] as const).map((t) => (
            <button key={t} type="button" role="tab" id={`analysis-tab-${t}`} aria-selected={tab === t} aria-controls={`analysis-panel-${t}`} tabIndex={tab === t ? 0 : -1} className="view-tab" onClick={() => setTab(t)} onKeyDown={(e) => (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && (setTab(t === 'ach' ? 'cooccurrence' : 'ach'), document.getElementById(`analysis-tab-${t === 'ach' ? 'cooccurrence' : 'ach'}`)?.focus())}>
              {t === 'ach' ? 'Competing hypotheses' : 'Tag co-occurrence'}
            </button>
          ))}
        </div>
      </header>
      {tab === 'ach' ? (
        <div className="analysis-body" role="tabpanel" id="analysis-panel-ach" aria-labelledby="analysis-tab-ach">
          <nav className="ach-list" aria-label="ACH matrices">
            <form className="ach-form ach-create" onSubmit={(e) => void create(e)}>
              <input className="library-filter-text" aria-label="Question for a new matrix" placeholder="The question to weigh…" value={question} onChange={(e) => setQuestion(e.target.value)} />
              <button type="submit" className="button button-primary">
                New matrix
              </button>
            </form>
            {list.loaded && matrices.length === 0 && <p className="ach-empty">No matrices yet. Write the question the evidence should answer, then add hypotheses and passages.</p>}
            <ul className="ach-matrix-list">
              {matrices.map((m) => (
                <li key={m.id}>
                  <button type="button" className="ach-matrix-item" aria-current={m.id === openId ? 'true' : undefined} onClick={() => onOpenId(m.id)}>
                    <span className="ach-matrix-question" dir="auto">
                      {m.question}
                    </span>
                    <span className="ach-matrix-meta">
                      {plural(m.hypothesisCount, 'hypothesis', 'hypotheses')} · {plural(m.evidenceCount, 'row')}
                      {m.leaders.length > 0 && m.evidenceCount > 0 ? ` · leading ${m.leaders.join(', ')}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ach-main">
            {view ? (
              <AchEditor view={view} actions={actions} onOpenPassage={onOpenPassage} onOpenClaim={onOpenClaim} />
            ) : (
              <p className="ach-empty">{matrices.length > 0 ? 'Choose a matrix, or start a new one.' : 'Analysis of Competing Hypotheses: hypotheses as columns, evidence as rows, the hypothesis with the least weighted inconsistency kept.'}</p>
            )}
          </div>
        </div>
      ) : (
        <div className="analysis-body" role="tabpanel" id="analysis-panel-cooccurrence" aria-labelledby="analysis-tab-cooccurrence">
          <CooccurrencePanel reloadKey={reloadKey} status={status} onOpenPassage={onOpenPassage} />
        </div>
      )}
    </section>
  )
}
