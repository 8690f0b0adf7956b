/**
 * The search dialog's "also matched" lines (issue 13): for each word or phrase the search
 * expanded to an entity's spellings, the spellings it also searched, each with the number
 * of articles of the notebook that write it ("Hmeimim" also matched: Khmeimim (14),
 * حميميم (2)).
 */
import type { SearchExpansion } from '../../../core/search/types'

export interface ExpansionLine {
  /** The query's words as typed. */
  raw: string
  /** The entity they name. */
  entity: string
  /** "Khmeimim (14)", one per spelling searched besides the typed text. */
  spellings: string[]
}

export function expansionLines(expansions: readonly SearchExpansion[] | undefined): ExpansionLine[] {
  return (expansions ?? []).flatMap((e) =>
    e.spellings.length === 0 ? [] : [{ raw: e.raw, entity: e.entity, spellings: e.spellings.map((s) => `${s.text} (${s.articles})`) }],
  )
}

/** The line as text: “Hmeimim” also matched: Khmeimim (14), حميميم (2). */
export function expansionText(line: ExpansionLine): string {
  return `“${line.raw}” also matched: ${line.spellings.join(', ')}`
}
