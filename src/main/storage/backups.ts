/**
 * Verified, rotating backups of a notebook: notebook.json, catalog.json, annotations/,
 * briefings/ (the analyst's briefing documents), ach/ (ACH matrices), trash/ (deleted articles, so undo still
 * works after a restore), and the article texts and original files (bodies/, originals/),
 * so a body deleted or damaged on disk can be recovered. Derived files (analysis/, caches)
 * are rebuilt, not backed up.
 *
 * Layout (since format 4): `backups/objects/<sha256>` holds each distinct file content
 * once, as a real copy (its own blocks: damage to the notebook's file cannot reach it),
 * written durably the first time a backup needs it and never changed; `backups/<id>/
 * backup.json` lists what that backup holds, path -> sha256. A backup therefore copies only
 * what changed since the last one (a day's new highlights, new articles), whatever the
 * notebook's size. Old objects no kept backup refers to are deleted when backups rotate.
 * Bodies and originals are named by their hash: they are read (and checked against it) only
 * the first time they are backed up. Backups made before format 4 held copies inside their
 * own folder (no `layout` field); they are still read, verified and restored from.
 *
 * A backup's manifest is written under `<id>.partial`, every object it names is checked,
 * and only then is the folder renamed to `<id>`: a folder without `.partial` is a
 * complete, verified backup.
 */
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DossierError } from '../../core/result'
import { syncDirectory, writeFileDurably } from './durable-write'
import { ACH_DIR, ANNOTATIONS_DIR, BODIES_DIR, BRIEFINGS_DIR, CATALOG_FILE, CLAIMS_FILE, ENTITIES_FILE, MANIFEST_FILE, ORIGINALS_DIR, OUTLETS_FILE, TRASH_DIR } from './layout'
import { exists } from './safe-moves'

export const BACKUPS_DIR = 'backups'
/** Every backed-up file content, once, named by its sha256. */
export const OBJECTS_DIR = 'objects'
/** How many backups are kept; older ones are deleted after a new one is verified. */
export const BACKUPS_KEPT = 5
/** At most one automatic backup per day of use (and one on quit). */
export const AUTO_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const BackupManifestSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  /** 'objects': contents in backups/objects/. Absent: a backup made before format 4, holding copies in its folder. */
  layout: z.literal('objects').optional(),
  /** Notebook-relative path -> sha256 of its content. */
  files: z.record(z.string(), Sha256),
  /** Articles in its catalog.json (absent before format 4: read from the catalog). */
  articleCount: z.number().int().nonnegative().nullable().optional(),
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

/** Folders whose JSON files are backed up, with the names that belong there. */
const BACKED_UP_FOLDERS: readonly (readonly [string, RegExp])[] = [
  [ANNOTATIONS_DIR, /^a-[0-9a-z]+\.json$/],
  [BRIEFINGS_DIR, /^b-[0-9a-z]+\.json$/],
  [ACH_DIR, /^m-[0-9a-z]+\.json$/],
  [TRASH_DIR, /^a-[0-9a-z]+\.json$/],
]

/** Folders of content-addressed files (named by their sha256), backed up as they are. */
const CONTENT_FOLDERS: readonly (readonly [string, RegExp])[] = [
  [BODIES_DIR, /^[0-9a-f]{64}\.txt$/],
  [ORIGINALS_DIR, /^[0-9a-f]{64}(\.[a-z0-9]{1,10})?$/],
]

/** Whether a notebook-relative path is a content-addressed file (its name is its hash). */
export function isContentFile(file: string): boolean {
  return CONTENT_FOLDERS.some(([sub, pattern]) => file.startsWith(`${sub}/`) && pattern.test(file.slice(sub.length + 1)))
}

/** The notebook's JSON files a backup holds, as notebook-relative paths with `/`. */
export async function backedUpFiles(dir: string): Promise<string[]> {
  const files: string[] = []
  for (const name of [MANIFEST_FILE, CATALOG_FILE, ENTITIES_FILE, OUTLETS_FILE, CLAIMS_FILE]) {
    if (await exists(join(dir, name))) files.push(name)
  }
  return [...files, ...(await listFolders(dir, BACKED_UP_FOLDERS))]
}

async function listFolders(dir: string, folders: readonly (readonly [string, RegExp])[]): Promise<string[]> {
  const files: string[] = []
  for (const [sub, pattern] of folders) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[])
    for (const name of names.sort()) if (pattern.test(name)) files.push(`${sub}/${name}`)
  }
  return files
}

