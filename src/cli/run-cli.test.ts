import { existsSync, readdirSync as readdirSyncNames } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleSummary, ArticleView, ExportedBriefing, ImportReport } from '../core/api'
import type { Highlight, Tag } from '../core/model'
import { runCliIn, type CliRun as Run } from './test-cli'

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus')

const TARTUS = `Russian convoy leaves the Tartus naval base for Latakia

December 15, 2024

Analyst Kerim Sohtaoğlu said the “orderly withdrawal” had begun. Trucks left the naval base at dawn; by noon the naval base was quiet.

Talks with Damascus continue, officials said.
`

const KHMEIMIM = `Ships gather off Khmeimim as talks stall in Damascus

January 20, 2025

The Sparta II cargo ship waited offshore while negotiators met in the capital.
`

let tmp: string
let nb: string
let tartusId: string
let khmeimimId: string

const run = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> => runCliIn(tmp, args, env)

/** Runs against the test notebook (relative path: resolved against io.cwd). */
const dossier = (...args: string[]) => run(['--notebook', 'nb', ...args])

/** Every notebook file a command could change (manifest, catalog, annotations), for "unchanged" checks. */
const catalog = async () => {
  const annotations = await readdir(join(nb, 'annotations')).catch(() => [] as string[])
  const files = ['notebook.json', 'catalog.json', ...annotations.sort().map((n) => `annotations/${n}`)]
  return (await Promise.all(files.map(async (f) => `${f}\n${await readFile(join(nb, f), 'utf8')}`))).join('\n')
}

/** Expects exit 1, exactly one `dossier: …` line on stderr, and the catalog byte-for-byte unchanged. */
async function expectUserError(args: string[], message: RegExp): Promise<Run> {
  const before = await catalog()
  const result = await dossier(...args)
  expect(result.code).toBe(1)
  expect(result.err).toMatch(/^dossier: [^\n]+\n$/)
  expect(result.err).toMatch(message)
  expect(await catalog()).toBe(before)
  return result
}

async function expectUsageError(args: string[], message: RegExp): Promise<Run> {
  const before = await catalog()
  const result = await dossier(...args)
  expect(result.code).toBe(2)
  expect(result.err).toMatch(/^dossier: /)
  expect(result.err).toMatch(message)
  expect(result.err).toMatch(/Run "dossier [^"]*--help"/)
  expect(await catalog()).toBe(before)
  return result
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dossier-cli-'))
  nb = join(tmp, 'nb')
  await writeFile(join(tmp, 'tartus.txt'), TARTUS)
  await mkdir(join(tmp, 'folder', 'sub'), { recursive: true })
  await writeFile(join(tmp, 'folder', 'sub', 'khmeimim.txt'), KHMEIMIM)
  await writeFile(join(tmp, 'folder', 'notes.odt'), 'not a supported format\n')
  await mkdir(join(tmp, 'no-text'))
  await writeFile(join(tmp, 'no-text', 'notes.odt'), 'nothing to import\n')
})

afterAll(async () => {
  await chmod(join(tmp, 'locked'), 0o755).catch(() => undefined)
  await rm(tmp, { recursive: true, force: true })
})

