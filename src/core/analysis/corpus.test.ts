/**
 * The analysis on the five real articles in ../shared/corpus (read from there, never
 * copied into the project). Every metadata field each file states, the furniture its
 * README lists, its damage, and which of the ten pairs reuse the same reporting.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normaliseText } from '../text'
import { analyseText, type TextAnalysis } from './analyse'
import { fingerprint, similarity } from './fingerprint'
import { isProse, nonBlankLines } from './lines'
import { compareFingerprints, findRewrites, REWRITE_THRESHOLD } from './rewrites'

const projectRoot = join(import.meta.dirname, '..', '..', '..')
const corpus = join(projectRoot, '..', 'shared', 'corpus')
const FILES = ['000_55669976acc74c60.txt', '001_daa64de3b2e005fd.txt', '002_046419e80c949d65.txt', '003_993df21826298aa0.txt', '004_9b752680666e40a6.txt']

describe.skipIf(!existsSync(corpus))('analysis of the shared corpus (skipped: ../shared/corpus is absent in this checkout)', () => {
  const texts = FILES.map((f) => normaliseText(readFileSync(join(corpus, f), 'utf8')))
  const analyses = texts.map((t, i) => analyseText(t, { fileName: FILES[i]! }))
  const text = (i: number) => texts[i]!
  const a = (i: number) => analyses[i]!
  const values = (x: TextAnalysis) => Object.fromEntries(Object.entries(x.meta).map(([k, v]) => [k, v.value]))
  const lines = (i: number) => nonBlankLines(text(i))
  const covered = (i: number) => a(i).furniture.map((f) => ({ kind: f.kind, lines: nonBlankLines(text(i).slice(f.start, f.end)).length, start: f.start, end: f.end }))

  /** No prose line (12+ words, punctuated like a sentence) lies in a furniture range. */
  function expectProseUntouched(i: number) {
    for (const line of lines(i).filter(isProse)) {
      for (const f of a(i).furniture) expect(line.end <= f.start || line.start >= f.end, line.text.slice(0, 50)).toBe(true)
    }
  }

  describe('metadata: every field the file states, null where it states none', () => {
    it('000: tagline page with headline and date line (no zone), nothing else stated', () => {
      expect(values(a(0))).toEqual({
        title: 'New Syria government refusing evacuation of Russia military equipment, report says',
        published: '2025-01-15T16:29',
        author: null,
        outlet: null,
        url: null,
        language: 'en',
        wordCount: 336,
      })
      expect(a(0).meta.title.source).toBe('headline: line 3, above the date line')
      expect(a(0).meta.published.source).toBe('date line under the headline (time stated without a UTC offset)')
    })

    it('001: begins with the body and states no headline, date, author, outlet or URL', () => {
      expect(values(a(1))).toEqual({ title: null, published: null, author: null, outlet: null, url: null, language: 'en', wordCount: 626 })
      expect(a(1).meta.published.source).toMatch(/dates inside the body are not the publication date/)
    })

    it('002: repeated headline, JavaScript date with its offset, copyright holder at the end', () => {
      expect(values(a(2))).toEqual({
        title: "Russia's Military Withdrawal Accelerates in Syria's Tartous Port",
        published: '2025-02-02T11:44:27+02:00',
        author: null,
        outlet: 'SwissX REDD UK ltd',
        url: null,
        language: 'en',
        wordCount: 473,
      })
      expect(a(2).meta.title.source).toBe('headline: first line, above the date line and repeated (counted once)')
      expect(a(2).meta.published.source).toBe('date line under the headline, with its UTC offset')
      expect(a(2).meta.outlet.source).toMatch(/^copyright holder in the closing line "©/)
    })

    it('003: repeated headline, standfirst signature, byline with the date', () => {
      expect(values(a(3))).toEqual({
        title: 'Russia withdraws equipment from Syrian bases, but will not abandon them, in new deal talks with HTS',
        published: '2024-12-15',
        author: 'bnm Gulf bureau',
        outlet: 'bne IntelliNews',
        url: null,
        language: 'en',
        wordCount: 807,
      })
      expect(a(3).meta.title.source).toBe('headline: first line, repeated (counted once)')
      expect(a(3).meta.author.source).toBe('byline "By …" before the date')
      expect(a(3).meta.outlet.source).toBe('signature at the end of the standfirst ("… / bne IntelliNews")')
      expect(a(3).meta.published.source).toMatch(/^byline "By bnm Gulf bureau/)
    })

    it('004: begins with the body; "on Tuesday", "yesterday" and "Jan. 25" are not its date', () => {
      expect(values(a(4))).toEqual({ title: null, published: null, author: null, outlet: null, url: null, language: 'en', wordCount: 916 })
    })

    it('says where each stated value is in the text', () => {
      for (const x of analyses) {
        for (const field of ['title', 'author', 'published', 'outlet'] as const) {
          const m = x.meta[field]
          if (m.value === null) continue
          expect(m.at, `${field} of ${x.meta.title.value}`).toBeDefined()
        }
      }
      expect(text(3).slice(a(3).meta.outlet.at!.start, a(3).meta.outlet.at!.end)).toBe('bne IntelliNews')
    })
  })

  describe('furniture: what the corpus README lists, and never the article', () => {
    it('000: a lone "clear" and the site tagline before the headline; a related-article headline at the end', () => {
      expect(covered(0).map((f) => [f.kind, f.lines])).toEqual([
        ['stray-word', 1],
        ['tagline', 1],
        ['related-headline', 1],
      ])
      const [clear, tagline, related] = a(0).furniture
      expect(text(0).slice(clear!.start, clear!.end)).toBe('clear')
      expect(clear!.start).toBe(0)
      expect(tagline!.end).toBeLessThan(text(0).indexOf(a(0).meta.title.value!))
      expect(related!.start).toBe(lines(0).at(-1)!.start)
      expect(related!.end).toBe(text(0).length)
      expectProseUntouched(0)
    })

    it('001 and 004: no furniture', () => {
      expect(a(1).furniture).toEqual([])
      expect(a(4).furniture).toEqual([])
    })

    it('002: the "MORE ON THEME" list with timestamps, "Follow us" and the copyright line', () => {
      expect(covered(2).map((f) => [f.kind, f.lines])).toEqual([
        ['related-list', 61],
        ['social', 1],
        ['copyright', 1],
      ])
      expect(a(2).furniture[0]!.start).toBe(text(2).indexOf('MORE ON THEME'))
      expect(a(2).furniture[0]!.label).toBe('"MORE ON THEME" list: 20 headlines with 40 timestamps')
      expect(a(2).furniture.at(-1)!.end).toBe(text(2).trimEnd().length)
      expectProseUntouched(2)
    })

    it('003: the "News" / "Dismiss" cookie-banner tail', () => {
      expect(covered(3).map((f) => [f.kind, f.lines])).toEqual([['cookie-banner', 2]])
      expect(a(3).furniture[0]!.label).toBe('cookie banner ("News" / "Dismiss")')
      expect(a(3).furniture[0]!.end).toBe(text(3).trimEnd().length)
      expectProseUntouched(3)
    })

    it('the article span runs from the headline (or first line) to the last article line', () => {
      expect(text(0).slice(a(0).article.start).startsWith(a(0).meta.title.value!)).toBe(true)
      expect(a(1).article).toEqual({ start: 0, end: text(1).trimEnd().length })
      expect(text(2).slice(0, a(2).article.end).trimEnd().endsWith('remains tenuous.')).toBe(true)
    })
  })

  describe('damage flags', () => {
    it('004: the two U+FFFD where an emoji was lost, with their offsets', () => {
      const flags = a(4).flags
      expect(flags.map((f) => f.kind)).toEqual(['replacement-character'])
      expect(flags[0]!.count).toBe(2)
      for (const p of flags[0]!.positions!) expect(text(4)[p]).toBe('\uFFFD')
    })

    it('nothing else: no mojibake in the curly quotes, em dashes and Sohtaoğlu, no short extraction', () => {
      for (const i of [0, 1, 2, 3]) expect(a(i).flags).toEqual([])
    })
  })

  describe('rewrites: all ten pairs', () => {
    const pairs = FILES.flatMap((_, i) => FILES.map((__, j) => [i, j] as const).filter(([, j]) => j > i))
    const linked = new Set(['1-4'])

    it.each(pairs)('%i vs %i', (i, j) => {
      const r = compareFingerprints(a(i).fingerprint, a(j).fingerprint)
      if (linked.has(`${i}-${j}`)) {
        expect(r.kind).toBe('paraphrase')
        expect(r.score).toBeGreaterThan(0.45)
        expect(r.aligned).toBeGreaterThanOrEqual(15)
      } else {
        expect(r.kind).toBeNull()
        expect(r.score).toBeLessThan(0.15)
      }
    })

    it('5-word shingles alone see none of them, not even the paraphrase', () => {
      for (const [i, j] of pairs) expect(similarity(a(i).fingerprint, a(j).fingerprint)).toBeLessThan(0.05)
    })

    it('findRewrites links 001 and 004 to each other and nothing else', () => {
      const all = analyses.map((x, i) => ({ id: FILES[i]!.slice(0, 3), fingerprint: x.fingerprint }))
      expect(findRewrites(a(1).fingerprint, all).map((m) => m.id)).toEqual(['004'])
      expect(findRewrites(a(4).fingerprint, all).map((m) => m.id)).toEqual(['001'])
      for (const i of [0, 2, 3]) expect(findRewrites(a(i).fingerprint, all)).toEqual([])
    })

    it('a short article against all the others joined (a long text on the same topic) is not linked', () => {
      for (const i of [0, 2, 3]) {
        const rest = fingerprint(texts.filter((_, k) => k !== i).join('\n\n'))
        expect(compareFingerprints(a(i).fingerprint, rest).score).toBeLessThan(REWRITE_THRESHOLD)
      }
    })

    it('the paraphrase is still found inside a text four times its length', () => {
      const rest = fingerprint(texts.filter((_, k) => k !== 1).join('\n\n'))
      expect(compareFingerprints(a(1).fingerprint, rest).score).toBeGreaterThanOrEqual(REWRITE_THRESHOLD)
    })
  })
})
