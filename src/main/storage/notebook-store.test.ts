import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { makeArticleId } from '../../core/ids'
import { SCHEMA_VERSION } from '../../core/model'
import { DossierError } from '../../core/result'
import { CATALOG_FILE, NotebookStore, sha256Hex } from './notebook-store'

const fresh = () => mkdtempSync(join(tmpdir(), 'dossier-store-'))

async function openError(dir: string): Promise<DossierError> {
  const error = await NotebookStore.open(dir).then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(DossierError)
  return error as DossierError
}

describe('NotebookStore', () => {
  it('creates a notebook with the three preloaded tags, durably on disk', async () => {
    const dir = join(fresh(), 'My notebook')
    const store = await NotebookStore.open(dir)
    expect(store.name).toBe('My notebook')
    const onDisk = JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8'))
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION)
    expect(onDisk.tags.map((t: { name: string }) => t.name)).toEqual(['Bases', 'Convoys', 'Negotiations'])
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('refuses to create a notebook when asked only to open one', async () => {
    const error = await NotebookStore.open(join(fresh(), 'missing'), { create: false }).catch((e: DossierError) => e)
    expect(error).toBeInstanceOf(DossierError)
    expect((error as DossierError).code).toBe('not-found')
  })

  it('stores bodies by hash and verifies them on read', async () => {
    const store = await NotebookStore.open(fresh())
    const hash = await store.putBody('Sohtaoğlu reported “30 trucks” — at dawn.')
    expect(hash).toBe(sha256Hex('Sohtaoğlu reported “30 trucks” — at dawn.'))
    expect(await store.readBody(hash)).toBe('Sohtaoğlu reported “30 trucks” — at dawn.')
    writeFileSync(join(store.dir, 'bodies', `${hash}.txt`), 'tampered')
    await expect(store.readBody(hash)).rejects.toThrow(/does not match its checksum/)
  })

  it('applies an update only after it is on disk, and keeps the old state when the save fails', async () => {
    const dir = fresh()
    const store = await NotebookStore.open(dir)
    await store.update((d) => {
      d.tags[0]!.description = 'changed'
    })
    expect(JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8')).tags[0].description).toBe('changed')

    rmSync(dir, { recursive: true }) // the folder vanished (unplugged drive): the save cannot happen
    const failed = await store.update((d) => {
      d.tags[0]!.description = 'lost'
    }).catch((e: DossierError) => e)
    expect(failed).toBeInstanceOf(DossierError)
    expect((failed as DossierError).code).toBe('write-failed')
    expect(store.data.tags[0]!.description).toBe('changed')
  })

  it.each([
    ['empty', ''],
    ['whitespace only', '  \n'],
    ['truncated', '{"schemaVersion":1,"createdAt":"2025-01-01T00:00:00Z","articles":['],
    ['NUL-filled', '\u0000'.repeat(512)],
    ['not JSON', 'hello, I am not a notebook'],
    ['null', 'null'],
    ['schema-invalid', JSON.stringify({ schemaVersion: 1, createdAt: '2025-01-01T00:00:00Z', articles: [{ id: 'nope' }], tags: [], highlights: [] })],
  ])('refuses a %s notebook.json and leaves it byte-for-byte untouched', async (_case, content) => {
    const dir = fresh()
    writeFileSync(join(dir, CATALOG_FILE), content)
    const error = await openError(dir)
    expect(error.code).toBe('notebook-unreadable')
    expect(error.message).toContain(CATALOG_FILE)
    expect(error.message).toMatch(/left untouched/)
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).toBe(content)
  })

  it('refuses a notebook written by a newer Dossier and does not touch it', async () => {
    const dir = fresh()
    const content = JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, createdAt: '2030-01-01T00:00:00Z', articles: [], tags: [], highlights: [], future: true })
    writeFileSync(join(dir, CATALOG_FILE), content)
    const error = await openError(dir)
    expect(error.code).toBe('notebook-newer')
    expect(error.message).toMatch(/newer version of Dossier/)
    expect(readFileSync(join(dir, CATALOG_FILE), 'utf8')).toBe(content)
  })

  it('serialises concurrent updates so none is lost', async () => {
    const dir = fresh()
    const store = await NotebookStore.open(dir)
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((d) => {
          d.tags.push({ id: `t-extra-${i}` as never, name: `Extra ${i}`, color: '#000000', description: '' })
        }),
      ),
    )
    const reopened = await NotebookStore.open(dir)
    expect(reopened.data.tags).toHaveLength(23)
  })

  it('keeps original bytes under originals/ named by their hash', async () => {
    const store = await NotebookStore.open(fresh())
    const bytes = new TextEncoder().encode('original file')
    const saved = await store.putOriginal(bytes, '.TXT')
    expect(saved.path).toBe(`originals/${sha256Hex(bytes)}.txt`)
    expect(readFileSync(join(store.dir, saved.path), 'utf8')).toBe('original file')
    expect(makeArticleId('ABCDEF0123456789')).toBe('a-abcdef0123')
  })

  it.skipIf(process.getuid?.() === 0)('reports a read-only notebook folder as a failed save (skipped as root: root ignores permissions)', async () => {
    const dir = fresh()
    const store = await NotebookStore.open(dir)
    chmodSync(dir, 0o500)
    try {
      await expect(store.update(() => undefined)).rejects.toMatchObject({ code: 'write-failed' })
    } finally {
      chmodSync(dir, 0o700)
    }
    expect(existsSync(join(dir, CATALOG_FILE))).toBe(true)
  })
})
