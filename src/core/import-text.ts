/**
 * Turns the text of a saved article into a stored article draft: normalised text plus
 * the metadata the file states (title, outlet, author, date, URL, language), each with
 * where it was found, and the full analysis (furniture, damage flags, fingerprint) for
 * the caller to store. Nothing is invented: a field the file does not state stays null;
 * only the title, which an article must have, falls back to the first sentence or the
 * file name, and says so.
 */
import { analyseText, type StructuralMeta, type TextAnalysis } from './analysis/analyse'
import type { Article } from './model'
import { collapseWhitespace, normaliseText } from './text'

export interface ArticleDraft {
  text: string
  title: string
  outlet: string | null
  author: string | null
  published: string | null
  url: string | null
  metaSources: Article['metaSources']
  /** Words of the article itself: furniture and the headline, date and byline lines left out. */
  wordCount: number
  /** Language (BCP-47), furniture, damage flags and fingerprint, offsets into `text`. */
  analysis: TextAnalysis
}

/**
 * `raw` is the decoded text (or the text a format extractor produced); `structural` is
 * metadata from the file's structure (HTML meta/JSON-LD, PDF info), which wins over the text.
 */
export function draftArticleFromText(raw: string, fileName: string, structural?: StructuralMeta): ArticleDraft {
  const text = normaliseText(raw)
  const analysis = analyseText(text, structural ? { fileName, structural } : { fileName })
  const { meta } = analysis
  const metaSources: Article['metaSources'] = {}
  for (const field of ['title', 'outlet', 'author', 'published', 'url'] as const) {
    if (meta[field].value !== null) metaSources[field] = meta[field].source
  }
  let title = meta.title.value
  if (title === null) {
    const fallback = fallbackTitle(text, fileName, analysis)
    title = fallback.value
    metaSources.title = fallback.source
  }
  return {
    text,
    title: truncateAtWord(title, 499),
    outlet: meta.outlet.value,
    author: meta.author.value,
    published: meta.published.value,
    url: meta.url.value,
    metaSources,
    wordCount: meta.wordCount.value,
    analysis,
  }
}

/** How much of the first line a fallback title is looked for in: a title is cut to 100 characters anyway. */
const TITLE_SCAN_CHARS = 1_000

/**
 * A title for a file that states none: its first sentence, shortened; else the file name.
 * Only the start of the first non-blank line is read, so the cost does not grow with the
 * text (an 11 MB line without a sentence end once overflowed the regex engine's stack).
 */
export function fallbackTitle(text: string, fileName: string, analysis?: TextAnalysis): { value: string; source: string } {
  const end = analysis ? analysis.article.end : text.length
  const firstChar = /\S/g
  firstChar.lastIndex = analysis ? analysis.article.start : 0
  const from = firstChar.exec(text)?.index ?? end
  if (from < end) {
    const newline = text.indexOf('\n', from)
    const lineEnd = newline === -1 || newline > end ? end : newline
    const head = collapseWhitespace(text.slice(from, Math.min(lineEnd, from + TITLE_SCAN_CHARS)))
    const sentence = /^(.{10,}?[.!?])(\s|$)/u.exec(head)?.[1] ?? head
    return { value: truncateAtWord(sentence, 100), source: 'first sentence (the file states no headline)' }
  }
  return { value: fileName, source: 'file name' }
}

export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`
}
