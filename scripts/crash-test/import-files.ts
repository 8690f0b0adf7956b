/**
 * The folder the crash test's import part imports: a few hundred small-to-medium .txt
 * files plus a few .md and .html pages, made from a seed (same seed, same bytes). No
 * sentence appears twice, in one file or across files, so no file is a duplicate or a
 * likely rewrite of another: each file is one article, and a re-import of the folder
 * reports exactly the files already saved as duplicates. Each article's words are invented
 * for it (see topicWords), with common English words between them.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { prng, randomInt } from '../shared/corpus'

export interface ImportFile {
  /** File name inside the folder. */
  name: string
  /** sha256 of its bytes: what the notebook's original of it must hash to. */
  hash: string
}

export interface ImportFolder {
  dir: string
  files: ImportFile[]
  bytes: number
}

const COMMON = (
  'the of and to in that was for on with as by at from said after before while officials ' +
  'reported near under against during between about would could its their a an this which ' +
  'where when also later earlier week month statement ministry council report border port ' +
  'convoy talks agreement forces residents survey harbour coast road bridge river valley'
).split(' ')
const CONSONANTS = 'bcdfghklmnprstvz'
const VOWELS = 'aeiou'

/**
 * Invented words for one article, drawn fresh (consonant-vowel pairs: the first five
 * letters, what the fingerprint keeps of a word, rarely match another article's), so two
 * articles share only the common English words, like two stories on different subjects.
 */
function topicWords(rand: () => number, count: number): string[] {
  const pick = (letters: string) => letters[randomInt(rand, 0, letters.length - 1)]!
  return Array.from({ length: count }, () => {
    let word = ''
    for (let s = randomInt(rand, 3, 4); s > 0; s--) word += pick(CONSONANTS) + pick(VOWELS)
    return rand() < 0.5 ? word + pick(CONSONANTS) : word
  })
}

const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1)

class SentenceMaker {
  readonly #seen = new Set<string>()
  words: readonly string[] = []
  constructor(private readonly rand: () => number) {}

  /** A sentence never made before by this maker, from `words` and common English words. */
  next(): string {
    for (;;) {
      const n = randomInt(this.rand, 8, 24)
      const ws = Array.from({ length: n }, (_, i) =>
        i % 2 === 1 && this.rand() < 0.6 ? COMMON[randomInt(this.rand, 0, COMMON.length - 1)]! : this.words[randomInt(this.rand, 0, this.words.length - 1)]!,
      )
      const sentence = `${capital(ws.join(' '))}.`
      if (this.#seen.has(sentence)) continue
      this.#seen.add(sentence)
      return sentence
    }
  }
}

interface Article {
  title: string
  paragraphs: string[]
}

function article(rand: () => number, sentences: SentenceMaker, index: number): Article {
  // Mostly small (60-300 words), some medium (up to 1,200).
  const target = rand() < 0.8 ? randomInt(rand, 60, 300) : randomInt(rand, 300, 1_200)
  sentences.words = topicWords(rand, randomInt(rand, 100, 300))
  const title = `${sentences.next().replace(/\.$/, '').split(' ').slice(0, randomInt(rand, 4, 9)).join(' ')} (${index})`
  const paragraphs: string[] = []
  let words = 0
  while (words < target) {
    const paragraph: string[] = []
    for (let s = randomInt(rand, 2, 5); s > 0; s--) {
      const sentence = sentences.next()
      paragraph.push(sentence)
      words += sentence.split(' ').length
    }
    paragraphs.push(paragraph.join(' '))
  }
  return { title, paragraphs }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function render(a: Article, kind: 'txt' | 'md' | 'html', date: string): string {
  if (kind === 'md') return `# ${a.title}\n\n*${date}*\n\n${a.paragraphs.join('\n\n')}\n`
  if (kind === 'html') {
    const body = a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')
    return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title></head>\n<body><article><h1>${escapeHtml(a.title)}</h1>\n<p><time datetime="${date}">${date}</time></p>\n${body}\n</article></body></html>\n`
  }
  return `${a.title}\n${date}\n\n${a.paragraphs.join('\n\n')}\n`
}

/** Writes `txt` .txt files and `other` each of .md and .html into `dir` (created). */
export async function writeImportFolder(dir: string, seed: number, txt = 300, other = 6): Promise<ImportFolder> {
  const rand = prng(seed)
  const sentences = new SentenceMaker(rand)
  await mkdir(dir, { recursive: true })
  // The .md and .html files among the .txt ones (the import takes files in name order).
  const kinds: ('txt' | 'md' | 'html')[] = Array<'txt'>(txt).fill('txt')
  for (const kind of ['md', 'html'] as const) for (let n = 0; n < other; n++) kinds.splice(randomInt(rand, 0, kinds.length), 0, kind)
  const files: ImportFile[] = []
  let bytes = 0
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i]!
    const date = `20${randomInt(rand, 20, 25)}-${String(randomInt(rand, 1, 12)).padStart(2, '0')}-${String(randomInt(rand, 1, 28)).padStart(2, '0')}`
    const data = Buffer.from(render(article(rand, sentences, i + 1), kind, date))
    const name = `article-${String(i + 1).padStart(3, '0')}.${kind}`
    await writeFile(join(dir, name), data)
    files.push({ name, hash: createHash('sha256').update(data).digest('hex') })
    bytes += data.length
  }
  return { dir, files, bytes }
}
