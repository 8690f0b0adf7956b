/**
 * Event dates on the command line (issue 15): `show` carries each highlight's suggestion,
 * `highlight edit --event-date` accepts, sets, clears and forgets it (refusing bad dates
 * with the notebook unchanged), and `timeline` / `map` list, print JSON or write SVG.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleView } from '../core/api'
import type { ArticleId } from '../core/ids'
import type { Highlight } from '../core/model'
import { FONTS_DIR, tempDir } from '../main/briefings/test-notebook'
import { NotebookSession } from '../main/notebook-session'
import type { HighlightWithSuggestion } from '../main/timeline/event-dates'
import { readCsv } from '../core/export/testing/read-csv'
import { expectRefusal, fileTree, runCliIn } from './test-cli'

const TEXTS: Record<string, string> = {
  withdrawal: 'Russia pulls back from its Syrian bases\n\nBy Test Desk December 15, 2024\n\nRussia began to withdraw equipment from the Tartus naval facility on December 13, officials said.\n\nTalks with the new government in Damascus went on in late November.\n',
  docking: 'Two ships dock at the port\n\nFebruary 2, 2025\n\nOn January 21 and 22, two Russian vessels docked at Tartus to load vehicles.\n\nThe convoy reached Khmeimim Air Base yesterday.\n',
  undated: 'A convoy is turned back\n\nA convoy of thirty trucks was turned back near Latakia on Tuesday, witnesses said.\n',
}

let tmp: string
let nb: string
const ids = new Map<string, ArticleId>()
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const json = async <T>(...args: string[]) => {
  const r = await dossier(...args, '--json')
  expect(r.code, r.err).toBe(0)
  return JSON.parse(r.out) as T
}
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
const highlightsOf = async (key: string) => (await json<Omit<ArticleView, 'highlights'> & { highlights: HighlightWithSuggestion[] }>('show', ids.get(key)!)).highlights
const quoted = async (key: string, start: string) => (await highlightsOf(key)).find((h) => h.target.exact.startsWith(start))!

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-timeline-')
  nb = join(tmp, 'nb')
  const session = await NotebookSession.open(nb, { fontsDir: FONTS_DIR, app: 'test' })
  const report = await session.importContents(Object.entries(TEXTS).map(([k, t]) => ({ name: `${k}.txt`, bytes: new TextEncoder().encode(t) })))
  for (const item of report.items) ids.set(item.source.replace(/\.txt$/, ''), item.articleId!)
  const add = (key: string, quote: string, tag: string) => session.highlightQuote({ articleId: ids.get(key)!, quote, tagNames: [tag], comment: '' })
  await add('withdrawal', 'Russia began to withdraw equipment from the Tartus naval facility on December 13, officials said.', 'Bases')
  await add('withdrawal', 'Talks with the new government in Damascus went on in late November.', 'Negotiations')
  await add('docking', 'On January 21 and 22, two Russian vessels docked at Tartus to load vehicles.', 'Convoys')
  await add('docking', 'The convoy reached Khmeimim Air Base yesterday.', 'Convoys')
  await add('undated', 'A convoy of thirty trucks was turned back near Latakia on Tuesday, witnesses said.', 'Convoys')
  await session.close()
  expect((await dossier('backup')).code).toBe(0)
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('dossier show: suggested event dates', () => {
  it('each highlight without a decision carries its suggestion, resolved against the publication date or unresolved with the reason', async () => {
    const withdrawal = await highlightsOf('withdrawal')
    expect(withdrawal.map((h) => h.suggestedEventDate)).toEqual([
      { start: '2024-12-13', end: '2024-12-13', precision: 'day', phrase: 'December 13', rule: 'day+inferred-year', source: 'suggested' },
      { start: '2024-11-21', end: '2024-11-30', precision: 'approximate', phrase: 'late November', rule: 'part-of-month+inferred-year', source: 'suggested' },
    ])
    expect(withdrawal.every((h) => !('eventDate' in h))).toBe(true)
    expect((await quoted('docking', 'On January')).suggestedEventDate).toMatchObject({ start: '2025-01-21', end: '2025-01-22', precision: 'day' })
    expect((await quoted('docking', 'The convoy')).suggestedEventDate).toMatchObject({ start: '2025-02-01', end: '2025-02-01', rule: 'relative-day' })
    expect((await quoted('undated', 'A convoy')).suggestedEventDate).toEqual({
      unresolved: true,
      phrase: 'on Tuesday',
      rule: 'weekday',
      reason: '“on Tuesday” is relative and the article has no publication date to count from',
      source: 'suggested',
    })
    const human = await dossier('show', ids.get('docking')!)
    expect(human.out).toContain('  event date: 2025-01-21 – 2025-01-22 (day; from “January 21 and 22”, suggested; accept with --event-date accept)\n')
  })
})

describe('dossier highlight edit --event-date', () => {
  it('accept keeps the suggestion with its phrase and rule; the suggestion is then no longer shown', async () => {
    const h = await quoted('withdrawal', 'Russia began')
    const edited = await json<Highlight>('highlight', 'edit', h.id, '--event-date', 'accept')
    expect(edited.eventDate).toEqual({ start: '2024-12-13', end: '2024-12-13', precision: 'day', phrase: 'December 13', rule: 'day+inferred-year', source: 'suggested' })
    const shown = await quoted('withdrawal', 'Russia began')
    expect(shown.eventDate).toEqual(edited.eventDate)
    expect(shown.suggestedEventDate).toBeUndefined()
  })

  it('a typed date or range is the analyst\'s; none clears it; auto forgets the decision', async () => {
    const h = await quoted('docking', 'On January')
    const set = await dossier('highlight', 'edit', h.id, '--event-date', '2025-01-20/2025-01-22')
    expect(set.code, set.err).toBe(0)
    expect(set.out).toContain('  event date: 2025-01-20 – 2025-01-22 (day; set by the analyst)\n')
    expect((await quoted('docking', 'On January')).eventDate).toEqual({ start: '2025-01-20', end: '2025-01-22', precision: 'day', source: 'analyst' })
    expect((await json<Highlight>('highlight', 'edit', h.id, '--event-date', '~2025-01')).eventDate).toEqual({ start: '2025-01-01', end: '2025-01-31', precision: 'approximate', source: 'analyst' })
    expect((await json<Highlight>('highlight', 'edit', h.id, '--event-date', 'none')).eventDate).toBeNull()
    expect((await quoted('docking', 'On January')).suggestedEventDate).toBeUndefined()
    const forgotten = await json<Highlight>('highlight', 'edit', h.id, '--event-date', 'auto')
    expect('eventDate' in forgotten).toBe(false)
    expect((await quoted('docking', 'On January')).suggestedEventDate).toMatchObject({ start: '2025-01-21', end: '2025-01-22' })
    const again = await dossier('highlight', 'edit', h.id, '--event-date', 'auto')
    expect(again.out).toMatch(/already is as asked; nothing changed/)
  })

  it('an impossible day, an end before its start, or nothing to accept: one line, exit 1, the notebook unchanged', async () => {
    const h = await quoted('docking', 'The convoy')
    await refused(1, 'dossier: 2025-02-30 is not a real day: February 2025 has 28 days. Nothing was changed.\n', 'highlight', 'edit', h.id, '--event-date', '2025-02-30')
    await refused(1, 'dossier: The event date ends (2025-01-21) before it starts (2025-01-22). Nothing was changed.\n', 'highlight', 'edit', h.id, '--event-date', '2025-01-22/2025-01-21')
    await refused(1, 'is not a day, month or year', 'highlight', 'edit', h.id, '--event-date', 'next week')
    const undated = await quoted('undated', 'A convoy')
    await refused(1, 'dossier: Nothing to accept: “on Tuesday” is relative and the article has no publication date to count from.', 'highlight', 'edit', undated.id, '--event-date', 'accept')
    const r = await refused(1, /not a real day/, 'highlight', 'edit', h.id, '--tag', 'Bases', '--event-date', '2025-13-01', '--json')
    expect(JSON.parse(r.out)).toEqual({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('there is no month 13') } })
  })

  it('a new highlight takes its event date with it; a bad date highlights nothing', async () => {
    const article = ids.get('docking')!
    await refused(1, 'dossier: 2025-02-30 is not a real day: February 2025 has 28 days. Nothing was highlighted.\n', 'highlight', article, '--quote', 'two Russian vessels', '--tag', 'Convoys', '--event-date', '2025-02-30')
    await refused(1, 'dossier: The event date ends (2025-01-21) before it starts (2025-01-22). Nothing was highlighted.\n', 'highlight', article, '--quote', 'two Russian vessels', '--tag', 'Convoys', '--event-date', '2025-01-22/2025-01-21')
    await refused(2, '--event-date accept is for "dossier highlight edit"', 'highlight', article, '--quote', 'two Russian vessels', '--tag', 'Convoys', '--event-date', 'accept')
    const made = await dossier('highlight', article, '--quote', 'two Russian vessels', '--tag', 'Convoys', '--event-date', '2025-01-21/2025-01-22')
    expect(made.code, made.err).toBe(0)
    expect(made.out).toMatch(/^Highlighted h-[0-9a-f]{10} in "Two ships dock at the port" \[Convoys\]\n {2}event date: 2025-01-21 – 2025-01-22 \(day; set by the analyst\)\n$/)
    const shown = await quoted('docking', 'two Russian vessels')
    expect(shown.eventDate).toEqual({ start: '2025-01-21', end: '2025-01-22', precision: 'day', source: 'analyst' })
    expect((await dossier('highlight', 'delete', shown.id)).code).toBe(0)
  })
})

describe('dossier timeline', () => {
  it('--json: passages by event date in lanes by tag, sources numbered, undated passages with their reason', async () => {
    const t = await json<{ lanes: { label: string; count: number }[]; passages: { quote: string; start: string; end: string; source: number; lanes: string[]; dateSource: string; decided: boolean }[]; undated: { reason: string }[]; sources: { number: number; title: string }[] }>('timeline')
    expect(t.lanes.map((l) => [l.label, l.count])).toEqual([
      ['Bases', 1],
      ['Convoys', 2],
      ['Negotiations', 1],
    ])
    expect(t.passages.map((p) => [p.start, p.end, p.source, p.dateSource, p.decided])).toEqual([
      ['2024-12-13', '2024-12-13', 1, 'suggested', true],
      ['2024-11-21', '2024-11-30', 1, 'suggested', false],
      ['2025-01-21', '2025-01-22', 2, 'suggested', false],
      ['2025-02-01', '2025-02-01', 2, 'suggested', false],
    ])
    expect(t.undated).toEqual([{ highlightId: expect.any(String), articleId: ids.get('undated'), reason: '“on Tuesday” is relative and the article has no publication date to count from' }])
    expect(t.sources.map((s) => s.title)).toEqual(['Russia pulls back from its Syrian bases', 'Two ships dock at the port'])
  })

  it('--tag and --from/--to filter; a bad date or a reversed range is refused', async () => {
    const t = await json<{ passages: { start: string }[]; lanes: { label: string }[] }>('timeline', '--tag', 'convoys', '--from', '2025-01', '--to', '2025-01-31')
    expect(t.lanes.map((l) => l.label)).toEqual(['Convoys'])
    expect(t.passages.map((p) => p.start)).toEqual(['2025-01-21'])
    await refused(1, 'dossier: --from: 2025-02-30 is not a real day', 'timeline', '--from', '2025-02-30')
    await refused(1, 'dossier: --to (2024-12-31) is before --from (2025-01-01).', 'timeline', '--from', '2025', '--to', '2024')
    await refused(2, /--format svg and --out FILE together/, 'timeline', '--format', 'svg')
  })

  it('lists the lanes and passages for a reader', async () => {
    const r = await dossier('timeline', '--tag', 'Bases')
    expect(r.out).toBe(
      'Timeline: 1 passage in 1 lane.\n\nBases (1)\n  2024-12-13              [1] “Russia began to withdraw equipment from the Tartus naval facility on December 13, official…” (accepted)\n\nSources:\n' +
        `  [1] Russia pulls back from its Syrian bases, 15 December 2024  (${ids.get('withdrawal')})\n`,
    )
  })

  it('--by-publication: the articles (those without passages too) by publication date in lanes by outlet; the undated one left out with its reason', async () => {
    const t = await json<{ mode: string; by: string; lanes: { label: string; count: number }[]; articles: { title: string; start: string; passageCount: number; outlet: string | null }[]; undated: { articleId: string; reason: string }[] }>('timeline', '--by-publication')
    expect([t.mode, t.by]).toEqual(['published', 'outlet'])
    expect(t.articles.map((a) => [a.start, a.title, a.passageCount]).sort()).toEqual([
      ['2024-12-15', 'Russia pulls back from its Syrian bases', 2],
      ['2025-02-02', 'Two ships dock at the port', 2],
    ])
    expect(t.lanes.map((l) => [l.label, l.count])).toEqual([['No outlet', 2]])
    expect(t.undated).toEqual([{ articleId: ids.get('undated'), tagIds: expect.any(Array), reason: 'it has no publication date' }])
    const bases = await json<{ articles: { title: string }[] }>('timeline', '--by-publication', '--tag', 'Bases')
    expect(bases.articles.map((a) => a.title)).toEqual(['Russia pulls back from its Syrian bases'])
    const r = await dossier('timeline', '--by-publication', '--from', '2025')
    expect(r.out).toBe(`Articles by publication date: 1 article in 1 lane by outlet; 1 article without a publication date left out.\n\nNo outlet (1)\n  2025-02-02  Two ships dock at the port  (2 passages; ${ids.get('docking')})\n`)
    await refused(2, /--by-publication lists the articles/, 'timeline', '--by-publication', '--format', 'svg', '--out', 'x.svg')
  })

  it('--format svg --out writes a well-formed figure; an existing file is refused without --force', async () => {
    const r = await dossier('timeline', '--format', 'svg', '--out', 'timeline.svg', '--json')
    expect(r.code, r.err).toBe(0)
    expect(JSON.parse(r.out)).toEqual({ path: join(tmp, 'timeline.svg'), format: 'svg', passageCount: 4, undatedCount: 1, sourceCount: 2 })
    const svg = await readFile(join(tmp, 'timeline.svg'), 'utf8')
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect([...doc.querySelectorAll('g.lane > title')].map((t) => t.textContent)).toEqual(['Bases: 1 passage', 'Convoys: 2 passages', 'Negotiations: 1 passage'])
    expect(doc.querySelectorAll('g.span.approximate')).toHaveLength(1)
    await writeFile(join(tmp, 'keep.svg'), 'mine')
    await refused(1, 'keep.svg already exists; nothing was written. Give --force', 'timeline', '--format', 'svg', '--out', 'keep.svg')
    expect(await readFile(join(tmp, 'keep.svg'), 'utf8')).toBe('mine')
    expect((await dossier('timeline', '--format', 'svg', '--out', 'keep.svg', '--force')).code).toBe(0)
    expect(await readFile(join(tmp, 'keep.svg'), 'utf8')).toMatch(/^<svg /)
  })

  it('--out in a missing folder or onto a folder: one line naming the problem, nothing written anywhere', async () => {
    const before = await fileTree(tmp)
    await refused(1, `dossier: Cannot export to ${join(tmp, 'nope', 'x.svg')}: the folder ${join(tmp, 'nope')} does not exist.\n`, 'timeline', '--format', 'svg', '--out', join('nope', 'x.svg'))
    await mkdir(join(tmp, 'figures'))
    await refused(1, `dossier: Cannot export to ${join(tmp, 'figures')}: it is a folder.\n`, 'map', '--format', 'svg', '--out', 'figures')
    await rm(join(tmp, 'figures'), { recursive: true })
    expect(await fileTree(tmp)).toEqual(before)
  })
})

describe('dossier map', () => {
  beforeAll(async () => {
    expect((await dossier('entities', 'import-pack', '--starter')).code).toBe(0)
  }, 60_000)

  it('--json: the places the passages name, with their passages and mentions', async () => {
    const m = await json<{ places: { name: string; passages: number; mentions: number }[]; passageCount: number }>('map')
    const named = m.places.filter((p) => p.passages > 0)
    expect(named.map((p) => [p.name, p.passages])).toEqual([
      ['Damascus', 1],
      ['Khmeimim Air Base', 1],
      ['Latakia', 1],
      ['Tartus', 1],
      ['Tartus naval facility', 1],
    ])
    expect(m.passageCount).toBe(5)
    expect(m.places.find((p) => p.name === 'Tartus')).toMatchObject({ passages: 1, mentions: 1 })
    expect(m.places.find((p) => p.name === 'Aleppo')).toMatchObject({ passages: 0, mentions: 0 })
    const convoys = await json<{ places: { name: string; passages: number }[] }>('map', '--tag', 'Convoys', '--from', '2025-02')
    expect(convoys.places.filter((p) => p.passages > 0).map((p) => p.name)).toEqual(['Khmeimim Air Base'])
  })

  it('--format svg --out: a basemap, one circle per place, sources; existing files refused', async () => {
    const r = await dossier('map', '--format', 'svg', '--out', 'map.svg')
    expect(r.code, r.err).toBe(0)
    expect(r.out).toBe(`Drew 5 places named by 5 passages (of 23 with coordinates) to ${join(tmp, 'map.svg')}\n`)
    const svg = await readFile(join(tmp, 'map.svg'), 'utf8')
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.querySelector('g.basemap path')!.getAttribute('d')!.length).toBeGreaterThan(1000)
    expect(doc.querySelector('g.place[data-entity] > title')!.textContent).toMatch(/^\S.*: 1 passage \(sources \[\d\]\); \d+ mentions? in the notebook$/)
    expect([...doc.querySelectorAll('text[data-source]')].map((t) => t.textContent)).toEqual([
      '[1] Russia pulls back from its Syrian bases, 15 December 2024',
      '[2] Two ships dock at the port, 2 February 2025',
      '[3] A convoy is turned back',
    ])
    const before = await fileTree(tmp)
    const again = await dossier('map', '--format', 'svg', '--out', 'map.svg')
    expect(again.code).toBe(1)
    expect(await fileTree(tmp)).toEqual(before)
    expect(existsSync(join(tmp, 'map.svg'))).toBe(true)
  })
})

describe('dossier export --format csv', () => {
  it('ends each row with its event date: accepted, suggested, or empty when unresolved', async () => {
    expect((await dossier('export', '--format', 'csv', '--out', 'all.csv')).code).toBe(0)
    const rows = readCsv((await readFile(join(tmp, 'all.csv'), 'utf8')).slice(1))
    const byQuote = new Map(rows.slice(1).map((r) => [r[4]!, r.slice(8, 13)]))
    expect(byQuote.get('Russia began to withdraw equipment from the Tartus naval facility on December 13, officials said.')).toEqual(['2024-12-13', '2024-12-13', 'day', 'accepted', 'December 13'])
    expect(byQuote.get('The convoy reached Khmeimim Air Base yesterday.')).toEqual(['2025-02-01', '2025-02-01', 'day', 'suggested', 'yesterday'])
    expect(byQuote.get('A convoy of thirty trucks was turned back near Latakia on Tuesday, witnesses said.')).toEqual(['', '', '', '', ''])
  })
})
