import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname, tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DossierError } from '../../core/result'
import { acquireNotebookLock, describeHolder, isProcessAlive, readLockHolder, takeoverGuardFile, type LockHolder } from './notebook-lock'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(HERE, '../../..')
const HOST = hostname()

let tmp: string
let dir: string
let childScript: string
const children: ChildProcess[] = []

/**
 * Node 20 cannot run TypeScript, so the child helper and the modules it imports are
 * transpiled (typescript's transpileModule, no type check) to .mjs files beside each
 * other, with extensionless relative imports rewritten to `.mjs`.
 */
async function compileForNode(entry: string, outDir: string): Promise<string> {
  const pending = [entry]
  const done = new Set<string>()
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (done.has(file)) continue
    done.add(file)
    const source = await readFile(file, 'utf8')
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    })
    const code = outputText.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.\.?\/[^'"]+)\2/g, (_m, before: string, quote: string, spec: string) => {
      const target = resolve(dirname(file), `${spec}.ts`)
      if (!existsSync(target)) throw new Error(`compileForNode: cannot resolve ${spec} from ${file}`)
      pending.push(target)
      return `${before}${quote}${spec}.mjs${quote}`
    })
    const out = join(outDir, relative(ROOT, file).replace(/\.ts$/, '.mjs'))
    await mkdir(dirname(out), { recursive: true })
    await writeFile(out, code)
  }
  return join(outDir, relative(ROOT, entry).replace(/\.ts$/, '.mjs'))
}

interface Child {
  proc: ChildProcess
  pid: number
  lines: string[]
  waitFor(match: (line: string) => boolean, timeoutMs?: number): Promise<string>
  exited: Promise<void>
}

function startChild(lockDir: string, args: string[] = []): Child {
  const proc = spawn(process.execPath, [childScript, lockDir, 'cli', ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  children.push(proc)
  const lines: string[] = []
  let stderr = ''
  let ended = false
  const listeners = new Set<() => void>()
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    lines.push(line)
    for (const l of listeners) l()
  })
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((res) =>
    proc.on('exit', () => {
      ended = true
      for (const l of listeners) l()
      res()
    }),
  )
  if (proc.pid === undefined) throw new Error('child did not start')
  return {
    proc,
    pid: proc.pid,
    lines,
    exited,
    waitFor(match, timeoutMs = 15_000) {
      return new Promise((res, rej) => {
        const check = (): void => {
          const found = lines.find(match)
          if (found !== undefined) finish(() => res(found))
          else if (ended) finish(() => rej(new Error(`child ${proc.pid} exited; stdout: ${lines.join(' / ')}; stderr: ${stderr}`)))
        }
        const timer = setTimeout(() => finish(() => rej(new Error(`timed out; stdout: ${lines.join(' / ')}; stderr: ${stderr}`))), timeoutMs)
        const finish = (f: () => void): void => {
          clearTimeout(timer)
          listeners.delete(check)
          f()
        }
        listeners.add(check)
        check()
      })
    },
  }
}

/** The pid of a process that has certainly exited (and been reaped). */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', ''])
  expect(result.status).toBe(0)
  expect(isProcessAlive(result.pid)).toBe(false)
  return result.pid
}

async function writeHolder(holder: LockHolder | string): Promise<void> {
  await writeFile(join(dir, '.lock'), typeof holder === 'string' ? holder : JSON.stringify(holder))
}

async function ageLock(seconds: number): Promise<void> {
  const past = new Date(Date.now() - seconds * 1000)
  await utimes(join(dir, '.lock'), past, past)
}

async function lockError(promise: Promise<unknown>): Promise<DossierError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the acquire to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(DossierError)
  expect((error as DossierError).code).toBe('notebook-locked')
  return error as DossierError
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-lock-'))
  childScript = await compileForNode(join(HERE, 'lock-holder-child.ts'), join(tmp, 'compiled'))
})

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

let dirCount = 0
beforeEach(async () => {
  dir = join(tmp, `nb-${++dirCount}`)
  await mkdir(dir)
})

afterEach(async () => {
  for (const proc of children.splice(0)) {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL')
  }
})

