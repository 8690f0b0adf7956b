/**
 * The rules for a tag's fields: names (trimmed, `/` for hierarchy, unique regardless of
 * case), colours (`#rrggbb`, or the next colour of a colour-blind-safe palette) and
 * descriptions.
 */
import type { Tag } from '../../core/model'
import { DossierError } from '../../core/result'

/**
 * The Okabe-Ito palette: distinguishable under the common forms of colour blindness. New
 * tags take the first colour no tag uses yet; when all are used, the least used (first
 * in this order) — the palette cycles.
 */
export const TAG_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#999999'] as const

export const MAX_TAG_NAME = 100
export const MAX_TAG_DESCRIPTION = 500

/**
 * A tag name as stored: NFC, runs of white space collapsed, trimmed, and trimmed around
 * each `/` (hierarchy: "Bases / Tartus" becomes "Bases/Tartus"). Throws 'bad-request'
 * for an empty name, an empty level ("Bases//Tartus", "/Bases") or one over 100 characters.
 */
export function normaliseTagName(raw: string): string {
  const segments = raw.normalize('NFC').split('/').map((s) => s.replace(/\s+/g, ' ').trim())
  if (segments.every((s) => s === '')) throw new DossierError('bad-request', 'The tag name is empty: give it a name.')
  if (segments.some((s) => s === '')) {
    throw new DossierError('bad-request', `The tag name "${raw.trim()}" has an empty level: use "/" only between names, as in "Bases/Tartus".`)
  }
  const name = segments.join('/')
  if (name.length > MAX_TAG_NAME) throw new DossierError('bad-request', `The tag name is ${name.length} characters long; at most ${MAX_TAG_NAME} are allowed.`)
  return name
}

/** Throws 'tag-exists' when another tag (not `exceptId`) has this name, ignoring case. */
export function assertNameFree(tags: readonly Tag[], name: string, exceptId?: string): void {
  const folded = foldName(name)
  const clash = tags.find((t) => t.id !== exceptId && foldName(t.name) === folded)
  if (clash) throw new DossierError('tag-exists', `There is already a tag named "${clash.name}": choose another name, or merge into that tag.`)
}

function foldName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('und')
}

/** A `#rrggbb` colour, upper-cased as the palette is; throws 'bad-request' otherwise. */
export function normaliseColor(raw: string): string {
  const color = raw.trim()
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new DossierError('bad-request', `The colour "${raw}" is not of the form #rrggbb (for example #0072B2).`)
  return color.toUpperCase()
}

/** The first palette colour no tag uses; when all are used, the least used one. */
export function nextPaletteColor(tags: readonly Tag[]): string {
  const uses = new Map<string, number>(TAG_PALETTE.map((c) => [c, 0]))
  for (const t of tags) {
    const c = t.color.toUpperCase()
    if (uses.has(c)) uses.set(c, uses.get(c)! + 1)
  }
  let best: string = TAG_PALETTE[0]
  for (const c of TAG_PALETTE) if (uses.get(c)! < uses.get(best)!) best = c
  return best
}

/** A trimmed description of at most 500 characters; throws 'bad-request' otherwise. */
export function normaliseDescription(raw: string): string {
  const description = raw.normalize('NFC').trim()
  if (description.length > MAX_TAG_DESCRIPTION) {
    throw new DossierError('bad-request', `The description is ${description.length} characters long; at most ${MAX_TAG_DESCRIPTION} are allowed.`)
  }
  return description
}
