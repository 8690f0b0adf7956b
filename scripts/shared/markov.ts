/**
 * A word-level Markov chain over sentences, pure TS (no node:*): trained on real prose,
 * it writes new sentences with the vocabulary, word frequencies (Zipf-like) and local
 * phrasing of that prose. Order 2 by default: each word is drawn given the two before it,
 * which recombines the training text into sentences that mostly did not occur in it,
 * while order 3 would mostly copy it.
 *
 * Words are whitespace-separated tokens with their punctuation attached ("file,", "(see"),
 * so punctuation follows the training text too. The transitions are kept as sorted flat
 * arrays (compressed sparse rows), not a Map per state: a few million training words fit
 * in tens of megabytes and train in a few seconds.
 */

/** Where one sentence ends and the next begins in running text (see splitSentences). */
export const SENTENCE_BOUNDARY = /(?<=[.!?][”"’)]?)\s+(?=[“"‘(]?[A-Z0-9])/

/**
 * A paragraph's sentences: split after ., ! or ? (and a closing quote or parenthesis)
 * where the next word starts with a capital, a digit or an opening quote. Abbreviations
 * such as "e.g. the" do not split; "Dr. Smith" does, as in most simple splitters.
 */
export function splitSentences(paragraph: string): string[] {
  return paragraph.split(SENTENCE_BOUNDARY).filter((s) => s.length > 0)
}

/** A sentence as the chain learns and writes them: capital or digit first, ., ! or ? last. */
export function isWellFormedSentence(sentence: string): boolean {
  return /^[“"‘(]?[A-Z0-9]/.test(sentence) && /[.!?][”"’)]?$/.test(sentence)
}

const START = 0
const END = 1
/** Token ids fit in 21 bits, so a state (two ids) is exact in a double and a transition in 63 bits. */
const ID_BITS = 21
const MAX_TOKENS = 2 ** ID_BITS

export interface TrainingSummary {
  sentences: number
  words: number
  vocabulary: number
  states: number
}

export class MarkovModel {
  private constructor(
    /** Token id -> token; 0 and 1 are the sentence start and end marks. */
    private readonly tokens: readonly string[],
    /** Sorted state keys (previous two token ids). */
    private readonly keys: Float64Array,
    /** For state i, its transitions are next[offsets[i]] .. next[offsets[i + 1] - 1]. */
    private readonly offsets: Uint32Array,
    private readonly next: Uint32Array,
    /** Cumulative counts, parallel to `next`, restarting at each state. */
    private readonly cumulative: Uint32Array,
    readonly summary: TrainingSummary,
  ) {}

  /** Trains an order-2 chain on sentences (each one whole sentence of real prose). */
  static train(sentences: Iterable<string>): MarkovModel {
    const ids = new Map<string, number>()
    const tokens = ['\u0002', '\u0003']
    const intern = (word: string): number => {
      let id = ids.get(word)
      if (id === undefined) {
        id = tokens.length
        if (id >= MAX_TOKENS) throw new Error(`the training text has more than ${MAX_TOKENS} distinct words`)
        ids.set(word, id)
        tokens.push(word)
      }
      return id
    }
    let packed = new BigUint64Array(1 << 20)
    let count = 0
    let sentenceCount = 0
    let words = 0
    const push = (a: number, b: number, c: number): void => {
      if (count === packed.length) {
        const bigger = new BigUint64Array(packed.length * 2)
        bigger.set(packed)
        packed = bigger
      }
      packed[count++] = (BigInt(a) << 42n) | (BigInt(b) << 21n) | BigInt(c)
    }
    for (const sentence of sentences) {
      const parts = sentence.split(/\s+/).filter((w) => w.length > 0)
      if (parts.length === 0) continue
      sentenceCount++
      words += parts.length
      let a = START
      let b = START
      for (const part of parts) {
        const c = intern(part)
        push(a, b, c)
        a = b
        b = c
      }
      push(a, b, END)
    }
    const sorted = packed.subarray(0, count).sort()
    // One pass over the sorted transitions: runs of equal (state, next) are counted.
    const keys: number[] = []
    const offsets: number[] = []
    const next = new Uint32Array(count)
    const cumulative = new Uint32Array(count)
    let n = 0
    let lastState = -1n
    let lastNext = -1
    const mask = BigInt(MAX_TOKENS - 1)
    for (let i = 0; i < count; i++) {
      const value = sorted[i]!
      const state = value >> 21n
      const c = Number(value & mask)
      if (state !== lastState) {
        keys.push(Number(state))
        offsets.push(n)
        lastState = state
        lastNext = -1
      }
      if (c === lastNext) {
        cumulative[n - 1]!++
      } else {
        next[n] = c
        cumulative[n] = (n > offsets[offsets.length - 1]! ? cumulative[n - 1]! : 0) + 1
        n++
        lastNext = c
      }
    }
    offsets.push(n)
    return new MarkovModel(tokens, Float64Array.from(keys), Uint32Array.from(offsets), next.slice(0, n), cumulative.slice(0, n), {
      sentences: sentenceCount,
      words,
      vocabulary: tokens.length - 2,
      states: keys.length,
    })
  }

  /**
   * A new sentence: words drawn one after another until the chain ends one. Null when it
   * runs past `maxWords` (the caller draws again).
   */
  sentence(rand: () => number, maxWords = 60): string | null {
    const out: string[] = []
    let a = START
    let b = START
    for (;;) {
      const c = this.#draw(a * MAX_TOKENS + b, rand)
      if (c === END) return out.join(' ')
      if (out.length === maxWords) return null
      out.push(this.tokens[c]!)
      a = b
      b = c
    }
  }

  #draw(key: number, rand: () => number): number {
    const { keys, offsets, next, cumulative } = this
    let lo = 0
    let hi = keys.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (keys[mid]! < key) lo = mid + 1
      else hi = mid
    }
    if (keys[lo] !== key) return END
    const from = offsets[lo]!
    const to = offsets[lo + 1]!
    const target = Math.floor(rand() * cumulative[to - 1]!) + 1
    // The first transition whose cumulative count reaches the target.
    let i = from
    let j = to - 1
    while (i < j) {
      const mid = (i + j) >>> 1
      if (cumulative[mid]! < target) i = mid + 1
      else j = mid
    }
    return next[i]!
  }
}