describe('acquire and release in one process', () => {
  it('creates .lock with pid, host, since and app; release removes it, twice is fine; re-acquire works', async () => {
    const lock = await acquireNotebookLock(dir, { app: 'app', now: () => '2026-11-21T14:03:00.000Z' })
    expect(lock.file).toBe(join(dir, '.lock'))
    const expected: LockHolder = { pid: process.pid, host: HOST, since: '2026-11-21T14:03:00.000Z', app: 'app' }
    expect(lock.holder).toEqual(expected)
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toEqual(expected)
    expect(await readLockHolder(dir)).toEqual(expected)

    await lock.release()
    expect(existsSync(join(dir, '.lock'))).toBe(false)
    await lock.release()
    await Promise.all([lock.release(), lock.release()])
    expect(await readLockHolder(dir)).toBeNull()

    const again = await acquireNotebookLock(dir, { app: 'cli' })
    expect(again.holder.app).toBe('cli')
    expect(existsSync(join(dir, '.lock'))).toBe(true)
    await again.release()
    expect(await readdir(dir)).toEqual([])
  })

  it('refuses a second acquire of the same notebook in the same process, clearly, and leaves the lock alone', async () => {
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    const before = await readFile(lock.file, 'utf8')
    const error = await acquireNotebookLock(dir, { app: 'app' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(error).not.toBeInstanceOf(DossierError)
    expect((error as Error).message).toMatch(/This process already holds the writer lock on the notebook at .*release it before acquiring it again/)
    // Also through another spelling of the same path.
    await expect(acquireNotebookLock(join(dir, '..', `nb-${dirCount}`), { app: 'app' })).rejects.toThrow(/already holds/)
    expect(await readFile(lock.file, 'utf8')).toBe(before)
    await lock.release()
  })

  it('two concurrent acquires in one process: exactly one wins', async () => {
    const results = await Promise.allSettled([acquireNotebookLock(dir, { app: 'app' }), acquireNotebookLock(dir, { app: 'app' })])
    const won = results.filter((r) => r.status === 'fulfilled')
    expect(won).toHaveLength(1)
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1)
    await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireNotebookLock>>>).value.release()
  })

  it('release does not delete a lock that is no longer ours', async () => {
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    await rm(lock.file)
    const other = JSON.stringify({ pid: 4242, host: 'elsewhere', since: '2026-01-01T00:00:00.000Z', app: 'cli' })
    await writeHolder(other)
    await lock.release()
    expect(await readFile(join(dir, '.lock'), 'utf8')).toBe(other)
  })

  it('takes over a lock naming our pid that this process did not create (a previous run with the same pid)', async () => {
    await writeHolder({ pid: process.pid, host: HOST, since: '2020-01-01T00:00:00.000Z', app: 'app' })
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect(JSON.parse(await readFile(lock.file, 'utf8')).since).not.toBe('2020-01-01T00:00:00.000Z')
    await lock.release()
  })

  it('describeHolder names pid, app, host and local time', () => {
    const since = new Date(2026, 10, 21, 14, 3, 27).toISOString()
    expect(describeHolder({ pid: 1234, host: 'foo', since, app: 'cli' })).toBe('process 1234 (dossier CLI) on host foo since 2026-11-21 14:03')
    expect(describeHolder({ pid: 7, host: 'bar', since, app: 'app' })).toBe('process 7 (Dossier app) on host bar since 2026-11-21 14:03')
    expect(describeHolder({ pid: 7, host: 'bar', since: 'yesterday', app: 'importer' })).toBe('process 7 (importer) on host bar since yesterday')
  })
})

