/**
 * The search dialog's "also matched" lines (issue 13): for each word or phrase the search
 * expanded to an entity's spellings, the spellings it also matched, each with the number
 * of articles of the notebook that write it ("Hmeimim" also matched: Khmeimim (14),
 * حميميم (2)). Spellings no article writes are counted, not listed.
 */
import type { SearchExpansion } from '../../../core/search/types'
import { plural } from '../plural'

export interface ExpansionLine {
  /** The query's words as typed. */
  raw: string
  /** The entity they name. */
  entity: string
  /** The spellings searched besides the typed text that some article writes, most written first. */
  matched: { text: string; articles: number }[]
  /** How many other spellings were searched and are written nowhere in the notebook. */
  unfound: number
}

export function expansionLines(expansions: readonly SearchExpansion[] | undefined): ExpansionLine[] {
  return (expansions ?? []).flatMap((e) => {
    if (e.spellings.length === 0) return []
    const matched = e.spellings.filter((s) => s.articles > 0).sort((a, b) => b.articles - a.articles)
    return [{ raw: e.raw, entity: e.entity, matched, unfound: e.spellings.length - matched.length }]
  })
}

/** What follows the spellings: "; 5 other spellings not found", or the whole tail when none matched. */
export function unfoundText(line: ExpansionLine): string {
  if (line.unfound === 0) return ''
  const others = plural(line.unfound, 'other spelling')
  return line.matched.length === 0 ? `no article; ${others} of ${line.entity} searched` : `; ${others} not found`
}

/** The line as text: “Hmeimim” also matched: Khmeimim (14), حميميم (2); 3 other spellings not found. */
export function expansionText(line: ExpansionLine): string {
  return `“${line.raw}” also matched: ${line.matched.map((s) => `${s.text} (${s.articles})`).join(', ')}${unfoundText(line)}`
}