export async function createBackup(dir: string, reason: string, now: () => Date = () => new Date()): Promise<BackupInfo> {
  const createdAt = now().toISOString()
  const id = `${createdAt.replace(/[:.]/g, '-')}-${reason.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}`
  const root = join(dir, BACKUPS_DIR)
  const partial = join(root, `${id}.partial`)
  try {
    await mkdir(join(root, OBJECTS_DIR), { recursive: true })
    const files: Record<string, string> = {}
    /** Objects earlier backups wrote and verified: only the ones written now are read back. */
    const earlier = new Set<string>()
    const keep = async (bytes: Uint8Array) => {
      const hash = sha256(bytes)
      if (await exists(objectPath(root, hash))) earlier.add(hash)
      else await writeFileDurably(objectPath(root, hash), bytes, { directorySync: 'best-effort' })
      return hash
    }
    let articleCount: number | null = null
    for (const file of await backedUpFiles(dir)) {
      const bytes = await readFile(join(dir, file))
      const parsed = parsedOrRefused(file, bytes) // never back up a file that does not parse
      if (file === CATALOG_FILE) articleCount = countArticles(parsed)
      files[file] = await keep(bytes)
    }
    for (const file of await listFolders(dir, CONTENT_FOLDERS)) {
      const hash = file.slice(file.indexOf('/') + 1, file.indexOf('/') + 65)
      if (await exists(objectPath(root, hash))) earlier.add(hash)
      else {
        const bytes = await readFile(join(dir, file))
        // A damaged body or original is not backed up under a hash it no longer has; `dossier check` reports it.
        if (sha256(bytes) !== hash) continue
        await keep(bytes)
      }
      files[file] = hash
    }
    await syncDirectory(join(root, OBJECTS_DIR))
    const manifest: BackupManifest = { id, createdAt, reason, layout: 'objects', files, articleCount }
    await mkdir(partial, { recursive: true })
    await writeFileDurably(join(partial, 'backup.json'), JSON.stringify(manifest, null, 1))
    await verifyBackupFolder(dir, partial, manifest, earlier)
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

/** The file's JSON, or a refusal naming the file, so the analyst knows which one `dossier check` must repair first. */
function parsedOrRefused(file: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new DossierError('write-failed', `Could not back up the notebook: ${file} is damaged (${(error as Error).message}); run "dossier check --repair" (or File > Check Notebook) first.`)
  }
}

function objectPath(root: string, hash: string): string {
  return join(root, OBJECTS_DIR, hash)
}

function countArticles(catalog: unknown): number | null {
  const articles = (catalog as { articles?: unknown } | null)?.articles
  return Array.isArray(articles) ? articles.length : null
}

/** Where backup `id` keeps the content of `file`. */
function backupCopyPath(dir: string, id: string, manifest: BackupManifest, file: string): string {
  const root = join(dir, BACKUPS_DIR)
  return manifest.layout === 'objects' ? objectPath(root, manifest.files[file]!) : join(root, id, file)
}

/** Completed backups, newest first. */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const infos: BackupInfo[] = []
  for (const id of await backupIds(dir)) {
    const info = await describe(dir, id).catch(() => null)
    if (info) infos.push(info)
  }
  return infos
}

/** The ids of the complete backups, newest first. */
export async function backupIds(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, BACKUPS_DIR)).catch(() => [] as string[])
  return names.filter((n) => n !== OBJECTS_DIR && !n.endsWith('.partial')).sort().reverse()
}

/**
 * Re-reads every file of a backup and checks its hash. Throws what is wrong. `checked`
 * (objects already verified in this run) spares reading an object shared by several backups twice.
 */
export async function verifyBackup(dir: string, id: string, checked: Set<string> = new Set()): Promise<BackupManifest> {
  const folder = join(dir, BACKUPS_DIR, id)
  const manifest = await readManifest(folder)
  await verifyBackupFolder(dir, folder, manifest, checked)
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
    if (!Object.hasOwn(manifest.files, file)) continue
    const bytes = await readFile(backupCopyPath(dir, id, manifest, file)).catch(() => null)
    if (!bytes || sha256(bytes) !== manifest.files[file]) continue
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
  const checked = new Set<string>()
  for (const id of await backupIds(dir)) {
    const manifest = await verifyBackup(dir, id, checked).catch(() => null)
    if (manifest) found.push({ id, manifest })
  }
  return found
}

/**
 * Makes the notebook's files those of backup `id`. The caller has backed up the current
 * state first and holds the writer lock. JSON files the backup lacks are removed (they are
 * in the caller's fresh backup); each restored file is written durably. Bodies and
 * originals are never removed: one the notebook lacks is copied back.
 */
export async function restoreFiles(dir: string, id: string): Promise<BackupManifest> {
  const manifest = await verifyBackup(dir, id)
  for (const [sub] of [...BACKED_UP_FOLDERS, ...CONTENT_FOLDERS]) await mkdir(join(dir, sub), { recursive: true })
  // Manifest last, so an interrupted restore is caught by the next open's checks.
  const order = Object.keys(manifest.files)
    .filter((file) => !isContentFile(file))
    .sort((a, b) => Number(a === MANIFEST_FILE) - Number(b === MANIFEST_FILE))
  for (const file of order) {
    await writeFileDurably(join(dir, file), await readFile(backupCopyPath(dir, id, manifest, file)))
  }
  for (const file of await backedUpFiles(dir)) {
    if (!Object.hasOwn(manifest.files, file)) await rm(join(dir, file), { force: true })
  }
  for (const file of Object.keys(manifest.files).filter(isContentFile)) {
    if (!(await exists(join(dir, file)))) await restoreContentFile(dir, { id, manifest }, file)
  }
  for (const [sub] of [...BACKED_UP_FOLDERS, ...CONTENT_FOLDERS]) await syncDirectory(join(dir, sub))
  return manifest
}

