/**
 * Sets of realistic generated articles as files, cached under os.tmpdir() so the
 * benchmarks share them and generate each set once per machine:
 *
 *   <cache>/set-<key>-n<N>/
 *     batch-000/article-00001.txt ...   the N articles, 500 per folder (.txt)
 *     extra/                            EXTRA_COUNT more articles of the same set, never
 *                                       in the N: .txt, saved web pages (.html) and PDFs,
 *                                       a few of them long (see EXTRA_PLAN)
 *     articles.json                     per file: title, words, author, outlet, published
 *     info.json                         how it was made (time, generator statistics)
 *
 * The folder's key covers the generator's code (scripts/shared/*.ts it uses), the seed and
 * the training text, so changing any of them makes a new set. What is built from a set
 * (bench:cli's and bench:storage's notebooks) is keyed by `contentKey`, a hash of the
 * files themselves, so a change to the generator's code that does not change its output
 * does not rebuild them.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makePdf } from '../../src/main/import/test-documents'
import { ArticleGenerator, type GeneratedArticle } from './realistic-text'
import { projectRoot } from './project-root'
import { trainModel } from './training-text'
import { zipfSlope } from './text-stats'

/** Bump when sets change for reasons the hashed sources do not show. */
const SET_VERSION = 1
export const BATCH_FILES = 500
export const EXTRA_COUNT = 20
/** The extra files: format and, for some, a set length in words (else drawn like the rest). */
const EXTRA_PLAN: { format: 'txt' | 'html' | 'pdf'; words?: number }[] = [
  { format: 'txt', words: 20_000 },
  { format: 'txt', words: 9_000 },
  { format: 'pdf', words: 12_000 },
  { format: 'html', words: 6_000 },
  ...Array.from({ length: 3 }, () => ({ format: 'pdf' as const })),
  ...Array.from({ length: 4 }, () => ({ format: 'html' as const })),
  ...Array.from({ length: 9 }, () => ({ format: 'txt' as const })),
]
const GENERATOR_SOURCES = ['random.ts', 'names.ts', 'markov.ts', 'article-forms.ts', 'realistic-text.ts', 'article-set.ts', 'training-text.ts', 'man-pages.ts']

export interface ArticleEntry {
  /** Relative to the set's folder. */
  file: string
  title: string
  words: number
  author: string | null
  outlet: string | null
  published: string
}

export interface ArticleSet {
  dir: string
  count: number
  /** The N articles, in order. */
  articles: ArticleEntry[]
  /** The batch folders (absolute), each holding up to BATCH_FILES articles. */
  batches: string[]
  /** The EXTRA_COUNT extra files (absolute paths). */
  extra: string[]
  info: SetInfo
  /** sha256 (12 hex) of the N articles' files, in order: what the set holds, whoever made it. */
  contentKey: string
}

export interface SetInfo {
  seed: number
  trainingKey: string
  trainingSentences: number
  trainingPages: number
  seconds: number
  sentences: number
  repeats: number
  malformed: number
  words: { min: number; median: number; mean: number; max: number; total: number }
  vocabulary: number
  zipfSlope: number
  createdAt: string
}

export interface SetOptions {
  what: string
  seed?: number
  corpusDir?: string
  cacheDir?: string
  log?: (line: string) => void
}

