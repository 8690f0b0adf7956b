import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatCitation, type BriefingLayout, type BriefingPassage, type BriefingSource } from '../../core/briefing'
import { makeArticleId, makeHighlightId, makeTagId } from '../../core/ids'
import type { Tag } from '../../core/model'
import { BRIEFING_FONT_FILES, writeBriefingPdf } from './briefing-pdf'
import { containsArabic, splitScriptRuns } from './script-runs'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const FONTS_DIR = join(ROOT, 'resources', 'fonts')
const ARTIFACTS_DIR = join(ROOT, 'test-artifacts', 'pdf')

/** Whether a command-line tool is installed (poppler-utils / qpdf). */
function has(bin: string): boolean {
  const probe = spawnSync(bin, [bin === 'qpdf' ? '--version' : '-v'], { stdio: 'ignore' })
  return probe.error === undefined
}

function run(bin: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8' })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * How text is compared. pdftotext wraps lines where the PDF wraps them, so runs of
 * whitespace collapse to one space; nothing else is changed.
 *
 * Arabic: pdfkit draws a right-to-left run in visual order, and pdftotext turns it back:
 * - the default mode yields each Arabic run in logical order (the order typed), wrapped in
 *   bidi embedding controls U+202B … U+202C, but moves the neutral characters that touch
 *   the run (spaces, brackets, quotes) to the other side of it, e.g. `(مرفأ طرطوس) x`
 *   comes out as `(\u202b )مرفأ طرطوس\u202cx`;
 * - `-raw` (content-stream order) keeps Latin text exact but gives the words of a
 *   multi-word Arabic run in visual order, each in its own embedding.
 * So Latin-only strings are checked exactly in the `-raw` text; strings holding Arabic are
 * checked as (1) every Arabic run, exactly and in logical order, in the default-mode text,
 * and (2) every other character, in order, once Arabic letters, bidi controls and
 * whitespace are set aside on both sides.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g
const normalise = (s: string) => s.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim()
const skeleton = (s: string) => s.replace(/[\p{Script_Extensions=Arabic}\u202a-\u202e\u2066-\u2069\s]/gu, '')

interface Extracted {
  /** `pdftotext -raw`, footers removed, normalised. */
  raw: string
  /** `pdftotext` default mode, footers removed, normalised. */
  reading: string
}

/** Asserts that `expected` appears in the extracted text as described above. */
function expectInPdfText(extracted: Extracted, expected: string): void {
  if (!containsArabic(expected)) {
    expect(extracted.raw).toContain(normalise(expected))
    return
  }
  for (const run of splitScriptRuns(expected).filter((r) => r.arabic)) expect(extracted.reading).toContain(normalise(run.text))
  expect(skeleton(extracted.reading)).toContain(skeleton(expected))
}

const countIn = (haystack: string, needle: string) => haystack.split(needle).length - 1

// ---------------------------------------------------------------------------------------
// Fixture: written by hand, with Turkish, curly quotes, dashes, ellipsis and Arabic.

const tag = (hex: string, name: string, color: string, description: string): Tag => ({
  id: makeTagId(hex),
  name,
  color,
  description,
})
const TAG_PORTS = tag('a1a1a1a1a1', 'Ports & shipping', '#1f6feb', 'Port calls, shipping routes and who controls the harbours.')
const TAG_SANCTIONS = tag('b2b2b2b2b2', 'Sanctions – enforcement', '#cf222e', 'How existing measures are (or are not) applied.')
const TAG_PEOPLE = tag('c3c3c3c3c3', 'People', '#2da44e', '')

const A1 = makeArticleId('0000000001')
const A2 = makeArticleId('0000000002')
const A3 = makeArticleId('0000000003')

const SOURCES: BriefingSource[] = [
  {
    number: 1,
    articleId: A1,
    title: 'Russia withdraws naval assets from Syrian ports',
    outlet: 'bne IntelliNews',
    author: 'Jane Roe',
    published: '2024-12-15',
    url: 'https://example.org/news/russia-withdraws',
  },
  {
    number: 2,
    articleId: A2,
    title: '“Temporary” corridor will stay, Sohtaoğlu says',
    outlet: 'Anadolu Agency',
    author: null,
    published: '2025-01-03T10:00:00+03:00',
    url: null,
  },
  {
    number: 3,
    articleId: A3,
    title: 'Notes from the harbour at طرطوس',
    outlet: null,
    author: 'A. N. Writer',
    published: null,
    url: null,
  },
]

let highlightCounter = 0
const passage = (articleId: typeof A1, sourceNumber: number, quote: string, comment = ''): BriefingPassage => ({
  highlightId: makeHighlightId(`f${String(++highlightCounter).padStart(9, '0')}`),
  articleId,
  quote,
  comment,
  sourceNumber,
})

const FILLER = [
  'Harbour officials said the berths on the northern quay had been cleared by the end of the week, and that civilian traffic would resume once the dredging contract was signed.',
  'Two tugboats and a floating crane were seen leaving the outer basin at dawn; local fishermen said the naval patrols that had stopped them for a decade were no longer there.',
  'The operator declined to say how many containers were still waiting for inspection, citing “commercial sensitivities” and the need to consult its insurers first.',
  'Freight rates on the route rose for a third consecutive month, which brokers attributed to longer waits at anchor rather than to any change in demand.',
]

const LONG_QUOTE =
  'The report runs to forty pages and its conclusions are cautious. ' +
  FILLER.join(' ') +
  '\n\n' +
  'A second paragraph follows the blank line: it describes the customs regime, the fees charged per tonne and the documents a master must present before unloading. ' +
  FILLER.slice().reverse().join(' ')

function buildFixture(): BriefingLayout {
  const sections = [
    {
      tag: TAG_PORTS,
      passages: [
        passage(
          A1,
          1,
          'Satellite images show two vessels berthed at the port of طرطوس on 14 December, the operator’s third call this year…',
          'Cross-check with the AIS data for the same week.',
        ),
        passage(A3, 3, 'The harbour authority (مرفأ طرطوس) published its tariff only in Arabic.', 'Ask for a translation of the tariff — the fees matter.'),
        ...FILLER.map((q, i) => passage(A1, 1, q, i % 2 === 0 ? `Filler comment number ${i + 1}; worth a follow-up.` : '')),
        passage(A1, 1, LONG_QUOTE, 'Long quote: checks that a passage may run across a page break.'),
      ],
    },
    {
      tag: TAG_SANCTIONS,
      passages: [
        passage(
          A2,
          2,
          'Mehmet Sohtaoğlu told reporters that the “temporary” arrangement — agreed in March — would ‘remain in place’ until further notice.',
          'Contradicts the ministry’s statement of 2 February… check the Turkish original.',
        ),
        ...FILLER.map((q) => passage(A2, 2, q)),
      ],
    },
    {
      tag: TAG_PEOPLE,
      passages: [passage(A2, 2, 'Sohtaoğlu, 54, has led the port authority since 2019.', 'Born in İzmir; check the date.'), ...FILLER.map((q) => passage(A3, 3, q))],
    },
  ]
  return {
    title: 'Eastern Mediterranean ports — weekly briefing',
    generatedAt: '2026-11-21T13:57:00.000Z',
    sections,
    sources: SOURCES,
    passageCount: sections.reduce((n, s) => n + s.passages.length, 0),
  }
}

// ---------------------------------------------------------------------------------------

let dir: string
const layout = buildFixture()
let outPath: string
let result: { pageCount: number }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-briefing-'))
  outPath = join(dir, 'briefing.pdf')
  result = await writeBriefingPdf(layout, outPath, { fontsDir: FONTS_DIR, author: 'Analyst Sohtaoğlu' })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeBriefingPdf: the written file', () => {
  it('is a complete PDF of several pages and leaves no temp file', async () => {
    const bytes = await readFile(outPath)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/)
    expect(result.pageCount).toBeGreaterThanOrEqual(3)
    expect(await readdir(dir)).toEqual(['briefing.pdf'])
  })

  describe.skipIf(!has('pdftotext'))('text (needs pdftotext from poppler-utils)', () => {
    let pages: string[]
    let extracted: Extracted
    beforeAll(() => {
      const pdftotext = (...mode: string[]) => {
        const r = run('pdftotext', [...mode, '-enc', 'UTF-8', outPath, '-'])
        expect(r.status).toBe(0)
        // Pages are separated by form feeds; drop the empty string after the last one.
        return r.stdout.split('\f').slice(0, result.pageCount)
      }
      // Footers are removed so a quote that crosses a page break reads as one string.
      const body = (p: string[]) => normalise(p.map((page) => page.replace(/^\s*Page \d+ of \d+\s*$/gm, '')).join('\n'))
      pages = pdftotext('-raw')
      extracted = { raw: body(pages), reading: body(pdftotext()) }
    })

    it('holds the title block', () => {
      expectInPdfText(extracted, layout.title)
      expect(extracted.raw).toContain(`Generated 21 November 2026 · ${layout.passageCount} passages from 3 sources`)
    })

    it('holds every quote exactly, including Turkish letters, curly quotes, dashes, ellipsis and Arabic', () => {
      const quotes = layout.sections.flatMap((s) => s.passages.map((p) => p.quote))
      for (const q of quotes) expectInPdfText(extracted, q)
      // Spot checks on the characters that standard PDF fonts cannot print.
      for (const s of ['Sohtaoğlu', '“temporary”', '‘remain in place’', '— agreed in March —', 'this year…', 'operator’s', 'İzmir']) {
        expect(extracted.raw).toContain(s)
      }
      expect(extracted.reading).toContain('مرفأ طرطوس')
      // pdftotext -raw on the single-word Arabic name: exact, in place.
      expect(extracted.raw).toContain('berthed at the port of طرطوس on 14 December')
    })

    it('holds every non-empty comment after a "Comment:" label, and no label for empty ones', () => {
      const comments = layout.sections.flatMap((s) => s.passages.map((p) => p.comment)).filter((c) => c.trim())
      expect(comments.length).toBeGreaterThan(3)
      for (const c of comments) expectInPdfText(extracted, `Comment: ${c}`)
      expect(countIn(extracted.raw, 'Comment:')).toBe(comments.length)
    })

    it('holds each tag heading and description', () => {
      for (const section of layout.sections) {
        expectInPdfText(extracted, section.tag.name)
        if (section.tag.description) expectInPdfText(extracted, section.tag.description)
      }
    })

    it('cites every passage and lists every source with its full citation', () => {
      const passages = layout.sections.flatMap((s) => s.passages)
      for (const source of SOURCES) {
        const citation = formatCitation(source)
        const cited = passages.filter((p) => p.sourceNumber === source.number).length
        // Once under each passage that cites it, once more in the Sources list.
        if (containsArabic(citation)) {
          expectInPdfText(extracted, citation)
          expect(countIn(skeleton(extracted.reading), skeleton(citation))).toBe(cited + 1)
        } else {
          expect(countIn(extracted.raw, normalise(citation))).toBe(cited + 1)
        }
        expectInPdfText(extracted, source.title)
      }
      const sourcesList = extracted.raw.slice(extracted.raw.lastIndexOf('Sources'))
      for (const source of SOURCES) expect(sourcesList).toContain(`[${source.number}]`)
      expect(sourcesList).toContain(normalise(formatCitation(SOURCES[0]!)))
      expect(sourcesList).toContain('https://example.org/news/russia-withdraws')
    })

    it('puts "Page n of m" on every page, with the right numbers', () => {
      expect(pages).toHaveLength(result.pageCount)
      pages.forEach((page, i) => {
        expect(page.match(/Page \d+ of \d+/g)).toEqual([`Page ${i + 1} of ${result.pageCount}`])
      })
    })
  })

  it.skipIf(!has('pdffonts'))('embeds every font it uses (needs pdffonts from poppler-utils)', () => {
    const r = run('pdffonts', [outPath])
    expect(r.status).toBe(0)
    const rows = r.stdout.split('\n').slice(2).filter((l) => l.trim())
    expect(rows.length).toBe(Object.keys(BRIEFING_FONT_FILES).length)
    for (const row of rows) {
      // name type(words) encoding emb sub uni object-id generation
      const cols = row.trim().split(/\s+/)
      expect(cols.at(-5), row).toBe('yes')
      expect(row).toMatch(/\+Noto(Sans|NaskhArabic)/)
    }
  })

  it.skipIf(!has('qpdf'))('passes qpdf --check (needs qpdf)', () => {
    const r = run('qpdf', ['--check', outPath])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it.skipIf(!has('pdfinfo'))('carries the document info, and the page count it reports (needs pdfinfo)', () => {
    const r = run('pdfinfo', ['-isodates', '-enc', 'UTF-8', outPath])
    expect(r.status).toBe(0)
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(r.stdout)?.[1]?.trim()
    expect(field('Title')).toBe(layout.title)
    expect(field('Author')).toBe('Analyst Sohtaoğlu')
    expect(field('Subject')).toBe('Briefing')
    expect(field('Keywords')).toBe('Ports & shipping, Sanctions – enforcement, People')
    expect(field('CreationDate')).toBe('2026-11-21T13:57:00Z')
    expect(field('Page size')).toMatch(/A4/)
    expect(Number(field('Pages'))).toBe(result.pageCount)
  })

  it.skipIf(!has('pdftoppm'))('renders page 1 to test-artifacts/pdf/briefing-page1.png for a human to look at (needs pdftoppm)', async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true })
    const r = run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', outPath, join(ARTIFACTS_DIR, 'briefing-page1')])
    expect(r.status).toBe(0)
    const png = await readFile(join(ARTIFACTS_DIR, 'briefing-page1.png'))
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  })
})