/**
 * Copies a content file (a body or an original) back from a backup, after checking it
 * hashes to its name. Returns false when the backup does not hold it intact.
 */
export async function restoreContentFile(dir: string, backup: { id: string; manifest: BackupManifest }, file: string): Promise<boolean> {
  if (!Object.hasOwn(backup.manifest.files, file)) return false
  const bytes = await readFile(backupCopyPath(dir, backup.id, backup.manifest, file)).catch(() => null)
  if (!bytes || sha256(bytes) !== backup.manifest.files[file]) return false
  await mkdir(join(dir, file.slice(0, file.lastIndexOf('/'))), { recursive: true })
  await writeFileDurably(join(dir, file), bytes)
  return true
}

export async function newestBackupAgeMs(dir: string, now: Date = new Date()): Promise<number | null> {
  for (const id of await backupIds(dir)) {
    const manifest = await readManifest(join(dir, BACKUPS_DIR, id)).catch(() => null)
    if (manifest) return now.getTime() - Date.parse(manifest.createdAt)
  }
  return null
}

/** Keeps the newest BACKUPS_KEPT backups; then deletes the objects none of them refers to. */
async function rotateBackups(dir: string): Promise<void> {
  const root = join(dir, BACKUPS_DIR)
  const names = await readdir(root).catch(() => [] as string[])
  for (const stale of names.filter((n) => n.endsWith('.partial'))) await rm(join(root, stale), { recursive: true, force: true })
  const complete = await backupIds(dir)
  for (const old of complete.slice(BACKUPS_KEPT)) await rm(join(root, old), { recursive: true, force: true })
  const referenced = new Set<string>()
  for (const id of complete.slice(0, BACKUPS_KEPT)) {
    const manifest = await readManifest(join(root, id)).catch(() => null)
    // A kept backup whose manifest cannot be read may still refer to anything: delete nothing.
    if (!manifest) return
    if (manifest.layout === 'objects') for (const hash of Object.values(manifest.files)) referenced.add(hash)
  }
  for (const name of await readdir(join(root, OBJECTS_DIR)).catch(() => [] as string[])) {
    if (/^[0-9a-f]{64}$/.test(name) && !referenced.has(name)) await rm(join(root, OBJECTS_DIR, name), { force: true })
  }
}

async function describe(dir: string, id: string): Promise<BackupInfo> {
  const folder = join(dir, BACKUPS_DIR, id)
  const manifest = await readManifest(folder)
  let articleCount = manifest.articleCount ?? null
  if (manifest.articleCount === undefined && Object.hasOwn(manifest.files, CATALOG_FILE)) {
    // A backup made before format 4 did not record the count: read its catalog.
    articleCount = countArticles(JSON.parse(await readFile(backupCopyPath(dir, id, manifest, CATALOG_FILE), 'utf8')))
  }
  return { id, createdAt: manifest.createdAt, reason: manifest.reason, fileCount: Object.keys(manifest.files).length, articleCount }
}

async function readManifest(folder: string): Promise<BackupManifest> {
  const raw = await readFile(join(folder, 'backup.json'), 'utf8').catch(() => {
    throw new DossierError('not-found', `There is no backup at ${folder}.`)
  })
  let parsed: ReturnType<typeof BackupManifestSchema.safeParse>
  try {
    parsed = BackupManifestSchema.safeParse(JSON.parse(raw))
  } catch {
    throw new DossierError('notebook-unreadable', `The backup at ${folder} has a damaged backup.json.`)
  }
  if (!parsed.success) throw new DossierError('notebook-unreadable', `The backup at ${folder} has a damaged backup.json.`)
  return parsed.data
}

async function verifyBackupFolder(dir: string, folder: string, manifest: BackupManifest, checked: Set<string>): Promise<void> {
  for (const [file, hash] of Object.entries(manifest.files)) {
    const path = manifest.layout === 'objects' ? objectPath(join(dir, BACKUPS_DIR), hash) : join(folder, file)
    if (manifest.layout === 'objects' && checked.has(hash)) continue
    const bytes = await readFile(path).catch(() => null)
    if (!bytes || sha256(bytes) !== hash) {
      throw new DossierError('notebook-unreadable', `The backup ${manifest.id} is damaged: ${file} is missing or does not match its checksum.`)
    }
    if (manifest.layout === 'objects') checked.add(hash)
  }
}

/** Backs up when the newest backup is older than a day (AUTO_BACKUP_INTERVAL_MS), or there is none. */
export async function backupIfDue(dir: string, reason: string): Promise<BackupInfo | null> {
  const age = await newestBackupAgeMs(dir)
  return age === null || age > AUTO_BACKUP_INTERVAL_MS ? createBackup(dir, reason) : null
}
