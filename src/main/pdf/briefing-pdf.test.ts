import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing, formatCitation, formatCitedBy, keyJudgmentItems, sectionDescription, sectionName, type BriefingLayout } from '../../core/briefing'
import { updateBriefingFields } from '../../core/briefing-document'
import { BRIEFING_FONT_FILES, renderBriefingPdf, writeBriefingPdf } from './briefing-pdf'
import {
  AUTHOR,
  countIn,
  expectInPdfText,
  FONTS_DIR,
  fixtureDocument,
  GENERATED,
  HANDLING,
  has,
  normalise,
  NOTEBOOK,
  PEOPLE,
  Q,
  ROOT,
  run,
  skeleton,
  type Extracted,
} from './test-briefing-pdf'
import { containsArabic } from './script-runs'

const ARTIFACTS_DIR = join(ROOT, 'test-artifacts', 'pdf')

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
      // The section of the chosen tag that no passage carries was left out: the scope does not name it.
      expect(layout.warnings.map((w) => w.kind)).toEqual(['section-empty'])
      expect(page1).toContain('SCOPE Tags: Ports & shipping, Sanctions – enforcement, People CONTENTS')
      expect(page1).not.toContain('Unused tag')
      expect(page1).toContain(`CONTENTS ${layout.passageCount} passages from ${layout.sources.length} sources in 3 sections`)
    })

    it('holds the key judgments exactly, numbered 1, 2…', () => {
      const items = keyJudgmentItems(layout.keyJudgments)
      expect(items).toHaveLength(2)
      expectInPdfText(extracted, `Key judgments ${items.map((item, i) => `${i + 1}. ${item}`).join(' ')}`)
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
      // The heading, not an "Also in §3 People (passage 16)" line before it.
      const startPage = (heading: string) => pages.findIndex((p, i) => i > 0 && new RegExp(`${escapeRegExp(heading)}(?! \\(passage)`).test(normalise(p))) + 1
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

    it('sets a passage in Arabic right-aligned between «…», its opening mark and first word at the right edge', () => {
      const first = words.find((w) => w.text === drawn('أعلنت'))!
      const line = lineOf(first.text)
      // The opening «, mirrored as right-to-left text is, opens the quote on the right: »…«.
      expect(line.at(-1)!.text).toBe('»')
      expect(line.at(-2)!.text).toBe(first.text)
      expect(line.at(-1)!.xMax).toBeGreaterThan(595.28 - 70 - 3)
      // The closing mark at its left end, after the full stop (the gutter number aside).
      expect(line.filter((w) => w.x >= 90)[0]!.text).toBe('«.')
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
      expect(row).toMatch(/^[A-Z]{6}\+Noto(Sans-(Regular|Bold|Italic)|Serif-Regular|NaskhArabic)\s/)
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
