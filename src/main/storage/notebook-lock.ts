/**
 * The one-writer lock on a notebook folder: `<notebook>/.lock` holds the JSON
 * `LockHolder` ({pid, host, since, app}) of the one process that may write the notebook.
 * Read-only opens take no lock; `readLockHolder` lets them say who is writing.
 *
 * Acquire creates `.lock` with an exclusive create (`open(path, 'wx')`), writes the JSON,
 * fsyncs it and the folder. When `.lock` already exists:
 * - a holder on another host is never taken over (whether it is alive cannot be known);
 * - a holder on this host whose process is alive refuses the acquire (`notebook-locked`);
 * - a holder on this host whose pid is dead is stale and is taken over; so is a lock that
 *   names this process's pid but was not created by this process (a previous run that
 *   had the same pid, common in containers, or a copied notebook folder);
 * - an empty or garbled lock (a crash between create and write) is stale only once it is
 *   older than `GARBLED_STALE_MS`; younger, another process may be writing it right now,
 *   so acquire waits a moment for it to become readable, then refuses.
 * - a lock this process already holds (the same file) is a bug: acquire throws a plain Error.
 *
 * Taking over a stale lock is safe when several processes race to do it. A naive
 * "rename the stale file aside, then create" lets a slow racer rename away the fresh lock
 * a faster racer has just created. So a stale file is removed only by the holder of a
 * takeover guard, `<file>.takeover-<hash of that exact file: content, inode, mtime>`,
 * created with the same exclusive create. Under the guard the taker re-reads the lock and
 * proceeds only if it is still the very file it judged stale, renames it aside
 * (`.lock.stale-<pid>-<random>`, atomic), checks what it moved, deletes it and retries the
 * exclusive create. Only one process can hold the guard for a given stale file, and no
 * one else ever removes that file, so nothing can replace it between the check and the
 * rename. A guard left by a process that died mid-takeover is itself stale and is removed
 * the same way (one level deeper, bounded).
 *
 * Nothing global is registered (no `process.on` handlers): the caller must `release()` the
 * lock when it is done and on exit (app quit, CLI command end, SIGINT/SIGTERM). A lock left
 * by a crash is taken over by the next writer on the same host.
 *
 * Limitations: a pid reused by an unrelated process after a crash looks alive, so the lock
 * is refused until that process exits (the message says which process to look at). A lock
 * from another host must be deleted by hand once that computer no longer runs Dossier.
 */
import { createHash, randomBytes } from 'node:crypto'
import { open, readdir, rename, rm, stat, link } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { DossierError } from '../../core/result'
import { syncDirectory } from './durable-write'

export const LOCK_FILE = '.lock'

export interface LockHolder {
  pid: number
  host: string
  /** ISO date-time when the lock was taken. */
  since: string
  /** Who holds it: 'app' (the desktop app), 'cli' (the dossier command), or another label. */
  app: 'app' | 'cli' | string
}

export interface NotebookLock {
  /** Absolute path of the lock file. */
  readonly file: string
  readonly holder: LockHolder
  /** Deletes the lock file if it still holds this lock. Idempotent. */
  release(): Promise<void>
}

export interface AcquireOptions {
  /** Label recorded in the lock ('app', 'cli'), shown to other processes. */
  app: string
  /** ISO timestamp for `since`; defaults to the current time. */
  now?: () => string
  /** Whether a process on this host is running; defaults to `process.kill(pid, 0)`. */
  isAlive?: (pid: number) => boolean
}

/** An empty or garbled lock younger than this may be mid-write by another process. */
export const GARBLED_STALE_MS = 5_000
/** How long acquire waits for a young garbled lock to become readable before refusing. */
const SETTLE_WAIT_MS = 1_000
/** Upper bound on create / inspect / take-over rounds, and on the time they may take. */
const MAX_ATTEMPTS = 200
const MAX_ACQUIRE_MS = 10_000
/** Guards of guards: how many crashed takeovers in a row are cleaned up. */
const MAX_GUARD_DEPTH = 3
/** Leftover `.lock.stale-*` / `.lock.takeover-*` files older than this are deleted after an acquire. */
const LEFTOVER_AGE_MS = 60_000

