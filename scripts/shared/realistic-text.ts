/**
 * Realistic generated articles for the benchmarks, pure TS (no node:*), deterministic from
 * a seed: what a notebook of thousands of real articles holds, without their copyright.
 *
 * - Sentences come from a Markov chain trained on real prose (markov.ts; the benchmarks
 *   train it on Debian's manual pages, see training-text.ts), so the vocabulary and word
 *   frequencies are those of real text (Zipf-like), and NO sentence occurs twice in the
 *   whole set: every sentence is checked against all sentences generated before it.
 *   Synthetic articles that reuse a few hundred sentences make every per-article
 *   structure (text-reuse fingerprints, search postings) far smaller than real ones.
 * - Lengths are log-normal: median about 800 words, from 150 to 20,000 (redrawn outside).
 * - Each article has a headline, the byline/dateline lines real articles use in many
 *   forms (or none; article-forms.ts), paragraphs of 1-6 sentences, quotes attributed to
 *   named people, sentences opening with names, places and dates, subheadings in long
 *   pieces, and sometimes furniture (copyright lines, sharing links) at the end.
 *
 * Articles are made in order: article n depends on the seed and on articles 0..n-1 (the
 * sentences already used), so the first 1,000 of a 10,000 set are the 1,000 set.
 */
import { type Cast, NameSource, randomDating, randomFooter, randomHeader, randomOpening, randomRole, OUTLETS, type Dating } from './article-forms'
import { isWellFormedSentence, type MarkovModel, splitSentences } from './markov'
import { hash53, normal, prng, seedOf } from './random'

/**
 * The median of the log-normal draw. Articles come out a little longer than drawn (the
 * last paragraph ends past the target, and draws under MIN_WORDS are redrawn): with 760
 * their median is about 800 words.
 */
export const MEDIAN_WORDS = 760
export const MIN_WORDS = 150
export const MAX_WORDS = 20_000
/** Spread of ln(words): about 3% of draws fall under 150 and are drawn again. */
export const LOG_SIGMA = 0.9
const MAX_SENTENCE_WORDS = 60

export interface GeneratedArticle {
  index: number
  /** The whole file: headline, header lines, blank line, paragraphs, optional footer. */
  text: string
  title: string
  /** Lines between the headline and the body. */
  header: string[]
  /** Body paragraphs, in order (subheadings are not among them). */
  paragraphs: string[]
  /** Lines after the body (furniture), possibly none. */
  footer: string[]
  /** Words in the body paragraphs. */
  words: number
  author: string | null
  outlet: string | null
  /** YYYY-MM-DD the article is dated, whether or not its header states it. */
  published: string
  /** Whether the header states the date. */
  dated: boolean
}

export interface GeneratorStats {
  articles: number
  sentences: number
  /** Sentences drawn again because they had been used before. */
  repeats: number
  /** Drawn again because they ran too long, were unbalanced or would split differently. */
  malformed: number
}

/** A target body length in words: log-normal around MEDIAN_WORDS, within [MIN_WORDS, MAX_WORDS]. */
export function drawLength(rand: () => number): number {
  for (;;) {
    const words = Math.round(MEDIAN_WORDS * Math.exp(LOG_SIGMA * normal(rand)))
    if (words >= MIN_WORDS && words <= MAX_WORDS) return words
  }
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s)

/** Each number, with even odds, replaced by another with as many digits (figures vary between articles). */
function varyNumbers(rand: () => number, s: string): string {
  return s.replace(/\b\d+\b/g, (n) => {
    if (rand() < 0.5) return n
    const low = n.length === 1 ? 0 : 10 ** (n.length - 1)
    return String(low + Math.floor(rand() * (10 ** n.length - low)))
  })
}

function balanced(s: string): boolean {
  let depth = 0
  for (const ch of s) {
    if (ch === '(') depth++
    else if (ch === ')' && --depth < 0) return false
  }
  return depth === 0 && (s.split('"').length - 1) % 2 === 0 && !/[“”]/.test(s)
}

export class ArticleGenerator {
  readonly #model: MarkovModel
  readonly #seed: number
  readonly #names: NameSource
  /** hash53 of every sentence (and heading) used so far. */
  readonly #seen = new Set<number>()
  readonly stats: GeneratorStats = { articles: 0, sentences: 0, repeats: 0, malformed: 0 }

  constructor(model: MarkovModel, seed: number) {
    this.#model = model
    this.#seed = seed
    this.#names = new NameSource(seedOf('names', seed))
  }

