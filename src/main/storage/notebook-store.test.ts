import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import { emptyAnalysisFields, SCHEMA_VERSION, type Highlight } from '../../core/model'
import { type DossierError } from '../../core/result'
import { createBackup, listBackups } from './backups'
import { COUNTS_FILE } from './highlight-counts'
import { annotationFileFor, CATALOG_FILE, MANIFEST_FILE, NotebookStore, sha256Hex } from './notebook-store'

const fresh = () => join(mkdtempSync(join(tmpdir(), 'dossier-store-')), 'nb')
const ARTICLE_ID = 'a-0000000001' as ArticleId

const article = (bodyHash: string) => ({
  id: ARTICLE_ID,
  title: 'Convoy turned back',
  outlet: null,
  author: null,
  published: null,
  url: null,
  metaSources: {},
  bodyHash,
  wordCount: 3,
  charCount: 20,
  importedAt: '2026-11-21T10:00:00.000Z',
  ...emptyAnalysisFields(),
  source: { fileName: 'a.txt', format: 'txt' as const, originalFile: `originals/${bodyHash}.txt`, originalHash: bodyHash },
})
const highlight = (n: number): Highlight => ({
  id: `h-${String(n).padStart(10, '0')}` as HighlightId,
  articleId: ARTICLE_ID,
  target: { start: 0, end: 6, exact: 'Convoy', prefix: '', suffix: ' turned' },
  tagIds: ['t-convoys' as TagId],
  comment: `note ${n}`,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
})

/** Where a backup keeps its copy of a file (backups/objects/<sha256>). */
const backupCopy = (dir: string, id: string, file: string) =>
  join(dir, 'backups', 'objects', (JSON.parse(readFileSync(join(dir, 'backups', id, 'backup.json'), 'utf8')) as { files: Record<string, string> }).files[file]!)

/** A notebook with one article and `n` highlights, closed (lock released). */
async function populated(n = 2): Promise<string> {
  const dir = fresh()
  const store = await NotebookStore.open(dir)
  const hash = await store.putBody('Convoy turned back.')
  await store.updateCatalog((c) => c.articles.push(article(hash)))
  for (let i = 1; i <= n; i++) await store.updateHighlights(ARTICLE_ID, (hs) => hs.push(highlight(i)))
  await store.close()
  return dir
}

describe('NotebookStore: layout and saves', () => {
  it('creates manifest (with the three tags) and catalog, durably, and no temp files', async () => {
    const dir = fresh()
    const store = await NotebookStore.open(dir)
    await store.close()
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))
    expect(manifest.schemaVersion).toBe(SCHEMA_VERSION)
    expect(manifest.tags.map((t: { name: string }) => t.name)).toEqual(['Bases', 'Convoys', 'Negotiations'])
    expect(JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8'))).toEqual({ articles: [] })
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('writes a highlight change to that article\'s annotation file only', async () => {
    const dir = await populated(2)
    const catalogBefore = readFileSync(join(dir, CATALOG_FILE), 'utf8')
    const store = await NotebookStore.open(dir)
    await store.updateHighlights(ARTICLE_ID, (hs) => hs.push(highlight(3)))
    await store.close()
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).toBe(catalogBefore)
    const file = JSON.parse(readFileSync(join(dir, annotationFileFor(ARTICLE_ID)), 'utf8'))
    expect(file.highlights.map((h: Highlight) => h.comment)).toEqual(['note 1', 'note 2', 'note 3'])
  })

  it('keeps the old state in memory when a save fails, and reports it', async () => {
    const dir = await populated(1)
    const store = await NotebookStore.open(dir)
    await store.loadHighlights(ARTICLE_ID)
    rmSync(join(dir, 'annotations'), { recursive: true }) // the folder vanished: the save cannot land
    const failed = await store.updateHighlights(ARTICLE_ID, (hs) => hs.push(highlight(2))).catch((e: DossierError) => e)
    expect(failed).toMatchObject({ code: 'write-failed' })
    expect((await store.loadHighlights(ARTICLE_ID)).map((h) => h.comment)).toEqual(['note 1'])
    await store.close()
  })

  it('serialises concurrent saves of one file so none is lost', async () => {
    const dir = await populated(0)
    const store = await NotebookStore.open(dir)
    await Promise.all(Array.from({ length: 25 }, (_, i) => store.updateHighlights(ARTICLE_ID, (hs) => hs.push(highlight(i + 1)))))
    await store.close()
    const reopened = await NotebookStore.open(dir, { readOnly: true })
    expect(reopened.highlightCount(ARTICLE_ID)).toBe(25)
  })

  it('verifies stored text against its hash', async () => {
    const dir = await populated(0)
    const store = await NotebookStore.open(dir)
    const hash = store.articles[0]!.bodyHash
    expect(await store.readBody(hash)).toBe('Convoy turned back.')
    writeFileSync(join(dir, 'bodies', `${hash}.txt`), 'tampered')
    await expect(store.readBody(hash)).rejects.toThrow(/does not match its checksum/)
    rmSync(join(dir, 'bodies', `${hash}.txt`))
    await expect(store.readBody(hash)).rejects.toThrow(/missing or unreadable.*dossier check/)
    await store.close()
  })
})

