/**
 * Page furniture: leading and trailing lines saved with an article that are not the
 * article (site taglines, stray markup words, cookie banners, "more on this theme" lists,
 * copyright and "follow us" lines, related-article headlines). They stay in the stored
 * text; the reader folds them away and shows what was hidden.
 *
 * Conservative by design: only whole lines at the very beginning or end are considered,
 * scanning stops at the first line that could be article text, a headline list needs
 * its heading or its timestamps, and a lone trailing headline is taken only when it sits
 * under a finished prose paragraph in an article whose paragraphs end like sentences.
 */
import { parseTimestampLine } from '../date-lines'
import { endsLikeSentence, isHeadlineLike, isProse, quote, stripMarks, type Line } from './lines'

export type FurnitureKind =
  | 'stray-word'
  | 'section-label'
  | 'tagline'
  | 'navigation'
  | 'cookie-banner'
  | 'advertisement'
  | 'related-list'
  | 'related-headline'
  | 'tags'
  | 'social'
  | 'copyright'

export interface Furniture {
  /** Offset of the first character of the first line. */
  start: number
  /** Offset just past the last character of the last line (before its newline). */
  end: number
  kind: FurnitureKind
  /** What was hidden, in words, for the fold: e.g. `cookie banner ("News" / "Dismiss")`. */
  label: string
}

/** Furniture with the non-blank line indexes it covers, for the analysis that follows. */
export interface FurnitureGroup extends Furniture {
  from: number
  to: number
}

const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b/i
const SOCIAL =
  /^(?:follow us|follow .{1,40} on (?:twitter|x|facebook|instagram|telegram|linkedin|youtube|whatsapp)|share(?: this| the)?(?: article| story| page| post)?|share (?:on|via) .{1,30}|tweet(?: this)?|print(?: this)?(?: article| page)?|e-?mail(?: this)?(?: article| story)?|subscribe(?: to .{1,60}| now)?|sign up(?: for .{1,60}| now)?|join us on .{1,30}|like us on facebook|connect with us|stay connected|download (?:our|the) app)(?: on .{1,40})?[.!:]?$/i
const COOKIE_ACTION =
  /^(?:dismiss|accept(?: all)?(?: cookies)?|i accept|i agree|agree(?: and close)?|got it|ok(?:ay)?|close|reject(?: all)?|decline|allow(?: all)?(?: cookies)?|manage (?:cookies|preferences|settings|options)|cookie (?:settings|preferences|policy))[.!]?$/i
const COOKIE_WORDS = /\bcookies?\b/i
const COOKIE_CONTEXT = /\b(?:we use|this (?:site|website) uses|uses cookies|accept|consent|by continuing|privacy|your experience)\b/i
const ADVERT =
  /^(?:advertisement|advertising|sponsored(?: content)?|promoted(?: content)?|ad|scroll to continue(?: with content)?|story continues below(?: advertisement)?)$/i
const NAVIGATION =
  /^(?:home|menu|search|news|comments?(?: \(\d+\))?|\d+ comments?|back to top|top|next|previous|prev|sign in|log ?in|register|skip to (?:main )?content|open menu|close menu|listen(?: to this article)?|more)$/i
const TAGS = /^(?:tags|topics|filed under|categories|related topics)\s*:/i
const LIST_HEADING =
  /^(?:more on (?:this )?(?:theme|topic|story|subject)|more (?:stories|news|articles|coverage|headlines)|more from .{1,40}|related(?: (?:articles?|stories|news|content|coverage|reading|posts|topics|links))?|read (?:more|next|also)|see also|also read|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared)|popular(?: now| stories)?|trending(?: now| stories)?|latest(?: news| stories| articles| headlines)?|top stories|editor'?s picks|what to read next)\s*:?$/i
