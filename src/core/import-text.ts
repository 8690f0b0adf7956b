/**
 * Turns the text of a saved article into a stored article draft: normalised text plus
 * the metadata the file states (title, outlet, author, date, URL, language), each with
 * where it was found, and the full analysis (furniture, damage flags, fingerprint) for
 * the caller to store. Nothing is invented: a field the file does not state stays null;
 * only the title, which an article must have, falls back to the first sentence or the
 * file name, and says so.
 *
 * Hygiene at the door (src/core/text-hygiene.ts): control characters are removed from
 * the text before it is normalised (and flagged), and every metadata value is cleaned of
 * invisible and control characters, its source saying what was removed. A URL that is
 * not a safe article URL (src/core/urls.ts) is not kept.
 */
import { analyseText, type StructuralMeta, type TextAnalysis } from './analysis/analyse'
import type { TextFlag } from './analysis/flags'
import { normaliseStatedDate } from './date-lines'
import type { Article } from './model'
import { normaliseText } from './text'
import { cleanMetaText, controlCharactersFlag, describeRemoved, removeControlCharacters } from './text-hygiene'
import { isSafeArticleUrl } from './urls'

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
  const { text, flag } = storedTextOf(raw)
  const analysis = analyseText(text, structural ? { fileName, structural } : { fileName })
  if (flag) analysis.flags.unshift(flag)
  const { meta } = analysis
  const metaSources: Article['metaSources'] = {}
  const values: Record<'title' | 'outlet' | 'author' | 'url', string | null> = { title: null, outlet: null, author: null, url: null }
  for (const field of ['title', 'outlet', 'author', 'url'] as const) {
    const stated = meta[field]
    if (stated.value === null) continue
    const cleaned = cleanMetaText(stated.value)
    if (cleaned.value.length === 0 || (field === 'url' && !isSafeArticleUrl(cleaned.value))) continue
    const removed = describeRemoved(cleaned.removed)
    values[field] = cleaned.value
    metaSources[field] = removed ? `${stated.source} (${removed})` : stated.source
  }
  // With no date, the source is kept only when it names the file's own date (analyse.ts withFileDate).
  const fileDate = structural?.created ? normaliseStatedDate(structural.created.value) : null
  if (meta.published.value !== null || fileDate !== null) metaSources.published = meta.published.source
  let title = values.title
  if (title === null) {
    const fallback = fallbackTitle(text, fileName, analysis)
    title = fallback.value
    metaSources.title = fallback.source
  }
  return {
    text,
    title: truncateAtWord(title, 499),
    outlet: values.outlet,
    author: values.author,
    published: meta.published.value,
    url: values.url,
    metaSources,
    wordCount: meta.wordCount.value,
    analysis,
  }
}

/**
 * The text an import stores for `raw`: control characters removed (reported as a flag),
 * then `normaliseText`. Bodies stored before the removal step existed are plain
 * `normaliseText(raw)`; check-content.ts tries both when it re-derives a body.
 */
export function storedTextOf(raw: string): { text: string; flag: TextFlag | null } {
  const removal = removeControlCharacters(raw)
  return { text: normaliseText(removal.text), flag: controlCharactersFlag(removal) }
}

/** How much of a line a fallback title is looked for in: a title is cut to 100 characters anyway. */
const TITLE_SCAN_CHARS = 1_000

/**
 * A title for a file that states none: its first sentence, shortened; else the file name.
 * Only the start of each line is read, so the cost does not grow with the text (an 11 MB
 * line without a sentence end once overflowed the regex engine's stack).
 */
export function fallbackTitle(text: string, fileName: string, analysis?: TextAnalysis): { value: string; source: string } {
  const end = analysis ? analysis.article.end : text.length
  const nonBlank = /\S/g
  nonBlank.lastIndex = analysis ? analysis.article.start : 0
  for (let found = nonBlank.exec(text); found && found.index < end; found = nonBlank.exec(text)) {
    const newline = text.indexOf('\n', found.index)
    const lineEnd = newline === -1 || newline > end ? end : newline
    const head = cleanMetaText(text.slice(found.index, Math.min(lineEnd, found.index + TITLE_SCAN_CHARS))).value
    if (head.length > 0) {
      const sentence = /^(.{10,}?[.!?])(\s|$)/u.exec(head)?.[1] ?? head
      return { value: truncateAtWord(sentence, 100), source: 'first sentence (the file states no headline)' }
    }
    nonBlank.lastIndex = lineEnd + 1
  }
  return { value: cleanMetaText(fileName).value || 'Untitled', source: 'file name' }
}

export function truncateAtWord(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[,;:\s]+$/, '')}…`
}