  /** The next article of the set; `targetWords` replaces the drawn length (for a long one). */
  next(targetWords?: number): GeneratedArticle {
    const index = this.stats.articles++
    const rand = prng(seedOf('dossier-realistic-article', this.#seed, index))
    const cast = this.#names.cast(rand)
    const when = randomDating(rand)
    const outletName = OUTLETS[Math.floor(rand() * rand() * OUTLETS.length)]!
    const drawn = drawLength(rand)
    const target = targetWords ?? drawn
    const title = this.#heading(rand, 6, 13)
    const header = randomHeader(rand, cast, outletName, when)

    const body: string[] = [] // paragraphs and subheadings, in order
    const paragraphs: string[] = []
    let words = 0
    let sinceHeading = 0
    while (words < target) {
      if (target > 2500 && sinceHeading >= 6 && rand() < 0.2) {
        body.push(this.#heading(rand, 2, 6))
        sinceHeading = 0
      }
      const sentences = rand() < 0.08 ? [this.#quote(rand, cast)] : this.#paragraph(rand, cast, when, target - words)
      let paragraph = sentences.join(' ')
      if (paragraphs.length === 0) paragraph = header.lead + paragraph
      paragraphs.push(paragraph)
      body.push(paragraph)
      sinceHeading++
      words += paragraph.split(' ').length
    }
    const footer = randomFooter(rand, cast, outletName, when, () => this.#heading(rand, 6, 12))
    const text = [[title, ...header.lines].join('\n'), ...body, ...(footer.length > 0 ? [footer.join('\n')] : [])].join('\n\n') + '\n'
    return { index, text, title, header: header.lines, paragraphs, footer, words, author: header.author, outlet: header.outlet, published: when.day, dated: header.dated }
  }

  #paragraph(rand: () => number, cast: Cast, when: Dating, wordsLeft: number): string[] {
    const count = Math.min(1 + Math.floor(rand() * 3) + Math.floor(rand() * 3), Math.max(1, Math.round(wordsLeft / 20)))
    const out: string[] = []
    for (let i = 0; i < count; i++) {
      out.push(
        this.#sentence(rand, (drawn) => {
          const s = varyNumbers(rand, drawn)
          const r = rand()
          const person = (): string => cast.people[Math.floor(rand() * cast.people.length)]!
          if (r < 0.06 && s.endsWith('.')) return `${s.slice(0, -1)}, ${person()} said.`
          if (r < 0.1) return `${person()}, ${randomRole(rand)}, said that ${lowerFirst(s)}`
          if (r < 0.18) return `${randomOpening(rand, cast, when)} ${lowerFirst(s)}`
          return s
        }),
      )
    }
    return out
  }

  /** A one-sentence paragraph quoting a named person. */
  #quote(rand: () => number, cast: Cast): string {
    return this.#sentence(rand, (s) => {
      if (!s.endsWith('.')) return s
      const person = cast.people[Math.floor(rand() * cast.people.length)]!
      return rand() < 0.5 ? `“${s.slice(0, -1)},” said ${person}, ${randomRole(rand)}.` : `${person}, ${randomRole(rand)}, said: “${s}”`
    })
  }

  /**
   * A sentence never used before in the set, `shape`d (names, openings, quotes). It must
   * stay one sentence for splitSentences, so a reader splitting the text finds it whole.
   */
  #sentence(rand: () => number, shape: (s: string) => string): string {
    for (;;) {
      const drawn = this.#model.sentence(rand, MAX_SENTENCE_WORDS)
      if (drawn === null || !isWellFormedSentence(drawn) || !balanced(drawn)) {
        this.stats.malformed++
        continue
      }
      const sentence = shape(drawn)
      if (splitSentences(sentence).length !== 1) {
        this.stats.malformed++
        continue
      }
      const key = hash53(sentence)
      if (this.#seen.has(key)) {
        this.stats.repeats++
        continue
      }
      this.#seen.add(key)
      this.stats.sentences++
      return sentence
    }
  }

  /** A headline or subheading: the start of a new sentence, without its final punctuation. */
  #heading(rand: () => number, min: number, max: number): string {
    for (;;) {
      const drawn = this.#model.sentence(rand, MAX_SENTENCE_WORDS)
      if (drawn === null || !isWellFormedSentence(drawn)) continue
      const words = drawn.split(' ')
      if (words.length < min) continue
      const heading = words
        .slice(0, min + Math.floor(rand() * (max - min + 1)))
        .join(' ')
        .replace(/[,;:.!?()"“”]+$/, '')
      const key = hash53(`\u0001${heading}`)
      if (heading.split(' ').length < min || this.#seen.has(key)) continue
      this.#seen.add(key)
      return heading
    }
  }
}
