/**
 * In the article details dialog: the outlet and date the article's text states, offered
 * for the analyst to accept ("Use as outlet" fills the Outlet field, "Use this date" the
 * Date). An outlet the notebook knows (by name or alias) is named with its grade; one it
 * does not know can be added to the outlets from here, never silently.
 */
import { useContext, useMemo, useState } from 'react'
import type { ArticleId } from '../../../../core/ids'
import type { EditableMetaField } from '../../../../core/model'
import { api } from '../../api'
import { formatDateTime } from '../../dates'
import { useApiValue } from '../../hooks/useApiValue'
import { SourcingHostContext } from '../../sourcing/SourcingHost'
import { useSourcingChange } from '../../sourcing/useSourcingChange'
import { OutletDialog } from './OutletDialog'

interface Props {
  articleId: ArticleId
  /** The field values as they stand in the dialog. */
  outlet: string
  published: string
  onUse(field: EditableMetaField, text: string): void
}

const IGNORE = () => undefined

export function DetailsOffers(props: Props) {
  // Offers need the app's sourcing host (absent in a bare component test of the dialog).
  return useContext(SourcingHostContext) ? <Offers {...props} /> : null
}

function Offers({ articleId, outlet, published, onUse }: Props) {
  const [adding, setAdding] = useState<string | null>(null)
  const [added, setAdded] = useState(0)
  const actions = useSourcingChange()
  const fetch = useMemo(() => () => api.suggestArticleDetails({ articleId }), [articleId])
  const found = useApiValue(fetch, added, IGNORE).value
  if (!found || (found.outlet === null && found.published === null)) return null
  const o = found.outlet
  const d = found.published
  return (
    <section className="details-offers" aria-label="Found in the text">
      <h3 className="details-offers-title">Found in the text</h3>
      <ul>
        {o && (
          <li>
            <span>
              Outlet <strong dir="auto">{o.name}</strong> <span className="muted">({o.source})</span>
              {o.known ? <span className="muted"> · known outlet {o.known.name}</span> : <span className="muted"> · not among your outlets</span>}
            </span>
            <span className="row-actions">
              <button type="button" className="button button-small" disabled={outlet.trim() === o.name} onClick={() => onUse('outlet', o.name)}>
                Use as outlet
              </button>
              {!o.known && (
                <button type="button" className="button button-small" onClick={() => setAdding(o.name)}>
                  Add to outlets…
                </button>
              )}
            </span>
          </li>
        )}
        {d && (
          <li>
            <span>
              Date <strong>{formatDateTime(d.iso)}</strong> <span className="muted">({d.source})</span>
            </span>
            <span className="row-actions">
              <button type="button" className="button button-small" disabled={published === formatDateTime(d.iso)} onClick={() => onUse('published', formatDateTime(d.iso))}>
                Use this date
              </button>
            </span>
          </li>
        )}
      </ul>
      {adding !== null && <OutletDialog initialName={adding} actions={actions} onClose={() => setAdding(null)} onSaved={() => setAdded((n) => n + 1)} />}
    </section>
  )
}
