/**
 * Stored briefing documents (`<notebook>/briefings/<id>.json`), their preview layout,
 * exports in every format, and W3C annotation import. The session calls these; the work
 * is in ./briefing-store (storage), ./export-briefing and ./export-writer (exports) and
 * ./annotation-import (W3C import).
 */
import type { AnnotationImportReport, BriefingRequest, BriefingSummary, Canceled } from '../../core/api'
import { buildBriefing } from '../../core/briefing'
import type { BriefingDocument, BriefingId } from '../../core/briefing-document'
import type { BriefingLayout } from '../../core/briefing-types'
import { importAnnotations as importW3c, type AnnotationImportOptions } from './annotation-import'
import * as storage from './briefing-store'
import { achChoices, briefingData } from './briefing-data'
import { withBriefingExtras } from './briefing-figures'
import type { BriefingContext } from './briefing-context'
import { exportBriefing as runExport, type ExportOptions, type ExportResult } from './export-briefing'

export type { AnnotationImportOptions } from './annotation-import'
export type { BriefingContext } from './briefing-context'
export type { ExportOptions, ExportResult } from './export-briefing'

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
  const highlights = await ctx.store.allHighlights()
  const layout = await withBriefingExtras(ctx, doc, buildBriefing(doc, await briefingData(ctx, doc, highlights), { generatedAt: ctx.now() }), highlights)
  return { ...layout, achChoices: await achChoices(ctx) }
}
/** Writes the briefing (stored or ad hoc) at `outPath` (plus the format's extension when it lacks one) in the requested format; a failure or cancel leaves nothing there. */
export function exportBriefing(ctx: BriefingContext, outPath: string, request: BriefingRequest, options: ExportOptions = {}): Promise<ExportResult> {
  return runExport(ctx, outPath, request, options)
}
/** Recreates a W3C annotation file's highlights; more than a few new tags need `options.confirmNewTags` (see ./annotation-import). */
export function importAnnotations(ctx: BriefingContext, filePath: string, options: AnnotationImportOptions = {}): Promise<AnnotationImportReport | Canceled> {
  return importW3c(ctx, filePath, options)
}