const DAMAGE: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \n'],
  ['truncated', '{"schemaVersion":2,"createdAt":"2026-11-21T10:00:00.000Z","tags":[{"id":"t-ba'],
  ['NUL-filled', '\u0000'.repeat(300)],
  ['not JSON', 'this is not a notebook'],
  ['null', 'null'],
  ['schema-invalid', JSON.stringify({ schemaVersion: SCHEMA_VERSION, createdAt: '2026-11-21T10:00:00.000Z', tags: [{ id: 'nope' }], articles: [{ id: 1 }], highlights: 'x' })],
]

describe('NotebookStore: a damaged file is moved aside, restored from the newest backup, and reported', () => {
  for (const file of [MANIFEST_FILE, CATALOG_FILE, annotationFileFor(ARTICLE_ID)]) {
    it.each(DAMAGE)(`${file}: %s`, async (_case, content) => {
      const dir = await populated(2)
      const good = readFileSync(join(dir, file), 'utf8')
      const backup = await createBackup(dir, 'test')
      writeFileSync(join(dir, file), content)

      const store = await NotebookStore.open(dir)
      // Annotation files are read when first needed (the counts come from their cache).
      if (file.startsWith('annotations/')) await store.loadHighlights(ARTICLE_ID)
      const [recovered] = store.openReport.recovered
      expect(recovered).toMatchObject({ file, restoredFrom: backup.id })
      expect(recovered!.movedTo).toMatch(new RegExp(`^${file.replace('/', '\\/')}\\.corrupt-`))
      expect(readFileSync(join(dir, recovered!.movedTo), 'utf8')).toBe(content) // kept, byte for byte
      expect(readFileSync(join(dir, file), 'utf8')).toBe(good)
      expect(store.articles).toHaveLength(1)
      expect(store.highlightCount(ARTICLE_ID)).toBe(2)
      await store.close()
    })
  }

  it('says so when no backup holds a readable copy, and keeps the damaged file', async () => {
    const dir = await populated(2)
    writeFileSync(join(dir, annotationFileFor(ARTICLE_ID)), '{"articleId": "a-0000000001", "highl')
    const store = await NotebookStore.open(dir)
    await store.loadHighlights(ARTICLE_ID)
    expect(store.openReport.recovered).toEqual([expect.objectContaining({ file: annotationFileFor(ARTICLE_ID), restoredFrom: null, problem: expect.stringMatching(/not valid JSON/) })])
    expect(store.highlightCount(ARTICLE_ID)).toBe(0)
    expect(existsSync(join(dir, store.openReport.recovered[0]!.movedTo))).toBe(true)
    await store.close()
  })

  it('refuses, without moving anything, when opened read-only', async () => {
    const dir = await populated(1)
    writeFileSync(join(dir, CATALOG_FILE), 'null')
    const error = await NotebookStore.open(dir, { readOnly: true }).catch((e: DossierError) => e)
    expect(error).toMatchObject({ code: 'notebook-unreadable', message: expect.stringMatching(/catalog\.json holds null.*Nothing was changed/) })
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).toBe('null')
    expect(readdirSync(dir).some((n) => n.includes('.corrupt-'))).toBe(false)
  })

  it('never restores a backup file that does not match the current format', async () => {
    const dir = await populated(1)
    mkdirSync(join(dir, 'backups', '2000-01-01T00-00-00-000Z-old'), { recursive: true })
    const oldBackup = join(dir, 'backups', '2000-01-01T00-00-00-000Z-old')
    writeFileSync(join(oldBackup, CATALOG_FILE), '{"articles": [{"id": 5}]}')
    writeFileSync(join(oldBackup, 'backup.json'), JSON.stringify({ id: 'x', createdAt: '2000-01-01T00:00:00.000Z', reason: 'old', files: { [CATALOG_FILE]: sha256Hex('{"articles": [{"id": 5}]}') } }))
    writeFileSync(join(dir, CATALOG_FILE), '')
    const store = await NotebookStore.open(dir)
    expect(store.openReport.recovered[0]).toMatchObject({ file: CATALOG_FILE, restoredFrom: null })
    await store.close()
  })
})

