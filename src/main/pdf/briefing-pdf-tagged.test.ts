/**
 * The briefing PDF as tagged (accessible) PDF, read back with poppler (`pdfinfo`,
 * `pdfinfo -struct-text`) and qpdf (`--json`, content streams decoded): the catalog says
 * tagged, in English, titled; the structure tree holds the briefing in reading order with
 * the elements a screen reader navigates by; every text run is in it or marked as an
 * artifact; passages carry their language; links are Link elements.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBriefing, keyJudgmentItems, sectionName } from '../../core/briefing'
import { renderBriefingPdf } from './briefing-pdf'
import { fixtureDocument, FONTS_DIR, GENERATED, HANDLING, has, normalise, NOTEBOOK, Q, run } from './test-briefing-pdf'
import { printedQuote } from './sections'
import { isRightToLeftParagraph } from './text-layout'

const layout = buildBriefing(fixtureDocument(), NOTEBOOK, { generatedAt: GENERATED })
const passages = layout.sections.flatMap((s) => s.passages)
let dir: string
let path: string
let pageCount: number

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dossier-tagged-'))
  path = join(dir, 'briefing.pdf')
  const rendered = await renderBriefingPdf(layout, { fontsDir: FONTS_DIR })
  pageCount = rendered.pageCount
  await writeFile(path, rendered.bytes)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------------------
// Reading the structure tree (pdfinfo -struct-text) and the objects (qpdf --json)

interface Element {
  type: string
  /** Text and child elements in order. */
  items: (string | Element)[]
  /** OBJR children (annotations), as "Object n 0". */
  objects: number
}

/** The structure tree as poppler reads it: elements by indentation, their text in quotes. */
function structureTree(): Element {
  const out = run('pdfinfo', ['-struct-text', path]).stdout
  const root: Element = { type: '(root)', items: [], objects: 0 }
  const stack: { indent: number; element: Element }[] = [{ indent: -1, element: root }]
  for (const line of out.split('\n')) {
    if (!line.trim()) continue
    const indent = line.length - line.trimStart().length
    const content = line.trim()
    while (stack.length > 1 && stack.at(-1)!.indent >= indent) stack.pop()
    const parent = stack.at(-1)!.element
    if (content.startsWith('"')) parent.items.push(content.slice(1, -1))
    else if (content.startsWith('Object ')) parent.objects++
    else if (content.startsWith('/')) continue // an attribute (TH: /Scope /Row)
    else {
      const element: Element = { type: content.split(/[ :]/)[0]!, items: [], objects: 0 }
      parent.items.push(element)
      stack.push({ indent, element })
    }
  }
  return root
}

const children = (e: Element) => e.items.filter((i): i is Element => typeof i !== 'string')
const types = (e: Element) => children(e).map((c) => c.type)
const textOf = (e: Element): string => e.items.map((i) => (typeof i === 'string' ? i : textOf(i))).join('')
/** Text compared without white space (poppler joins runs without spaces) or Arabic (drawn in visual order). */
const bare = (s: string) => normalise(s).replace(/[\s\p{Script_Extensions=Arabic}]/gu, '')

type Json = Record<string, unknown>
let objectsCache: Map<string, Json> | undefined
/** Every object of the file (qpdf --json), streams decoded, by "n 0 R". */
function objects(): Map<string, Json> {
  if (objectsCache) return objectsCache
  const r = run('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', path])
  expect(r.status).toBe(0)
  const all = (JSON.parse(r.stdout) as { qpdf: [unknown, Record<string, Json>] }).qpdf[1]
  objectsCache = new Map(Object.entries(all).map(([key, value]) => [key.replace(/^obj:/, ''), value]))
  return objectsCache
}
/** An object's value: a reference ("n 0 R") is looked up, a direct value returned as it is. */
const value = (ref: unknown) => (typeof ref === 'string' && / R$/.test(ref) ? (objects().get(ref)?.value as Json | undefined) : (ref as Json | undefined))
const streamText = (ref: unknown) => Buffer.from(String((objects().get(String(ref))?.stream as Json).data), 'base64').toString('latin1')
const pdfString = (s: unknown) => String(s).replace(/^u:/, '')

/** Structure elements of a type, in the order qpdf lists them, with their dictionaries. */
const elementsOfType = (type: string) => [...objects().values()].map((o) => o.value as Json | undefined).filter((v): v is Json => v?.['/S'] === `/${type}`)

// ---------------------------------------------------------------------------------------

