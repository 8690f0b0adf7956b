/**
 * bench:cli's worker, one process per job, running the REAL code (NotebookSession, and
 * createMainService + the API handlers for the app's open):
 *
 *   highlights  add tags and ~2 highlights per article (sentence-aligned passages, tags
 *               drawn Zipf-like, some comments) through the session API
 *   verify      open read-only and count articles and highlights
 *   pick        choose what the measured commands ask for: articles to show, quotes to
 *               highlight, words to search
 *   app-open    the app's open-to-listed: createMainService + the listArticles handler
 *   search-warm what the app does for search: open for writing, search, close (which
 *               writes the search-index/ cache)
 *   gazetteer, index-build   building the search and mention indexes (./index-build.ts)
 */
import type { ArticleId, TagId } from '../../src/core/ids'
import { createApiHandlers } from '../../src/main/api-handlers'
import { NotebookSession } from '../../src/main/notebook-session'
import { createMainService } from '../../src/main/service'
import { fastWriter } from '../shared/fast-writer'
import { splitSentences } from '../shared/markov'
import { prng, randomInt, seedOf } from '../shared/random'
import { workerMain } from '../shared/worker-run'
import { gazetteer, indexBuild } from './index-build'

export interface NotebookJob {
  dir: string
  fontsDir: string
  seed: number
}
export interface HighlightsResult {
  articles: number
  highlights: number
  tags: number
}
export interface VerifyResult {
  articles: number
  highlights: number
}
export interface Picks {
  show: string[]
  highlight: { id: string; quote: string; tag: string }[]
  search: string[]
}
export interface AppOpenResult {
  openS: number
  articles: number
  rssAtListedMB: number
}
export interface SearchWarmResult {
  seconds: number
  hits: number
}

/** Added to the three tags a new notebook starts with: a codebook of twelve. */
const EXTRA_TAGS = ['Ports', 'Air defence', 'Sanctions', 'Energy', 'Shipping', 'Casualties', 'Diplomacy', 'Elections', 'Cyber']
/** Highlights per article: 0..6 with these weights, 2.1 on average. */
const PER_ARTICLE = [20, 20, 25, 15, 10, 5, 5]
const COMMENTS = ['Compare with the satellite imagery.', 'Second source for this; check the date.', 'Contradicts the earlier report; flag for the briefing.', 'Names spelled differently here.', 'Key judgment?']

function weighted(rand: () => number, weights: readonly number[]): number {
  let r = rand() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!
    if (r < 0) return i
  }
  return weights.length - 1
}

/** A passage an analyst would mark: one or two whole sentences of a paragraph (else a plain range). */
function passage(rand: () => number, text: string): { start: number; end: number } {
  const paragraphs: { start: number; text: string }[] = []
  let at = 0
  for (const block of text.split('\n\n')) {
    if (block.length > 120) paragraphs.push({ start: at, text: block })
    at += block.length + 2
  }
  if (paragraphs.length > 0) {
    const p = paragraphs[Math.floor(rand() * paragraphs.length)]!
    const sentences = splitSentences(p.text)
    const first = Math.floor(rand() * sentences.length)
    const chosen = sentences.slice(first, first + (rand() < 0.3 ? 2 : 1)).join(' ')
    const offset = p.text.indexOf(chosen)
    if (offset >= 0 && chosen.length >= 30 && chosen.length <= 800) return { start: p.start + offset, end: p.start + offset + chosen.length }
  }
  const length = Math.min(text.length, randomInt(rand, 40, 250))
  const start = randomInt(rand, 0, Math.max(0, text.length - length))
  return { start, end: start + length }
}

