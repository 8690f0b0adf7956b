/**
 * Stored briefing documents (`<notebook>/briefings/<id>.json`), their preview layout,
 * exports in every format, and W3C annotation import. The session calls these; the work
 * is in ./briefing-store (storage), ./export-briefing and ./export-writer (exports) and
 * ./annotation-import (W3C import).
 */
import type { AnnotationImportReport, BriefingRequest, BriefingSummary } from '../../core/api'
import { buildBriefing } from '../../core/briefing'
import type { BriefingDocument, BriefingId } from '../../core/briefing-document'
import type { BriefingLayout } from '../../core/briefing-types'
import type { NotebookStore } from '../storage/notebook-store'
import { importAnnotations as importW3c } from './annotation-import'
import * as storage from './briefing-store'
import { exportBriefing as runExport, type ExportOptions, type ExportResult } from './export-briefing'
import type { ExportFs } from './export-writer'

export type { ExportOptions, ExportResult } from './export-briefing'

export interface BriefingContext {
  store: NotebookStore
  now: () => string
  randomHex: () => string
  fontsDir: string
  /** The built PDF worker script; by default the one beside the bundle (tests pass one they built). */
  pdfWorkerUrl?: URL
  /** Only tests: how an export's final rename is done (to simulate a file held by another program). */
  exportFs?: ExportFs
}

export function listBriefings(ctx: BriefingContext): Promise<BriefingSummary[]> {
  return storage.listBriefings(ctx)
}
export function getBriefing(ctx: BriefingContext, id: BriefingId): Promise<BriefingDocument> {
  return storage.getBriefing(ctx, id)
}
export function createBriefing(ctx: BriefingContext, title: string | undefined): Promise<BriefingDocument> {
  return storage.createBriefing(ctx, title)
}
export function saveBriefing(ctx: BriefingContext, doc: BriefingDocument): Promise<BriefingDocument> {
  return storage.saveBriefing(ctx, doc)
}
export function deleteBriefing(ctx: BriefingContext, id: BriefingId): Promise<void> {
  return storage.deleteBriefing(ctx, id)
}
/** The stored briefing laid out against the notebook as it is now (throws 'empty-selection' when nothing is in it). */
export async function previewBriefing(ctx: BriefingContext, id: BriefingId): Promise<BriefingLayout> {
  const doc = await storage.getBriefing(ctx, id)
  const { store } = ctx
  return buildBriefing(doc, { articles: store.articles, tags: store.tags, highlights: await store.allHighlights() }, { generatedAt: ctx.now() })
}
/** Writes the briefing (stored or ad hoc) at `outPath` in the requested format; a failure or cancel leaves nothing there. */
export function exportBriefing(ctx: BriefingContext, outPath: string, request: BriefingRequest, options: ExportOptions = {}): Promise<ExportResult> {
  return runExport(ctx, outPath, request, options)
}
export function importAnnotations(ctx: BriefingContext, filePath: string): Promise<AnnotationImportReport> {
  return importW3c(ctx, filePath)
}
