/**
 * The import extractor with the REAL worker (bundled once per run by the vitest global
 * setup), limits set low so that small files cross them: every way a file can be stopped
 * fails that file alone, with its reason, and the next file is read.
 */
import { inject, describe, expect, it } from 'vitest'
import { ImportExtractor, type ImportExtractorOptions } from './extract-in-worker'
import { makePdf } from './test-documents'
import { deflateRepeated, onePagePdf, zlibWrap } from './test-raw-documents'

const workerUrl = new URL(inject('extractWorkerUrl'))
const MB = 1024 * 1024
const text = (s: string) => new TextEncoder().encode(s)
const ARTICLE = 'Harbour lease signed\n\nThe port authority signed a new lease for the northern quay on Monday, ending two years of talks.\n'

/** Runs `body` with an extractor whose limits are changed by `limits`, and always disposes it. */
async function withExtractor(limits: ImportExtractorOptions['limits'], body: (extractor: ImportExtractor) => Promise<void>): Promise<void> {
  const extractor = new ImportExtractor({ workerUrl, limits })
  try {
    await body(extractor)
  } finally {
    await extractor.dispose()
  }
}

const pages = (n: number) =>
  makePdf((doc) => {
    for (let i = 0; i < n; i++) {
      if (i > 0) doc.addPage()
      doc.text(`Page ${i + 1}. The port authority signed a new lease for the northern quay on Monday.`)
    }
  })

describe('ImportExtractor', () => {
  it('extracts and drafts a file in the worker, handing the text over as UTF-8 bytes', async () => {
    await withExtractor({}, async (extractor) => {
      const prepared = await extractor.prepare(text(ARTICLE.replace('Monday', 'Montag — ğ')), 'lease.txt')
      const body = new TextDecoder().decode(prepared.body)
      expect(body).toContain('Montag — ğ')
      expect(prepared.draft).toMatchObject({ title: 'Harbour lease signed', charCount: body.length })
      expect(prepared.doc).toMatchObject({ format: 'txt', encoding: 'utf-8' })
    })
  })

  it("leaves the caller's bytes intact (they are stored as the original), whatever kind of buffer holds them", async () => {
    await withExtractor({}, async (extractor) => {
      const long = ARTICLE + 'The lease runs for forty-nine years. '.repeat(300)
      const neighbour = Buffer.from('a small buffer in the same pool')
      for (const bytes of [Buffer.from(ARTICLE), Buffer.from(long), text(long), text(`xx${long}`).subarray(2)]) {
        await extractor.prepare(bytes, 'lease.txt')
        expect(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString()).toMatch(/^Harbour lease signed/)
      }
      expect(neighbour.toString()).toBe('a small buffer in the same pool')
    })
  })

  it('stops a PDF stream that decodes past the buffer cap, then reads the next file', async () => {
    await withExtractor({ maxBufferBytes: 4 * MB }, async (extractor) => {
      const spaces = zlibWrap(deflateRepeated(Buffer.alloc(0), Buffer.alloc(MB, ' '), 32, Buffer.from('BT /F1 12 Tf 72 720 Td (x) Tj ET')))
      await expect(extractor.prepare(onePagePdf(spaces), 'bomb.pdf')).rejects.toMatchObject({
        code: 'too-large',
        message: 'bomb.pdf: a part of it decodes to more than 4 MB; Dossier stopped reading it (a damaged or hostile file?).',
      })
      expect((await extractor.prepare(text(ARTICLE), 'next.txt')).draft.title).toBe('Harbour lease signed')
    })
  })

  it('stops a PDF page that takes longer than the page limit; a file without pages is not timed by it', async () => {
    await withExtractor({ pageMs: 1 }, async (extractor) => {
      await expect(extractor.prepare(await pages(3), 'slow.pdf')).rejects.toMatchObject({ code: 'timed-out', message: expect.stringMatching(/^slow\.pdf: page 1 of 3 took more than 0\.001 s to read/) })
      expect((await extractor.prepare(text(ARTICLE), 'next.txt')).draft.title).toBe('Harbour lease signed')
    })
  })

  it('stops a file that takes longer than the file limit', async () => {
    await withExtractor({ fileMs: 1 }, async (extractor) => {
      await expect(extractor.prepare(await pages(2), 'slow.pdf')).rejects.toMatchObject({ code: 'timed-out', message: expect.stringMatching(/^slow\.pdf took more than 0\.001 s to read; Dossier stopped reading it/) })
    })
  })

  it('fails a file that needs more memory than the worker has, then reads the next one with a fresh worker', async () => {
    await withExtractor({ heapMb: 64 }, async (extractor) => {
      const big = text(`Harbour lease\n\n${'The port authority signed a new lease for the quay. '.repeat(200_000)}`)
      await expect(extractor.prepare(big, 'huge.txt')).rejects.toMatchObject({ code: 'too-complex', message: expect.stringMatching(/^huge\.txt needs more than 64 MB of memory to read/) })
      expect((await extractor.prepare(text(ARTICLE), 'next.txt')).draft.title).toBe('Harbour lease signed')
    })
  })

  it('cancels the file in hand at once, and reads the next one', async () => {
    await withExtractor({}, async (extractor) => {
      const controller = new AbortController()
      const reading = extractor.prepare(await pages(40), 'long.pdf', controller.signal)
      controller.abort()
      await expect(reading).rejects.toMatchObject({ code: 'canceled', message: 'Not imported: the import was cancelled while long.pdf was being read.' })
      await expect(extractor.prepare(text(ARTICLE), 'late.txt', controller.signal)).rejects.toMatchObject({ code: 'canceled' })
      expect((await extractor.prepare(text(ARTICLE), 'next.txt')).draft.title).toBe('Harbour lease signed')
    })
  })

  it('passes a reader refusal through as it is', async () => {
    await withExtractor({ maxPdfPages: 2 }, async (extractor) => {
      await expect(extractor.prepare(await pages(3), 'three.pdf')).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^three\.pdf has 3 pages; Dossier imports PDFs of up to 2 pages/) })
      await expect(extractor.prepare(text('   \n'), 'blank.txt')).rejects.toMatchObject({ code: 'empty-file' })
    })
  })
})
