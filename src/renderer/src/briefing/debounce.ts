/**
 * A debounced action: `schedule(fn)` runs `fn` once `delayMs` after the last call;
 * `flush()` runs a pending one now (before a move, on blur, on switching briefings);
 * `cancel()` drops it. Used to save text fields ~400 ms after typing stops.
 */
export interface Debouncer {
  schedule(fn: () => void): void
  /** Runs the pending action now; true when there was one. */
  flush(): boolean
  cancel(): void
  readonly pending: boolean
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
}

export function createDebouncer(delayMs: number, timers: Timers = globalTimers): Debouncer {
  let action: (() => void) | null = null
  let handle: unknown = null

  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle)
    handle = null
  }
  const run = (): boolean => {
    clear()
    const fn = action
    action = null
    if (!fn) return false
    fn()
    return true
  }

  return {
    schedule(fn) {
      clear()
      action = fn
      handle = timers.setTimeout(run, delayMs)
    },
    flush: run,
    cancel() {
      clear()
      action = null
    },
    get pending() {
      return action !== null
    },
  }
}