/**
 * Files this process created and still holds, as `dev:ino`: its locks and its takeover
 * guards. A lock file naming this pid is ours only if it is one of these.
 */
const ownFiles = new Set<string>()
/** Acquires of one lock file within this process run one after another. */
const inFlight = new Map<string, Promise<unknown>>()

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // ESRCH: no such process. EPERM: it exists but belongs to another user. Anything
    // else: unknown, so assume alive (never take over a lock that may be in use).
    return errorCode(error) !== 'ESRCH'
  }
}

export async function acquireNotebookLock(dir: string, options: AcquireOptions): Promise<NotebookLock> {
  const file = join(resolve(dir), LOCK_FILE)
  const previous = inFlight.get(file) ?? Promise.resolve()
  const attempt = previous.catch(() => undefined).then(() => acquire(dir, file, options))
  inFlight.set(file, attempt)
  try {
    return await attempt
  } finally {
    if (inFlight.get(file) === attempt) inFlight.delete(file)
  }
}

/**
 * Who holds the writer lock on `dir`, or null when nobody does: no lock, an unreadable
 * one, or a stale one (a dead process on this host). A holder on another host is returned.
 */
export async function readLockHolder(dir: string, options: { isAlive?: (pid: number) => boolean } = {}): Promise<LockHolder | null> {
  const snap = await readSnapshot(join(resolve(dir), LOCK_FILE))
  if (!snap) return null
  const verdict = judge(snap, { host: hostname(), isAlive: options.isAlive ?? isProcessAlive })
  if (verdict.kind === 'held') return verdict.holder
  if (verdict.kind === 'ours') return parseHolder(snap.content)
  return null
}

/** "process 1234 (dossier CLI) on host foo since 2026-11-21 14:03" (local time). */
export function describeHolder(h: LockHolder): string {
  return `process ${h.pid} (${appLabel(h.app)}) on host ${h.host} since ${formatSince(h.since)}`
}

function appLabel(app: string): string {
  if (app === 'cli') return 'dossier CLI'
  if (app === 'app') return 'Dossier app'
  return app
}

