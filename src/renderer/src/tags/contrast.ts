/**
 * Is a tag colour readable as a highlight? The reader fills a highlight with the tag
 * colour at the theme's alpha (--mark-alpha in styles/base.css) over the reader's page
 * (--bg-raised), with the theme's text colour on top. This computes the WCAG 2 contrast
 * of that text over that fill, for the light and the dark theme.
 */

/** The theme values from styles/base.css that a highlight is drawn with. */
export const THEMES = {
  light: { name: 'light', page: '#ffffff', text: '#1f1d1a', alpha: 0.3 },
  dark: { name: 'dark', page: '#202226', text: '#e6e3dc', alpha: 0.34 },
} as const

/** WCAG AA for body text. */
export const MIN_CONTRAST = 4.5

type Rgb = [number, number, number]

export function parseHex(color: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim())
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : null
}

/** `color` at `alpha` over `under` (sRGB, as color-mix(in srgb, …) does). */
export function blend(color: Rgb, under: Rgb, alpha: number): Rgb {
  return [0, 1, 2].map((i) => color[i]! * alpha + under[i]! * (1 - alpha)) as Rgb
}

function channel(v: number): number {
  const c = v / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

export interface HighlightContrast {
  light: number
  dark: number
}

/** Contrast of the theme text over a highlight of `color`, in each theme; null for a malformed colour. */
export function highlightContrast(color: string): HighlightContrast | null {
  const rgb = parseHex(color)
  if (!rgb) return null
  const ratio = (theme: (typeof THEMES)[keyof typeof THEMES]) =>
    contrastRatio(parseHex(theme.text)!, blend(rgb, parseHex(theme.page)!, theme.alpha))
  return { light: ratio(THEMES.light), dark: ratio(THEMES.dark) }
}

/** A warning to show beside the colour choice, or null when highlights stay readable in both themes. */
export function contrastWarning(color: string): string | null {
  const c = highlightContrast(color)
  if (!c) return 'Colour must be #rrggbb.'
  const weak = (['light', 'dark'] as const).filter((k) => c[k] < MIN_CONTRAST)
  if (weak.length === 0) return null
  const where = weak.length === 2 ? 'both the light and the dark theme' : `the ${weak[0]} theme`
  const worst = Math.min(...weak.map((k) => c[k]))
  return `Text over this highlight colour is hard to read in ${where} (contrast ${worst.toFixed(1)}:1, needs ${MIN_CONTRAST}:1).`
}
