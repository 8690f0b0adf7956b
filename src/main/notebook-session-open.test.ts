/**
 * Opening an article re-anchors its highlights; long imports report progress and can be
 * cancelled; pasted text and HTML import like files.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { JobProgress } from '../core/api'
import type { TagId } from '../core/ids'
import { NotebookSession } from './notebook-session'

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts')
const TEXT = [
  'Convoy turned back at the Tartus gate',
  '',
  'Thirty trucks left Khmeimim at dawn. The convoy was stopped at a checkpoint near Jableh.',
  '',
  'Officials in Damascus said talks on the naval base would resume in January.',
].join('\n')

let root: string
let dir: string
let session: NotebookSession

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'dossier-open-'))
  dir = join(root, 'nb')
  session = await NotebookSession.open(dir, { fontsDir: FONTS })
})

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

describe('opening an article re-anchors its highlights', () => {
  it('moves a highlight whose stored offsets drifted back onto its quote, and lists one whose quote is gone as an orphan', async () => {
    await session.importContents([file('convoy.txt', TEXT)])
    const id = session.listArticles()[0]!.id
    const quote = 'stopped at a checkpoint'
    const start = TEXT.indexOf(quote)
    const drifted = await session.createHighlight({ articleId: id, start, end: start + quote.length, tagIds: ['t-convoys' as TagId], comment: '' })
    const gone = await session.highlightQuote({ articleId: id, quote: 'talks on the naval base', tagNames: ['Negotiations'], comment: 'keep me' })
    await session.close()

    // Damage the stored positions on disk: shift one, and give the other a quote the text lacks.
    const path = join(dir, 'annotations', `${id}.json`)
    const stored = JSON.parse(readFileSync(path, 'utf8'))
    stored.highlights[0].target.start += 7
    stored.highlights[0].target.end += 7
    stored.highlights[1].target.exact = 'a sentence that was never in this article at all'
    writeFileSync(path, JSON.stringify(stored))

    session = await NotebookSession.open(dir, { fontsDir: FONTS })
    const view = await session.getArticle(id)
    expect(view.highlights.map((h) => [h.id, view.text.slice(h.target.start, h.target.end)])).toEqual([[drifted.id, quote]])
    expect(view.orphans.map((h) => [h.id, h.comment, h.target.exact])).toEqual([[gone.id, 'keep me', 'a sentence that was never in this article at all']])
    // Nothing is dropped from disk: both highlights are still stored.
    expect(JSON.parse(readFileSync(path, 'utf8')).highlights).toHaveLength(2)
  })

  it('returns the furniture ranges and summary fields the reader shows', async () => {
    await session.importContents([file('convoy.txt', TEXT)])
    const view = await session.getArticle(session.listArticles()[0]!.id)
    expect(view.furniture).toEqual([])
    expect(view.article).toMatchObject({ format: 'txt', flags: expect.any(Array), rewrites: [], metaEdited: [] })
  })
})

describe('import progress and cancellation', () => {
  it('reports progress before each file and once more while saving', async () => {
    const seen: JobProgress[] = []
    await session.importContents([file('a.txt', TEXT), file('b.txt', TEXT.replace('Thirty', 'Forty'))], { onProgress: (p) => seen.push(p) })
    expect(seen).toEqual([
      { job: 'import', done: 0, total: 2, label: 'a.txt' },
      { job: 'import', done: 1, total: 2, label: 'b.txt' },
      { job: 'import', done: 2, total: 2, label: 'Saving' },
    ])
  })

  it('stops the file in hand on cancel, keeps what was imported, and reports the rest as not imported', async () => {
    const controller = new AbortController()
    const report = await session.importContents([file('a.txt', TEXT), file('b.txt', TEXT.replace('Thirty', 'Forty')), file('c.txt', TEXT.replace('Thirty', 'Fifty'))], {
      signal: controller.signal,
      // The user cancels while b.txt is being read.
      onProgress: (p) => {
        if (p.label === 'b.txt') controller.abort()
      },
    })
    expect(report.items.map((i) => [i.source, i.status, i.error?.code])).toEqual([
      ['a.txt', 'imported', undefined],
      ['b.txt', 'failed', 'canceled'],
      ['c.txt', 'failed', 'canceled'],
    ])
    expect(report.items[1]!.error!.message).toBe('Not imported: the import was cancelled while b.txt was being read.')
    expect(session.listArticles().map((a) => a.sourceFileName)).toEqual(['a.txt'])
  })

  it('cancels a folder import between files too', async () => {
    const folder = join(root, 'folder')
    mkdirSync(folder)
    writeFileSync(join(folder, 'one.txt'), TEXT)
    writeFileSync(join(folder, 'two.txt'), TEXT.replace('Thirty', 'Forty'))
    const controller = new AbortController()
    controller.abort()
    const report = await session.importPaths([folder], { signal: controller.signal })
    expect(report).toMatchObject({ imported: 0, failed: 2 })
    expect(session.listArticles()).toEqual([])
  })
})

describe('pasting an article', () => {
  it('imports pasted text as a text article', async () => {
    const report = await session.importClipboard({ text: TEXT })
    expect(report.imported).toBe(1)
    const [article] = session.listArticles()
    expect(article).toMatchObject({ title: 'Convoy turned back at the Tartus gate', format: 'txt' })
    expect(article!.sourceFileName).toMatch(/^Pasted .*\.txt$/)
  })

  it('prefers the HTML flavour, sanitised and extracted like a saved page', async () => {
    const html = `<html><head><title>Ships leave Tartus</title></head><body><article><h1>Ships leave Tartus</h1>
      <p>Two landing ships left the Tartus naval base on Monday, satellite images showed.<img src=x onerror="alert(1)"></p>
      <p>The vessels were loaded with equipment from the Khmeimim air base, officials said.</p>
      <script>alert('pasted')</script></article></body></html>`
    const report = await session.importClipboard({ text: 'ignored plain flavour', html })
    expect(report.imported).toBe(1)
    const view = await session.getArticle(session.listArticles()[0]!.id)
    expect(view.article.format).toBe('html')
    expect(view.text).toContain('Two landing ships left the Tartus naval base')
    expect(view.text).not.toMatch(/alert|onerror|<script/)
  })
})

describe('undoing a metadata edit', () => {
  it('puts back the values, where they came from and the edited marks exactly', async () => {
    await session.importContents([file('convoy.txt', TEXT)])
    const id = session.listArticles()[0]!.id
    const { article: before } = await session.getArticle(id)
    expect(before.metaEdited).toEqual([])
    const snapshot = { title: before.title, outlet: before.outlet, author: before.author, published: before.published, url: before.url, metaSources: before.metaSources, metaEdited: before.metaEdited }

    await session.updateArticleMeta(id, { title: 'Convoy stopped at Tartus', outlet: 'Example Wire' })
    const { article: edited } = await session.getArticle(id)
    expect(edited.metaSources.title).toBe('edited by the analyst')

    const restored = await session.restoreArticleMeta(id, snapshot)
    expect(restored).toMatchObject({ title: before.title, outlet: before.outlet, metaEdited: [] })
    const { article: after } = await session.getArticle(id)
    expect(after.metaSources).toEqual(before.metaSources)
  })
})

describe('a highlight removed meanwhile', () => {
  it('is reported as gone when changed or removed again, and no other highlight is touched', async () => {
    await session.importContents([file('convoy.txt', TEXT)])
    const id = session.listArticles()[0]!.id
    const first = await session.highlightQuote({ articleId: id, quote: 'Thirty trucks', tagNames: ['Convoys'], comment: '' })
    const last = await session.highlightQuote({ articleId: id, quote: 'naval base', tagNames: ['Bases'], comment: 'keep' })
    // Two removals of the same highlight race (two windows of the app, or a double click).
    const results = await Promise.allSettled([session.deleteHighlight(first.id), session.deleteHighlight(first.id)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    await expect(session.updateHighlight({ highlightId: first.id, comment: 'late edit' })).rejects.toMatchObject({ code: 'not-found' })
    const view = await session.getArticle(id)
    expect(view.highlights.map((h) => [h.id, h.comment])).toEqual([[last.id, 'keep']])
  })
})

