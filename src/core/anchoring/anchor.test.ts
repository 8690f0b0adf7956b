import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleId, HighlightId } from '../ids'
import type { Highlight } from '../model'
import { makeTextTarget } from '../selectors'
import { normaliseText } from '../text'
import { anchorTarget, maxQuoteErrors, reanchorAll } from './index'

// Our own prose (the corpus is read from ../shared/corpus only where noted, never copied).
const BASE = [
  'Satellite images taken on Monday show two landing ships moored at the naval base in Tartus.',
  'Officials in Damascus said the talks with Moscow were “frank and useful”, without giving details.',
  'A convoy of about forty trucks left the Khmeimim air base at dawn and drove north towards the coast.',
  'Analyst Ömer Sohtaoğlu wrote that the convoy was carrying air defence radars.',
  'Later that week the convoy returned empty, according to residents of the village.',
  'The ministry denied that any agreement on the naval base had been reached.',
].join('\n\n')

function target(text: string, quote: string, occurrence = 0) {
  let start = -1
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1)
  if (start < 0) throw new Error(`fixture: "${quote}" #${occurrence} not in text`)
  return makeTextTarget(text, start, start + quote.length)
}

describe('anchorTarget', () => {
  it('keeps the stored position when the quote is still there', () => {
    const t = target(BASE, 'forty trucks left the Khmeimim air base')
    expect(anchorTarget(BASE, t)).toEqual({ start: t.start, end: t.end, method: 'position', score: 1 })
  })

  it('keeps the position when only text after the quote changed', () => {
    const t = target(BASE, 'forty trucks left the Khmeimim air base')
    const edited = BASE.replace('had been reached', 'was reached, a spokesman said on Tuesday')
    expect(anchorTarget(edited, t)?.method).toBe('position')
  })

  it('finds the quote again after text was inserted before it', () => {
    const t = target(BASE, 'the convoy was carrying air defence radars')
    const preface = 'UPDATED: this report was corrected on 3 February.\n\n'
    const edited = preface + BASE
    const a = anchorTarget(edited, t)
    expect(a).toMatchObject({ method: 'exact', start: t.start + preface.length, end: t.end + preface.length })
    expect(edited.slice(a!.start, a!.end)).toBe(t.exact)
  })

  it('finds the quote again after text was deleted before it', () => {
    const t = target(BASE, 'The ministry denied')
    const edited = BASE.replace(/^Satellite[^\n]*\n\n/, '')
    const a = anchorTarget(edited, t)!
    expect(a.method).toBe('exact')
    expect(edited.slice(a.start, a.end)).toBe('The ministry denied')
  })

  it('anchors approximately when a word inside the quote changed', () => {
    const t = target(BASE, 'A convoy of about forty trucks left the Khmeimim air base at dawn')
    const edited = BASE.replace('about forty trucks', 'about 40 lorries')
    const a = anchorTarget(edited, t)!
    expect(a.method).toBe('approximate')
    expect(edited.slice(a.start, a.end)).toBe('A convoy of about 40 lorries left the Khmeimim air base at dawn')
    expect(a.score).toBeGreaterThan(0.8)
  })

  it('anchors approximately when the quote and its context were both edited', () => {
    const t = target(BASE, 'the talks with Moscow were “frank and useful”')
    const edited = BASE.replace('Officials in Damascus said', 'Syrian officials said').replace('were “frank and useful”', 'had been “frank and useful”')
    const a = anchorTarget(edited, t)!
    expect(a.method).toBe('approximate')
    expect(edited.slice(a.start, a.end)).toBe('the talks with Moscow had been “frank and useful”')
  })

  it('survives re-wrapped white space inside the quote', () => {
    const t = target(BASE, 'Analyst Ömer Sohtaoğlu wrote that the convoy was carrying air defence radars.')
    const edited = BASE.replace('wrote that the convoy', 'wrote that\nthe  convoy')
    const a = anchorTarget(edited, t)!
    expect(a.method).toBe('approximate')
    expect(edited.slice(a.start, a.end)).toBe('Analyst Ömer Sohtaoğlu wrote that\nthe  convoy was carrying air defence radars.')
  })

  describe('repeated phrases', () => {
    it('chooses the occurrence whose context matches, not the first or the nearest', () => {
      // "the convoy" occurs twice (and "A convoy" once); the highlight is the second.
      const t = target(BASE, 'the convoy', 1)
      expect(BASE.slice(t.start - 16, t.start)).toBe('Later that week ')
      const edited = BASE.replace('A convoy of about forty', 'The first convoy, of about forty').replace(/^Satellite[^\n]*\n\n/, '')
      const a = anchorTarget(edited, t)!
      expect(a.method).toBe('exact')
      expect(edited.slice(a.start - 16, a.end)).toBe('Later that week the convoy')
    })

    it('tells apart "the naval base" at the start and at the end by its context', () => {
      const first = target(BASE, 'the naval base', 0)
      const last = target(BASE, 'the naval base', 1)
      const edited = 'Correction appended.\n\n' + BASE
      expect(edited.slice(anchorTarget(edited, first)!.start - 10, anchorTarget(edited, first)!.start)).toBe('moored at ')
      const a = anchorTarget(edited, last)!
      expect(edited.slice(a.start - 13, a.start)).toBe('agreement on ')
    })

    it('breaks a tie between identical sentences by distance from the old position', () => {
      const line = 'No agreement has been reached.'
      const text = `${line}\n\nMiddle paragraph one.\n\n${line}\n\nMiddle paragraph two.\n\n${line}\n\nThe end.`
      const t = target(text, line, 1)
      const edited = 'Intro.\n' + text
      const a = anchorTarget(edited, t)!
      expect(a.start).toBe(t.start + 'Intro.\n'.length)
    })

    it('prefers the edited passage in place over an exact copy of the quote elsewhere', () => {
      // The quote "the convoy returned empty" is rewritten in place, and the same words
      // happen to appear in a new, unrelated sentence added at the end.
      const t = target(BASE, 'Later that week the convoy returned empty, according to residents')
      const edited =
        BASE.replace('the convoy returned empty, according to residents', 'the convoy came back empty, according to residents') +
        '\n\nNobody could confirm whether Later that week the convoy returned empty, according to residents was accurate.'
      // The copy at the end is exact but its context is unrelated; the one in place is
      // approximate with its context intact, and wins.
      const a = anchorTarget(edited, t)!
      expect(a.method).toBe('approximate')
      expect(a.start).toBe(t.start)
      expect(edited.slice(a.start, a.end)).toBe('Later that week the convoy came back empty, according to residents')
    })
  })

  it('returns null (orphan) when the quote is gone', () => {
    const t = target(BASE, 'Analyst Ömer Sohtaoğlu wrote that the convoy was carrying air defence radars.')
    const edited = BASE.replace(/Analyst[^\n]*\n\n/, '')
    expect(anchorTarget(edited, t)).toBeNull()
  })

  it('anchors a short quote out of context only when it occurs once', () => {
    const unique = target(BASE, 'Sohtaoğlu')
    const rewritten = 'In a long thread, Sohtaoğlu argued otherwise.\n\nNothing else changed here at all.'
    expect(anchorTarget(rewritten, unique)).toMatchObject({ method: 'exact', start: rewritten.indexOf('Sohtaoğlu') })
    const repeated = target(BASE, 'the convoy', 1)
    const elsewhere = 'Nobody saw the convoy. Reports about the convoy differ, said a spokesman.'
    expect(anchorTarget(elsewhere, repeated)).toBeNull()
  })

  it('returns null when the quote was rewritten beyond recognition', () => {
    const t = target(BASE, 'forty trucks left the Khmeimim air base at dawn')
    const edited = BASE.replace('forty trucks left the Khmeimim air base at dawn', 'several vehicles departed from Hmeimim overnight')
    expect(anchorTarget(edited, t)).toBeNull()
  })

  it('does not anchor a short quote to a look-alike in unrelated context', () => {
    const t = target(BASE, 'Tartus')
    const edited = 'Ships were seen off Tartous on Friday.'
    expect(anchorTarget(edited, t)).toBeNull()
  })

  it('handles empty text and quotes longer than the text', () => {
    const t = target(BASE, 'the naval base')
    expect(anchorTarget('', t)).toBeNull()
    expect(anchorTarget('naval', t)).toBeNull()
  })

  it('allows a quarter of the quote in errors, at most 32', () => {
    expect(maxQuoteErrors(3)).toBe(0)
    expect(maxQuoteErrors(40)).toBe(10)
    expect(maxQuoteErrors(1000)).toBe(32)
  })
})

