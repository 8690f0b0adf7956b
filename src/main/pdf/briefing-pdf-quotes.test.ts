/**
 * How the briefing PDF sets its passages apart from the analyst's prose: the quote in its
 * own face (Noto Serif, where everything the analyst wrote is Noto Sans), between quote
 * marks, with an ellipsis where it starts or ends in the middle of a sentence. Read back
 * with poppler: `pdftohtml -xml` (each line of text with its font) and `pdftotext`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing } from '../../core/briefing'
import { renderBriefingPdf } from './briefing-pdf'
import { fixtureDocument, FONTS_DIR, GENERATED, has, normalise, NOTEBOOK, Q, run } from './test-briefing-pdf'

const layout = buildBriefing(fixtureDocument(), NOTEBOOK, { generatedAt: GENERATED })
const passages = layout.sections.flatMap((s) => s.passages)
let dir: string
let path: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-quotes-'))
  path = join(dir, 'briefing.pdf')
  await writeFile(path, (await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })).bytes)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const decode = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** Every line of text in the PDF with the font family it is set in (subset prefix removed). */
function linesWithFonts(): { text: string; font: string }[] {
  const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-enc', 'UTF-8', path]).stdout
  const fonts = new Map<string, string>()
  for (const m of xml.matchAll(/<fontspec id="(\d+)"[^>]* family="(?:[A-Z]{6}\+)?([^"]+)"/g)) fonts.set(m[1]!, m[2]!)
  return [...xml.matchAll(/<text [^>]*font="(\d+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({ text: decode(m[2]!), font: fonts.get(m[1]!) ?? '?' }))
}

describe.skipIf(!has('pdftohtml'))('quotes set apart in their own face (needs pdftohtml from poppler-utils)', () => {
  it('sets each quote in Noto Serif and the analyst’s comments, notes and key judgments in Noto Sans', () => {
    const lines = linesWithFonts()
    const fontOf = (start: string) => {
      const line = lines.find((l) => l.text.startsWith(start))
      expect(line, start).toBeDefined()
      return line!.font
    }
    expect(fontOf('“Harbour officials said')).toBe('NotoSerif')
    expect(fontOf('“Mehmet Sohtaoğlu told reporters')).toBe('NotoSerif')
    expect(fontOf('“…the naval patrols')).toBe('NotoSerif')
    expect(fontOf('Cross-check with the AIS data')).toBe('NotoSans')
    expect(fontOf('Port calls are down sharply')).toBe('NotoSans')
    expect(fontOf('Port traffic is recovering')).toBe('NotoSans')
    // No quote line is in the analyst's face, and no comment line in the quotes'.
    const serif = new Set(lines.filter((l) => l.font === 'NotoSerif').map((l) => l.text))
    for (const p of passages.filter((x) => x.comment.trim())) expect(serif.has(p.comment), p.comment).toBe(false)
  })
})

describe.skipIf(!has('pdftotext'))('quote marks and ellipses (needs pdftotext)', () => {
  let raw: string
  beforeAll(() => {
    raw = normalise(run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']).stdout)
  })

  it('puts a whole sentence between quote marks as it is', () => {
    expect(raw).toContain(`“${Q.age}”`)
    expect(raw).toContain(`“${Q.sohtaoglu}”`)
    // Already ending in an ellipsis: no second one.
    expect(raw).toContain('the operator’s third call this year…”')
  })

  it('marks a fragment that starts lowercase, or mid-sentence with a capital, with an ellipsis, and one cut short at its end', () => {
    expect(raw).toContain(`“…${Q.patrols}…”`)
    expect(raw).toContain(`“…${Q.midName}…”`)
  })

  it('sets an Arabic fragment between «…» with its ellipses, right to left: the opening mark at the right', () => {
    const xml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']).stdout
    const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>(.*?)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3]! }))
    // The fragment's first word, سلطة, drawn right to left.
    const anchor = words.filter((w) => w.text === [...'سلطة'].reverse().join(''))
    const line = anchor
      .map((a) => words.filter((w) => Math.abs(w.y - a.y) < 3 && w.x > 80).sort((p, q) => p.x - q.x))
      .find((l) => l.length === 5)!
    expect(line.map((w) => w.text)).toEqual(['«…', ...[...Q.arabicFragment.split(' ')].reverse().map((w) => [...w].reverse().join('')), '…»'])
  })
})
