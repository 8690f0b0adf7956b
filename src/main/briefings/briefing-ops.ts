/**
 * Stored briefing documents (`<notebook>/briefings/<id>.json`), their preview layout,
 * exports in every format, and W3C annotation import.
 */
import type { AnnotationImportReport, BriefingRequest, BriefingSummary, ExportFormat, JobProgress } from '../../core/api'
import type { BriefingDocument, BriefingId } from '../../core/briefing-document'
import type { BriefingLayout } from '../../core/briefing-types'
import { buildBriefing } from '../../core/briefing'
import { DossierError } from '../../core/result'
import { checkExportTarget, mapExportError } from '../export-target'
import type { NotebookStore } from '../storage/notebook-store'

const todo = (what: string): never => {
  throw new DossierError('internal', `${what} is not built yet`)
}

export interface BriefingContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
  fontsDir: string
}

export interface ExportOptions {
  onProgress?: (progress: JobProgress) => void
  signal?: AbortSignal
}

export interface ExportResult {
  path: string
  format: ExportFormat
  pageCount: number
  passageCount: number
}

export async function listBriefings(_ctx: BriefingContext): Promise<BriefingSummary[]> {
  return todo('listBriefings')
}
export async function getBriefing(_ctx: BriefingContext, _id: BriefingId): Promise<BriefingDocument> {
  return todo('getBriefing')
}
export async function createBriefing(_ctx: BriefingContext, _title: string | undefined): Promise<BriefingDocument> {
  return todo('createBriefing')
}
export async function saveBriefing(_ctx: BriefingContext, _doc: BriefingDocument): Promise<BriefingDocument> {
  return todo('saveBriefing')
}
export async function deleteBriefing(_ctx: BriefingContext, _id: BriefingId): Promise<void> {
  return todo('deleteBriefing')
}
export async function previewBriefing(_ctx: BriefingContext, _id: BriefingId): Promise<BriefingLayout> {
  return todo('previewBriefing')
}
export async function exportBriefing(ctx: BriefingContext, outPath: string, request: BriefingRequest, _options: ExportOptions = {}): Promise<ExportResult> {
  if ((request.format ?? 'pdf') !== 'pdf' || request.briefingId) return todo('exportBriefing beyond an ad-hoc PDF')
  const { store } = ctx
  const layout = buildBriefing({
    articles: store.articles,
    tags: store.tags,
    highlights: await store.allHighlights(),
    title: request.title,
    tagIds: request.tagIds,
    generatedAt: ctx.now(),
  })
  await checkExportTarget(outPath)
  try {
    // Loaded on first export: pdfkit costs ~180 ms to load, which every open would pay.
    const { writeBriefingPdf } = await import('../pdf/briefing-pdf')
    const { pageCount } = await writeBriefingPdf(layout, outPath, { fontsDir: ctx.fontsDir })
    return { path: outPath, format: 'pdf', pageCount, passageCount: layout.passageCount }
  } catch (error) {
    throw mapExportError(error, outPath)
  }
}
export async function importAnnotations(_ctx: BriefingContext, _filePath: string): Promise<AnnotationImportReport> {
  return todo('importAnnotations')
}
