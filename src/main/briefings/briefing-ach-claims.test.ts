/**
 * A claim row of an ACH matrix in a briefing (notes/ach.md): the PDF (pdftotext), the
 * Markdown and the CSV print the claim's statement, its independent-source count and each
 * of its passages cited with the briefing's own passage and source numbers.
 */
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHypothesis, rateCell } from '../../core/ach'
import { addBriefingMatrix } from '../../core/briefing-figures'
import type { BriefingDocument } from '../../core/briefing-document'
import type { BriefingLayout } from '../../core/briefing-types'
import { escapeInline } from '../../core/export/markdown'
import { readCsv } from '../../core/export/testing/read-csv'
import { AchSession } from '../ach/ach-session'
import { has, run } from '../pdf/test-briefing-pdf'
import { SourcingSession } from '../sourcing/sourcing-session'
import { openEntityTestNotebook, type EntityTestNotebook } from './test-entity-notebook'
import { tempDir } from './test-notebook'

let dir: string
let nb: EntityTestNotebook
let briefing: BriefingDocument
let achId: string
let citation: string

beforeEach(async () => {
  dir = await tempDir('dossier-ach-claims-briefing-')
  nb = await openEntityTestNotebook(dir)
  const { session } = nb
  const highlights = await session.store.allHighlights()
  const byQuote = (start: string) => highlights.find((h) => h.target.exact.startsWith(start))!
  const sourcing = new SourcingSession(session.store)
  const claim = await sourcing.createClaim('Russia is pulling its ships out of Tartus', [
    { highlightId: byQuote('Russian ships').id, stance: 'supports' },
    { highlightId: byQuote('The Hmeimim').id, stance: 'contradicts' },
  ])
  const ach = new AchSession(session.store)
  const created = await ach.create('Is Russia leaving Syria?')
  await ach.addClaim(created.id, claim.value.id)
  let m = addHypothesis(addHypothesis(await ach.get(created.id), 'Russia withdraws for good'), 'Russia rotates its forces')
  m = rateCell(rateCell(m, 'E1', 'H1', 'C'), 'E1', 'H2', 'I')
  achId = (await ach.save(m)).id
  briefing = await session.saveBriefing(addBriefingMatrix(await session.createBriefing('Claims'), achId as never))
  const layout: BriefingLayout = await session.previewBriefing(briefing.id)
  const printed = (id: string) => layout.sections.flatMap((s) => s.passages).find((p) => p.highlightId === id)!
  const [ships, hmeimim] = [printed(byQuote('Russian ships').id), printed(byQuote('The Hmeimim').id)]
  citation = `passage ${ships.number} [${ships.sourceNumber}]; contradicted by passage ${hmeimim.number} [${hmeimim.sourceNumber}]`
  expect(layout.analyses?.[0]?.citations).toEqual([citation])
})

afterEach(async () => {
  await nb.session.close()
  await rm(dir, { recursive: true, force: true })
})

describe('a claim row in a briefing', () => {
  it.skipIf(!has('pdftotext'))('the PDF prints the claim, its count and its passages with the briefing’s numbers', async () => {
    const out = join(dir, 'claims.pdf')
    await nb.session.exportBriefing(out, { briefingId: briefing.id, format: 'pdf' })
    const text = run('pdftotext', ['-layout', out, '-']).stdout.replace(/\s+/g, ' ')
    // The cell wraps: the weight and ratings sit on its first line.
    expect(text).toMatch(/E1 Claim: Russia is pulling its ships out of Tartus \(1 independent .*source, 1 contradicting\)/)
    expect(text).toContain(citation)
  })

  it('the Markdown prints the claim row and its citation', async () => {
    const result = await nb.session.exportBriefing(join(dir, 'claims.md'), { briefingId: briefing.id, format: 'md' })
    const md = await readFile(result.path, 'utf8')
    expect(md).toMatch(/\| E1 \| Claim: Russia is pulling its ships out of Tartus \(1 independent source, 1 contradicting[^|]*\) \| [\d.]+ \| C \| I \|/)
    expect(md).toContain(`- E1: ${escapeInline(citation)}`)
  })

  it('the CSV beside the export names the claim, its count and its citation', async () => {
    await nb.session.exportBriefing(join(dir, 'claims.csv'), { briefingId: briefing.id, format: 'csv' })
    const records = readCsv(await readFile(join(dir, `claims-ach-${achId}.csv`), 'utf8'))
    const header = records[0]!
    const row = records[1]!
    expect(row[header.indexOf('Kind')]).toBe('claim')
    expect(row[header.indexOf('Evidence')]).toBe('Russia is pulling its ships out of Tartus')
    expect(row[header.indexOf('Independent sources')]).toBe('1 independent source, 1 contradicting')
    expect(row[header.indexOf('Cited as')]).toBe(citation)
  })
})
