/**
 * `dossier briefing create|list|show|edit|note|delete`. The measure of done: a briefing made
 * entirely on the command line lays out, and exports to a PDF, exactly as one made through
 * the session calls the app's composer makes (createBriefing, then one saveBriefing per
 * edit of the core's operations). Refusals leave every notebook file byte for byte as it was.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BriefingSummary } from '../core/api'
import { moveSectionBy, removeSection, setArticleFilter, setSectionNote, updateBriefingFields, type BriefingDocument } from '../core/briefing-document'
import type { BriefingLayout } from '../core/briefing-types'
import type { ArticleId } from '../core/ids'
import type { Tag } from '../core/model'
import { FONTS_DIR, openTestNotebook, tempDir } from '../main/briefings/test-notebook'
import { extractPdf } from '../main/import/pdf'
import { NotebookSession } from '../main/notebook-session'
import { expectRefusal, fileTree, runCliIn } from './test-cli'

const KEY_JUDGMENTS = 'Russia keeps Tartus for now.\n\nThe “temporary” arrangement — agreed in March — is likely to last.'
const NOTE = 'Satellite images from 14 December; AIS data to follow.'
const HANDLING = 'UNCLASSIFIED // FOR TRAINING'

let tmp: string
let nb: string
let appMade: BriefingDocument
let tags: Map<string, Tag>
/** The briefing's articles: the fixture's first two (the third is left out). */
let articles: string[]
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])
const refused = (exitCode: 1 | 2, message: RegExp | string, ...args: string[]) => expectRefusal(nb, () => dossier(...args), exitCode, message)
const withoutIdentity = ({ id: _id, createdAt: _c, updatedAt: _u, ...rest }: BriefingDocument) => rest
const comparable = (layout: BriefingLayout) => ({ ...layout, briefingId: null, generatedAt: '' })

