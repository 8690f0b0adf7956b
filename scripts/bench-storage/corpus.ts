/**
 * Synthetic articles of real prose: sentences drawn from the five corpus articles
 * (../shared/corpus, never copied into the repo) with a seeded PRNG, a different stream
 * per article, so bodies differ but read like the real thing. The PRNG and the sentence
 * loading are scripts/shared/corpus.ts.
 */
import { prng, randomInt, seedOf } from '../shared/corpus'

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
