/**
 * Synthetic articles of real prose: sentences drawn from the five corpus articles
 * (../shared/corpus, never copied into the repo) with a seeded PRNG, a different stream
 * per article, so bodies differ but read like the real thing.
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

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

export function randomInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1))
}

/** A 32-bit seed from any strings (FNV-1a), so article n always gets the same stream. */
export function seedOf(...parts: (string | number)[]): number {
  let h = 0x811c9dc5
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

export function corpusFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name))
}

/** Identifies the corpus content (part of the cache key). */
export function corpusHash(dir: string): string {
  const hash = createHash('sha256')
  for (const file of corpusFiles(dir)) hash.update(readFileSync(file))
  return hash.digest('hex')
}

/**
 * The corpus's running prose as sentences. Page furniture (taglines, cookie banners,
 * headline lists, timestamps) is dropped by keeping only lines of 15 words or more and
 * sentences of 6 words or more that end like a sentence.
 */
export function loadSentences(dir: string): string[] {
  const sentences: string[] = []
  for (const file of corpusFiles(dir)) {
    const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').normalize('NFC')
    for (const line of text.split('\n')) {
      const paragraph = line.replace(/\s+/g, ' ').trim()
      if (paragraph.split(' ').length < 15) continue
      for (const sentence of paragraph.split(/(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[A-Z0-9])/)) {
        if (sentence.split(' ').length >= 6 && /[.!?][”"’)]?$/.test(sentence)) sentences.push(sentence)
      }
    }
  }
  return sentences
}

export const WORDS_PER_ARTICLE = 5000

/** Article `index` of the synthetic corpus: a headline line, a blank line, then paragraphs. */
export function syntheticArticle(sentences: readonly string[], index: number, words = WORDS_PER_ARTICLE): string {
  const rand = prng(seedOf('dossier-bench-article', index))
  const pick = (): string => sentences[Math.floor(rand() * sentences.length)]!
  const lead = pick()
    .replace(/[“”"‘’]/g, '')
    .replace(/[.!?)]$/, '')
    .split(' ')
    .slice(0, 9)
    .join(' ')
  const paragraphs: string[] = []
  let count = 0
  while (count < words) {
    const paragraph: string[] = []
    for (let n = randomInt(rand, 2, 6); n > 0 && count < words; n--) {
      const sentence = pick()
      paragraph.push(sentence)
      count += sentence.split(' ').length
    }
    paragraphs.push(paragraph.join(' '))
  }
  return `Dispatch ${index + 1}: ${lead}\n\n${paragraphs.join('\n\n')}\n`
}
