/**
 * How the CLI ends a command: exit codes, the one-line messages on stderr, and the JSON
 * documents on stdout (see the contract at the top of run-cli.ts). Every write goes
 * through `terminalIo`, so nothing read from a notebook or a file reaches the terminal raw.
 */
import type { ErrorCode } from '../core/result'
import { diskError } from '../main/storage/durable-write'
import { oneLine } from './format'
import { escapeControls, escapeLabel, toJson } from './terminal-safe'

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  /**
   * Listens for SIGINT/SIGTERM while a long command (import) runs, so it can stop the file
   * being read and save what it imported, and while a writing command closes the notebook, so the lock is released;
   * returns how to stop listening. The entry (index.ts) ends the process at once on a second
   * signal. Absent (tests in process, embedding), signals are not handled.
   */
  onSignal?: (listener: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void
}

/** Exit codes, as documented in `dossier --help`, run-cli.ts and README.md. */
export const EXIT = {
  /** Everything asked was done. */
  done: 0,
  /** The command failed; the reason is on stderr. */
  failed: 1,
  /** Bad usage: unknown command or option, missing argument. */
  usage: 2,
  /** A batch was only partly done: some items failed while others succeeded. */
  partial: 3,
  /** Stopped by Ctrl-C (128 + SIGINT), after saving what was done. */
  interrupted: 130,
  /** Stopped by SIGTERM (128 + SIGTERM), after saving what was done. */
  terminated: 143,
} as const

/** A command that printed its result but did not do all it was asked. */
export interface CommandFailure {
  exitCode: typeof EXIT.failed | typeof EXIT.partial | typeof EXIT.interrupted | typeof EXIT.terminated
  code: ErrorCode
  message: string
}

/**
 * The writers the commands use. stdout: terminal controls escaped (texts keep their line
 * breaks and tabs). stderr holds only message lines, so each line is escaped as a label
 * (controls, bidi and zero-width characters shown as \u202e). JSON is already escaped by
 * `toJson`, which leaves nothing for escapeControls to change.
 */
export function terminalIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (s) => io.stdout(escapeControls(s)),
    stderr: (s) => io.stderr(s.split('\n').map(escapeLabel).join('\n')),
  }
}

/**
 * Prints a command's result: with --json the value itself, or, when the command failed or
 * was partly done, the value with `ok: false` and `error: { code, message }` added (the one
 * failure shape); otherwise the human text. A failure also gets its `dossier:` line on stderr.
 */
export function printResult(io: CliIo, json: boolean, value: unknown, human: () => string, failure?: CommandFailure): void {
  if (json) {
    const document = failure ? { ...(value as object), ok: false, error: { code: failure.code, message: failure.message } } : value
    io.stdout(`${toJson(document)}\n`)
  } else io.stdout(human())
  if (failure) io.stderr(`dossier: ${oneLine(failure.message)}\n`)
}

export function usageFailure(io: CliIo, json: boolean, message: string, command: string | null): number {
  io.stderr(`dossier: ${message}\n`)
  io.stderr(command ? `Run "dossier ${command} --help" for its usage.\n` : `Run "dossier --help" for the commands, or "dossier <command> --help" for one command.\n`)
  if (json) writeJsonError(io, 'bad-request', message)
  return EXIT.usage
}

export function userFailure(io: CliIo, json: boolean, code: ErrorCode, message: string): number {
  io.stderr(`dossier: ${oneLine(message)}\n`)
  if (json) writeJsonError(io, code, message)
  return EXIT.failed
}

/** A failure that is not a DossierError: a write the disk refused is the user's to fix; anything else is a bug. */
export function unexpectedFailure(io: CliIo, json: boolean, error: unknown): number {
  const refused = diskError(error)
  if (refused) return userFailure(io, json, refused.code, refused.message)
  if (io.env.DOSSIER_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`)
  return userFailure(io, json, 'internal', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`)
}

export function writeJsonError(io: CliIo, code: ErrorCode, message: string): void {
  io.stdout(`${toJson({ ok: false, error: { code, message } })}\n`)
}
