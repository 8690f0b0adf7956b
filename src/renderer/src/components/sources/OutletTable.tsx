/**
 * The outlets table of the Sources view: name, aliases, country, reliability (graded in
 * place with a picker; its rationale under it) and how many articles come from it, with
 * Edit and Delete per row. Grading in place keeps the rationale given before.
 */
import type { OutletSummary } from '../../../../core/api-sourcing'
import type { Outlet, Reliability } from '../../../../core/sourcing'
import { api } from '../../api'
import { plural } from '../../plural'
import { RELIABILITY_OPTIONS } from '../../sourcing/labels'
import { restoreOutlets, type SourcingActions } from '../../sourcing/useSourcingChange'

interface Props {
  outlets: readonly OutletSummary[]
  actions: SourcingActions
  onEdit(outlet: OutletSummary): void
  onDelete(outlet: OutletSummary): void
}

export function OutletTable({ outlets, actions, onEdit, onDelete }: Props) {
  const grade = (outlet: OutletSummary, value: string) => {
    const reliability = value === '' ? null : { grade: value as Reliability, why: outlet.reliability?.why ?? '' }
    void actions.applyAndReport(`grade ${outlet.name}`, () => api.editOutlet({ outletId: outlet.id, edit: { reliability } }), restoreOutlets, (o: Outlet) =>
      o.reliability ? `${o.name} graded ${o.reliability.grade}` : `${o.name}’s grade cleared`,
    )
  }
  return (
    <table className="library-table outlet-table">
      <caption className="visually-hidden">Outlets, with their aliases, country, reliability grade and articles</caption>
      <thead>
        <tr>
          <th scope="col">Outlet</th>
          <th scope="col">Aliases</th>
          <th scope="col">Country</th>
          <th scope="col">Reliability</th>
          <th scope="col" className="num">
            Articles
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {outlets.map((o) => (
          <tr key={o.id} data-outlet-id={o.id}>
            <th scope="row" dir="auto">
              {o.name}
              {o.notes && <span className="outlet-notes">{o.notes}</span>}
            </th>
            <td dir="auto">{o.aliases.length > 0 ? o.aliases.join(', ') : <span className="muted">none</span>}</td>
            <td dir="auto">{o.country ?? <span className="muted">not given</span>}</td>
            <td>
              <select aria-label={`Reliability of ${o.name}`} value={o.reliability?.grade ?? ''} disabled={actions.busy} onChange={(e) => grade(o, e.target.value)}>
                <option value="">Not graded</option>
                {RELIABILITY_OPTIONS.map((g) => (
                  <option key={g.value} value={g.value}>
                    {g.label}
                  </option>
                ))}
              </select>
              {o.reliability?.why && <span className="outlet-why">{o.reliability.why}</span>}
            </td>
            <td className="num" title={o.linked > 0 ? `${plural(o.linked, 'article')} linked by hand` : undefined}>
              {o.articles}
            </td>
            <td className="row-actions">
              <button type="button" className="button button-small" onClick={() => onEdit(o)}>
                Edit<span className="visually-hidden"> {o.name}</span>
              </button>
              <button type="button" className="button button-small" onClick={() => onDelete(o)}>
                Delete<span className="visually-hidden"> {o.name}</span>
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
