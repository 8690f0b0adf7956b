/**
 * The benchmark's worker, one process per job so each measurement starts cold and its
 * peak RSS is its own. Runs the REAL storage code (NotebookSession).
 *
 *   node bench-worker.mjs generate '<json GenerateJob>'   build batch notebooks with the session API
 *   node bench-worker.mjs verify   '<json VerifyJob>'     open a notebook and check its contents
 *   node bench-worker.mjs measure  '<json MeasureJob>'    open + list, then timed highlight saves
 *
 * Prints `PROGRESS <n>` lines (articles generated, saves done) and one `RESULT <json>` line at the end.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { ArticleId, TagId } from '../../src/core/ids'
import { NotebookSession } from '../../src/main/notebook-session'
import { fastWriter } from '../shared/fast-writer'
import { prng, randomInt, seedOf } from '../shared/random'
import { workerMain } from '../shared/worker-run'

export interface GenerateJob {
  /** The article files, in order: article i is files[i] (an article set's, or real files). */
  files: string[]
  /** Real files: one that does not import (no text, a duplicate) is left out, not an error. */
  tolerant: boolean
  fontsDir: string
  /** Each batch is its own notebook: `${root}/batch-${index}` holding articles [first, first + count). */
  root: string
  batches: { index: number; first: number; count: number }[]
  highlightsPerArticle: number
}
export interface VerifyJob {
  dir: string
  fontsDir: string
  articles: number
  highlights: number
}
export interface MeasureJob {
  dir: string
  fontsDir: string
  saves: number
  warmup: number
  seed: number
}
export interface MeasureResult {
  articles: number
  openMs: number
  saveMs: number[]
  readMs: number[]
  maxRssMB: number
}

const TAG_SETS = [['t-bases'], ['t-convoys'], ['t-negotiations'], ['t-bases', 't-convoys'], ['t-convoys', 't-negotiations']] as unknown as TagId[][]
const COMMENTS = [
  '',
  'Compare with the satellite imagery.',
  'Second source for the convoy count; check the date against the port authority statement.',
  'Contradicts the earlier report on the Tartus lease; flag for the briefing.',
  'Names spelled differently here (Hmeimim).',
]

type SessionExtras = { close?: () => Promise<void>; store?: { close?: () => Promise<void> } }
async function closeSession(session: NotebookSession): Promise<void> {
  const s = session as unknown as SessionExtras
  if (typeof s.close === 'function') await s.close()
  else if (typeof s.store?.close === 'function') await s.store.close()
}

/** Ids unique across batch notebooks that are later merged: batch number + counter. */
function idSource(batch: number): () => string {
  let counter = 0
  return () => `${batch.toString(16).padStart(4, '0')}${(counter++).toString(16).padStart(6, '0')}${randomBytes(3).toString('hex')}`
}

function highlightRange(rand: () => number, textLength: number): { start: number; end: number } {
  const length = randomInt(rand, 40, 250)
  const start = randomInt(rand, 0, Math.max(0, textLength - length - 1))
  return { start, end: Math.min(textLength, start + length) }
}

export interface GenerateResult {
  articles: number
  highlights: number
  leftOut: string[]
}

async function generate(job: GenerateJob): Promise<GenerateResult> {
  let done = 0
  let highlights = 0
  const leftOut: string[] = []
  for (const batch of job.batches) {
    const dir = join(job.root, `batch-${batch.index}`)
    const session = await NotebookSession.open(dir, { fontsDir: job.fontsDir, randomHex: idSource(batch.index) }, { create: true, writer: fastWriter })
    for (let i = batch.first; i < batch.first + batch.count; i++) {
      const file = job.files[i]!
      const report = await session.importContents([{ name: basename(file), bytes: new Uint8Array(await readFile(file)) }])
      const item = report.items[0]
      if (!item || item.status !== 'imported' || !item.articleId) {
        if (!job.tolerant) throw new Error(`article ${i} (${file}) was not imported: ${JSON.stringify(item)}`)
        leftOut.push(`${file}: ${item?.status ?? 'no report'} ${item?.error?.message ?? ''}`.trim())
      } else {
        const articleId = item.articleId
        const { text: stored } = await session.getArticle(articleId)
        const rand = prng(seedOf('dossier-bench-highlights', i))
        for (let h = 0; h < job.highlightsPerArticle; h++) {
          const { start, end } = highlightRange(rand, stored.length)
          await session.createHighlight({ articleId, start, end, tagIds: TAG_SETS[randomInt(rand, 0, TAG_SETS.length - 1)]!, comment: COMMENTS[randomInt(rand, 0, COMMENTS.length - 1)]! })
          highlights++
        }
      }
      done++
      if (done % 10 === 0) process.stdout.write(`PROGRESS ${done}\n`)
    }
    await closeSession(session)
  }
  return { articles: done - leftOut.length, highlights, leftOut }
}

async function verify(job: VerifyJob): Promise<{ articles: number; highlights: number }> {
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false })
  try {
    const articles = session.listArticles()
    const highlights = articles.reduce((n, a) => n + a.highlightCount, 0)
    if (articles.length !== job.articles) throw new Error(`expected ${job.articles} articles, the notebook lists ${articles.length}`)
    if (highlights !== job.highlights) throw new Error(`expected ${job.highlights} highlights, the notebook lists ${highlights}`)
    const rand = prng(seedOf('verify', job.articles))
    for (let i = 0; i < 5; i++) {
      const summary = articles[randomInt(rand, 0, articles.length - 1)]!
      const view = await session.getArticle(summary.id)
      if (view.highlights.length !== summary.highlightCount) throw new Error(`${summary.id}: ${view.highlights.length} highlights, listed ${summary.highlightCount}`)
      for (const h of view.highlights) {
        if (view.text.slice(h.target.start, h.target.end) !== h.target.exact) throw new Error(`${h.id} does not match the text of ${summary.id}`)
      }
    }
    return { articles: articles.length, highlights }
  } finally {
    await closeSession(session)
  }
}

async function measure(job: MeasureJob): Promise<MeasureResult> {
  const t0 = performance.now()
  const session = await NotebookSession.open(job.dir, { fontsDir: job.fontsDir }, { create: false })
  const articles = session.listArticles()
  const openMs = performance.now() - t0
  const rand = prng(job.seed)
  const saveMs: number[] = []
  const readMs: number[] = []
  for (let i = 0; i < job.warmup + job.saves; i++) {
    const summary = articles[randomInt(rand, 0, articles.length - 1)]!
    const r0 = performance.now()
    const { text } = await session.getArticle(summary.id as ArticleId)
    const r1 = performance.now()
    const { start, end } = highlightRange(rand, text.length)
    const s0 = performance.now()
    await session.createHighlight({ articleId: summary.id as ArticleId, start, end, tagIds: TAG_SETS[randomInt(rand, 0, TAG_SETS.length - 1)]!, comment: 'Benchmark save.' })
    const s1 = performance.now()
    if (i >= job.warmup) {
      saveMs.push(s1 - s0)
      readMs.push(r1 - r0)
    }
    if ((i + 1) % 20 === 0) process.stdout.write(`PROGRESS ${i + 1}\n`)
  }
  await closeSession(session)
  return { articles: articles.length, openMs, saveMs, readMs, maxRssMB: process.resourceUsage().maxRSS / 1024 }
}

workerMain(
  new Map<string, (job: never) => Promise<unknown>>([
    ['generate', generate],
    ['verify', verify],
    ['measure', measure],
  ]),
)
