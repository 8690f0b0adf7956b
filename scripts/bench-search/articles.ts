/**
 * The search benchmark's articles: the realistic article set (generated text whose
 * sentences never repeat, see scripts/shared/realistic-text.ts) or, with --real, real files
 * of this machine read the way import reads them (extractDocument + draftArticleFromText),
 * each with 2 highlights: a sentence of its text as the quote, half of them with a comment.
 */
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { draftArticleFromText } from '../../src/core/import-text'
import { extractDocument } from '../../src/main/import/extract'
import type { ArticleSet } from '../shared/article-set'
import { splitSentences } from '../shared/markov'
import { prng, seedOf } from '../shared/random'

export interface BenchHighlight {
  id: string
  quote: string
  comment: string
  tagIds: string[]
}

export interface BenchArticle {
  id: string
  title: string
  outlet: string | null
  published: string | null
  bodyHash: string
  body: string
  highlights: BenchHighlight[]
}

export const HIGHLIGHTS_PER_ARTICLE = 2
const TAGS = ['t-bases', 't-convoys', 't-negotiations', 't-ships', 't-aircraft', 't-radars', 't-officials', 't-economy']

const hex10 = (prefix: string, n: number): string => `${prefix}-${n.toString(16).padStart(10, '0')}`

function article(index: number, title: string, outlet: string | null, published: string | null, body: string): BenchArticle {
  const rand = prng(seedOf('dossier-bench-search', index))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const sentences = body
    .split('\n\n')
    .filter((p) => p.length > 60)
    .flatMap((p) => splitSentences(p.replace(/\s+/g, ' ')))
  const pool = sentences.length > 0 ? sentences : [body.slice(0, 200)]
  const highlights: BenchHighlight[] = []
  for (let i = 0; i < HIGHLIGHTS_PER_ARTICLE; i++) {
    highlights.push({
      id: hex10('h', index * HIGHLIGHTS_PER_ARTICLE + i),
      quote: pick(pool),
      comment: rand() < 0.5 ? '' : `Compare with ${pick(pool).split(' ').slice(0, 8).join(' ')}`,
      tagIds: [...new Set([pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])])],
    })
  }
  return { id: hex10('a', index), title, outlet, published, bodyHash: `bench-${index}`, body, highlights }
}

/** The first `count` articles of a generated set, with the titles and outlets it was made with. */
export async function generatedArticles(set: ArticleSet, count: number): Promise<BenchArticle[]> {
  const out: BenchArticle[] = []
  for (const [i, entry] of set.articles.slice(0, count).entries()) {
    const body = await readFile(join(set.dir, entry.file), 'utf8')
    out.push(article(i, entry.title, entry.outlet, entry.published, body))
  }
  return out
}

/** Real files, as import would store them (files that do not extract are left out). */
export async function realArticles(files: readonly string[]): Promise<{ articles: BenchArticle[]; leftOut: number }> {
  const out: BenchArticle[] = []
  let leftOut = 0
  for (const file of files) {
    try {
      const doc = await extractDocument(new Uint8Array(await readFile(file)), basename(file))
      const draft = draftArticleFromText(doc.text, basename(file))
      out.push(article(out.length, draft.title, draft.outlet, draft.published, draft.text))
    } catch {
      leftOut++
    }
  }
  return { articles: out, leftOut }
}
