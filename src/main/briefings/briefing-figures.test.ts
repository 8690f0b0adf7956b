/**
 * Figures and ACH matrices in a stored briefing, built against a real notebook (the entity
 * fixture, with coordinates and event dates added): what the layout carries, the PDF's
 * text, its vector drawing and tagged structure, the Markdown's SVG files and table, the
 * CSV's matrix, and what happens when a figure's section or a matrix's file is gone.
 */
import { existsSync } from 'node:fs'
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHypothesis, rateCell, type AchMatrix } from '../../core/ach'
import { addFigure, addBriefingMatrix, removeFigure } from '../../core/briefing-figures'
import { removeSection, type BriefingDocument } from '../../core/briefing-document'
import { BASES, CONVOYS } from '../../core/testing/entity-briefing-fixture'
import { AchSession } from '../ach/ach-session'
import { has, run } from '../pdf/test-briefing-pdf'
import { openEntityTestNotebook, type EntityTestNotebook } from './test-entity-notebook'
import { tempDir } from './test-notebook'

let dir: string
let nb: EntityTestNotebook
let briefing: BriefingDocument
let matrix: AchMatrix

const COORDINATES: Record<string, { lat: number; lon: number }> = { Tartus: { lat: 34.889, lon: 35.887 }, Khmeimim: { lat: 35.401, lon: 35.948 } }

beforeEach(async () => {
  dir = await tempDir('dossier-figures-')
  nb = await openEntityTestNotebook(dir)
  const { session } = nb
  for (const entity of (await session.entities.file()).entities) {
    const at = COORDINATES[entity.name]
    if (at) await session.entities.edit(entity.id, { coordinates: at })
  }
  const highlights = await session.store.allHighlights()
  const byQuote = (start: string) => highlights.find((h) => h.target.exact.startsWith(start))!
  await session.updateHighlight({ highlightId: byQuote('Russian ships').id, eventDate: { start: '2024-12-09', end: '2024-12-09', precision: 'day', source: 'analyst' } })
  await session.updateHighlight({ highlightId: byQuote('The Hmeimim').id, eventDate: { start: '2024-12-01', end: '2024-12-10', precision: 'approximate', source: 'analyst' } })
  await session.updateHighlight({ highlightId: byQuote('HTS').id, eventDate: { start: '2024-12-08', end: '2024-12-08', precision: 'day', source: 'analyst' } })
  const ach = new AchSession(session.store)
  const created = await ach.create('Is Russia leaving Syria?')
  await ach.addPassage(created.id, byQuote('Russian ships').id)
  await ach.addPassage(created.id, byQuote('The Hmeimim').id)
  let m = addHypothesis(addHypothesis(await ach.get(created.id), 'Russia withdraws for good'), 'Russia rotates its forces')
  m = rateCell(rateCell(m, 'E1', 'H1', 'C'), 'E1', 'H2', 'II')
  m = rateCell(rateCell(m, 'E2', 'H1', 'I'), 'E2', 'H2', 'N')
  matrix = await ach.save(m)
  const doc = await session.createBriefing('Figures')
  let edited = addFigure(doc, { kind: 'timeline' })
  edited = addFigure(edited, { kind: 'map', section: BASES })
  edited = addBriefingMatrix(edited, matrix.id)
  briefing = await session.saveBriefing(edited)
})

afterEach(async () => {
  await nb.session.close()
  await rm(dir, { recursive: true, force: true })
})

