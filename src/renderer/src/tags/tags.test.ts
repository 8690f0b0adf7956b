import { describe, expect, it } from 'vitest'
import type { TagSummary } from '../../../core/api'
import type { TagId } from '../../../core/ids'
import { MIN_CONTRAST, contrastRatio, contrastWarning, highlightContrast, parseHex } from './contrast'
import { buildTagTree, flattenTree } from './hierarchy'
import { PALETTE, nextPaletteColor } from './palette'

const summary = (name: string, id = name.toLowerCase().replace(/\W/g, '-')): TagSummary => ({
  id: `t-${id}` as TagId,
  name,
  color: '#E69F00',
  description: '',
  highlightCount: 0,
})

describe('buildTagTree', () => {
  it('nests names with / under their parent, keeping codebook order', () => {
    const tree = buildTagTree([summary('Bases'), summary('Convoys'), summary('Bases/Tartus'), summary('Bases/Khmeimim')])
    expect(flattenTree(tree).map((n) => [n.path, n.label, n.depth, n.tag?.name ?? null])).toEqual([
      ['Bases', 'Bases', 0, 'Bases'],
      ['Bases/Tartus', 'Tartus', 1, 'Bases/Tartus'],
      ['Bases/Khmeimim', 'Khmeimim', 1, 'Bases/Khmeimim'],
      ['Convoys', 'Convoys', 0, 'Convoys'],
    ])
  })

  it('makes a tagless group for a parent that is not a tag, and keeps same-named tags apart', () => {
    const tree = buildTagTree([summary('Actors/Russia'), summary('Actors / Russia', 'dup')])
    expect(tree).toHaveLength(1)
    expect(tree[0]!.tag).toBeNull()
    expect(tree[0]!.children.map((c) => c.tag?.id)).toEqual(['t-actors-russia', 't-dup'])
  })
})

describe('contrast', () => {
  it('computes WCAG ratios (black on white is 21:1)', () => {
    expect(contrastRatio(parseHex('#000000')!, parseHex('#ffffff')!)).toBeCloseTo(21, 5)
    expect(parseHex('red')).toBeNull()
  })

  it('finds every palette colour readable as a highlight in both themes', () => {
    for (const { color } of PALETTE) {
      const c = highlightContrast(color)!
      expect(Math.min(c.light, c.dark), color).toBeGreaterThanOrEqual(MIN_CONTRAST)
      expect(contrastWarning(color)).toBeNull()
    }
  })

  it('warns about a colour that washes out the dark theme’s text', () => {
    const c = highlightContrast('#ffffff')!
    expect(c.dark).toBeLessThan(MIN_CONTRAST)
    expect(c.light).toBeGreaterThanOrEqual(MIN_CONTRAST)
    expect(contrastWarning('#ffffff')).toMatch(/hard to read in the dark theme/)
    expect(contrastWarning('#12')).toBe('Colour must be #rrggbb.')
  })
})

describe('nextPaletteColor', () => {
  it('picks the first unused palette colour, case-insensitively', () => {
    expect(nextPaletteColor(['#e69f00', '#56B4E9'])).toBe('#009E73')
    expect(nextPaletteColor(PALETTE.map((p) => p.color).concat('#E69F00'))).toBe('#56B4E9')
  })
})
