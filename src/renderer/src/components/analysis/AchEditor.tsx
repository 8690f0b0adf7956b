/**
 * One ACH matrix being worked on: its question, a form to add hypotheses, one to add a
 * typed note as evidence and "Add claim…" (a claim of the notebook, picked by its
 * statement and count; passages are added from the passages table), the grid, and the
 * scores. Every change goes through `useAchActions` (undoable).
 */
import { useState, type FormEvent } from 'react'
import { claimCountText } from '../../../../core/ach'
import type { AchEdit, AchView } from '../../../../core/api-ach'
import type { ClaimView } from '../../../../core/api-sourcing'
import type { ArticleId, HighlightId } from '../../../../core/ids'
import type { ClaimId } from '../../../../core/sourcing'
import { api } from '../../api'
import type { AchActions } from '../../analysis/useAchActions'
import { plural } from '../../plural'
import { ChooseDialog } from '../passages/ChooseDialog'
import { AchGrid } from './AchGrid'
import { AchScores } from './AchScores'

interface Props {
  view: AchView
  actions: AchActions
  onOpenPassage(articleId: ArticleId, highlightId: HighlightId): void
  onOpenClaim(claimId: ClaimId): void
}

/** "Russian ships left Tartus — 2 independent sources": how the claim picker lists a claim. */
export function claimOption(c: ClaimView): { value: string; label: string } {
  const statement = c.claim.statement.length > 90 ? `${c.claim.statement.slice(0, 89)}…` : c.claim.statement
  return { value: c.claim.id, label: `${statement} — ${claimCountText({ independentSources: c.supporting.independentSources, contradictingSources: c.contradicting.independentSources })}` }
}

export function AchEditor({ view, actions, onOpenPassage, onOpenClaim }: Props) {
  const { matrix } = view
  const achId = matrix.id
  const [hypothesis, setHypothesis] = useState('')
  const [note, setNote] = useState('')
  const [question, setQuestion] = useState<string | null>(null)
  const [byDiagnosticity, setByDiagnosticity] = useState(false)
  /** The claims offered by "Add claim…" while its dialog is open (those already rows left out). */
  const [claims, setClaims] = useState<ClaimView[] | null>(null)

  const edit = (label: string, e: AchEdit) => actions.apply(label, () => api.editAchMatrix({ achId, edit: e }))

  const addHypothesis = async (e: FormEvent) => {
    e.preventDefault()
    if (hypothesis.trim() === '') return
    if (await edit('add hypothesis', { op: 'add-hypothesis', text: hypothesis })) setHypothesis('')
  }
  const addNote = async (e: FormEvent) => {
    e.preventDefault()
    if (note.trim() === '') return
    if (await actions.apply('add note', () => api.addAchEvidence({ achId, note }))) setNote('')
  }
  const askClaim = async () => {
    const result = await api.listClaims()
    if (!result.ok) return actions.announceError(result.error)
    const used = new Set(matrix.evidence.flatMap((r) => (r.source.kind === 'claim' ? [r.source.claimId] : [])))
    setClaims(result.value.filter((c) => !used.has(c.claim.id)))
  }
  const addClaim = async (claimId: string) => {
    setClaims(null)
    await actions.apply('add claim', () => api.addAchEvidence({ achId, claimId: claimId as ClaimId }))
  }
  const saveQuestion = async (e: FormEvent) => {
    e.preventDefault()
    if (question !== null && question.trim() !== matrix.question && !(await edit('edit question', { op: 'question', text: question }))) return
    setQuestion(null)
  }

  return (
    <section className="ach-editor" aria-labelledby="ach-question">
      <header className="ach-editor-header">
        {question === null ? (
          <>
            <h2 id="ach-question" className="ach-question" dir="auto">
              {matrix.question}
            </h2>
            <button type="button" className="button" onClick={() => setQuestion(matrix.question)}>
              Edit question
            </button>
            <button type="button" className="button button-danger" onClick={() => void actions.remove(achId, `matrix “${matrix.question}”`)}>
              Delete matrix
            </button>
          </>
        ) : (
          <form className="ach-form" onSubmit={(e) => void saveQuestion(e)}>
            <h2 id="ach-question" className="visually-hidden">
              Edit the question
            </h2>
            <input className="library-filter-text ach-question-input" aria-label="Question" autoFocus value={question} onChange={(e) => setQuestion(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setQuestion(null)} />
            <button type="submit" className="button button-primary">
              Save
            </button>
          </form>
        )}
      </header>
      <div className="ach-toolbar">
        <form className="ach-form" onSubmit={(e) => void addHypothesis(e)}>
          <input className="library-filter-text" aria-label="New hypothesis" placeholder="A hypothesis…" value={hypothesis} onChange={(e) => setHypothesis(e.target.value)} />
          <button type="submit" className="button">
            Add hypothesis
          </button>
        </form>
        <form className="ach-form" onSubmit={(e) => void addNote(e)}>
          <input className="library-filter-text" aria-label="New evidence note" placeholder="Evidence as a note (an assumption, an absence)…" value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit" className="button">
            Add note
          </button>
        </form>
        <button type="button" className="button" onClick={() => void askClaim()}>
          Add claim…
        </button>
        <button type="button" className="button" aria-pressed={byDiagnosticity} onClick={() => setByDiagnosticity((v) => !v)}>
          Sort by diagnosticity
        </button>
      </div>
      {matrix.hypotheses.length === 0 || matrix.evidence.length === 0 ? (
        <p className="ach-empty">
          {plural(matrix.hypotheses.length, 'hypothesis', 'hypotheses')}, {plural(matrix.evidence.length, 'evidence row')}. Add at least two hypotheses, then evidence: select passages in the Passages
          view’s table and choose “Add to ACH matrix”, add a claim, or add a note here.
        </p>
      ) : null}
      {(matrix.hypotheses.length > 0 || matrix.evidence.length > 0) && (
        <div className="ach-grid-scroll">
          <AchGrid view={view} byDiagnosticity={byDiagnosticity} onEdit={(label, e) => void edit(label, e)} onOpenPassage={onOpenPassage} onOpenClaim={onOpenClaim} />
        </div>
      )}
      <p className="ach-key">Keys: arrows move · 1 CC · 2 C · 3 N · 4 I · 5 II · 0 or Delete NA · Enter edits or opens the passage or claim</p>
      <AchScores view={view} />
      {claims !== null && (
        <ChooseDialog
          title="Add claim"
          message="Add a claim as an evidence row. Its credibility starts from its passages’ grades and how many independent sources it rests on."
          choices={[{ label: 'Claim', options: claims.map(claimOption), empty: 'There is no claim to add: make one in the Sources view, or choose “Add to claim…” on passages.' }]}
          confirmLabel="Add claim"
          onConfirm={([claimId]) => void addClaim(claimId!)}
          onCancel={() => setClaims(null)}
        />
      )}
    </section>
  )
}
