/**
 * Watches this thread's event loop for stalls: a 5 ms timer notes every gap between its
 * ticks. A gap can be this thread's own work or the machine giving the CPU to someone
 * else (other processes, this process's worker threads); on Linux the thread's own CPU
 * time (/proc/thread-self/stat, utime + stime in 10 ms ticks) says which, so the longest
 * stall of the thread's own making can be told apart from the longest gap.
 */
import { readFileSync } from 'node:fs'

export interface StallReport {
  /** Longest gap between ticks, whatever caused it (ms). */
  maxGapMs: number
  /** Most CPU this thread used within one gap (ms, 10 ms resolution); null where /proc is not available. */
  maxOwnWorkMs: number | null
}

const TICK_MS = 5

function threadCpuMs(): number | null {
  try {
    // Fields after the command name (which may contain spaces): utime is the 14th field, stime the 15th.
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

export function watchStalls(): { stop(): StallReport } {
  let lastTick = performance.now()
  let lastCpu = threadCpuMs()
  let maxGapMs = 0
  let maxOwnWorkMs: number | null = lastCpu === null ? null : 0
  const timer = setInterval(() => {
    const now = performance.now()
    const cpu = threadCpuMs()
    const gap = now - lastTick - TICK_MS
    if (gap > maxGapMs) maxGapMs = gap
    if (cpu !== null && lastCpu !== null && maxOwnWorkMs !== null) maxOwnWorkMs = Math.max(maxOwnWorkMs, cpu - lastCpu)
    lastTick = now
    lastCpu = cpu
  }, TICK_MS)
  return {
    stop() {
      clearInterval(timer)
      return { maxGapMs, maxOwnWorkMs }
    },
  }
}
