/**
 * The attribution finder (notes/sourcing.md): in a passage, the phrases that say where
 * the information came from, each classified as
 * - **secondary**: the text relays another outlet, agency or person ("Reuters reports",
 *   "according to TRT media", "told Reuters", "citing Russian and Syrian sources",
 *   "reports from Syrian media", "was quoted as saying");
 * - **primary**: the outlet saw or obtained it itself ("Turkish journalist X told us",
 *   "satellite images showed", "we saw", "as we reported");
 * - **unattributed**: it says the information comes from somewhere without naming it
 *   ("reportedly", "according to reports", "sources said", "it is reported").
 * Each finding has the phrase, its offsets in the text, and the source named (null when
 * none is). `suggestAttribution` picks the passage's underlying source: the first named
 * outlet or agency relayed, else any relay, else a primary finding, else unattributed.
 *
 * Pure and deterministic: patterns over the text, no look-up of the world except the
 * optional `isOutlet` (the notebook's known outlets), which tells an outlet that "said"
 * something from a person who did.
 */
import type { Attribution, AttributionKind } from './schema'

export interface AttributionFinding {
  kind: AttributionKind
  /** The underlying source named ("Reuters", "TRT", "Russian and Syrian sources"); null when none is. */
  source: string | null
  /** The words as they stand in the text. */
  phrase: string
  start: number
  end: number
}

export interface FinderOptions {
  /** Whether a name is an outlet or agency the notebook knows (by name or alias). */
  isOutlet?: (name: string) => boolean
}

// A capitalised word (Unicode letters, inner apostrophes, hyphens, dots: "Al-Monitor", "U.S.").
const CAP = String.raw`\p{Lu}[\p{L}\p{M}\p{Nd}]*(?:['’.\-][\p{L}\p{M}\p{Nd}]+)*\.?`
// A name: capitalised words joined by spaces and a few small words ("Syrian Observatory for Human Rights").
const NAME = String.raw`${CAP}(?:\s+(?:(?:of|for|and|al|el|de|la|du|&)\s+)?${CAP}){0,6}`
// Words that say what kind of source a name is ("TRT media outlet", "Russian and Syrian sources").
const KIND_WORD = String.raw`(?:media\s+outlet|news\s+agency|media|outlet|agency|newspaper|daily|channel|broadcaster|television|TV|news|sources?|officials?|journalists?|correspondents?|reports?)`
const SOURCE = String.raw`(?:the\s+)?${NAME}(?:['’]s?)?(?:\s+${KIND_WORD}){0,2}`
const NAMED = String.raw`(?:the\s+)?${NAME}(?:\s+${KIND_WORD}){0,2}`

// People a text cites without naming them ("two harbour officials", "unnamed sources").
const UNNAMED = String.raw`(?:sources|officials|diplomats|people|residents|witnesses|analysts|experts|reports)\b`
const SAY_VERBS = String.raw`(?:reports|reported|has\s+reported|said|says|has\s+said|stated|states|announced|wrote|writes|claimed|claims|cited|quoted|confirmed|added|noted|told\s+(?:us|me|our\s+\w+|${NAME}))`
const OUTLET_WORDS = /\b(?:media|outlet|agency|newspaper|daily|channel|broadcaster|television|TV|news)\b|\b(?:Times|Post|News|Journal|Herald|Monitor|Gazette|Tribune|Telegraph|Guardian|Observer|Press|Agency|Today|Daily|Review|Insider|Report|Institute|Observatory)$/
const GENERIC_TAIL = /\s+(?:media\s+outlet|news\s+agency|media|outlet|agency|newspaper|daily|channel|broadcaster|television|TV|news)$/i
// Words that start sentences or stand for someone unnamed: never a source on their own.
const NOT_NAMES: ReadonlySet<string> = new Set(
  'the a an he she it they we i you this that these those there his her its their our in on at but and however also some one other others many several meanwhile earlier later then yet still so if when while as after before'.split(' '),
)
const DATE_WORDS = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/
// Nationality adjectives before a name ("Turkish TRT"): dropped from the source.
const ADJECTIVE = /^\p{Lu}\p{Ll}+(?:ish|ian|ean|ese|an|i)$/u

interface Rule {
  re: RegExp
  /** The finding for a match, or null to let it go. */
  make: (m: RegExpExecArray, options: FinderOptions) => Omit<AttributionFinding, 'phrase' | 'start' | 'end'> | null
}

const rx = (source: string) => new RegExp(source, 'gu')