beforeAll(async () => {
  tmp = await tempDir('dossier-cli-briefing-')
  nb = join(tmp, 'nb')
  const { session, ids } = await openTestNotebook(nb)
  articles = [ids.get('a-0000000002')!, ids.get('a-0000000001')!]
  tags = new Map(session.listTags().map((t) => [t.name, t]))
  const ports = tags.get('Ports & shipping')!.id
  // The composer: a new briefing, then each field and choice saved as the analyst makes it.
  let doc = await session.createBriefing()
  const edit = async (op: (d: BriefingDocument) => BriefingDocument) => void (doc = await session.saveBriefing(op(doc)))
  await edit((d) => updateBriefingFields(d, { title: 'Weekly ports' }))
  await edit((d) => updateBriefingFields(d, { author: 'J. Analyst' }))
  await edit((d) => updateBriefingFields(d, { date: '2025-03-07' }))
  await edit((d) => updateBriefingFields(d, { handling: HANDLING }))
  await edit((d) => updateBriefingFields(d, { keyJudgments: KEY_JUDGMENTS }))
  for (const name of ['Bases', 'Convoys', 'People']) await edit((d) => removeSection(d, tags.get(name)!.id))
  await edit((d) => moveSectionBy(d, ports, -1))
  await edit((d) => updateBriefingFields(d, { multiTag: 'cross-reference' }))
  await edit((d) => setArticleFilter(d, articles as ArticleId[]))
  await edit((d) => setSectionNote(d, ports, NOTE))
  appMade = doc
  await session.close()
  expect((await dossier('backup')).code).toBe(0)
  // Key judgments as a Windows editor saves them: byte-order mark and CRLF line ends.
  await writeFile(join(tmp, 'judgments.txt'), `\uFEFF${KEY_JUDGMENTS.replace(/\n/g, '\r\n')}\r\n`.replace(/\r\n$/, ''))
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('a briefing made on the command line', () => {
  let cliMade: BriefingDocument

  it('create and note: the same document the composer makes', async () => {
    const created = await dossier(
      'briefing', 'create', '--title', 'Weekly ports', '--author', 'J. Analyst', '--date', '2025-03-07', '--handling', HANDLING,
      '--key-judgments-file', 'judgments.txt', '--section', 'Ports & shipping', '--section', 'negotiations', '--multi-tag', 'cross-reference',
      '--article', articles[0]!, '--article', articles[1]!, '--json',
    )
    expect(created.code, created.err).toBe(0)
    const doc = JSON.parse(created.out) as BriefingDocument
    expect(doc.id).not.toBe(appMade.id)
    const noted = await dossier('briefing', 'note', doc.id, 'Ports & shipping', NOTE, '--json')
    expect(noted.code).toBe(0)
    cliMade = JSON.parse(noted.out) as BriefingDocument
    expect(withoutIdentity(cliMade)).toEqual(withoutIdentity(appMade))
  })

  it('lays out and exports to the same PDF as the composer\'s', { timeout: 120_000 }, async () => {
    const session = await NotebookSession.open(nb, { fontsDir: FONTS_DIR }, { readOnly: true })
    const [cliLayout, appLayout] = [await session.previewBriefing(cliMade.id), await session.previewBriefing(appMade.id)]
    await session.close()
    expect(comparable(cliLayout)).toEqual(comparable(appLayout))
    expect(cliLayout.sections.map((s) => s.tag?.name)).toEqual(['Ports & shipping', 'Negotiations'])

    const pdfText = async (id: string, file: string) => {
      const r = await dossier('export', '--format', 'pdf', '--out', file, '--briefing', id, '--json')
      expect(r.code, r.err).toBe(0)
      return { pages: (JSON.parse(r.out) as { pageCount: number }).pageCount, text: (await extractPdf(await readFile(join(tmp, file)), file)).text }
    }
    const cli = await pdfText(cliMade.id, 'cli.pdf')
    const app = await pdfText(appMade.id, 'app.pdf')
    expect(cli).toEqual(app)
    const flat = cli.text.replace(/\s+/g, ' ')
    for (const expected of ['Weekly ports', 'J. Analyst', HANDLING, 'Russia keeps Tartus for now.', 'is likely to last.', NOTE]) expect(flat).toContain(expected)
  })
})

describe('dossier briefing list, show, edit, note, delete', () => {
  it('list: the stored briefings as JSON and as a table', async () => {
    const r = await dossier('briefing', 'list', '--json')
    expect(r.code).toBe(0)
    const list = JSON.parse(r.out) as BriefingSummary[]
    expect(list.find((b) => b.id === appMade.id)).toEqual({ id: appMade.id, title: 'Weekly ports', date: '2025-03-07', updatedAt: appMade.updatedAt, sectionCount: 2 })
    const human = await dossier('briefing', 'list')
    expect(human.out).toMatch(/^ID\s+DATE\s+SECTIONS\s+CHANGED\s+TITLE\n/)
    expect(human.out).toMatch(new RegExp(`^${appMade.id}  2025-03-07\\s+2  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  Weekly ports$`, 'm'))
  })

  it('show: the document as JSON; fields, sections with notes and passage counts as text', async () => {
    const json = await dossier('briefing', 'show', appMade.id, '--json')
    expect(JSON.parse(json.out)).toEqual(appMade)
    const r = await dossier('briefing', 'show', appMade.id)
    expect(r.code).toBe(0)
    for (const line of [
      'Weekly ports\n',
      `id:        ${appMade.id}\n`,
      'date:      2025-03-07\n',
      'author:    J. Analyst\n',
      `handling:  ${HANDLING}\n`,
      `articles:  2 chosen: ${articles.join(', ')}\n`,
      'published: any date\n',
      'multi-tag: cross-reference',
      'Key judgments:\n  Russia keeps Tartus for now.\n\n  The “temporary” arrangement',
      'Sections (2):\n  1. Ports & shipping  3 passages\n',
      `     note: ${NOTE}\n`,
      '  2. Negotiations  1 passage (1 printed in another section)\n',
    ]) {
      expect(r.out).toContain(line)
    }
  })

  it('edit: fields, sections added and removed, article filter, an open date range', async () => {
    const article = (JSON.parse((await dossier('list', '--json')).out) as { id: string }[])[0]!.id
    const r = await dossier('briefing', 'edit', appMade.id, '--title', 'Weekly ports, week 10', '--author', '', '--add-section', 'people', '--remove-section', 'Negotiations', '--article', article, '--from', '', '--json')
    expect(r.code, r.err).toBe(0)
    const doc = JSON.parse(r.out) as BriefingDocument
    expect(doc).toMatchObject({ title: 'Weekly ports, week 10', author: '', selection: { tagIds: [tags.get('Ports & shipping')!.id, tags.get('People')!.id], articleIds: [article], from: null, to: null } })
    expect(doc.sections[0]!.note).toBe(NOTE)
    const back = await dossier('briefing', 'edit', appMade.id, '--all-articles', '--section', 'Negotiations', '--section', 'Ports & shipping', '--key-judgments', '')
    expect(back.out).toMatch(/^Updated briefing b-[0-9a-z]+\.\n\nWeekly ports, week 10\n/)
    expect(back.out).toContain('Key judgments: none.')
    expect(back.out).toContain('articles:  all\n')
    expect(back.out).toContain('Sections (2):\n  1. Negotiations')
  })

  it('edit: --no-untagged leaves the passages without a tag out, --untagged brings them back (a new briefing has them)', async () => {
    expect(appMade.selection.untagged).toBe(true)
    const off = await dossier('briefing', 'edit', appMade.id, '--no-untagged', '--json')
    expect(off.code, off.err).toBe(0)
    expect((JSON.parse(off.out) as BriefingDocument).selection.untagged).toBeUndefined()
    const on = await dossier('briefing', 'edit', appMade.id, '--untagged', '--json')
    expect((JSON.parse(on.out) as BriefingDocument).selection.untagged).toBe(true)
  })

  it('an edit or a note that changes nothing writes nothing', async () => {
    const before = await fileTree(nb)
    const r = await dossier('briefing', 'edit', appMade.id, '--title', 'Weekly ports, week 10')
    expect(r).toEqual({ code: 0, err: '', out: `Briefing ${appMade.id} already is as asked; nothing changed.\n` })
    expect((await dossier('briefing', 'note', appMade.id, 'Ports & shipping', NOTE)).out).toContain('already has that note; nothing changed')
    expect(await fileTree(nb)).toEqual(before)
  })

  it('refuses bad values before anything is written: nothing created, nothing changed', async () => {
    const date = await refused(1, 'dossier: The date "2025-02-30" is not a real day: February 2025 has 28 days.\n', 'briefing', 'create', '--title', 'X', '--date', '2025-02-30', '--json')
    expect(JSON.parse(date.out)).toEqual({ ok: false, error: { code: 'bad-request', message: 'The date "2025-02-30" is not a real day: February 2025 has 28 days.' } })
    await refused(1, 'The date "0999-01-01" is not a real day: the year 999 is outside 1000–9999.', 'briefing', 'create', '--date', '0999-01-01')
    await refused(1, 'The date "2025-03-07T10:00+00:00" is not a day', 'briefing', 'edit', appMade.id, '--date', '2025-03-07T10:00+00:00')
    await refused(1, 'There is no tag named "Nobody"', 'briefing', 'create', '--section', 'Nobody')
    await refused(1, 'There is no article with id a-0000000000', 'briefing', 'create', '--article', 'a-0000000000')
    await refused(1, `Cannot read the key judgments: there is no file ${join(tmp, 'missing.txt')}.`, 'briefing', 'create', '--key-judgments-file', 'missing.txt')
    await refused(1, 'The start of the date range "2025-13-01" is not a real day', 'briefing', 'edit', appMade.id, '--from', '2025-13-01')
    await refused(1, 'The date range starts (2025-02-01) after it ends (2025-01-01)', 'briefing', 'edit', appMade.id, '--from', '2025-02-01', '--to', '2025-01-01')
    await refused(1, 'The handling line is too long', 'briefing', 'edit', appMade.id, '--handling', 'x'.repeat(201))
    await refused(1, 'There is no briefing with id b-0000000000', 'briefing', 'edit', 'b-0000000000', '--title', 'X')
    await refused(1, '"../notebook" is not a briefing id (b-…).', 'briefing', 'show', '../notebook')
    await refused(1, `The briefing ${appMade.id} has no section for "Bases"`, 'briefing', 'note', appMade.id, 'Bases', 'A note')
    await refused(1, 'There is no briefing with id b-0000000000', 'briefing', 'delete', 'b-0000000000')
  })

  it('refuses bad usage with exit 2 and a hint, changing nothing', async () => {
    await refused(2, 'give either --key-judgments or --key-judgments-file, not both', 'briefing', 'create', '--key-judgments', 'A', '--key-judgments-file', 'judgments.txt')
    await refused(2, 'give either --section (the whole list) or --add-section/--remove-section', 'briefing', 'edit', appMade.id, '--section', 'People', '--add-section', 'Bases')
    await refused(2, 'give either --article or --all-articles', 'briefing', 'edit', appMade.id, '--article', 'a-0000000000', '--all-articles')
    const mode = await refused(2, "option '--multi-tag <mode>' argument 'sometimes' is invalid", 'briefing', 'create', '--multi-tag', 'sometimes')
    expect(mode.err).toContain('Run "dossier briefing create --help" for its usage.')
    await refused(2, 'give the note as text or with --file: one of the two', 'briefing', 'note', appMade.id, 'Ports & shipping')
  })

  it('note: from a file', async () => {
    await writeFile(join(tmp, 'note.txt'), 'Line one.\r\nLine two.\r\n')
    const r = await dossier('briefing', 'note', appMade.id, 'Ports & shipping', '--file', 'note.txt', '--json')
    expect((JSON.parse(r.out) as BriefingDocument).sections.find((s) => s.tagId === tags.get('Ports & shipping')!.id)!.note).toBe('Line one.\nLine two.\n')
  })

  it('delete: gone from the list, the document printed in full with --json', async () => {
    const doc = JSON.parse((await dossier('briefing', 'show', appMade.id, '--json')).out) as BriefingDocument
    const r = await dossier('briefing', 'delete', appMade.id, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toEqual({ deleted: doc })
    const list = JSON.parse((await dossier('briefing', 'list', '--json')).out) as BriefingSummary[]
    expect(list.map((b) => b.id)).not.toContain(appMade.id)
  })
})
