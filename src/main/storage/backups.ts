/**
 * Verified, rotating backups of everything in a notebook except the immutable bodies and
 * originals (which are content-addressed and never rewritten, so they need no copy).
 *
 * A backup is `backups/<id>/` holding copies of notebook.json, catalog.json,
 * annotations/*.json, briefings/*.json (the analyst's briefing documents) and trash/*.json
 * (deleted articles, so undo still works after a restore), plus `backup.json` listing
 * each file's sha256. It is written under
 * `<id>.partial`, every file is re-read and checked (hash and JSON), and only then is the
 * folder renamed to `<id>`: a folder without `.partial` is a complete, verified backup.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../core/result'
import { syncDirectory, writeFileDurably } from './durable-write'
import { ANNOTATIONS_DIR, BRIEFINGS_DIR, TRASH_DIR } from './layout'
import { exists } from './safe-moves'

export const BACKUPS_DIR = 'backups'
/** How many backups are kept; older ones are deleted after a new one is verified. */
export const BACKUPS_KEPT = 5
/** At most one automatic backup per day of use (and one on quit). */
export const AUTO_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000

const BackupManifestSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
})
export type BackupManifest = z.infer<typeof BackupManifestSchema>

export interface BackupInfo {
  id: string
  createdAt: string
  reason: string
  fileCount: number
  articleCount: number | null
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')

/** The notebook files a backup holds, as notebook-relative paths with `/`. */
export async function backedUpFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  for (const name of ['notebook.json', 'catalog.json']) {
    if (await exists(join(dir, name))) files.push(name)
  }
  for (const [sub, pattern] of BACKED_UP_FOLDERS) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[])
    for (const name of names.sort()) if (pattern.test(name)) files.push(`${sub}/${name}`)
  }
  return files
}

/** Folders whose JSON files are backed up, with the names that belong there. */
const BACKED_UP_FOLDERS: readonly (readonly [string, RegExp])[] = [
  [ANNOTATIONS_DIR, /^a-[0-9a-z]+\.json$/],
  [BRIEFINGS_DIR, /^b-[0-9a-z]+\.json$/],
  [TRASH_DIR, /^a-[0-9a-z]+\.json$/],
]

export async function createBackup(dir: string, reason: string, now: () => Date = () => new Date()): Promise<BackupInfo> {
  const createdAt = now().toISOString()
  const id = `${createdAt.replace(/[:.]/g, '-')}-${reason.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`
  const root = join(dir, BACKUPS_DIR)
  const partial = join(root, `${id}.partial`)
  const files = await backedUpFiles(dir)
  try {
    for (const [sub] of BACKED_UP_FOLDERS) await mkdir(join(partial, sub), { recursive: true })
    const hashes: Record<string, string> = {}
    for (const file of files) {
      const bytes = await readFile(join(dir, file))
      JSON.parse(bytes.toString('utf8')) // never back up a file that does not parse
      hashes[file] = sha256(bytes)
      await writeFileDurably(join(partial, file), bytes)
    }
    const manifest: BackupManifest = { id, createdAt, reason, files: hashes }
    await writeFileDurably(join(partial, 'backup.json'), JSON.stringify(manifest, null, 1))
    await verifyBackupFolder(partial, manifest)
    await rename(partial, join(root, id))
    await syncDirectory(root)
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => undefined)
    if (error instanceof DossierError) throw error
    throw new DossierError('write-failed', `Could not back up the notebook (${(error as Error).message}).`)
  }
  await rotateBackups(dir)
  return describe(dir, id)
}

/** Completed backups, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const root = join(dir, BACKUPS_DIR)
  const names = await readdir(root).catch(() => [] as string[])
  const ids = names.filter((n) => !n.endsWith('.partial')).sort().reverse()
  const infos: BackupInfo[] = []
  for (const id of ids) {
    const info = await describe(dir, id).catch(() => null)
    if (info) infos.push(info)
  }
  return infos
}

/** Re-reads every file of a backup and checks its hash and JSON. Throws what is wrong. */
export async function verifyBackup(dir: string, id: string): Promise<BackupManifest> {
  const folder = join(dir, BACKUPS_DIR, id)
  const manifest = await readManifest(folder)
  await verifyBackupFolder(folder, manifest)
  return manifest
}

/**
 * The newest verified backup holding a copy of `file` (notebook-relative) that parses and
 * passes `validate`, or null. Backups that fail verification, or whose copy is of another
 * format (e.g. taken before a migration), are passed over.
 */