function formatSince(since: string): string {
  const d = new Date(since)
  if (Number.isNaN(d.getTime())) return since
  const p = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** The takeover guard for one exact stale file. Exported for tests. */
export function takeoverGuardFile(file: string, snap: { content: string; ino: number; mtimeMs: number }): string {
  const id = createHash('sha256').update(`${snap.content}\0${snap.ino}\0${snap.mtimeMs}`).digest('hex').slice(0, 16)
  return `${file}.takeover-${id}`
}

// ---------------------------------------------------------------------------------------

interface Context {
  host: string
  isAlive: (pid: number) => boolean
}

interface Snapshot {
  content: string
  dev: number
  ino: number
  mtimeMs: number
}

type Verdict =
  | { kind: 'held'; holder: LockHolder } // a live process (or one on another host) holds it
  | { kind: 'ours' } // this process created this very file and holds it
  | { kind: 'stale' } // safe to take over
  | { kind: 'settling' } // unreadable but young: maybe being written right now

async function acquire(dir: string, file: string, options: AcquireOptions): Promise<NotebookLock> {
  const ctx: Context = { host: hostname(), isAlive: options.isAlive ?? isProcessAlive }
  const holder: LockHolder = { pid: process.pid, host: ctx.host, since: (options.now ?? (() => new Date().toISOString()))(), app: options.app }
  const content = `${JSON.stringify(holder, null, 2)}\n`
  const started = Date.now()
  let settlingSince: number | null = null

  for (let attempt = 0; attempt < MAX_ATTEMPTS && Date.now() - started < MAX_ACQUIRE_MS; attempt++) {
    const created = await createExclusive(file, content, { durable: true })
    if (created) {
      await removeLeftovers(dirname(file))
      return makeLock(file, holder, content, created)
    }

    const snap = await readSnapshot(file)
    if (!snap) continue // released or taken over meanwhile: try the create again
    const verdict = judge(snap, ctx)
    switch (verdict.kind) {
      case 'ours':
        throw new Error(`This process already holds the writer lock on the notebook at ${dir} (${file}); release it before acquiring it again.`)
      case 'held':
        throw lockedError(dir, file, verdict.holder, verdict.holder.host === ctx.host)
      case 'settling':
        settlingSince ??= Date.now()
        if (Date.now() - settlingSince > SETTLE_WAIT_MS) {
          throw new DossierError(
            'notebook-locked',
            `The notebook at ${dir} is being opened for writing by another process right now (its lock file ${file} is not written yet). Try again in a few seconds; read-only commands still work.`,
          )
        }
        await pause()
        break
      case 'stale':
        settlingSince = null
        if ((await removeIfUnchanged(file, snap, ctx, 0)) === 'busy') await pause()
        break
    }
  }
  throw new DossierError('notebook-locked', `Could not take the writer lock on the notebook at ${dir}: other processes kept taking it over. Try again.`)
}

function makeLock(file: string, holder: LockHolder, content: string, id: { key: string; ino: number }): NotebookLock {
  let releasing: Promise<void> | undefined
  const release = async (): Promise<void> => {
    const snap = await readSnapshot(file)
    // Delete only our own file: same content and same inode. Nobody else removes a lock
    // whose holder is alive, so it cannot change between this check and the rm.
    if (snap && snap.content === content && snap.ino === id.ino) {
      await rm(file, { force: true })
      await syncDirectory(dirname(file)).catch(() => undefined)
    }
    ownFiles.delete(id.key)
  }
  return {
    file,
    holder: { ...holder },
    release() {
      releasing ??= release().catch((error: unknown) => {
        releasing = undefined // let the caller retry
        throw error
      })
      return releasing
    },
  }
}

function lockedError(dir: string, file: string, holder: LockHolder, sameHost: boolean): DossierError {
  const base = `The notebook at ${dir} is open for writing by ${describeHolder(holder)}. Close it there first; read-only commands still work.`
  const hint = sameHost
    ? ''
    : ` (Whether a process on another computer is still running cannot be checked from here; if Dossier no longer runs on ${holder.host}, delete ${file}.)`
  return new DossierError('notebook-locked', base + hint)
}

function judge(snap: Snapshot, ctx: Context): Verdict {
  const holder = parseHolder(snap.content)
  if (!holder) return Math.abs(Date.now() - snap.mtimeMs) > GARBLED_STALE_MS ? { kind: 'stale' } : { kind: 'settling' }
  if (holder.host !== ctx.host) return { kind: 'held', holder }
  if (holder.pid === process.pid) {
    // Our pid, but not a file we created: a previous process that had the same pid, or a
    // copy of a folder we hold. Either way no live process holds this file.
    return ownFiles.has(fileKey(snap)) ? { kind: 'ours' } : { kind: 'stale' }
  }
  return ctx.isAlive(holder.pid) ? { kind: 'held', holder } : { kind: 'stale' }
}

function parseHolder(content: string): LockHolder | null {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const { pid, host, since, app } = value as Record<string, unknown>
  // pid must be a real process id: kill(0) or kill(-n) would address process groups.
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) return null
  if (typeof host !== 'string' || host === '' || typeof since !== 'string' || typeof app !== 'string') return null
  return { pid, host, since, app }
}

/**
 * Removes `file` if it is still exactly the file `snap` describes, under that file's
 * takeover guard. 'removed': it is gone; 'changed': it was no longer that file; 'busy':
 * another process is taking it over (or a crashed guard was just cleared): retry.
 */
