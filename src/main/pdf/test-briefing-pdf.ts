/**
 * The briefing PDF tests' fixture and tools (not shipped: only tests import it): a notebook
 * written by hand (Turkish, curly quotes, dashes, ellipsis, Arabic in English sentences, a
 * passage in Arabic, a passage long enough to cross a page, fragments that start or end
 * mid-sentence, a chosen tag without passages), the stored briefing document built from
 * it, and how the tests read a PDF back (poppler-utils and qpdf, each test skipped with its
 * reason when the tool is missing).
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { createBriefingDocument, makeBriefingId, setSectionNote } from '../../core/briefing-document'
import type { ArticleId, HighlightId, TagId } from '../../core/ids'
import { emptyAnalysisFields, type Article, type Highlight, type Tag } from '../../core/model'
import { makeTextTarget } from '../../core/selectors'
import { containsArabic, splitScriptRuns } from './script-runs'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const FONTS_DIR = join(ROOT, 'resources', 'fonts')

/** Whether a command-line tool is installed (poppler-utils / qpdf). */
export function has(bin: string): boolean {
  const probe = spawnSync(bin, [bin === 'qpdf' ? '--version' : '-v'], { stdio: 'ignore' })
  return probe.error === undefined
}

export function run(bin: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * How text is compared. pdftotext wraps lines where the PDF wraps them, so runs of
 * whitespace collapse to one space; nothing else is changed.
 *
 * Arabic: the PDF draws a right-to-left run in visual order, and pdftotext turns it back:
 * - the default mode yields each Arabic run in logical order (the order typed), wrapped in
 *   bidi embedding controls U+202B … U+202C, but moves the neutral characters that touch
 *   the run (spaces, brackets, quotes) to the other side of it;
 * - `-raw` (content-stream order) keeps Latin text exact but gives Arabic in visual order.
 * So Latin-only strings are checked exactly in the `-raw` text; strings holding Arabic are
 * checked as (1) every Arabic run, exactly and in logical order, in the default-mode text,
 * and (2) every other character, in order, once Arabic letters, bidi controls and
 * whitespace are set aside on both sides. Visual order itself is checked with word
 * positions (`pdftotext -bbox`).
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g
export const normalise = (s: string) => s.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim()
export const skeleton = (s: string) => s.replace(/[\p{Script_Extensions=Arabic}\u202a-\u202e\u2066-\u2069\s]/gu, '')

export interface Extracted {
  /** `pdftotext -raw`, page furniture removed, normalised. */
  raw: string
  /** `pdftotext` default mode, page furniture removed, normalised. */
  reading: string
}

export function expectInPdfText(extracted: Extracted, expected: string): void {
  if (!containsArabic(expected)) {
    expect(extracted.raw).toContain(normalise(expected))
    return
  }
  for (const r of splitScriptRuns(expected).filter((x) => x.arabic)) expect(extracted.reading).toContain(normalise(r.text))
  expect(skeleton(extracted.reading)).toContain(skeleton(expected))
}

export const countIn = (haystack: string, needle: string) => haystack.split(needle).length - 1

// ---------------------------------------------------------------------------------------
// Fixture: a notebook written by hand (Turkish, curly quotes, dashes, ellipsis, Arabic in
// English sentences, a passage in Arabic, a passage long enough to cross a page, fragments
// of sentences in English and Arabic, a passage from a French article, a tag chosen for
// the briefing that no passage carries), built into a briefing with the real buildBriefing.

export const HANDLING = 'UNCLASSIFIED // FOR TRAINING'
export const AUTHOR = 'Analyst Sohtaoğlu'
export const GENERATED = '2026-11-21T13:57:00.000Z'

export const TAGS: Tag[] = [
  { id: 't-ports' as TagId, name: 'Ports & shipping', color: '#0072B2', description: 'Port calls, shipping routes and who controls the harbours.' },
  { id: 't-sanctions' as TagId, name: 'Sanctions – enforcement', color: '#D55E00', description: 'How existing measures are (or are not) applied.' },
  { id: 't-people' as TagId, name: 'People', color: '#CC79A7', description: '' },
  { id: 't-unused' as TagId, name: 'Unused tag', color: '#009E73', description: 'Chosen for the briefing, but no passage carries it.' },
]
export const [PORTS, SANCTIONS, PEOPLE, UNUSED] = TAGS.map((t) => t.id) as [TagId, TagId, TagId, TagId]

export const FILLER = [
  'Harbour officials said the berths on the northern quay had been cleared by the end of the week, and that civilian traffic would resume once the dredging contract was signed.',
  'Two tugboats and a floating crane were seen leaving the outer basin at dawn; local fishermen said the naval patrols that had stopped them for a decade were no longer there.',
  'The operator declined to say how many containers were still waiting for inspection, citing “commercial sensitivities” and the need to consult its insurers first.',
  'Freight rates on the route rose for a third consecutive month, which brokers attributed to longer waits at anchor rather than to any change in demand.',
]
export const LONG_QUOTE =
  'The report runs to forty pages and its conclusions are cautious. ' +
  [...FILLER, ...FILLER].join(' ') +
  '\n\nA second paragraph follows the blank line: it describes the customs regime, the fees charged per tonne and the documents a master must present before unloading. ' +
  [...FILLER].reverse().join(' ')

export const Q = {
  tartus: 'Satellite images show two vessels berthed at the port of طرطوس on 14 December, the operator’s third call this year…',
  harbour: 'The harbour authority (مرفأ طرطوس) published its tariff only in Arabic.',
  route: 'Ships now sail from طرطوس – بانياس along the coast before turning west.',
  arabic: 'أعلنت سلطة مرفأ طرطوس أن الرسوم ستبقى كما هي حتى نهاية العام 2025.',
  sohtaoglu: 'Mehmet Sohtaoğlu told reporters that the “temporary” arrangement — agreed in March — would ‘remain in place’ until further notice.',
  age: 'Sohtaoğlu, 54, has led the port authority since 2019.',
  french: 'Le port de Tartous reste ouvert aux navires civils, selon la capitainerie.',
  /** Fragments: lowercase start and cut short; a name in mid-sentence; Arabic cut at both ends. */
  patrols: 'the naval patrols that had stopped them for a decade',
  midName: 'Sohtaoğlu told reporters that the “temporary” arrangement',
  arabicFragment: 'سلطة مرفأ طرطوس',
}

export const TEXTS: Record<string, string> = {
  'a-0000000001': `Tartus, 15 December. ${Q.tartus} ${Q.route} ${FILLER.join(' ')} ${LONG_QUOTE}`,
  'a-0000000002': `Ankara. ${Q.sohtaoglu} ${Q.age} ${FILLER.join(' ')}`,
  'a-0000000003': `Notes. ${Q.harbour} ${Q.arabic} ${FILLER.join(' ')}`,
  'a-0000000004': `Paris. ${Q.french} Fin.`,
}
const article = (n: number, title: string, outlet: string | null, author: string | null, published: string | null, url: string | null, language: string | null = 'en'): Article => {
  const id = `a-000000000${n}`
  return {
    id: id as ArticleId,
    title,
    outlet,
    author,
    published,
    url,
    metaSources: {},
    bodyHash: String(n).repeat(64),
    wordCount: 100,
    charCount: TEXTS[id]!.length,
    importedAt: '2025-03-01T09:00:00.000Z',
    ...emptyAnalysisFields(),
    language,
    source: { fileName: `${id}.txt`, format: 'txt', originalFile: `originals/${'f'.repeat(64)}.txt`, originalHash: 'f'.repeat(64) },
  }
}
export const ARTICLES = [
  article(1, 'Russia withdraws naval assets from Syrian ports', 'bne IntelliNews', 'Jane Roe', '2024-12-15', 'https://example.org/news/russia-withdraws'),
  article(2, '“Temporary” corridor will stay, Sohtaoğlu says', 'Anadolu Agency', null, '2025-01-03T10:00:00+03:00', null),
  article(3, 'Notes from the harbour at طرطوس', null, 'A. N. Writer', null, null),
  article(4, 'Tartous : le port reste ouvert', 'Le Quotidien', null, '2025-01-05', null, 'fr'),
]

let counter = 0
function hl(articleNo: number, quote: string, tagIds: TagId[], comment = '', occurrence = 0): Highlight {
  const id = `a-000000000${articleNo}`
  const text = TEXTS[id]!
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`not in the text: ${quote}`)
  counter++
  const hId = `h-${String(counter).padStart(10, '0')}` as HighlightId
  return { id: hId, articleId: id as ArticleId, target: makeTextTarget(text, start, start + quote.length), tagIds, comment, createdAt: GENERATED, updatedAt: GENERATED }
}
export const HIGHLIGHTS: Highlight[] = [
  hl(1, Q.tartus, [PORTS], 'Cross-check with the AIS data for the same week.'),
  hl(1, Q.route, [PORTS]),
  hl(3, Q.harbour, [PORTS], 'Ask for a translation of the tariff — the fees matter.'),
  hl(3, Q.arabic, [PORTS], 'The authority’s statement, in full.'),
  ...FILLER.map((q, i) => hl(1, q, [PORTS], i % 2 === 0 ? `Filler comment number ${i + 1}; worth a follow-up.` : '')),
  hl(1, LONG_QUOTE, [PORTS], 'Long quote: checks that a passage may run across a page break.'),
  hl(2, Q.sohtaoglu, [SANCTIONS, PEOPLE], 'Contradicts the ministry’s statement of 2 February… check the Turkish original.'),
  ...FILLER.map((q) => hl(2, q, [SANCTIONS])),
  hl(2, Q.age, [PEOPLE], 'Born in İzmir; check the date.'),
  ...FILLER.map((q) => hl(3, q, [PEOPLE])),
  hl(2, Q.patrols, [SANCTIONS]),
  hl(2, Q.midName, [PEOPLE]),
  hl(3, Q.arabicFragment, [PEOPLE]),
  hl(4, Q.french, [PEOPLE]),
]
export const NOTEBOOK = { articles: ARTICLES, tags: TAGS, highlights: HIGHLIGHTS }

export function fixtureDocument() {
  let doc = createBriefingDocument({
    id: makeBriefingId('00000pdf01'),
    now: GENERATED,
    tags: TAGS,
    title: 'Eastern Mediterranean ports — weekly briefing',
    author: AUTHOR,
    handling: HANDLING,
    keyJudgments: 'Russia is keeping a foothold at طرطوس while talks continue.\n\nPort traffic is recovering — slowly — and the tariff regime favours local operators.',
  })
  doc = setSectionNote(doc, PORTS, 'Port calls are down sharply since December; the operator’s statements conflict.')
  doc = setSectionNote(doc, PEOPLE, 'Who decides at the port, and who speaks for it.')
  return doc
}

// ---------------------------------------------------------------------------------------
