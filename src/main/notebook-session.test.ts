import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ArticleId, TagId } from '../core/ids'
import { NotebookSession } from './notebook-session'
import { CATALOG_FILE, MANIFEST_FILE } from './storage/notebook-store'

const FONTS = join(import.meta.dirname, '..', '..', 'resources', 'fonts')
const ARTICLE = [
  'Convoy turned back at the Tartus gate',
  'December 15, 2024',
  '',
  'Thirty trucks left Khmeimim at dawn, Ayla Sohtaoğlu reported. The convoy was “stopped at a checkpoint” — twice.',
  '',
  'The convoy later returned to base.',
].join('\n')

let dir: string
let files: string
let session: NotebookSession
/** Every notebook file that a change could touch, for "nothing changed" checks. */
const snapshot = () =>
  [MANIFEST_FILE, CATALOG_FILE, ...readdirSync(join(dir, 'annotations')).map((n) => `annotations/${n}`)].map((f) => `${f}\n${readFileSync(join(dir, f), 'utf8')}`).join('\n')
const storedHighlights = (articleId: string) => JSON.parse(readFileSync(join(dir, 'annotations', `${articleId}.json`), 'utf8')).highlights

beforeEach(async () => {
  const root = mkdtempSync(join(tmpdir(), 'dossier-session-'))
  dir = join(root, 'nb')
  files = join(root, 'files')
  mkdirSync(files)
  session = await NotebookSession.open(dir, { fontsDir: FONTS })
})

const write = (name: string, content: string | Uint8Array) => {
  const path = join(files, name)
  writeFileSync(path, content)
  return path
}

describe('importing text files', () => {
  it('imports a .txt with its metadata, keeps the original, and lists it', async () => {
    const report = await session.importPaths([write('convoy.txt', ARTICLE.replace(/\n/g, '\r\n'))])
    expect(report).toMatchObject({ imported: 1, duplicates: 0, failed: 0 })
    const [summary] = session.listArticles()
    expect(summary).toMatchObject({ title: 'Convoy turned back at the Tartus gate', published: '2024-12-15', sourceFileName: 'convoy.txt', highlightCount: 0 })
    const view = await session.getArticle(summary!.id)
    expect(view.text).toBe(ARTICLE)
    const stored = JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8')).articles[0]
    expect(readFileSync(join(dir, stored.source.originalFile), 'utf8')).toBe(ARTICLE.replace(/\n/g, '\r\n'))
  })

  it('reports the same text under another name as a duplicate of the first', async () => {
    await session.importPaths([write('a.txt', ARTICLE)])
    const report = await session.importPaths([write('copy of a.txt', `\uFEFF${ARTICLE.replace(/\n/g, '\r\n')}`)])
    expect(report.items[0]).toMatchObject({ status: 'duplicate', duplicateOf: session.listArticles()[0]!.id })
    expect(session.listArticles()).toHaveLength(1)
  })

  it('imports a folder recursively and decodes UTF-16 with a byte-order mark', async () => {
    mkdirSync(join(files, 'deep', 'er'), { recursive: true })
    write('deep/one.txt', 'First article about the Tartus naval base and its ships.')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Second article: Sohtaoğlu on the Hmeimim air base.', 'utf16le')])
    write('deep/er/two.txt', utf16)
    write('deep/er/ignored.jpg', 'not text')
    const report = await session.importPaths([join(files, 'deep')])
    expect(report.imported).toBe(2)
    const texts = await Promise.all(session.listArticles().map(async (a) => (await session.getArticle(a.id)).text))
    expect(texts).toContain('Second article: Sohtaoğlu on the Hmeimim air base.')
  })

  it.each([
    ['empty.txt', '', 'empty-file', /empty/],
    ['blank.txt', '  \n\n ', 'empty-file', /white space/],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]), 'binary-file', /binary/],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]), 'not-text', /not valid UTF-8/],
    ['report.docx', 'PK', 'unsupported-type', /\.docx/],
  ])('refuses %s with a specific reason and leaves the notebook unchanged', async (name, content, code, message) => {
    const before = snapshot()
    const report = await session.importPaths([write(name, content)])
    expect(report.items).toEqual([expect.objectContaining({ status: 'failed', error: { code, message: expect.stringMatching(message) } })])
    expect(snapshot()).toBe(before)
  })

  it('reports a missing path and a folder with no text files, and still imports the rest', async () => {
    mkdirSync(join(files, 'pictures'))
    write('pictures/map.png', 'x')
    const report = await session.importPaths([join(files, 'nope.txt'), join(files, 'pictures'), write('ok.txt', ARTICLE)])
    expect(report.items.map((i) => [i.status, i.error?.code])).toEqual([
      ['failed', 'not-found'],
      ['failed', 'no-importable-files'],
      ['imported', undefined],
    ])
  })

  it('refuses dropped files whose names hold path separators or control characters', async () => {
    const report = await session.importContents([
      { name: '../evil.txt', bytes: new TextEncoder().encode(ARTICLE) },
      { name: 'bell\u0007.txt', bytes: new TextEncoder().encode(ARTICLE) },
    ])
    expect(report.failed).toBe(2)
    expect(report.items[0]!.error!.message).toMatch(/path separators/)
    expect(session.listArticles()).toHaveLength(0)
  })
})