async function removeIfUnchanged(file: string, snap: Snapshot, ctx: Context, depth: number): Promise<'removed' | 'changed' | 'busy'> {
  if (depth > MAX_GUARD_DEPTH) return 'busy'
  const guard = takeoverGuardFile(file, snap)
  const guardContent = JSON.stringify({ pid: process.pid, host: ctx.host, since: new Date().toISOString(), app: 'takeover' })
  const held = await createExclusive(guard, guardContent, { durable: false })
  if (!held) {
    const guardSnap = await readSnapshot(guard)
    if (guardSnap && judge(guardSnap, ctx).kind === 'stale') await removeIfUnchanged(guard, guardSnap, ctx, depth + 1)
    return 'busy'
  }
  try {
    const current = await readSnapshot(file)
    if (!current || !sameFile(current, snap)) return 'changed'
    const aside = `${file}.stale-${parseHolder(snap.content)?.pid ?? 'unreadable'}-${randomBytes(4).toString('hex')}`
    try {
      await rename(file, aside)
    } catch (error) {
      const code = errorCode(error)
      if (code === 'ENOENT') return 'changed'
      // Windows refuses to rename a file another process has open (reading it): retry.
      if (process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) return 'busy'
      throw error
    }
    const moved = await readSnapshot(aside)
    if (moved && !sameFile(moved, snap)) {
      // Cannot happen while the guard protocol holds; never silently drop a live lock.
      try {
        await link(aside, file)
      } catch (error) {
        throw new Error(`Lock takeover moved a live lock aside and could not restore it (${aside} -> ${file}): ${String(error)}`, { cause: error })
      }
      await rm(aside, { force: true })
      return 'changed'
    }
    await rm(aside, { force: true })
    return 'removed'
  } finally {
    ownFiles.delete(held.key)
    // Whatever happened, this guard's file is gone or changed: the guard is garbage now.
    await rm(guard, { force: true }).catch(() => undefined)
  }
}

/** Exclusive create; null when the file exists. The file counts as ours from its creation. */
async function createExclusive(file: string, content: string, options: { durable: boolean }): Promise<{ key: string; ino: number } | null> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, 'wx')
  } catch (error) {
    const code = errorCode(error)
    // Windows reports EPERM for a file that is being deleted: treat it as still there.
    if (code === 'EEXIST' || (process.platform === 'win32' && code === 'EPERM')) return null
    throw error
  }
  let id: { key: string; ino: number } | undefined
  try {
    const st = await handle.stat()
    id = { key: fileKey(st), ino: st.ino }
    ownFiles.add(id.key)
    await handle.writeFile(content)
    if (options.durable) await handle.sync()
    await handle.close()
  } catch (error) {
    await handle.close().catch(() => undefined)
    await rm(file, { force: true }).catch(() => undefined)
    if (id) ownFiles.delete(id.key)
    throw error
  }
  if (options.durable) await syncDirectory(dirname(file))
  return id
}

/** Content and identity of a file read through one handle; null when it does not exist. */
async function readSnapshot(file: string): Promise<Snapshot | null> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, 'r')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
  try {
    const st = await handle.stat()
    const content = await handle.readFile('utf8')
    return { content, dev: st.dev, ino: st.ino, mtimeMs: st.mtimeMs }
  } finally {
    await handle.close()
  }
}

function sameFile(a: Snapshot, b: Snapshot): boolean {
  return a.content === b.content && a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs
}

function fileKey(st: { dev: number; ino: number }): string {
  return `${st.dev}:${st.ino}`
}

/** Best effort: aside files and guards that crashed takeovers left behind, once old. */
async function removeLeftovers(dir: string): Promise<void> {
  try {
    const names = (await readdir(dir)).filter((n) => n.startsWith(`${LOCK_FILE}.stale-`) || n.startsWith(`${LOCK_FILE}.takeover-`))
    for (const name of names) {
      const path = join(dir, name)
      const st = await stat(path).catch(() => null)
      if (st && Date.now() - st.mtimeMs > LEFTOVER_AGE_MS) await rm(path, { force: true }).catch(() => undefined)
    }
  } catch {
    // Leftovers are harmless; never fail an acquire over them.
  }
}

function pause(): Promise<void> {
  return sleep(5 + Math.floor(Math.random() * 20))
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined
}
