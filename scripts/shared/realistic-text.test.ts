/**
 * The realistic text generator, trained as the benchmarks train it (on Debian's manual
 * pages; a third of them here, to keep the first run short). Skipped, with the reason,
 * on a machine without the pages or groff.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { groffCan, INSTALL_HINT, manPagesPackageSources } from './man-pages'
import type { MarkovModel } from './markov'
import { splitSentences } from './markov'
import { ArticleGenerator, type GeneratedArticle, MAX_WORDS, MIN_WORDS } from './realistic-text'
import { trainModel } from './training-text'

const missing = manPagesPackageSources().length === 0 ? 'the manpages and manpages-dev packages are not installed' : !groffCan('utf8') ? 'groff cannot render text' : null
if (missing) console.warn(`realistic-text.test.ts skipped: ${missing}. ${INSTALL_HINT}`)

/** What a reader of the file finds between the header block and the footer: paragraphs and subheadings, as sentences. */
function bodySentences(article: GeneratedArticle): string[] {
  const blocks = article.text.trimEnd().split('\n\n')
  const body = blocks.slice(1, article.footer.length > 0 ? -1 : undefined)
  return body.flatMap((block) => splitSentences(block))
}

describe.skipIf(missing !== null)('realistic articles', () => {
  let model: MarkovModel
  let articles: GeneratedArticle[]

  beforeAll(async () => {
    ;({ model } = await trainModel({ what: 'realistic-text.test.ts', every: 3 }))
    const generator = new ArticleGenerator(model, 7)
    articles = Array.from({ length: 2000 }, () => generator.next())
  }, 600_000)

  it('never repeats a sentence across 2,000 articles', () => {
    const seen = new Map<string, number>()
    const repeated: string[] = []
    let count = 0
    for (const article of articles) {
      for (const sentence of bodySentences(article)) {
        count++
        const first = seen.get(sentence)
        if (first !== undefined) repeated.push(`articles ${first} and ${article.index}: ${sentence}`)
        else seen.set(sentence, article.index)
      }
    }
    expect(count).toBeGreaterThan(100_000)
    expect(repeated.slice(0, 5)).toEqual([])
  })

  it('has lengths from 150 to 20,000 words with a median near 800', () => {
    const words = articles.map((a) => a.text.trim().split(/\s+/).length).sort((a, b) => a - b)
    expect(words[0]).toBeGreaterThanOrEqual(MIN_WORDS)
    expect(words[words.length - 1]).toBeLessThanOrEqual(MAX_WORDS + 100)
    expect(words[Math.floor(words.length / 2)]).toBeGreaterThan(700)
    expect(words[Math.floor(words.length / 2)]).toBeLessThan(950)
    // A long tail: some articles several times the median, as real collections have.
    expect(words.filter((w) => w > 4000).length).toBeGreaterThan(20)
  })

  it('starts with a headline, then bylines and datelines in varied forms, some with a date and some without', () => {
    const shapes = new Set(articles.map((a) => a.header.map((line) => line.replace(/\p{Lu}\p{Ll}+/gu, 'Name').replace(/\d+/g, '9')).join(' / ')))
    expect(shapes.size).toBeGreaterThan(8)
    expect(articles.some((a) => a.header.length === 0 && !a.dated)).toBe(true)
    expect(articles.some((a) => a.text.split('\n')[1]!.startsWith('By '))).toBe(true)
    expect(articles.some((a) => /^\p{Lu}+, \w+ \d+ \(/u.test(a.paragraphs[0]!))).toBe(true)
    for (const a of articles.slice(0, 50)) expect(a.text.split('\n')[0]).toBe(a.title)
  })

  it('quotes named people and varies its figures', () => {
    const text = articles.map((a) => a.text).join('\n')
    expect(text).toMatch(/“[^”]+,” said \p{Lu}\p{Ll}+ \p{Lu}/u)
    expect(text).toMatch(/\b\d{2,}\b/)
  })

  it('makes the same articles from the same seed, and others from another seed', () => {
    const again = new ArticleGenerator(model, 7)
    const other = new ArticleGenerator(model, 8)
    for (let i = 0; i < 20; i++) {
      expect(again.next().text).toBe(articles[i]!.text)
      expect(other.next().text).not.toBe(articles[i]!.text)
    }
  })
})
