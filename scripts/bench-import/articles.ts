/**
 * 1,000 distinct articles of real prose for the import benchmark: sentences of the
 * corpus's running text (../shared/corpus, read at run time, never copied into the repo)
 * drawn with a seeded PRNG, a different stream per article, shaped like a saved article:
 * headline, date line, then paragraphs of 2–6 sentences, 400–1,200 words in all.
 */
import { loadSentences, prng } from '../shared/corpus'

/**
 * The corpus's running prose as sentences (scripts/shared/corpus.ts), each distinct
 * sentence once, not NFC-normalised, as this benchmark has always drawn them.
 */
export function loadArticleSentences(corpusDir: string): string[] {
  return loadSentences(corpusDir, { what: 'bench:import', unique: true, nfc: false, minSentences: 20 })
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
