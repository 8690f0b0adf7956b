/**
 * The PDF export through the REAL worker thread, as the built app and CLI run it:
 * pdf-worker.ts is bundled with vite into a temp folder (by ../workers/test-worker-build, as
 * render-in-worker.test does; Node cannot run the .ts entry) and handed to the export as
 * `pdfWorkerUrl`.
 */
import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../core/api'
import { sharedPdfRenderer } from '../pdf/render-in-worker'
import { buildTestPdfWorker, type TestPdfWorker } from '../workers/test-worker-build'
import { exportBriefing, type BriefingContext } from './briefing-ops'
import { openTestNotebook, tempDir, type TestNotebook } from './test-notebook'

let nb: TestNotebook
let ctx: BriefingContext
let out: string
let worker: TestPdfWorker

beforeAll(async () => {
  nb = await openTestNotebook(await tempDir('dossier-export-worker-'))
  out = await tempDir('dossier-export-worker-out-')
  worker = await buildTestPdfWorker('test-export-worker-')
  ctx = { ...nb.ctx, pdfWorkerUrl: worker.url }
}, 60_000)

afterAll(async () => {
  await sharedPdfRenderer(ctx.pdfWorkerUrl).dispose()
  await nb.session.close()
  await worker.remove()
})

describe('PDF export in the worker thread', () => {
  it('writes the PDF, reporting the worker\'s page progress', { timeout: 60_000 }, async () => {
    const path = join(out, 'worker.pdf')
    const progress: JobProgress[] = []
    const result = await exportBriefing(ctx, path, { title: 'From the worker', format: 'pdf' }, { onProgress: (p) => progress.push(p) })
    // Six tagged highlights, two of them under two tags, printed in each section (repeat
    // mode), and the comment-only one in the untagged section.
    expect(result).toEqual({ path, format: 'pdf', pageCount: expect.any(Number), passageCount: 9 })
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(progress.map((p) => p.label)).toContain(`Rendered page ${result.pageCount} of ${result.pageCount}`)
  })

  it('cancel stops the worker mid-render: nothing at the target, no temp file', { timeout: 60_000 }, async () => {
    const path = join(out, 'cancelled.pdf')
    const controller = new AbortController()
    const onProgress = (p: JobProgress) => {
      if (p.label === 'Laying out pages' && p.done > 0) controller.abort()
    }
    await expect(exportBriefing(ctx, path, { format: 'pdf' }, { signal: controller.signal, onProgress })).rejects.toMatchObject({ code: 'canceled', message: 'Export cancelled; nothing was written.' })
    expect(existsSync(path)).toBe(false)
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    // The renderer recovers: the next export works.
    await expect(exportBriefing(ctx, join(out, 'after.pdf'), { format: 'pdf' })).resolves.toMatchObject({ format: 'pdf' })
  })
})