export const ARTICLE_SET_CACHE = join(tmpdir(), 'dossier-bench-text')

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The article as a saved web page: navigation, meta tags, article markup, footer. */
export function articleHtml(a: GeneratedArticle): string {
  const meta = [
    `<meta property="og:title" content="${escapeHtml(a.title)}">`,
    a.author ? `<meta name="author" content="${escapeHtml(a.author)}">` : '',
    a.dated ? `<meta property="article:published_time" content="${a.published}">` : '',
    a.outlet ? `<meta property="og:site_name" content="${escapeHtml(a.outlet)}">` : '',
  ].filter(Boolean)
  const paragraphs = new Set(a.paragraphs)
  const body = a.text
    .split('\n\n')
    .slice(1)
    .filter((block) => !a.footer.length || block !== a.footer.join('\n'))
    .map((block) => (paragraphs.has(block) ? `<p>${escapeHtml(block)}</p>` : `<h2>${escapeHtml(block)}</h2>`))
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)}${a.outlet ? ` | ${escapeHtml(a.outlet)}` : ''}</title>
${meta.join('\n')}
<link rel="stylesheet" href="site.css"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>${escapeHtml(a.title)}</h1>
${a.header.map((l) => `<p class="byline">${escapeHtml(l)}</p>`).join('\n')}
${body.join('\n')}
</article></main>
<footer>${a.footer.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}<p>Subscribe to our newsletter</p></footer></body></html>
`
}

/** The article as a PDF (pdfkit, Noto Sans from resources/fonts): headline, header lines, paragraphs. */
export function articlePdf(a: GeneratedArticle): Promise<Uint8Array> {
  const fonts = join(projectRoot, 'resources', 'fonts')
  return makePdf(
    (doc) => {
      doc.registerFont('body', join(fonts, 'NotoSans-Regular.ttf'))
      doc.registerFont('bold', join(fonts, 'NotoSans-Bold.ttf'))
      doc.info.Title = a.title
      if (a.author) doc.info.Author = a.author
      doc.font('bold').fontSize(18).text(a.title)
      doc.font('body').fontSize(10)
      for (const line of a.header) doc.text(line)
      doc.moveDown()
      const paragraphs = new Set(a.paragraphs)
      for (const block of a.text.split('\n\n').slice(1)) {
        if (paragraphs.has(block)) doc.font('body').fontSize(11).text(block, { align: 'left', paragraphGap: 6 })
        else doc.font('bold').fontSize(13).text(block.replace(/\n/g, ' '), { paragraphGap: 4 })
      }
    },
    { size: 'A4', margin: 56 },
  )
}

function setKey(seed: number, trainingKey: string): string {
  const hash = createHash('sha256').update(`set ${SET_VERSION} seed ${seed} training ${trainingKey} batch ${BATCH_FILES} extra ${JSON.stringify(EXTRA_PLAN)}\n`)
  for (const name of GENERATOR_SOURCES) hash.update(readFileSync(join(projectRoot, 'scripts', 'shared', name)))
  return hash.digest('hex').slice(0, 12)
}

/** The set of `count` articles (generated now unless cached). Throws RealTextMissingError without the training text. */
export async function ensureArticleSet(count: number, options: SetOptions): Promise<ArticleSet> {
  const { what, seed = 1, corpusDir, cacheDir = ARTICLE_SET_CACHE, log = () => undefined } = options
  const { model, training } = await trainModel({ what, corpusDir, log })
  const key = setKey(seed, training.key)
  const dir = join(cacheDir, `set-${key}-n${count}`)
  if (!existsSync(join(dir, 'info.json'))) {
    await mkdir(cacheDir, { recursive: true })
    for (const name of await readdir(cacheDir)) {
      if (name.startsWith('set-') && name.endsWith(`-n${count}`) && name !== `set-${key}-n${count}`) {
        log(`  removing a set made by another generator: ${join(cacheDir, name)}`)
        await rm(join(cacheDir, name), { recursive: true, force: true })
      }
    }
    await generateSet(dir, count, seed, model, training, log)
  }
  const articles = JSON.parse(await readFile(join(dir, 'articles.json'), 'utf8')) as ArticleEntry[]
  const info = JSON.parse(await readFile(join(dir, 'info.json'), 'utf8')) as SetInfo
  const batches = [...new Set(articles.map((a) => a.file.split('/')[0]!))].map((b) => join(dir, b))
  const extra = (await readdir(join(dir, 'extra'))).sort().map((f) => join(dir, 'extra', f))
  // The N articles only: the extra PDFs carry their creation time, so their bytes differ each time they are made.
  const content = createHash('sha256')
  for (const file of articles.map((a) => join(dir, a.file))) content.update(await readFile(file))
  return { dir, count, articles, batches, extra, info, contentKey: content.digest('hex').slice(0, 12) }
}

async function generateSet(dir: string, count: number, seed: number, model: Awaited<ReturnType<typeof trainModel>>['model'], training: Awaited<ReturnType<typeof trainModel>>['training'], log: (line: string) => void): Promise<void> {
  const started = performance.now()
  const work = `${dir}.partial`
  await rm(work, { recursive: true, force: true })
  await mkdir(join(work, 'extra'), { recursive: true })
  log(`  generating ${count.toLocaleString('en-US')} realistic articles + ${EXTRA_COUNT} extra into ${dir} (once; cached)...`)
  const generator = new ArticleGenerator(model, seed)
  const entries: ArticleEntry[] = []
  const counts = new Map<string, number>()
  const words: number[] = []
  for (let i = 0; i < count; i++) {
    const a = generator.next()
    const file = `batch-${String(Math.floor(i / BATCH_FILES)).padStart(3, '0')}/article-${String(i + 1).padStart(5, '0')}.txt`
    if (i % BATCH_FILES === 0) await mkdir(join(work, file.split('/')[0]!), { recursive: true })
    await writeFile(join(work, file), a.text)
    entries.push({ file, title: a.title, words: a.words, author: a.author, outlet: a.outlet, published: a.published })
    words.push(a.words)
    for (const w of a.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1)
    if ((i + 1) % 1000 === 0) log(`    ${i + 1}/${count} articles (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  }
  for (const [i, plan] of EXTRA_PLAN.entries()) {
    const a = generator.next(plan.words)
    const name = join(work, 'extra', `extra-${String(i + 1).padStart(2, '0')}-${a.words}w.${plan.format}`)
    if (plan.format === 'txt') await writeFile(name, a.text)
    else if (plan.format === 'html') await writeFile(name, articleHtml(a))
    else await writeFile(name, await articlePdf(a))
  }
  words.sort((x, y) => x - y)
  const total = words.reduce((n, w) => n + w, 0)
  const info: SetInfo = {
    seed,
    trainingKey: training.key,
    trainingSentences: training.sentences.length,
    trainingPages: training.pages,
    seconds: (performance.now() - started) / 1000,
    sentences: generator.stats.sentences,
    repeats: generator.stats.repeats,
    malformed: generator.stats.malformed,
    words: { min: words[0] ?? 0, median: words[Math.floor(words.length / 2)] ?? 0, mean: Math.round(total / Math.max(1, count)), max: words[words.length - 1] ?? 0, total },
    vocabulary: counts.size,
    zipfSlope: zipfSlope(counts),
    createdAt: new Date().toISOString(),
  }
  await writeFile(join(work, 'articles.json'), JSON.stringify(entries))
  await writeFile(join(work, 'info.json'), JSON.stringify(info, null, 1))
  await rm(dir, { recursive: true, force: true })
  await rename(work, dir)
  log(`  generated in ${info.seconds.toFixed(0)} s: ${describeSet(info)}`)
}

/** One line on what a set holds. */
export function describeSet(info: SetInfo): string {
  const w = info.words
  return (
    `words per article min ${w.min}, median ${w.median}, mean ${w.mean}, max ${w.max}; ${(w.total / 1e6).toFixed(1)}M words, ` +
    `${info.sentences.toLocaleString('en-US')} sentences, none repeated; vocabulary ${info.vocabulary.toLocaleString('en-US')} words, Zipf slope ${info.zipfSlope.toFixed(2)}; ` +
    `learned from ${info.trainingSentences.toLocaleString('en-US')} sentences of ${info.trainingPages} manual pages`
  )
}