describe('anchorTarget on the real corpus', () => {
  const dir = resolve(__dirname, '../../../../shared/corpus')
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')) : []
  it.skipIf(files.length === 0)('re-anchors passages after a paragraph is removed and words are changed', () => {
    for (const file of files) {
      const text = normaliseText(readFileSync(join(dir, file), 'utf8'))
      // Highlight 60 characters a third of the way into the longest line.
      const lines = text.split('\n')
      const longest = lines.reduce((a, b) => (b.length > a.length ? b : a))
      const start = text.indexOf(longest) + Math.floor(longest.length / 3)
      const t = makeTextTarget(text, start, start + 60)
      // Remove the first line (a headline or page furniture) and replace a word inside the quote.
      const cut = text.indexOf('\n', 1) + 1
      expect(cut).toBeLessThan(start)
      const shifted = t.start - cut
      const firstWord = /\b[a-z]{4,}\b/.exec(t.exact)
      let edited = text.slice(cut)
      if (firstWord) {
        const at = shifted + firstWord.index
        edited = edited.slice(0, at) + 'XYZW' + edited.slice(at + firstWord[0].length)
      }
      const a = anchorTarget(edited, t)
      expect(a, file).not.toBeNull()
      expect(Math.abs(a!.start - shifted), file).toBeLessThanOrEqual(2)
      expect(Math.abs(a!.end - (shifted + 60 + (firstWord ? 4 - firstWord[0].length : 0))), file).toBeLessThanOrEqual(2)
    }
  })
})

