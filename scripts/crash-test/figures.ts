/** Small helpers the crash test's parts share for timing and for printing figures. */
import { readFileSync } from 'node:fs'

export function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}

export const pct = (n: number, of: number): string => (of === 0 ? '0%' : `${Math.round((100 * n) / of)}%`)

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor(s.length / 2)]! : 0
}

/** One line: paths cut to the notebook-relative part, at most ~140 characters. */
export const shorten = (text: string): string => {
  const short = text.replace(/\/\S*\/notebook-\d+\//g, '').split(/\.\s+(?=[A-Z])/)[0]!
  return short.length > 140 ? `${short.slice(0, 137)}...` : short
}

/**
 * CPU seconds used so far by this process and by its children that have ended (Linux
 * /proc/self/stat; null elsewhere): what a part costs on a machine that runs nothing else,
 * whatever the load while it was measured.
 */
export function cpuSeconds(): { self: number; children: number } | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ')
    // After "pid (comm) ": state is field 3, so utime..cstime (fields 14-17) are at 11-14.
    const ticks = fields.slice(11, 15).map(Number)
    return { self: (ticks[0]! + ticks[1]!) / 100, children: (ticks[2]! + ticks[3]!) / 100 }
  } catch {
    return null
  }
}
