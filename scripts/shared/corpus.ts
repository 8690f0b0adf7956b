/**
 * What the benchmark and crash-test scripts share for making reproducible text: the
 * seeded PRNG (random.ts, re-exported here) and the corpus of real articles
 * (../shared/corpus from the project root, read at run time, never copied into the repo)
 * as sentences of running prose.
 *
 * Same seed, same stream: the generators built on these (bench-storage/corpus.ts,
 * bench-import/articles.ts, bench-pdf/bench.ts, crash-test/protocol.ts) must keep
 * producing identical text for a given seed, so do not change the PRNG or the sentence
 * splitting without meaning to change every script's output (and bench:storage's cache).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

import { SENTENCE_BOUNDARY } from './markov'

export { prng, randomInt, seedOf } from './random'

// ---------------------------------------------------------------------------------------
// The corpus

/** The corpus's .txt files, sorted by name; none if the directory is absent. */
export function corpusFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name))
}

/** Identifies the corpus content (e.g. part of a cache key). */
export function corpusHash(dir: string): string {
  const hash = createHash('sha256')
  for (const file of corpusFiles(dir)) hash.update(readFileSync(file))
  return hash.digest('hex')
}

/** What to tell the user when the corpus is not where `what` (e.g. 'bench:pdf') looks for it. */
export function corpusAbsentMessage(what: string, dir: string): string {
  return `${what} needs the corpus of real articles at ${dir} (../shared/corpus from the project root), and it is not there.\nPut the five .txt articles there, or pass --corpus DIR.`
}

export class CorpusAbsentError extends Error {
  constructor(what: string, dir: string) {
    super(corpusAbsentMessage(what, dir))
    this.name = 'CorpusAbsentError'
  }
}

export interface SentenceOptions {
  /** Who needs the corpus, for error messages ('bench:pdf'). */
  what?: string
  /** Keep each distinct sentence once (first occurrence, in file order). Default false. */
  unique?: boolean
  /** NFC-normalise the text before splitting. Default true. */
  nfc?: boolean
  /** Fewer usable sentences than this is an error. Default 1. */
  minSentences?: number
}

/**
 * The corpus's running prose as sentences. Page furniture (taglines, cookie banners,
 * headline lists, timestamps) is dropped by keeping only lines of 15 words or more and
 * sentences of 6 words or more that end like a sentence.
 *
 * Throws CorpusAbsentError when `dir` holds no .txt files.
 */
export function loadSentences(dir: string, options: SentenceOptions = {}): string[] {
  const { what = 'this script', unique = false, nfc = true, minSentences = 1 } = options
  const files = corpusFiles(dir)
  if (files.length === 0) throw new CorpusAbsentError(what, dir)
  const sentences: string[] = []
  const seen = new Set<string>()
  for (const file of files) {
    let text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n')
    if (nfc) text = text.normalize('NFC')
    for (const line of text.split('\n')) {
      const paragraph = line.replace(/\s+/g, ' ').trim()
      if (paragraph.split(' ').length < 15) continue
      for (const sentence of paragraph.split(SENTENCE_BOUNDARY)) {
        if (sentence.split(' ').length < 6 || !/[.!?][”"’)]?$/.test(sentence)) continue
        if (unique) {
          if (seen.has(sentence)) continue
          seen.add(sentence)
        }
        sentences.push(sentence)
      }
    }
  }
  if (sentences.length < minSentences) {
    throw new Error(`The corpus at ${dir} yields only ${sentences.length} sentences of running prose; ${what} needs at least ${minSentences}.`)
  }
  return sentences
}
