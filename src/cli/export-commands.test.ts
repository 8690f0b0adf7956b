import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { AnnotationImportReport } from '../core/api'
import { HIGHLIGHTS } from '../core/export/testing/fixture-notebook'
import type { TagId } from '../core/ids'
import { createBriefing, saveBriefing } from '../main/briefings/briefing-ops'
import { openTestNotebook, tempDir } from '../main/briefings/test-notebook'
import { runCliIn, type CliRun as Run } from './test-cli'

let tmp: string
let briefingId: string
let withDeletedId: string

const run = (...args: string[]): Promise<Run> => runCliIn(tmp, args)

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-export-')
  // a: the fixture notebook with its highlights and a stored briefing; b: same articles, no
  // highlights, default codebook; c: a stored briefing one of whose passages' article was deleted.
  const a = await openTestNotebook(join(tmp, 'a'))
  const doc = await createBriefing(a.ctx, 'Weekly ports')
  await saveBriefing(a.ctx, { ...doc, handling: 'UNCLASSIFIED // FOR TRAINING' })
  briefingId = doc.id
  await a.session.close()
  const b = await openTestNotebook(join(tmp, 'b'), { highlights: false, tags: false })
  await b.session.close()
  const c = await openTestNotebook(join(tmp, 'c'))
  const ports = 't-ports' as TagId
  const harbourId = c.ids.get('a-0000000003')!
  const harbour = (await c.session.store.loadHighlights(harbourId)).find((h) => h.tagIds.includes(ports))!
  const stored = await createBriefing(c.ctx, 'Before the delete')
  await saveBriefing(c.ctx, { ...stored, sections: stored.sections.map((s) => (s.tagId === ports ? { ...s, order: [harbour.id] } : s)) })
  withDeletedId = stored.id
  await c.session.deleteArticle(harbourId)
  await c.session.close()
}, 60_000)

describe('dossier export', () => {
  it('writes Markdown, CSV and W3C, saying what it wrote', async () => {
    const md = await run('--notebook', 'a', 'export', '--format', 'md', '--out', 'brief.md', '--tag', 'People', '--title', 'People')
    expect(md).toEqual({ code: 0, err: '', out: `Exported 2 passages to ${join(tmp, 'brief.md')} (Markdown)\n` })
    expect(await readFile(join(tmp, 'brief.md'), 'utf8')).toMatch(/^# People/m)

    const csv = await run('--notebook', 'a', '--json', 'export', '--format', 'csv', '--out', 'all.csv')
    expect(csv.code).toBe(0)
    expect(JSON.parse(csv.out)).toEqual({ path: join(tmp, 'all.csv'), format: 'csv', pageCount: 0, passageCount: HIGHLIGHTS.length })
    expect((await readFile(join(tmp, 'all.csv'), 'utf8')).split('\r\n')[0]).toBe('\uFEFFArticle,Outlet,Published,Tags,Quote,Comment,Start,End,Event start,Event end,Event precision,Event date source,Event phrase,Reliability,Credibility,Grade,Attribution,Claims')

    const w3c = await run('--notebook', 'a', 'export', '--format', 'w3c', '--out', 'all.jsonld')
    expect(w3c.code).toBe(0)
    // Every highlight, the comment-only one too; the count is what the file holds.
    expect(w3c.out).toBe(`Exported ${HIGHLIGHTS.length} passages to ${join(tmp, 'all.jsonld')} (W3C Web Annotations)\n`)
    expect(JSON.parse(await readFile(join(tmp, 'all.jsonld'), 'utf8'))).toMatchObject({ type: 'AnnotationCollection', total: HIGHLIGHTS.length })
  })

  it('exports a stored briefing with --briefing', { timeout: 60_000 }, async () => {
    const r = await run('--notebook', 'a', '--json', 'export', '--format', 'pdf', '--out', 'weekly.pdf', '--briefing', briefingId)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({ path: join(tmp, 'weekly.pdf'), format: 'pdf', pageCount: expect.any(Number), passageCount: expect.any(Number) })
    expect((await readFile(join(tmp, 'weekly.pdf'))).subarray(0, 4).toString('latin1')).toBe('%PDF')
  })

  it('names what a stored briefing left out because its article was deleted', async () => {
    const r = await run('--notebook', 'c', 'export', '--format', 'md', '--out', 'after.md', '--briefing', withDeletedId)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Exported \d+ passages to .*after\.md \(Markdown\)\n {2}warning: Passage h-[0-9a-f]+, placed in this briefing, no longer exists \(its highlight or its article was deleted\)\.\n/)
  })

  it('usage errors (exit 2): --briefing with --tag or --title, an unknown format', async () => {
    for (const args of [
      ['export', '--format', 'md', '--out', 'x.md', '--briefing', briefingId, '--tag', 'People'],
      ['export', '--format', 'md', '--out', 'x.md', '--briefing', briefingId, '--title', 'Other'],
      ['export', '--format', 'docx', '--out', 'x.docx'],
    ]) {
      const r = await run('--notebook', 'a', ...args)
      expect(r.code).toBe(2)
      expect(r.err).toMatch(/^dossier: .+\nRun "dossier export --help" for its usage\.\n$/)
    }
    expect((await run('--notebook', 'a', 'export', '--format', 'docx', '--out', 'x.docx')).err).toContain('Allowed choices are pdf, md, csv, w3c')
    expect(existsSync(join(tmp, 'x.md'))).toBe(false)
  })

  it('user errors (exit 1, one line): unknown briefing, reserved characters, empty selection', async () => {
    const cases: [string[], RegExp][] = [
      [['--briefing', 'b-0000000000'], /^dossier: There is no briefing with id b-0000000000 in this notebook\.\n$/],
      [['--out', 'what?.md'], /^dossier: The file name "what\?\.md" contains the character \?/],
      [['--tag', 'Bases'], /^dossier: No highlighted passages carry Bases/],
    ]
    for (const [extra, message] of cases) {
      const args = ['--notebook', 'a', 'export', '--format', 'md', ...(extra[0] === '--out' ? extra : ['--out', 'err.md', ...extra])]
      const r = await run(...args)
      expect(r.code).toBe(1)
      expect(r.err).toMatch(message)
      expect(r.err.split('\n')).toHaveLength(2)
    }
    expect(existsSync(join(tmp, 'err.md'))).toBe(false)
  })
})

