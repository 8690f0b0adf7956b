import { describe, expect, it } from 'vitest'
import { isRightToLeftParagraph, layoutText, type MeasureText, type TextLine } from './text-layout'

/** Every grapheme 0.5 em wide, in every font: lines of `width / (0.5 * size)` characters. */
const mono: MeasureText = (_font, text) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length * 0.5
const SIZE = 10 // 5 pt per character

/** What the line looks like on the page, left to right, simulating fontkit's own reversal of Arabic strings. */
function visual(line: TextLine): string {
  return line.runs
    .map((r) => (r.font === 'arabic' && /\p{Script=Arabic}/u.test(r.text) ? [...r.text].reverse().join('') : r.text))
    .join('')
}
const runs = (line: TextLine) => line.runs.map((r) => [r.font, r.text, r.rtl])

describe('layoutText', () => {
  it('breaks Latin text at spaces into lines that fit, one run per line', () => {
    const lines = layoutText('one two three four five six seven', 'regular', SIZE, 60, mono) // 12 characters per line
    // A line keeps the space it broke at (drawn, not counted in its width).
    expect(lines.map((l) => visual(l))).toEqual(['one two ', 'three four ', 'five six ', 'seven'])
    for (const l of lines) {
      expect(l.width).toBeLessThanOrEqual(60)
      expect(l.runs).toHaveLength(1)
      expect(l.align).toBe('left')
    }
  })

  it('keeps blank lines and paragraph breaks; tabs become spaces', () => {
    const lines = layoutText('first\n\nsecond\tpart', 'regular', SIZE, 500, mono)
    expect(lines.map((l) => visual(l))).toEqual(['first', '', 'second part'])
  })

  it('sets an Arabic place name inside an English sentence in the Arabic font, in place', () => {
    const [line] = layoutText('the port of طرطوس on 14 December', 'regular', SIZE, 500, mono)
    expect(runs(line!)).toEqual([
      ['regular', 'the port of ', false],
      ['arabic', 'طرطوس', true],
      ['regular', ' on 14 December', false],
    ])
    expect(visual(line!)).toBe('the port of سوطرط on 14 December')
  })

  it('orders a multi-word Arabic phrase and Arabic names joined by a dash right to left inside an English line', () => {
    const [a] = layoutText('authority (مرفأ طرطوس) published', 'regular', SIZE, 500, mono)
    expect(runs(a!)).toEqual([
      ['regular', 'authority (', false],
      ['arabic', 'مرفأ طرطوس', true],
      ['regular', ') published', false],
    ])
    const [b] = layoutText('from طرطوس - اللاذقية today', 'italic', SIZE, 500, mono)
    // Both names and the dash form one right-to-left stretch: the second name comes first on the page.
    expect(runs(b!)).toEqual([
      ['italic', 'from ', false],
      ['arabic', 'اللاذقية', true],
      ['italic', ' - ', true],
      ['arabic', 'طرطوس', true],
      ['italic', ' today', false],
    ])
  })

  it('sets an Arabic paragraph right to left and right-aligned, with numbers left to right inside it', () => {
    expect(isRightToLeftParagraph('عام 2024 في طرطوس')).toBe(true)
    expect(isRightToLeftParagraph('The port of طرطوس')).toBe(false)
    expect(isRightToLeftParagraph('طرطوس is the largest port of the country')).toBe(false)
    expect(isRightToLeftParagraph('from طرطوس - اللاذقية today')).toBe(false)
    const [line] = layoutText('عام 2024 في طرطوس', 'regular', SIZE, 500, mono)
    expect(line!.align).toBe('right')
    expect(runs(line!)).toEqual([
      ['arabic', 'في طرطوس', true],
      ['regular', ' ', true],
      ['regular', '2024', false],
      ['regular', ' ', true],
      ['arabic', 'عام', true],
    ])
    // Arabic-Indic digits are in the Arabic font: reversed here so fontkit's reversal restores them.
    const [digits] = layoutText('عام ٢٠٢٤', 'regular', SIZE, 500, mono)
    expect(runs(digits!)).toEqual([
      ['arabic', '٤٢٠٢', false],
      ['arabic', 'عام ', true],
    ])
    expect(visual(digits!)).toBe('٢٠٢٤ ماع')
  })

  it('mirrors brackets at right-to-left levels', () => {
    const [line] = layoutText('(طرطوس) مرفأ', 'regular', SIZE, 500, mono)
    expect(visual(line!)).toBe('أفرم (سوطرط)')
  })

  it('wraps a right-to-left paragraph with its first words on the first line', () => {
    const lines = layoutText('واحد اثنان ثلاثة أربعة', 'regular', SIZE, 60, mono)
    expect(lines.map((l) => visual(l))).toEqual(['نانثا دحاو', 'ةعبرأ ةثالث'])
  })

  it('cuts a word wider than the line, preferably after a slash', () => {
    const lines = layoutText('see https://example.org/a/very/long/path/to/an/article.html now', 'regular', SIZE, 100, mono) // 20 characters
    expect(lines.map((l) => visual(l).trimEnd())).toEqual(['see', 'https://example.org/', 'a/very/long/path/to/', 'an/article.html now'])
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(100)
  })

  it('keeps every character (only line-break spaces are not drawn)', () => {
    const text = '  Sohtaoğlu said “temporary” — طرطوس، سوريا؟ (2024) … done  '
    const lines = layoutText(text, 'regular', SIZE, 90, mono)
    const drawn = lines.flatMap((l) => l.runs.map((r) => r.text)).join('')
    const sorted = (s: string) => [...s.replace(/\s/g, '')].sort().join('')
    expect(sorted(drawn)).toBe(sorted(text))
    expect(visual(lines[0]!).startsWith('  Sohtaoğlu')).toBe(true)
  })

  it('does not count a line’s break space in its width', () => {
    const [first] = layoutText('aaaa bbbb', 'regular', SIZE, 30, mono)
    expect(first!.runs.map((r) => r.text)).toEqual(['aaaa '])
    expect(first!.width).toBe(20)
  })

  it('positions runs one after another', () => {
    const [line] = layoutText('ab طرطوس cd', 'regular', SIZE, 500, mono)
    expect(line!.runs.map((r) => [r.x, r.width])).toEqual([
      [0, 15],
      [15, 25],
      [40, 15],
    ])
    expect(line!.width).toBe(55)
  })
})