describe('dossier CLI', () => {
  it('imports a file (creating the notebook) and reports it', async () => {
    const r = await dossier('import', 'tartus.txt')
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out).toMatch(/^imported {2}a-[0-9a-z]+ {2}Russian convoy leaves the Tartus naval base for Latakia\n/)
    expect(r.out).toContain('Imported 1, duplicates 0, failed 0.')
    expect(existsSync(join(nb, 'notebook.json'))).toBe(true)
    tartusId = /imported {2}(a-[0-9a-z]+)/.exec(r.out)![1]!
  })

  it('imports a folder recursively, supported formats only, with a --json report', async () => {
    const r = await dossier('import', 'folder', '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.out) as ImportReport
    expect(report).toMatchObject({ imported: 1, duplicates: 0, failed: 0 })
    expect(report.items).toHaveLength(1)
    expect(report.items[0]).toMatchObject({ source: join(tmp, 'folder', 'sub', 'khmeimim.txt'), status: 'imported', title: 'Ships gather off Khmeimim as talks stall in Damascus' })
    khmeimimId = report.items[0]!.articleId!
  })

  it('reports a re-import as a duplicate and exits 0', async () => {
    const before = await catalog()
    const r = await dossier('import', 'tartus.txt')
    expect(r.code).toBe(0)
    expect(r.out).toContain(`duplicate ${tartusId}  ${join(tmp, 'tartus.txt')} (already in the notebook as "Russian convoy leaves the Tartus naval base for Latakia")`)
    expect(r.out).toContain('Imported 0, duplicates 1, failed 0.')
    expect(await catalog()).toBe(before)
  })

  it('lists articles as JSON (global options after the command)', async () => {
    const r = await run(['list', '--json', '--notebook', nb])
    expect(r.code).toBe(0)
    const list = JSON.parse(r.out) as ArticleSummary[]
    expect(list).toHaveLength(2)
    const tartus = list.find((a) => a.id === tartusId)!
    expect(tartus).toEqual({
      id: tartusId,
      title: 'Russian convoy leaves the Tartus naval base for Latakia',
      outlet: null,
      author: null,
      published: '2024-12-15',
      url: null,
      wordCount: expect.any(Number),
      importedAt: expect.any(String),
      sourceFileName: 'tartus.txt',
      highlightCount: 0,
      format: 'txt',
      language: 'en',
      // The fixture is a two-paragraph stub, which the analysis rightly calls short.
      flags: [expect.objectContaining({ kind: 'short-extraction' })],
      rewrites: [],
      metaEdited: [],
    })
  })

  it('lists articles as a table', async () => {
    const r = await dossier('list')
    expect(r.code).toBe(0)
    const lines = r.out.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^ID\s+DATE\s+OUTLET\s+WORDS\s+HIGHLIGHTS\s+FLAGS\s+TITLE$/)
    expect(lines.find((l) => l.startsWith(tartusId))).toMatch(/2024-12-15\s+—\s+\d+\s+0\s+short\s+Russian convoy/)
  })

  it('finds the notebook through DOSSIER_NOTEBOOK', async () => {
    const r = await run(['list', '--json'], { DOSSIER_NOTEBOOK: 'nb' })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out)).toHaveLength(2)
  })

  it('shows an article: metadata, full text, highlights', async () => {
    const r = await dossier('show', tartusId)
    expect(r.code).toBe(0)
    expect(r.out).toContain(`id:        ${tartusId}`)
    expect(r.out).toContain('published: 2024-12-15')
    expect(r.out).toContain('Analyst Kerim Sohtaoğlu said the “orderly withdrawal” had begun.')
    expect(r.out).toContain('Talks with Damascus continue, officials said.')
    expect(r.out).toContain('No highlights yet.')

    const j = await dossier('show', tartusId, '--json')
    const view = JSON.parse(j.out) as ArticleView
    expect(view.article.id).toBe(tartusId)
    expect(view.text).toContain('Sohtaoğlu')
    expect(view.highlights).toEqual([])
  })

  it('highlights a quote with a tag; list then counts it', async () => {
    // Decomposed ğ (g + combining breve) still matches the stored NFC text.
    const quote = 'Kerim Sohtaog\u0306lu said the “orderly withdrawal” had begun'
    const r = await dossier('highlight', tartusId, '--quote', quote, '--tag', 'negotiations', '--comment', 'Who says so?')
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    expect(r.out).toMatch(/^Highlighted h-[0-9a-z]+ in "Russian convoy leaves the Tartus naval base for Latakia" \[Negotiations\]\n$/)

    const list = JSON.parse((await dossier('list', '--json')).out) as ArticleSummary[]
    expect(list.find((a) => a.id === tartusId)!.highlightCount).toBe(1)
    expect(list.find((a) => a.id === khmeimimId)!.highlightCount).toBe(0)

    const shown = await dossier('show', tartusId)
    expect(shown.out).toContain('Highlights (1):')
    expect(shown.out).toContain('[Negotiations]')
    expect(shown.out).toContain('  “Kerim Sohtaoğlu said the “orderly withdrawal” had begun”')
    expect(shown.out).toContain('  comment: Who says so?')
  })

  it('needs --occurrence for an ambiguous quote', async () => {
    const r = await expectUserError([`highlight`, tartusId, '--quote', 'the naval base', '--tag', 'Bases'], /^dossier: The quote occurs 2 times in "Russian convoy .*"; choose one with --occurrence 1\.\.2\.\n$/)
    expect(r.out).toBe('')
    await expectUserError(['highlight', tartusId, '--quote', 'the naval base', '--occurrence', '3', '--tag', 'Bases'], /--occurrence must be between 1 and 2/)

    const ok = await dossier('highlight', tartusId, '--quote', 'the naval base', '--occurrence', '2', '--tag', 'Bases', '--tag', 'Convoys', '--json')
    expect(ok.code).toBe(0)
    const h = JSON.parse(ok.out) as Highlight
    const text = (JSON.parse((await dossier('show', tartusId, '--json')).out) as ArticleView).text
    expect(h.target.exact).toBe('the naval base')
    expect(h.target.start).toBe(text.lastIndexOf('the naval base'))
    expect(h.tagIds).toEqual(['t-bases', 't-convoys'])
  })

  it('lists tags with highlight counts', async () => {
    const r = await dossier('tags', '--json')
    expect(r.code).toBe(0)
    const tags = JSON.parse(r.out) as (Tag & { highlightCount: number })[]
    expect(tags.map((t) => [t.name, t.highlightCount])).toEqual([
      ['Bases', 1],
      ['Convoys', 1],
      ['Negotiations', 1],
    ])
    expect(tags[0]).toMatchObject({ id: 't-bases', color: '#E69F00', description: expect.any(String) })

    const human = await dossier('tags')
    expect(human.out).toMatch(/^NAME\s+COLOUR\s+HIGHLIGHTS\s+DESCRIPTION\n/)
    expect(human.out).toMatch(/Bases\s+#E69F00\s+1\s+Status of Russian bases/)
  })

  it('exports a briefing PDF', { timeout: 60_000 }, async () => {
    const r = await dossier('export', '--format', 'pdf', '--out', 'briefing.pdf', '--title', 'Test briefing')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Exported 3 passages on \d+ pages? to .*briefing\.pdf\n$/)
    const pdf = await readFile(join(tmp, 'briefing.pdf'))
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF')

    const j = await dossier('--json', 'export', '--format', 'pdf', '--out', 'bases.pdf', '--tag', 'bases')
    expect(j.code).toBe(0)
    const exported = JSON.parse(j.out) as ExportedBriefing
    expect(exported).toEqual({ path: join(tmp, 'bases.pdf'), format: 'pdf', pageCount: expect.any(Number), passageCount: 1 })
    expect((await readFile(join(tmp, 'bases.pdf'))).subarray(0, 4).toString('latin1')).toBe('%PDF')
  })

  describe('user errors: exit 1, one stderr line, notebook unchanged', () => {
    it('a missing file', async () => {
      const r = await expectUserError(['import', 'missing.txt'], new RegExp(`^dossier: No such file or folder: ${join(tmp, 'missing.txt')}\\n$`))
      expect(r.out).toContain(`failed    ${join(tmp, 'missing.txt')}: No such file or folder`)
      expect(r.out).toContain('Imported 0, duplicates 0, failed 1.')
    })

    it('a folder with no text files', async () => {
      await expectUserError(['import', 'no-text'], /^dossier: The folder .*no-text holds no \.txt, .*\.pdf, \.docx or \.eml files to import\.\n$/)
    })

    it('an unknown article id', async () => {
      await expectUserError(['show', 'a-nothere123'], /^dossier: There is no article with id a-nothere123 in this notebook\.\n$/)
      await expectUserError(['highlight', 'a-nothere123', '--quote', 'naval', '--tag', 'Bases'], /There is no article with id a-nothere123/)
    })

    it('a quote that is not in the article', async () => {
      await expectUserError(['highlight', khmeimimId, '--quote', 'Tartus naval base', '--tag', 'Bases'], /^dossier: The quote does not occur in "Ships gather off Khmeimim as talks stall in Damascus"/)
    })

    it('an unknown tag', async () => {
      await expectUserError(['highlight', khmeimimId, '--quote', 'Sparta II', '--tag', 'Ships'], /^dossier: There is no tag named "Ships"\. Tags in this notebook: Bases, Convoys, Negotiations\.\n$/)
      await expectUserError(['export', '--format', 'pdf', '--out', 'x.pdf', '--tag', 'Ships'], /There is no tag named "Ships"/)
      expect(existsSync(join(tmp, 'x.pdf'))).toBe(false)
    })

    it('an export to a missing folder or onto a folder', async () => {
      await expectUserError(['export', '--format', 'pdf', '--out', 'nowhere/briefing.pdf'], /^dossier: Cannot export to .*nowhere\/briefing\.pdf: the folder .*nowhere does not exist\.\n$/)
      await expectUserError(['export', '--format', 'pdf', '--out', 'folder'], /^dossier: Cannot export to .*folder: it is a folder\.\n$/)
    })

    it.skipIf(process.getuid?.() === 0)('an export to a non-writable folder (skipped as root: root can write anywhere)', async () => {
      await mkdir(join(tmp, 'locked'))
      await chmod(join(tmp, 'locked'), 0o555)
      await expectUserError(['export', '--format', 'pdf', '--out', 'locked/briefing.pdf'], /the folder .*locked is not writable/)
    })

    it('a notebook that does not exist (read-only commands do not create it)', async () => {
      for (const command of [['list'], ['tags'], ['show', 'a-12345678'], ['export', '--format', 'pdf', '--out', 'y.pdf']]) {
        const r = await run(['--notebook', 'no-such-notebook', ...command])
        expect(r.code).toBe(1)
        expect(r.err).toBe(`dossier: There is no notebook at ${join(tmp, 'no-such-notebook')}.\n`)
      }
      expect(existsSync(join(tmp, 'no-such-notebook'))).toBe(false)
    })

    it('--json also prints the error object on stdout', async () => {
      const r = await expectUserError(['show', 'a-nothere123', '--json'], /There is no article/)
      expect(JSON.parse(r.out)).toEqual({ ok: false, error: { code: 'not-found', message: 'There is no article with id a-nothere123 in this notebook.' } })
    })
  })

  describe('usage errors: exit 2 with a hint', () => {
    it('an unknown command', async () => {
      const r = await expectUsageError(['frobnicate'], /unknown command 'frobnicate'/)
      expect(r.err).toContain('Run "dossier --help"')
    })

    it('an unknown option', async () => {
      await expectUsageError(['list', '--colour'], /unknown option '--colour'/)
    })

    it('a missing argument or required option', async () => {
      await expectUsageError(['show'], /missing required argument 'id'/)
      const r = await expectUsageError(['highlight', tartusId, '--tag', 'Bases'], /required option '--quote <text>' not specified/)
      expect(r.err).toContain('Run "dossier highlight --help"')
    })

    it('a highlight with neither --tag nor --comment', async () => {
      await expectUsageError(['highlight', tartusId, '--quote', 'Talks with Damascus'], /at least one --tag or a --comment/)
    })

    it('a bad --occurrence', async () => {
      await expectUsageError(['highlight', tartusId, '--quote', 'the naval base', '--occurrence', '0', '--tag', 'Bases'], /positive whole number/)
      await expectUsageError(['highlight', tartusId, '--quote', 'the naval base', '--occurrence', 'two', '--tag', 'Bases'], /positive whole number/)
    })

    it('an unsupported export format, naming the ones that exist', async () => {
      await expectUsageError(['export', '--format', 'docx', '--out', 'b.docx'], /'docx' is invalid\. Allowed choices are pdf/)
      await expectUsageError(['export', '--out', 'b.pdf'], /required option '--format <format>' not specified/)
      expect(existsSync(join(tmp, 'b.docx'))).toBe(false)
    })

    it('--json usage errors also print the error object', async () => {
      const r = await expectUsageError(['--json', 'frobnicate'], /unknown command/)
      expect(JSON.parse(r.out)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    })

    it('no command at all prints the help on stderr', async () => {
      const r = await run([])
      expect(r.code).toBe(2)
      expect(r.err).toContain('Usage: dossier')
      expect(r.out).toBe('')
    })
  })

  describe('help and version', () => {
    it('--help for the program and each command prints to stdout and exits 0', async () => {
      const top = await run(['--help'])
      expect(top.code).toBe(0)
      expect(top.err).toBe('')
      for (const command of ['import', 'list', 'show', 'delete', 'undelete', 'highlight', 'tags', 'tag', 'briefing', 'export']) {
        expect(top.out).toContain(command)
        const r = await run([command, '--help'])
        expect(r.code).toBe(0)
        expect(r.err).toBe('')
        expect(r.out).toContain(`Usage: dossier ${command}`)
        expect(r.out).toMatch(new RegExp(`Examples:\\n  \\$ dossier .*${command}`))
        expect(r.out).toContain('--notebook <dir>')
      }
      const viaHelp = await run(['help', 'export'])
      expect(viaHelp.code).toBe(0)
      expect(viaHelp.out).toContain('Usage: dossier export')
    })

    it('--version prints the package version', async () => {
      const pkg = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
      const r = await run(['--version'])
      expect(r).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' })
    })
  })
})

