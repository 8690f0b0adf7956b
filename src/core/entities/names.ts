/**
 * The names a notebook uses, as the variant suggester needs them (variants.ts), gathered
 * so a store can keep them in step article by article: `extractNames(text)` reads one
 * article (pure, cacheable by its body), `NameTally` adds and removes articles' names and
 * answers `candidates()`.
 *
 * What counts as a name (notes/entities.md, "Suggestion rules"): a word in a cased script
 * (Latin, Cyrillic, Greek) written with a capital first letter that does not start a
 * sentence or line, and runs of 2–4 such capitalised words ("Hayat Tahrir al-Sham",
 * "Abu Mohammed al-Jolani": the article is part of the run). Words of 3+ letters with no
 * digit, not English stop words. Lines that look like headlines or headings (3+ words,
 * 60% of them capitalised, no full stop at the end) are left out, since title case capitalises every word. The same
 * word written in lower case anywhere in the notebook is counted too: a word more often in
 * lower case than capitalised is a common word, not a name ("Constructor" / "constructor").
 * Uncased scripts (Arabic) are left out: there, the key already unifies the spellings.
 */
import { STOP_WORDS } from '../search/fold'
import { keyTokens, type KeyToken } from './normalise'

/** One name (key) in one article. */
export interface NameInArticle {
  /** The spelling seen first. */
  surface: string
  /** Capitalised occurrences mid-sentence (or in a run of capitalised words). */
  count: number
  /** The first line it was seen on, at most 200 characters. */
  example: string
}

/** One article's names, and its words in lower case: what a store keeps per article to feed `NameTally`. */
export interface ArticleNames {
  names: Map<string, NameInArticle>
  /** Every word of 3+ letters written in lower case, with its count (outside headlines). */
  lower: Map<string, number>
}

export const MAX_RUN_WORDS = 4
const EXAMPLE_CHARS = 200
const UPPER_RE = /\p{Lu}/u
const LOWER_RE = /\p{Ll}/u
const SENTENCE_END_RE = /[.!?:\n]/

type Case = 'upper' | 'lower' | 'none'

function caseOf(text: string, t: KeyToken): Case {
  const c = text.charCodeAt(t.start)
  // ASCII fast path; a token that may start with a dropped article ("al-", "el-") is read below.
  if (c >= 65 && c <= 90) return 'upper'
  if (c >= 97 && c <= 122 && c !== 97 && c !== 101) return 'lower'
  if (c >= 48 && c <= 57) return 'none'
  const slice = text.slice(t.start, t.end)
  // A token starting with a dropped article ("al-Sham") is capitalised by its last part.
  const core = Math.max(slice.lastIndexOf('-'), slice.lastIndexOf(' '), slice.lastIndexOf('\u2010'), slice.lastIndexOf('\u2011')) + 1
  const ch = String.fromCodePoint(slice.codePointAt(core) ?? 32)
  return UPPER_RE.test(ch) ? 'upper' : LOWER_RE.test(ch) ? 'lower' : 'none'
}

/** Whether a token starts a sentence or a line: only spaces, quotes or brackets after . ! ? : or a line break (not ;). */
function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text[i]!
    if (SENTENCE_END_RE.test(ch)) return true
    if (/[\s"'“”‘’«»([{*#>•–—-]/.test(ch)) continue
    return false
  }
  return true
}

/** Whether text[from, to) is one or two spaces or tabs. */
function spacesOnly(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 2) return false
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false
  return true
}

function lineAround(text: string, at: number): { start: number; end: number } {
  const s = text.lastIndexOf('\n', at - 1) + 1
  const e = text.indexOf('\n', at)
  return { start: s, end: e < 0 ? text.length : e }
}

const SPACE_RE = /\s/

/** The line around a name, at most EXAMPLE_CHARS, cut between words, with … where it goes on. */
function exampleLine(text: string, t: KeyToken): string {
  const line = lineAround(text, t.start)
  let from = Math.max(line.start, t.start - EXAMPLE_CHARS / 2)
  let to = Math.min(line.end, from + EXAMPLE_CHARS)
  if (from > line.start && !SPACE_RE.test(text[from - 1]!)) {
    while (from < t.start && !SPACE_RE.test(text[from]!)) from++
  }
  if (to < line.end && !SPACE_RE.test(text[to]!)) {
    let back = to
    while (back > t.end && !SPACE_RE.test(text[back - 1]!)) back--
    if (back > t.end) to = back
  }
  return `${from > line.start ? '…' : ''}${text.slice(from, to).trim()}${to < line.end ? '…' : ''}`
}

const DIGIT_RE = /\p{N}/u

function isNameWord(key: string): boolean {
  if (key.length < 3 || STOP_WORDS.has(key)) return false
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c >= 48 && c <= 57) return false
    if (c >= 0x80) return !DIGIT_RE.test(key)
  }
  return true
}

