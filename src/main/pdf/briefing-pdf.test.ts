import { spawnSync } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing, formatCitation, formatCitedBy, sectionDescription, sectionName, type BriefingLayout } from '../../core/briefing'
import { createBriefingDocument, makeBriefingId, setSectionNote, updateBriefingFields } from '../../core/briefing-document'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import { emptyAnalysisFields, type Article, type Highlight, type Tag } from '../../core/model'
import { makeTextTarget } from '../../core/selectors'
import { BRIEFING_FONT_FILES, renderBriefingPdf, writeBriefingPdf } from './briefing-pdf'
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
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * How text is compared. pdftotext wraps lines where the PDF wraps them, so runs of
 * whitespace collapse to one space; nothing else is changed.
 *
 * Arabic: the PDF draws a right-to-left run in visual order, and pdftotext turns it back:
 * - the default mode yields each Arabic run in logical order (the order typed), wrapped in
 *   bidi embedding controls U+202B … U+202C, but moves the neutral characters that touch
 *   the run (spaces, brackets, quotes) to the other side of it;
 * - `-raw` (content-stream order) keeps Latin text exact but gives Arabic in visual order.
 * So Latin-only strings are checked exactly in the `-raw` text; strings holding Arabic are
 * checked as (1) every Arabic run, exactly and in logical order, in the default-mode text,
 * and (2) every other character, in order, once Arabic letters, bidi controls and
 * whitespace are set aside on both sides. Visual order itself is checked with word
 * positions (`pdftotext -bbox`).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g
const normalise = (s: string) => s.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim()
const skeleton = (s: string) => s.replace(/[\p{Script_Extensions=Arabic}\u202a-\u202e\u2066-\u2069\s]/gu, '')

interface Extracted {
  /** `pdftotext -raw`, page furniture removed, normalised. */
  raw: string
  /** `pdftotext` default mode, page furniture removed, normalised. */
  reading: string
}

function expectInPdfText(extracted: Extracted, expected: string): void {
  if (!containsArabic(expected)) {
    expect(extracted.raw).toContain(normalise(expected))
    return
  }
  for (const r of splitScriptRuns(expected).filter((x) => x.arabic)) expect(extracted.reading).toContain(normalise(r.text))
  expect(skeleton(extracted.reading)).toContain(skeleton(expected))
}

const countIn = (haystack: string, needle: string) => haystack.split(needle).length - 1

// ---------------------------------------------------------------------------------------
// Fixture: a notebook written by hand (Turkish, curly quotes, dashes, ellipsis, Arabic in
// English sentences, a passage in Arabic, a passage long enough to cross a page), built
// into a briefing with the real buildBriefing.

const HANDLING = 'UNCLASSIFIED // FOR TRAINING'
const AUTHOR = 'Analyst Sohtaoğlu'
const GENERATED = '2026-11-21T13:57:00.000Z'

const TAGS: Tag[] = [
  { id: 't-ports' as TagId, name: 'Ports & shipping', color: '#0072B2', description: 'Port calls, shipping routes and who controls the harbours.' },
  { id: 't-sanctions' as TagId, name: 'Sanctions – enforcement', color: '#D55E00', description: 'How existing measures are (or are not) applied.' },
  { id: 't-people' as TagId, name: 'People', color: '#CC79A7', description: '' },
]
const [PORTS, SANCTIONS, PEOPLE] = TAGS.map((t) => t.id) as [TagId, TagId, TagId]

const FILLER = [
  'Harbour officials said the berths on the northern quay had been cleared by the end of the week, and that civilian traffic would resume once the dredging contract was signed.',
  'Two tugboats and a floating crane were seen leaving the outer basin at dawn; local fishermen said the naval patrols that had stopped them for a decade were no longer there.',
  'The operator declined to say how many containers were still waiting for inspection, citing “commercial sensitivities” and the need to consult its insurers first.',
  'Freight rates on the route rose for a third consecutive month, which brokers attributed to longer waits at anchor rather than to any change in demand.',
]
const LONG_QUOTE =
  'The report runs to forty pages and its conclusions are cautious. ' +
  [...FILLER, ...FILLER].join(' ') +
  '\n\nA second paragraph follows the blank line: it describes the customs regime, the fees charged per tonne and the documents a master must present before unloading. ' +
  [...FILLER].reverse().join(' ')