describe('NotebookStore: other bad states', () => {
  it('refuses a notebook written by a newer Dossier and does not touch it', async () => {
    const dir = await populated(0)
    const content = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, createdAt: '2030-01-01T00:00:00Z', tags: [], future: true })
    writeFileSync(join(dir, MANIFEST_FILE), content)
    const error = await NotebookStore.open(dir).catch((e: DossierError) => e)
    expect(error).toMatchObject({ code: 'notebook-newer', message: expect.stringMatching(/newer version of Dossier.*left untouched/) })
    expect(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).toBe(content)
    expect(existsSync(join(dir, '.lock'))).toBe(false)
  })

  it('removes temp files an interrupted save left, and says so', async () => {
    const dir = await populated(1)
    writeFileSync(join(dir, `.${CATALOG_FILE}.99999.deadbeef.tmp`), '{"articles": [')
    writeFileSync(join(dir, 'annotations', `.${ARTICLE_ID}.json.99999.cafe.tmp`), '')
    const store = await NotebookStore.open(dir)
    expect(store.openReport.removedTempFiles).toBe(2)
    expect(store.openReport.recovered).toEqual([])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
    await store.close()
  })

  it('refuses to create a notebook when asked only to open one', async () => {
    await expect(NotebookStore.open(fresh(), { create: false })).rejects.toMatchObject({ code: 'not-found' })
    await expect(NotebookStore.open(fresh(), { readOnly: true })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('lets one process write: a second writer is refused with the holder named, a reader is not', async () => {
    const dir = await populated(1)
    // A lock held by our parent process: alive, on this host.
    writeFileSync(join(dir, '.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-11-21T09:00:00.000Z', app: 'Dossier app' }))
    const error = await NotebookStore.open(dir).catch((e: DossierError) => e)
    expect(error).toMatchObject({ code: 'notebook-locked', message: expect.stringContaining(String(process.ppid)) })
    const reader = await NotebookStore.open(dir, { readOnly: true })
    expect(reader.highlightCount(ARTICLE_ID)).toBe(1)
    await expect(reader.updateCatalog(() => undefined)).rejects.toMatchObject({ code: 'forbidden' })
    rmSync(join(dir, '.lock'))
  })

  it('releases the lock on close so the notebook can be opened again', async () => {
    const dir = await populated(0)
    const first = await NotebookStore.open(dir)
    await first.close()
    const second = await NotebookStore.open(dir)
    await second.close()
    expect(existsSync(join(dir, '.lock'))).toBe(false)
  })
})

