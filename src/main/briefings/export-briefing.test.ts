import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../core/api'
import { buildBriefing } from '../../core/briefing'
import { CSV_COLUMNS } from '../../core/export/csv'
import { quoteBlock } from '../../core/export/markdown'
import { toW3cCollection, w3cItemsFromLayout, type W3cCollection } from '../../core/export/w3c'
import { HIGHLIGHTS, TEXTS } from '../../core/export/testing/fixture-notebook'
import { readCsv } from '../../core/export/testing/read-csv'
import type { TagId } from '../../core/ids'
import { createBriefing, exportBriefing, saveBriefing } from './briefing-ops'
import { withFormatExtension } from './export-writer'
import { openTestNotebook, tempDir, type TestNotebook } from './test-notebook'
import { exportEventDates } from '../timeline/event-dates'


let nb: TestNotebook
let out: string

beforeAll(async () => {
  nb = await openTestNotebook(await tempDir('dossier-export-'))
  out = await tempDir('dossier-export-out-')
})
afterAll(async () => {
  await nb.session.close()
})

const PORTS = 't-ports' as TagId
const leftovers = async () => (await readdir(out)).filter((n) => n.endsWith('.tmp'))


describe('exporting a briefing', () => {
  it('Markdown: every passage quoted exactly (escaped only as Markdown needs), cited, with its comment; untagged ones in their own section', async () => {
    const path = join(out, 'briefing.md')
    const result = await exportBriefing(nb.ctx, path, { title: 'Ports and talks', format: 'md' })
    // 6 tagged highlights, 2 of them under two tags (printed in each section), and the comment-only one.
    expect(result).toEqual({ path, format: 'md', pageCount: 0, passageCount: 9 })
    const md = await readFile(path, 'utf8')
    expect(md).toMatch(/^# Ports and talks/m)
    expect(md.match(/^\*\*Passage \d+\*\*$/gm)).toHaveLength(result.passageCount)
    for (const h of HIGHLIGHTS) expect(md).toContain(quoteBlock(h.target.exact))
    // A quote without Markdown punctuation is there character for character.
    expect(md).toContain('> Sohtaoğlu, 54, has led the port authority since 2019; he was born in İzmir.')
    expect(md).toContain('Ask for a translation — the fees matter.')
    const untagged = md.slice(md.indexOf('## §4 Untagged passages'))
    expect(untagged).toMatch(/^## §4 Untagged passages\n\n\*Highlighted passages that carry no tag\.\*\n\n\*\*Passage 9\*\*\n\n> Freight rates rose for a third month, brokers said; waits at anchor, not demand, explain it\.\n\n\*\*Comment:\*\* Untagged passage\.\n/)
    expect(md).toContain('4. §4 Untagged passages (1 passage)')
    // The scope names only the sections the briefing holds: Bases and Convoys have no passages.
    expect(md).toContain('**Scope:** Tags: Negotiations, Ports & shipping, People; passages without a tag')
    expect(await leftovers()).toEqual([])
  })

  it('a briefing of chosen tags holds only passages with those tags', async () => {
    const path = join(out, 'ports.md')
    const result = await exportBriefing(nb.ctx, path, { tagIds: [PORTS], format: 'md' })
    const md = await readFile(path, 'utf8')
    expect(result.passageCount).toBe(HIGHLIGHTS.filter((h) => h.tagIds.includes(PORTS)).length)
    expect(md).not.toContain('Untagged passages')
    expect(md).not.toContain('Freight rates rose')
  })

  it('CSV: UTF-8 with BOM for Excel, the documented columns, one row per highlight with exact quotes and offsets', async () => {
    const path = join(out, 'ports.csv')
    const result = await exportBriefing(nb.ctx, path, { tagIds: [PORTS], format: 'csv' })
    const bytes = await readFile(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = readCsv(bytes.toString('utf8').slice(1))
    expect(header).toEqual([...CSV_COLUMNS])
    const ports = HIGHLIGHTS.filter((h) => h.tagIds.includes(PORTS))
    expect(rows).toHaveLength(ports.length)
    expect(result.passageCount).toBe(ports.length)
    const byQuote = new Map(rows.map((r) => [r[4], r]))
    const satellite = byQuote.get(ports[0]!.target.exact)!
    expect(satellite.slice(3, 8)).toEqual(['Ports & shipping', ports[0]!.target.exact, 'Cross-check with the AIS data.\nSecond line of the comment.', String(ports[0]!.target.start), String(ports[0]!.target.end)])
    // "on 14 December" in an article with no publication date: no event date, never a guessed year.
    expect(satellite.slice(8, 13)).toEqual(['', '', '', '', ''])
    // The formula guard: a quote starting with "=" gets an apostrophe, nothing else changes.
    expect(byQuote.get(`'${ports[2]!.target.exact}`)?.[5]).toBe(`'@mention, "quoted", and a comma`)
  })

  it('CSV and W3C of every passage: one row and one annotation per highlight, the comment-only one included, counted as written', async () => {
    const csvPath = join(out, 'all.csv')
    const csv = await exportBriefing(nb.ctx, csvPath, { format: 'csv' })
    const rows = readCsv(await readFile(csvPath, 'utf8')).slice(1)
    expect(rows).toHaveLength(HIGHLIGHTS.length)
    expect(csv.passageCount).toBe(rows.length)
    expect(rows.at(-1)!.slice(3, 6)).toEqual(['', HIGHLIGHTS[6]!.target.exact, 'Untagged passage.'])

    const w3cPath = join(out, 'all.jsonld')
    const w3c = await exportBriefing(nb.ctx, w3cPath, { format: 'w3c' })
    const written = JSON.parse(await readFile(w3cPath, 'utf8')) as W3cCollection
    expect(written.total).toBe(HIGHLIGHTS.length)
    expect(written.first.items).toHaveLength(HIGHLIGHTS.length)
    expect(w3c.passageCount).toBe(written.total)
    const commentOnly = written.first.items.find((a) => a.target.selector[0].exact === HIGHLIGHTS[6]!.target.exact)!
    expect(commentOnly.body).toEqual([{ type: 'TextualBody', purpose: 'commenting', value: 'Untagged passage.', format: 'text/plain' }])
  })

  it('W3C: the collection the core builds (checked there against the W3C MUST schemas), with positions in code points', async () => {
    const path = join(out, 'talks.jsonld')
    const result = await exportBriefing(nb.ctx, path, { tagIds: ['t-negotiations' as TagId, 't-people' as TagId], format: 'w3c', title: 'Talks' })
    const text = await readFile(path, 'utf8')
    expect(text).toMatch(/^\{\n {2}"@context": "http:\/\/www\.w3\.org\/ns\/anno\.jsonld",\n/)
    const written = JSON.parse(text) as W3cCollection
    const { store } = nb.ctx
    const layout = buildBriefing({ title: 'Talks', tagIds: ['t-negotiations' as TagId, 't-people' as TagId] }, { articles: store.articles, tags: store.tags, highlights: await store.allHighlights() }, { generatedAt: written.created! })
    const texts = new Map(await Promise.all(layout.sources.map(async (s) => [s.articleId, await store.readBody(s.bodyHash)] as const)))
    // Each passage carries its event date (issue 15), as the CSV does.
    const events = await exportEventDates(store)
    const items = w3cItemsFromLayout(layout).map((item) => ({ ...item, event: events.get(item.highlight.id) ?? null }))
    expect(written).toEqual(toW3cCollection(items, { label: 'Talks', generatedAt: written.created!, textOf: (id) => texts.get(id) }, 'briefing'))
    expect(written.first.items.flatMap((a) => a.body ?? []).filter((b) => b.purpose === 'describing').map((b) => b.value)).toContain('Event date: 2019-01-01/2019-12-31')
    expect(written.type).toBe('AnnotationCollection')
    expect(written.total).toBe(3)
    // 4 passage blocks (one highlight is under both tags), but 3 annotations written: the count says 3.
    expect(layout.passageCount).toBe(4)
    expect(result.passageCount).toBe(3)
    // The article starts with an emoji (two UTF-16 units, one code point): positions are one less than the stored offsets.
    const mehmet = written.first.items.find((a) => JSON.stringify(a).includes('Mehmet Sohtaoğlu told'))!
    const stored = (await store.allHighlights()).find((h) => h.target.exact.startsWith('Mehmet Sohtaoğlu told'))!
    expect(JSON.stringify(mehmet.target)).toContain(`"start":${stored.target.start - 1},"end":${stored.target.end - 1}`)
    expect(JSON.stringify(mehmet.target)).toContain(`"source":"urn:sha256:${store.article(stored.articleId)!.bodyHash}"`)
  })

  it.skipIf(spawnSync('pdftotext', ['-v']).error !== undefined)('PDF of a stored briefing: quotes, comments and the handling line are in the text (skipped without poppler pdftotext)', { timeout: 60_000 }, async () => {
    const doc = await createBriefing(nb.ctx, 'Harbour briefing')
    await saveBriefing(nb.ctx, { ...doc, handling: 'UNCLASSIFIED // FOR TRAINING' })
    const path = join(out, 'harbour.pdf')
    const progress: JobProgress[] = []
    const result = await exportBriefing(nb.ctx, path, { briefingId: doc.id, format: 'pdf' }, { onProgress: (p) => progress.push(p) })
    expect(result.pageCount).toBeGreaterThan(0)
    const text = spawnSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ')
    expect(text).toContain('Harbour briefing')
    expect(text).toContain('UNCLASSIFIED // FOR TRAINING')
    expect(text).toContain('Sohtaoğlu, 54, has led the port authority since 2019; he was born in İzmir.')
    expect(text).toContain('Cross-check with the AIS data. Second line of the comment.')
    expect(progress.every((p) => p.job === 'export')).toBe(true)
    expect(progress.map((p) => p.label)).toEqual(expect.arrayContaining(['Building the briefing', 'Laying out pages', `Rendered page ${result.pageCount} of ${result.pageCount}`, 'Writing harbour.pdf']))
    expect(await leftovers()).toEqual([])
  })

  it.skipIf(spawnSync('pdftotext', ['-v']).error !== undefined)('PDF of every passage: the comment-only passage is in its own section, in the contents and the count (skipped without poppler pdftotext)', { timeout: 60_000 }, async () => {
    const path = join(out, 'all.pdf')
    const result = await exportBriefing(nb.ctx, path, { title: 'Everything', format: 'pdf' })
    expect(result.passageCount).toBe(9)
    const text = spawnSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ')
    expect(text).toContain('9 passages from 3 sources')
    expect(text).toMatch(/§4 Untagged passages 1 passage/)
    expect(text).toContain('§4 Untagged passages Highlighted passages that carry no tag.')
    expect(text).toContain('Freight rates rose for a third month, brokers said; waits at anchor, not demand, explain it.')
    expect(text).toContain('Untagged passage.')
  })

  it('adds the format\'s extension when the chosen name lacks it, and returns the path written', async () => {
    const md = await exportBriefing(nb.ctx, join(out, 'no-extension'), { format: 'md' })
    expect(md.path).toBe(join(out, 'no-extension.md'))
    expect(await readFile(md.path, 'utf8')).toContain('#')
    expect(existsSync(join(out, 'no-extension'))).toBe(false)
    const csv = await exportBriefing(nb.ctx, join(out, 'rows.txt'), { format: 'csv' })
    expect(csv.path).toBe(join(out, 'rows.txt.csv'))
    expect(existsSync(csv.path)).toBe(true)
    const kept = await exportBriefing(nb.ctx, join(out, 'Annotations.JSON'), { format: 'w3c' })
    expect(kept.path).toBe(join(out, 'Annotations.JSON'))
    expect(withFormatExtension(join(out, 'brief'), 'pdf')).toBe(join(out, 'brief.pdf'))
    expect(withFormatExtension(join(out, 'brief.md'), 'pdf')).toBe(join(out, 'brief.md.pdf'))
    expect(withFormatExtension(join(out, 'brief.'), 'w3c')).toBe(join(out, 'brief.jsonld'))
    expect(withFormatExtension(join(out, 'brief.Markdown'), 'md')).toBe(join(out, 'brief.Markdown'))
  })

  it('an empty selection fails before anything is written', async () => {
    const path = join(out, 'empty.md')
    await expect(exportBriefing(nb.ctx, path, { tagIds: ['t-bases' as TagId], format: 'md' })).rejects.toMatchObject({ code: 'empty-selection', message: expect.stringMatching(/No highlighted passages carry Bases/) })
    expect(existsSync(path)).toBe(false)
  })

  it('refuses file names Windows cannot hold, naming the character or the name', async () => {
    await expect(exportBriefing(nb.ctx, join(out, 'a:b.md'), { format: 'md' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('contains the character :') })
    await expect(exportBriefing(nb.ctx, join(out, 'what?.csv'), { format: 'csv' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('contains the character ?') })
    await expect(exportBriefing(nb.ctx, join(out, 'tab\there.md'), { format: 'md' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('control character (U+0009)') })
    await expect(exportBriefing(nb.ctx, join(out, 'CON.pdf'), { format: 'pdf' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('reserved device name CON') })
    await expect(exportBriefing(nb.ctx, join(out, 'lpt3'), { format: 'md' })).rejects.toMatchObject({ code: 'bad-request', message: expect.stringContaining('reserved device name LPT3') })
    expect(await readdir(out)).not.toEqual(expect.arrayContaining(['CON.pdf', 'lpt3', 'a:b.md']))
  })

  it('a missing folder is named, and nothing is created', async () => {
    const path = join(out, 'nowhere', 'b.md')
    await expect(exportBriefing(nb.ctx, path, { format: 'md' })).rejects.toMatchObject({ code: 'write-failed', message: `Cannot export to ${path}: the folder ${join(out, 'nowhere')} does not exist.` })
    expect(existsSync(join(out, 'nowhere'))).toBe(false)
  })

  it('cancelling leaves nothing at the target and no temp file (text and PDF)', async () => {
    for (const [name, format, stage] of [
      ['cancel.md', 'md', 'Writing cancel.md'],
      ['cancel.pdf', 'pdf', 'Laying out pages'],
    ] as const) {
      const controller = new AbortController()
      const path = join(out, name)
      const onProgress = (p: JobProgress) => {
        if (p.label === stage) controller.abort()
      }
      await expect(exportBriefing(nb.ctx, path, { format }, { signal: controller.signal, onProgress })).rejects.toMatchObject({ code: 'canceled', message: 'Export cancelled; nothing was written.' })
      expect(existsSync(path)).toBe(false)
      expect(await leftovers()).toEqual([])
    }
  }, 60_000)

  it('a target held open by another program: a clear message, the old file kept, no temp file', async () => {
    const path = join(out, 'locked.csv')
    await writeFile(path, 'old contents')
    const ctx = { ...nb.ctx, exportFs: { rename: () => Promise.reject(Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' })) } }
    await expect(exportBriefing(ctx, path, { format: 'csv' })).rejects.toMatchObject({ code: 'export-failed', message: expect.stringMatching(/may be open in another program .*Close it there and export again/) })
    expect(await readFile(path, 'utf8')).toBe('old contents')
    expect(await leftovers()).toEqual([])
  })

  it('a stored briefing whose passage\'s article was deleted still exports, with the warning', async () => {
    const other = await openTestNotebook(await tempDir('dossier-export-deleted-'))
    try {
      const doc = await createBriefing(other.ctx, 'After a delete')
      const harbourId = other.ids.get('a-0000000003')!
      const harbour = (await other.session.store.loadHighlights(harbourId)).find((h) => h.tagIds.includes(PORTS))!
      const saved = await saveBriefing(other.ctx, { ...doc, sections: doc.sections.map((s) => (s.tagId === PORTS ? { ...s, order: [harbour.id] } : s)) })
      expect(saved.sections.find((s) => s.tagId === PORTS)!.order).toEqual([harbour.id])
      await other.session.deleteArticle(harbourId)
      const path = join(out, 'after-delete.md')
      const result = await exportBriefing(other.ctx, path, { briefingId: doc.id, format: 'md' })
      expect(result.warnings).toContainEqual(`Passage ${harbour.id}, placed in this briefing, no longer exists (its highlight or its article was deleted).`)
      const md = await readFile(path, 'utf8')
      expect(md).not.toContain('The harbour authority')
      expect(md).toContain(quoteBlock(TEXTS['a-0000000001']!.slice(21, 136)))
    } finally {
      await other.session.close()
    }
  })
})
