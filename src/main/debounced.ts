/**
 * A task run once, `delayMs` after the last `schedule()`: the derived caches (search
 * index, mention index, highlight counts) are written after a burst of changes, not on
 * each. The timer never keeps a process alive (a CLI command ends; `close()` of the
 * cache writes what is pending).
 */
export class Debounced {
  #timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly task: () => void) {}

  schedule(delayMs: number): void {
    this.cancel()
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.task()
    }, delayMs)
    this.#timer.unref?.()
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
  }
}
