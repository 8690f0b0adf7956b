/**
 * Runs a benchmark worker (a bundled .mjs that uses the REAL src/ code) as its own
 * process, so each job starts cold and its memory is its own:
 *
 *   node <script> <command> '<json job>'
 *
 * The worker prints `PROGRESS <n>` lines (work done so far) and one `RESULT <json>` line
 * at the end, and exits 0.
 */
import { spawn } from 'node:child_process'

export interface WorkerRun<T> {
  result: T
  seconds: number
}

export function runWorker<T>(script: string, command: string, job: unknown, onProgress?: (n: number) => void, nodeArgs: string[] = []): Promise<WorkerRun<T>> {
  const started = performance.now()
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [...nodeArgs, script, command, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let progressed = 0
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk
      for (const m of chunk.matchAll(/^PROGRESS (\d+)$/gm)) {
        const n = Number(m[1])
        onProgress?.(n - progressed)
        progressed = n
      }
    })
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk
    })
    proc.on('error', fail)
    proc.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '))
      if (code !== 0 || !line) return fail(new Error(`worker '${command}' failed (exit ${code}): ${err.trim().slice(-3000) || out.trim().slice(-1000)}`))
      done({ result: JSON.parse(line.slice(7)) as T, seconds: (performance.now() - started) / 1000 })
    })
  })
}

/** The worker side: runs `handlers[command]` on the job and prints its RESULT line. */
export function workerMain(handlers: ReadonlyMap<string, (job: never) => Promise<unknown>>): void {
  const [command, json] = process.argv.slice(2)
  const handler = command ? handlers.get(command) : undefined
  const run = async (): Promise<void> => {
    if (!handler) throw new Error(`unknown command ${command}; one of ${[...handlers.keys()].join(', ')}`)
    const result = await handler(JSON.parse(json ?? '{}') as never)
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`)
  }
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exit(1)
    },
  )
}