/** A line ending in one of these is a cut-off sentence, not a headline. */
const DANGLING = /\b(?:the|a|an|of|to|and|or|but|at|in|on|for|with|from|by|as|that|which|who|its|their|his|her|was|were|is|are|has|had|have)$/i
/** Credits and sign-offs belong to the article even when they look like a short line. */
const CREDIT = /\b(?:reporting|editing|writing|contributed|contributing|translated|translation|photo|photograph|image|video)\b|^[(\-–—*]/i

const timestamps = new WeakMap<Line, boolean>()
/** A line that is only a date-time (remembered per line: headline lists ask often). */
function isTimestamp(line: Line): boolean {
  let known = timestamps.get(line)
  if (known === undefined) {
    known = parseTimestampLine(line.text) !== null
    timestamps.set(line, known)
  }
  return known
}
const isCookieText = (line: Line) => line.words <= 80 && COOKIE_WORDS.test(line.text) && COOKIE_CONTEXT.test(line.text)
const isListHeading = (line: Line) => LIST_HEADING.test(stripMarks(line.text))
const isListHeadline = (line: Line) => !isTimestamp(line) && !isListHeading(line) && isHeadlineLike(line.text, 2, 25)

function group(lines: readonly Line[], from: number, to: number, kind: FurnitureKind, label: string): FurnitureGroup {
  return { start: lines[from]!.start, end: lines[to]!.end, kind, label, from, to }
}

/**
 * Furniture at the end of the text, bottom-up. `floor` is the first line that may be
 * furniture (lines above it are the header). Returns groups in text order.
 */
export function trailingFurniture(lines: readonly Line[], floor = 1): FurnitureGroup[] {
  const groups: FurnitureGroup[] = []
  let i = lines.length - 1
  let tookHeadlines = false
  while (i >= Math.max(floor, 1)) {
    const line = lines[i]!
    if (COPYRIGHT.test(line.text) && line.words <= 40) {
      groups.push(group(lines, i, i, 'copyright', `copyright line ${quote(line.text)}`))
      i--
      continue
    }
    if (SOCIAL.test(line.text) && line.words <= 12) {
      groups.push(group(lines, i, i, 'social', `social/sharing line ${quote(line.text)}`))
      i--
      continue
    }
    if (ADVERT.test(line.text)) {
      groups.push(group(lines, i, i, 'advertisement', `advertisement marker ${quote(line.text)}`))
      i--
      continue
    }
    if (TAGS.test(line.text) && line.words <= 40) {
      groups.push(group(lines, i, i, 'tags', `tag list ${quote(line.text)}`))
      i--
      continue
    }
    if (COOKIE_ACTION.test(line.text) || isCookieText(line)) {
      let from = i
      while (from - 1 >= floor && i - from < 4) {
        const above = lines[from - 1]!
        const short = above.words <= 3 && !endsLikeSentence(above.text) && !isTimestamp(above)
        if (COOKIE_ACTION.test(above.text) || isCookieText(above) || short) from--
        else break
      }
      const parts = lines.slice(from, i + 1).map((l) => quote(l.text, 40))
      groups.push(group(lines, from, i, 'cookie-banner', `cookie banner (${parts.join(' / ')})`))
      i = from - 1
      continue
    }
    const list = relatedList(lines, i, floor)
    if (list) {
      groups.push(list)
      i = list.from - 1
      continue
    }
    if (NAVIGATION.test(stripMarks(line.text))) {
      groups.push(group(lines, i, i, 'navigation', `navigation word ${quote(line.text)}`))
      i--
      continue
    }
    if (!tookHeadlines) {
      const headlines = relatedHeadlines(lines, i, floor)
      if (headlines) {
        groups.push(headlines)
        tookHeadlines = true
        i = headlines.from - 1
        continue
      }
    }
    break
  }
  // Furniture needs an article above it: a text without a prose line is left alone.
  const cut = groups.length === 0 ? lines.length : Math.min(...groups.map((g) => g.from))
  if (!lines.slice(0, cut).some(isProse)) return []
  return mergeAdjacent(groups.reverse())
}

/** A headline list ending at line `i`: under a heading ("MORE ON THEME"), or headlines paired with timestamps. */
function relatedList(lines: readonly Line[], i: number, floor: number): FurnitureGroup | null {
  let j = i
  let heading: Line | null = null
  while (j >= floor) {
    const line = lines[j]!
    if (isListHeading(line)) {
      heading = line
      break
    }
    if (isTimestamp(line) || isListHeadline(line)) j--
    else break
  }
  let from = heading ? j : j + 1
  if (!heading) {
    // Without a heading the list must start with a timestamp or a headline that has one
    // right below it, so the last line of the article is never swallowed.
    while (from <= i && !isTimestamp(lines[from]!) && !(from + 1 <= i && isTimestamp(lines[from + 1]!))) from++
  }
  if (from > i) return null
  const run = lines.slice(from, i + 1)
  const timestamps = run.filter(isTimestamp).length
  const headlines = run.filter(isListHeadline).length
  const ok = heading ? headlines >= 1 : timestamps >= 2 && headlines >= 2
  if (!ok) return null
  const what = `${headlines} headline${headlines === 1 ? '' : 's'}${timestamps > 0 ? ` with ${timestamps} timestamps` : ''}`
  const label = heading ? `${quote(heading.text)} list: ${what}` : `headline list: ${what}`
  return group(lines, from, i, 'related-list', label)
}

/**
 * One to five headline-like lines at the very end, directly under a finished prose
 * paragraph, in a text whose paragraphs end like sentences: links to related articles.
 */
function relatedHeadlines(lines: readonly Line[], i: number, floor: number): FurnitureGroup | null {
  let k = i
  while (k >= floor && i - k < 5) {
    const line = lines[k]!
    const ok =
      isHeadlineLike(line.text, 4, 20) &&
      !/[?!]["”’']?$|[)\]]$/u.test(line.text) &&
      !DANGLING.test(line.text) &&
      !CREDIT.test(line.text) &&
      !isTimestamp(line)
    if (!ok) break
    k--
  }
  if (k === i || k < 0) return null
  const above = lines[k]!
  if (!isProse(above)) return null
  const paragraphs = lines.slice(0, k + 1).filter((l) => l.words >= 12)
  const finished = paragraphs.filter((l) => endsLikeSentence(l.text)).length
  if (paragraphs.length === 0 || finished / paragraphs.length < 0.8) return null
  const count = i - k
  const label =
    count === 1
      ? `related-article headline ${quote(lines[i]!.text)}`
      : `${count} related-article headlines (${quote(lines[k + 1]!.text, 40)} …)`
  return group(lines, k + 1, i, 'related-headline', label)
}

/**
 * Furniture at the start: known banner and navigation lines, then (when the header was
 * found at `headerStart`) the short lines above it, such as a stray `clear` or a tagline.
 */
export function leadingFurniture(lines: readonly Line[], headerStart: number | null, ceiling: number): FurnitureGroup[] {
  const groups: FurnitureGroup[] = []
  let i = 0
  while (i < Math.min(ceiling, 10)) {
    const line = lines[i]!
    const kind: FurnitureKind | null =
      NAVIGATION.test(line.text) || /^skip to\b/i.test(line.text)
        ? 'navigation'
        : COOKIE_ACTION.test(line.text) || isCookieText(line)
          ? 'cookie-banner'
          : ADVERT.test(line.text)
            ? 'advertisement'
            : SOCIAL.test(line.text) && line.words <= 12
              ? 'social'
              : null
    if (!kind) break
    groups.push(group(lines, i, i, kind, `${KIND_NAMES[kind]} ${quote(line.text)}`))
    i++
  }
  if (headerStart !== null && headerStart > i && headerStart <= i + 4) {
    const above = lines.slice(i, headerStart)
    const allShort = above.every((l) => l.words <= 10 && l.text.length <= 100 && !(l.words > 3 && /[.!?]["”’']?$/u.test(l.text)))
    if (allShort) {
      for (const line of above) {
        const kind = shapeKind(line)
        groups.push(group(lines, line.index, line.index, kind, `${KIND_NAMES[kind]} ${quote(line.text)}`))
      }
    }
  }
  return mergeAdjacent(groups)
}

const KIND_NAMES: Record<FurnitureKind, string> = {
  'stray-word': 'stray word',
  'section-label': 'section label',
  tagline: 'site tagline',
  navigation: 'navigation',
  'cookie-banner': 'cookie banner',
  advertisement: 'advertisement marker',
  'related-list': 'headline list',
  'related-headline': 'related-article headline',
  tags: 'tag list',
  social: 'social/sharing line',
  copyright: 'copyright line',
}

function shapeKind(line: Line): FurnitureKind {
  if (line.words <= 2 && /^\p{Ll}/u.test(line.text)) return 'stray-word'
  if (line.words <= 3) return 'section-label'
  return 'tagline'
}

/** Joins neighbouring single lines of the same kind (several navigation words) into one range. */
function mergeAdjacent(groups: FurnitureGroup[]): FurnitureGroup[] {
  const out: FurnitureGroup[] = []
  for (const g of groups) {
    const last = out[out.length - 1]
    if (last && last.kind === g.kind && last.to + 1 === g.from && g.kind !== 'related-list' && g.kind !== 'cookie-banner') {
      out[out.length - 1] = { ...last, end: g.end, to: g.to, label: `${last.label}; ${g.label.replace(`${KIND_NAMES[g.kind]} `, '')}` }
    } else out.push(g)
  }
  return out
}