describe.skipIf(!has('pdfinfo') || !has('qpdf'))('the briefing PDF is tagged (needs pdfinfo and qpdf)', () => {
  it('says so: tagged, PDF 1.7, in English, its title shown, and the XMP copy of its info readable', () => {
    const info = run('pdfinfo', ['-enc', 'UTF-8', path]).stdout
    expect(info).toMatch(/^Tagged:\s+yes$/m)
    expect(info).toMatch(/^PDF version:\s+1\.7$/m)
    const catalog = [...objects().values()].map((o) => o.value as Json | undefined).find((v) => v?.['/Type'] === '/Catalog')!
    expect(pdfString(catalog['/Lang'])).toBe('en')
    expect(value(catalog['/MarkInfo'])?.['/Marked']).toBe(true)
    expect(value(catalog['/ViewerPreferences'])?.['/DisplayDocTitle']).toBe(true)
    // The XMP metadata is well-formed XML even though the keywords hold "&".
    const xmp = Buffer.from(streamText(catalog['/Metadata']), 'latin1').toString('utf8')
    const parsed = new new JSDOM('').window.DOMParser().parseFromString(xmp, 'application/xml')
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(parsed.getElementsByTagName('dc:title')[0]!.textContent!.trim()).toBe(layout.title)
    expect(parsed.getElementsByTagName('pdf:Keywords')[0]!.textContent).toBe('Ports & shipping, Sanctions – enforcement, People')
  })

  it('holds the briefing in reading order: title, title-block table, key judgments, contents, sections, sources', () => {
    const [document] = children(structureTree())
    expect(document!.type).toBe('Document')
    expect(types(document!)).toEqual(['P', 'H1', 'Table', 'Sect', 'TOC', ...layout.sections.map(() => 'Sect'), 'Sect'])
    const [kicker, title, table, judgments, toc, ...rest] = children(document!)
    expect(textOf(kicker!)).toBe('BRIEFING')
    expect(textOf(title!)).toBe(layout.title)
    expect(children(table!).map((tr) => types(tr))).toEqual(children(table!).map(() => ['TH', 'TD']))
    expect(children(table!).map((tr) => textOf(children(tr)[0]!))).toEqual(['PREPARED BY', 'DATE', 'HANDLING', 'SCOPE', 'CONTENTS'])

    // Key judgments: a heading, then a list of numbered items.
    expect(types(judgments!)).toEqual(['H2', 'L'])
    const items = children(children(judgments!)[1]!)
    expect(items.map((li) => types(li))).toEqual(keyJudgmentItems(layout.keyJudgments).map(() => ['Lbl', 'LBody']))
    expect(items.map((li) => textOf(children(li)[0]!))).toEqual(['1.', '2.'])
    expect(bare(textOf(children(items[1]!)[1]!))).toBe(bare(keyJudgmentItems(layout.keyJudgments)[1]!))

    // Contents: one linked entry per section and the sources.
    expect(types(toc!)).toEqual(['H2', ...layout.sections.map(() => 'TOCI'), 'TOCI'])
    for (const entry of children(toc!).slice(1)) expect(children(entry).map((l) => [l.type, l.objects])).toEqual([['Link', 1]])

    // Each section: its heading, description, note, then its passages as a numbered list.
    const sections = rest.slice(0, layout.sections.length)
    layout.sections.forEach((section, i) => {
      const element = sections[i]!
      expect(types(element).slice(0, 1)).toEqual(['H2'])
      expect(bare(textOf(children(element)[0]!))).toBe(bare(`§${section.number}${sectionName(section)}`))
      const list = children(element).find((c) => c.type === 'L')!
      expect(children(list).map((li) => textOf(children(li)[0]!))).toEqual(section.passages.map((p) => String(p.number)))
      section.passages.forEach((passage, k) => {
        const body = children(children(list)[k]!)[1]!
        expect(body.type).toBe('LBody')
        expect(types(body).slice(0, 2)).toEqual(['BlockQuote', 'P'])
        // A right-to-left quote is drawn in visual order: its text as written is checked through its Lang and spans below.
        if (!isRightToLeftParagraph(passage.quote)) expect(bare(textOf(children(body)[0]!))).toBe(bare(printedQuote(passage)))
      })
    })

    // Sources: a heading, a note, and the list.
    const sources = rest.at(-1)!
    expect(types(sources)).toEqual(['H2', 'P', 'L'])
    expect(children(children(sources)[2]!).map((li) => textOf(children(li)[0]!))).toEqual(layout.sources.map((s) => `[${s.number}]`))
  })

  it('puts every text run and shape in the structure tree or marks it as an artifact, the page furniture included', () => {
    const pages = [...objects().values()].map((o) => o.value as Json | undefined).filter((v): v is Json => v?.['/Type'] === '/Page')
    expect(pages).toHaveLength(pageCount)
    for (const [index, page] of pages.entries()) {
      const refs = Array.isArray(page['/Contents']) ? (page['/Contents'] as unknown[]) : [page['/Contents']]
      const content = refs.map(streamText).join('\n')
      // Strings out of the way (hex glyph strings, literal strings), then walk the operators.
      const ops = content.replace(/<[0-9A-Fa-f\s]*>/g, ' ').replace(/\((?:\\.|[^\\)])*\)/g, ' ').split(/\s+/)
      let depth = 0
      for (const op of ops) {
        if (op === 'BDC' || op === 'BMC') depth++
        else if (op === 'EMC') depth--
        else if (['TJ', 'Tj', "'", '"', 'f', 'f*', 'F', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do'].includes(op)) expect(depth, `page ${index + 1}: "${op}" outside marked content`).toBeGreaterThan(0)
      }
      expect(depth).toBe(0)
      // Handling line above and below, header (from page 2), footer.
      expect(content.match(/\/Artifact <<\s*\/Type \/Pagination/g), `page ${index + 1}`).toHaveLength(index === 0 ? 3 : 4)
    }
    // The furniture is nowhere in the structure tree, though on every page.
    const all = textOf(structureTree())
    expect(all).not.toMatch(/Page \d+ of \d+/)
    expect(all.split(HANDLING)).toHaveLength(2) // only once: in the title block's table
  })

  it('reads the text in the order it is printed: the structure tree holds the page text, nothing left out', () => {
    // pdftotext -raw gives the text in drawing order; leave out the furniture lines and dot leaders.
    const furniture = [HANDLING, 'Eastern Mediterranean ports — weekly briefing 21 November 2026', 'Analyst Sohtaoğlu · 21 November 2026', /Page \d+ of \d+/]
    const body = run('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'])
      .stdout.split(/[\n\f]/)
      .filter((line) => furniture.reduce<string>((rest, f) => rest.replace(f, ''), line).trim() !== '')
      .join('\n')
      .replace(/( \.){3,}/g, '')
    expect(bare(textOf(structureTree()))).toBe(bare(body))
  })

  it('reads a line mixing directions as written: two Arabic names in an English sentence in their own order', () => {
    const find = (e: Element): Element | undefined => (e.type === 'BlockQuote' && textOf(e).startsWith('“Ships now') ? e : children(e).map(find).find(Boolean))
    const quote = find(structureTree())!
    // Each name is a span (drawn right to left, so poppler shows its glyphs in that order).
    const drawn = (s: string) => [...s].reverse().join('')
    expect(quote.items.map((i) => (typeof i === 'string' ? i : `[${textOf(i)}]`))).toEqual(['“Ships now sail from ', `[${drawn('طرطوس')}]`, '[ – ]', `[${drawn('بانياس')}]`, ' along the coast before turning west.”'])
  })

  it('tags each passage with its language: Arabic quotes ar, the French one fr; Arabic names in English text are ar spans with their text as written', () => {
    const quotes = elementsOfType('BlockQuote').map((q) => (q['/Lang'] === undefined ? null : pdfString(q['/Lang'])))
    const expected = passages.map((p) => (p.quote === Q.arabic || p.quote === Q.arabicFragment ? 'ar' : p.quote === Q.french ? 'fr' : null))
    expect(quotes).toEqual(expected)
    const spans = elementsOfType('Span')
    const tartus = spans.filter((s) => pdfString(s['/ActualText']) === 'طرطوس')
    expect(tartus.length).toBeGreaterThan(2)
    expect(tartus.every((s) => pdfString(s['/Lang']) === 'ar')).toBe(true)
  })

  it('makes every link a Link element holding its annotation, which says where it leads', () => {
    const annotations = [...objects().entries()].filter(([, o]) => (o.value as Json | undefined)?.['/Subtype'] === '/Link')
    expect(annotations.length).toBeGreaterThan(layout.sections.length + passages.length)
    const held = new Set(elementsOfType('Link').flatMap((l) => (l['/K'] as unknown[]).filter((k): k is Json => typeof k === 'object' && k !== null && (k as Json)['/Type'] === '/OBJR').map((k) => String(k['/Obj']))))
    for (const [ref, o] of annotations) {
      const annotation = o.value as Json
      expect(held.has(ref), ref).toBe(true)
      expect(typeof annotation['/StructParent']).toBe('number')
      expect(pdfString(annotation['/Contents']).length).toBeGreaterThan(0)
    }
  })
})
