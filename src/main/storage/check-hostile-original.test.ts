/**
 * `dossier check --repair` re-creates a lost body from its original in the import worker,
 * with import's limits: an original that decodes past the buffer cap, or takes longer than
 * the time limit, is refused in one line (the body stays missing, nothing else changes),
 * and the check goes on and finishes.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, inject, it } from 'vitest'
import type { Catalog } from '../../core/model'
import { configureImportExtractor, type ImportExtractorOptions } from '../import/extract-in-worker'
import { deflateRepeated, onePagePdf, zlibWrap } from '../import/test-raw-documents'
import { NotebookSession } from '../notebook-session'
import { checkNotebook } from './check-notebook'

const FONTS = join(import.meta.dirname, '..', '..', '..', 'resources', 'fonts')
const MB = 1024 * 1024
const workerUrl = new URL(inject('extractWorkerUrl'))
const useLimits = (limits: ImportExtractorOptions['limits']) => configureImportExtractor({ workerUrl, limits })

// A one-page PDF whose content stream inflates to 8 MB of spaces around one word: within
// import's 64 MB cap, so it imports, and past a 4 MB cap.
const SPACES_PDF = onePagePdf(zlibWrap(deflateRepeated(Buffer.alloc(0), Buffer.alloc(MB, ' '), 8, Buffer.from('BT /F1 12 Tf 72 720 Td (Harbour) Tj ET'))))

let dir = ''
afterEach(async () => {
  await useLimits({})
  if (dir) rmSync(join(dir, '..'), { recursive: true, force: true })
})

/** A notebook holding the PDF, with its body deleted; returns the body's path. */
async function notebookWithLostBody(): Promise<string> {
  dir = join(mkdtempSync(join(tmpdir(), 'dossier-check-hostile-')), 'nb')
  const session = await NotebookSession.open(dir, { fontsDir: FONTS })
  try {
    const report = await session.importContents([{ name: 'spaces.pdf', bytes: SPACES_PDF }])
    expect(report.items[0]).toMatchObject({ status: 'imported' })
  } finally {
    await session.close()
  }
  const catalog = JSON.parse(readFileSync(join(dir, 'catalog.json'), 'utf8')) as Catalog
  const body = join(dir, 'bodies', `${catalog.articles[0]!.bodyHash}.txt`)
  rmSync(body)
  return body
}

describe('dossier check --repair and a hostile original', () => {
  it('refuses an original that decodes past the buffer cap, in one line, and changes nothing', async () => {
    const body = await notebookWithLostBody()
    await useLimits({ maxBufferBytes: 4 * MB })
    const report = await checkNotebook(dir, { repair: true })
    expect(report.problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/^bodies\/[0-9a-f]{64}\.txt$/),
        repairable: false,
        repair: expect.stringMatching(/^Nothing: it cannot be re-created, because its original file originals\/[0-9a-f]{64}\.pdf cannot be decoded \(spaces\.pdf: a part of it decodes to more than 4 MB; Dossier stopped reading it/),
      }),
    ])
    expect(existsSync(body)).toBe(false)
  })

  it('stops an original that takes longer than the time limit, and the check finishes', async () => {
    const body = await notebookWithLostBody()
    await useLimits({ fileMs: 1 })
    const report = await checkNotebook(dir, { repair: true })
    expect(report.problems).toEqual([expect.objectContaining({ repairable: false, repair: expect.stringMatching(/cannot be decoded \(spaces\.pdf took more than 0\.001 s to read; Dossier stopped reading it/) })])
    expect(existsSync(body)).toBe(false)
    // With import's limits the same original re-creates the body exactly.
    await useLimits({})
    await checkNotebook(dir, { repair: true })
    expect(existsSync(body)).toBe(true)
  })
})
