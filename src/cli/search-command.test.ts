import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Command, CommanderError } from 'commander'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArticleId } from '../core/ids'
import { isDossierError } from '../core/result'
import type { SearchResponse } from '../core/search/types'
import { NotebookSession } from '../main/notebook-session'
import { SEARCH_DIR } from '../main/search/notebook-search'
import { CONVOY, FONTS, HARBOUR, TALKS } from '../main/tags/tag-test-notebook'
import type { CommandContext } from './safety-commands'
import { registerSearchCommand } from './search-command'
import { runCliIn } from './test-cli'

let dir: string
let convoy: ArticleId
let talks: ArticleId
let highlight: string

/**
 * Runs `dossier ARGS` against the test notebook through a program built as run-cli
 * builds it (global --notebook and --json, a context that opens sessions, the same exit
 * codes: 0, 1 with `dossier: message`, 2 for bad usage).
 */
async function dossier(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const opened: NotebookSession[] = []
  const program = new Command('dossier')
    .exitOverride()
    .configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s), outputError: () => undefined })
    .option('--json', 'JSON output')
  const context = (cmd: Command): CommandContext => {
    const json = cmd.optsWithGlobals<{ json?: boolean }>().json === true
    return {
      dir,
      open: async (mode) => {
        const session = await NotebookSession.open(dir, { fontsDir: FONTS }, { create: mode === 'create', readOnly: mode === 'read', app: 'cli' })
        opened.push(session)
        return session
      },
      print: (value, human) => void (out += json ? `${JSON.stringify(value, null, 2)}\n` : human()),
    }
  }
  registerSearchCommand(program, context)
  try {
    await program.parseAsync(args, { from: 'user' })
    return { code: 0, out, err }
  } catch (error) {
    if (error instanceof CommanderError) return { code: 2, out, err: err + `dossier: ${error.message.replace(/^error:\s*/, '')}\n` }
    if (!isDossierError(error)) throw error
    return { code: 1, out, err: err + `dossier: ${error.message}\n` }
  } finally {
    for (const s of opened) await s.close()
  }
}

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'dossier-cli-search-')), 'nb')
  const session = await NotebookSession.open(dir, { fontsDir: FONTS })
  const enc = new TextEncoder()
  const report = await session.importContents([
    { name: 'convoy.txt', bytes: enc.encode(CONVOY) },
    { name: 'talks.txt', bytes: enc.encode(TALKS) },
  ])
  convoy = report.items[0]!.articleId!
  talks = report.items[1]!.articleId!
  await session.updateArticleMeta(talks, { outlet: 'Enab Baladi' })
  highlight = (await session.highlightQuote({ articleId: talks, quote: 'Tartus naval base', tagNames: ['Bases'], comment: 'lease at stake' })).id
  await session.close()
})

describe('dossier search', () => {
  it('prints one line per hit with kind, id, title and the matches in [brackets]', async () => {
    const { code, out, err } = await dossier('search', 'Sohtaoglu')
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).toBe(
      `1 match:\narticle   ${convoy}  "Convoy turned back at the Tartus gate"  …December 15, 2024 Thirty trucks left Khmeimim at dawn, Ayla [Sohtaoğlu] reported. The convoy was stopped at a checkpoint. Officials said the withdrawal of equipment would continue through January.\n`,
    )
  })

  it('joins the words of the query and shows the best hits up to --limit', async () => {
    const { out } = await dossier('search', 'naval', 'base', '--limit', '1')
    const lines = out.split('\n')
    expect(lines[0]).toBe('2 matches, best 1 shown:')
    expect(lines[1]).toMatch(new RegExp(`^article   ${talks}  "Moscow and Damascus resume talks on the naval base"  .*Tartus \\[naval\\] \\[base\\] and the lease terms`))
    expect(lines.slice(2)).toEqual([''])
  })

  it('filters by tag, outlet and date, and finds highlights by their comment', async () => {
    const tagged = (await dossier('search', 'Tartus', '--tag', 'bases')).out.split('\n')
    expect(tagged[0]).toBe('2 matches:')
    expect(tagged).toContain(`highlight ${highlight}  "Moscow and Damascus resume talks on the naval base"  [Tartus] naval base`)
    expect(tagged.find((l) => l.startsWith('article'))).toMatch(new RegExp(`^article   ${talks}  ".*the future of the \\[Tartus\\] naval base`))
    expect(tagged.join('\n')).not.toContain(convoy)
    expect((await dossier('search', 'lease', '--outlet', 'enab baladi')).out).toContain(`highlight ${highlight}  "Moscow and Damascus resume talks on the naval base"  [lease] at stake`)
    expect((await dossier('search', 'Tartus', '--from', '2025-01-01')).out).not.toContain(convoy)
    expect((await dossier('search', 'Tartus', '--to', '2024-12-31')).out).toBe(`1 match:\narticle   ${convoy}  "Convoy turned back at the Tartus gate"  Convoy turned back at the [Tartus] gate December 15, 2024 Thirty trucks left Khmeimim at dawn, Ayla Sohtaoğlu reported. The convoy was stopped at a checkpoint. Officials said the withdrawal of…\n`)
    expect((await dossier('search', 'Tartus', '--tag', 'Convoys')).out).toBe('No matches.\n')
  })

  it('prints the SearchResponse with --json', async () => {
    const { code, out } = await dossier('search', '"stopped at a checkpoint"', '--json')
    expect(code).toBe(0)
    const response = JSON.parse(out) as SearchResponse
    expect(response).toMatchObject({ total: 1, error: null, hits: [{ kind: 'article', id: convoy, field: 'body' }] })
    expect(response.query.clauses).toEqual([expect.objectContaining({ kind: 'phrase' })])
  })

  it('fails with the reason for a query with nothing to search, an unknown tag, or a bad date', async () => {
    const stop = await dossier('search', 'the')
    expect(stop).toMatchObject({ code: 1, out: '' })
    expect(stop.err).toMatch(/^dossier: .+\n$/)
    const tag = await dossier('search', 'Tartus', '--tag', 'Ports')
    expect(tag).toMatchObject({ code: 1, err: 'dossier: There is no tag named "Ports". Tags in this notebook: Bases, Convoys, Negotiations.\n' })
    const date = await dossier('search', 'Tartus', '--from', '2025-02-30')
    expect(date.code).toBe(2)
    expect(date.err).toContain('YYYY-MM-DD')
    expect((await dossier('search', 'Tartus', '--limit', '0')).code).toBe(2)
  })

  it('runs read-only (beside the app), keeping the index cache for the next run, and changes nothing else', async () => {
    const notebookFiles = () => readdirSync(dir).filter((n) => n !== SEARCH_DIR).sort()
    const before = notebookFiles()
    const catalog = readFileSync(join(dir, 'catalog.json'))
    await dossier('search', 'Tartus')
    expect(existsSync(join(dir, SEARCH_DIR, 'head.json'))).toBe(true)
    expect(notebookFiles()).toEqual(before)
    expect(readFileSync(join(dir, 'catalog.json'))).toEqual(catalog)
    const again = await dossier('search', 'Tartus')
    expect(again.code).toBe(0)
  })
})

