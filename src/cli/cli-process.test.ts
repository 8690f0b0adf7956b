/**
 * The built CLI as a real process: what only a process shows (a pipe its reader closes
 * early, as `dossier show ID | head` does). The CLI is bundled like the app build does.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportReport } from '../core/api'
import { buildTestBundle } from '../main/workers/test-worker-build'
import { runCliIn } from './test-cli'

let tmp: string
let cli: { dir: string; remove(): Promise<void> }
let articleId: string
let env: NodeJS.ProcessEnv

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-cli-process-'))
  env = { PATH: process.env.PATH, HOME: tmp, XDG_CONFIG_HOME: join(tmp, 'config') }
  cli = await buildTestBundle('test-cli-', { cli: 'src/cli/index.ts' })
  // An article far longer than a pipe's buffer (64 KiB on Linux), so `show` is still
  // writing when the reader goes away.
  const lines = Array.from({ length: 30_000 }, (_, i) => `Paragraph ${i}: the convoy left the naval base at dawn, officials said.`)
  await writeFile(join(tmp, 'long.txt'), `A long report on the convoys\n\n${lines.join('\n\n')}\n`)
  const imported = await runCliIn(tmp, ['--notebook', 'nb', 'import', 'long.txt', '--json'])
  expect(imported.code).toBe(0)
  articleId = (JSON.parse(imported.out) as ImportReport).items[0]!.articleId!
}, 120_000)

afterAll(async () => {
  await cli?.remove()
  await rm(tmp, { recursive: true, force: true })
})

/** Runs the CLI, reading its stdout only until the first chunk arrives and then closing the pipe. */
function runAndCloseEarly(args: string[]): Promise<{ code: number | null; signal: string | null; received: number; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(cli.dir, 'cli.mjs'), ...args], { cwd: tmp, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let received = 0
    let err = ''
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length
      child.stdout.destroy() // the reader has seen enough, like head
    })
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('error', fail)
    child.on('close', (code, signal) => done({ code, signal, received, err }))
  })
}

describe('the dossier process', () => {
  it('ends quietly when its reader closes stdout early (dossier show ID | head): exit 0, nothing on stderr', { timeout: 60_000 }, async () => {
    const r = await runAndCloseEarly(['--notebook', 'nb', 'show', articleId])
    expect(r.received).toBeGreaterThan(0)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
  })

  it('does the same for --json output', { timeout: 60_000 }, async () => {
    const r = await runAndCloseEarly(['--notebook', 'nb', 'show', articleId, '--json'])
    expect(r.received).toBeGreaterThan(0)
    expect(r).toMatchObject({ code: 0, err: '' })
  })
})