describe('migration from format 1 (frozen fixture written by Dossier 0.1 / issue 2)', () => {
  const FIXTURE = join(import.meta.dirname, 'fixtures', 'notebook-v1')

  it('splits the old notebook.json, keeps every article, tag and highlight, and backs up first', async () => {
    const dir = fresh()
    cpSync(FIXTURE, dir, { recursive: true })
    const v1 = JSON.parse(readFileSync(join(FIXTURE, 'notebook.json'), 'utf8'))

    const store = await NotebookStore.open(dir)
    expect(store.openReport.migratedFrom).toBe(1)
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION)
    // Through both migrations: 1 -> 2 splits the file, 2 -> 3 adds the analysis fields.
    expect(store.articles).toEqual(v1.articles.map((a: { source: { format: string } }) => ({ ...a, ...emptyAnalysisFields(), format: a.source.format })))
    expect(store.tags).toEqual(v1.tags)
    expect((await store.allHighlights()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([...v1.highlights].sort((a, b) => a.id.localeCompare(b.id)))
    for (const a of store.articles) expect((await store.readBody(a.bodyHash)).length).toBe(a.charCount)

    const [backup] = await listBackups(dir)
    expect(backup?.reason).toBe('before-migration-v1')
    expect(readFileSync(backupCopy(dir, backup!.id, 'notebook.json'), 'utf8')).toBe(readFileSync(join(FIXTURE, 'notebook.json'), 'utf8'))
    await store.close()

    const again = await NotebookStore.open(dir)
    expect(again.openReport.migratedFrom).toBeNull()
    await again.close()
  })

  it('refuses to migrate a read-only open, and changes nothing', async () => {
    const dir = fresh()
    cpSync(FIXTURE, dir, { recursive: true })
    await expect(NotebookStore.open(dir, { readOnly: true })).rejects.toThrow(/older format/)
    expect(readFileSync(join(dir, 'notebook.json'), 'utf8')).toBe(readFileSync(join(FIXTURE, 'notebook.json'), 'utf8'))
    expect(existsSync(join(dir, CATALOG_FILE))).toBe(false)
  })
})

describe('migration from format 2 (frozen fixture written by the format-2 CLI / issue 3)', () => {
  const FIXTURE = join(import.meta.dirname, 'fixtures', 'notebook-v2')

  it('gives every article the analysis fields without reading bodies, keeps tags and highlights, and backs up first', async () => {
    const dir = fresh()
    cpSync(FIXTURE, dir, { recursive: true })
    const v2 = JSON.parse(readFileSync(join(FIXTURE, CATALOG_FILE), 'utf8'))
    const manifest = JSON.parse(readFileSync(join(FIXTURE, MANIFEST_FILE), 'utf8'))
    const annotations = readdirSync(join(FIXTURE, 'annotations')).sort()
    // A migration must not need bodies: move them away while it runs.
    renameSync(join(dir, 'bodies'), join(dir, 'bodies-away'))

    const store = await NotebookStore.open(dir)
    expect(store.openReport.migratedFrom).toBe(2)
    expect(store.openReport.recovered).toEqual([])
    const migrated = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))
    expect(migrated).toEqual({ ...manifest, schemaVersion: SCHEMA_VERSION })
    expect(store.articles).toHaveLength(2)
    expect(store.articles).toEqual(v2.articles.map((a: object) => ({ ...a, format: 'txt', language: null, encoding: null, flags: [], rewrites: [], metaEdited: [] })))
    expect(store.tags).toEqual(manifest.tags)
    for (const name of annotations) expect(readFileSync(join(dir, 'annotations', name), 'utf8')).toBe(readFileSync(join(FIXTURE, 'annotations', name), 'utf8'))
    const highlights = await store.allHighlights()
    expect(highlights.map((h) => h.target.exact).sort()).toEqual(['Three supply ships left the northern harbour', 'discuss the terms of a lease'])

    const [backup] = await listBackups(dir)
    expect(backup?.reason).toBe('before-migration-v2')
    expect(readFileSync(backupCopy(dir, backup!.id, CATALOG_FILE), 'utf8')).toBe(readFileSync(join(FIXTURE, CATALOG_FILE), 'utf8'))
    await store.close()

    renameSync(join(dir, 'bodies-away'), join(dir, 'bodies'))
    const again = await NotebookStore.open(dir)
    expect(again.openReport.migratedFrom).toBeNull()
    for (const a of again.articles) expect((await again.readBody(a.bodyHash)).length).toBe(a.charCount)
    await again.close()
  })

  it('an interrupted migration (catalog written, manifest not) runs again and gives the same result', async () => {
    const dir = fresh()
    cpSync(FIXTURE, dir, { recursive: true })
    const v3Catalog = JSON.parse(readFileSync(join(FIXTURE, CATALOG_FILE), 'utf8'))
    // What migration 2 -> 3 writes (format 3 still had furniture and fingerprint in the catalog).
    v3Catalog.articles = v3Catalog.articles.map((a: object) => ({ ...a, ...emptyAnalysisFields(), furniture: [], fingerprint: null }))
    writeFileSync(join(dir, CATALOG_FILE), JSON.stringify(v3Catalog))
    const store = await NotebookStore.open(dir)
    expect(store.openReport.migratedFrom).toBe(2)
    expect(store.articles).toEqual(v3Catalog.articles.map(({ furniture: _f, fingerprint: _p, ...a }: { furniture: unknown; fingerprint: unknown }) => a))
    await store.close()
  })
})