const Q = {
  tartus: 'Satellite images show two vessels berthed at the port of طرطوس on 14 December, the operator’s third call this year…',
  harbour: 'The harbour authority (مرفأ طرطوس) published its tariff only in Arabic.',
  route: 'Ships now sail from طرطوس – بانياس along the coast before turning west.',
  arabic: 'أعلنت سلطة مرفأ طرطوس أن الرسوم ستبقى كما هي حتى نهاية العام 2025.',
  sohtaoglu: 'Mehmet Sohtaoğlu told reporters that the “temporary” arrangement — agreed in March — would ‘remain in place’ until further notice.',
  age: 'Sohtaoğlu, 54, has led the port authority since 2019.',
}

const TEXTS: Record<string, string> = {
  'a-0000000001': `Tartus, 15 December. ${Q.tartus} ${Q.route} ${FILLER.join(' ')} ${LONG_QUOTE}`,
  'a-0000000002': `Ankara. ${Q.sohtaoglu} ${Q.age} ${FILLER.join(' ')}`,
  'a-0000000003': `Notes. ${Q.harbour} ${Q.arabic} ${FILLER.join(' ')}`,
}
const article = (n: number, title: string, outlet: string | null, author: string | null, published: string | null, url: string | null): Article => {
  const id = `a-000000000${n}`
  return {
    id: id as ArticleId,
    title,
    outlet,
    author,
    published,
    url,
    metaSources: {},
    bodyHash: String(n).repeat(64),
    wordCount: 100,
    charCount: TEXTS[id]!.length,
    importedAt: '2025-03-01T09:00:00.000Z',
    ...emptyAnalysisFields(),
    source: { fileName: `${id}.txt`, format: 'txt', originalFile: `originals/${'f'.repeat(64)}.txt`, originalHash: 'f'.repeat(64) },
  }
}
const ARTICLES = [
  article(1, 'Russia withdraws naval assets from Syrian ports', 'bne IntelliNews', 'Jane Roe', '2024-12-15', 'https://example.org/news/russia-withdraws'),
  article(2, '“Temporary” corridor will stay, Sohtaoğlu says', 'Anadolu Agency', null, '2025-01-03T10:00:00+03:00', null),
  article(3, 'Notes from the harbour at طرطوس', null, 'A. N. Writer', null, null),
]

let counter = 0
function hl(articleNo: number, quote: string, tagIds: TagId[], comment = '', occurrence = 0): Highlight {
  const id = `a-000000000${articleNo}`
  const text = TEXTS[id]!
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`not in the text: ${quote}`)
  counter++
  const hId = `h-${String(counter).padStart(10, '0')}` as HighlightId
  return { id: hId, articleId: id as ArticleId, target: makeTextTarget(text, start, start + quote.length), tagIds, comment, createdAt: GENERATED, updatedAt: GENERATED }
}
const HIGHLIGHTS: Highlight[] = [
  hl(1, Q.tartus, [PORTS], 'Cross-check with the AIS data for the same week.'),
  hl(1, Q.route, [PORTS]),
  hl(3, Q.harbour, [PORTS], 'Ask for a translation of the tariff — the fees matter.'),
  hl(3, Q.arabic, [PORTS], 'The authority’s statement, in full.'),
  ...FILLER.map((q, i) => hl(1, q, [PORTS], i % 2 === 0 ? `Filler comment number ${i + 1}; worth a follow-up.` : '')),
  hl(1, LONG_QUOTE, [PORTS], 'Long quote: checks that a passage may run across a page break.'),
  hl(2, Q.sohtaoglu, [SANCTIONS, PEOPLE], 'Contradicts the ministry’s statement of 2 February… check the Turkish original.'),
  ...FILLER.map((q) => hl(2, q, [SANCTIONS])),
  hl(2, Q.age, [PEOPLE], 'Born in İzmir; check the date.'),
  ...FILLER.map((q) => hl(3, q, [PEOPLE])),
]
const NOTEBOOK = { articles: ARTICLES, tags: TAGS, highlights: HIGHLIGHTS }

