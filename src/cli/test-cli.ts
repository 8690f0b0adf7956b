/** The CLI tests' way to run `dossier` in process (not shipped: only tests import it). */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { expect } from 'vitest'
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

/**
 * Every file under `dir` (recursively) with the sha256 of its bytes, by relative path:
 * two snapshots are equal exactly when the notebook is byte-for-byte unchanged.
 */
export async function fileTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = Object.create(null) as Record<string, string>
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    tree[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex')
  }
  return tree
}

/** Runs a command that must be refused: its exit code, one `dossier:` line, and the notebook at `nb` unchanged. */
export async function expectRefusal(nb: string, run: () => Promise<CliRun>, exitCode: 1 | 2, message: RegExp | string): Promise<CliRun> {
  const before = await fileTree(nb)
  expect(Object.keys(before)).toContain('notebook.json')
  const result = await run()
  expect(result.code, result.err).toBe(exitCode)
  expect(result.err).toMatch(/^dossier: [^\n]+\n/)
  if (typeof message === 'string') expect(result.err).toContain(message)
  else expect(result.err).toMatch(message)
  expect(await fileTree(nb)).toEqual(before)
  return result
}
