/**
 * Exporting a briefing (stored, or ad hoc from a title and tags) as PDF, Markdown, CSV or
 * W3C Web Annotation JSON-LD.
 *
 * Order of work: the target is checked (name, folder) and the layout built (an empty
 * selection fails here) before anything is written; the bytes are then produced and
 * written through a temp file beside the target (./export-writer), so a failure or a
 * cancel leaves nothing at the target and no temp file behind.
 *
 * PDF rendering runs off the main thread in the shared PdfWorkerRenderer (the built
 * `pdf-worker.js` beside the app's and the CLI's bundles). Where that script does not
 * exist — under vitest, which runs the TypeScript sources unbundled — it falls back to
 * rendering in-process (same renderer, same bytes; only cancel then waits for the render
 * to finish before it takes effect). Tests may pass `pdfWorkerUrl` to use a worker they built.
 */
import { basename, dirname, extname, join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { BriefingRequest, ExportFormat, JobProgress } from '../../core/api'
import { achToCsv } from '../../core/ach/export'
import { buildBriefing } from '../../core/briefing'
import type { BriefingLayout } from '../../core/briefing-types'
import { csvRowsFromLayout, highlightsToCsv } from '../../core/export/csv'
import { briefingToMarkdown } from '../../core/export/markdown'
import { toW3cCollection, w3cItemsFromLayout } from '../../core/export/w3c'
import type { ArticleId } from '../../core/ids'
import { DossierError, isDossierError } from '../../core/result'
import { checkExportTarget, mapExportError } from '../export-target'
import type { PdfProgress } from '../pdf/briefing-pdf'
import { defaultPdfWorkerUrl, sharedPdfRenderer, type PdfWorkerRenderer } from '../pdf/render-in-worker'
import type { BriefingContext } from './briefing-context'
import { briefingData } from './briefing-data'
import { withBriefingExtras } from './briefing-figures'
import { getBriefing } from './briefing-store'
import { exportEventDates } from '../timeline/event-dates'
import { claimsByHighlight } from '../../core/sourcing/claims'
import { CLAIMS_DOC } from '../storage/file-formats'
import { canceledError, checkTargetName, throwIfCanceled, withFormatExtension, writeExportFile } from './export-writer'

export interface ExportOptions {
  onProgress?: (progress: JobProgress) => void
  signal?: AbortSignal
}

export interface ExportResult {
  path: string
  format: ExportFormat
  /** PDF only; 0 for the text formats. */
  pageCount: number
  /**
   * What the file holds: the numbered passage blocks of a PDF or Markdown briefing (a
   * passage repeated under two tags counts twice, as it is printed twice), the rows of a
   * CSV or the annotations of a W3C file (one per highlight).
   */
  passageCount: number
  /**
   * What the briefing left out and why (a deleted tag, article or passage), present only
   * when there is something to say. For the CLI's human output; not part of ExportedBriefing.
   */
  warnings?: string[]
}

/**
 * Writes the briefing at `outPath`, or at `outPath` plus the format's extension when it
 * lacks one (see withFormatExtension); the result's `path` is where it was written.
 */
export async function exportBriefing(ctx: BriefingContext, chosenPath: string, request: BriefingRequest, options: ExportOptions = {}): Promise<ExportResult> {
  const format = request.format ?? 'pdf'
  const outPath = withFormatExtension(chosenPath, format)
  const { signal } = options
  const progress = (done: number, total: number, label: string) => options.onProgress?.({ job: 'export', done, total, label })
  throwIfCanceled(signal)
  checkTargetName(outPath)
  // The name as chosen is checked too: a folder stays an error, not "folder.pdf" beside it.
  if (outPath !== chosenPath) await checkExportTarget(chosenPath)
  await checkExportTarget(outPath)

  progress(0, 0, 'Building the briefing')
  const layout = await layoutFor(ctx, request)
  throwIfCanceled(signal)

  let bytes: string | Uint8Array
  let pageCount = 0
  let passageCount = layout.passageCount
  try {
    if (format === 'pdf') {
      const rendered = await renderPdf(ctx, layout, signal, progress)
      bytes = rendered.bytes
      pageCount = rendered.pageCount
    } else {
      progress(1, 3, `Formatting ${FORMAT_NAMES[format]}`)
      let beside: BesideFile[]
      ;({ text: bytes, count: passageCount, beside } = await textExport(ctx, layout, format, outPath))
      // The figures' SVG files and the matrices' CSV files go beside the export, before it: the export then never links to a file not written.
      for (const file of beside) await writeExportFile(file.path, file.text, signal, ctx.exportFs)
    }
    throwIfCanceled(signal)
    progress(format === 'pdf' ? 0 : 2, format === 'pdf' ? 0 : 3, `Writing ${basename(outPath)}`)
    await writeExportFile(outPath, bytes, signal, ctx.exportFs)
  } catch (error) {
    if (signal?.aborted) throw canceledError()
    throw isDossierError(error) ? error : mapExportError(error, outPath)
  }
  if (format !== 'pdf') progress(3, 3, `Wrote ${basename(outPath)}`)
  // An ad-hoc export of every tag leaves out the empty ones by design: not worth a warning.
  const allTags = !request.briefingId && !request.tagIds
  const warnings = layout.warnings.filter((w) => !(allTags && w.kind === 'section-empty')).map((w) => w.message)
  return { path: outPath, format, pageCount, passageCount, ...(warnings.length > 0 ? { warnings } : {}) }
}

export const FORMAT_NAMES: Record<ExportFormat, string> = { pdf: 'PDF', md: 'Markdown', csv: 'CSV', w3c: 'W3C Web Annotations' }

/** The layout of a stored briefing (by id) or of an ad-hoc request. Throws 'empty-selection' when nothing would be in it. */
export async function layoutFor(ctx: Pick<BriefingContext, 'store' | 'now' | 'entities'>, request: BriefingRequest): Promise<BriefingLayout> {
  const { store } = ctx
  const source = request.briefingId ? await getBriefing(ctx, request.briefingId) : { title: request.title, tagIds: request.tagIds }
  const highlights = await store.allHighlights()
  store.assertNoneSkipped() // an export must not silently miss the highlights of a damaged file
  const data = await briefingData(ctx, source, highlights)
  const built = buildBriefing(source, data, { generatedAt: ctx.now() })
  const layout = 'selection' in source ? await withBriefingExtras(ctx, source, built, highlights) : built
  if (layout.passageCount === 0) throw new DossierError('empty-selection', 'The briefing has no passages: highlight and tag some passages, or choose other tags.')
  return layout
}

/** The text of a Markdown, CSV or W3C export, and how many passages (blocks, rows, annotations) it holds. */
async function textExport(ctx: BriefingContext, layout: BriefingLayout, format: Exclude<ExportFormat, 'pdf'>, outPath: string): Promise<{ text: string; count: number; beside: BesideFile[] }> {
  if (format === 'md') {
    const beside = (layout.figures ?? []).map((f) => ({ path: besidePath(outPath, `figure-${f.number}.svg`), text: f.svg }))
    return { text: briefingToMarkdown(layout, { figureFile: (f) => basename(besidePath(outPath, `figure-${f.number}.svg`)) }), count: layout.passageCount, beside }
  }
  if (format === 'csv') {
    const events = await exportEventDates(ctx.store)
    const claims = claimsByHighlight(await ctx.store.optionalFile(CLAIMS_DOC))
    const rows = csvRowsFromLayout(layout).map((r) => ({ ...r, event: events.get(r.highlightId) ?? null, claims: claims.get(r.highlightId) ?? [] }))
    const beside = (layout.analyses ?? []).map((a) => ({ path: besidePath(outPath, `ach-${a.report.matrix.id}.csv`), text: achToCsv(a.report, stringify, {}, a.citations) }))
    return { text: highlightsToCsv(rows, stringify), count: rows.length, beside }
  }
  // Positions are counted in code points in the file (the model's rule): that needs the texts.
  const texts = new Map<ArticleId, string>()
  for (const source of layout.sources) {
    const text = await ctx.store.readBody(source.bodyHash).catch(() => undefined)
    if (text !== undefined) texts.set(source.articleId, text)
  }
  const events = await exportEventDates(ctx.store)
  const claims = claimsByHighlight(await ctx.store.optionalFile(CLAIMS_DOC))
  const items = w3cItemsFromLayout(layout).map((item) => ({ ...item, event: events.get(item.highlight.id) ?? null, claims: claims.get(item.highlight.id) ?? [] }))
  const collection = toW3cCollection(items, { label: layout.title, generatedAt: layout.generatedAt, textOf: (id) => texts.get(id) }, layout.briefingId ?? 'briefing')
  return { text: `${JSON.stringify(collection, null, 2)}\n`, count: collection.total, beside: [] }
}

/** A file an export writes beside its target: a figure's SVG (Markdown), a matrix's CSV. */
interface BesideFile {
  path: string
  text: string
}

/** `<folder>/<name without extension>-<suffix>`: a file beside the export, named after it. */
function besidePath(outPath: string, suffix: string): string {
  return join(dirname(outPath), `${basename(outPath, extname(outPath))}-${suffix}`)
}

type Progress = (done: number, total: number, label: string) => void

async function renderPdf(ctx: BriefingContext, layout: BriefingLayout, signal: AbortSignal | undefined, progress: Progress): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const onProgress = (p: PdfProgress) => progress(p.done, p.total, pdfStage(p))
  const renderer = workerRenderer(ctx)
  if (renderer) {
    try {
      return await renderer.render(layout, { fontsDir: ctx.fontsDir, onProgress, signal })
    } catch (error) {
      if (signal?.aborted) throw canceledError()
      throw error
    }
  }
  // In-process fallback (no built worker script, e.g. under vitest): see the module comment.
  // Loaded on first export: pdfkit costs ~180 ms to load, which every open would pay.
  const { renderBriefingPdf } = await import('../pdf/briefing-pdf')
  return renderBriefingPdf(layout, { fontsDir: ctx.fontsDir, onProgress })
}

function pdfStage(p: PdfProgress): string {
  if (p.phase === 'layout') return 'Laying out pages'
  if (p.phase === 'draw') return p.total > 0 ? `Rendered page ${p.done} of ${p.total}` : 'Rendering pages'
  return 'Finishing the PDF'
}

function workerRenderer(ctx: BriefingContext): PdfWorkerRenderer | null {
  if (ctx.pdfWorkerUrl) return sharedPdfRenderer(ctx.pdfWorkerUrl)
  try {
    return sharedPdfRenderer(defaultPdfWorkerUrl())
  } catch {
    return null
  }
}