describe('migration from format 3 (frozen fixture written by the format-3 CLI / issue 4)', () => {
  const FIXTURE = join(import.meta.dirname, 'fixtures', 'notebook-v3')

  it('moves furniture out of the catalog into analysis files, drops old fingerprints, keeps everything else, reads no body', async () => {
    const dir = fresh()
    cpSync(FIXTURE, dir, { recursive: true })
    const v3 = JSON.parse(readFileSync(join(FIXTURE, CATALOG_FILE), 'utf8'))
    const manifest = JSON.parse(readFileSync(join(FIXTURE, MANIFEST_FILE), 'utf8'))
    renameSync(join(dir, 'bodies'), join(dir, 'bodies-away'))

    const store = await NotebookStore.open(dir)
    expect(store.openReport.migratedFrom).toBe(3)
    expect(JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'))).toEqual({ ...manifest, schemaVersion: 4 })
    expect(store.articles.map((a) => a.id)).toEqual(v3.articles.map((a: { id: string }) => a.id))
    for (const [i, a] of store.articles.entries()) {
      const { furniture, fingerprint, ...kept } = v3.articles[i]
      expect(fingerprint.version).toBe(1)
      // Format 3 accepted a javascript: URL (through restoreArticleMeta); format 4 clears it.
      if (kept.url?.startsWith('javascript:')) expect(a).toEqual({ ...kept, url: null })
      else expect(a).toEqual(kept)
      expect(await store.readAnalysis(a.bodyHash)).toEqual({ bodyHash: a.bodyHash, furniture, fingerprint: null })
    }
    expect((await store.readAnalysis(store.articles[0]!.bodyHash))?.furniture).toEqual([expect.objectContaining({ kind: 'copyright' })])
    expect(v3.articles.map((a: { url: string | null }) => a.url)).toContain('javascript:alert(document.domain)')
    expect(store.articles.map((a) => a.url)).toEqual([null, null])
    // The catalog is written compact.
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).not.toContain('\n')
    expect((await store.allHighlights()).map((h) => h.target.exact)).toEqual(['began loading armoured vehicles'])
    await store.close()
    renameSync(join(dir, 'bodies-away'), join(dir, 'bodies'))
  })

  it('an interrupted migration (analysis files written, catalog not) runs again and gives the same result', async () => {
    const dir = fresh()
    cpSync(FIXTURE, dir, { recursive: true })
    mkdirSync(join(dir, 'analysis'))
    const first = JSON.parse(readFileSync(join(FIXTURE, CATALOG_FILE), 'utf8')).articles[0]
    writeFileSync(join(dir, 'analysis', `${first.bodyHash}.json`), JSON.stringify({ bodyHash: first.bodyHash, furniture: first.furniture, fingerprint: null }))
    const store = await NotebookStore.open(dir)
    expect(store.openReport.migratedFrom).toBe(3)
    expect(await store.readAnalysis(first.bodyHash)).toEqual({ bodyHash: first.bodyHash, furniture: first.furniture, fingerprint: null })
    expect(store.articles).toHaveLength(2)
    await store.close()
  })
})

