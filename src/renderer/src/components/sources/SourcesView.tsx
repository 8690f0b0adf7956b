/**
 * The Sources view (region "Sources", issue 14; notes/sourcing.md): the notebook's outlets
 * (name, aliases, country, reliability A–F with its rationale, articles), graded in place
 * or in the outlet dialog; and its claims, each with its passages, its independent-source
 * count and why, and the passages that contradict it. Empty states say how each is made.
 * A claim can be added to an ACH matrix as an evidence row; an ACH claim row's "open"
 * comes here with `focusClaimId`, and the claim is scrolled to and focused.
 * Every change is undoable (Ctrl/Cmd+Z).
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AchSummary } from '../../../../core/api-ach'
import type { ClaimView, OutletSummary } from '../../../../core/api-sourcing'
import type { Claim, ClaimId, Outlet } from '../../../../core/sourcing'
import { useAchActions } from '../../analysis/useAchActions'
import { api } from '../../api'
import { useApiValue } from '../../hooks/useApiValue'
import { plural } from '../../plural'
import { useSourcingHost } from '../../sourcing/SourcingHost'
import { restoreClaims, restoreOutlets, useSourcingChange } from '../../sourcing/useSourcingChange'
import { ConfirmDialog } from '../ConfirmDialog'
import { ChooseDialog } from '../passages/ChooseDialog'
import { EmptyState } from '../EmptyState'
import { ClaimCard } from './ClaimCard'
import { OutletDialog } from './OutletDialog'
import { OutletTable } from './OutletTable'
import { RestateDialog } from './RestateDialog'

type Open =
  | { kind: 'add-outlet' }
  | { kind: 'edit-outlet' | 'delete-outlet'; outlet: OutletSummary }
  | { kind: 'restate' | 'delete-claim'; claim: ClaimView }
  | { kind: 'add-to-matrix'; claim: ClaimView; matrices: AchSummary[] }

interface Props {
  /** A claim to scroll to and focus once the claims are loaded (then `onFocusedClaim`). */
  focusClaimId?: ClaimId | null
  onFocusedClaim?(): void
}

/** The Sources view shows no matrix: a change's view is not kept. */
const noView = () => undefined

