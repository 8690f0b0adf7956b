/**
 * A child process of the crash test, as the parent sees it: its stdout as lines (and the
 * incomplete last one), its stderr, and ways to wait for a line and to signal or kill it.
 * Used for the highlight-saving child (crash-child.ts, pre-spawned, told what to do over
 * stdin) and for the built CLI running `dossier import` (import-crash.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process'

export const CHILD_TIMEOUT_MS = 30_000

export class Child {
  readonly proc: ChildProcess
  readonly lines: string[] = []
  /** When each line arrived (performance.now()). */
  readonly lineAt: number[] = []
  readonly spawnedAt = performance.now()
  readyAt = 0
  /** When the process had ended and its output was read (performance.now()). */
  endedAt = 0
  stderr = ''
  readonly closed: Promise<void>
  #buffer = ''
  #listeners = new Set<() => void>()

  /** Runs `node <args>` with piped stdin, stdout and stderr. */
  constructor(args: readonly string[]) {
    this.proc = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    this.proc.stdout!.setEncoding('utf8')
    this.proc.stdout!.on('data', (chunk: string) => {
      this.#buffer += chunk
      const parts = this.#buffer.split('\n')
      this.#buffer = parts.pop()!
      for (const line of parts) {
        if (line === 'READY') this.readyAt = performance.now()
        this.lines.push(line)
        this.lineAt.push(performance.now())
      }
      this.#notify()
    })
    this.proc.stderr!.setEncoding('utf8')
    this.proc.stderr!.on('data', (chunk: string) => {
      if (this.stderr.length < 20_000) this.stderr += chunk
      this.#notify()
    })
    this.proc.stdin!.on('error', () => undefined) // EPIPE if it died early
    // 'close' fires after the process exited AND its stdout was drained.
    this.closed = new Promise((done) =>
      this.proc.on('close', () => {
        this.endedAt = performance.now()
        done()
      }),
    )
    this.closed.then(() => this.#notify())
  }

  #notify(): void {
    for (const listener of this.#listeners) listener()
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null
  }

  /** What the child wrote on stdout after its last newline (a line cut short by a kill). */
  get partialLine(): string {
    return this.#buffer
  }

  /** Resolves with the first line matching `test`; rejects if the child ends first or on timeout. */
  waitFor(test: (line: string) => boolean, what: string): Promise<string> {
    return new Promise((resolveLine, reject) => {
      const timer = setTimeout(() => finish(new Error(`no ${what} from the child within ${CHILD_TIMEOUT_MS / 1000} s`)), CHILD_TIMEOUT_MS)
      const finish = (error: Error | null, line?: string): void => {
        clearTimeout(timer)
        this.#listeners.delete(check)
        if (error) reject(error)
        else resolveLine(line!)
      }
      const check = (): void => {
        const line = this.lines.find(test)
        if (line !== undefined) return finish(null, line)
        const failure = this.lines.find((l) => l.startsWith('ERROR '))
        if (failure) return finish(new Error(`the child failed: ${failure.slice(6)}`))
        if (this.exited) return finish(new Error(`the child exited (code ${this.proc.exitCode}, signal ${this.proc.signalCode}) before ${what}${this.stderr ? `; stderr: ${this.stderr.trim().slice(0, 2000)}` : ''}`))
      }
      this.#listeners.add(check)
      check()
    })
  }

  /** Waits until `test()` holds ('met'), the child has ended ('exited', its output drained) or `ms` passed ('timeout'). */
  until(test: () => boolean, ms: number): Promise<'met' | 'exited' | 'timeout'> {
    return new Promise((done) => {
      let ended = false
      const timer = setTimeout(() => finish('timeout'), ms)
      const finish = (result: 'met' | 'exited' | 'timeout'): void => {
        clearTimeout(timer)
        this.#listeners.delete(check)
        done(result)
      }
      const check = (): void => {
        if (test()) finish('met')
        else if (ended) finish('exited')
      }
      this.closed.then(() => {
        ended = true
        check()
      })
      this.#listeners.add(check)
      check()
    })
  }

  send(config: unknown): void {
    this.proc.stdin!.write(`GO ${JSON.stringify(config)}\n`)
  }

  /** Sends `signal` (if the child still runs) and waits until it has ended and its output is read. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.exited) this.proc.kill(signal)
    await this.closed
  }
}
