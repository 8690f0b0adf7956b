/**
 * The briefing journeys' last step, shared: export the composer's briefing as PDF through
 * the export dialog, check the file with qpdf, read its text with pdftotext, and render its
 * pages to PNG as artifacts to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from '@playwright/test'
import { ARTIFACTS_DIR, expect, type DossierApp } from './harness'

/** Export… in the composer, the save dialog answered with `pdfPath`, Export, until the dialog says it is done; the dialog is closed after. */
export async function exportBriefingPdf(app: DossierApp, composer: Locator, pdfPath: string): Promise<void> {
  const dialog = app.page.getByRole('dialog', { name: 'Export briefing' })
  await composer.getByRole('button', { name: 'Export…' }).click()
  await app.answerDialogs({ exportPath: [pdfPath] })
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  await expect(dialog.getByRole('status')).toContainText('Briefing exported to', { timeout: 60_000 })
  await dialog.getByRole('button', { name: 'Close' }).click()
}

/** qpdf --check passes, and the PDF's text with its white space squashed to single spaces. */
export function checkAndReadPdf(pdfPath: string): string {
  expect(spawnSync('qpdf', ['--check', pdfPath]).status, 'qpdf --check').toBe(0)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim()
}

/** The PDF's pages as PNG under test-artifacts/e2e/<folder>/page-<mode>-N.png; how many there are. */
export function renderPdfPages(pdfPath: string, folder: string, mode: string): number {
  const out = join(ARTIFACTS_DIR, folder)
  mkdirSync(out, { recursive: true })
  execFileSync('pdftoppm', ['-r', '70', '-png', pdfPath, join(out, `page-${mode}`)])
  return readdirSync(out).filter((f) => f.startsWith(`page-${mode}`)).length
}