/** The names of one article (see the file comment). Linear in the text's length. */
export function extractNames(text: string): ArticleNames {
  const tokens = keyTokens(text)
  const names = new Map<string, NameInArticle>()
  const lowerSeen = new Map<string, number>()
  const cases = tokens.map((t) => caseOf(text, t))
  // Headline lines: 3+ words, 60%+ capitalised, not ending like a sentence.
  const headline = new Uint8Array(tokens.length)
  for (let i = 0; i < tokens.length; ) {
    const line = lineAround(text, tokens[i]!.start)
    let j = i
    let caps = 0
    while (j < tokens.length && tokens[j]!.start < line.end) caps += cases[j++] === 'upper' ? 1 : 0
    const sentence = /[.!?]["'”’)]*\s*$/.test(text.slice(tokens[j - 1]!.end, line.end))
    if (j - i >= 3 && caps / (j - i) >= 0.6 && !sentence) headline.fill(1, i, j)
    i = Math.max(j, i + 1)
  }
  const bump = (key: string, t: KeyToken, surface: string) => {
    const seen = names.get(key)
    if (seen !== undefined) seen.count++
    else names.set(key, { surface, count: 1, example: exampleLine(text, t) })
  }
  let run: number[] = []
  const closeRun = () => {
    if (run.length >= 2 && run.length <= MAX_RUN_WORDS) {
      const first = tokens[run[0]!]!
      const last = tokens[run[run.length - 1]!]!
      bump(run.map((k) => tokens[k]!.key).join(' '), first, text.slice(first.start, last.end).replace(/\s+/g, ' '))
    }
    run = []
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const c = cases[i]!
    if (c === 'lower') {
      closeRun()
      if (headline[i] === 0 && isNameWord(t.key)) lowerSeen.set(t.key, (lowerSeen.get(t.key) ?? 0) + 1)
      continue
    }
    if (c !== 'upper' || headline[i] === 1 || !isNameWord(t.key)) {
      closeRun()
      continue
    }
    const prev = tokens[run[run.length - 1] ?? -1]
    if (prev !== undefined && !spacesOnly(text, prev.end, t.start)) closeRun()
    run.push(i)
    if (!startsSentence(text, t.start)) bump(t.key, t, text.slice(t.start, t.end))
  }
  closeRun()
  return { names, lower: lowerSeen }
}

/** A name across the notebook, with its evidence. */
export interface NameCandidate {
  key: string
  /** The most frequent spelling. */
  text: string
  count: number
  /** How often the notebook writes it in lower case (single words). */
  lower: number
  /** Articles it appears in (all of them). */
  articleIds: string[]
  /** Up to 3 lines it appears on, with their article. */
  examples: { articleId: string; line: string }[]
}

interface Tallied {
  surfaces: Map<string, number>
  count: number
  articles: Map<string, string> // articleId -> example line
}

/**
 * The names of a notebook, kept in step with its articles: `add` each article's names
 * when it is imported or changed (after `remove` of its old names), `remove` them when it
 * is deleted. Keyed by text from documents, so only Maps.
 */
export class NameTally {
  private readonly names = new Map<string, Tallied>()
  private readonly lower = new Map<string, number>()

  add(articleId: string, article: ArticleNames): void {
    for (const [key, n] of article.names) {
      let t = this.names.get(key)
      if (t === undefined) {
        t = { surfaces: new Map(), count: 0, articles: new Map() }
        this.names.set(key, t)
      }
      t.surfaces.set(n.surface, (t.surfaces.get(n.surface) ?? 0) + n.count)
      t.count += n.count
      t.articles.set(articleId, n.example)
    }
    for (const [key, n] of article.lower) this.lower.set(key, (this.lower.get(key) ?? 0) + n)
  }

  /**
   * Adds lower-case word counts alone (summed over articles), for a tally rebuilt from
   * articles' names kept apart from the notebook's lower-case counts (name-cache.ts):
   * `add(id, { names, lower: empty })` per article plus this gives the same candidates
   * as `add` of each article whole.
   */
  addLowerCounts(counts: ReadonlyMap<string, number>): void {
    for (const [key, n] of counts) this.lower.set(key, (this.lower.get(key) ?? 0) + n)
  }

  /** Takes back what `add` added for this article (pass the same `ArticleNames`). */
  remove(articleId: string, article: ArticleNames): void {
    for (const [key, n] of article.lower) {
      const left = (this.lower.get(key) ?? 0) - n
      if (left > 0) this.lower.set(key, left)
      else this.lower.delete(key)
    }
    for (const [key, n] of article.names) {
      const t = this.names.get(key)
      if (t === undefined || !t.articles.has(articleId)) continue
      const left = (t.surfaces.get(n.surface) ?? 0) - n.count
      if (left > 0) t.surfaces.set(n.surface, left)
      else t.surfaces.delete(n.surface)
      t.count -= n.count
      t.articles.delete(articleId)
      if (t.articles.size === 0) this.names.delete(key)
    }
  }

  /** Distinct names held. */
  get size(): number {
    return this.names.size
  }

  /** Names seen capitalised (mid-sentence) at least `minCount` times and more often capitalised than not. */
  candidates(minCount = 1): NameCandidate[] {
    const out: NameCandidate[] = []
    for (const [key, t] of this.names) {
      const lower = this.lower.get(key) ?? 0
      if (t.count < minCount || t.count <= lower) continue
      let text = ''
      let best = -1
      for (const [s, c] of t.surfaces) if (c > best) [text, best] = [s, c]
      const examples = [...t.articles].slice(0, 3).map(([articleId, line]) => ({ articleId, line }))
      out.push({ key, text, count: t.count, lower, articleIds: [...t.articles.keys()], examples })
    }
    return out
  }
}