export function SourcesView({ focusClaimId = null, onFocusedClaim }: Props = {}) {
  const { status, reloadKey, afterChange } = useSourcingHost()
  const outlets = useApiValue(api.listOutlets, reloadKey, status.announceError)
  const claims = useApiValue(api.listClaims, reloadKey, status.announceError)
  const actions = useSourcingChange()
  const [open, setOpen] = useState<Open | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const close = () => setOpen(null)
  const closeAfterRemoval = useCallback(() => {
    setOpen(null)
    requestAnimationFrame(() => headingRef.current?.focus())
  }, [])
  const outletList = outlets.value ?? []
  const claimList = claims.value ?? []
  const ach = useAchActions(status, noView, () => void afterChange())

  useEffect(() => {
    if (focusClaimId === null || !claims.loaded) return
    const heading = document.getElementById(`claim-${focusClaimId}`)
    if (heading) {
      heading.scrollIntoView({ block: 'start' })
      heading.focus()
    } else status.announce('error', 'That claim is no longer in the notebook.')
    onFocusedClaim?.()
  }, [focusClaimId, claims.loaded, onFocusedClaim, status])

  const askMatrix = async (claim: ClaimView) => {
    const result = await api.listAchMatrices()
    if (!result.ok) return status.announceError(result.error)
    setOpen({ kind: 'add-to-matrix', claim, matrices: result.value })
  }
  const addToMatrix = async (claim: ClaimView, achId: string) => {
    setOpen(null)
    const view = await ach.apply('add claim to matrix', () => api.addAchEvidence({ achId: achId as AchSummary['id'], claimId: claim.claim.id }))
    if (view) status.announce('success', `Added the claim to “${view.matrix.question}” as row ${view.matrix.evidence.at(-1)!.id}`)
  }

  const deleteOutlet = async (o: OutletSummary) => {
    const done = await actions.applyAndReport(`delete ${o.name}`, () => api.deleteOutlet({ outletId: o.id }), restoreOutlets, (x: Outlet) => `Outlet ${x.name} deleted`)
    if (done) closeAfterRemoval()
  }
  const deleteClaim = async (c: ClaimView) => {
    const done = await actions.applyAndReport('delete claim', () => api.deleteClaim({ claimId: c.claim.id }), restoreClaims, (x: Claim) => `Claim “${x.statement}” deleted`)
    if (done) closeAfterRemoval()
  }

  return (
    <section className="sources" aria-label="Sources">
      <header className="sources-header">
        <h1 ref={headingRef} tabIndex={-1} className="sources-title">
          Sources
        </h1>
        <button type="button" className="button" onClick={() => setOpen({ kind: 'add-outlet' })}>
          Add outlet
        </button>
      </header>
      <div className="sources-scroll">
        <section className="sources-section" aria-labelledby="sources-outlets">
          <h2 id="sources-outlets" className="sources-subtitle">
            Outlets {outlets.loaded && <span className="pane-count">{outletList.length}</span>}
          </h2>
          {!outlets.loaded ? (
            <p className="muted">Loading outlets…</p>
          ) : outletList.length === 0 ? (
            <EmptyState
              title="No outlets yet"
              actions={
                <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'add-outlet' })}>
                  Add an outlet
                </button>
              }
            >
              <p>
                An outlet is where articles come from (Reuters, bne IntelliNews), with the names it goes by and a reliability grade A–F. Articles whose outlet metadata or web address matches a
                name or alias are counted under it; the article details dialog offers the outlet an article’s text states.
              </p>
            </EmptyState>
          ) : (
            <OutletTable outlets={outletList} actions={actions} onEdit={(outlet) => setOpen({ kind: 'edit-outlet', outlet })} onDelete={(outlet) => setOpen({ kind: 'delete-outlet', outlet })} />
          )}
        </section>
        <section className="sources-section" aria-labelledby="sources-claims">
          <h2 id="sources-claims" className="sources-subtitle">
            Claims {claims.loaded && <span className="pane-count">{claimList.length}</span>}
          </h2>
          {!claims.loaded ? (
            <p className="muted">Loading claims…</p>
          ) : claimList.length === 0 ? (
            <EmptyState title="No claims yet" commands={[{ command: 'show-passages', label: 'Go to the passages' }]}>
              <p>
                A claim is a short statement with the passages that support or contradict it. Choose “Add to claim…” on a highlight in the reader, or select passages in the Passages view;
                each claim then shows how many independent sources it rests on, and why.
              </p>
            </EmptyState>
          ) : (
            <div className="claim-list">
              {claimList.map((c) => (
                <ClaimCard
                  key={c.claim.id}
                  view={c}
                  actions={actions}
                  onEdit={() => setOpen({ kind: 'restate', claim: c })}
                  onDelete={() => setOpen({ kind: 'delete-claim', claim: c })}
                  onAddToMatrix={() => void askMatrix(c)}
                />
              ))}
            </div>
          )}
        </section>
      </div>
      {open?.kind === 'add-outlet' && <OutletDialog actions={actions} onClose={close} />}
      {open?.kind === 'edit-outlet' && <OutletDialog outlet={open.outlet} actions={actions} onClose={close} />}
      {open?.kind === 'restate' && <RestateDialog claim={open.claim.claim} actions={actions} onClose={close} />}
      {open?.kind === 'add-to-matrix' && (
        <ChooseDialog
          title="Add to ACH matrix"
          message={`Add “${open.claim.claim.statement}” as an evidence row. Its credibility starts from its passages’ grades and independent sources.`}
          choices={[{ label: 'Matrix', options: open.matrices.map((m) => ({ value: m.id, label: m.question })), empty: 'There is no ACH matrix yet: start one in the Analysis view (Ctrl+9).' }]}
          confirmLabel="Add"
          onConfirm={([achId]) => void addToMatrix(open.claim, achId!)}
          onCancel={close}
        />
      )}
      {open?.kind === 'delete-outlet' && (
        <ConfirmDialog
          title="Delete outlet"
          message={`Delete ${open.outlet.name}? ${open.outlet.linked > 0 ? `${plural(open.outlet.linked, 'article')} linked to it will be unlinked. ` : ''}Articles and passages are not changed. Undo puts it back.`}
          confirmLabel="Delete"
          danger
          busy={actions.busy}
          onConfirm={() => void deleteOutlet(open.outlet)}
          onCancel={close}
        />
      )}
      {open?.kind === 'delete-claim' && (
        <ConfirmDialog
          title="Delete claim"
          message={`Delete the claim “${open.claim.claim.statement}”? Its passages stay highlighted. Undo puts it back.`}
          confirmLabel="Delete"
          danger
          busy={actions.busy}
          onConfirm={() => void deleteClaim(open.claim)}
          onCancel={close}
        />
      )}
    </section>
  )
}
