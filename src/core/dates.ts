/**
 * Recognises the publication-date lines that saved articles carry, and formats stored
 * dates for citations. Only dates a file states are read; nothing is guessed from
 * relative phrases ("yesterday"). Results keep the stated precision: a date alone stays
 * `YYYY-MM-DD`; a time with a stated UTC offset keeps the offset.
 */

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
] as const

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '')
  return MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n)))
}

const pad = (n: number) => String(n).padStart(2, '0')

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 0 || m > 11 || d < 1 || d > 31 || y < 1900 || y > 2200) return null
  const probe = new Date(Date.UTC(y, m, d))
  if (probe.getUTCMonth() !== m) return null
  return `${y}-${pad(m + 1)}-${pad(d)}`
}

export interface StatedDate {
  /** `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM`, or with `:SS±HH:MM` when an offset is stated. */
  iso: string
  /** The words before the date on its line, e.g. `By bnm Gulf bureau`. */
  lead: string
}

/**
 * Reads a line that is (mostly) a date. Recognised shapes:
 * `January 15, 2025 at 4:29 pm`, `15 January 2025`, `By X December 15, 2024`,
 * and JavaScript's `Sun Feb 02 2025 11:44:27 GMT+0200 (…)`.
 */
export function parseDateLine(line: string): StatedDate | null {
  const text = line.trim()
  if (text.length > 160) return null

  const js = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\w* (\w{3}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-])(\d{2})(\d{2})/.exec(text)
  if (js) {
    const date = isoDate(Number(js[3]), monthIndex(js[1]!), Number(js[2]))
    if (date) return { iso: `${date}T${js[4]}:${js[5]}:${js[6]}${js[7]}${js[8]}:${js[9]}`, lead: '' }
  }

  const mdy = /^(.*?)\b([A-Z][a-z]{2,8}\.?) (\d{1,2}),? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?\s*$/i.exec(text)
  if (mdy) {
    const date = isoDate(Number(mdy[4]), monthIndex(mdy[2]!), Number(mdy[3]))
    if (date) return { iso: date + clock(mdy[5], mdy[6], mdy[7]), lead: mdy[1]!.trim() }
  }

  const dmy = /^(.*?)\b(\d{1,2}) ([A-Z][a-z]{2,8}\.?),? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?\s*$/i.exec(text)
  if (dmy) {
    const date = isoDate(Number(dmy[4]), monthIndex(dmy[3]!), Number(dmy[2]))
    if (date) return { iso: date + clock(dmy[5], dmy[6], dmy[7]), lead: dmy[1]!.trim() }
  }
  return null
}

function clock(h?: string, m?: string, ampm?: string): string {
  if (h === undefined || m === undefined || ampm === undefined) return ''
  let hour = Number(h) % 12
  if (ampm.toLowerCase() === 'p') hour += 12
  return `T${pad(hour)}:${m}`
}

/** `2024-12-15` -> `15 December 2024` (the time, when stored, is left out of citations). */
export function formatCitationDate(iso: string | null): string | null {
  if (!iso) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const month = MONTHS[Number(m[2]) - 1]
  if (!month) return iso
  return `${Number(m[3])} ${month[0]!.toUpperCase()}${month.slice(1)} ${m[1]}`
}