describe('highlighting', () => {
  let id: ArticleId
  beforeEach(async () => {
    await session.importPaths([write('convoy.txt', ARTICLE)])
    id = session.listArticles()[0]!.id
  })

  it('stores a position and a quote with context, trimmed of surrounding space', async () => {
    const start = ARTICLE.indexOf('Thirty trucks')
    const h = await session.createHighlight({ articleId: id, start: start - 1, end: start + 'Thirty trucks'.length + 1, tagIds: ['t-convoys' as TagId], comment: '  dawn  ' })
    expect(h.target).toMatchObject({ start, end: start + 13, exact: 'Thirty trucks' })
    expect(h.target.prefix.endsWith('\n\n')).toBe(true)
    expect(h.comment).toBe('dawn')
    expect(session.listArticles()[0]!.highlightCount).toBe(1)
    expect(storedHighlights(id)).toHaveLength(1)
  })

  it('finds a quote by its words, and asks which one when it repeats', async () => {
    const h = await session.highlightQuote({ articleId: id, quote: '“stopped at a checkpoint”', tagNames: ['bases'], comment: '' })
    expect(h.tagIds).toEqual(['t-bases'])
    await expect(session.highlightQuote({ articleId: id, quote: 'The convoy', tagNames: ['Bases'], comment: '' })).rejects.toMatchObject({ code: 'ambiguous-quote' })
    const second = await session.highlightQuote({ articleId: id, quote: 'The convoy', occurrence: 2, tagNames: ['Bases'], comment: '' })
    expect(second.target.start).toBe(ARTICLE.lastIndexOf('The convoy'))
  })

  it('refuses a quote that is not in the article, and an unknown tag, changing nothing', async () => {
    const before = snapshot()
    await expect(session.highlightQuote({ articleId: id, quote: 'Sparta II', tagNames: ['Bases'], comment: '' })).rejects.toMatchObject({ code: 'quote-not-found' })
    await expect(session.highlightQuote({ articleId: id, quote: 'Thirty', tagNames: ['Ships'], comment: '' })).rejects.toThrow(/no tag named "Ships".*Bases, Convoys, Negotiations/)
    await expect(session.getArticle('a-0000000000' as ArticleId)).rejects.toMatchObject({ code: 'not-found' })
    expect(snapshot()).toBe(before)
  })

  it('updates and deletes a highlight', async () => {
    const h = await session.highlightQuote({ articleId: id, quote: 'Thirty trucks', tagNames: ['Bases'], comment: '' })
    const updated = await session.updateHighlight({ highlightId: h.id, tagIds: ['t-negotiations' as TagId, 't-negotiations' as TagId], comment: 'why' })
    expect(updated).toMatchObject({ tagIds: ['t-negotiations'], comment: 'why' })
    await session.deleteHighlight(h.id)
    expect(storedHighlights(id)).toEqual([])
  })
})
