/**
 * The publication date range shared by the library, passages and search filters: "From"
 * and "To" date fields in the app's date format ('' for an open end). A range typed
 * inside out is put the right way round.
 */
import { DateInput } from './DateInput'

export interface DateRangeValue {
  from: string
  to: string
}

export interface DateRangeProps extends DateRangeValue {
  onChange(range: DateRangeValue): void
}

const ordered = (from: string, to: string): DateRangeValue => (from && to && from > to ? { from: to, to: from } : { from, to })

export function DateRange({ from, to, onChange }: DateRangeProps) {
  return (
    <>
      <label className="date-range-field">
        From <DateInput value={from} onChange={(day) => onChange(ordered(day, to))} />
      </label>
      <label className="date-range-field">
        To <DateInput value={to} onChange={(day) => onChange(ordered(from, day))} />
      </label>
    </>
  )
}