describe.skipIf(!existsSync(CORPUS))('the shared corpus (skipped when /work/shared/corpus is absent)', () => {
  it('imports all five articles (the folder also holds README.md, which imports too) and links the paraphrase pair', { timeout: 60_000 }, async () => {
    const five = ['000', '001', '002', '003', '004'].map((n) => readdirSyncNames(CORPUS).find((f) => f.startsWith(`${n}_`))!).map((f) => join(CORPUS, f))
    const imported = await run(['--notebook', 'corpus-nb', 'import', ...five, '--json'])
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.out) as ImportReport
    expect(report).toMatchObject({ imported: 5, duplicates: 0, failed: 0 })
    const id = (n: string) => report.items.find((i) => i.source.includes(`/${n}_`))!.articleId!
    expect(report.items.find((i) => i.articleId === id('004'))!.rewriteOf?.map((r) => r.articleId)).toEqual([id('001')])
    for (const n of ['000', '002', '003']) expect(report.items.find((i) => i.articleId === id(n))!.rewriteOf).toBeUndefined()
    const list = await run(['--notebook', 'corpus-nb', 'list', '--json'])
    expect(list.code).toBe(0)
    expect(JSON.parse(list.out)).toHaveLength(5)
  })
})

describe('dossier edit', () => {
  it('changes metadata, marks it edited, and refuses bad values without changing anything', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dossier-edit-'))
    const go = (...args: string[]) => runCliIn(dir, ['--notebook', 'nb', ...args])
    await writeFile(join(dir, 'a.txt'), TARTUS)
    const imported = JSON.parse((await go('import', 'a.txt', '--json')).out) as ImportReport
    const id = imported.items[0]!.articleId!
    const edited = await go('edit', id, '--outlet', 'Example News', '--date', '2024-12-16', '--url', 'https://example.org/tartus', '--author', 'A. Writer', '--json')
    expect(edited.code).toBe(0)
    expect(JSON.parse(edited.out)).toMatchObject({ id, outlet: 'Example News', published: '2024-12-16', url: 'https://example.org/tartus', author: 'A. Writer', metaEdited: ['outlet', 'published', 'url', 'author'] })
    const human = await go('edit', id, '--title', 'Convoy leaves Tartus')
    expect(human.out).toContain('title   Convoy leaves Tartus  (edited)')
    const list = JSON.parse((await go('list', '--json')).out) as ArticleSummary[]
    expect(list[0]).toMatchObject({ title: 'Convoy leaves Tartus', outlet: 'Example News' })
    const before = await readFile(join(dir, 'nb', 'catalog.json'), 'utf8')
    const bad = await go('edit', id, '--date', 'soon')
    expect(bad.code).toBe(1)
    expect(bad.err).toMatch(/^dossier: The date "soon" is not a date: write YYYY-MM-DD/)
    expect((await go('edit', id, '--date', '2025-02-30')).err).toBe('dossier: The date "2025-02-30" is not a real day: February 2025 has 28 days.\n')
    const nothing = await go('edit', id)
    expect(nothing.code).toBe(2)
    expect(nothing.err).toMatch(/Nothing to change/)
    expect((await go('edit', 'a-0000000000', '--title', 'x')).code).toBe(1)
    expect(await readFile(join(dir, 'nb', 'catalog.json'), 'utf8')).toBe(before)
    await rm(dir, { recursive: true, force: true })
  })
})