function fixtureDocument() {
  let doc = createBriefingDocument({
    id: makeBriefingId('00000pdf01'),
    now: GENERATED,
    tags: TAGS,
    title: 'Eastern Mediterranean ports — weekly briefing',
    author: AUTHOR,
    handling: HANDLING,
    keyJudgments: 'Russia is keeping a foothold at طرطوس while talks continue.\n\nPort traffic is recovering — slowly — and the tariff regime favours local operators.',
  })
  doc = setSectionNote(doc, PORTS, 'Port calls are down sharply since December; the operator’s statements conflict.')
  doc = setSectionNote(doc, PEOPLE, 'Who decides at the port, and who speaks for it.')
  return doc
}

// ---------------------------------------------------------------------------------------

let dir: string
const layout = buildBriefing(fixtureDocument(), NOTEBOOK, { generatedAt: GENERATED })
let outPath: string
let result: { pageCount: number }
let rendered: Awaited<ReturnType<typeof renderBriefingPdf>>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-briefing-'))
  outPath = join(dir, 'briefing.pdf')
  result = await writeBriefingPdf(layout, outPath, { fontsDir: FONTS_DIR })
  rendered = await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const passages = () => layout.sections.flatMap((s) => s.passages)

describe('writeBriefingPdf: the written file', () => {
  it('is a complete PDF of several pages and leaves no temp file', async () => {
    const bytes = await readFile(outPath)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(bytes.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/)
    expect(result.pageCount).toBeGreaterThanOrEqual(5)
    expect(await readdir(dir)).toEqual(['briefing.pdf'])
    // Rendering is deterministic: the same layout gives the same bytes.
    expect(Buffer.compare(bytes, rendered.bytes)).toBe(0)
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
      // Page furniture (handling lines, running header, footer) is removed so a quote
      // that crosses a page break reads as one string.
      const furniture = [HANDLING, 'Eastern Mediterranean ports — weekly briefing 21 November 2026', `${AUTHOR} · 21 November 2026`]
      const body = (p: string[]) =>
        normalise(
          p
            .map((page) => {
              let text = page.replace(/Page \d+ of \d+/g, '')
              for (const f of furniture) text = text.split(f).join(' ')
              return text
            })
            .join('\n'),
        )
      pages = pdftotext('-raw')
      extracted = { raw: body(pages), reading: body(pdftotext()) }
    })

    it('holds the title block: title, author, date, handling, scope and counts', () => {
      const page1 = normalise(pages[0]!)
      expect(page1).toContain('BRIEFING Eastern Mediterranean ports — weekly briefing')
      expect(page1).toContain(`PREPARED BY ${AUTHOR}`)
      expect(page1).toContain('DATE 21 November 2026')
      expect(page1).toContain(`HANDLING ${HANDLING}`)
      expect(page1).toContain('SCOPE Tags: Ports & shipping, Sanctions – enforcement, People')
      expect(page1).toContain(`CONTENTS ${layout.passageCount} passages from 3 sources in 3 sections`)
    })

    it('holds the key judgments exactly', () => {
      expectInPdfText(extracted, 'Key judgments')
      expectInPdfText(extracted, layout.keyJudgments)
    })

    it('holds every quote exactly, including Turkish letters, curly quotes, dashes, ellipsis and Arabic', () => {
      for (const p of passages()) expectInPdfText(extracted, p.quote)
      for (const s of ['Sohtaoğlu', '“temporary”', '‘remain in place’', '— agreed in March —', 'this year…', 'operator’s', 'İzmir']) {
        expect(extracted.raw).toContain(s)
      }
      expect(extracted.reading).toContain('مرفأ طرطوس')
      expect(extracted.raw).toContain('berthed at the port of طرطوس on 14 December')
    })

    it('holds every comment exactly, set apart under an "ANALYST COMMENT" label, and no label for passages without one', () => {
      const withComment = passages().filter((p) => p.comment.trim())
      expect(withComment.length).toBeGreaterThan(5)
      for (const p of withComment) expectInPdfText(extracted, `ANALYST COMMENT ${p.comment}`)
      expect(countIn(extracted.raw, 'ANALYST COMMENT')).toBe(withComment.length)
      expect(extracted.raw).not.toContain('Untagged')
    })

    it('holds each numbered section heading with its description and the analyst’s note', () => {
      for (const section of layout.sections) {
        expectInPdfText(extracted, `§${section.number} ${sectionName(section)}`)
        if (sectionDescription(section)) expectInPdfText(extracted, sectionDescription(section))
        if (section.note) expectInPdfText(extracted, `ANALYST'S NOTE ${section.note}`)
      }
    })

    it('numbers passages and cites each one; a repeated passage points to its copy', () => {
      for (const source of layout.sources) {
        const citation = formatCitation(source)
        const cited = source.citedBy.length
        // Once under each passage that cites it, once more in the source list.
        if (containsArabic(citation)) expect(countIn(skeleton(extracted.reading), skeleton(citation))).toBe(cited + 1)
        else expect(countIn(extracted.raw, normalise(citation))).toBe(cited + 1)
      }
      const repeated = passages().find((p) => p.alsoIn.length > 0)!
      expect(extracted.raw).toContain(`Also in §${repeated.alsoIn[0]!.sectionNumber} ${repeated.alsoIn[0]!.tagName} (passage ${repeated.alsoIn[0]!.passageNumber}).`)
    })

    it('lists every source with outlet, title, author, date, URL and the passages citing it', () => {
      const list = extracted.raw.slice(extracted.raw.lastIndexOf('Sources Bracketed numbers'))
      for (const source of layout.sources) {
        const citation = formatCitation(source)
        expectInPdfText({ raw: list, reading: extracted.reading.slice(extracted.reading.lastIndexOf('Sources')) }, citation.slice(citation.indexOf(' ') + 1))
        expect(list).toContain(`[${source.number}]`)
        expect(list).toContain(`${formatCitedBy(source.citedBy)}.`)
      }
      expect(list).toContain('bne IntelliNews, “Russia withdraws naval assets from Syrian ports”, by Jane Roe, 15 December 2024. https://example.org/news/russia-withdraws')
    })

    it('prints the handling line at the top and bottom of every page, and "Page n of m" once per page', () => {
      expect(pages).toHaveLength(result.pageCount)
      pages.forEach((page, i) => {
        // Top and bottom of every page; page 1 also names it in the title block.
        expect(countIn(page, HANDLING), `page ${i + 1}`).toBe(i === 0 ? 3 : 2)
        expect(page.match(/Page \d+ of \d+/g)).toEqual([`Page ${i + 1} of ${result.pageCount}`])
        if (i > 0) expect(normalise(page)).toContain('Eastern Mediterranean ports — weekly briefing 21 November 2026')
      })
    })

    it('lists the contents with page numbers that match the pages where sections start', () => {
      const toc = normalise(pages[0]!).slice(normalise(pages[0]!).indexOf('Contents'))
      const listed = layout.sections.map((s) => {
        const m = new RegExp(`§${s.number} ${escapeRegExp(sectionName(s))} \\d+ passages?[ .]+(\\d+)`).exec(toc)
        expect(m, sectionName(s)).not.toBeNull()
        return Number(m![1])
      })
      const startPage = (heading: string) => pages.findIndex((p, i) => i > 0 && normalise(p).includes(heading)) + 1
      expect(listed).toEqual(layout.sections.map((s) => startPage(`§${s.number} ${sectionName(s)}`)))
      expect(listed).toEqual(rendered.sectionPages)
      const sources = /Sources \d+ sources?[ .]+(\d+)/.exec(toc)
      expect(Number(sources![1])).toBe(rendered.sourcesPage)
      expect(normalise(pages[rendered.sourcesPage - 1]!)).toContain('Sources Bracketed numbers')
    })
  })

  describe.skipIf(!has('pdftotext'))('right-to-left text in visual order (needs pdftotext)', () => {
    type Word = { page: number; x: number; y: number; xMax: number; text: string }
    let words: Word[]
    beforeAll(() => {
      const xml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', outPath, '-']).stdout
      words = []
      let page = 0
      for (const line of xml.split('\n')) {
        if (line.includes('<page ')) page++
        const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*)<\/word>/.exec(line)
        if (m) words.push({ page, x: Number(m[1]), y: Number(m[2]), xMax: Number(m[3]), text: m[4]!.replace(/&amp;/g, '&') })
      }
    })
    /** The words on the line holding `anchor`, left to right; Arabic words as drawn (glyph order). */
    const lineOf = (anchor: string) => {
      const a = words.find((w) => w.text === anchor)!
      return words.filter((w) => w.page === a.page && Math.abs(w.y - a.y) < 3).sort((p, q) => p.x - q.x)
    }
    const drawn = (logical: string) => [...logical].reverse().join('')

    it('places an Arabic place name where it belongs in an English sentence', () => {
      const line = lineOf('berthed').map((w) => w.text)
      expect(line.slice(line.indexOf('port'), line.indexOf('port') + 4)).toEqual(['port', 'of', drawn('طرطوس'), 'on'])
    })

    it('orders two Arabic names joined by a dash right to left: the first name on the right', () => {
      const line = lineOf('along')
      const first = line.find((w) => w.text === drawn('طرطوس'))!
      const second = line.find((w) => w.text === drawn('بانياس'))!
      const from = line.find((w) => w.text === 'from')!
      expect(from.x).toBeLessThan(second.x)
      expect(second.x).toBeLessThan(first.x)
    })

    it('sets a passage in Arabic right-aligned, its first word at the right edge', () => {
      const first = words.find((w) => w.text === drawn('أعلنت'))!
      const line = lineOf(first.text)
      expect(line.at(-1)!.text).toBe(first.text)
      expect(first.xMax).toBeGreaterThan(595.28 - 70 - 3)
      // European digits inside it stay left to right.
      expect(line.some((w) => w.text === '2025.' || w.text === '.2025' || w.text === '2025')).toBe(true)
    })
  })

  it.skipIf(!has('qpdf'))('has bookmarks: key judgments, contents, each section (at its page) with its passages, sources', () => {
    const r = run('qpdf', ['--json', '--json-key=outlines', outPath])
    expect(r.status).toBe(0)
    interface Item {
      title: string
      destpageposfrom1: number
      kids: Item[]
    }
    const outlines = (JSON.parse(r.stdout) as { outlines: Item[] }).outlines
    expect(outlines.map((o) => o.title)).toEqual(['Key judgments', 'Contents', ...layout.sections.map((s) => `§${s.number} ${sectionName(s)}`), 'Sources'])
    expect(outlines[0]!.destpageposfrom1).toBe(1)
    layout.sections.forEach((section, i) => {
      const item = outlines[i + 2]!
      expect(item.destpageposfrom1).toBe(rendered.sectionPages[i])
      expect(item.kids.map((k) => k.title.split('. ')[0])).toEqual(section.passages.map((p) => String(p.number)))
      const kidPages = item.kids.map((k) => k.destpageposfrom1)
      expect(kidPages).toEqual([...kidPages].sort((a, b) => a - b))
      expect(kidPages[0]).toBeGreaterThanOrEqual(item.destpageposfrom1)
    })
    expect(outlines.at(-1)!.destpageposfrom1).toBe(rendered.sourcesPage)
    const kid = outlines[2]!.kids[0]!
    expect(kid.title).toBe(`1. ${layout.sections[0]!.passages[0]!.quote.slice(0, 68).trimEnd()}…`)
  })

  it.skipIf(!has('qpdf'))('links contents entries, citation numbers and cross-references to named destinations that exist, and URLs', () => {
    const r = run('qpdf', ['--json', '--json-key=qpdf', outPath])
    expect(r.status).toBe(0)
    type Obj = { value?: Record<string, unknown> }
    const objects = Object.values((JSON.parse(r.stdout) as { qpdf: [unknown, Record<string, Obj>] }).qpdf[1])
    const values = objects.map((o) => o.value).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    const goTo = values.filter((v) => v['/S'] === '/GoTo').map((v) => String(v['/D']).replace(/^u:/, ''))
    const uris = values.filter((v) => v['/S'] === '/URI').map((v) => String(v['/URI']).replace(/^u:/, ''))
    // The names of the /Dests name tree (its /Names arrays hold name, destination, name, ...).
    const defined = new Set<string>()
    const collect = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(collect)
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === '/Names' && Array.isArray(value)) value.forEach((name, i) => i % 2 === 0 && defined.add(String(name).replace(/^u:/, '')))
          else collect(value)
        }
      }
    }
    collect(values.map((v) => v['/Dests']))
    for (const name of goTo) expect(defined, name).toContain(name)
    expect(goTo).toEqual(expect.arrayContaining([...layout.sections.map((s) => `section-${s.number}`), 'sources', 'source-1', 'source-2', 'source-3']))
    expect(uris).toEqual(['https://example.org/news/russia-withdraws'])
  })

  it.skipIf(!has('pdffonts'))('embeds every font it uses, subsetted (needs pdffonts from poppler-utils)', () => {
    const r = run('pdffonts', [outPath])
    expect(r.status).toBe(0)
    const rows = r.stdout.split('\n').slice(2).filter((l) => l.trim())
    expect(rows.length).toBe(Object.keys(BRIEFING_FONT_FILES).length)
    for (const row of rows) {
      // name type(words) encoding emb sub uni object-id generation
      const cols = row.trim().split(/\s+/)
      expect(cols.at(-5), row).toBe('yes')
      expect(cols.at(-4), row).toBe('yes')
      expect(cols.at(-3), row).toBe('yes')
      expect(row).toMatch(/^[A-Z]{6}\+Noto(Sans-(Regular|Bold|Italic)|NaskhArabic)\s/)
    }
  })

  it.skipIf(!has('qpdf'))('passes qpdf --check (needs qpdf)', () => {
    const r = run('qpdf', ['--check', outPath])
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('No syntax or stream encoding errors found')
  })

  it.skipIf(!has('pdfinfo'))('carries the document info (Title, Author, Subject, Keywords = tags) and the page count', () => {
    const r = run('pdfinfo', ['-isodates', '-enc', 'UTF-8', outPath])
    expect(r.status).toBe(0)
    const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(r.stdout)?.[1]?.trim()
    expect(field('Title')).toBe(layout.title)
    expect(field('Author')).toBe(AUTHOR)
    expect(field('Subject')).toBe(`Briefing (${HANDLING})`)
    expect(field('Keywords')).toBe('Ports & shipping, Sanctions – enforcement, People')
    expect(field('Creator')).toBe('Dossier')
    expect(field('CreationDate')).toBe('2026-11-21T13:57:00Z')
    expect(field('Page size')).toMatch(/A4/)
    expect(Number(field('Pages'))).toBe(result.pageCount)
  })

  it.skipIf(!has('pdftoppm'))('renders page 1 and the source list to test-artifacts/pdf/ for a human to look at (needs pdftoppm)', async () => {
    await mkdir(ARTIFACTS_DIR, { recursive: true })
    const targets = [
      ['briefing-page1', 1],
      ['briefing-page2', 2],
      ['briefing-sources', rendered.sourcesPage],
    ] as const
    for (const [name, page] of targets) {
      const r = run('pdftoppm', ['-png', '-r', '80', '-f', String(page), '-l', String(page), '-singlefile', outPath, join(ARTIFACTS_DIR, name)])
      expect(r.status).toBe(0)
      const png = await readFile(join(ARTIFACTS_DIR, `${name}.png`))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    }
  })
})

