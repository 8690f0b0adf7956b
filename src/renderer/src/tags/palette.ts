/**
 * Tag colours: the Okabe-Ito palette, chosen to stay distinguishable under the common
 * forms of colour blindness, and the next unused one for a new tag.
 */
export const PALETTE: readonly { color: string; name: string }[] = [
  { color: '#E69F00', name: 'Orange' },
  { color: '#56B4E9', name: 'Sky blue' },
  { color: '#009E73', name: 'Bluish green' },
  { color: '#F0E442', name: 'Yellow' },
  { color: '#0072B2', name: 'Blue' },
  { color: '#D55E00', name: 'Vermillion' },
  { color: '#CC79A7', name: 'Reddish purple' },
  { color: '#999999', name: 'Grey' },
]

export function sameColor(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/** The first palette colour no tag uses yet; the one used least when all are taken. */
export function nextPaletteColor(used: readonly string[]): string {
  let best = PALETTE[0]!.color
  let bestCount = Infinity
  for (const { color } of PALETTE) {
    const count = used.filter((u) => sameColor(u, color)).length
    if (count < bestCount) {
      best = color
      bestCount = count
    }
  }
  return best
}

/** The palette name of a colour, or the colour itself. */
export function colorName(color: string): string {
  return PALETTE.find((p) => sameColor(p.color, color))?.name ?? color.toUpperCase()
}