export async function findValidBackupCopy<T>(
  dir: string,
  file: string,
  validate: (value: unknown) => { ok: true; value: T } | { ok: false },
  verified?: readonly { id: string; manifest: BackupManifest }[],
): Promise<{ id: string; bytes: Buffer; value: T } | null> {
  const candidates = verified ?? (await verifiedBackups(dir))
  for (const { id, manifest } of candidates) {
    if (!(file in manifest.files)) continue
    const bytes = await readFile(join(dir, BACKUPS_DIR, id, file)).catch(() => null)
    if (!bytes) continue
    let checked: { ok: true; value: T } | { ok: false }
    try {
      checked = validate(JSON.parse(bytes.toString('utf8')))
    } catch {
      continue
    }
    if (checked.ok) return { id, bytes, value: checked.value }
  }
  return null
}

/** Completed backups that verify, newest first, with their manifests. */
export async function verifiedBackups(dir: string): Promise<{ id: string; manifest: BackupManifest }[]> {
  const found: { id: string; manifest: BackupManifest }[] = []
  for (const backup of await listBackups(dir)) {
    const manifest = await verifyBackup(dir, backup.id).catch(() => null)
    if (manifest) found.push({ id: backup.id, manifest })
  }
  return found
}

/**
 * Makes the notebook's files those of backup `id`. The caller has backed up the current
 * state first and holds the writer lock. Files the backup lacks are removed (they are in
 * the caller's fresh backup); each restored file is written durably.
 */
export async function restoreFiles(dir: string, id: string): Promise<BackupManifest> {
  const manifest = await verifyBackup(dir, id)
  for (const [sub] of BACKED_UP_FOLDERS) await mkdir(join(dir, sub), { recursive: true })
  // Manifest last, so an interrupted restore is caught by the next open's checks.
  const order = Object.keys(manifest.files).sort((a, b) => Number(a === 'notebook.json') - Number(b === 'notebook.json'))
  for (const file of order) {
    await writeFileDurably(join(dir, file), await readFile(join(dir, BACKUPS_DIR, id, file)))
  }
  for (const file of await backedUpFiles(dir)) {
    if (!(file in manifest.files)) await rm(join(dir, file), { force: true })
  }
  for (const [sub] of BACKED_UP_FOLDERS) await syncDirectory(join(dir, sub))
  return manifest
}

export async function newestBackupAgeMs(dir: string, now: Date = new Date()): Promise<number | null> {
  const [newest] = await listBackups(dir)
  return newest ? now.getTime() - Date.parse(newest.createdAt) : null
}

async function rotateBackups(dir: string): Promise<void> {
  const root = join(dir, BACKUPS_DIR)
  const names = await readdir(root).catch(() => [] as string[])
  for (const stale of names.filter((n) => n.endsWith('.partial'))) await rm(join(root, stale), { recursive: true, force: true })
  const complete = names.filter((n) => !n.endsWith('.partial')).sort().reverse()
  for (const old of complete.slice(BACKUPS_KEPT)) await rm(join(root, old), { recursive: true, force: true })
}

async function describe(dir: string, id: string): Promise<BackupInfo> {
  const folder = join(dir, BACKUPS_DIR, id)
  const manifest = await readManifest(folder)
  let articleCount: number | null = null
  if ('catalog.json' in manifest.files) {
    const catalog = JSON.parse(await readFile(join(folder, 'catalog.json'), 'utf8')) as { articles?: unknown[] }
    articleCount = Array.isArray(catalog.articles) ? catalog.articles.length : null
  }
  return { id, createdAt: manifest.createdAt, reason: manifest.reason, fileCount: Object.keys(manifest.files).length, articleCount }
}

async function readManifest(folder: string): Promise<BackupManifest> {
  const raw = await readFile(join(folder, 'backup.json'), 'utf8').catch(() => {
    throw new DossierError('not-found', `There is no backup at ${folder}.`)
  })
  const parsed = BackupManifestSchema.safeParse(JSON.parse(raw))
  if (!parsed.success) throw new DossierError('notebook-unreadable', `The backup at ${folder} has a damaged backup.json.`)
  return parsed.data
}

async function verifyBackupFolder(folder: string, manifest: BackupManifest): Promise<void> {
  for (const [file, hash] of Object.entries(manifest.files)) {
    const bytes = await readFile(join(folder, file)).catch(() => null)
    if (!bytes || sha256(bytes) !== hash) {
      throw new DossierError('notebook-unreadable', `The backup ${manifest.id} is damaged: ${file} is missing or does not match its checksum.`)
    }
  }
}