describe('a lock held by another process', () => {
  it('refuses while the child holds it, naming its pid and host; takes it over once the child is killed', async () => {
    const child = startChild(dir)
    await child.waitFor((l) => l === 'WIN')
    const holder = await readLockHolder(dir)
    expect(holder).toMatchObject({ pid: child.pid, host: HOST, app: 'cli' })

    const error = await lockError(acquireNotebookLock(dir, { app: 'app' }))
    expect(error.message).toContain(`The notebook at ${dir} is open for writing by process ${child.pid} (dossier CLI) on host ${HOST} since `)
    expect(error.message).toContain(describeHolder(holder!))
    expect(error.message).toContain('Close it there first; read-only commands still work.')

    child.proc.kill('SIGKILL')
    await child.exited
    expect(isProcessAlive(child.pid)).toBe(false)
    expect(await readLockHolder(dir)).toBeNull() // stale: not reported as a writer

    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect(lock.holder.pid).toBe(process.pid)
    expect(await readdir(dir)).toEqual(['.lock']) // no aside file or guard left behind
    await lock.release()
  })

  it('the child releases on exit, and then the lock is free', async () => {
    const child = startChild(dir)
    await child.waitFor((l) => l === 'WIN')
    child.proc.stdin!.end()
    await child.exited
    expect(await readdir(dir)).toEqual([])
  })

  it('takes over a lock left by a dead pid on this host', async () => {
    const pid = deadPid()
    await writeHolder({ pid, host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' })
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect(JSON.parse(await readFile(lock.file, 'utf8'))).toMatchObject({ pid: process.pid, host: HOST, app: 'app' })
    expect(await readdir(dir)).toEqual(['.lock'])
    await lock.release()
  })

  it('never takes over a lock from another host, even one whose pid is dead here', async () => {
    const content = JSON.stringify({ pid: deadPid(), host: `${HOST}-elsewhere`, since: '2026-01-01T00:00:00.000Z', app: 'app' })
    await writeHolder(content)
    await ageLock(3600)
    const error = await lockError(acquireNotebookLock(dir, { app: 'cli' }))
    expect(error.message).toContain(`on host ${HOST}-elsewhere`)
    expect(error.message).toContain('(Dossier app)')
    expect(error.message).toContain(`delete ${join(dir, '.lock')}`)
    expect(await readFile(join(dir, '.lock'), 'utf8')).toBe(content)
    expect(await readLockHolder(dir)).toMatchObject({ host: `${HOST}-elsewhere` })
  })

  it('uses the injected liveness check, and takes nothing over from a live process', async () => {
    const holder = { pid: process.ppid, host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' }
    await writeHolder(holder)
    const error = await lockError(acquireNotebookLock(dir, { app: 'app' }))
    expect(error.message).toContain(`process ${process.ppid} (dossier CLI)`)
    await lockError(acquireNotebookLock(dir, { app: 'app', isAlive: () => true }))
    const lock = await acquireNotebookLock(dir, { app: 'app', isAlive: (pid) => pid !== process.ppid })
    expect(lock.holder.pid).toBe(process.pid)
    await lock.release()
  })
})

describe('garbled lock files', () => {
  it('a fresh garbled lock is not taken over: acquire waits briefly, then refuses', async () => {
    await writeHolder('{"pid": 12')
    const started = Date.now()
    const error = await lockError(acquireNotebookLock(dir, { app: 'app' }))
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(error.message).toMatch(/being opened for writing by another process right now/)
    expect(await readFile(join(dir, '.lock'), 'utf8')).toBe('{"pid": 12')
    expect(await readLockHolder(dir)).toBeNull()
  })

  it('a fresh empty lock that its writer completes during the wait is read again', async () => {
    await writeHolder('')
    const holder = { pid: process.ppid, host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' }
    const completing = new Promise<void>((res) => setTimeout(() => void writeHolder(holder).then(res), 200))
    const error = await lockError(acquireNotebookLock(dir, { app: 'app' }))
    await completing
    expect(error.message).toContain(`process ${process.ppid} (dossier CLI)`)
  })

  it.each([
    ['garbled', '{"pid": 12'],
    ['empty', ''],
    ['NUL-filled', '\0\0\0\0'],
    ['an impossible pid', JSON.stringify({ pid: -1, host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' })],
  ])('an old %s lock (mtime a minute ago) is taken over', async (_name, content) => {
    await writeHolder(content)
    await ageLock(60)
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect(JSON.parse(await readFile(lock.file, 'utf8'))).toMatchObject({ pid: process.pid })
    expect(await readdir(dir)).toEqual(['.lock'])
    await lock.release()
  })
})

describe('takeover guards', () => {
  it('a guard left by a takeover that crashed is cleared, and the stale lock is still taken over', async () => {
    await writeHolder({ pid: deadPid(), host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' })
    const file = join(dir, '.lock')
    const st = await stat(file)
    const guard = takeoverGuardFile(file, { content: await readFile(file, 'utf8'), ino: st.ino, mtimeMs: st.mtimeMs })
    await writeFile(guard, JSON.stringify({ pid: deadPid(), host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'takeover' }))
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect(lock.holder.pid).toBe(process.pid)
    expect(await readdir(dir)).toEqual(['.lock'])
    await lock.release()
  })

  it('a guard held by a live process is respected: the stale lock is left to it', async () => {
    const content = JSON.stringify({ pid: deadPid(), host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' })
    await writeHolder(content)
    const file = join(dir, '.lock')
    const st = await stat(file)
    const guard = takeoverGuardFile(file, { content, ino: st.ino, mtimeMs: st.mtimeMs })
    await writeFile(guard, JSON.stringify({ pid: process.ppid, host: HOST, since: new Date().toISOString(), app: 'takeover' }))
    // Release the guard shortly, as a live taker that gave up would.
    setTimeout(() => void rm(guard, { force: true }), 300)
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect(existsSync(guard)).toBe(false)
    await lock.release()
  })

  it('leftover aside files and guards older than a minute are cleaned up after an acquire', async () => {
    const leftovers = ['.lock.stale-123-abcd1234', '.lock.takeover-0123456789abcdef']
    for (const name of leftovers) {
      await writeFile(join(dir, name), '')
      const past = new Date(Date.now() - 120_000)
      await utimes(join(dir, name), past, past)
    }
    await writeFile(join(dir, '.lock.stale-999-fresh000'), '')
    const lock = await acquireNotebookLock(dir, { app: 'app' })
    expect((await readdir(dir)).sort()).toEqual(['.lock', '.lock.stale-999-fresh000'])
    await lock.release()
  })
})

describe('readLockHolder', () => {
  it('is null without a lock, for a stale or unreadable one; names a live or remote holder', async () => {
    expect(await readLockHolder(dir)).toBeNull()
    expect(await readLockHolder(join(dir, 'missing'))).toBeNull()
    await writeHolder({ pid: deadPid(), host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' })
    expect(await readLockHolder(dir)).toBeNull()
    await writeHolder('not json')
    expect(await readLockHolder(dir)).toBeNull()
    const live = { pid: process.ppid, host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' }
    await writeHolder(live)
    expect(await readLockHolder(dir)).toEqual(live)
    expect(await readLockHolder(dir, { isAlive: () => false })).toBeNull()
  })
})

describe('racing processes', () => {
  const N = 8

  async function race(): Promise<void> {
    const racers = Array.from({ length: N }, () => startChild(dir, ['--wait-for-go']))
    await Promise.all(racers.map((c) => c.waitFor((l) => l === 'READY')))
    for (const c of racers) c.proc.stdin!.write('go\n')
    const results = await Promise.all(racers.map((c) => c.waitFor((l) => /^(WIN|LOCKED|ERROR)\b/.test(l))))

    const winners = racers.filter((_c, i) => results[i] === 'WIN')
    expect(results.filter((r) => r.startsWith('ERROR'))).toEqual([])
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => r.startsWith('LOCKED'))).toHaveLength(N - 1)
    const winner = winners[0]!
    for (const r of results.filter((l) => l.startsWith('LOCKED'))) {
      // A loser either saw the winner's lock or (rarely) the lock still being written.
      expect(r).toMatch(new RegExp(`process ${winner.pid} \\(dossier CLI\\) on host |being opened for writing by another process`))
    }
    expect(await readLockHolder(dir)).toMatchObject({ pid: winner.pid })

    for (const c of racers) c.proc.stdin!.end()
    await Promise.all(racers.map((c) => c.exited))
    expect(await readdir(dir)).toEqual([]) // the winner released; no aside files or guards remain
  }

  it(`${N} children against a stale lock from a dead pid: exactly one wins`, async () => {
    for (let round = 0; round < 3; round++) {
      await writeHolder({ pid: deadPid(), host: HOST, since: '2026-01-01T00:00:00.000Z', app: 'cli' })
      await race()
    }
  })

  it(`${N} children against an old garbled lock: exactly one wins`, async () => {
    await writeHolder('{"pid":')
    await ageLock(60)
    await race()
  })

  it(`${N} children against no lock: exactly one wins`, async () => {
    await race()
  })
})
