/**
 * 1,000 distinct articles of real prose for the import benchmark: sentences of the
 * corpus's running text (../shared/corpus, read at run time, never copied into the repo)
 * drawn with a seeded PRNG, a different stream per article, shaped like a saved article:
 * headline, date line, then paragraphs of 2–6 sentences, 400–1,200 words in all.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** mulberry32: small, fast, good enough for picking sentences; same seed, same articles. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** The corpus's running prose as sentences: lines of 15+ words, sentences of 6+ words that end like one. */
export function loadSentences(corpusDir: string): string[] {
  if (!existsSync(corpusDir)) throw new Error(`No corpus at ${corpusDir}; pass --corpus DIR.`)
  const sentences = new Set<string>()
  for (const name of readdirSync(corpusDir).filter((n) => n.endsWith('.txt')).sort()) {
    const text = readFileSync(join(corpusDir, name), 'utf8').replace(/\r\n?/g, '\n')
    for (const line of text.split('\n')) {
      const paragraph = line.replace(/\s+/g, ' ').trim()
      if (paragraph.split(' ').length < 15) continue
      for (const sentence of paragraph.split(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[A-Z0-9])/)) {
        if (sentence.split(' ').length >= 6 && /[.!?][”"’)]?$/.test(sentence)) sentences.add(sentence)
      }
    }
  }
  if (sentences.size < 20) throw new Error(`The corpus at ${corpusDir} yields only ${sentences.size} sentences.`)
  return [...sentences]
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function makeArticle(sentences: readonly string[], index: number, seed: number): string {
  const rand = prng((seed * 100_003 + index * 7_919) >>> 0)
  const between = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1))
  const pick = () => sentences[Math.floor(rand() * sentences.length)]!
  const words = between(400, 1200)
  const headline = pick()
    .replace(/[“”"‘’]/g, '')
    .replace(/[.!?)]$/, '')
    .split(' ')
    .slice(0, between(6, 11))
    .join(' ')
  const date = `${MONTHS[between(0, 11)]} ${between(1, 28)}, ${between(2023, 2025)}`
  const paragraphs: string[] = []
  let count = 0
  while (count < words) {
    const paragraph: string[] = []
    for (let n = between(2, 6); n > 0 && count < words; n--) {
      const sentence = pick()
      paragraph.push(sentence)
      count += sentence.split(' ').length
    }
    paragraphs.push(paragraph.join(' '))
  }
  return `${headline}\n${date}\n\n${paragraphs.join('\n\n')}\n`
}
