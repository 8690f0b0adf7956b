/**
 * A full (or read-only) disk under the notebook, as the CLI reports it: a clear one-line
 * error naming the folder, with its own code, the notebook unchanged; never "Unexpected
 * error". The disk is simulated by refusing `open` for writing under one path.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ImportReport } from '../core/api'
import { refusal } from '../main/storage/test-full-disk'
import { runCliIn } from './test-cli'

vi.mock('node:fs/promises', async (importOriginal) => (await import('../main/storage/test-full-disk')).refusingFs(await importOriginal()))

let tmp: string
let nb: string
let id: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])

/** The notebook's files and their contents, to show nothing changed. */
async function snapshot(): Promise<string> {
  const annotations = (await readdir(join(nb, 'annotations'))).sort()
  const files = ['notebook.json', 'catalog.json', ...annotations.map((n) => `annotations/${n}`)]
  return (await Promise.all(files.map(async (f) => `${f}\n${await readFile(join(nb, f), 'utf8')}`))).join('\n')
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-cli-disk-'))
  nb = join(tmp, 'nb')
  await writeFile(join(tmp, 'convoy.txt'), 'Convoy leaves Tartus\n\nTrucks left the naval base at dawn.\n')
  await writeFile(join(tmp, 'ports.txt'), 'Ports reopen\n\nLatakia port reopened to cargo traffic.\n')
  id = (JSON.parse((await dossier('import', 'convoy.txt', '--json')).out) as ImportReport).items[0]!.articleId!
})

afterEach(() => {
  refusal.code = null
})

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('a disk that refuses writes', () => {
  it('a highlight on a full disk: exit 1, "the disk holding … is full", code disk-full, nothing changed', async () => {
    const before = await snapshot()
    refusal.code = 'ENOSPC'
    refusal.under = join(nb, 'annotations')
    const r = await dossier('highlight', id, '--quote', 'the naval base', '--tag', 'Bases', '--json')
    expect(r.code).toBe(1)
    expect(r.err).toBe(`dossier: The disk holding ${join(nb, 'annotations')} is full: ${id}.json could not be written, so nothing was changed. Free some space and try again.\n`)
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: { code: 'disk-full', message: expect.stringContaining('is full') } })
    refusal.code = null
    expect(await snapshot()).toBe(before)
  })

  it('a write that fails before any notebook file (the writer lock) is reported the same way, not as an unexpected error', async () => {
    refusal.code = 'ENOSPC'
    refusal.under = join(nb, '.lock')
    const r = await dossier('highlight', id, '--quote', 'the naval base', '--tag', 'Bases')
    expect(r.code).toBe(1)
    expect(r.err).toBe(`dossier: The disk holding ${nb} is full: .lock could not be written, so nothing was changed. Free some space and try again.\n`)
  })

  it('an import onto a read-only disk: the file fails with read-only-disk, and the command says why', async () => {
    const before = await snapshot()
    refusal.code = 'EROFS'
    refusal.under = join(nb, 'bodies')
    const r = await dossier('import', 'ports.txt', '--json')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.out) as ImportReport & { error: { code: string } }
    expect(report.items[0]).toMatchObject({ status: 'failed', error: { code: 'read-only-disk' } })
    expect(report.error.code).toBe('read-only-disk')
    expect(r.err).toMatch(new RegExp(`^dossier: The disk holding ${join(nb, 'bodies')} is read-only: [0-9a-f]{64}\\.txt could not be written, so nothing was changed\\.\\n$`))
    refusal.code = null
    expect(await snapshot()).toBe(before)
  })
})
