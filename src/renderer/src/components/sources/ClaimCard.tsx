/**
 * One claim in the Sources view: its statement, its independent-source count and why
 * ("3 passages, 2 independent sources: 001 and 004 are one report"), its supporting
 * passages (quote, article, citation with grade code) and, apart, the passages that
 * contradict it. Passages can be turned to the other stance or removed; the claim can be
 * restated or deleted. All undoable.
 */
import type { ClaimPassageView, ClaimView } from '../../../../core/api-sourcing'
import type { Claim } from '../../../../core/sourcing'
import { api } from '../../api'
import { plural } from '../../plural'
import { restoreClaims, type SourcingActions } from '../../sourcing/useSourcingChange'

interface Props {
  view: ClaimView
  actions: SourcingActions
  onEdit(): void
  onDelete(): void
  /** "Add to ACH matrix…": the claim as an evidence row of a matrix. */
  onAddToMatrix(): void
}

function PassageRow({ claim, passage, actions }: { claim: Claim; passage: ClaimPassageView; actions: SourcingActions }) {
  const other = passage.stance === 'supports' ? 'contradicts' : 'supports'
  const turn = () =>
    void actions.applyAndReport('stance', () => api.setClaimPassageStance({ claimId: claim.id, highlightId: passage.highlightId, stance: other }), restoreClaims, () =>
      other === 'supports' ? 'The passage now supports the claim' : 'The passage now contradicts the claim',
    )
  const remove = () => void actions.applyAndReport('remove passage', () => api.removeClaimPassage({ claimId: claim.id, highlightId: passage.highlightId }), restoreClaims, () => 'Passage removed from the claim')
  return (
    <li className={`claim-passage${passage.present ? '' : ' is-missing'}`} data-highlight-id={passage.highlightId}>
      <p className="claim-quote" dir="auto">
        {passage.exact ? `“${passage.exact.replace(/\s+/g, ' ').trim()}”` : 'This passage’s highlight was deleted; it is not counted.'}
      </p>
      <p className="claim-cite">
        <span className="claim-article">{passage.articleLabel}</span> · {passage.citation}
        {passage.attribution?.kind === 'secondary' && passage.attribution.source && <span> · relays {passage.attribution.source}</span>}
      </p>
      <div className="row-actions">
        <button type="button" className="button button-small" disabled={actions.busy} onClick={turn}>
          {other === 'supports' ? 'Mark as supporting' : 'Mark as contradicting'}
        </button>
        <button type="button" className="button button-small" disabled={actions.busy} onClick={remove}>
          Remove
        </button>
      </div>
    </li>
  )
}

export function ClaimCard({ view, actions, onEdit, onDelete, onAddToMatrix }: Props) {
  const { claim, supporting, contradicting } = view
  const headingId = `claim-${claim.id}`
  const support = view.passages.filter((p) => p.stance === 'supports')
  const against = view.passages.filter((p) => p.stance === 'contradicts')
  const single = supporting.independentSources === 1
  return (
    <article className="claim-card" aria-labelledby={headingId} data-claim-id={claim.id}>
      <header className="claim-head">
        <h3 id={headingId} className="claim-statement" dir="auto" tabIndex={-1}>
          {claim.statement}
        </h3>
        <div className="row-actions">
          <button type="button" className="button button-small" onClick={onEdit}>
            Restate
          </button>
          <button type="button" className="button button-small" onClick={onAddToMatrix}>
            Add to ACH matrix…
          </button>
          <button type="button" className="button button-small" onClick={onDelete}>
            Delete claim
          </button>
        </div>
      </header>
      <p className={`claim-count${single ? ' is-single' : ''}`}>
        <strong>{plural(supporting.independentSources, 'independent source')}</strong>
        {single && <span className="claim-warning"> (single source)</span>}
        <span className="claim-why">{supporting.explanation}</span>
      </p>
      {support.length > 0 ? (
        <ul className="claim-passages" aria-label="Supporting passages">
          {support.map((p) => (
            <PassageRow key={p.highlightId} claim={claim} passage={p} actions={actions} />
          ))}
        </ul>
      ) : (
        <p className="muted">No passage supports it yet.</p>
      )}
      {against.length > 0 && (
        <section className="claim-contradictions" aria-label="Contradicting passages">
          <h4 className="claim-subheading">
            Contradicted by {plural(contradicting.independentSources, 'independent source')} <span className="claim-why">{contradicting.explanation}</span>
          </h4>
          <ul className="claim-passages">
            {against.map((p) => (
              <PassageRow key={p.highlightId} claim={claim} passage={p} actions={actions} />
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
