/**
 * The claims each key judgment cites (notes/sourcing.md "Briefings"): under the key
 * judgments, one group per judgment (a paragraph of the text) with the claims it cites
 * (statement and independent-source count, Remove), the sourcing warnings about it, and a
 * searchable list of the notebook's claims to cite. Claims, counts and warnings come from
 * the preview's layout (`layout.sourcing`), which main builds with the notebook's claims.
 */
import { useId, useState } from 'react'
import { citeClaim, unciteClaim, type BriefingDocument } from '../../../../core/briefing-document'
import { keyJudgmentItems } from '../../../../core/briefing-format'
import type { BriefingClaimChoice, SourcingWarning } from '../../../../core/briefing-sourcing-types'
import type { BriefingLayout } from '../../../../core/briefing-types'
import type { ClaimId } from '../../../../core/sourcing/schema'
import type { Briefings } from '../../hooks/useBriefings'
import { plural } from '../../plural'

export interface BriefingClaimsProps {
  doc: BriefingDocument
  layout: BriefingLayout | null
  editor: Pick<Briefings, 'edit'>
}

const MAX_SHOWN = 8

export function BriefingClaims({ doc, layout, editor }: BriefingClaimsProps) {
  const judgments = keyJudgmentItems(doc.keyJudgments)
  if (judgments.length === 0) return null
  const choices = layout?.sourcing?.claims ?? []
  const byId = new Map(choices.map((c) => [c.id, c]))
  const warnings = layout?.sourcing?.warnings ?? []
  return (
    <fieldset className="briefing-claims">
      <legend>Claims behind the key judgments</legend>
      {choices.length === 0 && <p className="briefing-hint">The notebook has no claims yet: gather passages into claims to cite them here.</p>}
      <ol className="briefing-judgments">
        {judgments.map((text, i) => {
          const number = i + 1
          const cited = doc.judgmentClaims?.[i] ?? []
          return (
            <li key={number} className="briefing-judgment" aria-label={`Key judgment ${number}`}>
              <p className="briefing-judgment-text">
                <span className="briefing-judgment-number">{number}.</span> {excerpt(text)}
              </p>
              {cited.length > 0 && (
                <ul className="briefing-cited-claims" aria-label={`Claims cited by key judgment ${number}`}>
                  {cited.map((id) => {
                    const claim = byId.get(id)
                    const label = claim ? claim.statement : `${id} (no longer in the notebook)`
                    return (
                      <li key={id}>
                        <span className="briefing-claim-statement">{label}</span>
                        {claim && <span className="briefing-claim-count">{countText(claim)}</span>}
                        <button type="button" className="button button-small" aria-label={`Remove “${label}” from key judgment ${number}`} onClick={() => editor.edit('stop citing a claim', (d) => unciteClaim(d, number, id))}>
                          Remove
                        </button>
                      </li>
                    )
                  })}
                </ul>
              )}
              <SourcingWarnings warnings={warnings.filter((w) => w.target.kind === 'judgment' && w.target.judgment === number)} />
              {choices.length > 0 &&
                (choices.every((c) => cited.includes(c.id)) ? (
                  <p className="briefing-hint">It cites every claim of the notebook.</p>
                ) : (
                  <ClaimPicker judgment={number} choices={choices.filter((c) => !cited.includes(c.id))} onPick={(id) => editor.edit('cite a claim', (d) => citeClaim(d, number, id))} />
                ))}
            </li>
          )
        })}
      </ol>
    </fieldset>
  )
}

/** A searchable list of claims: type to filter by statement, choose one to cite it. */
function ClaimPicker({ judgment, choices, onPick }: { judgment: number; choices: readonly BriefingClaimChoice[]; onPick(id: ClaimId): void }) {
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const listId = useId()
  const needle = query.trim().toLocaleLowerCase()
  const matches = choices.filter((c) => needle === '' || c.statement.toLocaleLowerCase().includes(needle))
  const label = `Cite a claim in key judgment ${judgment}`
  return (
    <div className="briefing-claim-picker">
      {open ? (
        <>
          <input type="search" aria-label={label} aria-controls={listId} placeholder="Find a claim…" value={query} autoFocus onChange={(e) => setQuery(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setOpen(false))} />
          <ul id={listId} className="briefing-claim-choices" aria-label={`Claims to cite in key judgment ${judgment}`}>
            {matches.length === 0 && <li className="briefing-hint">No claim matches “{query.trim()}”.</li>}
            {matches.slice(0, MAX_SHOWN).map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="briefing-claim-choice"
                  onClick={() => {
                    onPick(c.id)
                    setQuery('')
                    setOpen(false)
                  }}
                >
                  <span className="briefing-claim-statement">{c.statement}</span>
                  <span className="briefing-claim-count">{countText(c)}</span>
                </button>
              </li>
            ))}
            {matches.length > MAX_SHOWN && <li className="briefing-hint">{plural(matches.length - MAX_SHOWN, 'more claim')}: type to narrow the list.</li>}
          </ul>
          <button type="button" className="button button-small" onClick={() => setOpen(false)}>
            Done
          </button>
        </>
      ) : (
        <button type="button" className="button button-small" onClick={() => setOpen(true)}>
          {label}…
        </button>
      )}
    </div>
  )
}

/** The sourcing warnings about one key judgment or section: advice, shown with a sign and words (never colour alone). */
export function SourcingWarnings({ warnings }: { warnings: readonly SourcingWarning[] }) {
  if (warnings.length === 0) return null
  return (
    <div className="briefing-sourcing-warnings" role="note" aria-label="Sourcing warnings">
      <ul>
        {warnings.map((w) => (
          <li key={w.kind} data-kind={w.kind}>
            <span aria-hidden="true">⚠ </span>
            {w.message}
          </li>
        ))}
      </ul>
    </div>
  )
}

function countText(c: Pick<BriefingClaimChoice, 'passages' | 'independentSources'>): string {
  return `${plural(c.passages, 'passage')}, ${plural(c.independentSources, 'independent source')}`
}

function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}
