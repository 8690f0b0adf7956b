/**
 * The "Outlet" select shared by the library, passages and search filters: "All outlets"
 * (null) or one of the notebook's outlets. The label wraps the select, so its accessible
 * name is "Outlet" wherever it stands.
 */
export interface OutletSelectProps {
  /** The chosen outlet; null (or '') for all outlets. */
  value: string | null
  outlets: readonly string[]
  onChange(outlet: string | null): void
}

export function OutletSelect({ value, outlets, onChange }: OutletSelectProps) {
  return (
    <label>
      Outlet{' '}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">All outlets</option>
        {outlets.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  )
}