describe('opening without reading every annotation file (highlight-counts.json)', () => {
  const age = (dir: string, file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000)
    utimesSync(join(dir, file), t, t)
  }

  it('writes the count cache on close and trusts it for files unchanged since', async () => {
    const dir = await populated(3)
    // Three highlights, each tagged Convoys (highlight() in this file).
    expect(JSON.parse(readFileSync(join(dir, COUNTS_FILE), 'utf8')).counts).toEqual({ [ARTICLE_ID]: [3, 't-convoys', 3] })
    age(dir, annotationFileFor(ARTICLE_ID), 60) // saved a minute before the cache was written
    // Damage the file without touching its time: a lazy open must not even read it yet...
    writeFileSync(join(dir, annotationFileFor(ARTICLE_ID)), '{"articleId"')
    age(dir, annotationFileFor(ARTICLE_ID), 60)
    const store = await NotebookStore.open(dir)
    expect(store.highlightCount(ARTICLE_ID)).toBe(3)
    expect(store.openReport.recovered).toEqual([])
    // ...and reading the highlights finds the damage, keeps the file, and says so.
    await store.loadHighlights(ARTICLE_ID)
    expect(store.openReport.recovered).toEqual([expect.objectContaining({ file: annotationFileFor(ARTICLE_ID) })])
    await store.close()
  })

  it('reads a file replaced after the cache was written (as every save does), so counts are not stale', async () => {
    const dir = await populated(2)
    const file = JSON.parse(readFileSync(join(dir, annotationFileFor(ARTICLE_ID)), 'utf8'))
    file.highlights.push(highlight(9))
    // Another writer's save: a new file renamed over the old one (the folder's mtime changes).
    writeFileSync(join(dir, 'annotations', '.next.tmp'), JSON.stringify(file))
    renameSync(join(dir, 'annotations', '.next.tmp'), join(dir, annotationFileFor(ARTICLE_ID)))
    const store = await NotebookStore.open(dir, { readOnly: true })
    expect(store.highlightCount(ARTICLE_ID)).toBe(3)
    expect(store.tagHighlightCounts().get('t-convoys' as TagId)).toBe(3)
  })

  it('a read-only open that had to read the files writes the cache, unless a file could not be read', async () => {
    const dir = await populated(2)
    rmSync(join(dir, COUNTS_FILE)) // as after copying the notebook: nothing to trust
    const first = await NotebookStore.open(dir, { readOnly: true })
    expect(first.highlightCount(ARTICLE_ID)).toBe(2)
    await first.close()
    expect(JSON.parse(readFileSync(join(dir, COUNTS_FILE), 'utf8')).counts).toEqual({ [ARTICLE_ID]: [2, 't-convoys', 2] })

    rmSync(join(dir, COUNTS_FILE))
    writeFileSync(join(dir, annotationFileFor(ARTICLE_ID)), '{"articleId": ') // damaged: skipped, read-only
    const damaged = await NotebookStore.open(dir, { readOnly: true })
    expect(damaged.openReport.skipped).toHaveLength(1)
    await damaged.close()
    expect(existsSync(join(dir, COUNTS_FILE))).toBe(false)
  })

  it('counts highlights per tag from the cache without reading any annotation file', async () => {
    const dir = await populated(3)
    age(dir, annotationFileFor(ARTICLE_ID), 60)
    rmSync(join(dir, annotationFileFor(ARTICLE_ID))) // gone: only the cache can answer
    utimesSync(join(dir, 'annotations'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    const cache = JSON.parse(readFileSync(join(dir, COUNTS_FILE), 'utf8'))
    writeFileSync(join(dir, COUNTS_FILE), JSON.stringify({ ...cache, annotationsMtimeMs: statSync(join(dir, 'annotations')).mtimeMs }))
    const store = await NotebookStore.open(dir, { readOnly: true })
    expect(store.highlightCount(ARTICLE_ID)).toBe(3)
    expect(store.tagHighlightCounts()).toEqual(new Map([['t-convoys', 3]]))
  })

  it.each([
    ['a negative count', [-3, 't-convoys', 3]],
    ['a fractional tag count', [3, 't-convoys', 2.5]],
    ['not a row', 'three'],
  ])('reads the annotation file of an article whose cached row holds %s, and trusts the rest', async (_case, row) => {
    const dir = await populated(2)
    utimesSync(join(dir, 'annotations'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    const cache = JSON.parse(readFileSync(join(dir, COUNTS_FILE), 'utf8'))
    const counts = { ...cache.counts, [ARTICLE_ID]: row }
    writeFileSync(join(dir, COUNTS_FILE), JSON.stringify({ ...cache, counts, annotationsMtimeMs: statSync(join(dir, 'annotations')).mtimeMs }))
    const store = await NotebookStore.open(dir, { readOnly: true })
    expect(store.highlightCount(ARTICLE_ID)).toBe(2)
    expect(store.tagHighlightCounts().get('t-convoys' as TagId)).toBe(2)
  })

  it.each([
    ['missing', null],
    ['damaged', '{"version": 1, "writtenAt": '],
    ['from the future', JSON.stringify({ version: 3, writtenAt: 0, annotationsMtimeMs: null, counts: {} })],
    ['of the old version', JSON.stringify({ version: 1, writtenAt: Date.now(), counts: { [ARTICLE_ID]: 7 } })],
  ])('reads every annotation file when the cache is %s', async (_case, content) => {
    const dir = await populated(2)
    if (content === null) rmSync(join(dir, COUNTS_FILE))
    else writeFileSync(join(dir, COUNTS_FILE), content)
    age(dir, annotationFileFor(ARTICLE_ID), 60)
    const store = await NotebookStore.open(dir, { readOnly: true })
    expect(store.highlightCount(ARTICLE_ID)).toBe(2)
    expect(await store.allHighlights()).toHaveLength(2)
  })
})
