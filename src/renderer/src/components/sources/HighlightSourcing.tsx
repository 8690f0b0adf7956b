/**
 * A passage's sourcing in the reader's highlights panel: its grade code (the article's
 * reliability and the passage's credibility, "B2"), a credibility picker 1–6, the source
 * the finder reads in its sentences offered as primary, secondary or unattributed for the
 * analyst to confirm or edit (saved only then), and "Add to claim…". Every change is
 * undoable (useSourcingChange).
 */
import { useId, useMemo, useState } from 'react'
import type { HighlightId } from '../../../../core/ids'
import type { Highlight } from '../../../../core/model'
import { ATTRIBUTION_KINDS, gradeCode, type Attribution, type AttributionKind, type Credibility, type Reliability } from '../../../../core/sourcing'
import { api } from '../../api'
import { useApiValue } from '../../hooks/useApiValue'
import { CREDIBILITY_OPTIONS, KIND_LABELS } from '../../sourcing/labels'
import { useSourcingHost } from '../../sourcing/SourcingHost'
import { restoreHighlight, useSourcingChange } from '../../sourcing/useSourcingChange'
import { AddToClaimDialog } from './AddToClaimDialog'

interface Props {
  highlight: Highlight
  /** The reliability that applies to the passage's article, if graded. */
  reliability: Reliability | null
}

function describe(a: Attribution): string {
  const source = a.source ? `: ${a.source}` : ''
  return `${a.kind === 'primary' ? 'Primary' : a.kind === 'secondary' ? 'Relays' : 'Unattributed'}${source}`
}

export function HighlightSourcing({ highlight, reliability }: Props) {
  const id = useId()
  const { status, reloadKey } = useSourcingHost()
  const actions = useSourcingChange()
  const fetchSuggestion = useMemo(() => () => api.suggestAttribution({ highlightId: highlight.id as HighlightId }), [highlight.id])
  const suggestion = useApiValue(fetchSuggestion, reloadKey, status.announceError).value?.suggestion
  const saved = highlight.attribution ?? null
  const [editing, setEditing] = useState<{ kind: AttributionKind; source: string } | null>(null)
  const [claimOpen, setClaimOpen] = useState(false)
  const code = gradeCode(reliability, highlight.credibility)

  const setCredibility = (value: string) => {
    const credibility = value === '' ? null : (Number(value) as Credibility)
    void actions.applyAndReport('credibility', () => api.gradeHighlight({ highlightId: highlight.id, credibility }), restoreHighlight, () =>
      credibility === null ? 'Credibility cleared' : `Credibility ${credibility} given`,
    )
  }
  const save = (attribution: Attribution | null) =>
    actions.applyAndReport('attribution', () => api.setAttribution({ highlightId: highlight.id, attribution }), restoreHighlight, () =>
      attribution === null ? 'Attribution cleared' : `Attribution saved: ${describe(attribution)}`,
    )
  const saveEdit = async () => {
    if (!editing) return
    const done = await save({ kind: editing.kind, source: editing.source.trim() || null, ...(suggestion?.phrase ? { phrase: suggestion.phrase } : {}), confirmed: true })
    if (done) setEditing(null)
  }
  const offered = saved ?? suggestion ?? null

  return (
    <div className="highlight-sourcing" aria-label="Grade and source">
      <div className="sourcing-row">
        <label htmlFor={`${id}-cred`}>Credibility</label>
        <select id={`${id}-cred`} value={highlight.credibility ?? ''} disabled={actions.busy} onChange={(e) => setCredibility(e.target.value)}>
          <option value="">Not graded</option>
          {CREDIBILITY_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {code && (
          <span className="grade-code" title="Source reliability and information credibility">
            {code}
          </span>
        )}
      </div>
      {editing ? (
        <fieldset className="sourcing-edit">
          <legend>Where the information came from</legend>
          <select aria-label="Kind of source" value={editing.kind} onChange={(e) => setEditing({ ...editing, kind: e.target.value as AttributionKind })}>
            {ATTRIBUTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <input type="text" aria-label="Underlying source" placeholder="e.g. Reuters, TRT, satellite imagery" value={editing.source} onChange={(e) => setEditing({ ...editing, source: e.target.value })} />
          <div className="sourcing-actions">
            <button type="button" className="button button-small button-primary" disabled={actions.busy} onClick={() => void saveEdit()}>
              Save source
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </fieldset>
      ) : (
        <div className="sourcing-attribution">
          <p className="sourcing-line">
            <span className="sourcing-label">{saved ? (saved.confirmed ? 'Source' : 'Source (not confirmed)') : 'Suggested source'}</span>{' '}
            {offered ? describe(offered) : 'Looking…'}
            {!saved && suggestion?.phrase && <span className="sourcing-phrase"> (“{suggestion.phrase}”)</span>}
          </p>
          <div className="sourcing-actions">
            {!saved && suggestion && (
              <button type="button" className="button button-small" disabled={actions.busy} onClick={() => void save({ ...suggestion, confirmed: true })}>
                Confirm source
              </button>
            )}
            <button type="button" className="button button-small" disabled={actions.busy || !offered} onClick={() => setEditing({ kind: offered?.kind ?? 'unattributed', source: offered?.source ?? '' })}>
              Edit source
            </button>
            {saved && (
              <button type="button" className="button button-small" disabled={actions.busy} onClick={() => void save(null)}>
                Clear source
              </button>
            )}
          </div>
        </div>
      )}
      <button type="button" className="button button-small" onClick={() => setClaimOpen(true)}>
        Add to claim…
      </button>
      {claimOpen && <AddToClaimDialog highlightIds={[highlight.id]} onClose={() => setClaimOpen(false)} />}
    </div>
  )
}
