/** The CLI tests' way to run `dossier` in process (not shipped: only tests import it). */
import { join } from 'node:path'
import { runCli } from './run-cli'

export interface CliRun {
  code: number
  out: string
  err: string
}

/**
 * Runs the CLI with `dir` as its current folder and a private HOME and config folder
 * inside it, so the default notebook is never the user's real one.
 */
export async function runCliIn(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let out = ''
  let err = ''
  const code = await runCli(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), ...env },
    cwd: dir,
  })
  return { code, out, err }
}
