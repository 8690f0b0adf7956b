// The `dossier` CLI entry (built to out/main/cli.js, started by bin/dossier.js).
// No Electron here or in anything it imports: it runs under plain Node.
import { runCli } from './run-cli'

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

/**
 * SIGINT/SIGTERM for a command that listens (import): the first is the command's to handle
 * (it stops the file being read, saves, and exits 130/143); a second ends the process at
 * once, with what earlier steps saved already on disk and the lock left takeable.
 */
function onSignal(listener: (signal: 'SIGINT' | 'SIGTERM') => void): () => void {
  let heard = 0
  const handler = (signal: 'SIGINT' | 'SIGTERM') => {
    heard++
    if (heard > 1) process.exit(signal === 'SIGINT' ? 130 : 143)
    listener(signal)
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return () => {
    process.off('SIGINT', handler)
    process.off('SIGTERM', handler)
  }
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
