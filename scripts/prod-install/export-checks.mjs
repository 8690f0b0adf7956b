// Reads each exported file back, for the production-only suite: does it hold what a user
// exported (every highlighted sentence), in a form its readers accept? Runs in the
// project (its devDependencies, e.g. csv-parse, are fine here), never in the copy.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { parse as parseCsv } from 'csv-parse/sync'

/** @typedef {{ status: 'passed' | 'failed' | 'skipped', detail: string }} Verdict */

const squash = (text) => text.replace(/\s+/g, ' ').trim()

/** @param {string[]} found @param {string[]} markers */
function compare(found, markers, what) {
  const missing = markers.filter((m) => !found.some((f) => squash(f).includes(squash(m))))
  return missing.length === 0 ? { status: 'passed', detail: `${markers.length} highlighted sentence(s) in ${what}` } : { status: 'failed', detail: `missing from ${what}: ${missing.map((m) => JSON.stringify(m)).join(', ')}` }
}

/** Every `exact` of a TextQuoteSelector, wherever it sits in the JSON-LD. */
function quoteSelectors(node, out = []) {
  if (Array.isArray(node)) for (const item of node) quoteSelectors(item, out)
  else if (node && typeof node === 'object') {
    if (node.type === 'TextQuoteSelector' && typeof node.exact === 'string') out.push(node.exact)
    for (const value of Object.values(node)) quoteSelectors(value, out)
  }
  return out
}

/** @type {Record<'pdf' | 'md' | 'csv' | 'w3c', (path: string, markers: string[]) => Promise<Verdict>>} */
export const EXPORT_CHECKS = {
  async pdf(path, markers) {
    const bytes = await readFile(path)
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { status: 'failed', detail: 'not a PDF (no %PDF- header)' }
    let text
    try {
      text = (await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 })).stdout
    } catch (error) {
      if (error.code === 'ENOENT') return { status: 'skipped', detail: 'pdftotext (poppler-utils) is not installed, so the text cannot be read back' }
      return { status: 'failed', detail: `pdftotext could not read it: ${String(error.stderr || error.message).trim().split('\n')[0]}` }
    }
    return compare([text], markers, 'the PDF text (pdftotext)')
  },
  async md(path, markers) {
    return compare([await readFile(path, 'utf8')], markers, 'the Markdown')
  },
  async csv(path, markers) {
    const rows = parseCsv(await readFile(path), { columns: true, bom: true })
    if (!rows.length || !('Quote' in rows[0])) return { status: 'failed', detail: 'no rows with a Quote column' }
    return compare(rows.map((r) => r.Quote), markers, 'the CSV Quote column')
  },
  async w3c(path, markers) {
    return compare(quoteSelectors(JSON.parse(await readFile(path, 'utf8'))), markers, 'the W3C TextQuoteSelectors')
  },
}

/**
 * @param {keyof typeof EXPORT_CHECKS} format
 * @param {string} path the file the CLI says it wrote
 * @param {string[]} markers the sentences that were highlighted
 * @param {number} passageCount what the CLI reported
 * @returns {Promise<Verdict>}
 */
export async function checkExport(format, path, markers, passageCount) {
  if (passageCount !== markers.length) return { status: 'failed', detail: `${passageCount} passage(s) exported, ${markers.length} highlighted` }
  try {
    return await EXPORT_CHECKS[format](path, markers)
  } catch (error) {
    return { status: 'failed', detail: `${path} could not be read back: ${error.message}` }
  }
}