describe('writeBriefingPdf: cross-reference mode and defaults', () => {
  it.skipIf(!has('pdftotext'))('prints a multi-tag passage once, with "See also" and a reference list in the other section', async () => {
    const cross = buildBriefing(updateBriefingFields(fixtureDocument(), { multiTag: 'cross-reference' }), NOTEBOOK, { generatedAt: GENERATED })
    const out = join(dir, 'cross.pdf')
    await writeBriefingPdf(cross, out, { fontsDir: FONTS_DIR })
    const text = normalise(run('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-']).stdout)
    expect(countIn(text, 'Mehmet Sohtaoğlu told reporters')).toBe(2) // the passage, and its excerpt in the reference list
    const home = cross.sections.flatMap((s) => s.passages).find((p) => p.quote === Q.sohtaoglu)!
    expect(text).toContain(`See also §3 People.`)
    expect(text).toContain(`Also relevant to People, printed in other sections: Passage ${home.number} (§2 Sanctions – enforcement): “Mehmet Sohtaoğlu told reporters`)
    await rm(out)
  })

  it.skipIf(!has('pdfinfo'))('uses "Dossier" as Author when the briefing has none, and leaves out what is empty', async () => {
    const small: BriefingLayout = buildBriefing({ tagIds: [PEOPLE] }, NOTEBOOK, { generatedAt: GENERATED })
    const out = join(dir, 'small.pdf')
    const { pageCount } = await writeBriefingPdf(small, out, { fontsDir: FONTS_DIR })
    const info = run('pdfinfo', ['-enc', 'UTF-8', out]).stdout
    expect(info).toMatch(/^Author:\s+Dossier$/m)
    expect(info).toMatch(/^Subject:\s+Briefing$/m)
    expect(info).toMatch(/^Keywords:\s+People$/m)
    expect(info).toMatch(new RegExp(`^Pages:\\s+${pageCount}$`, 'm'))
    const text = normalise(run('pdftotext', ['-raw', '-enc', 'UTF-8', out, '-']).stdout)
    expect(text).not.toContain('Key judgments')
    expect(text).not.toContain('PREPARED BY')
    expect(text).not.toContain('HANDLING')
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

  it('keeps an existing file byte for byte when the fonts directory is wrong, naming the font', async () => {
    const out = join(failDir, 'keep.pdf')
    const old = Buffer.from('%PDF-1.3 previous briefing, must survive\n')
    await writeFile(out, old)
    const error = await writeBriefingPdf(layout, out, { fontsDir: join(failDir, 'no-fonts-here') }).catch((e: unknown) => e as Error & { code?: string })
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^Cannot load the PDF font NotoSans-Regular\.ttf from .*no-fonts-here/)
    expect((error as { code?: string }).code).toBeUndefined()
    expect(await readFile(out)).toEqual(old)
    expect(await readdir(failDir)).toEqual(['keep.pdf'])
  })

  it('keeps an existing file and removes the temp file when a font is corrupt', async () => {
    const brokenFonts = join(failDir, 'fonts')
    await mkdir(brokenFonts)
    for (const file of Object.values(BRIEFING_FONT_FILES)) await copyFile(join(FONTS_DIR, file), join(brokenFonts, file))
    await writeFile(join(brokenFonts, BRIEFING_FONT_FILES.bold), 'not a font')
    const out = join(failDir, 'keep2.pdf')
    const old = Buffer.from('older bytes')
    await writeFile(out, old)
    await expect(writeBriefingPdf(layout, out, { fontsDir: brokenFonts })).rejects.toThrow(/Cannot load the PDF font NotoSans-Bold\.ttf/)
    expect(await readFile(out)).toEqual(old)
    expect((await readdir(failDir)).sort()).toEqual(['fonts', 'keep.pdf', 'keep2.pdf'])
    await rm(brokenFonts, { recursive: true })
  })

  it('reports progress through layout, drawing and writing', async () => {
    const seen: string[] = []
    const out = join(failDir, 'progress.pdf')
    await writeBriefingPdf(layout, out, { fontsDir: FONTS_DIR, onProgress: (p) => seen.push(`${p.phase}:${p.done}/${p.total}`) })
    expect(seen[0]).toBe(`layout:0/${layout.sections.length + 2}`)
    expect(seen).toContain(`draw:${result.pageCount}/${result.pageCount}`)
    expect(seen.at(-1)).toBe('finish:1/1')
    await rm(out)
  })
})

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
