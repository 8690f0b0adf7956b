/**
 * Page furniture in the notebook's index: an imported article is indexed without the
 * furniture its analysis found (analysis/<bodyHash>.json), which is searched only when
 * asked for. On our own fixture, and on the shared corpus (read from ../shared/corpus at
 * run time, skipped when absent), whose article 002 ends with a "MORE ON THEME" list of
 * unrelated headlines.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ArticleId } from '../../core/ids'
import { normaliseText } from '../../core/text'
import { NotebookSession } from '../notebook-session'
import { ANALYSIS_DIR } from '../storage/layout'
import { FONTS, HARBOUR } from '../tags/tag-test-notebook'
import { SEARCH_DIR } from './notebook-search'

const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus')
const CORPUS_FILES = ['000_55669976acc74c60.txt', '001_daa64de3b2e005fd.txt', '002_046419e80c949d65.txt', '003_993df21826298aa0.txt', '004_9b752680666e40a6.txt']

const sessions: NotebookSession[] = []
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close()
})

async function notebookWith(files: { name: string; text: string }[]): Promise<{ dir: string; session: NotebookSession; ids: ArticleId[] }> {
  const dir = join(await mkdtemp(join(tmpdir(), 'dossier-search-furniture-')), 'nb')
  const session = await NotebookSession.open(dir, { fontsDir: FONTS })
  sessions.push(session)
  const report = await session.importContents(files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })))
  return { dir, session, ids: report.items.map((i) => i.articleId!) }
}

async function reopen(dir: string, readOnly: boolean): Promise<NotebookSession> {
  for (const s of sessions.splice(0)) await s.close()
  const session = await NotebookSession.open(dir, { fontsDir: FONTS }, { readOnly, create: false })
  sessions.push(session)
  return session
}

describe('page furniture in the notebook index', () => {
  it('a word only in an imported article’s furniture finds it only when furniture is asked for', async () => {
    const { dir, session, ids } = await notebookWith([{ name: 'harbour.txt', text: HARBOUR }])
    expect((await session.getArticle(ids[0]!)).furniture.map((f) => f.kind)).toEqual(['related-list', 'copyright'])
    expect(await session.search({ query: 'Quillfeather' })).toMatchObject({ hits: [], total: 0, error: null })
    expect(await session.search({ query: 'lighthouse OR "Harbour Watch Media"' })).toMatchObject({ total: 0 })
    const asked = await session.search({ query: 'Quillfeather', includeFurniture: true })
    expect(asked.hits).toMatchObject([{ kind: 'article', id: ids[0], field: 'furniture' }])
    expect(asked.hits[0]!.snippet!.text).toContain('Quillfeather lighthouse keepers')
    expect((await session.search({ query: 'foreman' })).hits).toMatchObject([{ id: ids[0], field: 'body' }])

    // The saved index keeps the furniture apart: a read-only open (the CLI) searches it as saved.
    const cli = await reopen(dir, true)
    expect(await cli.search({ query: 'Quillfeather' })).toMatchObject({ total: 0 })
    expect((await cli.search({ query: 'Quillfeather', includeFurniture: true })).total).toBe(1)
  })

  it('finds the furniture again from the text when the analysis file is missing', async () => {
    const { dir } = await notebookWith([{ name: 'harbour.txt', text: HARBOUR }])
    const session = await reopen(dir, false)
    rmSync(join(dir, ANALYSIS_DIR), { recursive: true, force: true })
    rmSync(join(dir, SEARCH_DIR), { recursive: true, force: true })
    expect(await session.search({ query: 'Quillfeather' })).toMatchObject({ total: 0 })
    expect((await session.search({ query: 'Quillfeather', includeFurniture: true })).total).toBe(1)
  })

  describe.skipIf(!existsSync(CORPUS))('the shared corpus (skipped when ../shared/corpus is absent)', () => {
    const read = (f: string) => readFileSync(join(CORPUS, f), 'utf8')

    it('article 002 is not found by the headlines of its "MORE ON THEME" list, unless furniture is asked for', async () => {
      const { session, ids } = await notebookWith(CORPUS_FILES.map((name) => ({ name, text: read(name) })))
      const theme = ids[2]!
      for (const query of ['Zaporizhzhia', 'Doomsday', '"Velyka Novosilka"', 'Zaporizhzhia OR Jenkins']) {
        expect(await session.search({ query }), query).toMatchObject({ hits: [], total: 0, error: null })
        expect((await session.search({ query, includeFurniture: true })).hits.map((h) => h.id), query).toEqual([theme])
      }
      // Its own words still find it, with a snippet of its text, never of the list.
      const text = normaliseText(read(CORPUS_FILES[2]!))
      const listStart = text.indexOf('MORE ON THEME')
      expect(listStart).toBeGreaterThan(0)
      const article = (await session.search({ query: 'Tartous', limit: 50 })).hits.find((h) => h.id === theme)!
      expect(article.field).toBe('body')
      const snippet = article.snippet!.text.replace(/^…|…$/g, '')
      expect(text.slice(0, listStart).replace(/\s+/g, ' ')).toContain(snippet.replace(/\s+/g, ' '))
      // Its furniture cannot exclude it either: it is the text alone that counts.
      expect((await session.search({ query: 'Tartous -Zaporizhzhia', limit: 50 })).hits.map((h) => h.id)).toContain(theme)
      expect((await session.search({ query: 'Tartous -Zaporizhzhia', limit: 50, includeFurniture: true })).hits.map((h) => h.id)).not.toContain(theme)
    })
  })
})
