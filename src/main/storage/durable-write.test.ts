import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeFileDurably } from './durable-write'

describe('writeFileDurably', () => {
  it('replaces the file and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-durable-'))
    await writeFile(join(dir, 'a.json'), 'old')
    await writeFileDurably(join(dir, 'a.json'), 'new')
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('an aborted signal leaves the target as it was and no temp file, throwing the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-durable-'))
    await writeFile(join(dir, 'a.json'), 'old')
    const controller = new AbortController()
    const reason = new Error('stop')
    let renamed = false
    const write = writeFileDurably(join(dir, 'a.json'), 'new', {
      signal: controller.signal,
      rename: () => {
        renamed = true
        return Promise.resolve()
      },
    })
    controller.abort(reason)
    await expect(write).rejects.toBe(reason)
    expect(renamed).toBe(false)
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['a.json'])
  })

  it('a failing rename hook leaves the target as it was and no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-durable-'))
    await writeFile(join(dir, 'a.json'), 'old')
    const busy = Object.assign(new Error('busy'), { code: 'EBUSY' })
    await expect(writeFileDurably(join(dir, 'a.json'), 'new', { rename: () => Promise.reject(busy) })).rejects.toBe(busy)
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['a.json'])
  })
})
