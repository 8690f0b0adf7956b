// The `dossier` CLI entry (built to out/main/cli.js, started by bin/dossier.js).
// No Electron here or in anything it imports: it runs under plain Node.
import { setFlagsFromString } from 'node:v8'
import { runCli } from './run-cli'

/**
 * A command runs once, so a regular expression run once should not be compiled to machine
 * code: V8 compiles one on its second run by default, and chrono-node's date parsers (the
 * event-date suggestions of `show`) cost 160 ms that way for one or two passages, against
 * 0.5 ms interpreted. Expressions run 20 times still are compiled (decision 72).
 */
setFlagsFromString('--regexp-tier-up-ticks=20')

/**
 * A writer for stdout or stderr that a closed pipe cannot crash. `dossier list | head`
 * closes the pipe once head has its lines: that is the reader saying "enough", not an
 * error. From then on output to that stream is dropped, silently, and the command still
 * finishes (a writing command releases the notebook's lock as usual) and exits with its
 * own code. Without a listener Node would throw the 'error' event with a stack trace.
 */
let outputFailed = false

function pipeWriter(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false
  stream.on('error', (error: NodeJS.ErrnoException) => {
    closed = true
    // Any other failure of the terminal itself (EIO…) cannot be reported, only exit non-zero.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') outputFailed = true
  })
  return (s) => {
    if (!closed && !stream.destroyed) stream.write(s)
  }
}

const stdout = pipeWriter(process.stdout)
const stderr = pipeWriter(process.stderr)

type Signal = 'SIGINT' | 'SIGTERM'
const signalListeners = new Set<(signal: Signal) => void>()
let signalsHeard = 0
let handling = false

/**
 * SIGINT/SIGTERM for a command that listens (import while it runs; a writing command while
 * it closes the notebook, run-cli.ts): the first is the listeners' to handle (the import
 * stops the file being read, saves, and exits 130/143; closing releases the lock first); a
 * second ends the process at once, with what earlier steps saved already on disk and the
 * lock left takeable. Once a command has listened, the handler stays for the rest of the
 * run: a signal between one listener and the next (the import's report, then closing) goes
 * to the next instead of killing the process with the lock held, and one with no listener
 * ends the process at once, as the default action would.
 */
function onSignal(listener: (signal: Signal) => void): () => void {
  if (!handling) {
    handling = true
    process.on('SIGINT', handleSignal)
    process.on('SIGTERM', handleSignal)
  }
  signalListeners.add(listener)
  return () => void signalListeners.delete(listener)
}

function handleSignal(signal: Signal): void {
  signalsHeard++
  if (signalsHeard > 1 || signalListeners.size === 0) process.exit(signal === 'SIGINT' ? 130 : 143)
  for (const listener of [...signalListeners]) listener(signal)
}

runCli(process.argv.slice(2), { stdout, stderr, env: process.env, cwd: process.cwd(), onSignal }).then(
  (code) => {
    process.exitCode = code === 0 && outputFailed ? 1 : code
  },
  (error: unknown) => {
    // runCli reports failures itself; this is a bug in it. The stack only on request, as there.
    const detail = error instanceof Error ? (process.env.DOSSIER_DEBUG ? (error.stack ?? error.message) : error.message) : String(error)
    stderr(`dossier: Unexpected error: ${detail}\n`)
    process.exitCode = 1
  },
)