async function highlights(job: NotebookJob): Promise<HighlightsResult> {
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false, writer: fastWriter })
  try {
    const known = new Set(session.listTags().map((t) => t.name))
    for (const name of EXTRA_TAGS) if (!known.has(name)) await session.createTag({ name, description: `Codebook entry: ${name.toLowerCase()}.` })
    const tags = session.listTags().map((t) => t.id)
    // Zipf-like: the first tags of the codebook are used most.
    const tagWeights = tags.map((_, i) => 1 / (i + 1))
    let made = 0
    const articles = session.listArticles()
    for (const [n, summary] of articles.entries()) {
      const rand = prng(seedOf('bench-cli-highlights', job.seed, summary.id))
      const count = weighted(rand, PER_ARTICLE)
      if (count === 0) continue
      const { text } = await session.getArticle(summary.id)
      for (let h = 0; h < count; h++) {
        const { start, end } = passage(rand, text)
        const r = rand()
        const tagIds: TagId[] = r < 0.05 ? [] : [...new Set([tags[weighted(rand, tagWeights)]!, ...(r > 0.75 ? [tags[weighted(rand, tagWeights)]!] : [])])]
        const comment = tagIds.length === 0 || rand() < 0.3 ? COMMENTS[Math.floor(rand() * COMMENTS.length)]! : ''
        await session.createHighlight({ articleId: summary.id, start, end, tagIds, comment })
        made++
      }
      if ((n + 1) % 100 === 0) process.stdout.write(`PROGRESS ${n + 1}\n`)
    }
    return { articles: articles.length, highlights: made, tags: tags.length }
  } finally {
    await session.close()
  }
}

async function verify(job: NotebookJob): Promise<VerifyResult> {
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false, readOnly: true })
  try {
    const articles = session.listArticles()
    return { articles: articles.length, highlights: articles.reduce((n, a) => n + a.highlightCount, 0) }
  } finally {
    await session.close()
  }
}

async function pick(job: NotebookJob & { count: number }): Promise<Picks> {
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false, readOnly: true })
  try {
    const rand = prng(seedOf('bench-cli-picks', job.seed))
    const articles = session.listArticles()
    const tagNames = session.listTags().map((t) => t.name)
    const picks: Picks = { show: [], highlight: [], search: [] }
    while (picks.show.length < job.count || picks.highlight.length < job.count || picks.search.length < job.count) {
      const summary = articles[Math.floor(rand() * articles.length)]!
      const { text } = await session.getArticle(summary.id as ArticleId)
      if (picks.show.length < job.count && summary.highlightCount > 0) picks.show.push(summary.id)
      const { start, end } = passage(rand, text)
      const quote = text.slice(start, end)
      // The CLI finds a quote by its text: one that occurs once, on one line.
      if (picks.highlight.length < job.count && !quote.includes('\n') && text.indexOf(quote) === text.lastIndexOf(quote)) {
        picks.highlight.push({ id: summary.id, quote, tag: tagNames[Math.floor(rand() * tagNames.length)]! })
      }
      const words = text.match(/\b\p{Ll}{6,}\b/gu) ?? []
      if (picks.search.length < job.count && words.length > 0) picks.search.push(words[Math.floor(rand() * words.length)]!)
    }
    return picks
  } finally {
    await session.close()
  }
}

async function appOpen(job: NotebookJob): Promise<AppOpenResult> {
  const refuse = (): Promise<null> => Promise.resolve(null)
  const started = performance.now()
  const service = await createMainService({
    notebookDir: job.dir,
    fontsDir: job.fontsDir,
    dialogs: { chooseFilesToImport: refuse, chooseNotebookFolder: refuse, chooseExportPath: refuse, chooseAnnotationFile: refuse, chooseGazetteerFile: refuse, confirm: () => Promise.resolve(false) },
    emit: () => undefined,
  })
  const handlers = createApiHandlers(service)
  const listed = await handlers.listArticles()
  const openS = (performance.now() - started) / 1000
  if (!listed.ok) throw new Error(`listArticles failed: ${listed.error.message}`)
  // The process then exits at once, as timing ends here: its background work (reading
  // every annotation file, building the search index) is cut short, and the writer lock
  // it leaves names a dead process, which the next writer takes over.
  return { openS, articles: (listed.value as unknown[]).length, rssAtListedMB: process.resourceUsage().maxRSS / 1024 }
}

async function searchWarm(job: NotebookJob & { query: string }): Promise<SearchWarmResult> {
  const started = performance.now()
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false, app: 'app' })
  try {
    const response = await session.search({ query: job.query })
    return { seconds: (performance.now() - started) / 1000, hits: response.total }
  } finally {
    await session.close()
  }
}

workerMain(
  new Map<string, (job: never) => Promise<unknown>>([
    ['highlights', highlights],
    ['verify', verify],
    ['pick', pick],
    ['app-open', appOpen],
    ['search-warm', searchWarm],
    ['gazetteer', gazetteer],
    ['index-build', indexBuild],
  ]),
)
