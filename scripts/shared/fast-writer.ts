/**
 * For building benchmark notebooks only: a FileWriter (the session's `writer` option) that
 * replaces files atomically (temp + rename) but never fsyncs, so building 10,000 articles
 * is not dominated by fsync. The caller runs `sync` when the build is done. Content files
 * (bodies/, originals/) still go through the store's own durable path. Measurements use
 * the store's default, durable writer.
 */
import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { FileWriter } from '../../src/main/storage/durable-write'

export const fastWriter: FileWriter = async (target, data) => {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`)
  const handle = await open(temp, 'w')
  try {
    await handle.writeFile(data)
  } finally {
    await handle.close()
  }
  await rename(temp, target).catch(async (error: unknown) => {
    await rm(temp, { force: true })
    throw error
  })
}