/** The source a matched name stands for: articles, possessives, kind words and leading nationality adjectives removed. */
export function cleanSourceName(raw: string): string | null {
  // "Reuters’ sources", "TASS's correspondent": the outlet is the source.
  const possessive = /^(.+?)['’]s?\s+\S+$/u.exec(raw.trim())
  const words = (possessive ? possessive[1]! : raw).replace(/\s+/g, ' ').trim().replace(/['’]s?$/, '').split(' ')
  // Sentence-opening words, dates and pronouns before a name are not part of it ("In January Reuters").
  while (words.length > 0 && (NOT_NAMES.has(words[0]!.toLowerCase()) || DATE_WORDS.test(words[0]!))) words.shift()
  // A nationality before an acronym ("Turkish TRT") describes it.
  if (words.length > 1 && ADJECTIVE.test(words[0]!) && /^\p{Lu}{2,}$/u.test(words[1]!)) words.shift()
  let text = words.join(' ')
  // "TRT media outlet" → "TRT": a kind word after an acronym or a multi-word name is not part of it.
  const stripped = text.replace(GENERIC_TAIL, '').replace(GENERIC_TAIL, '')
  if (stripped !== text && (/^\p{Lu}{2,}$/u.test(stripped) || /^\p{Lu}[\p{L}]*\s+\p{Lu}/u.test(stripped))) text = stripped
  // A full stop closing the sentence is not part of the name ("…, according to Reuters."); an abbreviation's is ("U.S.").
  if (/\.$/.test(text) && !/(?:^|[\s.])\p{Lu}\.$/u.test(text)) text = text.slice(0, -1)
  return text === '' ? null : text
}

const lowerStart = (s: string) => !/^\p{Lu}/u.test(s.replace(/^the\s+/i, ''))

/** Whether a name reads as a named outlet or agency: known to the notebook, or followed by an outlet word. */
function looksLikeOutlet(raw: string, name: string, options: FinderOptions): boolean {
  return OUTLET_WORDS.test(raw) || (options.isOutlet?.(name) ?? false)
}

const RULES: readonly Rule[] = [
  // Vague: the text says it was reported, and not by whom.
  { re: rx(String.raw`\b(?:[Rr]eportedly|[Aa]llegedly)\b`), make: () => ({ kind: 'unattributed', source: null }) },
  { re: rx(String.raw`\b[Aa]ccording\s+to\s+(?:(?:media|press|local|unconfirmed|some|several|other)\s+)?(?:the\s+)?reports?\b`), make: () => ({ kind: 'unattributed', source: null }) },
  { re: rx(String.raw`\b(?:[Ii]t\s+(?:is|was|has\s+been)\s+(?:reported|claimed|said|alleged)|[Rr]eports\s+(?:say|said|suggest|suggested|indicate|indicated))\b`), make: () => ({ kind: 'unattributed', source: null }) },
  { re: rx(String.raw`\b(?:[Uu]nnamed\s+|[Aa]nonymous\s+)?[Ss]ources\s+(?:said|say|suggest|suggested|claim|claimed|close\s+to|familiar\s+with)\b`), make: () => ({ kind: 'unattributed', source: null }) },
  // Relays: "according to X", "citing X", "reports from X", "seen by X", "told Reuters".
  {
    re: rx(String.raw`\b[Aa]ccording\s+to\s+(${SOURCE})`),
    make: (m, o) => {
      const source = cleanSourceName(m[1]!)
      if (source === null || lowerStart(m[1]!)) return null
      // A named person or official ("according to Murhaf Abu Kasra") is the outlet's own source unless it is a known outlet.
      const relay = looksLikeOutlet(m[1]!, source, o) || /\bsources?\b|['’]/.test(m[1]!) || /^\p{Lu}{2,}$/u.test(source)
      return { kind: relay ? 'secondary' : 'primary', source }
    },
  },
  { re: rx(String.raw`\b[Cc]iting\s+(${SOURCE}|(?:[\p{Ll}\d]+\s+){0,3}${UNNAMED}|sources\s+\w+\s+\w+)`), make: (m) => ({ kind: 'secondary', source: cleanSourceName(m[1]!) ?? m[1]!.trim() }) },
  { re: rx(String.raw`\b(?:reports?|reporting|footage|images|coverage)\s+(?:from|by|in)\s+(${NAMED})`), make: (m) => (lowerStart(m[1]!) ? null : { kind: 'secondary', source: cleanSourceName(m[1]!) }) },
  { re: rx(String.raw`\b(?:seen|obtained|reviewed|published|verified|quoted)\s+by\s+(${NAMED})`), make: (m) => (lowerStart(m[1]!) ? null : { kind: 'secondary', source: cleanSourceName(m[1]!) }) },
  { re: rx(String.raw`\b(?:in\s+an\s+interview\s+with|speaking\s+to|told)\s+(${NAME})`), make: (m) => ({ kind: 'secondary', source: cleanSourceName(m[1]!) }) },
  { re: rx(String.raw`\b[Qq]uoting\s+(${NAMED})`), make: (m) => (lowerStart(m[1]!) ? null : { kind: 'secondary', source: cleanSourceName(m[1]!) }) },
  // "X was quoted as saying": X's words, relayed from an outlet the text does not name.
  { re: rx(String.raw`(${NAME})\s+(?:was|were)\s+quoted\s+as\s+saying`), make: (m) => ({ kind: 'secondary', source: cleanSourceName(m[1]!) }) },
  // Primary: the outlet's own source or observation.
  { re: rx(String.raw`([\p{L}\p{M}'’\-. ]{3,80}?)\s+told\s+(?:us|me|our\s+(?:correspondent|reporter|newspaper|outlet|team))\b`), make: (m) => ({ kind: 'primary', source: cleanSourceName(m[1]!.split(/[,;:]|\band\b|\bthat\b/).pop()!) }) },
  { re: rx(String.raw`\b(?:[Ss]atellite(?:\s+\w+){0,3}\s+(?:images?|imagery|photos?|photographs|pictures)|(?:[Ff]ootage|[Vv]ideos?|[Pp]hotos?|[Ii]mages)\s+(?:verified|geolocated|analysed|analyzed)\s+by\s+(?:us|our\s+\w+))(?:\s+\w+){0,4}?\s+(?:show(?:s|ed|ing)?|reveal(?:s|ed|ing)?|confirm(?:s|ed|ing)?|indicat(?:e|es|ed|ing)|suggest(?:s|ed|ing)?|taken)\b`), make: () => ({ kind: 'primary', source: 'satellite imagery' }) },
  { re: rx(String.raw`\b(?:[Ww]e|[Oo]ur\s+(?:correspondent|reporter|team)s?)\s+(?:(?:have|has)\s+)?(?:saw|seen|observed|witnessed|confirmed|verified|obtained|reviewed|(?:previously|beforehand|earlier)\s+reported)\b|\b[Aa]s\s+we\s+(?:\w+\s+)?reported\b|\b(?:seen|obtained|reviewed|verified|analy[sz]ed)\s+by\s+(?:us|our\s+(?:team|correspondent|reporter)s?)\b`), make: () => ({ kind: 'primary', source: null }) },
  // "X reports", "the Turkish TRT media outlet reported", "TASS said".
  {
    re: rx(String.raw`(${NAMED})\s+${SAY_VERBS}`),
    make: (m, o) => {
      const raw = m[1]!
      if (lowerStart(raw)) return null
      const source = cleanSourceName(raw)
      if (source === null) return null
      const verb = m[0].slice(raw.length).trim()
      const toldSomeone = /^told\s+(?!us\b|me\b|our\b)/.test(verb)
      if (toldSomeone) return null // the "told NAME" rule names the outlet relayed
      const publishing = /^(?:reports|reported|has\s+reported|wrote|writes)$/.test(verb)
      return { kind: publishing || looksLikeOutlet(raw, source, o) || /^\p{Lu}{2,}$/u.test(source) ? 'secondary' : 'primary', source }
    },
  },
]

/** Every attribution phrase in `text`, in text order; overlapping candidates keep the longest (then the earliest). */
export function findAttributions(text: string, options: FinderOptions = {}): AttributionFinding[] {
  const found: AttributionFinding[] = []
  for (const rule of RULES) {
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++
        continue
      }
      const made = rule.make(m, options)
      if (made === null) continue
      // Leading white space of a greedy subject is not part of the phrase.
      const lead = m[0].length - m[0].trimStart().length
      found.push({ ...made, phrase: m[0].trim(), start: m.index + lead, end: m.index + lead + m[0].trim().length })
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: AttributionFinding[] = []
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}

/** Whether a source names an outlet, agency or person rather than unnamed "sources" or "reports". */
function isNamed(source: string | null): boolean {
  return source !== null && !/\b(?:sources|reports|officials|media)$/i.test(source)
}

/**
 * The passage's underlying source, as a suggestion for the analyst to confirm
 * (`confirmed: false`): the first secondary finding naming an outlet, agency or person,
 * else the first secondary one, else the first primary one, else the first vague one;
 * with no finding, unattributed with no source.
 */
export function suggestAttribution(text: string, options: FinderOptions = {}): Attribution {
  const found = findAttributions(text, options)
  const pick =
    found.find((f) => f.kind === 'secondary' && isNamed(f.source)) ??
    found.find((f) => f.kind === 'secondary') ??
    found.find((f) => f.kind === 'primary') ??
    found.find((f) => f.kind === 'unattributed')
  if (pick === undefined) return { kind: 'unattributed', source: null, confirmed: false }
  return { kind: pick.kind, source: pick.source, phrase: pick.phrase, confirmed: false }
}

/**
 * The text to look for a passage's attribution in: the passage with the rest of its first
 * and last sentences (attribution often closes a sentence: "…, Reuters reports."), and
 * the offset of that text in `body`.
 */
export function sentencesAround(body: string, start: number, end: number): { text: string; offset: number } {
  const boundary = /[.!?]["”’)]*\s+|\n\s*\n/g
  let from = 0
  for (let m = boundary.exec(body); m !== null && m.index + m[0].length <= start; m = boundary.exec(body)) from = m.index + m[0].length
  boundary.lastIndex = Math.max(end - 1, from)
  const next = boundary.exec(body)
  const to = next === null ? body.length : next.index + 1
  return { text: body.slice(from, to), offset: from }
}
