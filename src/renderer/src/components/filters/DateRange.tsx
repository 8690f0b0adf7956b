/**
 * The publication date range shared by the library, passages and search filters: "From"
 * and "To" date inputs ('' for an open end), each limited by the other so the range
 * cannot be turned inside out from the picker.
 */
export interface DateRangeValue {
  from: string
  to: string
}

export interface DateRangeProps extends DateRangeValue {
  onChange(range: DateRangeValue): void
}

export function DateRange({ from, to, onChange }: DateRangeProps) {
  return (
    <>
      <label>
        From{' '}
        <input type="date" value={from} max={to || undefined} onChange={(e) => onChange({ from: e.target.value, to })} />
      </label>
      <label>
        To{' '}
        <input type="date" value={to} min={from || undefined} onChange={(e) => onChange({ from, to: e.target.value })} />
      </label>
    </>
  )
}