describe('dossier search: OR, NOT and page furniture', () => {
  let harbour: ArticleId
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'dossier-cli-search-furniture-')), 'nb')
    const session = await NotebookSession.open(dir, { fontsDir: FONTS })
    const enc = new TextEncoder()
    const report = await session.importContents([
      { name: 'convoy.txt', bytes: enc.encode(CONVOY) },
      { name: 'talks.txt', bytes: enc.encode(TALKS) },
      { name: 'harbour.txt', bytes: enc.encode(HARBOUR) },
    ])
    ;[convoy, talks, harbour] = report.items.map((i) => i.articleId!) as [ArticleId, ArticleId, ArticleId]
    await session.close()
  })

  const articleIds = (out: string) => out.split('\n').filter((l) => l.startsWith('article')).map((l) => l.split(/\s+/)[1]).sort()

  it('combines words with OR, NOT and -, as the app does', async () => {
    expect(articleIds((await dossier('search', 'Khmeimim OR Latakia')).out)).toEqual([convoy, harbour].sort())
    expect(articleIds((await dossier('search', 'Tartus -Khmeimim')).out)).toEqual([talks])
    expect(articleIds((await dossier('search', '--', 'Tartus', '-Khmeimim')).out)).toEqual([talks])
    expect(articleIds((await dossier('search', '(Tartus OR Latakia) NOT "naval base"')).out)).toEqual([convoy, harbour].sort())
    const refused = await dossier('search', '--', '-Tartus')
    expect(refused).toMatchObject({ code: 1, out: '', err: 'dossier: NOT and - only leave out matches of “Tartus”: add a word to search for, as in Tartus -Russia.\n' })
  })

  it('explains that a word to leave out must be quoted with the query or follow --', async () => {
    const { code, err } = await runCliIn(dir, ['--notebook', dir, 'search', 'Tartus', '-Khmeimim'])
    expect(code).toBe(2)
    expect(err).toContain(
      "unknown option '-Khmeimim': to leave out Khmeimim, quote the whole query ('Tartus -Khmeimim') or put it after -- (dossier search -- Tartus -Khmeimim).",
    )
  })

  it('searches page furniture only with --furniture, and says a snippet comes from it', async () => {
    expect((await dossier('search', 'Quillfeather')).out).toBe('No matches.\n')
    const { code, out } = await dossier('search', 'Quillfeather', '--furniture')
    expect(code).toBe(0)
    expect(out).toBe(
      `1 match:\narticle   ${harbour}  "Harbour cranes idle as ships leave Latakia"  furniture: Related stories: [Quillfeather] lighthouse keepers mark a century of service Grain prices climb in coastal markets © 2025 Harbour Watch Media. All rights reserved.\n`,
    )
  })

  it('documents the query language and --furniture in its help', async () => {
    const { out } = await dossier('search', '--help')
    expect(out).toContain('Tartus OR Latakia         either word')
    expect(out).toContain('Tartus -Russia            Tartus, but not where Russia is')
    expect(out).toContain('"Tartus port OR Latakia" is (Tartus port) OR')
    expect(out).toMatch(/--furniture\s+also search page furniture/)
  })
})
