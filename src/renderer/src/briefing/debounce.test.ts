import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDebouncer } from './debounce'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createDebouncer', () => {
  it('runs only the last scheduled action, once the delay has passed since the last call', () => {
    const d = createDebouncer(400)
    const first = vi.fn()
    const second = vi.fn()
    d.schedule(first)
    vi.advanceTimersByTime(300)
    d.schedule(second)
    vi.advanceTimersByTime(300)
    expect(second).not.toHaveBeenCalled()
    vi.advanceTimersByTime(100)
    expect(first).not.toHaveBeenCalled()
    expect(second).toHaveBeenCalledOnce()
    expect(d.pending).toBe(false)
  })

  it('flush runs a pending action at once, and not again when the timer would have fired', () => {
    const d = createDebouncer(400)
    const save = vi.fn()
    d.schedule(save)
    expect(d.pending).toBe(true)
    expect(d.flush()).toBe(true)
    expect(save).toHaveBeenCalledOnce()
    vi.advanceTimersByTime(1000)
    expect(save).toHaveBeenCalledOnce()
    expect(d.flush()).toBe(false)
  })

  it('cancel drops the pending action', () => {
    const d = createDebouncer(400)
    const save = vi.fn()
    d.schedule(save)
    d.cancel()
    vi.advanceTimersByTime(1000)
    expect(save).not.toHaveBeenCalled()
  })
})