describe('a briefing with figures and an ACH matrix', () => {
  it('stores them as optional fields, and the preview carries them with the briefing’s source numbers', async () => {
    expect(briefing.figures?.map((f) => [f.id, f.kind, f.section ?? null])).toEqual([
      ['F1', 'timeline', null],
      ['F2', 'map', BASES],
    ])
    const layout = await nb.session.previewBriefing(briefing.id)
    expect(layout.warnings.filter((w) => w.kind === 'figure-missing' || w.kind === 'ach-missing')).toEqual([])
    const [timeline, map] = layout.figures!
    expect(timeline!.kind).toBe('timeline')
    expect(timeline!.sectionNumber).toBeNull()
    expect(timeline!.kind === 'timeline' && timeline!.layout.passageCount).toBe(3)
    // Every source a figure cites is the briefing's, under the briefing's number.
    for (const figure of layout.figures!) {
      for (const s of figure.sources) expect(layout.sources.find((x) => x.number === s.number)?.articleId).toBe(s.articleId)
    }
    expect(map!.kind === 'map' && map!.geometry.places.filter((p) => p.count > 0).map((p) => p.name)).toEqual(['Khmeimim'])
    expect(map!.sectionNumber).toBe(layout.sections.find((s) => s.tag?.id === BASES)!.number)
    expect(layout.analyses?.[0]?.report.scores.leaders).toEqual(['H1'])
    expect(layout.achChoices?.map((c) => c.id)).toEqual([matrix.id])
  })

  it('a figure whose section is gone and a matrix whose file is gone are left out with a warning, and the rest still builds', async () => {
    await nb.session.saveBriefing(removeSection(briefing, BASES))
    await new AchSession(nb.session.store).delete(matrix.id)
    const layout = await nb.session.previewBriefing(briefing.id)
    expect(layout.figures?.map((f) => f.id)).toEqual(['F1'])
    expect(layout.analyses).toBeUndefined()
    const messages = layout.warnings.map((w) => w.message).join('\n')
    expect(messages).toContain('Figure F2 (map) is left out: its section is no longer in the briefing.')
    expect(messages).toMatch(new RegExp(`The ACH matrix ${matrix.id} is left out: .*`))
  })

  it('a timeline with no dated passage in its filters is left out with a warning', async () => {
    await nb.session.saveBriefing(addFigure(removeFigure(briefing, 'F1'), { kind: 'timeline', tagIds: [CONVOYS], from: '2025-03' }))
    const layout = await nb.session.previewBriefing(briefing.id)
    expect(layout.warnings.map((w) => w.message)).toContain('Figure F3 (timeline) is left out: no passage of the briefing within its filters has an event date.')
  })

  it.skipIf(!has('pdftotext') || !has('qpdf'))('the PDF draws both figures as vector graphics, with captions, legends, Alt text and the matrix as a table', async () => {
    const out = join(dir, 'figures.pdf')
    await nb.session.exportBriefing(out, { briefingId: briefing.id, format: 'pdf' })
    expect(run('qpdf', ['--check', out]).status).toBe(0)
    const text = run('pdftotext', ['-layout', out, '-']).stdout.replace(/\s+/g, ' ')
    expect(text).toContain('Figure 1. Timeline of the passages of the briefing by event date')
    expect(text).toContain('Figure 2. Places named in the passages of §')
    expect(text).toContain('Legend. [n]: the source, numbered as in the Sources list.')
    expect(text).toContain('approximate period')
    expect(text).toContain('Analysis of competing hypotheses')
    expect(text).toContain('Russia withdraws for good')
    expect(text).toContain('Leading: H1')
    expect(text).toMatch(/E1 .*Russian ships left Tartous/)
    for (const code of ['II', 'SENSITIVE']) expect(text).toContain(code)
    // Vector, not raster: no image in the file.
    if (has('pdfimages')) expect(run('pdfimages', ['-list', out]).stdout.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l))).toEqual([])
    // Tagged: the figures are Figure elements with their Alt.
    const json = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', out]).stdout) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>] }
    const figures = Object.values(json.qpdf[1]).map((o) => o.value).filter((v) => v?.['/S'] === '/Figure')
    expect(figures.map((f) => String(f!['/Alt']).replace(/^u:/, '').split(',')[0])).toEqual(['Timeline: 3 passages placed by event date', 'Map: 1 place named by the passages: Khmeimim (1).'])
    if (has('pdfinfo')) expect(run('pdfinfo', ['-struct-text', out]).stdout).toMatch(/Caption[\s\S]*Figure 1\./)
  })

  it('the Markdown export writes each figure as an SVG file beside it, linked, and the matrix as a table', async () => {
    const out = join(dir, 'figures.md')
    const result = await nb.session.exportBriefing(out, { briefingId: briefing.id, format: 'md' })
    const md = await readFile(result.path, 'utf8')
    const files = (await readdir(dir)).filter((f) => f.endsWith('.svg')).sort()
    expect(files).toEqual(['figures-figure-1.svg', 'figures-figure-2.svg'])
    expect(md).toContain('![Figure 1. Timeline of the passages of the briefing by event date](figures-figure-1.svg)')
    expect(await readFile(join(dir, files[1]!), 'utf8')).toContain('<svg')
    expect(md).toContain('| Rank | Hypothesis | Weighted inconsistency |')
    expect(md).toMatch(/\| E1 \| .*\| C \| II \|/)
  })

  it('the CSV export writes the matrix to its own CSV file beside the passages’ CSV', async () => {
    const out = join(dir, 'figures.csv')
    await nb.session.exportBriefing(out, { briefingId: briefing.id, format: 'csv' })
    const achFile = join(dir, `figures-ach-${matrix.id}.csv`)
    expect(existsSync(achFile)).toBe(true)
    const csv = await readFile(achFile, 'utf8')
    expect(csv).toContain('H1: Russia withdraws for good')
    expect(csv).toContain('Weighted inconsistency')
    const passages = await readFile(out, 'utf8')
    expect(passages.split('\r\n')[0]).toContain('Event start,Event end,Event precision,Event date source,Event phrase')
    expect(passages).toContain('2024-12-09,2024-12-09,day,analyst')
  })
})
