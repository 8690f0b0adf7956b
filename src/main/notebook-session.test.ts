import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ORIGINAL, PARAPHRASE, REPUBLISHED, TARTUS_TALKS, TARTUS_TRADE } from '../core/analysis/fixtures'
import type { ArticleId, TagId } from '../core/ids'
import { ArticleSchema, type Article } from '../core/model'
import { DossierError } from '../core/result'
import { makeDocx, makePdf } from './import/test-documents'
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

  it('decodes a Windows-1252 .txt (no longer refused) and records the encoding', async () => {
    const report = await session.importPaths([write('latin1.txt', Buffer.from('Caf\xe9 noir \x96 a short note on the Tartus base.\n', 'latin1'))])
    expect(report.imported).toBe(1)
    const stored = JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8')).articles[0]
    expect(stored).toMatchObject({ format: 'txt', encoding: 'windows-1252' })
    expect((await session.getArticle(stored.id)).text).toContain('Café noir – a short note on the Tartus base.')
  })

  it.each([
    ['empty.txt', '', 'empty-file', /empty/],
    ['blank.txt', '  \n\n ', 'empty-file', /white space/],
    ['binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), 'binary-file', /PNG image, not text/],
    ['data.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 256)), 'binary-file', /binary file/],
    ['report.docx', 'PK', 'broken-file', /not a Word document/],
    ['notes.odt', 'anything', 'unsupported-type', /files of type \.odt cannot be imported/],
    ['broken.pdf', '%PDF-1.7\n garbage', 'broken-file', /not a valid PDF/],
    ['picture.pdf', 'just text', 'broken-file', /is not a PDF/],
    ['app.html', '<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>', 'script-only-html', /holds only scripts/],
  ])('refuses %s with a specific reason and leaves the notebook unchanged', async (name, content, code, message) => {
    const before = snapshot()
    const report = await session.importPaths([write(name, content)])
    expect(report.items).toEqual([expect.objectContaining({ status: 'failed', error: { code, message: expect.stringMatching(message) } })])
    expect(snapshot()).toBe(before)
    expect(readdirSync(dir)).not.toContain('bodies')
  })

  it('refuses an encrypted PDF, a file over 50 MB and an unreadable file, each with its reason', async () => {
    const locked = await makePdf((doc) => doc.text('Secret article text about the naval base.'), { userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' })
    const big = join(files, 'huge.txt')
    writeFileSync(big, '')
    truncateSync(big, 50 * 1024 * 1024 + 1)
    const fifo = join(files, 'pipe.txt')
    execFileSync('mkfifo', [fifo])
    const before = snapshot()
    const report = await session.importPaths([write('locked.pdf', locked), big, fifo])
    expect(report.items.map((i) => [i.status, i.error?.code])).toEqual([
      ['failed', 'encrypted-file'],
      ['failed', 'too-large'],
      ['failed', 'unreadable'],
    ])
    expect(report.items[1]!.error!.message).toMatch(/up to 50 MB/)
    expect(report.items[2]!.error!.message).toMatch(/not a regular file/)
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

describe('importing every format, with analysis, in one catalog write per batch', () => {
  const stored = () => JSON.parse(readFileSync(join(dir, CATALOG_FILE), 'utf8')).articles as Article[]

  it('imports .md, .html, .pdf and .docx through extractDocument and stores format, language, flags, furniture, fingerprint and encoding', async () => {
    const pdf = await makePdf((doc) => {
      doc.fontSize(18).text('Ferry service to Latakia resumes')
      doc.fontSize(11).text(ORIGINAL.split('\n').slice(2).join(' '))
    })
    const docx = await makeDocx({ paragraphs: [['Title', 'Talks on the Tartus lease stall'], ['', TARTUS_TALKS.split('\n').slice(2).join(' ')]] })
    const html = readFileSync(join(import.meta.dirname, 'import', 'fixtures', 'news-article.html'))
    const report = await session.importPaths([write('notes.md', `# Trade through Tartus\n\n${TARTUS_TRADE.split('\n').slice(2).join('\n')}`), write('ferry.html', html), write('ferry.pdf', pdf), write('talks.docx', docx)])
    expect(report.items.map((i) => [i.status, i.error?.message])).toEqual([
      ['imported', undefined],
      ['imported', undefined],
      ['imported', undefined],
      ['imported', undefined],
    ])
    const articles = stored()
    expect(articles.map((a) => a.format)).toEqual(['md', 'html', 'pdf', 'docx'])
    expect(articles.map((a) => a.source.format)).toEqual(['md', 'html', 'pdf', 'docx'])
    for (const a of articles) {
      expect(ArticleSchema.parse(a)).toEqual(a)
      expect((await session.store.readAnalysis(a.bodyHash))?.fingerprint?.words).toBeGreaterThan(20)
      expect(a.language).toMatch(/^en\b/)
      expect(a.metaSources.language).toBeTruthy()
      expect(a.metaSources.wordCount).toBeTruthy()
      expect(a.metaEdited).toEqual([])
    }
    expect(articles[0]!.encoding).toBe('utf-8')
    expect(articles[2]!.encoding).toBeNull()
    const html0 = articles[1]!
    expect(html0.title).not.toMatch(/<|script/i)
  })

  it('stores damage flags from extraction and analysis, and page furniture with its offsets', async () => {
    const text = `${ARTICLE}\n\nThe convoy\u2019s route was â€œsecretâ€\u009d, officials said, and the trucks\u2019 papers were lost.\n\n© 2025 Example News. All rights reserved.\n`
    await session.importPaths([write('damaged.txt', text)])
    const [a] = stored()
    expect(a!.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['mojibake', 'short-extraction']))
    const view = await session.getArticle(a!.id)
    expect(view.furniture).toEqual([expect.objectContaining({ kind: 'copyright' })])
    expect(view.text.slice(view.furniture[0]!.start, view.furniture[0]!.end)).toMatch(/^© 2025 Example News/)
    // Kept out of the catalog, in the text's analysis file.
    expect(a).not.toHaveProperty('furniture')
    expect((await session.store.readAnalysis(a!.bodyHash))?.furniture).toEqual(view.furniture)
  })

  it('writes the catalog once for a batch, bodies and originals before it', async () => {
    const order: string[] = []
    const store = session.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
    for (const method of ['putBody', 'putOriginal', 'updateCatalog']) {
      const original = store[method]!.bind(session.store)
      store[method] = (...args: unknown[]) => {
        order.push(method)
        return original(...args)
      }
    }
    const report = await session.importPaths([write('a.txt', ARTICLE), write('b.txt', TARTUS_TRADE), write('empty.txt', ''), write('c.txt', TARTUS_TALKS)])
    expect(report).toMatchObject({ imported: 3, failed: 1 })
    expect(order.filter((m) => m === 'updateCatalog')).toHaveLength(1)
    expect(order.at(-1)).toBe('updateCatalog')
    expect(order.filter((m) => m === 'putBody')).toHaveLength(3)
  })

  it('a file whose original cannot be written fails alone; the rest of the batch is imported', async () => {
    const store = session.store as unknown as { putOriginal: (bytes: Uint8Array, ext: string) => Promise<unknown> }
    const putOriginal = store.putOriginal.bind(session.store)
    store.putOriginal = (bytes, ext) => (Buffer.from(bytes).toString('utf8').includes('Tartus trade') || ext === '.md' ? Promise.reject(new DossierError('write-failed', 'disk full')) : putOriginal(bytes, ext))
    const report = await session.importPaths([write('a.txt', ARTICLE), write('b.md', TARTUS_TRADE), write('c.txt', TARTUS_TALKS)])
    expect(report.items.map((i) => [i.status, i.error?.code])).toEqual([
      ['imported', undefined],
      ['failed', 'write-failed'],
      ['imported', undefined],
    ])
    expect(session.listArticles().map((a) => a.sourceFileName)).toEqual(['a.txt', 'c.txt'])
    expect(stored().every((a) => a.source.originalFile.startsWith('originals/'))).toBe(true)
  })

  it('a file whose preparation fails unexpectedly (a bug) fails alone, as internal; the rest of the batch is imported', async () => {
    const store = session.store as unknown as { putBody: (body: Uint8Array) => Promise<string> }
    const putBody = store.putBody.bind(session.store)
    store.putBody = (body) => {
      if (Buffer.from(body).toString('utf8').includes('Tartus port reopens')) throw new TypeError('body.subarray is not a function')
      return putBody(body)
    }
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const report = await session.importPaths([write('a.txt', ARTICLE), write('b.txt', TARTUS_TRADE), write('c.txt', TARTUS_TALKS)])
      expect(report.items.map((i) => [i.status, i.error?.code])).toEqual([
        ['imported', undefined],
        ['failed', 'internal'],
        ['imported', undefined],
      ])
      expect(report.items[1]!.error!.message).toBe(`${join(files, 'b.txt')} could not be imported: body.subarray is not a function (this is a bug in Dossier).`)
      expect(logged).toHaveBeenCalledWith(`Unexpected failure while importing ${join(files, 'b.txt')}`, expect.any(TypeError))
      expect(session.listArticles().map((a) => a.sourceFileName)).toEqual(['a.txt', 'c.txt'])
    } finally {
      logged.mockRestore()
    }
  })

  it('a duplicate within one batch is reported against the article earlier in the batch', async () => {
    const report = await session.importContents([
      { name: 'one.txt', bytes: new TextEncoder().encode(ARTICLE) },
      { name: 'two.txt', bytes: new TextEncoder().encode(`\uFEFF${ARTICLE.replace(/\n/g, '\r\n')}`) },
    ])
    expect(report.items.map((i) => i.status)).toEqual(['imported', 'duplicate'])
    expect(report.items[1]!.duplicateOf).toBe(report.items[0]!.articleId)
    expect(session.listArticles()).toHaveLength(1)
  })

  it('leaves no article at all when the catalog write fails, and reports every file of the batch as failed', async () => {
    const store = session.store as unknown as { updateCatalog: () => Promise<void> }
    store.updateCatalog = () => Promise.reject(new DossierError('write-failed', 'disk full'))
    const before = snapshot()
    const report = await session.importPaths([write('a.txt', ARTICLE), write('b.txt', TARTUS_TRADE)])
    expect(report).toMatchObject({ imported: 0, failed: 2 })
    expect(report.items.every((i) => i.error?.code === 'write-failed' && i.articleId === undefined)).toBe(true)
    expect(snapshot()).toBe(before)
    expect(session.listArticles()).toHaveLength(0)
  })

  it('links rewrites both directions with a score, within a batch and against stored articles, and not articles that only share a topic', async () => {
    await session.importPaths([write('original.txt', ORIGINAL), write('trade.txt', TARTUS_TRADE)])
    const report = await session.importPaths([write('republished.txt', REPUBLISHED), write('paraphrase.txt', PARAPHRASE), write('talks.txt', TARTUS_TALKS)])
    const byFile = new Map(stored().map((a) => [a.source.fileName, a]))
    const id = (f: string) => byFile.get(f)!.id
    const linked = (f: string) => byFile.get(f)!.rewrites.map((r) => r.articleId).sort()
    expect(linked('original.txt')).toEqual([id('paraphrase.txt'), id('republished.txt')].sort())
    expect(linked('republished.txt')).toContain(id('original.txt'))
    expect(linked('paraphrase.txt')).toContain(id('original.txt'))
    expect(linked('trade.txt')).toEqual([])
    expect(linked('talks.txt')).toEqual([])
    const rep = byFile.get('republished.txt')!.rewrites.find((r) => r.articleId === id('original.txt'))!
    expect(rep).toMatchObject({ kind: 'republication' })
    expect(byFile.get('original.txt')!.rewrites.find((r) => r.articleId === id('republished.txt'))!.score).toBe(rep.score)
    const item = report.items.find((i) => i.source.endsWith('republished.txt'))!
    expect(item.rewriteOf).toEqual(expect.arrayContaining([{ articleId: id('original.txt'), title: byFile.get('original.txt')!.title, score: rep.score }]))
    expect(report.items.find((i) => i.source.endsWith('talks.txt'))!.rewriteOf).toBeUndefined()
  })

  it('edits metadata: marks the fields edited, keeps the text, validates values', async () => {
    await session.importPaths([write('a.txt', ARTICLE)])
    const [a] = session.listArticles()
    const text = (await session.getArticle(a!.id)).text
    const updated = await session.updateArticleMeta(a!.id, { title: '  Convoy  stopped ', outlet: 'Example News', published: '2024-12-16', url: 'https://example.org/a' })
    expect(updated).toMatchObject({ title: 'Convoy stopped', outlet: 'Example News', published: '2024-12-16', url: 'https://example.org/a', metaEdited: ['title', 'outlet', 'published', 'url'] })
    expect(updated.metaSources.title).toBe('edited by the analyst')
    expect(stored()[0]).toEqual(updated)
    expect((await session.getArticle(a!.id)).text).toBe(text)
    const cleared = await session.updateArticleMeta(a!.id, { url: '' })
    expect(cleared.url).toBeNull()
    expect(cleared.metaSources.url).toBeUndefined()
    const before = snapshot()
    await expect(session.updateArticleMeta(a!.id, { title: ' ' })).rejects.toMatchObject({ code: 'bad-request' })
    await expect(session.updateArticleMeta(a!.id, { published: 'yesterday' })).rejects.toMatchObject({ code: 'bad-request' })
    await expect(session.updateArticleMeta(a!.id, { url: 'ftp://x' })).rejects.toMatchObject({ code: 'bad-request' })
    await expect(session.updateArticleMeta(a!.id, {})).rejects.toMatchObject({ code: 'bad-request' })
    await expect(session.updateArticleMeta('a-0000000000' as ArticleId, { title: 'x' })).rejects.toMatchObject({ code: 'not-found' })
    expect(snapshot()).toBe(before)
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
