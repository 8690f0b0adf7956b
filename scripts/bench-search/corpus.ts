/**
 * Synthetic articles of real prose for the search benchmark: sentences of the five corpus
 * articles (../shared/corpus, read at run time, never copied into the repo) drawn with a
 * seeded PRNG, a different stream per article. So the vocabulary is not just the corpus's
 * ~2,000 words, each article also gets its own cast of invented proper nouns (from a pool
 * of 40,000, some with Turkish/French diacritics) swapped in for names in the sentences,
 * and fresh numbers; a few common names recur across many articles, most are rare.
 */
import { corpusFiles, loadSentences, prng, seedOf } from '../shared/corpus'

// The corpus reader and seeded PRNG are the shared ones (scripts/shared/corpus.ts).
export { corpusFiles, loadSentences, prng, seedOf }

const ONSETS = ['b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'sh', 'kh', 'ch', 'br', 'tr', 'gr', 'st', 'dr', 'y']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ou', 'ei', 'ia']
const CODAS = ['', '', '', '', 'n', 'r', 'm', 'l', 's', 'k', 't', 'sh']
const ACCENTS: Readonly<Record<string, string>> = { g: 'ğ', s: 'ş', c: 'ç', o: 'ö', u: 'ü', e: 'é', i: 'ı' }

/** `count` distinct invented proper nouns, e.g. Drakoumen, Shaitel, Göreşin. */
export function namePool(count: number, seed = 1): string[] {
  const rand = prng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const names = new Set<string>()
  while (names.size < count) {
    let name = ''
    for (let n = 2 + Math.floor(rand() * 2.2); n > 0; n--) name += pick(ONSETS) + pick(VOWELS) + pick(CODAS)
    if (rand() < 0.12) name = name.replace(/[gscouei]/, (c) => ACCENTS[c] ?? c)
    names.add(name[0]!.toUpperCase() + name.slice(1))
  }
  return [...names]
}

export interface SyntheticHighlight {
  id: string
  quote: string
  comment: string
  tagIds: string[]
}

export interface SyntheticArticle {
  id: string
  title: string
  outlet: string
  published: string
  bodyHash: string
  body: string
  highlights: SyntheticHighlight[]
}

export const WORDS_PER_ARTICLE = 800
export const HIGHLIGHTS_PER_ARTICLE = 2
const OUTLETS = ['Harbour Watch', 'Levant Daily', 'Middle East Monitor', 'bne IntelliNews', 'Gulf Review', 'Coastal Wire', 'Eastern Ledger', 'Al-Sahil Weekly']
const TAGS = ['t-bases', 't-convoys', 't-negotiations', 't-ships', 't-aircraft', 't-radars', 't-officials', 't-economy']

const hex10 = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(10, '0')}`

/** Article `index`: a dateline, then ~800 words in paragraphs of 2-6 sentences. */
export function syntheticArticle(sentences: readonly string[], names: readonly string[], index: number): SyntheticArticle {
  const rand = prng(seedOf('dossier-bench-search', index))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  // Names are skewed: the square of a uniform draw favours the start of the pool, so a few
  // hundred names recur in many articles and the rest are rare.
  const cast = Array.from({ length: 4 + Math.floor(rand() * 5) }, () => names[Math.floor(rand() * rand() * names.length)]!)
  const vary = (sentence: string): string => {
    let s = sentence.replace(/\b\d+\b/g, (n) => (rand() < 0.5 ? String(1 + Math.floor(rand() * 99_999)) : n))
    const capitals = [...s.matchAll(/(?<=\s)[A-Z][a-z]{2,}\b/g)]
    if (capitals.length > 0 && rand() < 0.6) {
      const m = pick(capitals)
      s = s.slice(0, m.index) + pick(cast) + s.slice(m.index + m[0].length)
    }
    return s
  }
  const paragraphs: string[] = [`By ${cast[0]} ${cast[1]}`]
  const used: string[] = []
  let words = 0
  while (words < WORDS_PER_ARTICLE) {
    const paragraph: string[] = []
    for (let n = 2 + Math.floor(rand() * 5); n > 0 && words < WORDS_PER_ARTICLE; n--) {
      const sentence = vary(pick(sentences))
      paragraph.push(sentence)
      used.push(sentence)
      words += sentence.split(' ').length
    }
    paragraphs.push(paragraph.join(' '))
  }
  const lead = pick(used).replace(/[“”"‘’.,;:!?()]/g, '').split(' ').slice(0, 8).join(' ')
  const highlights: SyntheticHighlight[] = []
  for (let i = 0; i < HIGHLIGHTS_PER_ARTICLE; i++) {
    highlights.push({
      id: hex10('h', index * HIGHLIGHTS_PER_ARTICLE + i),
      quote: pick(used),
      comment: rand() < 0.5 ? '' : `Compare with ${pick(cast)}; ${pick(used).split(' ').slice(0, 8).join(' ')}`,
      tagIds: [...new Set([pick(TAGS), ...(rand() < 0.3 ? [pick(TAGS)] : [])])],
    })
  }
  const day = new Date(Date.UTC(2024, 11, 1) + Math.floor(rand() * 90) * 86_400_000).toISOString().slice(0, 10)
  return {
    id: hex10('a', index),
    title: `${lead}: ${cast[0]}`,
    outlet: pick(OUTLETS),
    published: day,
    bodyHash: `bench-${index}`,
    body: paragraphs.join('\n\n') + '\n',
    highlights,
  }
}
