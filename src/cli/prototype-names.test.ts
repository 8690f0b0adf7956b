/**
 * The whole class of "a word from a document is looked up in a plain object": every name
 * Object.prototype holds (constructor, __proto__, toString, hasOwnProperty, …) goes through
 * every door text comes in by (a text's title and body, Markdown front-matter keys, HTML
 * `lang` and `<meta>` names, Word core properties, e-mail headers), then through tags,
 * highlights, comments, search and every export. One such word once aborted whole imports
 * (a plain-object lookup in the fingerprint found `Object.prototype.constructor`).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleSummary, ArticleView } from '../core/api'
import type { SearchResponse } from '../core/search/types'
import { tempDir } from '../main/briefings/test-notebook'
import { makeDocx } from '../main/import/test-documents'
import { runCliIn } from './test-cli'

const NAMES = Object.getOwnPropertyNames(Object.prototype)

let tmp: string
const dossier = (...args: string[]) => runCliIn(tmp, ['--notebook', 'nb', ...args])

/** One sentence per name, each different, so no two files look like rewrites of each other. */
const sentences = (file: string) => NAMES.map((name, i) => `In the ${file} file, paragraph ${i + 1} of ${NAMES.length} names the word ${name} near the harbour of ${file}-${i * 7 + 3}.`)

/** As a Markdown author writes `__proto__` in prose (unescaped, `__x__` is bold). */
const escapeMarkdown = (text: string) => text.replace(/_/g, '\\_')

beforeAll(async () => {
  expect(NAMES).toEqual(expect.arrayContaining(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']))
  tmp = await tempDir('dossier-prototype-names-')
  const inbox = join(tmp, 'in')
  await mkdir(inbox)
  await writeFile(join(inbox, 'names.txt'), `${NAMES.join(' ')}\n\n${sentences('plain').join('\n\n')}\n`)
  const frontMatter = NAMES.map((name) => `${name}: ${name} is a key here`).join('\n')
  await writeFile(join(inbox, 'front.md'), `---\n${frontMatter}\ntitle: Front matter full of prototype names\n---\n\n${sentences('markdown').map(escapeMarkdown).join('\n\n')}\n`)
  const metas = NAMES.map((name) => `<meta name="${name}" content="${name}"><meta property="${name}" content="${name}">`).join('')
  const paragraphs = sentences('html').map((s) => `<p>${s}</p>`).join('')
  await writeFile(join(inbox, 'page.html'), `<!doctype html><html lang="constructor"><head><title>__proto__</title>${metas}</head><body><article><h1>toString</h1>${paragraphs}</article></body></html>`)
  const docx = await makeDocx({
    paragraphs: [['Title', 'hasOwnProperty'], ...sentences('word').map((s): ['', string] => ['', s])],
    core: { 'dc:title': 'constructor', 'dc:creator': '__proto__', 'dc:language': 'valueOf' },
  })
  await writeFile(join(inbox, 'props.docx'), docx)
  const headers = NAMES.map((name) => `${name}: ${name}`).join('\r\n')
  await writeFile(
    join(inbox, 'mail.eml'),
    `${headers}\r\nFrom: toString <valueOf@example.org>\r\nSubject: __proto__\r\nDate: Tue, 4 Feb 2025 10:00:00 +0000\r\nMessage-ID: <constructor@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${sentences('mail').join('\r\n\r\n')}\r\n`,
  )
}, 60_000)

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true })
})

describe('every Object.prototype name, through every door', () => {
  let articles: ArticleSummary[]

  it('imports the five files, each with its own text as title and body', async () => {
    const imported = await dossier('import', 'in')
    expect(imported.err).toBe('')
    expect(imported.code).toBe(0)
    articles = JSON.parse((await dossier('list', '--json')).out) as ArticleSummary[]
    expect(articles.map((a) => a.sourceFileName).sort()).toEqual(['front.md', 'mail.eml', 'names.txt', 'page.html', 'props.docx'])
    for (const article of articles) {
      // Metadata are strings or null, never a function or an object found on a prototype.
      for (const key of ['title', 'outlet', 'author', 'published', 'url', 'language'] as const) {
        expect(['string', 'object'], `${article.sourceFileName} ${key}`).toContain(typeof article[key])
        if (typeof article[key] === 'object') expect(article[key]).toBeNull()
      }
      const shown = JSON.parse((await dossier('show', article.id, '--json')).out) as ArticleView
      for (const name of NAMES) expect(shown.text, `${article.sourceFileName} keeps "${name}"`).toContain(`the word ${name} near`)
    }
    const bySource = new Map(articles.map((a) => [a.sourceFileName, a]))
    expect(bySource.get('front.md')!.title).toBe('Front matter full of prototype names')
    expect(bySource.get('mail.eml')!.title).toBe('__proto__')
    expect(bySource.get('props.docx')!.title).toBe('constructor')
    expect(bySource.get('props.docx')!.author).toBe('__proto__')
  })

  it('makes a tag of each name, highlights with it and comments with it', async () => {
    for (const name of NAMES) {
      const created = await dossier('tag', 'create', name)
      expect(created.err, name).toBe('')
      expect(created.code, name).toBe(0)
    }
    const tagNames = (JSON.parse((await dossier('tags', '--json')).out) as { name: string }[]).map((t) => t.name)
    expect(tagNames).toEqual(expect.arrayContaining(NAMES))
    const plain = articles.find((a) => a.sourceFileName === 'names.txt')!
    for (const name of NAMES) {
      const made = await dossier('highlight', plain.id, '--quote', `the word ${name} near`, '--tag', name, '--comment', name)
      expect(made.err, name).toBe('')
      expect(made.code, name).toBe(0)
    }
    const shown = JSON.parse((await dossier('show', plain.id, '--json')).out) as ArticleView
    expect(shown.highlights.map((h) => h.comment).sort()).toEqual([...NAMES].sort())
  })

  it('finds each name by search', async () => {
    for (const name of NAMES) {
      const found = await dossier('search', `"word ${name}"`, '--json')
      expect(found.code, name).toBe(0)
      const response = JSON.parse(found.out) as SearchResponse
      expect(response.error, name).toBeNull()
      expect(response.total, name).toBeGreaterThanOrEqual(5)
    }
  })

  it('exports every format with every name in it', async () => {
    const extensions = new Map([['md', 'md'], ['csv', 'csv'], ['w3c', 'jsonld'], ['pdf', 'pdf']])
    for (const [format, extension] of extensions) {
      const out = join(tmp, `export.${extension}`)
      const exported = await dossier('export', '--format', format, '--out', out)
      expect(exported.err, format).toBe('')
      expect(exported.code, format).toBe(0)
      if (format === 'pdf') continue
      const written = await readFile(out, 'utf8')
      const text = format === 'md' ? written.replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1') : written
      for (const name of NAMES) expect(text, `${format} holds "${name}"`).toContain(`the word ${name} near`)
    }
    const w3c = JSON.parse(await readFile(join(tmp, 'export.jsonld'), 'utf8')) as { first: { items: { body?: { purpose: string; value: string }[] }[] } }
    const bodies = w3c.first.items.flatMap((item) => (item.body ?? []).map((b) => `${b.purpose} ${b.value}`))
    for (const name of NAMES) expect(bodies, `W3C bodies of "${name}"`).toEqual(expect.arrayContaining([`tagging ${name}`, `commenting ${name}`]))
  })
})