describe('reanchorAll', () => {
  const hl = (n: number, t: ReturnType<typeof target>): Highlight => ({
    id: `h-${String(n).padStart(10, '0')}` as HighlightId,
    articleId: 'a-0000000001' as ArticleId,
    target: t,
    tagIds: [],
    comment: '',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  })

  it('returns anchored highlights and orphans, in the order given', () => {
    const highlights = [
      hl(1, target(BASE, 'naval base in Tartus')),
      hl(2, target(BASE, 'Ömer Sohtaoğlu wrote that the convoy was carrying air defence radars')),
      hl(3, target(BASE, 'Later that week the convoy returned empty')),
      hl(4, target(BASE, 'frank and useful')),
    ]
    const edited = ('Preface.\n\n' + BASE).replace(/Analyst[^\n]*\n\n/, '').replace('returned empty', 'returned almost empty')
    const { anchored, orphans } = reanchorAll(edited, highlights)
    expect(orphans.map((h) => h.id)).toEqual([highlights[1]!.id])
    expect(anchored.map((a) => [a.highlight.id, a.method])).toEqual([
      [highlights[0]!.id, 'exact'],
      [highlights[2]!.id, 'approximate'],
      [highlights[3]!.id, 'exact'],
    ])
    expect(edited.slice(anchored[1]!.start, anchored[1]!.end)).toBe('Later that week the convoy returned almost empty')
  })

  it('re-anchors hundreds of highlights in a 10,000-word text quickly', () => {
    // Seeded pseudo-prose: 10,000 words over a vocabulary of 400 words, so phrases repeat.
    let seed = 42
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const vocab = Array.from({ length: 400 }, (_, i) => `w${(i * 7919).toString(36)}`)
    vocab.push('the', 'of', 'and', 'convoy', 'base', 'Tartus', 'Sohtaoğlu')
    const words: string[] = []
    for (let i = 0; i < 10_000; i++) words.push(vocab[Math.floor(rand() * vocab.length)]!)
    const text = words.join(' ')
    const highlights: Highlight[] = []
    for (let i = 0; i < 300; i++) {
      const s = text.indexOf(' ', Math.floor(rand() * (text.length - 200))) + 1
      highlights.push(hl(i, makeTextTarget(text, s, s + 20 + Math.floor(rand() * 80))))
    }
    // Insert text at the start (every highlight shifts) and edit inside a tenth of them.
    let edited = 'A new headline\n\n' + text
    for (const h of highlights.filter((_, i) => i % 10 === 0)) {
      const at = h.target.start + 16 + 5
      edited = edited.slice(0, at) + 'X' + edited.slice(at + 1)
    }
    const t0 = performance.now()
    const { anchored, orphans } = reanchorAll(edited, highlights)
    const ms = performance.now() - t0
    expect(orphans).toEqual([])
    expect(anchored).toHaveLength(300)
    for (const a of anchored) expect(Math.abs(a.start - (a.highlight.target.start + 16))).toBeLessThanOrEqual(1)
    // Typically ~100-300 ms here; the bound only catches a pathological slowdown.
    expect(ms).toBeLessThan(3000)

    // A single approximate re-anchor of a long quote in the 10,000-word text.
    const long = makeTextTarget(text, 30_000, 30_400)
    const rewritten = text.slice(0, 30_100) + 'an inserted clause, ' + text.slice(30_100)
    const t1 = performance.now()
    const a = anchorTarget('Intro\n' + rewritten, long)!
    expect(performance.now() - t1).toBeLessThan(200)
    expect(a.method).toBe('approximate')
    expect(a.start).toBe(30_006)
  })
})
