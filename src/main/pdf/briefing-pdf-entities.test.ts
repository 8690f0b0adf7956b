/**
 * The briefing PDF with entity sections and the index of entities (decision 49): the
 * index lists each entity the printed passages mention with the pages where those
 * passages are printed, checked against where pdftotext finds each passage.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing, formatNumberList, type BriefingLayout } from '../../core/briefing'
import { createBriefingDocument, makeBriefingId } from '../../core/briefing-document'
import type { HighlightId } from '../../core/ids'
import { BASES, CONVOYS, fixtureData, KHMEIMIM, TALKS, TARTUS } from '../../core/testing/entity-briefing-fixture'
import { renderBriefingPdf } from './briefing-pdf'
import { FONTS_DIR, has, normalise, run } from './test-briefing-pdf'

/** Where each passage is found on a page: a piece of its quote printed nowhere else. */
const MARKS: Record<string, string> = {
  'h-ships': 'Russian ships left Tartous on Monday.',
  'h-quiet': 'The Hmeimim air base stayed quiet.',
  'h-port': 'Officials at the port declined to comment.',
  'h-arabic': 'صباح',
  'h-base-ar': 'تعمل',
  'h-hts': 'HTS fighters entered the city at dawn.',
  'h-fisher': 'A Tartusian fisherman said nothing had changed.',
}

// Long comments spread the passages over several pages.
const filler = (id: string) => `Comment on ${id}. ${'The analyst weighs the reporting against what other sources said about the same days. '.repeat(14)}`
const base = fixtureData()
const data = { ...base, highlights: base.highlights.map((h) => ({ ...h, comment: filler(h.id) })) }
const document = createBriefingDocument({
  id: makeBriefingId('0e0e0e0e0e'),
  now: '2026-12-06T12:00:00.000Z',
  title: 'Ports and bases',
  tags: [{ id: BASES }, { id: CONVOYS }, { id: TALKS }],
  entities: [{ id: TARTUS }, { id: KHMEIMIM }],
  entityIndex: true,
})
const layout: BriefingLayout = buildBriefing(document, data, { generatedAt: '2026-12-06T12:00:00.000Z' })

let dir: string
let path: string
let rendered: Awaited<ReturnType<typeof renderBriefingPdf>>
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-entity-index-'))
  path = join(dir, 'briefing.pdf')
  rendered = await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })
  await writeFile(path, rendered.bytes)
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('entity sections in the PDF', () => {
  it('lays out the entity sections among the tag sections and the index after the sources', () => {
    expect(layout.sections.map((s) => s.tag?.name ?? s.entity?.name)).toEqual(['Bases', 'Convoys', 'Negotiations', 'Tartus', 'Khmeimim'])
    expect(layout.entityIndex!.map((e) => e.entity.name)).toEqual(['Hayat Tahrir al-Sham', 'Khmeimim', 'Tartus'])
    expect(rendered.pageCount).toBeGreaterThan(5)
    expect(rendered.entityIndexPage).toBe(rendered.pageCount)
    expect(rendered.entityIndexPage).toBeGreaterThan(rendered.sourcesPage)
  })

  describe.skipIf(!has('pdftotext'))('the text (needs pdftotext from poppler-utils)', () => {
    let pages: { raw: string; reading: string }[]
    beforeAll(() => {
      const text = (...mode: string[]) => run('pdftotext', [...mode, '-enc', 'UTF-8', path, '-']).stdout.split('\f').slice(0, rendered.pageCount).map(normalise)
      const raw = text('-raw')
      const reading = text()
      pages = raw.map((r, i) => ({ raw: r, reading: reading[i]! }))
    })

    /** The 1-based pages where a passage's quote is printed (before the index). */
    const pagesOf = (highlightId: string): number[] =>
      pages.flatMap((p, i) => (i + 1 < rendered.entityIndexPage! && (p.raw.includes(MARKS[highlightId]!) || p.reading.includes(MARKS[highlightId]!)) ? [i + 1] : []))

    it('prints the entity section heading with its spellings', () => {
      const section = layout.sections.find((s) => s.entity?.id === TARTUS)!
      const page = pages[rendered.sectionPages[section.number - 1]! - 1]!
      expect(page.raw).toContain(`§${section.number} Tartus`)
      expect(page.reading).toContain('Passages that mention Tartus (also written Tartous,')
    })

    it('lists each entity with its aliases and the pages where its passages are printed', () => {
      const index = pages[rendered.entityIndexPage! - 1]!
      expect(index.raw).toContain('Index of entities')
      for (const entry of layout.entityIndex!) {
        const highlights = layout.sections.flatMap((s) => s.passages.filter((p) => entry.passages.includes(p.number)).map((p) => p.highlightId as HighlightId))
        const expected = [...new Set(highlights.flatMap(pagesOf))].sort((a, b) => a - b)
        expect(expected.length).toBeGreaterThan(0)
        const line = `${expected.length === 1 ? 'Page' : 'Pages'} ${formatNumberList(expected)} (${entry.passages.length === 1 ? "passage" : "passages"} ${formatNumberList(entry.passages)})`
        expect(index.raw, entry.entity.name).toContain(`${entry.entity.name}`)
        expect(index.raw, entry.entity.name).toContain(line)
      }
      // The passages of Tartus are on more than one page, so the test tells pages apart.
      const tartus = layout.entityIndex!.find((e) => e.entity.id === TARTUS)!
      expect(new Set(layout.sections.flatMap((s) => s.passages.filter((p) => tartus.passages.includes(p.number)).flatMap((p) => pagesOf(p.highlightId)))).size).toBeGreaterThan(1)
      for (const id of Object.keys(MARKS)) expect(pagesOf(id), id).not.toEqual([])
      expect(index.reading).toContain('Also written Hmeimim,')
      expect(index.reading).toContain('حميميم')
    })

    it('names the index in the contents', () => {
      expect(pages[0]!.raw + pages[1]!.raw).toMatch(/Index of entities 3 entities/)
    })
  })
})
