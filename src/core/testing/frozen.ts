/** Deep-freezes a value so any in-place change by the code under test throws (tests of immutable edits). */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) frozen(v)
    Object.freeze(value)
  }
  return value
}
