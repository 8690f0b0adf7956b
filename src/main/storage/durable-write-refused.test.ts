import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { diskError, writeFileDurably } from './durable-write'
import { refusal } from './test-full-disk'

vi.mock('node:fs/promises', async (importOriginal) => (await import('./test-full-disk')).refusingFs(await importOriginal()))

afterEach(() => {
  refusal.code = null
})

async function folderWith(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dossier-refused-'))
  await writeFile(join(dir, 'catalog.json'), content)
  return dir
}

describe('writeFileDurably on a disk that refuses the write', () => {
  it('a full disk: disk-full, naming the folder, the target untouched and no temp file left', async () => {
    const dir = await folderWith('old')
    refusal.code = 'ENOSPC'
    refusal.under = dir
    const write = writeFileDurably(join(dir, 'catalog.json'), 'new')
    await expect(write).rejects.toMatchObject({
      name: 'DossierError',
      code: 'disk-full',
      message: `The disk holding ${dir} is full: catalog.json could not be written, so nothing was changed. Free some space and try again.`,
    })
    refusal.code = null
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['catalog.json'])
    await rm(dir, { recursive: true })
  })

  it('a read-only disk and a folder without write permission have their own codes', async () => {
    const dir = await folderWith('old')
    refusal.under = dir
    refusal.code = 'EROFS'
    await expect(writeFileDurably(join(dir, 'catalog.json'), 'new')).rejects.toMatchObject({ code: 'read-only-disk', message: expect.stringContaining(`The disk holding ${dir} is read-only`) })
    refusal.code = 'EACCES'
    await expect(writeFileDurably(join(dir, 'catalog.json'), 'new')).rejects.toMatchObject({ code: 'permission-denied', message: expect.stringContaining(`You may not write in ${dir}`) })
    refusal.code = null
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe('old')
    await rm(dir, { recursive: true })
  })
})

describe('diskError (for errors that reach a boundary raw)', () => {
  const errno = (code: string, syscall: string, path: string) => Object.assign(new Error(code), { code, syscall, path })

  it('maps a full or read-only disk by the error\'s own path', () => {
    expect(diskError(errno('ENOSPC', 'open', '/nb/.lock'))).toMatchObject({ code: 'disk-full', message: expect.stringMatching(/^The disk holding \/nb is full: \.lock could not be written/) })
    expect(diskError(errno('EROFS', 'mkdir', '/nb/annotations'))).toMatchObject({ code: 'read-only-disk' })
  })

  it('takes EACCES as a refused write only from a writing system call, and leaves other errors alone', () => {
    expect(diskError(errno('EACCES', 'mkdir', '/nb/annotations'))).toMatchObject({ code: 'permission-denied' })
    expect(diskError(errno('EACCES', 'open', '/nb/catalog.json'))).toBeNull()
    expect(diskError(errno('ENOENT', 'open', '/nb/catalog.json'))).toBeNull()
    expect(diskError(new Error('ENOSPC: no space left on device'))).toBeNull()
  })
})