describe('writeBriefingPdf: defaults', () => {
  it.skipIf(!has('pdfinfo'))('uses "Dossier" as Author when none is given (needs pdfinfo)', async () => {
    const small: BriefingLayout = { ...layout, sections: layout.sections.slice(2), passageCount: layout.sections[2]!.passages.length }
    const out = join(dir, 'small.pdf')
    const { pageCount } = await writeBriefingPdf(small, out, { fontsDir: FONTS_DIR })
    const info = run('pdfinfo', ['-enc', 'UTF-8', out]).stdout
    expect(info).toMatch(/^Author:\s+Dossier$/m)
    expect(info).toMatch(/^Keywords:\s+People$/m)
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pageCount}$`, 'm'))
    await rm(out)
  })
})

describe('writeBriefingPdf: failures never leave a half-written file', () => {
  let failDir: string
  beforeAll(async () => {
    failDir = await mkdtemp(join(tmpdir(), 'dossier-briefing-fail-'))
  })
  afterAll(async () => {
    await rm(failDir, { recursive: true, force: true })
  })

  const leftoverTemps = async (d: string) => (await readdir(d)).filter((name) => name.endsWith('.tmp'))

  it('rejects with ENOENT when the target directory does not exist, creating nothing', async () => {
    const missing = join(failDir, 'no-such-dir')
    await expect(writeBriefingPdf(layout, join(missing, 'out.pdf'), { fontsDir: FONTS_DIR })).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(failDir)).toEqual([])
    expect(await leftoverTemps(tmpdir())).toEqual([])
  })

  it('keeps an existing file byte for byte when the fonts directory is wrong', async () => {
    const out = join(failDir, 'keep.pdf')
    const old = Buffer.from('%PDF-1.3 previous briefing, must survive\n')
    await writeFile(out, old)
    await expect(writeBriefingPdf(layout, out, { fontsDir: join(failDir, 'no-fonts-here') })).rejects.toThrow()
    expect(await readFile(out)).toEqual(old)
    expect(await readdir(failDir)).toEqual(['keep.pdf'])
  })

  it('keeps an existing file and removes the temp file when rendering fails midway (corrupt bold font)', async () => {
    const brokenFonts = join(failDir, 'fonts')
    await mkdir(brokenFonts)
    for (const file of Object.values(BRIEFING_FONT_FILES)) await copyFile(join(FONTS_DIR, file), join(brokenFonts, file))
    await writeFile(join(brokenFonts, BRIEFING_FONT_FILES.bold), 'not a font')
    const out = join(failDir, 'keep2.pdf')
    const old = Buffer.from('older bytes')
    await writeFile(out, old)
    await expect(writeBriefingPdf(layout, out, { fontsDir: brokenFonts })).rejects.toThrow()
    expect(await readFile(out)).toEqual(old)
    expect((await readdir(failDir)).sort()).toEqual(['fonts', 'keep.pdf', 'keep2.pdf'])
    await rm(brokenFonts, { recursive: true })
  })
})