describe('dossier import-annotations', () => {
  it('imports what another notebook exported, then skips it the second time', async () => {
    expect((await run('--notebook', 'a', 'export', '--format', 'w3c', '--out', 'share.jsonld')).code).toBe(0)
    const first = await run('--notebook', 'b', 'import-annotations', 'share.jsonld')
    expect(first.err).toBe('')
    expect(first.code).toBe(0)
    expect(first.out).toMatch(/^Imported 7 annotations\.\nCreated tags: (Ports & shipping, People|People, Ports & shipping)\.\n$/)
    const again = await run('--notebook', 'b', '--json', 'import-annotations', 'share.jsonld')
    expect(again.code).toBe(0)
    expect(JSON.parse(again.out) as AnnotationImportReport).toEqual({ created: 0, skipped: 7, tagsCreated: [], problems: [] })
    const human = await run('--notebook', 'b', 'import-annotations', 'share.jsonld')
    expect(human.out).toBe('Imported 0 annotations; 7 already in the notebook (skipped).\n')
  })

  it('fails with one line for a file that is not annotations, and exits 1 when nothing could be placed', async () => {
    await writeFile(join(tmp, 'broken.jsonld'), '{"type": "AnnotationCollection", ')
    const broken = await run('--notebook', 'b', 'import-annotations', 'broken.jsonld')
    expect(broken.code).toBe(1)
    expect(broken.err).toMatch(/^dossier: .*broken\.jsonld is not valid JSON .*\n$/)

    const shared = JSON.parse(await readFile(join(tmp, 'share.jsonld'), 'utf8')) as { first: { items: { target: { source: string } }[] } }
    const [one] = shared.first.items
    // Neither its source nor its quote is in notebook b.
    const elsewhere = { source: 'https://example.com/elsewhere', selector: { type: 'TextQuoteSelector', exact: 'A sentence that no article of this notebook holds.' } }
    await writeFile(join(tmp, 'foreign.jsonld'), JSON.stringify({ ...one, target: elsewhere }))
    const foreign = await run('--notebook', 'b', 'import-annotations', 'foreign.jsonld')
    expect(foreign.code).toBe(1)
    expect(foreign.out).toMatch(/^Imported 0 annotations\.\n {2}not imported: .*no article in this notebook matches its source https:\/\/example\.com\/elsewhere\.\n$/)
    expect(foreign.err).toMatch(/^dossier: .*no article in this notebook matches its source https:\/\/example\.com\/elsewhere\.\n$/)
  })

  it('refuses to create more than five new tags unless --create-tags is given', async () => {
    const shared = JSON.parse(await readFile(join(tmp, 'share.jsonld'), 'utf8')) as { first: { items: { body?: unknown[] }[] } }
    const [one] = shared.first.items
    const names = ['Sieges', 'Supply lines', 'Air defence', 'Militias', 'Ceasefires', 'Refugees']
    const body = names.map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }))
    await writeFile(join(tmp, 'codebook.jsonld'), JSON.stringify({ ...one, body }))
    const tagsBefore = await run('--notebook', 'b', '--json', 'tags')

    const refused = await run('--notebook', 'b', 'import-annotations', 'codebook.jsonld')
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: 'dossier: codebook.jsonld would create 6 new tags (Sieges, Supply lines, Air defence, Militias, Ceasefires and 1 more); nothing was imported. Give --create-tags to create them.\n',
    })
    expect(await run('--notebook', 'b', '--json', 'tags')).toEqual(tagsBefore)

    const created = await run('--notebook', 'b', '--json', 'import-annotations', 'codebook.jsonld', '--create-tags')
    expect(created.code).toBe(0)
    expect(JSON.parse(created.out)).toEqual({ created: 1, skipped: 0, tagsCreated: names, problems: [] })
    expect((await run('help', 'import-annotations')).out).toContain('--create-tags')
  })
})
